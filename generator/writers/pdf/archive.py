"""PDF/A writer: paged document → the archive copy (PDF/A-1b, clean enough for PDF/A-2b too).

reportlab cannot write PDF/A by itself (no output intent, no XMP claim, no EOL before
``endstream``), so the PDF writer paints the pages in the layout's RGB colours and pikepdf then
rewrites the file with what PDF/A asks for: an sRGB output intent (the vendored profile
``sRGB.icc``, matching the one colour family used), XMP metadata mirroring the Info
dictionary (``xmp.py``), ``/Lang``. The content streams are not touched, so the text extracts
exactly as from the print PDF.

Info keeps no ``/Producer``: a signer (pyhanko) rewrites that entry in Info and XMP its own way,
and a file without one stays valid PDF/A once signed. Same data, same bytes: the trailer ID is
computed from the content.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import pikepdf

from generator.paged_document import PagedDocument
from generator.writers.pdf import write_pdf
from generator.writers.pdf.xmp import MIRRORED, xmp_packet

PART, CONFORMANCE = 1, "B"
LANGUAGE = "zh-CN"
PROFILE = Path(__file__).resolve().parent / "sRGB.icc"      # ICC v2: PDF/A-1 refuses v4 profiles
PROFILE_NAME = "sRGB IEC61966-2.1"


def _output_intent(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """The sRGB output intent: how the file's DeviceRGB colours are meant to look."""
    profile = pdf.make_stream(PROFILE.read_bytes(), N=3)
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1, OutputConditionIdentifier=PROFILE_NAME,
        Info=PROFILE_NAME, RegistryName="http://www.color.org", DestOutputProfile=profile))


def archive_copy(source: BinaryIO, target: BinaryIO) -> None:
    """Rewrite the RGB-painted PDF ``source`` as PDF/A-1b into ``target``."""
    with pikepdf.open(source) as pdf:
        info = pdf.trailer.Info
        for key in list(info.keys()):
            if key not in MIRRORED or key == "/Producer":
                del info[key]
        pdf.Root.Metadata = pdf.make_stream(xmp_packet(info, PART, CONFORMANCE), Type=pikepdf.Name.Metadata,
                                            Subtype=pikepdf.Name.XML)
        pdf.Root.OutputIntents = pikepdf.Array([_output_intent(pdf)])
        pdf.Root.Lang = pikepdf.String(LANGUAGE)
        pdf.save(target, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                 compress_streams=True)


def write_pdfa(paged: PagedDocument, target: BinaryIO) -> None:
    """Write the archive copy to ``target`` (a binary file object)."""
    painted = BytesIO()
    write_pdf(paged, painted, colors="rgb")
    painted.seek(0)
    archive_copy(painted, target)
