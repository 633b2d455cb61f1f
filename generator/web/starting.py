"""A new data file started on the folder's page: an annual report, or any other kind of 公文,
from the same skeletons as ``gongwen new``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.i18n import message
from generator.kinds import ANNUAL_REPORT, NewDocument, kind_of, kinds
from generator.load.yaml_source import YamlSource
from generator.output_files import write_atomically
from generator.web.files import DataFolder, Refused


def kind_names() -> list[str]:
    """The kinds a new file may be, the annual report first."""
    return list(kinds())


def new_file(folder: DataFolder, typed: dict[str, str]) -> Path:
    """Write the skeleton the form asks for (``name``, ``organ``, ``year``, ``kind``) and return
    its path; Refused, naming what to fill in, when the form cannot make one."""
    kind = kinds().get(typed.get("kind") or ANNUAL_REPORT)
    if kind is None:
        raise Refused(message("Choose the kind of document"))
    year = typed.get("year", "")
    if kind.name == ANNUAL_REPORT and (not year.isdigit() or not 2019 <= int(year) <= 2999) or not typed.get("organ"):
        raise Refused(message("Fill in the report's year (2019 or later) and the reporting organ")
                      if kind.name == ANNUAL_REPORT else message("Fill in the issuing organ"))
    name = typed.get("name", "")
    path = folder.path(name if name.endswith((".yaml", ".yml")) else f"{name}.yaml", must_exist=False)
    text = kind.skeleton(NewDocument(typed["organ"], int(year) if year.isdigit() else dt.date.today().year))
    source = YamlSource(path.name, text)
    kind_of(source).check(source)               # a skeleton that does not load is never written
    write_atomically(path, text)
    return path
