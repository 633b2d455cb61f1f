"""Bad input: one clear line naming file and line, exit 1 for wrong data, 2 for unusable
arguments or files, and never an output file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def _broken_seed(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    text = SEED.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_of(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


def _assert_data_error(result, out: Path, location: str, *words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr        # one line, no traceback
    assert location in lines[0], lines[0]
    for word in words:
        assert word in lines[0]
    assert not out.exists() or list(out.iterdir()) == []


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path, text = _broken_seed(tmp_path, "year: 2020", "year: [2020")
    out = tmp_path / "out"
    result = _run("build", str(path), "-o", str(out))
    assert result.returncode == 1
    assert f"{path}:" in result.stderr and "YAML 格式有误" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() or list(out.iterdir()) == []


def test_wrong_type_names_the_field_and_its_line(tmp_path):
    path, text = _broken_seed(tmp_path, "received: {natural_person: 198", "received: {natural_person: many")
    out = tmp_path / "out"
    line = _line_of(text, "natural_person: many")
    column = text.splitlines()[line - 1].index("many") + 1
    _assert_data_error(_run("build", str(path), "-o", str(out)), out, f"{path}:{line}:{column}:",
                       "一、本年新收（自然人）", "应填整数")


def test_missing_required_field_points_at_its_parent(tmp_path):
    path, text = _broken_seed(tmp_path, "  addressee: 市政府办公厅\n", "")
    out = tmp_path / "out"
    result = _run("build", str(path), "-o", str(out))
    _assert_data_error(result, out, f"{path}:", "报送报告·主送机关", "未填写，此项必填")


def test_unknown_field_is_refused(tmp_path):
    path, text = _broken_seed(tmp_path, "year: 2020", "year: 2020\ncolour: red")
    out = tmp_path / "out"
    _assert_data_error(_run("build", str(path), "-o", str(out)), out,
                       f"{path}:{_line_of(text, 'colour')}:", "colour", "不认识的项")


def test_duplicate_key_is_refused(tmp_path):
    path, text = _broken_seed(tmp_path, "year: 2020", "year: 2020\nyear: 2021")
    out = tmp_path / "out"
    result = _run("build", str(path), "-o", str(out))
    assert result.returncode == 1 and "出现了两次" in result.stderr


@pytest.mark.parametrize("args", [
    ("build", "no-such-file.yaml"),
    ("build",),
    ("bild", "data/changle-2020.yaml"),
    ("build", "data/changle-2020.yaml", "--format", "odt"),
    ("build", "data/changle-2020.yaml", "--font-dir", "no-such-folder"),
])
def test_unusable_arguments_exit_2_with_one_line(args, tmp_path):
    result = _run(*args, "-o", str(tmp_path / "out")) if args[0] == "build" and len(args) > 1 else _run(*args)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_missing_fonts_exit_2_and_leave_no_half_output(tmp_path):
    out = tmp_path / "out"
    result = _run("build", str(SEED), "-o", str(out), env={"XDG_DATA_HOME": str(tmp_path / "empty"),
                                                          "GONGWEN_FONT_DIR": ""})
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("错误：")]
    assert len(errors) == 1 and "字体" in errors[0] and "make setup" in errors[0], result.stderr
    assert list(out.iterdir()) == []


def test_format_option_writes_only_that_format(tmp_path):
    out = tmp_path / "out"
    result = _run("build", str(SEED), "-o", str(out), "--format", "docx")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["changle-2020.docx"]
    assert "签发人" in result.stderr      # the warning about the missing signer name
