"""A recognised draft as the kinds registry takes a data file: ``.path``, ``.data`` and
``.position(location)``, where a data path's position is the draft line it came from, so that
the model's errors and the checks' warnings name ``DRAFT.txt:12`` rather than a YAML file the
clerk never saw."""

from __future__ import annotations

from generator.draft.recognise import Draft
from generator.errors import SourcePosition


class DraftSource:
    def __init__(self, draft: Draft) -> None:
        self.path = draft.path
        self.data = draft.data
        self.draft = draft

    def position(self, location: tuple[int | str, ...]) -> SourcePosition:
        """The line of the deepest part of ``location`` that came from a line of the draft."""
        places = self.draft.places
        for length in range(len(location), 0, -1):
            line = places.get(tuple(location[:length]))
            if line is not None:
                return SourcePosition(self.path, line)
        return SourcePosition(self.path)
