"""Many reports in one run: `gongwen build A.yaml B.yaml …` or `gongwen build FOLDER`. One bad
file does not stop the others; the summary names every failure; exit 1 if any failed; the
outputs are those of single builds, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import ROOT, SEED


def _gongwen(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def test_a_folder_builds_every_report_and_one_bad_file_stops_none(tmp_path, seed_outputs):
    folder = tmp_path / "district"
    folder.mkdir()
    shutil.copy(SEED, folder / "changle-2020.yaml")
    shutil.copy(ROOT / "data" / "example-2021.yaml", folder / "town-2021.yaml")
    (folder / "broken.yaml").write_text("year: 2021\norgan: [\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _gongwen("build", str(folder), "-o", str(out), "--jobs", "2")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "共3份报告，已生成2份" in lines
    failures = [line for line in lines if line.startswith("未完成：")]
    assert len(failures) == 1 and str(folder / "broken.yaml") in failures[0] and "YAML 格式有误" in failures[0]
    assert "Traceback" not in result.stderr
    warnings = [line for line in lines if "提示：" in line]        # each names its file (issue 23)
    assert warnings and all(line.startswith(str(folder)) for line in warnings), warnings
    # not a terminal: one plain line per report as it finishes, no progress bar codes
    assert sum(line.startswith("[") and "/3] " in line for line in lines) == 3 and "\x1b[" not in result.stderr
    assert sorted(path.name for path in out.iterdir()) == [
        "changle-2020.docx", "changle-2020.pdf", "town-2021.docx", "town-2021.pdf"]
    for suffix, single in seed_outputs.items():
        assert (out / f"changle-2020.{suffix}").read_bytes() == single.read_bytes(), suffix


def test_two_files_of_one_name_are_refused_before_anything_is_built(tmp_path):
    (tmp_path / "a").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "report.yaml")
    shutil.copy(SEED, tmp_path / "report.yaml")
    result = _gongwen("build", str(tmp_path / "a" / "report.yaml"), str(tmp_path / "report.yaml"),
                      "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith("会生成同名的文件，请改名其中一个")
    assert not (tmp_path / "out").exists()
