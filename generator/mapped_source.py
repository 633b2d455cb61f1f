"""A data file's text whose values are reported where a clerk entered them.

Data that came from a workbook cell or a field of the web page is best shown there, not at a
line of a YAML file the clerk never saw: ``tables.xlsx:表二!D7`` for the importer, the field's
own path for the page. The checks and the loader ask their source for positions, so this
source answers with the place each value came from, and names the value as the clerk saw it.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.errors import DataError, SourcePosition
from generator.field_labels import printed_name
from generator.i18n import message
from generator.load import validate
from generator.load.report_model import ReportFile
from generator.load.yaml_source import YamlSource

Location = tuple[int | str, ...]


class MappedSource(YamlSource):
    """``places`` maps a data path to (where it was entered, its name there); other values are
    reported by ``elsewhere`` (default: their line and column in ``text``)."""

    def __init__(self, path: str, text: str, places: dict[tuple[str, ...], tuple[str, str]],
                 elsewhere: Callable[[Location], SourcePosition] | None = None) -> None:
        super().__init__(path, text)
        self._map(places, elsewhere)

    @classmethod
    def of_data(cls, path: str, data: dict, places: dict[tuple[str, ...], tuple[str, str]],
                elsewhere: Callable[[Location], SourcePosition]) -> MappedSource:
        """Data already read (the web page's, ``generator.web.page_data``), with no text behind
        it: every value is reported by ``places`` or ``elsewhere``."""
        source = cls.__new__(cls)
        source.path, source.data, source.notes, source.root = path, data, [], None
        source._map(places, elsewhere)
        return source

    def _map(self, places: dict[tuple[str, ...], tuple[str, str]],
             elsewhere: Callable[[Location], SourcePosition] | None) -> None:
        self.places, self.elsewhere = places, elsewhere
        self.names = dict(places.values())

    def position(self, location: Location) -> SourcePosition:
        place = self.places.get(tuple(str(step) for step in location))
        if place:
            return SourcePosition(place[0])
        return self.elsewhere(location) if self.elsewhere else super().position(location)

    def validate(self) -> ReportFile:
        """The report model; a value the model refuses is named as the clerk saw it
        (一、本年新收/自然人), not by its data path."""
        try:
            return validate(self)
        except DataError as error:
            name = self.names.get(error.position.path)
            if name is None:
                raise
            fields = getattr(error.message, "fields", {})
            problem = fields.get("problem", error.message) if "place" in fields else str(error.message).split(": ", 1)[-1]
            raise DataError(error.position, message("{place}: {problem}", place=printed_name(name),
                                                    problem=problem)) from None
