"""write: document model → files. One sub-package per format; none sees report data."""
