"""gongwen sign: a PAdES signature with the office's certificate (a throwaway EC P-256 CA made
here), valid for poppler's pdfsig over the whole document, the PDF/A still valid under PDFBox
Preflight; every refusal one line and exit 2, and no file left behind."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from generator.build import build
from generator.cli import main
from generator.signing.password import PASSWORD_ENV
from tests.conftest import ROOT, SEED, preflight, require_tool

PASSWORD = "测试 password"
OFFICE = "福州市长乐区人民政府办公室（测试）"
NOW = dt.datetime.now(dt.timezone.utc)
SIGNING = {"digital_signature": True, "content_commitment": True, "key_encipherment": False,
           "data_encipherment": False, "key_agreement": False, "key_cert_sign": False, "crl_sign": False,
           "encipher_only": False, "decipher_only": False}
CERTIFYING = {**SIGNING, "digital_signature": False, "content_commitment": False, "key_cert_sign": True,
              "crl_sign": True}


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject: str, key, issuer: x509.Name, issuer_key, usage: dict[str, bool], days: tuple[int, int],
                 ca: bool = False) -> x509.Certificate:
    return (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW + dt.timedelta(days=days[0])).not_valid_after(NOW + dt.timedelta(days=days[1]))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(**usage), critical=True)
            .sign(issuer_key, hashes.SHA256()))


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Path]:
    """PKCS#12 files under a throwaway CA: the office's, and some that cannot sign."""
    folder = tmp_path_factory.mktemp("keys")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("测试专用 CA", ca_key, _name("测试专用 CA"), ca_key, CERTIFYING, (-1, 30), ca=True)

    def p12(name: str, usage: dict[str, bool] = SIGNING, days: tuple[int, int] = (-1, 30),
            with_key: bool = True) -> Path:
        key = ec.generate_private_key(ec.SECP256R1())
        certificate = _certificate(OFFICE, key, ca.subject, ca_key, usage, days)
        path = folder / f"{name}.p12"
        path.write_bytes(pkcs12.serialize_key_and_certificates(
            name.encode(), key if with_key else None, certificate, [ca],
            serialization.BestAvailableEncryption(PASSWORD.encode())))
        return path

    return {"office": p12("office"), "expired": p12("expired", days=(-60, -30)),
            "ca-usage": p12("ca-usage", usage=CERTIFYING), "no-key": p12("no-key", with_key=False)}


@pytest.fixture(scope="module")
def seed_copies(tmp_path_factory) -> dict[str, Path]:
    """The seed's print PDF and archive copy."""
    out = tmp_path_factory.mktemp("seed")
    pdf, pdfa = build(SEED, out, ("pdf", "pdfa"), None, warn=lambda message: None, say=lambda line: None)
    return {"pdf": pdf, "pdfa": pdfa}


def _pdfsig(path: Path) -> list[str]:
    pdfsig = require_tool("pdfsig")
    result = subprocess.run([pdfsig, str(path)], capture_output=True, text=True)
    return [line.strip() for line in result.stdout.splitlines()]


def _assert_signed_whole(path: Path) -> None:
    lines = _pdfsig(path)
    assert "- Signature Validation: Signature is Valid." in lines, lines
    assert "- Total document signed" in lines, lines
    assert "- Signature Type: ETSI.CAdES.detached" in lines and f"- Signer Certificate Common Name: {OFFICE}" in lines


def test_a_signed_archive_copy_is_valid_for_pdfsig_and_still_pdfa(data_copies, keys, tmp_path,
                                                                  monkeypatch, capsys):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    signed = tmp_path / "signed.pdfa.pdf"
    assert main(["sign", str(data_copies["pdfa"]), "--p12", str(keys["office"]), "-o", str(signed)]) == 0
    assert capsys.readouterr().out == f"{signed}\n"
    _assert_signed_whole(signed)
    valid, report = preflight(signed)
    assert valid, report


def test_the_print_pdf_signs_with_a_password_file_as_an_incremental_update(seed_copies, keys, tmp_path,
                                                                           monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    signed = tmp_path / "signed.pdf"
    assert main(["sign", str(seed_copies["pdf"]), "--p12", str(keys["office"]),
                 "--password-file", str(password_file), "-o", str(signed)]) == 0
    _assert_signed_whole(signed)
    assert signed.read_bytes().startswith(seed_copies["pdf"].read_bytes())      # the document itself untouched


@pytest.mark.parametrize("saved", [
    PASSWORD.encode("gbk") + b"\r\n",                     # Notepad on an older Windows (a traceback before)
    codecs.BOM_UTF8 + PASSWORD.encode("utf-8"),            # Notepad's "UTF-8 with BOM" (a wrong password before)
    PASSWORD.encode("utf-16"),                             # Notepad's "Unicode"
])
def test_a_password_file_in_the_encodings_notepad_saves_is_read(seed_copies, keys, tmp_path, monkeypatch, saved):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    password_file = tmp_path / "password"
    password_file.write_bytes(saved)
    signed = tmp_path / "signed.pdf"
    assert main(["sign", str(seed_copies["pdf"]), "--p12", str(keys["office"]),
                 "--password-file", str(password_file), "-o", str(signed)]) == 0
    _assert_signed_whole(signed)


def test_a_password_file_that_is_no_text_is_one_line(seed_copies, keys, tmp_path, capsys):
    password_file = tmp_path / "password"
    password_file.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")         # half a surrogate pair
    assert main(["sign", str(seed_copies["pdf"]), "--p12", str(keys["office"]),
                 "--password-file", str(password_file), "-o", str(tmp_path / "signed.pdf")]) == 2
    assert capsys.readouterr().err == "错误：密码不是 UTF-8、UTF-16 或 GBK 编码的文字；请把密码文件另存为 UTF-8\n"
    assert not (tmp_path / "signed.pdf").exists()


def test_a_password_file_in_utf16_without_its_mark_is_one_line(seed_copies, keys, tmp_path, capsys):
    """Found by tests/fuzz_entry_points.py: NUL characters made the PKCS#12 library panic."""
    password_file = tmp_path / "password"
    password_file.write_bytes(PASSWORD.encode("utf-16-le"))
    assert main(["sign", str(seed_copies["pdf"]), "--p12", str(keys["office"]),
                 "--password-file", str(password_file), "-o", str(tmp_path / "signed.pdf")]) == 2
    assert "U+0000" in capsys.readouterr().err and not (tmp_path / "signed.pdf").exists()


def test_sign_prints_no_deprecation_warning(seed_copies, keys, tmp_path):
    signed = tmp_path / "signed.pdf"
    result = subprocess.run([sys.executable, "-W", "default", "-m", "generator", "sign", str(seed_copies["pdf"]),
                             "--p12", str(keys["office"]), "-o", str(signed)], capture_output=True, text=True,
                            env={**os.environ, PASSWORD_ENV: PASSWORD}, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_signed_file_signs_again_and_both_signatures_stay_valid(seed_copies, keys, tmp_path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    once, twice = tmp_path / "once.pdf", tmp_path / "twice.pdf"
    for source, target in ((seed_copies["pdfa"], once), (once, twice)):
        assert main(["sign", str(source), "--p12", str(keys["office"]), "-o", str(target)]) == 0
    lines = _pdfsig(twice)
    assert lines.count("- Signature Validation: Signature is Valid.") == 2 and "- Total document signed" in lines
    assert {"- Signature Field Name: Signature1", "- Signature Field Name: Signature2"} <= set(lines)


REFUSALS = {
    "wrong password": ({"password": "wrong"},
                       "{p12}：无法打开：密码错误，或不是 PKCS#12 证书文件（.p12、.pfx）"),
    "no password": ({"password": None},
                    f"没有 .p12 文件的密码：请用 --password-file FILE 给出，或设置环境变量 {PASSWORD_ENV}"),
    "missing PDF": ({"pdf": "missing.pdf"}, "{pdf}：文件不存在"),
    "not a PDF": ({"pdf": "text.pdf"}, "{pdf}：无法作为 PDF 读取（Illegal PDF header）"),
    "missing p12": ({"p12": "missing.p12"}, "{p12}：无法读取（文件或文件夹不存在）"),
    "not a p12": ({"p12": "text.pdf"}, "{p12}：无法打开：密码错误，或不是 PKCS#12 证书文件（.p12、.pfx）"),
    "expired certificate": ({"key": "expired"}, "{p12}：不能用于签名：其证书有效期为{from}至{to}，今天不在有效期内"),
    "a CA's key usage": ({"key": "ca-usage"}, "{p12}：不能用于签名：其证书不能用于签署文件"
                                              "（密钥用途中没有 digitalSignature 或 nonRepudiation）"),
    "no private key": ({"key": "no-key"}, "{p12}：其中没有私钥，不能用于签名"),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_a_refusal_is_one_line_exit_2_and_writes_nothing(case, seed_copies, keys, tmp_path, monkeypatch,
                                                         capsys):
    change, message = REFUSALS[case]
    (tmp_path / "text.pdf").write_text("not a PDF\n", encoding="utf-8")
    pdf = tmp_path / change["pdf"] if "pdf" in change else seed_copies["pdfa"]
    p12 = tmp_path / change["p12"] if "p12" in change else keys[change.get("key", "office")]
    password = change.get("password", PASSWORD)
    if password is None:
        monkeypatch.delenv(PASSWORD_ENV, raising=False)
    else:
        monkeypatch.setenv(PASSWORD_ENV, password)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["sign", str(pdf), "--p12", str(p12), "-o", str(out / "signed.pdf")]) == 2
    expired = (NOW + dt.timedelta(days=-60), NOW + dt.timedelta(days=-30))
    expected = message.format(pdf=pdf, p12=p12, **{"from": f"{expired[0]:%Y-%m-%d}", "to": f"{expired[1]:%Y-%m-%d}"})
    assert capsys.readouterr().err.splitlines() == [f"错误：{expected}"]
    assert list(out.iterdir()) == []


def test_a_signature_that_fails_while_written_leaves_the_previous_output_alone(seed_copies, keys, tmp_path,
                                                                             monkeypatch, capsys):
    from pyhanko.sign.signers import PdfSigner

    def fail_halfway(self, writer, output):
        output.write(b"%PDF-1.4 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    monkeypatch.setattr(PdfSigner, "sign_pdf", fail_halfway)
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(b"the previous signed copy")
    assert main(["sign", str(seed_copies["pdf"]), "--p12", str(keys["office"]), "-o", str(signed)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"错误：{signed}：无法写入（磁盘已满）；原有文件均未改动"]
    assert [path.name for path in tmp_path.iterdir()] == ["signed.pdf"]
    assert signed.read_bytes() == b"the previous signed copy"


def test_the_password_is_never_an_argument(capsys):
    assert main(["sign", "a.pdf", "--p12", "office.p12", "--password", "secret", "-o", "b.pdf"]) == 2
    assert "无法识别的参数：--password secret" in capsys.readouterr().err
