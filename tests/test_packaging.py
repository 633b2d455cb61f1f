"""The program as an installed package: a wheel that carries its layouts, and a DOCX-only build
that needs no PDF library."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from generator.build import build
from tests.conftest import ROOT, SEED


def test_the_wheel_installs_and_builds_the_same_files_from_another_folder(tmp_path, seed_outputs):
    """Built as a wheel and installed (not editable) into a fresh venv, the program finds its
    layouts and colour profile inside the package and writes the very bytes the checkout writes."""
    source = tmp_path / "source"         # a copy, so the build leaves nothing in the checkout
    for name in ("generator", "layouts"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", source)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
                   check=True, capture_output=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    wheel = next(wheels.glob("gongwen-*.whl"))
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    formats = [option for fmt in ("docx", "pdf", "pdfa") for option in ("--format", fmt)]
    result = subprocess.run([str(venv / "bin" / "gongwen"), "build", str(SEED), "-o", "out", *formats],
                            cwd=elsewhere, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ours = {**seed_outputs, "pdfa.pdf": build(SEED, tmp_path / "checkout", ("pdfa",), None, warn=lambda m: None,
                                               say=lambda line: None)[0]}
    for suffix, path in ours.items():
        assert (elsewhere / "out" / f"changle-2020.{suffix}").read_bytes() == path.read_bytes(), suffix


@pytest.mark.parametrize("fmt", ["docx", "ofd"])
def test_a_build_without_a_pdf_never_imports_reportlab(tmp_path, fmt):
    """The layout stage needs no PDF library: a DOCX-only or OFD-only build writes that one file
    and never loads reportlab."""
    script = textwrap.dedent(f"""
        import sys
        from generator.cli import main
        assert main(["build", {str(SEED)!r}, "-o", {str(tmp_path)!r}, "--format", {fmt!r}]) == 0
        print(sorted(name for name in sys.modules if name.split(".")[0] == "reportlab"))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    assert [path.name for path in tmp_path.iterdir()] == [f"changle-2020.{fmt}"]
