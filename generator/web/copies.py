"""The copies the page hands over as downloads, built from what is on the page: every format,
the portal copy, sealed or not, and the tables' workbook; and the folder's seal scan.

A copy is built in a temporary folder through the same ``write_outputs`` as ``gongwen build``
and handed back whole in the response, so the browser saves it without leaving the page and no
download address can expire while the page is open.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.responses import Response

from generator.build import write_outputs
from generator.errors import GongwenError
from generator.output_files import write_atomically
from generator.seal_image import check_seal_image
from generator.web.files import Refused

SEAL_NAME = ".gongwen-seal"         # the folder's seal scan, beside its data files (a hidden file is never served)
MEDIA_TYPES = {".pdf": "application/pdf", ".ofd": "application/ofd",
               ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def attachment(content: bytes, filename: str) -> Response:
    """``content`` as a file the browser saves under ``filename``."""
    media = next((kind for suffix, kind in MEDIA_TYPES.items() if filename.endswith(suffix)), "application/octet-stream")
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


def built_copy(document: Any, stem: str, fmt: str, parts: str, seal: Path | None, kind: Any) -> tuple[str, bytes]:
    """One copy of ``document``: its file name and bytes."""
    with tempfile.TemporaryDirectory(prefix="gongwen-copy-") as folder:
        path = write_outputs(document, stem if parts == "all" else f"{stem}.{parts}", Path(folder), (fmt,), None,
                             warn=lambda _: None, seal=seal, parts=parts, kind=kind)[0]
        return path.name, path.read_bytes()


def workbook_copy(report: Any) -> bytes:
    """The statutory tables of ``report`` as the workbook ``gongwen xlsx-template --from`` writes."""
    from generator.excel.template import write_template
    target = io.BytesIO()
    write_template(report.model_dump(), target, report)
    return target.getvalue()


def workbook_into(path: Path, content: bytes, filename: str) -> list[str]:
    """Merge an uploaded workbook's figures into the data file ``path`` as ``gongwen import
    --into`` does, keeping its prose and comments; the checks' lines. Nothing is written when
    the workbook has errors (Refused, with the first of them)."""
    from generator.build import ChecksFailed
    from generator.excel.importer import import_workbook
    said: list[str] = []
    with tempfile.TemporaryDirectory(prefix="gongwen-workbook-") as scratch:
        upload = Path(scratch) / "upload.xlsx"
        upload.write_bytes(content)
        try:
            import_workbook(upload, path, path, say=said.append)
        except ChecksFailed:
            raise Refused("; ".join(line.replace(str(upload), filename) for line in said[:3])) from None
        except GongwenError as error:
            raise Refused(str(error).replace(str(upload), filename)) from None
    return said


def seal_path(folder: Path) -> Path | None:
    """The folder's seal scan, if one was uploaded."""
    found = [path for path in folder.glob(f"{SEAL_NAME}.*") if path.suffix in (".png", ".jpg")]
    return found[0] if found else None


def keep_seal(folder: Path, filename: str, content: bytes) -> None:
    """Check an uploaded seal scan as ``--seal`` does and keep it as the folder's."""
    suffix = ".png" if content.startswith(b"\x89PNG") else ".jpg"
    with tempfile.TemporaryDirectory(prefix="gongwen-seal-") as scratch:
        trial = Path(scratch) / f"seal{suffix}"
        trial.write_bytes(content)
        try:
            check_seal_image(trial)
        except GongwenError as error:
            raise Refused(str(error).replace(str(trial), filename)) from None
    for old in folder.glob(f"{SEAL_NAME}.*"):
        old.unlink()
    write_atomically(folder / f"{SEAL_NAME}{suffix}", content)
