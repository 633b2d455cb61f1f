"""A draft's lines → the general 公文's data, by the rules clerks follow (GB/T 9704-2012 §7):

- on top, an optional 发文字号 line and the title's lines (the 文种 is the title's last words);
- the 主送 line, ending in "：";
- the 正文: headings 一、（一）1.（1）, their numbers stripped (the program numbers them); a
  heading line runs on into text after its first "。" or "："; tables; paragraphs;
- the 附件说明 ("附件：1.……", its items numbered, wrapped lines indented), then the 署名 lines
  (several for a 联合行文) and the 成文日期;
- after the date, the 附注 in brackets, each attachment's text (a line "附件N", its title, its
  text) and the 版记's "抄送：" and 印发 lines.

A numbered line is a heading of its number's level however long it is: a clerk who numbered a
line made it an item of the sequence the program renumbers, and published 公文 number a long item
in the same sequence as a short one. Its heading is its first sentence (to the first "。", left
out, or "：", kept), the rest runs on as text. A long first sentence (over LONG_HEADING
characters) is set as a numbered paragraph would be at levels 3 and 4 (1. and （1） are 仿宋, as
the text is); at levels 1 and 2 it would be set whole in 黑体 or 楷体, so a warning names the
line: the clerk may make it a paragraph (p: with its number). What a number is not: the start
of 1.5亿元, 1、2月份, 一、二季度.

Every guess is a warning naming the draft's line; a line that fits nowhere is a warning that it
was left out; a draft without a title ending in a 文种, or without text, is a DataError at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from generator.draft import rules
from generator.draft.reading import Line
from generator.errors import DataError, SourcePosition
from generator.i18n import Message, message
from generator.kinds.spec import kind_specs

TITLE_LINES = 4              # a title without a 主送 after it is found within this many lines
HEADER_LINES = 12            # the 主送 is found within this many lines from the top
SIGNATURE_LINES = 4          # 署名 lines above the date, at the most
TABLE_GAP = 3                # lines without tabs inside a tab-separated table (rows of one cell)
FLAT_TABLE_LINES = 6         # this many short lines in a row look like a table flattened to lines
FLAT_CELL = 12
LONG_HEADING = 40            # a heading of 一、 or （一） longer than this is a sentence in 黑体 or 楷体


@dataclass
class Draft:
    """What was recognised: the data (as a data file holds it), the draft line of each data
    path, the warnings (line, wording), and the 附件说明's names as the draft lists them."""

    path: str
    data: dict[str, Any] = field(default_factory=dict)
    places: dict[tuple, int] = field(default_factory=dict)
    warnings: list[tuple[int | None, Message]] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)
    guessed: set[tuple] = field(default_factory=set)    # data paths filled in without the draft's word

    def warn(self, line: int | None, text: Message) -> None:
        self.warnings.append((line, text))

    def fail(self, line: int | None, text: Message) -> DataError:
        return DataError(SourcePosition(self.path, line), str(text))


def recognise(path: str, lines: list[Line], kinds: list[str]) -> Draft:
    draft = Draft(path)
    content = []
    gap = False
    for line in lines:
        if line.rows is None and rules.page_number(line.text):
            draft.warn(line.number, message("a page number, left out"))
        elif not line.blank:
            content.append(replace(line, gap=gap))
        gap = line.blank
    if not content:
        raise draft.fail(1, message("the draft is empty"))
    top, addressee_at = _header(draft, content, kinds)
    rest = content[addressee_at + 1 if addressee_at is not None else top:]
    date_at = _main_date(rest)
    for line in rest:
        if rules.impossible_date(line.text):
            raise draft.fail(line.number, message("{date} is no day of the calendar", date=line.text))
    body_end = len(rest) if date_at is None else date_at
    signatures, body_end = _signatures(draft, rest, body_end, date_at)
    body_end = _attachment_list(draft, rest, body_end)
    if date_at is None:
        body_end = next((i for i, line in enumerate(rest[:body_end]) if _tail_line(line)), body_end)
        draft.warn(rest[max(body_end - 1, 0)].number if rest else None,
                   message("no 成文日期 line (2021年6月3日) found after the text: the document is printed "
                           "without 署名 and date"))
    body = _blocks(draft, rest[:body_end], ("body",))
    if not body:
        raise draft.fail(rest[0].number if rest else content[-1].number,
                         message("no text found after the 主送 line: a 公文 needs its 正文"))
    draft.data["body"] = body
    if draft.data["kind"] == "纪要":
        _attendance(draft)
    tail = rest[date_at + 1:] if date_at is not None else rest[body_end:]
    if date_at is not None:
        date, standard = rules.date_line(rest[date_at].text)
        draft.data["date"] = date
        draft.places[("date",)] = rest[date_at].number
        if not standard:
            draft.warn(rest[date_at].number, message("the 成文日期 {typed} read as {date}; it is printed in Arabic "
                                                      "numerals (2021年6月3日)", typed=rest[date_at].text,
                                                      date=f"{date.year}年{date.month}月{date.day}日"))
    _tail(draft, tail, signatures)
    _issuers(draft, signatures)
    return draft


# ---- the head: 发文字号, title, 主送 -------------------------------------------------------------

def _header(draft: Draft, content: list[Line], kinds: list[str]) -> tuple[int, int | None]:
    """Reads the lines above the 正文; returns where the 正文 starts and the 主送's index."""
    addressee_at = None
    for index, line in enumerate(content[:HEADER_LINES]):
        if "。" in line.text or rules.heading(line.text) or line.rows is not None:
            break
        if index and rules.addressee_line(line.text):
            addressee_at = index
            break
    addressee_from = addressee_at
    while addressee_from and content[addressee_from - 1].text.endswith(("，", "、", ",")):
        addressee_from -= 1             # a 主送 wrapped onto a second line
    head = content[:addressee_from] if addressee_at is not None else content[:TITLE_LINES]
    title_lines: list[Line] = []
    consumed = 0
    for index, line in enumerate(head, start=1):
        if addressee_at is None and title_lines and line not in title_lines and consumed < index - 1:
            break
        number = rules.doc_number(line.text)
        if number is not None and "doc_number" not in draft.data:
            draft.data["doc_number"] = {"code": number.code, "year": number.year, "serial": number.serial}
            draft.places[("doc_number",)] = line.number
            consumed = index
            if number.brackets != "〔〕":
                draft.warn(line.number, message("the 发文字号's year is written in {brackets}; it is printed in "
                                                "〔〕", brackets=number.brackets))
        elif line.text.endswith("文件") and len(line.text) > 2 and not title_lines:
            draft.data["issuers"] = [line.text.removesuffix("文件").strip()]
            draft.places[("issuers",)] = line.number
            draft.warn(line.number, message("this line taken as the 发文机关标志 of the 版头"))
            consumed = index
        elif line.text.startswith("签发人"):
            names = line.text.split("：" if "：" in line.text else ":", 1)[-1]
            draft.data["signers"] = [name for name in names.replace("　", " ").split() if name]
            draft.places[("signers",)] = line.number
            consumed = index
        elif addressee_at is not None or not title_lines or \
                rules.kind_of_title(rules.joined_title([l.text for l in title_lines]), kinds) is None:
            title_lines.append(line)
            consumed = index
    number_line = draft.places.get(("doc_number",))
    above = [line for line in title_lines if number_line is not None and line.number < number_line]
    if above and len(above) < len(title_lines) and "issuers" not in draft.data:
        # the lines above the 发文字号 are the 版头's organ, not the title's first words
        draft.data["issuers"] = [rules.joined_title([line.text for line in above]).removesuffix("文件")]
        draft.places[("issuers",)] = above[0].number
        draft.warn(above[0].number, message("this line taken as the 发文机关标志 of the 版头"))
        title_lines = title_lines[len(above):]
    if addressee_at is None:        # the title ends where its words end with a 文种
        for count in range(1, len(title_lines) + 1):
            if rules.kind_of_title(rules.joined_title([l.text for l in title_lines[:count]]), kinds):
                title_lines = title_lines[:count]
                break
        else:
            title_lines = title_lines[:1]
        draft.warn(title_lines[-1].number, message("no 主送 line (ending in \"：\") after the title: the document "
                                                   "is printed without 主送机关"))
    if not title_lines:
        raise draft.fail(content[0].number, message("no title found above the 主送 line"))
    title = rules.joined_title([line.text for line in title_lines])
    kind = rules.kind_of_title(title, kinds)
    first = title_lines[0].number
    if kind is None:
        raise draft.fail(first, message("the title does not end with a kind of document ({kinds}): write the "
                                        "title as 关于……的通知", kinds="、".join(kinds)))
    draft.data["kind"] = kind
    draft.data["title"] = title
    draft.places[("kind",)] = draft.places[("title",)] = first
    draft.warn(first, message("kind {kind} taken from the title's last words", kind=kind))
    if addressee_at is not None:
        draft.data["addressee"] = "".join(line.text for line in content[addressee_from:addressee_at + 1]
                                          ).rstrip("：:").strip()
        draft.places[("addressee",)] = content[addressee_from].number
        draft.warn(content[addressee_from].number, message("this line taken as the 主送"))
        return addressee_at + 1, addressee_at
    return max(consumed, content.index(title_lines[-1]) + 1), None


# ---- the end of the main text: 附件说明, 署名, 成文日期 ------------------------------------------

def _tail_line(line: Line) -> bool:
    return (rules.attachment_head(line.text) is not None or rules.copy_to(line.text) is not None
            or rules.printed_line(line.text) is not None)


def _main_date(rest: list[Line]) -> int | None:
    """The 成文日期: the first line that is a date alone and is followed only by 附注, an
    attachment, the 版记 or nothing; else the last line that is a date alone."""
    dates = [i for i, line in enumerate(rest) if line.rows is None and rules.date_line(line.text)]
    for index in dates:
        after = [line for line in rest[index + 1:] if rules.note(line.text) is None]
        if not after or _tail_line(after[0]):
            return index
    return dates[-1] if dates else None


def _signatures(draft: Draft, rest: list[Line], end: int, date_at: int | None) -> tuple[list[tuple[str, int]], int]:
    """The 署名 lines just above the date, the lowest last; and where the text above them ends."""
    if date_at is None:
        return [], end
    found: list[Line] = []
    index = date_at - 1
    while index >= 0 and len(found) < SIGNATURE_LINES:
        line = rest[index]
        if line.rows is not None or rules.signature_line(line.text) is None:
            break
        found.insert(0, line)
        index -= 1
    if not found:
        draft.warn(rest[date_at].number, message("no 署名 line found above the 成文日期"))
        return [], date_at
    signatures = [(name, line.number) for line in found for name in rules.signature_line(line.text)]
    if len(found) > 1 or len(signatures) > 1:
        draft.warn(found[0].number, message("{count} organs sign: a 联合行文 ({names})", count=len(signatures),
                                            names="、".join(name for name, _ in signatures)))
    else:
        draft.warn(found[0].number, message("this line taken as the 署名"))
    return signatures, index + 1


def _attachment_list(draft: Draft, rest: list[Line], end: int) -> int:
    """The 附件说明 between the text and the 署名: "附件：1.……" and its numbered (or indented,
    wrapped) lines below; returns where the text above it ends."""
    start = None
    for index in range(end - 1, max(-1, end - 1 - 2 * 99), -1):
        line = rest[index]
        if rules.attachment_list(line.text) is not None or \
                rules.attachment_head(line.text) is not None and index < end - 1:    # "附件：" above its items
            start = index
            break
        if not (line.indented or rules.attachment_item(line.text)) or line.rows is not None:
            break
    if start is None:
        return end
    _listed_names(draft, rest[start:end])
    return start


def _listed_names(draft: Draft, lines: list[Line]) -> None:
    """The names of a 附件说明's lines: the first "附件：……", then numbered items (a line
    without a number continues a wrapped name)."""
    names: list[str] = []
    first = rules.attachment_list(lines[0].text)
    for line in [*([Line(lines[0].number, first)] if first else []), *lines[1:]]:
        item = rules.attachment_item(line.text)
        if item is not None:
            if item[0] != len(names) + 1:
                draft.warn(line.number, message("附件说明 item numbered {typed} taken as number {number}",
                                                typed=item[0], number=len(names) + 1))
            names.append(item[1])
        elif names:
            names[-1] += line.text          # a wrapped name
        else:
            names.append(line.text)
        draft.places.setdefault(("attachments", len(names) - 1), line.number)
    draft.listed = [name.rstrip("。；;") for name in names]


def _attendance(draft: Draft) -> None:
    """A 纪要's 出席, 请假 and 列席 lines, at the end of its text, as its lists."""
    body = draft.data["body"]
    while len(body) > 1 and "p" in body[-1] and rules.attendance(body[-1]["p"]):
        key, names = rules.attendance(body[-1]["p"])
        line = draft.places.pop(("body", len(body) - 1))
        draft.data[key] = names + draft.data.get(key, [])
        draft.places[(key,)] = line
        body.pop()


# ---- the 正文's blocks ----------------------------------------------------------------------------

def _blocks(draft: Draft, lines: list[Line], path: tuple) -> list[dict]:
    blocks: list[dict] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        here = (*path, len(blocks))
        if line.rows is not None:
            blocks.append({"table": _table([list(row) for row in line.rows])})
            draft.places[here] = line.number
            index += 1
            continue
        if "\t" in line.text:
            end = _tab_table_end(lines, index)
            rows = [[cell.strip() for cell in l.text.split("\t")] for l in lines[index:end]]
            blocks.append({"table": _table(rows)})
            draft.places[here] = line.number
            draft.warn(line.number, message("lines {first}–{last} taken as a table (cells separated by tabs), its "
                                            "first line as the header row", first=line.number,
                                            last=lines[end - 1].number))
            index = end
            continue
        numbered = rules.heading(line.text)
        end = _paragraph_end(lines, index)
        words = "".join(l.text for l in lines[index:end])
        if end > index + 1:
            draft.warn(line.number, message("lines {first}–{last} joined as one paragraph: each breaks off before "
                                            "its sentence ends", first=line.number, last=lines[end - 1].number))
        if numbered is not None:
            level, words = rules.heading(words)
            head, text = rules.run_on(words)
            blocks.append({f"h{level}": head, **({"text": text} if text else {})})
            if level <= 2 and len(head) > LONG_HEADING:
                draft.warn(line.number, message(
                    "a numbered sentence of {count} characters taken as a heading, set whole in the heading's "
                    "typeface ({face}); if it is a paragraph, write it in the data file as p: with its number",
                    count=len(head), face="黑体" if level == 1 else "楷体"))
        else:
            blocks.append({"p": words})
        draft.places[here] = line.number
        index = end
    _flattened_tables(draft, lines)
    return blocks


def _paragraph_end(lines: list[Line], start: int) -> int:
    """The end of a paragraph whose lines were broken before their sentences ended."""
    end = start + 1
    while end < len(lines) and rules.wrapped(lines[end - 1].text) and _plain(lines[end]) and not lines[end].gap and \
            (end > start + 1 or not rules.heading(lines[start].text) or rules.wrapped(lines[start].text)):
        end += 1
    return end


def _plain(line: Line) -> bool:
    """A line that may continue a broken one: no table, heading, or label of its own (施工地点：…)."""
    return line.rows is None and "\t" not in line.text and not rules.heading(line.text) and \
        not _LABEL.match(line.text)


_LABEL = re.compile(r"^[^，。：:；]{1,8}[：:]")


def _tab_table_end(lines: list[Line], start: int) -> int:
    """The end of a tab-separated table: its lines, and up to TABLE_GAP lines without tabs
    between them (a row of one cell, spanning the table)."""
    end = start + 1
    index = start + 1
    while index < len(lines) and index - end < TABLE_GAP and lines[index].rows is None:
        if "\t" in lines[index].text:
            end = index + 1
        index += 1
    return end


def _table(rows: list[list[str]]) -> dict:
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    return {"columns": padded[0], "rows": padded[1:]}


def _flattened_tables(draft: Draft, lines: list[Line]) -> None:
    run: list[Line] = []
    for line in [*lines, Line(0, "。")]:
        if line.rows is None and "\t" not in line.text and len(line.text) <= FLAT_CELL \
                and not rules.heading(line.text) and not rules.SENTENCE_MARKS & set(line.text):
            run.append(line)
            continue
        if len(run) >= FLAT_TABLE_LINES:
            draft.warn(run[0].number, message("lines {first}–{last} look like a table flattened to one cell a line; "
                                              "kept as paragraphs (separate its cells by tabs, or give the DOCX "
                                              "with its table)", first=run[0].number, last=run[-1].number))
        run = []


# ---- after the date: 附注, attachments, 版记 ------------------------------------------------------

def _tail(draft: Draft, tail: list[Line], signatures: list[tuple[str, int]]) -> None:
    notes: list[tuple[str, int]] = []
    copy_to: list[str] = []
    printed = None
    segments: list[tuple[Line, list[Line]]] = []
    tail = _joined_copy_to(tail)
    index = 0
    while index < len(tail):
        line = tail[index]
        index += 1
        noted = rules.note(line.text)
        copied = rules.copy_to(line.text)
        titled = rules.titled_attachment_head(line.text)
        if rules.attachment_head(line.text) is not None and line.rows is None:
            segments.append((line, []))
        elif titled is not None:
            segments.append((Line(line.number, f"附件{titled[0]}"), [Line(line.number, titled[1])]))
        elif noted is not None and not segments:
            notes.append((noted, line.number))
        elif copied is not None and (not segments or _only_imprint_after(tail, index - 1)):
            copy_to += rules.organs(copied)
            draft.places[("imprint", "copy_to")] = line.number
        elif rules.printed_line(line.text) is not None and (not segments or _only_imprint_after(tail, index - 1)):
            printed = (*rules.printed_line(line.text), line.number)
        elif rules.keywords(line.text) is not None and not segments:
            draft.data["keywords"] = rules.keywords(line.text)
            draft.places[("keywords",)] = line.number
        elif segments:
            segments[-1][1].append(line)
        elif rules.attachment_list(line.text) is not None and not draft.listed:
            end = index
            while end < len(tail) and (rules.attachment_item(tail[end].text) or tail[end].indented):
                end += 1
            _listed_names(draft, tail[index - 1:end])
            draft.warn(line.number, message("附件说明 below the 成文日期: it is printed above the 署名, where GB/T 9704 "
                                            "places it"))
            index = end
        else:
            draft.warn(line.number, message("line left out: after the 成文日期 it is no 附注, 附件 or 版记 line"))
    if notes:
        draft.data["note"] = "；".join(text for text, _ in notes)
        draft.places[("note",)] = notes[0][1]
        if len(notes) > 1:
            draft.warn(notes[1][1], message("{count} notes in brackets joined as one 附注", count=len(notes)))
    if copy_to or printed:
        _imprint(draft, copy_to, printed, signatures)
    _attachments(draft, segments)


def _joined_copy_to(tail: list[Line]) -> list[Line]:
    """A 抄送 line that ends in "，" or "、" goes on in the next line."""
    joined: list[Line] = []
    for line in tail:
        if joined and rules.copy_to(joined[-1].text) is not None and joined[-1].text.endswith(("，", "、", ",")):
            joined[-1] = replace(joined[-1], text=joined[-1].text + line.text)
        else:
            joined.append(line)
    return joined


def _only_imprint_after(tail: list[Line], index: int) -> bool:
    return all(rules.copy_to(line.text) is not None or rules.printed_line(line.text) is not None
               for line in tail[index + 1:])


def _imprint(draft: Draft, copy_to: list[str], printed, signatures: list[tuple[str, int]]) -> None:
    line = draft.places.get(("imprint", "copy_to"))
    if printed is None and kind_specs()[draft.data["kind"]].format == "信函":     # a letter's 版记: 抄送 alone
        draft.places.setdefault(("imprint",), line)
        draft.data["imprint"] = {"copy_to": copy_to}
        return
    if printed is None:
        if not signatures or "date" not in draft.data:
            draft.warn(line, message("抄送 left out: a 版记 needs its 印发 line (XX办公室　2021年6月3日印发)"))
            return
        printed = (signatures[0][0], draft.data["date"], None)
        draft.guessed |= {("imprint", "printer"), ("imprint", "print_date")}
        draft.warn(line, message("no 印发 line: {printer} and the 成文日期 taken as 印发机关 and 印发日期",
                                 printer=printed[0]))
    else:
        draft.places[("imprint", "printer")] = draft.places[("imprint", "print_date")] = printed[2]
    draft.places.setdefault(("imprint",), line or printed[2])
    draft.data["imprint"] = {"copy_to": copy_to, "printer": printed[0], "print_date": printed[1]}


def _attachments(draft: Draft, segments: list[tuple[Line, list[Line]]]) -> None:
    attachments = [{"title": name} for name in draft.listed]
    for order, (head, lines) in enumerate(segments):
        number = rules.attachment_head(head.text) or order + 1
        listed = draft.listed[number - 1] if number <= len(draft.listed) else None
        title_lines = _attachment_title(lines, listed)
        title = rules.joined_title([line.text for line in title_lines])
        if not title:
            title = listed or f"附件{number}"
            draft.warn(head.number, message("no title found under 附件{number}: {title} taken", number=number,
                                            title=title))
        elif listed is not None and title.replace(" ", "") != listed.replace(" ", ""):
            draft.warn(title_lines[0].number, message("the 附件说明 names {listed} but 附件{number} is titled {title}: "
                                                      "the title is kept", listed=listed, number=number, title=title))
        elif listed is None:
            draft.warn(head.number, message("附件{number} is not named in a 附件说明 line: the program prints one",
                                            number=number))
        while len(attachments) < number:
            attachments.append({"title": title})
        path = ("attachments", number - 1)
        body = _blocks(draft, lines[len(title_lines):], (*path, "body"))
        attachments[number - 1] = {"title": title, **({"body": body} if body else {})}
        draft.places[path] = head.number
    if attachments:
        draft.data["attachments"] = attachments


def _attachment_title(lines: list[Line], listed: str | None) -> list[Line]:
    """The title lines under "附件N": those that make up the name the 附件说明 gives; without
    one, the short lines before the first sentence, heading or table."""
    if listed is not None:
        target = listed.replace(" ", "").replace("　", "")
        for count in range(1, min(len(lines), TITLE_LINES) + 1):
            joined = rules.joined_title([line.text for line in lines[:count]]).replace(" ", "")
            if joined == target:
                return lines[:count]
            if not target.startswith(joined):
                break
    taken: list[Line] = []
    for line in lines[:TITLE_LINES - 1]:
        if (line.rows is not None or "\t" in line.text or rules.heading(line.text) or len(line.text) > 30
                or rules.SENTENCE_MARKS & set(line.text)):
            break
        taken.append(line)
    return taken


# ---- the 版头 -----------------------------------------------------------------------------------

def _issuers(draft: Draft, signatures: list[tuple[str, int]]) -> None:
    if signatures:
        draft.data["signatures"] = [name for name, _ in signatures]
        draft.places[("signatures",)] = signatures[0][1]
        for index, (_, line) in enumerate(signatures):
            draft.places[("signatures", index)] = line
    if "issuers" not in draft.data:     # unless the draft has its 版头's mark line (……文件)
        _banner(draft, signatures)
    if "issuers" in draft.data and draft.data["kind"] in ("函", "纪要"):
        # 信函格式: the organ's name alone; 纪要格式: ……纪要
        draft.data["mark_word"] = "" if draft.data["kind"] == "函" else "纪要"


def _banner(draft: Draft, signatures: list[tuple[str, int]]) -> None:
    """The organ of the 版头: the 署名 when the draft has a 发文字号, else none."""
    number_line = draft.places.get(("doc_number",))
    if number_line is None:
        draft.data.pop("signers", None)
        draft.warn(draft.places[("title",)], message("no 发文字号 line: the document is printed without 版头 (add "
                                                     "issuers and doc_number to the data file for one)"))
        return
    if signatures:
        draft.data["issuers"] = [name for name, _ in signatures]
        draft.warn(number_line, message("a 发文字号 line is present: the 署名 taken as the 发文机关 of the 版头 "
                                        "({names})", names="、".join(draft.data["issuers"])))
    else:
        organ = draft.data["title"].split("关于", 1)[0]
        if not organ or organ == draft.data["title"]:
            draft.data.pop("doc_number")
            draft.warn(number_line, message("发文字号 left out: no 署名 and no organ before 关于 in the title to "
                                            "print in the 版头"))
            return
        draft.data["issuers"] = [organ]
        draft.warn(number_line, message("the organ for the 版头 taken from the title: {organ}", organ=organ))
    draft.places[("issuers",)] = number_line
