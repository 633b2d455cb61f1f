"""LibreOffice opens our DOCX and, through fonts/fonts.conf, renders it with the project's fonts."""

from __future__ import annotations

import os
import subprocess

from pypdf import PdfReader

from tests.conftest import FONTS_CONF, require_tool, squeeze


def test_libreoffice_converts_the_docx_with_the_mapped_fonts(seed_outputs, tmp_path):
    soffice = require_tool("soffice")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(seed_outputs["docx"])],
        capture_output=True, text=True, env=env, timeout=300)
    pdf = tmp_path / (seed_outputs["docx"].stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    reader = PdfReader(pdf)
    fonts = {font.get_object()["/BaseFont"].split("+")[-1]
             for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert {"FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular", "FandolSong-Bold"} <= fonts, fonts
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    assert "福州市长乐区人民政府办公室文件" in text
    assert "六、其他需要报告的事项" in text
    assert len(reader.pages) >= 10
