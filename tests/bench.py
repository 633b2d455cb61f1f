"""`make bench`: how fast and how big, measured side by side in one run. It prints figures and
asserts nothing.

- cold: `gongwen build FILE` in a new process (DOCX and PDF), per data file;
- warm: the same build repeated in one process, as in a batch;
- batch: 100 reports in one `gongwen build FOLDER` run;
- LibreOffice: the seed's DOCX converted to PDF by `soffice --headless` (one process per
  conversion, profile already made), and our cold build against it as a ratio;
- peak memory (the largest process) and the size of each output;
- import: a published report (the 平潭 portal pages, our DOCX and PDF of each data file) read
  back and given every check, as `gongwen audit` does, per source kind.
Medians with min–max.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stderr
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build  # noqa: E402

DATA = sorted((ROOT / "data").glob("*.yaml"))
SEED = ROOT / "data" / "changle-2020.yaml"
RUNS = 7
BATCH = 100


def _spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def _run(command: list[str], **options) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB, the largest process) of a command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **options)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def _repeat(measure: Callable[[], tuple[float, int]], runs: int = RUNS) -> tuple[list[float], list[int]]:
    times, memory = [], []
    for _ in range(runs):
        elapsed, peak = measure()
        times.append(elapsed)
        memory.append(peak)
    return times, memory


# Python may keep compiled bytecode, as it does for an installed package (this sandbox sets
# PYTHONDONTWRITEBYTECODE, which would make every "cold" run compile the program again).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def cold(data: Path, out: Path) -> tuple[list[float], list[int]]:
    command = [sys.executable, "-m", "generator", "build", str(data), "-o", str(out)]
    _run(command, cwd=ROOT, env=ENV)            # the first run writes the bytecode
    return _repeat(lambda: _run(command, cwd=ROOT, env=ENV))


def warm(data: Path, out: Path) -> list[float]:
    def once() -> float:
        started = time.perf_counter()
        with redirect_stderr(io.StringIO()):
            build(data, out, ("docx", "pdf"), None, warn=lambda message: None, say=lambda line: None)
        return time.perf_counter() - started
    once()
    return [once() for _ in range(RUNS)]


def libreoffice(docx: Path, folder: Path) -> list[float] | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "fonts" / "fonts.conf")}
    command = [soffice, f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", "pdf",
               "--outdir", str(folder), str(docx)]
    _run(command, env=env)                      # the first run makes the profile
    return _repeat(lambda: _run(command, env=env))[0]


def batch(work: Path) -> tuple[list[float], list[int]]:
    folder = work / "batch"
    folder.mkdir()
    for i in range(BATCH):
        shutil.copy(DATA[i % len(DATA)], folder / f"report-{i:03d}.yaml")
    command = [sys.executable, "-m", "generator", "build", str(folder), "-o", str(work / "batch-out")]
    return _repeat(lambda: _run(command, cwd=ROOT, env=ENV), runs=3)


def imports(work: Path) -> dict[str, list[float]]:
    """Seconds to import and check one published report, by source kind (each file's median)."""
    import yaml

    from generator.audit import audit_one
    from generator.kinds import ANNUAL_REPORT
    reports = [data.stem for data in DATA
               if yaml.safe_load(data.read_text("utf-8")).get("kind", ANNUAL_REPORT) == ANNUAL_REPORT]
    kinds = {"html": sorted((ROOT / "tests" / "fixtures" / "published").glob("*.html")),
             **{kind: [work / stem / f"{stem}.{kind}" for stem in reports] for kind in ("docx", "pdf")}}
    audit_one(kinds["html"][0], "")                         # imports done once
    timings: dict[str, list[float]] = {}
    for kind, files in kinds.items():
        for path in files:
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                audit_one(path, path.name)
                runs.append(time.perf_counter() - started)
            timings.setdefault(kind, []).append(statistics.median(runs))
    return timings


def main() -> None:
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; {RUNS} runs each, median (min–max)")
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-") as tmp:
        work = Path(tmp)
        rows = []
        for data in DATA:
            out = work / data.stem
            times, memory = cold(data, out)
            warm_times = warm(data, work / f"{data.stem}-warm")
            sizes = {path.suffix[1:]: path.stat().st_size for path in sorted(out.iterdir())}
            rows.append((data.stem, times, memory, warm_times, sizes))
            print(f"{data.stem:<24} cold {_spread(times)}  warm {_spread(warm_times, digits=3)}  "
                  f"peak {max(memory) / 1024:.0f} MiB  "
                  + "  ".join(f"{kind} {size / 1024:.0f} KB" for kind, size in sizes.items()), flush=True)
        seed_cold = next(times for name, times, *_ in rows if name == SEED.stem)
        office = libreoffice(work / SEED.stem / f"{SEED.stem}.docx", work / "libreoffice")
        if office:
            ratio = statistics.median(office) / statistics.median(seed_cold)
            print(f"LibreOffice, seed DOCX → PDF: {_spread(office)}; our cold build is {ratio:.2f}× as fast")
        else:
            print("LibreOffice: not installed (make test installs it)")
        for kind, times in imports(work).items():
            print(f"import and check a published {kind} ({len(times)} reports): {_spread(times, digits=3)}")
        times, memory = batch(work)
        print(f"batch of {BATCH} reports, one run: {_spread(times)} ({statistics.median(times) / BATCH:.3f} s a "
              f"report), peak {max(memory) / 1024:.0f} MiB in the largest process")


if __name__ == "__main__":
    main()
