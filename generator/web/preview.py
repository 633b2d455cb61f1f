"""Outputs built from the page's data: the PDF drawn as page images, and files to download.

Each build goes to a fresh temporary folder through the same ``write_outputs`` as ``gongwen
build``; downloads wait in a small store under an unguessable token until fetched or pushed
out by newer ones, and the store is removed when the server stops.
"""

from __future__ import annotations

import base64
import io
import secrets
import shutil
import tempfile
from collections import OrderedDict
from pathlib import Path

import pypdfium2

from generator.build import write_outputs
from generator.load.report_model import ReportFile

PREVIEW_SCALE = 0.75           # 54 dpi: a page 446 px wide, enough to see the layout
KEPT_DOWNLOADS = 16


def page_images(report: ReportFile, stem: str, warnings: list[str]) -> list[str]:
    """The PDF's pages as PNG data URLs."""
    with tempfile.TemporaryDirectory(prefix="gongwen-preview-") as folder:
        pdf_path = write_outputs(report, stem, Path(folder), ("pdf",), None, warn=warnings.append)[0]
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


class Downloads:
    """Built files waiting to be fetched, by token."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="gongwen-downloads-"))
        self._files: OrderedDict[str, Path] = OrderedDict()

    def build(self, report: ReportFile, stem: str, fmt: str, warnings: list[str]) -> str:
        """Build one format; the token to fetch it with."""
        token = secrets.token_urlsafe(16)
        folder = self.folder / token
        folder.mkdir()
        self._files[token] = write_outputs(report, stem, folder, (fmt,), None, warn=warnings.append)[0]
        while len(self._files) > KEPT_DOWNLOADS:
            _, old = self._files.popitem(last=False)
            shutil.rmtree(old.parent, ignore_errors=True)
        return token

    def get(self, token: str) -> Path | None:
        return self._files.get(token)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
