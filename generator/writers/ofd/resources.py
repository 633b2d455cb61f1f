"""The document's resources and the ID every object of the package gets.

GB/T 33190 wants one ID space per document: resources, pages, layers and graphic objects all
draw from the same counter, and Document.xml records the highest as MaxUnitID. Fonts and the
colour space are public resources (PublicRes.xml); pictures are document resources
(DocumentRes.xml). Their files lie in ``Res/`` beside them.

Every colour is written in one RGB colour space, from the layout's ``rgb`` values: an OFD is
read on screens, and RGB is the colour space every reader supports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.paged_document import Image, PagedDocument
from generator.writers.ofd.fonts import EmbeddedFont
from generator.writers.ofd.markup import child, root, serialize

RES_FOLDER = "Res"
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".bmp": "BMP", ".tif": "TIFF", ".tiff": "TIFF"}


class Ids:
    """The document's single ID counter."""

    def __init__(self) -> None:
        self.last = 0

    def next(self) -> int:
        self.last += 1
        return self.last


@dataclass
class Resources:
    """The IDs by which page content refers to resources, and the files the resources hold."""

    color_space: int
    fonts: dict[str, tuple[int, EmbeddedFont]]      # font key → ID, subset
    images: dict[Path, int] = field(default_factory=dict)

    @classmethod
    def collect(cls, paged: PagedDocument, fonts: dict[str, EmbeddedFont], ids: Ids) -> Resources:
        resources = cls(ids.next(), {key: (ids.next(), font) for key, font in fonts.items()})
        for page in paged.pages:
            for item in page.leaves():
                if isinstance(item, Image) and item.path not in resources.images:
                    resources.images[item.path] = ids.next()
        return resources

    def public_res(self) -> bytes:
        res = root("Res", BaseLoc=RES_FOLDER)
        spaces = child(res, "ColorSpaces")
        child(spaces, "ColorSpace", ID=str(self.color_space), Type="RGB")
        fonts = child(res, "Fonts")
        for font_id, font in self.fonts.values():
            attributes = {"ID": str(font_id), "FontName": font.font_name, "FamilyName": font.family_name}
            if font.bold:
                attributes["Bold"] = "true"
            child(child(fonts, "Font", **attributes), "FontFile", _font_file(font_id))
        return serialize(res)

    def document_res(self) -> bytes:
        res = root("Res", BaseLoc=RES_FOLDER)
        media = child(res, "MultiMedias")
        for path, image_id in self.images.items():
            entry = child(media, "MultiMedia", ID=str(image_id), Type="Image", Format=_image_format(path))
            child(entry, "MediaFile", _image_file(path, image_id))
        return serialize(res)

    def files(self) -> dict[str, bytes]:
        """The resource files, by name inside ``Res/``."""
        files = {_font_file(font_id): font.data for font_id, font in self.fonts.values()}
        files.update((_image_file(path, image_id), path.read_bytes()) for path, image_id in self.images.items())
        return files


def _font_file(font_id: int) -> str:
    """Named by ID: a font's own name may be 仿宋_GB2312, and not every reader decodes ZIP names."""
    return f"font_{font_id}.ttf"


def _image_file(path: Path, image_id: int) -> str:
    return f"image_{image_id}{path.suffix.lower()}"


def _image_format(path: Path) -> str:
    return IMAGE_FORMATS.get(path.suffix.lower(), path.suffix[1:].upper())
