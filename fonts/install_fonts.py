"""Install the free fonts the 公文 generator uses, as TrueType files in one folder.

Why this exists:
- GB/T 9704 asks for 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312 and 宋体, which are not free.
  The Fandol fonts (from Debian's texlive-lang-chinese) are free substitutes with full GB2312
  coverage, but they ship as CFF OpenType (.otf).
- reportlab only accepts TrueType (glyf) outlines, so the five Fandol faces are converted once
  with fontTools cu2qu and cached here.
- LibreOffice (DOCX -> PDF, through fonts/fonts.conf) and reportlab use the very same TTF files,
  so both outputs show the same glyphs.
- Fandol lacks rare characters outside GB2312 (e.g. 㛃 U+36C3, 䶮 U+4DAE). HanaMinA/HanaMinB
  (Debian fonts-hanazono, glyf TTF) cover CJK Extension A and B and are copied as a fallback.

The packages are fetched with `apt-get download` and unpacked with dpkg-deb; nothing is installed
system-wide. A stamp file records the source hashes; when it and every output exist, a rerun
prints one line and exits at once.

Usage: python fonts/install_fonts.py [--target DIR] [--force]
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Package:
    """A Debian package and the folder inside it that holds the font files we need."""

    name: str
    font_dir: str  # relative to / in the package
    files: tuple[str, ...]

    @property
    def system_dir(self) -> Path:
        return Path("/") / self.font_dir


FANDOL = Package(
    "texlive-lang-chinese",
    "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol",
    # Largest first, so the two worker processes finish at about the same time.
    ("FandolKai-Regular.otf", "FandolSong-Bold.otf", "FandolHei-Regular.otf",
     "FandolSong-Regular.otf", "FandolFang-Regular.otf"),
)
HANAZONO = Package("fonts-hanazono", "usr/share/fonts/truetype/hanazono",
                   ("HanaMinA.ttf", "HanaMinB.ttf"))
PACKAGES = (FANDOL, HANAZONO)

BOLD_FACES = {"FandolSong-Bold.otf"}  # Fandol says usWeightClass 400 for its Bold faces
RARE_SAMPLES = {"HanaMinA.ttf": "㛃䶮", "HanaMinB.ttf": "\U00020000\U0002A6D6"}  # Ext A / Ext B
RECIPE = "fandol-cu2qu-maxerr1.0+hanazono/1"  # change to force a rebuild of existing installs
STAMP_NAME = ".install-stamp.json"
WORKERS = 2
Stamp = dict[str, Any]  # parsed .install-stamp.json


class InstallError(Exception):
    """A step failed; main() prints the message on one line and exits non-zero."""


def default_target() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "gongwen" / "fonts"


def output_names() -> list[str]:
    return [Path(f).with_suffix(".ttf").name for f in FANDOL.files] + list(HANAZONO.files)


def read_stamp(target: Path) -> Stamp | None:
    try:
        stamp = json.loads((target / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) and stamp.get("recipe") == RECIPE else None


def is_up_to_date(target: Path) -> bool:
    """True if the stamp matches this recipe and every output exists with its recorded size."""
    stamp = read_stamp(target)
    if stamp is None:
        return False
    sizes = stamp.get("outputs", {})
    for name in output_names():
        path = target / name
        if not path.is_file() or path.stat().st_size != sizes.get(name):
            return False
    return True


def run(cmd: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if not line.startswith("W:")]
    return lines[-1] if lines else "no output"


def apt_download(names: list[str], dest: Path) -> list[Path]:
    """Download .debs into dest; on failure run `apt-get update` once (root only) and retry."""
    cmd = ["apt-get", "download", *names]
    result = run(cmd, cwd=dest)
    if result.returncode != 0 and os.geteuid() == 0:
        print("apt-get download failed; running apt-get update once", flush=True)
        update = run(["apt-get", "update"])
        if update.returncode != 0:
            raise InstallError(f"apt-get update failed: {last_line(update.stderr)}")
        result = run(cmd, cwd=dest)
    if result.returncode != 0:
        raise InstallError(f"apt-get download {' '.join(names)} failed: {last_line(result.stderr)}")
    debs = []
    for name in names:
        found = sorted(dest.glob(f"{name}_*.deb"))
        if not found:
            raise InstallError(f"apt-get download left no {name}_*.deb")
        debs.append(found[-1])
    return debs


def extract(deb: Path, pkg: Package, dest: Path) -> Path:
    """Unpack only pkg.files from deb into dest; return the folder holding them."""
    members = [f"./{pkg.font_dir}/{name}" for name in pkg.files]
    script = 'deb=$1 dest=$2; shift 2; dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dest" "$@"'
    result = run(["bash", "-o", "pipefail", "-c", script, "extract", str(deb), str(dest), *members])
    if result.returncode != 0:
        raise InstallError(f"extracting {deb.name} failed: {last_line(result.stderr)}")
    return dest / pkg.font_dir


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_sources(work: Path) -> tuple[dict[Package, Path], dict[str, str]]:
    """Return the folder holding each package's font files and the hashes of what was used.

    Fonts already installed system-wide are used in place; the rest come from .debs.
    """
    dirs: dict[Package, Path] = {}
    hashes: dict[str, str] = {}
    missing = []
    for pkg in PACKAGES:
        if all((pkg.system_dir / f).is_file() for f in pkg.files):
            dirs[pkg] = pkg.system_dir
            hashes.update({f: sha256(pkg.system_dir / f) for f in pkg.files})
            print(f"using installed {pkg.system_dir}", flush=True)
        else:
            missing.append(pkg)
    if missing:
        start = time.monotonic()
        debs = apt_download([pkg.name for pkg in missing], work)
        for pkg, deb in zip(missing, debs, strict=True):
            dirs[pkg] = extract(deb, pkg, work)
            hashes[deb.name] = sha256(deb)
            print(f"fetched {deb.name} ({deb.stat().st_size / 1e6:.1f} MB)", flush=True)
        print(f"download + extract: {time.monotonic() - start:.1f} s", flush=True)
    return dirs, hashes


def otf_to_ttf(src: Path, dst: Path, bold: bool) -> float:
    """Convert a CFF OpenType font to TrueType (glyf) and write it atomically; return seconds."""
    # fontTools is imported only where needed, so the up-to-date check stays fast.
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    start = time.monotonic()
    font = TTFont(src)
    order, glyph_set = font.getGlyphOrder(), font.getGlyphSet()
    glyphs = {}
    for name in order:  # cubic -> quadratic; TrueType contours run the other way
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():  # TrueType wants lsb == xMin
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for key in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, key, 0)
    font["post"].formatType = 3.0  # no glyph names; reportlab and fontconfig use the cmap
    font.sfntVersion = "\x00\x01\x00\x00"
    if bold:
        font["OS/2"].usWeightClass = 700
    partial = dst.with_name(dst.name + ".partial")
    font.save(partial)
    os.replace(partial, dst)
    return time.monotonic() - start


def init_worker() -> None:
    """Leave Ctrl-C to the parent, and let Pool.terminate() end a worker quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def convert_fandol(src_dir: Path, target: Path, skip: set[str]) -> None:
    jobs = [f for f in FANDOL.files if Path(f).with_suffix(".ttf").name not in skip]
    if not jobs:
        return
    start = time.monotonic()
    # multiprocessing.Pool, not ProcessPoolExecutor: leaving the block on an error or Ctrl-C
    # terminates the workers at once instead of waiting for the queued conversions.
    with Pool(WORKERS, initializer=init_worker) as pool:
        results = {f: pool.apply_async(otf_to_ttf, (src_dir / f,
                                        target / Path(f).with_suffix(".ttf").name, f in BOLD_FACES))
                   for f in jobs}
        for name, result in results.items():
            try:
                seconds = result.get()
            except Exception as exc:  # report the face, not a worker traceback
                raise InstallError(f"converting {name} failed: {exc}") from exc
            print(f"converted {name} -> {Path(name).with_suffix('.ttf').name} in {seconds:.1f} s",
                  flush=True)
    print(f"conversion: {time.monotonic() - start:.1f} s wall on {WORKERS} processes", flush=True)


def copy_rare_fonts(src_dir: Path, target: Path, skip: set[str]) -> None:
    from fontTools.ttLib import TTFont

    for name in HANAZONO.files:
        if name in skip:
            continue
        cmap = TTFont(src_dir / name, lazy=True).getBestCmap()
        absent = [c for c in RARE_SAMPLES[name] if ord(c) not in cmap]
        if absent:
            raise InstallError(f"{name} lacks {' '.join(f'U+{ord(c):04X}' for c in absent)}")
        partial = target / (name + ".partial")
        shutil.copyfile(src_dir / name, partial)
        os.replace(partial, target / name)
        print(f"copied {name} (rare-character fallback)", flush=True)


def reusable_outputs(target: Path, stamp: Stamp | None, hashes: dict[str, str]) -> set[str]:
    """Outputs that an earlier run made from the very same sources and that still exist."""
    if stamp is None or stamp.get("sources") != hashes:
        return set()
    sizes = stamp.get("outputs", {})
    return {n for n in output_names()
            if (target / n).is_file() and (target / n).stat().st_size == sizes.get(n)}


def write_stamp(target: Path, hashes: dict[str, str]) -> None:
    stamp = {"recipe": RECIPE, "sources": hashes,
             "outputs": {n: (target / n).stat().st_size for n in output_names()}}
    partial = target / (STAMP_NAME + ".partial")
    partial.write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, target / STAMP_NAME)


def install(target: Path) -> None:
    if importlib.util.find_spec("fontTools") is None:
        raise InstallError(f"fontTools is not installed for {sys.executable}")
    target.mkdir(parents=True, exist_ok=True)
    for partial in target.glob("*.partial"):  # left by a killed run
        partial.unlink()
    old_stamp = read_stamp(target)
    (target / STAMP_NAME).unlink(missing_ok=True)  # an interrupted run must not look complete
    with tempfile.TemporaryDirectory(prefix="gongwen-fonts-") as tmp:
        dirs, hashes = fetch_sources(Path(tmp))
        keep = reusable_outputs(target, old_stamp, hashes)
        convert_fandol(dirs[FANDOL], target, keep)
        copy_rare_fonts(dirs[HANAZONO], target, keep)
    write_stamp(target, hashes)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=default_target(),
                        help="output folder (default: $XDG_DATA_HOME/gongwen/fonts)")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    return parser.parse_args(argv)


def raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, raise_interrupt)  # clean up workers and temp files on kill
    target = args.target.expanduser()
    if not args.force and is_up_to_date(target):
        print(f"fonts up to date in {target}")
        return 0
    start = time.monotonic()
    try:
        install(target)
    except KeyboardInterrupt:
        print("install_fonts: interrupted", file=sys.stderr)
        return 130
    except InstallError as exc:
        print(f"install_fonts: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # one line for the Makefile log, no traceback
        print(f"install_fonts: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"fonts installed in {target} ({time.monotonic() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
