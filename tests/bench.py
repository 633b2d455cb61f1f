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
- the web page (`gongwen serve`) in Debian's chromium, on the 26-page report
  (data/synthetic-long.yaml): keystroke → the live check's message beside the cell, and
  keystroke → the page being edited redrawn in the preview, each over 50 edits (median, p95,
  max). `python tests/bench.py --web [--program DIR]` measures only these, with the program in
  DIR (another checkout, to compare before and after).
Medians with min–max.
"""

from __future__ import annotations

import io
import json
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
LONG = ROOT / "data" / "synthetic-long.yaml"     # 26 pages
EDITS = 50
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CELL = "report.applications.received.natural_person"       # its total's message shows beside the total
TOTAL = "report.applications.received.total"
PAUSE_S = 0.4            # between edits, as a clerk reading the answer
# In the page: when each keystroke changed the text (its input event: a Chinese character typed
# comes without a keydown), when the checks were settled and painted, and when each preview
# image (by page and digest) was loaded.
_RECORDER = """() => {
  window.bench = {keys: [], checks: [], images: []};
  document.addEventListener("input", () => window.bench.keys.push(performance.now()), true);
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.target.id !== "findings") return;
    requestAnimationFrame(() => window.bench.checks.push(performance.now()));
  });
  document.addEventListener("load", (event) => {
    const img = event.target;
    if (img.matches && img.matches("#preview img")) window.bench.images.push(
      {page: img.dataset.page, digest: img.dataset.digest, at: performance.now()});
  }, true);
}"""


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    return f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"


def _serve(program: Path, folder: Path) -> tuple[subprocess.Popen, str]:
    import socket
    import urllib.request
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", str(folder), "--port", str(port)],
                              cwd=program, env={**ENV, "PYTHONPATH": str(program)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gongwen serve did not start")


def _check_latencies(page) -> list[float]:
    """Each edit one keystroke in a figure: deleting its last digit breaks its row's total,
    typing it again mends it; from the keystroke to the total's message painted or gone."""
    cell = page.locator(f"input[name='t:{CELL}']")
    value = cell.input_value()
    box = f"document.querySelector(\"[data-msg='{TOTAL}']\")"
    latencies = []
    cell.click()
    for edit in range(EDITS):
        page.keyboard.press("End")
        time.sleep(PAUSE_S)
        checks = page.evaluate("window.bench.checks.length")
        if edit % 2 == 0:
            page.keyboard.press("Backspace")
            page.wait_for_function(f"{box}.textContent !== '' && window.bench.checks.length > {checks}")
        else:
            page.keyboard.type(value[-1])
            page.wait_for_function(f"{box}.textContent === '' && window.bench.checks.length > {checks}")
        page.wait_for_function(f"window.bench.checks.length > {checks}")
        key, done = page.evaluate("[window.bench.keys.at(-1), window.bench.checks.at(-1)]")
        latencies.append((done - key) / 1000)
    return latencies


def _preview_latencies(page) -> tuple[list[float], int]:
    """Each edit one character typed at the end of a paragraph in the middle of the report; from
    the keystroke to the image of its page, in view in the preview, loaded anew."""
    page.wait_for_selector("#preview img", timeout=120_000)
    paragraphs = page.locator("textarea[name='b:report.overview:text']")
    text = paragraphs.nth(paragraphs.count() // 2)
    digests = "() => [...document.querySelectorAll('#preview img')].map(img => img.dataset.digest).join(' ')"
    before = page.evaluate(digests)
    text.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("改")
    page.wait_for_function(f"({digests})() !== {json.dumps(before)}", timeout=120_000)
    after = page.evaluate(digests)
    edited = next(number for number, (a, b) in enumerate(zip(before.split(), after.split()), 1) if a != b)
    page.evaluate(f"document.querySelector('#preview img[data-page=\"{edited}\"]').scrollIntoView()")
    time.sleep(1)
    latencies = []
    for edit in range(EDITS):
        shown = page.evaluate(f"document.querySelector('#preview img[data-page=\"{edited}\"]').dataset.digest")
        page.keyboard.type("一二三四五六七八九十"[edit % 10])
        page.wait_for_function(
            f"window.bench.images.some(i => i.page === '{edited}' && i.digest !== '{shown}' "
            f"&& i.at > window.bench.keys.at(-1))", timeout=60_000)
        key, loaded = page.evaluate(
            f"[window.bench.keys.at(-1), window.bench.images.filter(i => i.page === '{edited}').at(-1).at]")
        latencies.append((loaded - key) / 1000)
        time.sleep(PAUSE_S)
    return latencies, edited


def _preview_clicks(page, clicks: int) -> list[float]:
    """The Preview button pressed: from the click to the images sent with the answer shown (in
    a page that draws the pages in view and the rest when scrolled to, those in view; before,
    every page)."""
    times = []
    for _ in range(clicks):
        page.evaluate("document.getElementById('preview').replaceChildren()")
        started = time.perf_counter()
        page.click("button:has-text('预览')")
        page.wait_for_function("[...document.querySelectorAll('#preview img')].filter(i => i.loading !== 'lazy')"
                               ".every(i => i.complete && i.naturalWidth) && document.querySelector('#preview img')",
                               timeout=120_000)
        times.append(time.perf_counter() - started)
    return times


def web(program: Path = ROOT) -> None:
    """The web page's latencies on the 26-page report, in chromium, the program served from
    ``program``."""
    if not CHROMIUM.exists():
        print("web page: chromium is not installed (make test installs it)")
        return
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-web-") as tmp:
        folder = Path(tmp) / "served"
        folder.mkdir()
        shutil.copy(LONG, folder / LONG.name)
        server, url = _serve(program, folder)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
                page.goto(f"{url}/edit/{LONG.name}")
                page.wait_for_selector("#findings .summary", timeout=60_000)
                page.evaluate(_RECORDER)
                checks = _check_latencies(page)
                print(f"web page, {LONG.stem} ({EDITS} edits): keystroke → check's message beside the cell: "
                      f"{_percentiles(checks)}", flush=True)
                clicks = _preview_clicks(page, 5)
                print(f"web page, {LONG.stem}: Preview clicked → its pages shown: {_percentiles(clicks)}", flush=True)
                live = page.evaluate("Boolean(window.PREVIEW_DELAY_MS) || typeof livePreview === 'function'")
                if live:
                    previews, edited = _preview_latencies(page)
                    print(f"web page, {LONG.stem} ({EDITS} edits on page {edited}): keystroke → that page redrawn "
                          f"in the preview: {_percentiles(previews)}", flush=True)
                else:
                    print("web page: the preview does not follow the edits in this program")
                browser.close()
        finally:
            server.terminate()
            server.wait(30)


def main() -> None:
    if "--web" in sys.argv:
        program = Path(sys.argv[sys.argv.index("--program") + 1]) if "--program" in sys.argv else ROOT
        web(program.resolve())
        return
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
    web()


if __name__ == "__main__":
    main()
