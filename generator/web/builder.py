"""The page's builds, in a worker process: a preview or a download never holds the server.

A build takes a few hundred milliseconds to seconds of CPU; on the server's event loop it held
every live check behind it, and in a thread it would still share one interpreter lock with
them. So builds go to one worker process (the checks stay in the server's), which keeps what
makes the next preview fast: the fonts, the layout's text memo (``TextMemo``), the pages of the
recent previews and their images.

A preview is asked for with a ticket taken when its request arrives; a newer ticket for the same
file makes the older one stale. The worker reads the newest ticket of each file from shared
memory between the stages of a build and drops a stale one there, and the server discards a
stale result that was already on its way, so the page only ever shows the pages of its latest
edit.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from generator.i18n import language
from generator.kinds import ANNUAL_REPORT
from generator.web import preview

if TYPE_CHECKING:
    from generator.load.gongwen_model import Gongwen
    from generator.load.report_model import ReportFile

T = TypeVar("T")
SLOTS = 256            # files with their newest ticket in shared memory (past that, files share a slot,
                       # and a preview of one may be dropped for a newer one of another)


@dataclass(frozen=True)
class Ticket:
    """A preview's place in line: its file's slot in shared memory and the number of its request."""

    slot: int
    number: int


class Builder:
    """Builds off the event loop, in one worker process started on first use."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")     # no fork of a threaded server
        self._newest = self._context.Array("q", SLOTS, lock=False)
        self._numbers = itertools.count(1)
        self._slots: dict[str, int] = {}
        self._pool: ProcessPoolExecutor | None = None

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=self._context, initializer=preview.start_worker,
                                             initargs=(self._newest,))
        return self._pool

    def start(self) -> None:
        """Start the worker now and have it read the fonts, so the first preview is not slow."""
        self._workers().submit(preview.warm_up)

    def ticket(self, key: str) -> Ticket:
        """The newest preview of ``key``: every earlier one is stale from now on."""
        ticket = Ticket(self._slots.setdefault(key, len(self._slots) % SLOTS), next(self._numbers))
        self._newest[ticket.slot] = ticket.number
        return ticket

    def stale(self, ticket: Ticket) -> bool:
        return self._newest[ticket.slot] != ticket.number

    async def preview(self, ticket: Ticket, report: ReportFile | Gongwen, view: tuple[int, ...],
                      kind: str = ANNUAL_REPORT) -> preview.Pages | None:
        """The pages of ``report``, a document of ``kind``, with the images of those in ``view``;
        None when stale."""
        if self.stale(ticket):
            return None
        pages = await self._run(preview.preview_pages, language(), ticket.slot, ticket.number, report, kind, view)
        return None if pages is None or self.stale(ticket) else pages

    async def page_image(self, digest: str) -> bytes | None:
        """The image of a page of a recent preview, by its digest."""
        return await self._run(preview.page_image, digest)

    async def _run(self, function: Callable[..., T], *arguments: object) -> T:
        """``function(*arguments)`` in the worker; a worker that died is replaced at the next build."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self._workers(), function, *arguments)
        except BrokenProcessPool:
            self._pool = None
            raise

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
