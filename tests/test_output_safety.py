"""Issue 13, the output side: a build that cannot write, is interrupted or cannot be laid out
ends with one line and exit 1, 2, 130 or 143, and leaves the previous outputs and nothing else."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from generator.cli import main
from tests.conftest import ROOT, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def _gongwen(*args: str, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **options)


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


@pytest.fixture()
def built(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """A folder holding a previous build of the seed, and the bytes of its files."""
    out = tmp_path / "out"
    assert main(["build", str(SEED), "-o", str(out)]) == 0
    return out, {path.name: path.read_bytes() for path in out.iterdir()}


def _unchanged(out: Path, before: dict[str, bytes]) -> bool:
    return {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before


def test_an_output_name_taken_by_a_folder_exits_2_and_replaces_nothing(built, capsys):
    out, before = built
    (out / "changle-2020.docx").unlink()
    (out / "changle-2020.docx").mkdir()
    del before["changle-2020.docx"]
    assert main(["build", str(SEED), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"错误：{out / 'changle-2020.docx'}：此处是文件夹，无法写出 DOCX 文件"
    assert _unchanged(out, before) and _leftovers(out) == []


def test_a_folder_that_cannot_be_written_exits_2_with_one_line(capsys):
    """/proc/self refuses new files even to root (a read-only folder, a folder without write
    permission: the same error path)."""
    assert main(["build", str(SEED), "-o", "/proc/self"]) == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("错误：/proc/self/changle-2020.") and "原有文件均未改动" in last


def test_an_output_folder_that_cannot_be_made_exits_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["build", str(SEED), "-o", str(blocker / "out")]) == 2
    assert "无法建立输出文件夹" in capsys.readouterr().err.splitlines()[-1]


def _full_disk() -> None:
    """In the child: files may not grow past 100 KB, as on a disk that is full."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


def test_a_full_disk_exits_2_and_leaves_the_previous_outputs(built):
    out, before = built
    process = _gongwen("build", str(SEED), "-o", str(out), preexec_fn=_full_disk)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2, err
    assert err.splitlines()[-1].startswith("错误：") and "文件过大" in err.splitlines()[-1]
    assert "Traceback" not in err
    assert _unchanged(out, before) and _leftovers(out) == []


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_build_leaves_no_temporary_file(built, signum, code):
    """Interrupted at moments spread over a whole build (imports, checks, layout, each writer):
    it ends with 130 or 143 (or 0 when it had finished), no traceback, and the folder holds the
    previous outputs or the new ones, never a temporary file. In the first moments, before
    Python has run any of our code, Python's own default applies: the process ends killed by
    the signal, which a shell reports as the same 130 or 143."""
    out, before = built
    started = time.monotonic()
    assert _gongwen("build", str(SEED), "-o", str(out)).wait(timeout=120) == 0
    duration = time.monotonic() - started          # on a busy machine the moments spread out with it
    outcomes = []
    for share in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85):
        process = _gongwen("build", str(SEED), "-o", str(out))
        time.sleep(share * duration)
        process.send_signal(signum)
        _, err = process.communicate(timeout=120)
        outcomes.append(process.returncode)
        assert process.returncode in (code, -signum, 0), err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err
        assert _leftovers(out) == []
        assert process.returncode == 0 or _unchanged(out, before)
    assert code in outcomes


def test_outputs_follow_the_umask(tmp_path):
    for umask, mode in ((0o022, 0o644), (0o007, 0o660)):
        out = tmp_path / f"out{umask:o}"
        process = _gongwen("build", str(SEED), "-o", str(out), umask=umask)
        assert process.wait(timeout=120) == 0
        assert {path.stat().st_mode & 0o777 for path in out.iterdir()} == {mode}


def _data(tmp_path: Path, old: str, new: str) -> Path:
    assert old in SEED_TEXT, old
    path = tmp_path / "data.yaml"
    path.write_text(SEED_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_imprint_taller_than_a_page_is_an_error_not_a_loop(tmp_path, capsys):
    long_name = "某某市某某区某某街道某某社区居民委员会" * 160           # 3,040 characters
    data = _data(tmp_path, "copy_to: [市政府办公厅]", f"copy_to: [{long_name}]")
    started = time.monotonic()
    assert main(["build", str(data), "-o", str(tmp_path / "out")]) == 1
    assert time.monotonic() - started < 20
    assert "版记超过一页" in capsys.readouterr().err.splitlines()[-1]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_a_date_before_1980_and_a_long_organ_name_still_build(tmp_path):
    organ = "某某省" * 100
    data = _data(tmp_path, "organ: 福州市长乐区人民政府", f"organ: {organ}")
    data.write_text(data.read_text(encoding="utf-8").replace("date: 2021-02-04", "date: 1900-01-01", 1),
                    encoding="utf-8")
    assert main(["build", str(data), "-o", str(tmp_path / "out")]) == 0
    properties = docx.Document(str(tmp_path / "out" / "data.docx")).core_properties
    assert len(properties.title) <= 255 and properties.created.year == 1900


@pytest.mark.parametrize("date, stamp", [("1900-01-01", (1980, 1, 1, 0, 0, 0)),
                                         ("2300-02-04", (2107, 12, 31, 23, 59, 58))])
def test_the_zip_packages_of_a_date_a_zip_entry_cannot_carry_take_the_nearest(tmp_path, date, stamp):
    """DOCX and OFD entries carry the document's date; one outside 1980–2107 is not a traceback."""
    data = _data(tmp_path, "date: 2021-02-04", f"date: {date}")
    assert main(["build", str(data), "-o", str(tmp_path / "out"), "--format", "docx", "--format", "ofd"]) == 0
    for name in ("data.docx", "data.ofd"):
        with zipfile.ZipFile(tmp_path / "out" / name) as package:
            assert {entry.date_time for entry in package.infolist()} == {stamp}, name
