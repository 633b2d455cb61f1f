"""Find the font files a layout face asks for: the user's folder first, then the project's.

The project's fonts (free Fandol faces converted to TrueType, and HanaMin for rare characters)
are installed by ``fonts/install_fonts.py`` into ``$XDG_DATA_HOME/gongwen/fonts``; an office
with the real 仿宋_GB2312 etc. points ``--font-dir`` or ``GONGWEN_FONT_DIR`` at its folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import SetupError
from generator.i18n import message
from generator.layout_spec import Face

FONT_DIR_ENV = "GONGWEN_FONT_DIR"


def project_font_dir() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "gongwen" / "fonts"


def font_search_dirs(user_dir: Path | None = None) -> list[Path]:
    """Folders searched in order: --font-dir, $GONGWEN_FONT_DIR, the project's font folder."""
    dirs = [d for d in (user_dir, os.environ.get(FONT_DIR_ENV)) if d]
    return [Path(d) for d in dirs] + [project_font_dir()]


@dataclass(frozen=True)
class FontFile:
    name: str      # file stem, unique per chain, used as the font's registered name
    path: Path


def _index(dirs: list[Path]) -> dict[str, Path]:
    """Lower-cased file name → first path found, so FZXBSJW.TTF matches fzxbsjw.ttf."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                found.setdefault(path.name.lower(), path)
    return found


class FontFinder:
    """Resolves layout faces to font file chains in a fixed set of folders."""

    def __init__(self, user_dir: Path | None = None) -> None:
        self.dirs = font_search_dirs(user_dir)
        self._files = _index(self.dirs)

    def primaries(self, faces: Iterable[Face]) -> list[Path]:
        """The file that draws each face where no fallback is needed."""
        return [self.chain(face)[0].path for face in faces]

    def chain(self, face: Face) -> list[FontFile]:
        """The face's font files that exist, in the layout's order; the first draws the text."""
        chain = [FontFile(Path(name).stem, self._files[name.lower()])
                 for name in face.files if name.lower() in self._files]
        if not chain:
            looked = ", ".join(str(d) for d in self.dirs)
            raise SetupError(message("no font file for {face} (wanted one of {files} in {folders}); run `make setup` "
                                     "to install the project's fonts", face=face.docx, files=", ".join(face.files),
                                     folders=looked))
        return chain
