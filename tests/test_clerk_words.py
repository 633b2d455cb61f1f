"""Issue 18: tried as a new user would — a broken data file, a broken workbook, a bad seal scan,
a wrong password — every line the program prints is Chinese, with no English word other than
file names, commands and their options."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from openpyxl import load_workbook
from PIL import Image

from generator.i18n import LANG_ENV
from tests.conftest import ROOT

EXAMPLE = ROOT / "data" / "example-2021.yaml"
# what may stay in Latin letters: a file's name, a command, an option, an environment variable
# and the names of formats and encodings (PDF, PNG, UTF-8 …), which are written so in Chinese too
_FILE = re.compile(r"[\w./-]*\.(yaml|xlsx|png|jpg|pdf|p12|pfx|html|docx)\b|/[\w./-]+")
_COMMAND = re.compile(r"gongwen(\s+[a-z][\w-]*)?|(?<!\w)--?[a-z][\w-]*|\$?GONGWEN_\w+")
_NAMES = re.compile(r"\b[A-Z][A-Z0-9]+(-\d+)?\b|\bU\+[0-9A-F]{4}\b|\b(Excel|Word|WPS|LibreOffice)\b")
# what the user typed (a field name of the data file, quoted as typed), or the choices argparse offers
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _english_words(line: str) -> list[str]:
    for pattern in (_QUOTED, _FILE, _COMMAND, _NAMES):
        line = pattern.sub(" ", line)
    return _WORD.findall(line)


def _gongwen(*args: str | Path, cwd: Path) -> list[str]:
    """What a clerk sees: every line printed, stdout and stderr, in the default language."""
    environment = {key: value for key, value in os.environ.items() if key != LANG_ENV}
    result = subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, capture_output=True,
                            text=True, timeout=120, env={**environment, "PYTHONPATH": str(ROOT)})
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def _p12(path: Path, password: bytes) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试")])
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
                   .sign(key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"office", key, certificate, None,
                                                           serialization.BestAvailableEncryption(password)))
    return path


def _broken_data(folder: Path) -> list[Path]:
    text = EXAMPLE.read_text(encoding="utf-8")
    files = {
        "syntax.yaml": "year: 2021\norgan: 某区人民政府\ncover:\n  title: 关于：报送: 报告\n",
        "tab.yaml": "year: 2021\norgan:\n\t某区人民政府\n",
        "missing.yaml": "year: 2021\norgan: 某区人民政府\nformat: 2021\n",
        "unknown.yaml": text.replace("organ:", "orgen:", 1),
        "sums.yaml": text.replace("received:     {natural_person: 236", "received:     {natural_person: 238", 1)
                         .replace("disclosed:        {natural_person: 120", "disclosed:        {natural_person: -1", 1),
        "type.yaml": text.replace("commercial: 12,", "commercial: 十二,", 1),
        "date.yaml": text.replace("date: 2023-01-16", "date: 2023-02-30", 1),
        "flow.yaml": text + "extra: [1, 2\n",
    }
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "gbk.yaml").write_bytes("year: 2021\norgan: 某区人民政府\n".encode("gbk"))
    return [folder / name for name in (*files, "gbk.yaml")]


def test_a_new_user_reads_only_chinese(tmp_path):
    lines: list[str] = []
    for data in _broken_data(tmp_path):
        lines += _gongwen("check", data.name, cwd=tmp_path)
    lines += _gongwen("build", "sums.yaml", "-o", "out", cwd=tmp_path)
    lines += _gongwen("build", "missing-file.yaml", cwd=tmp_path)
    lines += _gongwen("buld", "sums.yaml", cwd=tmp_path)
    lines += _gongwen("build", cwd=tmp_path)

    _gongwen_ok = subprocess.run([sys.executable, "-m", "generator", "xlsx-template", "--year", "2024", "--organ",
                                  "某区人民政府", "-o", "tables.xlsx"], cwd=tmp_path, capture_output=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert _gongwen_ok.returncode == 0, _gongwen_ok.stderr
    workbook = load_workbook(tmp_path / "tables.xlsx")
    workbook["表二"]["E7"] = 1.5
    workbook.save(tmp_path / "decimal.xlsx")
    workbook["表二"]["E7"] = 1
    workbook["表二"]["B8"] = "（一）公开"
    workbook.save(tmp_path / "label.xlsx")
    for name in ("decimal.xlsx", "label.xlsx", "syntax.yaml", "none.xlsx"):
        lines += _gongwen("import", name, "-o", "report.yaml", cwd=tmp_path)
    lines += _gongwen("import", "label.xlsx", cwd=tmp_path)

    (tmp_path / "seal.png").write_text("not an image", encoding="utf-8")
    Image.new("RGB", (400, 200), "red").save(tmp_path / "wide.png")
    for seal in ("seal.png", "wide.png", "none.png"):
        lines += _gongwen("build", str(EXAMPLE), "--seal", seal, "-o", "out", cwd=tmp_path)

    _p12(tmp_path / "office.p12", b"right")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "password.txt").write_text("wrong\n", encoding="utf-8")
    lines += _gongwen("sign", "report.pdf", "--p12", "office.p12", "--password-file", "password.txt",
                      "-o", "signed.pdf", cwd=tmp_path)
    lines += _gongwen("sign", "report.pdf", "--p12", "office.p12", "-o", "signed.pdf", cwd=tmp_path)

    assert len(lines) > 20
    if os.environ.get("SHOW_LINES"):
        print("\n".join(lines))
    english = {line: words for line in lines if (words := _english_words(line))}
    assert not english, "\n".join(f"{line}\n    {words}" for line, words in english.items())
    assert all(re.search(r"[\u4e00-\u9fff]", line) for line in lines)


def test_english_on_request_keeps_the_maintainers_wording(tmp_path):
    """``--lang en``: the msgids themselves, places as data paths, as before the catalog."""
    (tmp_path / "type.yaml").write_text(_broken_data(tmp_path)[5].read_text(encoding="utf-8"), encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != LANG_ENV}
    result = subprocess.run([sys.executable, "-m", "generator", "check", "type.yaml", "--lang", "en"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, env={**environment, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stderr.endswith(": error: report.applications.received.commercial: expected a whole number, "
                                  "blank or \"/\", got \"十二\"\n"), result.stderr
    sums = subprocess.run([sys.executable, "-m", "generator", "check", "sums.yaml", "--lang", "en"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, env={**environment, "PYTHONPATH": str(ROOT)})
    assert "error: 三、（一）予以公开/自然人 is -1: a count cannot be negative" in sums.stdout
    assert sums.stdout.splitlines()[-1] == "sums.yaml: 4 error(s), 0 warning(s)"
