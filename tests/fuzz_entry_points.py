"""`make fuzz`, past the YAML loader (tests/fuzz.py): the other ways in, each case run through the
command line's ``main`` in this process under a time limit, counting what ended otherwise than
in exit 0, 1 or 2 with one message — a traceback, a hang — or left a file behind that a refused
run must not, or wrote one that cannot be read.

- ``import``: the example's workbook with cells set to what a clerk or a spreadsheet program may
  put there (text, huge or odd numbers, dates, formulas, errors), rows inserted, sheets renamed
  or removed, its ZIP cut short;
- ``sign``: password files in every encoding a Windows editor saves and in random bytes, and
  hostile .p12 files (cut short, bytes flipped, none at all) and PDFs;
- ``args``: every option of every command but ``serve``, with hostile values (negative and huge
  numbers, control characters, paths to nothing, a folder, a pipe, an empty or binary file);
- ``draft``: the clerk's drafts of tests/fixtures/drafts with their text mutated.

Usage: python tests/fuzz_entry_points.py [--cases 3200] [--seed N] [--only import,sign,args,draft]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.cli import main as gongwen  # noqa: E402

TIMEOUT_S = 60
PASSWORD = "测试 口令1"
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk", "gb18030", "big5",
             "latin-1", "cp1252", "shift_jis")
CELL_VALUES = ("35件", "无", "—", "／", "３５", "2024年", "二〇二四", "2025年1月20日", "2021-2-30", "=1/0",
               "=SUM(A1:A2)", "#REF!", "", " ", "\u3000", "/", "-1", "1e400", "０", "NaN", "\x00", "\ud800")


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def run(argv: list[str]) -> tuple[str, int | None]:
    """One command in this process: "ok" or what went wrong, and its exit code."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT_S)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = gongwen(argv)
    except Hang:
        return "hang", None
    except SystemExit as exit_:             # argparse's --help
        code = exit_.code if isinstance(exit_.code, int) else 0
    except BaseException:
        return "traceback: " + traceback.format_exc().strip().splitlines()[-1][:160], None
    finally:
        signal.alarm(0)
    if code not in (0, 1, 2):
        return "crash", code
    if code != 0 and not (out.getvalue() + err.getvalue()).strip():
        return "silent refusal", code
    return "ok", code


# ---- import: mutated workbooks -------------------------------------------------------------

def _workbook_bytes(work: Path) -> bytes:
    path = work / "base.xlsx"
    assert run(["xlsx-template", "--from", str(ROOT / "data" / "example-2021.yaml"), "-o", str(path)])[1] == 0
    return path.read_bytes()


def _mutated_workbook(base: bytes, rng: random.Random) -> bytes:
    from openpyxl import load_workbook
    workbook = load_workbook(io.BytesIO(base))
    for _ in range(rng.randint(1, 6)):
        sheet = workbook[rng.choice(workbook.sheetnames)]
        action = rng.random()
        if action < 0.08:
            sheet.insert_rows(rng.randint(1, 40))
        elif action < 0.1 and len(workbook.sheetnames) > 1:
            workbook.remove(sheet)
        elif action < 0.12:
            sheet.title = rng.choice(("表九", "Sheet1", "文件信息 ", "表二"[:1] + str(rng.randint(0, 9))))
        else:
            value = rng.choice((rng.choice(CELL_VALUES), rng.randint(-10 ** 25, 10 ** 25), rng.uniform(-1e6, 1e6),
                                rng.random(), float("inf"), None, True, rng.randint(0, 500)))
            try:
                sheet.cell(rng.randint(1, 60), rng.randint(1, 12)).value = value
            except Exception:       # a value openpyxl itself refuses (a control character), or a merged cell
                pass
    buffer = io.BytesIO()
    try:
        workbook.save(buffer)
    except Exception:           # openpyxl refuses to save what it was given: the base workbook instead
        return base
    data = buffer.getvalue()
    return data[:rng.randint(0, len(data))] if rng.random() < 0.05 else data


def import_case(index: int, rng: random.Random, work: Path, base: bytes) -> tuple[str, int | None]:
    folder = work / f"import{index:05d}"
    folder.mkdir()
    workbook, out = folder / "tables.xlsx", folder / "report.yaml"
    workbook.write_bytes(_mutated_workbook(base, rng))
    into = []
    if rng.random() < 0.5:
        into = ["--into", str(folder / "into.yaml")]
        (folder / "into.yaml").write_bytes((ROOT / "data" / "example-2021.yaml").read_bytes())
    outcome, code = run(["import", str(workbook), "-o", str(out), *into])
    if outcome != "ok":
        return outcome, code
    if code != 0 and out.exists():
        return "leftover", code
    if code == 0 and run(["check", str(out)])[0] != "ok":
        return "unreadable output", code
    return outcome, code


# ---- sign: password files and .p12 files ---------------------------------------------------

def _credentials(work: Path) -> tuple[bytes, Path]:
    """A .p12 for ``PASSWORD`` (a throwaway self-signed EC key) and a PDF to sign."""
    import datetime as dt
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    now = dt.datetime.now(dt.timezone.utc)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "某某区人民政府办公室")])
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(1).not_valid_before(now - dt.timedelta(days=1))
                   .not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    p12 = pkcs12.serialize_key_and_certificates(b"office", key, certificate, None,
                                                serialization.BestAvailableEncryption(PASSWORD.encode()))
    assert run(["build", str(ROOT / "data" / "example-han.yaml"), "-o", str(work), "--format", "pdf"])[1] == 0
    return p12, work / "example-han.pdf"


def sign_case(index: int, rng: random.Random, work: Path, p12: bytes, pdf: Path) -> tuple[str, int | None]:
    folder = work / f"sign{index:05d}"
    folder.mkdir()
    password = rng.choice((PASSWORD, PASSWORD + "\r\n", "", "wrong", "".join(chr(rng.randint(1, 0x2FFFF))
                                                                                for _ in range(rng.randint(1, 12)))))
    encoding = rng.choice(ENCODINGS)
    data = password.encode(encoding, "ignore") if rng.random() < 0.85 else rng.randbytes(rng.randint(0, 64))
    (folder / "password.txt").write_bytes(data)
    key_file = folder / "office.p12"
    kind = rng.random()
    key_file.write_bytes(p12 if kind < 0.6 else p12[:rng.randint(0, len(p12))] if kind < 0.75
                         else bytes(b ^ (rng.random() < 0.01) * 0xFF for b in p12) if kind < 0.9
                         else rng.randbytes(rng.randint(0, 4096)))
    source = pdf
    if rng.random() < 0.15:
        source = folder / "cut.pdf"
        whole = pdf.read_bytes()
        source.write_bytes(whole[:rng.randint(0, len(whole))])
    out = folder / "signed.pdf"
    outcome, code = run(["sign", str(source), "--p12", str(key_file), "--password-file", str(folder / "password.txt"),
                         "-o", str(out)])
    if outcome != "ok":
        return outcome, code
    if code != 0 and out.exists():
        return "leftover", code
    if code == 0:
        from pypdf import PdfReader
        try:
            PdfReader(out).pages[0]
        except Exception:
            return "unreadable output", code
    return outcome, code


# ---- every argument of every command -------------------------------------------------------

def _paths(work: Path) -> dict[str, Path]:
    """Files an argument may name: nothing, a folder, a pipe, an empty file, bytes that are no text."""
    places = {"missing": work / "missing.yaml", "folder": work / "folder", "pipe": work / "pipe.yaml",
              "empty": work / "empty.yaml", "binary": work / "binary.xlsx", "data": ROOT / "data" / "example-han.yaml",
              "null": Path("/dev/null")}
    places["folder"].mkdir(exist_ok=True)
    if not places["pipe"].exists():
        os.mkfifo(places["pipe"])
    places["empty"].write_bytes(b"")
    places["binary"].write_bytes(bytes(range(256)) * 4)
    return places


def _value(rng: random.Random, paths: dict[str, Path]) -> str:
    return str(rng.choice((
        rng.randint(-10 ** 30, 10 ** 30), rng.randint(-5, 3000), rng.choice(("2024", "0", "-1", "99999", "1e9", "")),
        rng.choice(("某某区青松街道办事处", "某某镇人民政府", "某某区教育局", "人民政府", "a\x01b", "\u3000", "—" * 300)),
        rng.choice(list(paths.values())), rng.choice(("pdf", "docx", "ofd", "pdfa", "xyz", "2019", "2021", "通知", "令")),
    )))


def _options() -> dict[str, list[str]]:
    """Every command's options (``serve`` left out: it serves until stopped)."""
    from generator.cli import _parser
    commands = next(action for action in _parser()._actions if action.dest == "command").choices
    return {name: [option for action in parser._actions for option in action.option_strings if option != "-h"]
            + ["POSITIONAL"] for name, parser in commands.items() if name != "serve"}


def args_case(index: int, rng: random.Random, work: Path, options: dict[str, list[str]],
              paths: dict[str, Path]) -> tuple[str, int | None]:
    command = rng.choice(sorted(options))
    argv = [command]
    for _ in range(rng.randint(0, 5)):
        option = rng.choice(options[command])
        argv += [_value(rng, paths)] if option == "POSITIONAL" else [option, _value(rng, paths)]
    if "-o" in options[command] or "--output" in options[command]:
        argv += ["-o", str(work / f"args{index:05d}" / rng.choice(("out", "out.xlsx", "out.pdf", "out.yaml")))]
    if command == "build":          # no long builds: the data, if any, is bad
        argv = [word if word != str(paths["data"]) else str(paths["empty"]) for word in argv]
    return run(argv)


# ---- the clerk's drafts --------------------------------------------------------------------

def draft_case(index: int, rng: random.Random, work: Path, drafts: list[Path]) -> tuple[str, int | None]:
    text = rng.choice(drafts).read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        edit = rng.random()
        if edit < 0.4:
            text = text[:at] + text[at + rng.randint(1, 200):]
        elif edit < 0.7:
            text = text[:at] + rng.choice(("\n", "一、", "（一）", "附件：", "抄送：", "# ", "　", "\x0c", "2021年2月30日",
                                           "某某区人民政府办公室", "|a|b|\n|-|-|\n")) + text[at:]
        else:
            lines = text.splitlines(keepends=True)
            rng.shuffle(lines)
            text = "".join(lines)
    path = work / f"draft{index:05d}.{rng.choice(('txt', 'md'))}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return run(["check", str(path)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3200, help="in all, shared out over the entry points")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--only", default="import,sign,args,draft")
    args = parser.parse_args()
    chosen = args.only.split(",")
    started = time.monotonic()
    totals: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory(prefix="gongwen-fuzz-") as tmp:
        work = Path(tmp)
        makers: dict[str, Callable[[int, random.Random], tuple[str, int | None]]] = {}
        if "import" in chosen:
            base = _workbook_bytes(work)
            makers["import"] = lambda i, rng: import_case(i, rng, work, base)
        if "sign" in chosen:
            p12, pdf = _credentials(work)
            makers["sign"] = lambda i, rng: sign_case(i, rng, work, p12, pdf)
        if "args" in chosen:
            options, paths = _options(), _paths(work)
            makers["args"] = lambda i, rng: args_case(i, rng, work, options, paths)
        if "draft" in chosen:
            drafts = sorted((ROOT / "tests" / "fixtures" / "drafts").glob("*.txt"))
            makers["draft"] = lambda i, rng: draft_case(i, rng, work, drafts)
        per_point = max(1, args.cases // len(makers))
        for name, make in makers.items():
            outcomes: Counter[str] = Counter()
            codes: Counter[int | None] = Counter()
            point_started = time.monotonic()
            for index in range(per_point):
                rng = random.Random(f"{args.seed}-{name}-{index}")
                outcome, code = make(index, rng)
                codes[code] += 1
                outcomes[outcome if outcome == "ok" else outcome.split(":")[0]] += 1
                if outcome != "ok":
                    print(f"{name} case {index} (seed {args.seed}): {outcome}", flush=True)
            totals[name] = outcomes
            print(f"{name}: {per_point} cases, {dict(outcomes)}, exit codes {dict(sorted(codes.items(), key=str))} "
                  f"({time.monotonic() - point_started:.0f} s)", flush=True)
    failed = sum(count for outcomes in totals.values() for outcome, count in outcomes.items() if outcome != "ok")
    print(f"cases {sum(sum(o.values()) for o in totals.values())}, not ok {failed} "
          f"({time.monotonic() - started:.0f} s, seed {args.seed})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
