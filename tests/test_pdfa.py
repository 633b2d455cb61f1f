"""The PDF/A archive copy (gongwen build --format pdfa): valid PDF/A-1b under Apache PDFBox
Preflight for every data file, painted in RGB only under an sRGB output intent, its XMP agreeing
with Info and the data, its text the print PDF's; and the validator failing a broken copy."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from generator.build import build
from generator.cli import main
from generator.writers.pdf.archive import PROFILE
from tests.conftest import ROOT, SEED, composed, preflight, require_tool

COLOR_OPERATORS = {"g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN"}
SAVE_AS_ARCHIVE_DOES = {"deterministic_id": True, "object_stream_mode": pikepdf.ObjectStreamMode.disable,
                        "compress_streams": True}


def _color_operators(path: Path) -> set[str]:
    with pikepdf.open(path) as pdf:
        return {str(operator) for page in pdf.pages for _, operator in pikepdf.parse_content_stream(page)
                if str(operator) in COLOR_OPERATORS}


def _finding_codes(report: str) -> set[str]:
    """The codes of Preflight's findings ("2.4.2 : Invalid Color space, …" → "2.4.2")."""
    return set(re.findall(r"^(\d+(?:\.\d+)+) : ", report, re.MULTILINE))


def test_the_archive_copy_is_valid_pdfa_1b(data_copies):
    valid, report = preflight(data_copies["pdfa"])
    assert valid, report
    assert report == f"The file {data_copies['pdfa'].name} is a valid PDF/A-1b file"


def test_the_archive_copy_extracts_the_print_pdfs_text(data_copies):
    pdftotext = require_tool("pdftotext")
    text = {kind: subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
            for kind, path in data_copies.items()}
    assert len(text["pdf"]) > 1000 and text["pdfa"] == text["pdf"]


def test_the_archive_copy_paints_in_rgb_and_the_print_pdf_in_cmyk(data_copies):
    assert _color_operators(data_copies["pdfa"]) == {"rg", "RG"}
    assert _color_operators(data_copies["pdf"]) == {"k", "K"}


def test_the_archive_copy_embeds_every_font_and_has_no_ascii85(data_copies):
    pdffonts = require_tool("pdffonts")
    lines = subprocess.run([pdffonts, str(data_copies["pdfa"])], capture_output=True, text=True, check=True).stdout
    fonts = lines.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), lines
    with pikepdf.open(data_copies["pdfa"]) as pdf:
        filters = {str(f) for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
                   for f in (obj.get("/Filter") if isinstance(obj.get("/Filter"), pikepdf.Array)
                             else [obj.get("/Filter")]) if f is not None}
    assert filters == {"/FlateDecode"}


def test_the_archive_copy_declares_language_intent_and_metadata_from_the_data(data_copies):
    meta = composed(ROOT / "data" / f"{data_copies['pdf'].stem}.yaml").meta
    with pikepdf.open(data_copies["pdfa"]) as pdf:
        assert pdf.pdf_version == "1.4" and str(pdf.Root.Lang) == "zh-CN"
        [intent] = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.N == 3
        assert intent.DestOutputProfile.read_bytes() == PROFILE.read_bytes()
        info = pdf.trailer.Info
        assert {str(key): str(value) for key, value in info.items()} == {
            "/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject,
            "/Keywords": ", ".join(meta.keywords), "/Creator": "gongwen",
            "/CreationDate": meta.created.strftime("D:%Y%m%d%H%M%S+00'00'"),
            "/ModDate": meta.created.strftime("D:%Y%m%d%H%M%S+00'00'")}
        assert "/Filter" not in pdf.Root.Metadata       # the packet stays readable as it is
        xmp = pdf.open_metadata()
        assert xmp["dc:title"] == meta.title and xmp["dc:creator"] == [meta.author]
        assert xmp["dc:description"] == meta.subject and xmp["pdf:Keywords"] == str(info.Keywords)
        assert xmp["xmp:CreatorTool"] == "gongwen" and "pdf:Producer" not in xmp
        assert xmp["xmp:CreateDate"] == xmp["xmp:ModifyDate"] == meta.created.strftime("%Y-%m-%dT%H:%M:%S+00:00")
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("1", "B")


def test_the_command_writes_the_same_archive_copy_every_time(tmp_path):
    """gongwen build --format pdfa writes NAME.pdfa.pdf alone, byte for byte the same each run."""
    runs = []
    for name in ("first", "second"):
        assert main(["build", str(SEED), "-o", str(tmp_path / name), "--format", "pdfa"]) == 0
        runs.append(sorted((tmp_path / name).iterdir()))
    assert [[path.name for path in run] for run in runs] == [["changle-2020.pdfa.pdf"]] * 2
    assert runs[0][0].read_bytes() == runs[1][0].read_bytes()


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-pdfa")
    return build(SEED, out, ("pdfa",), None, warn=lambda message: None, say=lambda line: None)[0]


def _broken(source: Path, target: Path, breaking) -> Path:
    """``source`` with one thing broken by ``breaking(pdf)``, saved as the archive writer saves."""
    with pikepdf.open(source) as pdf:
        breaking(pdf)
        pdf.save(target, **SAVE_AS_ARCHIVE_DOES)
    return target


def _stray_cmyk(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].contents_add(pdf.make_stream(b"0 0 0 1 k 0 0 1 1 re f"))


def _no_output_intent(pdf: pikepdf.Pdf) -> None:
    del pdf.Root.OutputIntents


@pytest.mark.parametrize("breaking, codes", [(_stray_cmyk, {"2.4.2"}), (_no_output_intent, {"2.4.1"})],
                         ids=["a stray DeviceCMYK fill", "no output intent"])
def test_preflight_fails_a_broken_archive_copy(seed_copy, tmp_path, breaking, codes):
    """The validator is no rubber stamp: one colour in the other family, or the intent gone
    (every DeviceRGB colour then lacks one), and the file is refused for that alone."""
    valid, report = preflight(_broken(seed_copy, tmp_path / "broken.pdf", breaking))
    assert not valid and "is not a valid PDF/A-1b file" in report
    assert _finding_codes(report) == codes, report[:2000]
