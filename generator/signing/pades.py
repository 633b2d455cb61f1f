"""A PAdES signature (ETSI.CAdES.detached, SHA-256) with the office's own certificate, made
offline by pyhanko as an incremental update covering the whole file.

A PDF/A copy stays valid PDF/A once signed: the signature field is invisible, printable and
given an empty appearance stream (PDF/A wants one on every widget), and pyhanko writes its own
Producer into Info and XMP alike when the file has none (the archive writer leaves it out, and
a PDF/A from elsewhere has its Producer dropped here). The output is written beside its final
name and renamed into place (generator.output_files): a failed run leaves nothing behind.
"""

from __future__ import annotations

from itertools import count
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers

from generator.errors import UsageError
from generator.i18n import message
from generator.os_reasons import os_reason
from generator.output_files import replaced_together


def _invisible_field(writer: IncrementalPdfFileWriter) -> str:
    """Add an empty, invisible signature field on the first page; its name (Signature1, or the
    next free one on a file signed before)."""
    taken = {name for name, _, _ in fields.enumerate_sig_fields(writer)}
    name = next(f"Signature{n}" for n in count(1) if f"Signature{n}" not in taken)
    fields.append_signature_field(writer, fields.SigFieldSpec(name, on_page=0))
    [(_, _, reference)] = fields.enumerate_sig_fields(writer, with_name=name)
    appearance = generic.StreamObject({
        generic.pdf_name("/Type"): generic.pdf_name("/XObject"),
        generic.pdf_name("/Subtype"): generic.pdf_name("/Form"),
        generic.pdf_name("/BBox"): generic.ArrayObject([generic.FloatObject(0)] * 4),
    }, stream_data=b"")
    widget = reference.get_object()
    widget[generic.pdf_name("/AP")] = generic.DictionaryObject({generic.pdf_name("/N"): writer.add_object(appearance)})
    writer.update_container(widget)
    return name


def _without_producer(writer: IncrementalPdfFileWriter) -> None:
    """In a file with XMP (a PDF/A), drop Info's Producer: pyhanko then writes its own into
    Info and XMP alike, where it would otherwise append to Info's and replace XMP's."""
    info = writer.trailer_view.get("/Info")
    if "/Metadata" in writer.root and info is not None and "/Producer" in info.get_object():
        del info.get_object()["/Producer"]
        writer.update_container(info)


def sign_pdf(source: Path, output: Path, signer: signers.Signer) -> None:
    """Sign ``source`` into ``output`` (which may be ``source`` itself); UsageError (exit 2)
    for a file that cannot be read, is no PDF or is encrypted."""
    try:
        handle = source.open("rb")
    except OSError as error:
        raise UsageError(message("{path}: cannot read it ({reason})", path=source, reason=os_reason(error))) from None
    with handle:
        try:
            writer = IncrementalPdfFileWriter(handle, strict=False)
            if writer.security_handler is not None:
                raise UsageError(message("{path}: is encrypted; sign the file as it was written", path=source))
            _without_producer(writer)
            metadata = signers.PdfSignatureMetadata(field_name=_invisible_field(writer), md_algorithm="sha256",
                                                    subfilter=fields.SigSeedSubFilter.PADES)
            with replaced_together(output) as create, create(output) as target:
                signers.PdfSigner(metadata, signer).sign_pdf(writer, output=target)
        except PdfError as error:
            raise UsageError(message("{path}: cannot read as PDF ({error})", path=source, error=error)) from None
