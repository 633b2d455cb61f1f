"""Outputs built from the page's data: the PDF drawn as page images, and files to download.

Each build goes to a fresh temporary folder through the same ``write_outputs`` as ``gongwen
build`` (the downloads: ``generator.web.copies``).
"""

from __future__ import annotations

import base64
import io
import tempfile
from pathlib import Path

import pypdfium2

from generator.build import write_outputs
from generator.kinds import Kind
from generator.load.report_model import ReportFile

PREVIEW_SCALE = 0.75           # 54 dpi: a page 446 px wide, enough to see the layout


def page_images(report: ReportFile, stem: str, warnings: list[str], kind: Kind | None = None) -> list[str]:
    """The PDF's pages as PNG data URLs (``kind``: of a document other than the annual report)."""
    with tempfile.TemporaryDirectory(prefix="gongwen-preview-") as folder:
        pdf_path = write_outputs(report, stem, Path(folder), ("pdf",), None, warn=warnings.append, kind=kind)[0]
        pdf = pypdfium2.PdfDocument(pdf_path)
        try:
            images = []
            for page in pdf:
                buffer = io.BytesIO()
                page.render(scale=PREVIEW_SCALE).to_pil().save(buffer, "PNG", optimize=True)
                images.append("data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii"))
            return images
        finally:
            pdf.close()
