"""The rules by which a clerk marks a draft's parts, one line at a time: a 发文字号, a heading
number, a date, a 附件 line, the 版记's lines. Each is a small function of one line's text, so
that each rule is tested on its own with a control case."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def narrow_digits(text: str) -> str:
    """Full-width digits (１．, （１）, ２０２１年) as the ASCII digits the rules read."""
    return text.translate(_WIDE_DIGITS)


# ---- 发文字号: 代字〔2021〕12号 (also [ ], ［ ］, 【 】, （ ）, ( ) written for 〔 〕) -------------
_NUMBER = re.compile(r"^(?P<code>[^\s〔〕\[\]［］【】（）()]{1,20}?)\s*(?P<open>[〔\[［【（(])\s*(?P<year>\d{4})\s*"
                     r"(?P<close>[〕\]］】）)])\s*(?P<serial>\d{1,5})\s*号$")


@dataclass(frozen=True)
class DocNumber:
    code: str
    year: int
    serial: int
    brackets: str           # the brackets as typed, "〔〕" when right


def doc_number(text: str) -> DocNumber | None:
    match = _NUMBER.match(narrow_digits(text))
    if not match or int(match["serial"]) < 1:
        return None
    return DocNumber(match["code"], int(match["year"]), int(match["serial"]), match["open"] + match["close"])


# ---- headings 一、（一）1.（1） ---------------------------------------------------------------
_CN = "一二三四五六七八九十"
_HEADINGS = (
    (1, re.compile(rf"^[{_CN}百]{{1,4}}、\s*(?![{_CN}]\s*(?:[、至和及]|季|月|年|级|类))")),
    (2, re.compile(rf"^[（(][{_CN}]{{1,3}}[）)]\s*")),
    (3, re.compile(r"^\d{1,2}\s*(?:[.．](?![\d.．])|、(?!\d))\s*(?![月日号])")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]\s*")),
)


def heading(text: str) -> tuple[int, str] | None:
    """(level, the words after the number), or None when the line is no numbered heading.
    A number that is part of the words is none: 1.5亿元, 1、2月份, 一、二季度."""
    text = narrow_digits(text)
    for level, pattern in _HEADINGS:
        match = pattern.match(text)
        if match and text[match.end():].strip():
            return level, text[match.end():].strip()
    return None


_OPENING, _CLOSING = "（(《“‘「『【〔[", "）)》”’」』】〕]"


def run_on(words: str) -> tuple[str, str | None]:
    """A heading line's heading and the text run on after it. The heading ends at its first
    "。" (left out: the program writes it) or "：" (kept), outside brackets and quotes; without
    either the whole line is the heading."""
    depth = 0
    for index, char in enumerate(words):
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and char in "。：":
            head = words[:index] if char == "。" else words[:index + 1]
            rest = words[index + 1:].strip()
            return head, rest or None
    return words, None


# ---- 成文日期, 印发日期 ------------------------------------------------------------------------
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "Ｏ": 0, "O": 0}
_ARABIC = r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_NUMERIC = r"(?P<y>\d{4})\s*[-./／－]\s*(?P<m>\d{1,2})\s*[-./／－]\s*(?P<d>\d{1,2})"
_HANZI = r"(?P<y>[〇○零Ｏ一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日"
_DATE_FORMS = [re.compile(form) for form in (_ARABIC, _NUMERIC, _HANZI)]


def _hanzi_number(text: str) -> int:
    if "十" not in text:
        return int("".join(str(_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _date_of(match: re.Match) -> dt.date | None:
    try:
        if match["y"].isdigit():
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        return dt.date(_hanzi_number(match["y"]), _hanzi_number(match["m"]), _hanzi_number(match["d"]))
    except (ValueError, KeyError):
        return None


def date_line(text: str) -> tuple[dt.date, bool] | None:
    """(the date, whether it was written 2021年6月3日) when the whole line is a date."""
    compact = narrow_digits(text).replace(" ", "").replace("　", "")
    for number, form in enumerate(_DATE_FORMS):
        match = form.fullmatch(compact)
        if match:
            date = _date_of(match)
            return (date, number == 0) if date else None
    return None


def impossible_date(text: str) -> bool:
    """A line written as a date that is no day of the calendar (2021年2月30日)."""
    compact = text.replace(" ", "").replace("　", "")
    return any(form.fullmatch(compact) for form in _DATE_FORMS) and date_line(text) is None


_PRINTED = re.compile(r"^(?P<printer>.+?)[\s　]*(?P<date>\S+?)\s*印发$")


def printed_line(text: str) -> tuple[str, dt.date] | None:
    """The 印发 line: (印发机关, 印发日期) of "XX办公室　　2021年6月3日印发"."""
    for form in _DATE_FORMS:
        match = re.fullmatch(rf"(?P<printer>.+?)[\s　]*{form.pattern}\s*印发", text.strip())
        if match:
            date = _date_of(match)
            printer = match["printer"].strip(" 　")
            return (printer, date) if date and printer else None
    return None


# ---- 附件说明, 附件, 附注, 抄送 ------------------------------------------------------------------
_ATTACHMENT_LIST = re.compile(r"^附件?\s*[：:]\s*(?P<rest>\S.*)$")
_ATTACHMENT_HEAD = re.compile(r"附件(?P<number>\d{0,2})[：:]?")
_ITEM = re.compile(r"^(?P<number>\d{1,2})\s*[.．、]\s*(?P<name>\S.*)$")
_NOTE = re.compile(r"^[（(](?P<note>(?:此件|联系人|联系电话|本件).*)[）)]$")
_COPY_TO = re.compile(r"^抄\s*送\s*[：:]\s*(?P<names>.*)$")


def attachment_list(text: str) -> str | None:
    """The names after "附件：" (or "附："), when the line is the 附件说明's first."""
    match = _ATTACHMENT_LIST.match(text)
    return match["rest"].strip() if match else None


def attachment_head(text: str) -> int | None:
    """The line "附件", "附件2", "附件：" or "附：" that heads an attachment's text: its number
    (0 when it has none)."""
    compact = text.replace(" ", "").replace("　", "")
    match = _ATTACHMENT_HEAD.fullmatch(compact)
    if match:
        return int(match["number"] or 0)
    return 0 if compact in ("附：", "附:") else None


_TITLED_HEAD = re.compile(r"^附件\s*(?P<number>\d{1,2})\s*[：:]\s*(?P<title>\S.*)$")


def titled_attachment_head(text: str) -> tuple[int, str] | None:
    """"附件2：工作安排表": an attachment's head with its title on the same line."""
    match = _TITLED_HEAD.match(text)
    return (int(match["number"]), match["title"].strip()) if match else None


_ENDS_SENTENCE = tuple("。！？；：…”’）)》」』")
WRAPPED_LINE = 24


def wrapped(text: str) -> bool:
    """A line broken before its sentence ended, as text copied from a printed page is: long,
    and without a closing mark at its end."""
    return len(text) >= WRAPPED_LINE and not text.endswith(_ENDS_SENTENCE)


def attachment_item(text: str) -> tuple[int, str] | None:
    match = _ITEM.match(narrow_digits(text))
    return (int(match["number"]), match["name"].strip()) if match else None


def note(text: str) -> str | None:
    """The 附注 of "（此件公开发布）" or "（联系人：…）", without its brackets."""
    match = _NOTE.match(text.strip())
    return match["note"].strip() if match else None


def copy_to(text: str) -> str | None:
    match = _COPY_TO.match(text)
    return match["names"] if match else None


def keywords(text: str) -> list[str] | None:
    """The words of an old 主题词 line (主题词：教育　援藏　通知)."""
    match = re.match(r"^主\s*题\s*词\s*[：:]\s*(?P<words>.*)$", text)
    return [word for word in re.split(r"[\s　]+", match["words"]) if word] if match else None


def organs(text: str) -> list[str]:
    """The organs of a 抄送 or 主送 written with "，" between them (the last 。 left out)."""
    return [name.strip() for name in re.split(r"[，,]", text.strip().rstrip("。.；;")) if name.strip()]


# ---- 文种 --------------------------------------------------------------------------------------
_ALIASES = {"复函": "函"}
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")


def kind_of_title(title: str, kinds: list[str]) -> str | None:
    """The 文种 a title ends with (关于……的通知; 复函 is a 函); a trailing note in brackets,
    such as （征求意见稿）, is passed over."""
    words = _TRAILING_NOTE.sub("", title.strip())
    for alias, kind in _ALIASES.items():
        if words.endswith(alias):
            return kind
    for kind in sorted(kinds, key=len, reverse=True):
        if words.endswith(kind):
            return kind
    return None


_SPACE_BETWEEN_WIDE = re.compile(r"(?<=[^\x00-\x7f])[ 　]+(?=[^\x00-\x7f])")


def joined_title(parts: list[str]) -> str:
    """A title from its lines, without the spaces that spread a short line (协 调 委 员 会)."""
    return _SPACE_BETWEEN_WIDE.sub("", "".join(part.strip() for part in parts))


SENTENCE_MARKS = set("。，；：！？,;:!?")
_NOT_SIGNATURE = re.compile(r"^(特此|此复|妥否|以上|请|专此|当否|附件|附[：:])")
SIGNATURE_CHARACTERS = 40


def signature_line(text: str) -> list[str] | None:
    """The organs a 署名 line names (several, separated by blanks, for a 联合行文), or None when
    the line cannot be one: a sentence, a heading, a 附件 line, a long line."""
    if (not text or len(text) > SIGNATURE_CHARACTERS or SENTENCE_MARKS & set(text) or heading(text)
            or _NOT_SIGNATURE.match(text) or date_line(text) or "\t" in text):
        return None
    names = [name for name in re.split(r"[ 　]+", text.strip()) if name]
    if not all(len(name) >= 2 for name in names):
        names = [text.replace(" ", "").replace("　", "")]
    return names if all(len(name) >= 2 and _WIDE.search(name) for name in names) else None


_WIDE = re.compile(r"[\u3400-\u9fff]")


_PAGE_NUMBER = re.compile(r"^[-—－–]+\s*\d{1,3}\s*[-—－–]+$|^第\s*\d{1,3}\s*页(\s*共\s*\d{1,3}\s*页)?$")


def page_number(text: str) -> bool:
    """A page number copied from a printed copy: "— 2 —", "-2-", "第2页"."""
    return bool(_PAGE_NUMBER.match(text.strip()))


_SENTENCE_START = re.compile(r"^(为|根据|按照|依据|依照|经|现|近日|近期|关于|鉴于|今年|去年|\d{4}年)")
ADDRESSEE_CHARACTERS = 80


def addressee_line(text: str) -> bool:
    """The 主送 line: organ names ending in "：", not the opening sentence of a 公告 or 通告
    that has none (为……，现将有关事项通告如下：)."""
    return (text.endswith(("：", ":")) and len(text) <= ADDRESSEE_CHARACTERS and "。" not in text
            and "如下" not in text and not _SENTENCE_START.match(text) and not text.startswith(("签发人", "附"))
            and attachment_list(text) is None)


_ATTENDANCE = re.compile(r"^(?P<label>出席|请假|缺席|列席)(?:人员|会议人员|会议|同志|领导)?\s*[：:]\s*(?P<names>\S.*)$")
ATTENDANCE_KEYS = {"出席": "present", "请假": "absent", "缺席": "absent", "列席": "attending"}


def attendance(text: str) -> tuple[str, list[str]] | None:
    """A 纪要's 出席, 请假 or 列席 line: (its key in the data, the names, split at "、" and "，")."""
    match = _ATTENDANCE.match(text)
    if not match:
        return None
    names = [name.strip() for name in re.split(r"[、，,；;]", match["names"].rstrip("。")) if name.strip()]
    return ATTENDANCE_KEYS[match["label"]], names
