"""Which organ issues an annual report, read from the reporting organ's name (layouts/organs.yaml).

A district's report goes out from its government's 办公室 (某某区人民政府办公室文件); a
街道办事处, a town's government or a department issues its own under its own name. Appending
"人民政府办公室" to every name made "某某街道办事处人民政府办公室文件", an office that does not
exist. The type is read from the name's ending, and said, so that a clerk can correct it with
``--issuer`` and ``--mark``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict

from generator.layout_spec import LAYOUTS_DIR, read_layout_file

ORGANS_FILE = LAYOUTS_DIR / "organs.yaml"
GOVERNMENT = "人民政府"


class OrganType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str
    ends: list[str]
    issuer: str
    place: str


class OrganTypes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    types: list[OrganType]
    mark: str


@cache
def organ_types() -> OrganTypes:
    return OrganTypes.model_validate(read_layout_file(ORGANS_FILE))


@dataclass(frozen=True)
class Issuing:
    """Who issues ``organ``'s report: its 署名 and 印发机关 (``issuer``), its 发文机关标志
    (``mark``), the place its title names; ``organ_type`` when read from the name, else None."""

    issuer: str
    mark: str
    place: str
    organ_type: str | None


def issuing(organ: str, issuer: str | None = None, mark: str | None = None) -> Issuing:
    """The issuing organ of ``organ``'s report: ``issuer`` and ``mark`` as given, the rest read
    from the name by the first type in layouts/organs.yaml whose ending it has."""
    types = organ_types()
    found = next(kind for kind in types.types if any(organ.endswith(end) for end in kind.ends))
    names = {"organ": organ, "place": organ.removesuffix(GOVERNMENT) or organ}
    chosen = issuer or found.issuer.format(**names)
    return Issuing(issuer=chosen, mark=mark or types.mark.format(issuer=chosen), place=found.place.format(**names),
                   organ_type=None if issuer else found.type)
