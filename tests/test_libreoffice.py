"""LibreOffice opens our DOCX and, through fonts/fonts.conf, renders it with the project's fonts."""

from __future__ import annotations

from pypdf import PdfReader

from tests.conftest import libreoffice_pdf, squeeze


def test_libreoffice_converts_the_docx_with_the_mapped_fonts(seed_outputs, tmp_path):
    reader = PdfReader(libreoffice_pdf(seed_outputs["docx"], tmp_path))
    fonts = {font.get_object()["/BaseFont"].split("+")[-1]
             for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert {"FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular", "FandolSong-Bold"} <= fonts, fonts
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    assert "福州市长乐区人民政府办公室文件" in text
    assert "六、其他需要报告的事项" in text
    assert len(reader.pages) >= 10
