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

from generator.build import FORMATS
from generator.compose.report_format import report_tables
from generator.errors import DataError, GongwenError
from generator.font_files import FontFinder
from generator.i18n import Message, N_, _, language, message, ngettext
from generator.layout_spec import load_layout
from generator.kinds import ANNUAL_REPORT, kind_of
from generator.load import load_source, validate
from generator.load.report_model import ReportFile, default_format
from generator.load.yaml_source import YamlSource
from generator.output_files import write_atomically
from generator.skeleton import skeleton
from generator.web.checking import PageCheck, check_page, posted_items
from generator.web.page_data import on_disk
from generator.web.files import MAX_UPLOAD, BodyLimit, DataFolder, Gone, Refused
from generator.web.form import BLOCK_KINDS, initial, tables
from generator.web.builder import Builder
from generator.web.preview import Downloads, data_url, pages_in_view

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
                  "noFile": N_("No file chosen")}


def templates_for(directory: Path) -> Jinja2Templates:
    """The page's templates, speaking the language in force: Jinja2's i18n extension bound to
    the program's catalog (``_("…")`` in a template is a catalog entry, extracted by ``make
    messages``), and ``message("… {field} …", field=…)`` for an entry with fields."""
    templates = Jinja2Templates(directory=directory)
    templates.env.add_extension("jinja2.ext.i18n")
    templates.env.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=False)
    templates.env.globals.update(
        message=message, html_lang=lambda: HTML_LANG[language()],
        script_strings=lambda: {key: _(text) for key, text in SCRIPT_STRINGS.items()})
    return templates


def create_app(folder: Path) -> FastAPI:
    data = DataFolder(folder)
    builder = Builder()
    downloads = Downloads(builder)
    templates = templates_for(HERE / "templates")
    app = FastAPI(title="gongwen", docs_url=None, redoc_url=None, openapi_url=None,
                  on_startup=[builder.start], on_shutdown=[downloads.close, builder.close])
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context, status_code=status)

    def failure(request: Request, text: str | Message, status: int = 400) -> HTMLResponse:
        """A failure as the page shows it: a fragment for htmx, else the folder's page."""
        if request.headers.get("HX-Request"):
            return page(request, "_message.html", status, text=text, kind="error")
        return page(request, "index.html", status, files=data.files(), error=text, folder=data.root,
                    year=dt.date.today().year - 1)

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

    def opened(name: str) -> tuple[Path, ReportFile]:
        """A data file of the folder and its report; a file that does not load is refused with
        the loader's own message, and one of another kind of 公文 (the page edits the annual
        report) with its kind named."""
        path = data.path(name)
        source = on_disk(path)
        kind = kind_of(source)
        if kind.name != ANNUAL_REPORT:
            raise Refused(message("{name} is a {kind}: this page edits annual reports; build it with "
                                  "gongwen build {name}", name=path.name, kind=kind.name))
        return path, validate(source)

    async def form_check(request: Request, name: str) -> tuple[Path, PageCheck]:
        path, report = opened(name)
        items = await posted_items(request)
        return path, await run_in_threadpool(check_page, path, report, items)

    @app.get("/", response_class=HTMLResponse)
    async def index(request: Request) -> HTMLResponse:
        return page(request, "index.html", files=data.files(), folder=data.root, year=dt.date.today().year - 1)

    @app.post("/new")
    async def new(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=10)
        name, organ, year = (str(form.get(key, "")).strip() for key in ("name", "organ", "year"))
        if not year.isdigit() or not 2019 <= int(year) <= 2999 or not organ:
            raise Refused(message("Fill in the report's year (2019 or later) and the reporting organ"))
        path = data.path(name if name.endswith((".yaml", ".yml")) else f"{name}.yaml", must_exist=False)
        text = skeleton(default_format(int(year)), int(year), organ)
        validate(YamlSource(path.name, text))
        write_atomically(path, text)
        return RedirectResponse(f"/edit/{path.name}", status_code=303)

    @app.post("/upload")
    async def upload(request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if upload is None or isinstance(upload, str) or not upload.filename:
            raise Refused(message("Choose the data file (.yaml) to upload"))
        path = data.path(Path(upload.filename).name, must_exist=False)
        content = await upload.read(MAX_UPLOAD + 1)
        if len(content) > MAX_UPLOAD:
            raise Refused(message("{name}: larger than {limit} bytes, so not a report's data file",
                                  name=upload.filename, limit=f"{MAX_UPLOAD:,}"))
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Refused(message("{name}: not UTF-8 text (save it again as UTF-8)", name=upload.filename)) from None
        try:
            validate(YamlSource(path.name, text))
        except DataError as error:
            raise Refused(f"{error.position}: {error.message}") from None
        write_atomically(path, text)
        return RedirectResponse(f"/edit/{path.name}", status_code=303)

    @app.get("/edit/{name}", response_class=HTMLResponse)
    async def edit(request: Request, name: str) -> HTMLResponse:
        path, report = opened(name)
        specs = report_tables(report)
        shown = initial(load_source(path).data, report.format, specs)
        return page(request, "edit.html", name=path.name, year_format=report.format,
                    tables=tables(specs, report.format), kinds=BLOCK_KINDS,
                    formats={fmt: FORMAT_NAMES.get(fmt, fmt.upper()) for fmt in FORMATS}, **shown)

    @app.get("/block", response_class=HTMLResponse)
    async def block(request: Request, section: str, blocks: bool = True) -> HTMLResponse:
        return page(request, "_block.html", section=section, blocks=blocks, item=("p", "", ""), kinds=BLOCK_KINDS)

    @app.post("/edit/{name}/check", response_class=HTMLResponse)
    async def check(request: Request, name: str) -> HTMLResponse:
        _, checked = await form_check(request, name)
        return page(request, "_findings.html", check=checked)

    @app.post("/edit/{name}/preview", response_class=HTMLResponse)
    async def preview(request: Request, name: str, view: str = "") -> Response:
        """The pages, those in ``view`` (page numbers: "3,4") drawn at once; nothing (204) when
        a newer edit's preview has been asked for meanwhile."""
        ticket = builder.ticket(data.path(name).name)
        path, checked = await form_check(request, name)
        if checked.report is None:
            return page(request, "_findings.html", check=checked)
        pages = await builder.preview(ticket, checked.report, pages_in_view(view))
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

    @app.post("/edit/{name}/download/{fmt}")
    async def download(request: Request, name: str, fmt: str) -> Response:
        if fmt not in FORMATS:
            raise Refused(message("{format}: not a format the program writes", format=fmt))
        path, checked = await form_check(request, name)
        if checked.report is None or checked.errors:
            text = message("The tables have errors: correct them first (see the checks on the right), then download") \
                if checked.report else checked.findings[0].message
            return page(request, "_message.html", text=text, kind="error")
        token = await downloads.build(checked.report, path.stem, fmt, [])
        built = downloads.get(token).name          # changle-2020.pdfa.pdf for the PDF/A
        response = page(request, "_message.html", text=message("{name} is ready", name=built), kind="ok")
        response.headers["HX-Redirect"] = f"/download/{token}/{built}"
        return response

    @app.get("/download/{token}/{filename}")
    async def fetch(token: str, filename: str) -> FileResponse:
        built = downloads.get(token)
        if built is None or built.name != filename:
            raise Gone(message("This download has expired: press the download button again"))
        return FileResponse(built, filename=built.name)

    @app.post("/edit/{name}/save", response_class=HTMLResponse)
    async def save(request: Request, name: str) -> HTMLResponse:
        path, checked = await form_check(request, name)
        if checked.report is None:
            return page(request, "_message.html", kind="error",
                        text=message("Not saved: {text}", text=checked.findings[0].message))
        write_atomically(path, checked.text)
        saved = dict(name=path.name, time=f"{dt.datetime.now():%H:%M:%S}")
        text = message("Saved {name} at {time} (the tables have {errors} error(s): correct them before building)",
                       errors=len(checked.errors), **saved) if checked.errors else \
            message("Saved {name} at {time}", **saved)
        return page(request, "_message.html", text=text, kind="ok")

    @app.get("/fonts/{face}.ttf")
    async def font(face: str) -> FileResponse:
        if face not in FONT_FACES:
            raise HTTPException(404)
        return FileResponse(FontFinder().primaries([load_layout().faces[face]])[0], media_type="font/ttf")

    return app

