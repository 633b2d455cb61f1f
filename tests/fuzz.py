"""`make fuzz`: thousands of generated data files, each built by `gongwen build` in a process of
its own, bounded in time and memory; prints how many ended in a traceback, a hang, a crash, a
leftover file or an unreadable output (all must be 0) and exits 1 if any did.

Half the cases are random reports of the seed's shape (tests/report_strategies.py), half the
seed's YAML text mutated (tests/test_loader_properties.py). Usage:
    python tests/fuzz.py [--cases 2000] [--seed N] [--jobs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.report_strategies import as_yaml, report_data  # noqa: E402
from tests.test_loader_properties import _mutate, byte_edits, text_edit  # noqa: E402

TIMEOUT_S = 120
MEMORY_BYTES = 2 * 1024 ** 3


def generate(count: int, rng_seed: int) -> list[tuple[bytes, bool]]:
    """``count`` data files (bytes) and whether each is built with --force."""
    cases: list[tuple[bytes, bool]] = []

    @seed(rng_seed)
    @settings(max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(report_data().map(lambda data: as_yaml(data).encode("utf-8")),
                     st.tuples(st.lists(text_edit, min_size=1, max_size=4), byte_edits).map(lambda e: _mutate(*e))),
           st.booleans())
    def collect(text: bytes, force: bool) -> None:
        cases.append((text, force))

    collect()
    return cases


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_case(index: int, text: bytes, force: bool, work: Path) -> tuple[str, int | None]:
    """The outcome of one case ("ok" or the name of what went wrong) and its exit code."""
    folder = work / f"case{index:05d}"
    folder.mkdir()
    data = folder / "case.yaml"
    data.write_bytes(text)
    out = folder / "out"
    command = [sys.executable, "-m", "generator", "build", str(data), "-o", str(out), *(["--force"] if force else [])]
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, errors="replace",
                                timeout=TIMEOUT_S, preexec_fn=_limits)
    except subprocess.TimeoutExpired:
        return "hang", None
    code = result.returncode
    if "Traceback" in result.stderr:
        return "traceback", code
    if code not in (0, 1, 2):
        return "crash", code
    files = sorted(out.iterdir()) if out.exists() else []
    if any(path.name.startswith(".") for path in files) or (code != 0 and files):
        return "leftover", code
    if code == 0 and not _opens(out / "case.pdf", out / "case.docx"):
        return "unreadable output", code
    return "ok", code


def _opens(pdf: Path, docx_path: Path) -> bool:
    import docx
    from pypdf import PdfReader
    try:
        return len(PdfReader(pdf).pages) > 0 and bool(docx.Document(str(docx_path)).paragraphs)
    except Exception:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="copy the failing cases here")
    args = parser.parse_args()
    started = time.monotonic()
    cases = generate(args.cases, args.seed)
    print(f"{len(cases)} cases generated (seed {args.seed}) in {time.monotonic() - started:.0f} s", flush=True)
    outcomes: Counter[str] = Counter()
    codes: Counter[int | None] = Counter()
    failing: list[int] = []
    with tempfile.TemporaryDirectory(prefix="gongwen-fuzz-") as tmp, ThreadPoolExecutor(args.jobs) as pool:
        work = Path(tmp)
        results = pool.map(lambda item: run_case(item[0], *item[1], work), enumerate(cases))
        for index, (outcome, code) in enumerate(results):
            outcomes[outcome] += 1
            codes[code] += 1
            if outcome != "ok":
                failing.append(index)
                if args.keep:
                    args.keep.mkdir(parents=True, exist_ok=True)
                    shutil.copy(work / f"case{index:05d}" / "case.yaml", args.keep / f"case{index:05d}-{outcome}.yaml")
            if (index + 1) % 100 == 0:
                print(f"{index + 1} done, {dict(outcomes)}", flush=True)
    print(f"exit codes: 0 (built) {codes[0]}, 1 (data refused) {codes[1]}, 2 (unusable) {codes[2]}")
    print(f"cases {len(cases)}, built or refused cleanly {outcomes['ok']}, tracebacks {outcomes['traceback']}, "
          f"hangs {outcomes['hang']}, crashes {outcomes['crash']}, leftovers {outcomes['leftover']}, "
          f"unreadable outputs {outcomes['unreadable output']} ({time.monotonic() - started:.0f} s)")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
