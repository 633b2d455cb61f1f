"""compose: report model + layout → format-neutral document model.

Only this stage knows both the report data and the 公文 structure; it never imports a writer
library (python-docx, reportlab).
"""

from generator.compose.composer import compose

__all__ = ["compose"]
