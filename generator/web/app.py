"""``gongwen serve``: the report on a local web page, edited, checked as you type, previewed,
downloaded and saved back to its YAML file.

FastAPI with Jinja2 templates and htmx (vendored, so the page works offline). Every route works
on a file of the served folder only (``files.DataFolder``); requests are held to a size; any
failure is a message on the page, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from generator.build import FORMATS, PARTS
from generator.compose.report_format import report_tables
from generator.errors import DataError, GongwenError
from generator.font_files import FontFinder
from generator.i18n import Message, N_, _, language, message, ngettext
from generator.layout_spec import load_layout
from generator.kinds import ANNUAL_REPORT, Kind, kind_of
from generator.load import validate
from generator.load.reading import read_text
from generator.load.yaml_source import YamlSource
from generator.output_files import write_atomically
from generator.web.builder import Builder
from generator.web.checking import PageCheck, check_page, posted_items
from generator.web.copies import attachment, built_copy, keep_seal, seal_path, workbook_copy, workbook_into
from generator.web.files import MAX_UPLOAD, BodyLimit, DataFolder, Refused
from generator.web.form import OWN, PageSection, report_page, section_numbers
from generator.web.inputs import BLOCK_KINDS, Blocks
from generator.web.kind_form import GONGWEN_BLOCK_KINDS, KindCheck, attachment_inputs, check_kind_page, kind_page
from generator.web.page_data import on_disk, prepare
from generator.web.preview import data_url, pages_in_view
from generator.web.starting import kind_names, new_file
from generator.web.versions import Stale, refuse_stale, version

HERE = Path(__file__).parent
FONT_FACES = ("fangsong", "heiti")   # served for the page's Chinese text (the project's own fonts)
HTML_LANG = {"zh": "zh-CN", "en": "en"}
FORMAT_NAMES = {"docx": "DOCX", "pdf": "PDF", "pdfa": "PDF/A", "ofd": "OFD"}    # on the download buttons
# HTTP failures that are no message of ours (an unknown address, a wrong method), in the page's words
HTTP_MESSAGES = {404: N_("No such page: open a data file from the list"),
                 405: N_("This address does not take that request: use the page's buttons")}
# app.js's own words, handed to it by the page (static/app.js holds none)
SCRIPT_STRINGS = {"offline": N_("The server does not answer: is gongwen serve still running? Nothing was saved."),
                  "failed": N_("The request failed ({status}); reload the page and try again."),
                  "required": N_("Fill this in"),
                  "chooseFile": N_("Choose the data file (.yaml) to upload"),
                  "noFile": N_("No file chosen"),
                  "unsaved": N_("This page has edits that are not saved. Leave it all the same?")}


def templates_for(directory: Path) -> Jinja2Templates:
    """The page's templates, speaking the language in force: Jinja2's i18n extension bound to
    the program's catalog (``_("…")`` in a template is a catalog entry, extracted by ``make
    messages``), and ``message("… {field} …", field=…)`` for an entry with fields."""
    templates = Jinja2Templates(directory=directory)
    templates.env.add_extension("jinja2.ext.i18n")
    templates.env.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=False)
    templates.env.globals.update(
        message=message, html_lang=lambda: HTML_LANG[language()], section_numbers=section_numbers,
        script_strings=lambda: {key: _(text) for key, text in SCRIPT_STRINGS.items()})
    return templates


def create_app(folder: Path) -> FastAPI:
    data = DataFolder(folder)
    builder = Builder()
    templates = templates_for(HERE / "templates")
    app = FastAPI(title="gongwen", docs_url=None, redoc_url=None, openapi_url=None,
                  on_startup=[builder.start], on_shutdown=[builder.close])
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context, status_code=status)

    def failure(request: Request, text: str | Message, status: int = 400) -> HTMLResponse:
        """A failure as the page shows it: a fragment for htmx, else the folder's page."""
        if request.headers.get("HX-Request"):
            return page(request, "_message.html", status, text=text, kind="error")
        return page(request, "index.html", status, files=data.files(), error=text, folder=data.root,
                    year=dt.date.today().year - 1, typed={}, kinds=kind_names())

    app.add_middleware(BodyLimit)

    @app.exception_handler(GongwenError)
    async def refused(request: Request, error: GongwenError) -> HTMLResponse:
        return failure(request, str(error), getattr(error, "status", 400))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> HTMLResponse:
        wording = HTTP_MESSAGES.get(error.status_code, N_("The request was refused ({status})"))
        return failure(request, message(wording, status=error.status_code), error.status_code)

    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, error: RequestValidationError) -> HTMLResponse:
        return failure(request, message("The request lacks a value or has a wrong one: use the page's buttons"), 422)

    @app.exception_handler(Exception)
    async def failed(request: Request, error: Exception) -> HTMLResponse:
        return failure(request, message("Internal error ({kind}): try again, or check the file with gongwen check",
                                        kind=error.__class__.__name__), 500)

    def opened(name: str) -> tuple[Path, YamlSource, Kind]:
        """A data file of the folder, parsed, and its kind; a file that does not load is refused
        with the loader's own message."""
        path = data.path(name)
        source = on_disk(path)
        return path, source, kind_of(source)

    async def form_check(request: Request, name: str) -> tuple[Path, PageCheck | KindCheck, Kind]:
        """The page's form checked as its file's kind checks it."""
        path, source, kind = opened(name)
        items = await posted_items(request)
        if kind.name == ANNUAL_REPORT:
            return path, await run_in_threadpool(check_page, path, validate(source), items), kind
        return path, await run_in_threadpool(check_kind_page, path, read_text(path), kind, items), kind

    async def uploaded(request: Request, missing: Message) -> tuple[str, bytes]:
        """The file a form uploads, its name and at most one byte past the limit of its bytes;
        Refused with ``missing`` when it has none."""
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if upload is None or isinstance(upload, str) or not upload.filename:
            raise Refused(missing)
        return upload.filename, await upload.read(MAX_UPLOAD + 1)

    @app.get("/", response_class=HTMLResponse)
    async def index(request: Request) -> HTMLResponse:
        return page(request, "index.html", files=data.files(), folder=data.root, year=dt.date.today().year - 1,
                    typed={}, kinds=kind_names())

    @app.post("/new")
    async def new(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=10)
        typed = {key: str(form.get(key, "")).strip() for key in ("name", "organ", "year", "kind")}
        try:
            path = new_file(data, typed)
        except GongwenError as error:       # the form comes back as it was typed, with the message
            return page(request, "index.html", getattr(error, "status", 400), files=data.files(), error=str(error),
                        folder=data.root, year=dt.date.today().year - 1, typed=typed, kinds=kind_names())
        return RedirectResponse(f"/edit/{path.name}", status_code=303)

    @app.post("/upload")
    async def upload(request: Request) -> Response:
        filename, content = await uploaded(request, message("Choose the data file (.yaml) to upload"))
        path = data.path(Path(filename).name, must_exist=False)
        if len(content) > MAX_UPLOAD:
            raise Refused(message("{name}: larger than {limit} bytes, so not a report's data file",
                                  name=filename, limit=f"{MAX_UPLOAD:,}"))
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Refused(message("{name}: not UTF-8 text (save it again as UTF-8)", name=filename)) from None
        try:
            source = YamlSource(path.name, text)
            kind_of(source).check(source)
        except DataError as error:
            raise Refused(f"{error.position}: {error.message}") from None
        write_atomically(path, text)
        return RedirectResponse(f"/edit/{path.name}", status_code=303)

    @app.get("/edit/{name}", response_class=HTMLResponse)
    async def edit(request: Request, name: str) -> HTMLResponse:
        path = data.path(name)
        try:
            path, source, kind = opened(name)
            report = validate(source) if kind.name == ANNUAL_REPORT else None
        except DataError as error:
            return text_view(request, path, read_text(path), error)
        shared = dict(name=path.name, version=version(read_text(path)), seal=seal_path(data.root) is not None,
                      report_kinds=BLOCK_KINDS, gongwen_kinds=GONGWEN_BLOCK_KINDS,
                      formats={fmt: FORMAT_NAMES.get(fmt, fmt.upper()) for fmt in FORMATS})
        if report is None:
            return page(request, "edit_kind.html", kind=kind.name, page=kind_page(source.data, kind.name),
                        new_attachment=attachment_inputs("NEWID", {}), **shared)
        return page(request, "edit.html", year_format=report.format,
                    page=report_page(source.data, report, report_tables(report)),
                    new_section=PageSection("NEWID", "", "", "", Blocks(f"{OWN}.NEWID", "", [], BLOCK_KINDS)), **shared)

    def text_view(request: Request, path: Path, text: str, error: GongwenError) -> HTMLResponse:
        """A file that does not load, as text to fix, its error beside its line (the text as
        typed when a fix failed)."""
        position = getattr(error, "position", None)
        said = f"{position}: {error.message}" if isinstance(error, DataError) else str(error)
        return page(request, "text.html", 422 if request.method == "POST" else 200, name=path.name, text=text,
                    error=said.replace(str(path), path.name), line=getattr(position, "line", None) or 0,
                    version=version(read_text(path)))

    @app.post("/edit/{name}/text", response_class=HTMLResponse)
    async def save_text(request: Request, name: str) -> Response:
        path = data.path(name)
        form = await request.form(max_files=0, max_fields=5)
        text = str(form.get("text", "")).replace("\r\n", "\n")
        try:
            refuse_stale(path, str(form.get("version", "")), version(read_text(path)))
            source = YamlSource(path.name, text)
            kind_of(source).check(source)
        except (DataError, Stale) as error:
            return text_view(request, path, text, error)
        write_atomically(path, text)
        return RedirectResponse(f"/edit/{path.name}", status_code=303)

    @app.get("/edit/{name}/version")
    async def file_version(name: str) -> Response:
        return Response(version(read_text(data.path(name))), media_type="text/plain")

    @app.post("/edit/{name}/check", response_class=HTMLResponse)
    async def check(request: Request, name: str) -> HTMLResponse:
        _, checked, _kind = await form_check(request, name)
        return page(request, "_findings.html", check=checked)

    @app.post("/edit/{name}/preview", response_class=HTMLResponse)
    async def preview(request: Request, name: str, view: str = "") -> Response:
        """The pages, those in ``view`` (page numbers: "3,4") drawn at once; nothing (204) when
        a newer edit's preview has been asked for meanwhile."""
        ticket = builder.ticket(data.path(name).name)
        path, checked, kind = await form_check(request, name)
        if checked.report is None:
            return page(request, "_findings.html", check=checked)
        pages = await builder.preview(ticket, checked.report, pages_in_view(view), kind.name)
        if pages is None:
            return Response(status_code=204)
        return page(request, "_preview.html", name=path.name, pages=pages, errors=len(checked.errors),
                    images={number: data_url(png) for number, png in pages.images.items()})

    @app.get("/edit/{name}/page/{digest}.png")
    async def page_image(name: str, digest: str) -> Response:
        """A page of a recent preview, by its digest (so the browser may keep it)."""
        data.path(name)                 # a file of the folder, as every address names
        png = await builder.page_image(digest)
        if png is None:
            raise HTTPException(404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400, immutable"})

    def unbuildable(request: Request, checked: PageCheck | KindCheck) -> HTMLResponse | None:
        """The message that stops a copy being built from the page, if any."""
        if checked.report is not None and not checked.errors:
            return None
        if checked.report is None:
            text = checked.findings[0].message
        elif isinstance(checked, PageCheck):
            text = message("The tables have errors: correct them first (see the checks on the right), then download")
        else:
            text = message("The checks found errors: correct them first (see the checks on the right), then download")
        return page(request, "_message.html", 422, text=text, kind="error checks")

    @app.post("/edit/{name}/download/{fmt}")
    async def download(request: Request, name: str, fmt: str, parts: str = "all", sealed: bool = False) -> Response:
        """A copy built from the page, handed over whole: the page stays where it is."""
        if fmt not in FORMATS or parts not in PARTS:
            raise Refused(message("{format}: not a format the program writes", format=parts if fmt in FORMATS else fmt))
        path, checked, kind = await form_check(request, name)
        refusal = unbuildable(request, checked)
        if refusal is not None:
            return refusal
        if parts != "all" and kind.name != ANNUAL_REPORT:
            raise Refused(message("The portal copy is the annual report alone: this is a {kind}", kind=kind.name))
        seal = seal_path(data.root) if sealed else None
        filename, content = await run_in_threadpool(built_copy, checked.report, path.stem, fmt, parts, seal, kind)
        return attachment(content, filename)

    @app.post("/edit/{name}/workbook")
    async def workbook(request: Request, name: str) -> Response:
        """The page's tables as a workbook."""
        path, checked, kind = await form_check(request, name)
        if kind.name != ANNUAL_REPORT:
            raise Refused(message("The workbook holds the annual report's tables: this is a {kind}", kind=kind.name))
        if checked.report is None:
            return page(request, "_message.html", 422, text=checked.findings[0].message, kind="error checks")
        return attachment(await run_in_threadpool(workbook_copy, checked.report), f"{path.stem}.xlsx")

    @app.post("/edit/{name}/import")
    async def workbook_upload(request: Request, name: str) -> Response:
        """A filled workbook's figures put into the file, as ``gongwen import --into`` does."""
        path = data.path(name)
        filename, content = await uploaded(request, message("Choose the workbook (.xlsx) to upload"))
        findings = await run_in_threadpool(workbook_into, path, content, filename)
        return page(request, "_message.html", text=message("{workbook}: its figures are in {name} ({count} finding(s))",
                                                           workbook=filename, name=path.name,
                                                           count=len(findings)), kind="ok")

    @app.post("/seal")
    async def seal(request: Request) -> HTMLResponse:
        keep_seal(data.root, *await uploaded(request, message("Choose the seal scan (PNG or JPEG) to upload")))
        return page(request, "_message.html", text=message("The seal scan is kept for every file of this folder"),
                    kind="ok")

    @app.post("/edit/{name}/save", response_class=HTMLResponse)
    async def save(request: Request, name: str) -> HTMLResponse:
        path, checked, _kind = await form_check(request, name)
        if checked.report is None:
            return page(request, "_message.html", 422, kind="error checks",
                        text=message("Not saved: {text}", text=checked.findings[0].message))
        refuse_stale(path, request.headers.get("X-Gongwen-Version", ""), version(read_text(path)))
        write_atomically(path, checked.text)
        await run_in_threadpool(prepare, path)          # the next keystroke's check finds the new text read
        saved = dict(name=path.name, time=f"{dt.datetime.now():%H:%M:%S}")
        text = message("Saved {name} at {time} (the tables have {errors} error(s): correct them before building)",
                       errors=len(checked.errors), **saved) if checked.errors else \
            message("Saved {name} at {time}", **saved)
        response = page(request, "_message.html", text=text, kind="ok")
        response.headers["X-Gongwen-Version"] = version(checked.text)
        return response

    @app.get("/fonts/{face}.ttf")
    async def font(face: str) -> FileResponse:
        if face not in FONT_FACES:
            raise HTTPException(404)
        return FileResponse(FontFinder().primaries([load_layout().faces[face]])[0], media_type="font/ttf")

    return app

