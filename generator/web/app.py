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
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from generator.build import FORMATS
from generator.compose.report_format import report_tables
from generator.errors import DataError, GongwenError
from generator.font_files import FontFinder
from generator.layout_spec import load_layout
from generator.load import load_source, validate
from generator.load.report_model import ReportFile, default_format
from generator.load.yaml_source import YamlSource
from generator.output_files import write_atomically
from generator.skeleton import skeleton
from generator.web.checking import PageCheck, check_page
from generator.web.files import MAX_UPLOAD, BodyLimit, DataFolder, Refused
from generator.web.form import BLOCK_KINDS, initial, tables
from generator.web.preview import Downloads, page_images

HERE = Path(__file__).parent
FONT_FACES = ("fangsong", "heiti")   # served for the page's Chinese text (the project's own fonts)


def create_app(folder: Path) -> FastAPI:
    data = DataFolder(folder)
    downloads = Downloads()
    templates = Jinja2Templates(directory=HERE / "templates")
    app = FastAPI(title="gongwen", docs_url=None, redoc_url=None, openapi_url=None,
                  on_shutdown=[downloads.close])
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context, status_code=status)

    def message(request: Request, text: str, status: int = 400) -> HTMLResponse:
        """A failure as the page shows it: a fragment for htmx, else the folder's page."""
        if request.headers.get("HX-Request"):
            return page(request, "_message.html", status, text=text, kind="error")
        return page(request, "index.html", status, files=data.files(), error=text, folder=data.root)

    app.add_middleware(BodyLimit)

    @app.exception_handler(GongwenError)
    async def refused(request: Request, error: GongwenError) -> HTMLResponse:
        return message(request, str(error), getattr(error, "status", 400))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> HTMLResponse:
        return message(request, f"{error.status_code}: {error.detail}", error.status_code)

    @app.exception_handler(Exception)
    async def failed(request: Request, error: Exception) -> HTMLResponse:
        return message(request, f"内部错误（{error.__class__.__name__}），请重试或用 gongwen check 检查文件", 500)

    def opened(name: str) -> tuple[Path, ReportFile]:
        """A data file of the folder and its report; a file that does not load is refused with
        the loader's own message."""
        path = data.path(name)
        return path, validate(load_source(path))

    async def form_check(request: Request, name: str) -> tuple[Path, PageCheck]:
        path, report = opened(name)
        form = await request.form(max_files=0, max_fields=10_000)
        items = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
        return path, check_page(path, report, items)

    @app.get("/", response_class=HTMLResponse)
    async def index(request: Request) -> HTMLResponse:
        return page(request, "index.html", files=data.files(), folder=data.root, year=dt.date.today().year - 1)

    @app.post("/new")
    async def new(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=10)
        name, organ, year = (str(form.get(key, "")).strip() for key in ("name", "organ", "year"))
        if not year.isdigit() or not 2019 <= int(year) <= 2999 or not organ:
            raise Refused("请填写报告年度（2019 年起）和报告机关")
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
            raise Refused("请选择要上传的数据文件（.yaml）")
        path = data.path(Path(upload.filename).name, must_exist=False)
        content = await upload.read(MAX_UPLOAD + 1)
        if len(content) > MAX_UPLOAD:
            raise Refused(f"{upload.filename}: 文件超过 {MAX_UPLOAD:,} 字节，不是报告数据文件")
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Refused(f"{upload.filename}: 不是 UTF-8 文本（请另存为 UTF-8）") from None
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
                    tables=tables(specs, report.format), kinds=BLOCK_KINDS, formats=FORMATS, **shown)

    @app.get("/block", response_class=HTMLResponse)
    async def block(request: Request, section: str, blocks: bool = True) -> HTMLResponse:
        return page(request, "_block.html", section=section, blocks=blocks, item=("p", "", ""), kinds=BLOCK_KINDS)

    @app.post("/edit/{name}/check", response_class=HTMLResponse)
    async def check(request: Request, name: str) -> HTMLResponse:
        _, checked = await form_check(request, name)
        return page(request, "_findings.html", check=checked)

    @app.post("/edit/{name}/preview", response_class=HTMLResponse)
    async def preview(request: Request, name: str) -> HTMLResponse:
        path, checked = await form_check(request, name)
        if checked.report is None:
            return page(request, "_findings.html", check=checked)
        warnings: list[str] = []
        images = page_images(checked.report, path.stem, warnings)
        return page(request, "_preview.html", images=images, warnings=warnings, errors=len(checked.errors))

    @app.post("/edit/{name}/download/{fmt}")
    async def download(request: Request, name: str, fmt: str) -> Response:
        if fmt not in FORMATS:
            raise Refused(f"{fmt}: 不支持的格式")
        path, checked = await form_check(request, name)
        if checked.report is None or checked.errors:
            text = "表格数据有错误，请先改正（见右侧检查结果），再下载" if checked.report else checked.findings[0].message
            return page(request, "_message.html", text=text, kind="error")
        token = downloads.build(checked.report, path.stem, fmt, [])
        response = page(request, "_message.html", text=f"已生成 {path.stem}.{fmt}", kind="ok")
        response.headers["HX-Redirect"] = f"/download/{token}/{path.stem}.{fmt}"
        return response

    @app.get("/download/{token}/{filename}")
    async def fetch(token: str, filename: str) -> FileResponse:
        built = downloads.get(token)
        if built is None or built.name != filename:
            raise HTTPException(404, "这个下载已过期，请重新生成")
        return FileResponse(built, filename=built.name)

    @app.post("/edit/{name}/save", response_class=HTMLResponse)
    async def save(request: Request, name: str) -> HTMLResponse:
        path, checked = await form_check(request, name)
        if checked.report is None:
            return page(request, "_message.html", text=f"未保存：{checked.findings[0].message}", kind="error")
        write_atomically(path, checked.text)
        note = f"（表格有 {len(checked.errors)} 处错误，生成前须改正）" if checked.errors else ""
        return page(request, "_message.html", text=f"已保存 {path.name} {dt.datetime.now():%H:%M:%S}{note}", kind="ok")

    @app.get("/fonts/{face}.ttf")
    async def font(face: str) -> FileResponse:
        if face not in FONT_FACES:
            raise HTTPException(404, "no such font")
        return FileResponse(FontFinder().primaries([load_layout().faces[face]])[0], media_type="font/ttf")

    return app

