"""Issue 13, the load side: whatever a data file holds, `gongwen check` and `gongwen build` end
with exit 0, 1 or 2 and one line per problem, ``file:line:column: error: message``; never a
traceback, never a hang, never a value that cannot be printed passed on to a writer.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.compose import compose
from generator.document_model import Heading
from generator.load import load_report
from generator.load.limits import LIMITS
from tests.conftest import ROOT, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
DATE = "真实存在的日期（年-月-日，如 2021-02-04）"
ONE_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): 错误：(?P<message>.+)$")


def _write(tmp_path: Path, content: str | bytes, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    return path


def _seed_with(old: str, new: str) -> str:
    assert old in SEED_TEXT, old
    return SEED_TEXT.replace(old, new, 1)


def _line_col(text: str, fragment: str) -> tuple[int, int]:
    before = text[:text.index(fragment)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def _check(capsys, path: Path) -> tuple[int, str, str]:
    code = main(["check", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _one_error(capsys, path: Path) -> tuple[int, int, str]:
    """Check ``path``: exit 1 and one stderr line at file:line:column; its line, column, message."""
    code, out, err = _check(capsys, path)
    assert code == 1, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    match = ONE_LINE.match(lines[0])
    assert match and match["path"] == str(path), lines[0]
    assert len(lines[0]) < len(str(path)) + 250, lines[0]       # never a whole bad value
    return int(match["line"]), int(match["column"]), match["message"]


# ---- 1. values PyYAML rejects after parsing --------------------------------------------------

@pytest.mark.parametrize("text, line, column, message", [
    ("cover:\n  date: 2023-02-30\n", 2, 9,
     '报送报告·成文日期："2023-02-30"不是真实存在的日期（年-月-日，如 2021-02-04）'),
    ("cover:\n  date: 2023-13-01\n", 2, 9,
     '报送报告·成文日期："2023-13-01"不是真实存在的日期（年-月-日，如 2021-02-04）'),
    ("cover:\n  date: 0000-01-01\n", 2, 9,
     '报送报告·成文日期："0000-01-01"不是真实存在的日期（年-月-日，如 2021-02-04）'),
    ("cover:\n  date: 2023-01-01 25:00:00\n", 2, 9,
     '报送报告·成文日期："2023-01-01 25:00:00"不是真实存在的日期（年-月-日，如 2021-02-04）'),
    ("? [a, b]\n: 1\n", 1, 3, "文件顶层：键须是文字（如 title 等项名），不能是列表或键值对"),
    ("year: !!int \"five\"\n", 1, 7, '报告年度："five"不是整数'),
    ("year: !!float \"x\"\n", 1, 7, '报告年度："x"不是数字'),
    ("cover:\n  seal: !!bool \"x\"\n", 2, 9, '报送报告·印章位置："x"不是true 或 false'),
    ("cover:\n  date: !!timestamp \"x\"\n", 2, 9,
     '报送报告·成文日期："x"不是真实存在的日期（年-月-日，如 2021-02-04）'),
    ("year: !!map [1, 2]\n", 1, 7, "报告年度：!!map 应是键值对（键: 值），但此处是列表"),
    ("year: !!int [1, 2]\n", 1, 7, "报告年度：!!int 应是整数，但此处是列表"),
    ("year: !!null x\n", 1, 7, '报告年度："x"不是空白'),
    ("year: 0x_\n", 1, 7, '报告年度："0x_"不是整数'),
    ("year: !!binary aGk=\n", 1, 7, "报告年度：报告数据中不用标签 !!binary，请删去"),
    ("year: !!python/object:os.system x\n", 1, 7,
     "报告年度：报告数据中不用标签 !!python/object:os.system，请删去"),
    ("year: !!set {a}\n", 1, 7, "报告年度：报告数据中不用标签 !!set，请删去"),
    ("year: 2020\x01\n", 1, 11, "文件含有控制字符（U+0001），无法印出，请删去"),
    ("year: 2020\nyear: 2021\n", 2, 1, '文件顶层：键"year"出现了两次，请删去一处'),
])
def test_values_pyyaml_cannot_build_are_data_errors(capsys, tmp_path, text, line, column, message):
    assert _one_error(capsys, _write(tmp_path, text)) == (line, column, message)


def test_a_thousand_nested_lists_are_refused_without_recursion(capsys, tmp_path):
    path = _write(tmp_path, "[" * 1000 + "]" * 1000 + "\n")
    line, column, message = _one_error(capsys, path)
    assert (line, column) == (1, LIMITS.nesting_depth + 1)
    assert message.endswith(f"：列表和键值对最多嵌套{LIMITS.nesting_depth}层")


def test_nesting_up_to_the_limit_is_fine(capsys, tmp_path):
    depth = LIMITS.nesting_depth
    assert _one_error(capsys, _write(tmp_path, "[" * depth + "]" * depth + "\n")) == (
        1, 1, "文件顶层应是报告的各项内容（键: 值），请用 gongwen new 生成的文件填写")          # the next check, not depth


@pytest.mark.parametrize("digits", [4301, 100_000])
def test_a_huge_number_is_refused_in_one_short_line(capsys, tmp_path, digits):
    text = _seed_with("received: {natural_person: 198", "received: {natural_person: " + "9" * digits)
    path = _write(tmp_path, text)
    assert _one_error(capsys, path) == (
        *_line_col(text, "9" * 40), "一、本年新收（自然人）：数字最多"
        f"{LIMITS.number_characters}位，\"{'9' * 40}…\"有{digits:,}位")


# ---- 2. text that cannot be printed ----------------------------------------------------------

PROSE = "report:\n  overview:\n    - p: \"{}\"\n"


@pytest.mark.parametrize("escape, described", [
    ("\\0", "控制字符（U+0000），无法印出，请删去"),
    ("\\x01", "控制字符（U+0001），无法印出，请删去"),
    ("\\v", "控制字符（U+000B），无法印出，请删去"),
    ("\\e", "控制字符（U+001B），无法印出，请删去"),
    ("\\x7f", "控制字符（U+007F），无法印出，请删去"),
    ("\\N", "控制字符（U+0085），无法印出，请删去"),
    ("\\t", "制表符（U+0009），无法印出，请改用空格"),
    ("\\n", "换行（U+000A）；这段文字印成一段，请写在一行内"),
    ("\\ud800", "不完整的字符（U+D800，代理对的一半），无法印出，请删去"),
    ("\\udfff", "不完整的字符（U+DFFF，代理对的一半），无法印出，请删去"),
    ("\\ufffe", "非字符（U+FFFE），无法印出，请删去"),
    ("\\uffff", "非字符（U+FFFF），无法印出，请删去"),
    ("\\ufdd0", "非字符（U+FDD0），无法印出，请删去"),
    ("\\ufdef", "非字符（U+FDEF），无法印出，请删去"),
    ("\\U0010FFFF", "非字符（U+10FFFF），无法印出，请删去"),
    ("\\L", "行分隔符（U+2028），无法印出，请删去"),
])
def test_unprintable_characters_in_a_value_are_refused_with_their_code_point(capsys, tmp_path, escape, described):
    path = _write(tmp_path, PROSE.format("一是" + escape + "二是"))
    assert _one_error(capsys, path) == (3, 10, f"一、总体情况第1项：含有{described}")


def test_a_block_scalar_keeps_its_line_breaks_and_is_refused(capsys, tmp_path):
    path = _write(tmp_path, "report:\n  title: |\n    第一行\n    第二行\n")
    assert _one_error(capsys, path) == (
        2, 10, "年度报告·标题：含有换行（U+000A）；这段文字印成一段，请写在一行内")


@pytest.mark.parametrize("raw, described", [
    ("\x0b", "控制字符（U+000B）"),
    ("\x1b", "控制字符（U+001B）"),
    ("\x7f", "控制字符（U+007F）"),
    ("\x85", "控制字符（U+0085）"),
    ("\ufdd0", "非字符（U+FDD0）"),
    ("\u2028", "行分隔符（U+2028）"),
])
def test_unprintable_characters_in_the_file_are_refused_where_they_stand(capsys, tmp_path, raw, described):
    path = _write(tmp_path, f"year: 2020\r\norgan: 长乐{raw}区\n")
    assert _one_error(capsys, path) == (2, 10, f"文件含有{described}，无法印出，请删去")


def test_previous_with_a_nul_is_refused_before_it_is_opened(capsys, tmp_path):
    text = _seed_with("format: 2019", 'format: 2019\nprevious: "a\\0b.yaml"')
    path = _write(tmp_path, text)
    assert _one_error(capsys, path) == (
        *_line_col(text, '"a\\0b'), "上一年的数据文件（previous）：含有控制字符（U+0000），无法印出，请删去")


def test_an_unprintable_value_never_reaches_a_writer(capsys, tmp_path):
    path = _write(tmp_path, _seed_with("organ: 福州市长乐区人民政府", 'organ: "福州市长乐区\\0人民政府"'))
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out)]) == 1
    assert "报告机关：含有控制字符（U+0000）" in capsys.readouterr().err
    assert not out.exists() or list(out.iterdir()) == []


# ---- 3. limits --------------------------------------------------------------------------------

def test_a_file_just_over_the_size_limit_is_refused_at_once(capsys, tmp_path):
    # The 50 MB case of the issue: millions of list items under an unknown key. Only the first
    # file_bytes + 1 bytes are read, so a file just over the limit stands for all larger ones.
    items = "- 1\n" * ((LIMITS.file_bytes - len(SEED_TEXT.encode())) // 4 + 1)
    path = _write(tmp_path, SEED_TEXT + "colour:\n" + items)
    assert path.stat().st_size > LIMITS.file_bytes
    started = time.monotonic()
    line, column, message = _one_error(capsys, path)
    assert time.monotonic() - started < 2
    assert message == f"文件超过{LIMITS.file_bytes:,}字节，报告数据远没有这么大（是否选错了文件？）"


def test_an_endless_file_ends_at_once():
    result = subprocess.run([sys.executable, "-m", "generator", "check", "/dev/zero"], cwd=ROOT,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stderr == (f"/dev/zero:1:{LIMITS.file_bytes + 1}: 错误：文件超过"
                             f"{LIMITS.file_bytes:,}字节，报告数据远没有这么大（是否选错了文件？）\n")


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_a_count_cell_fails_fast_and_short(capsys, tmp_path):
    text = _seed_with("received: {natural_person: 198", "received: {natural_person: *a9")
    text = _alias_bomb() + text
    path = _write(tmp_path, text)
    started = time.monotonic()
    line, column, message = _one_error(capsys, path)
    assert time.monotonic() - started < 2
    # a0 stands for 11 values, a1 for 111 …: refused at the alias of a definition (aN.i, line N + 1)
    # that passes the limit, long before the count cell (a4.7 for 100,000 values).
    match = re.fullmatch(rf"a(\d)·(\d)：别名 \*a(\d) 使文件超过{LIMITS.values:,}个值",
                         message)
    assert match and int(match[3]) == int(match[1]) - 1, message
    assert line == int(match[1]) + 1
    assert column == text.splitlines()[line - 1].index("*a") + 1 + int(match[2]) * len("*a0, ")


def test_an_alias_to_the_value_that_holds_it_is_refused(capsys, tmp_path):
    path = _write(tmp_path, "keywords: &k [a, *k]\n")
    assert _one_error(capsys, path) == (
        1, 18, "主题词第2项：别名 *k 引用了包含它自身的值，会无限重复")


def test_aliases_within_the_limits_are_fine(capsys, tmp_path):
    text = _seed_with("  signature: 福州市长乐区人民政府办公室", "  signature: &office 福州市长乐区人民政府办公室")
    text = text.replace("    printer: 福州市长乐区人民政府办公室", "    printer: *office")
    code, out, err = _check(capsys, _write(tmp_path, text))
    assert (code, err) == (0, "")


def test_too_many_values_without_aliases_are_refused(capsys, tmp_path):
    rows = (LIMITS.values // LIMITS.list_items) + 1
    text = "table:\n" + f"  - [{', '.join(['1'] * (LIMITS.list_items - 1))}]\n" * rows
    line, column, message = _one_error(capsys, _write(tmp_path, text))
    assert message.startswith("table·") and message.endswith(f"：文件超过{LIMITS.values:,}个值")


def test_a_list_with_too_many_items_is_refused_at_the_first_extra_item(capsys, tmp_path):
    keywords = [f"词{i}" for i in range(LIMITS.list_items + 1)]
    text = _seed_with("keywords: [政府信息公开, 年度报告, \"2020\"]", f"keywords: [{', '.join(keywords)}]")
    path = _write(tmp_path, text)
    assert _one_error(capsys, path) == (
        *_line_col(text, keywords[-1] + "]"), f"主题词：一个列表最多{LIMITS.list_items:,}项")


def test_a_text_over_the_length_limit_is_refused(capsys, tmp_path):
    long = "很" * (LIMITS.text_characters + 1)
    text = _seed_with("organ: 福州市长乐区人民政府", f"organ: {long}")
    assert _one_error(capsys, _write(tmp_path, text)) == (
        *_line_col(text, long), f"报告机关：一段文字最多{LIMITS.text_characters:,}字，"
        f"此处有{LIMITS.text_characters + 1:,}字")


@pytest.mark.parametrize("written", ['"1e999999999"', ".inf", ".nan", f'"{"1" * 21}"'])
def test_an_amount_must_be_written_out_in_digits(capsys, tmp_path, written):
    text = _seed_with('amount: "58812595.00"', f"amount: {written}")
    line, column, message = _one_error(capsys, _write(tmp_path, text))
    assert (line, column) == _line_col(text, written)
    assert message.startswith("（九）政府集中采购（采购总金额）：应填不超过"
                              f"{LIMITS.number_characters}位的数字（如 58812595.00），现为")


def test_a_title_may_be_long_but_not_endless(capsys, tmp_path):
    old = "  title: 福州市长乐区2020年政府信息公开工作年度报告"
    at_limit = _seed_with(old, "  title: " + "长" * LIMITS.title_characters)
    assert _check(capsys, _write(tmp_path, at_limit))[0] == 0
    over = _seed_with(old, "  title: " + "长" * (LIMITS.title_characters + 1))
    assert _one_error(capsys, _write(tmp_path, over)) == (
        *_line_col(over, "长" * 10), f"年度报告·标题：最多{LIMITS.title_characters}字，"
        f"此处有{LIMITS.title_characters + 1}字")


def test_too_many_copy_to_names_are_refused(capsys, tmp_path):
    names = ", ".join(f"某局{i}" for i in range(LIMITS.copy_to_names + 1))
    text = _seed_with("    copy_to: []", f"    copy_to: [{names}]")
    assert _one_error(capsys, _write(tmp_path, text)) == (
        *_line_col(text, "[某局0"), f"报送报告·抄送机关：最多{LIMITS.copy_to_names}项，"
        f"此处有{LIMITS.copy_to_names + 1}项")


def _with_headings(count: int) -> str:
    headings = "".join(f"    - h2: 第{i}项\n" for i in range(count))
    return _seed_with("  overview:\n", "  overview:\n" + headings)


def test_too_many_headings_in_a_section_are_refused(capsys, tmp_path):
    seed_h2 = sum(1 for line in SEED_TEXT.split("  problems:")[0].split("  overview:")[1].splitlines()
                  if re.match(r"\s+- h[234]:", line))
    text = _with_headings(LIMITS.section_headings + 1 - seed_h2)
    line, column = _line_col(text, "- h2: 第0项")                # where the list begins
    assert _one_error(capsys, _write(tmp_path, text)) == (
        line, column, f"一、总体情况：一个部分最多{LIMITS.section_headings}"
        f"个标题（h2、h3、h4），此处有{LIMITS.section_headings + 1}个")


def test_more_than_99_headings_are_numbered_in_chinese(tmp_path):
    document = compose(load_report(_write(tmp_path, _with_headings(120))))
    numbers = [block.number for block in document.parts[1].blocks if isinstance(block, Heading) and block.level == 2]
    assert numbers[99:101] == ["（一百）", "（一百零一）"]
    assert numbers[109] == "（一百一十）"


# ---- 4. messages ------------------------------------------------------------------------------

def test_a_gbk_file_names_the_line_and_asks_for_utf8(capsys, tmp_path):
    path = _write(tmp_path, SEED_TEXT.encode("gbk"))
    line, column, message = _one_error(capsys, path)
    assert (line, column) == _line_col(SEED_TEXT, "福州市长乐区2020")        # the first Chinese character
    assert message == "这不是 UTF-8 编码的文字（文件可能是 GBK 或 GB2312 编码）；请另存为 UTF-8 编码"


@pytest.mark.parametrize("encoding, line, column, message", [
    ("utf-16", 1, 1, "文件是 UTF-16 或 UTF-32 编码；请另存为 UTF-8 编码"),
    ("utf-16-le", 1, 2, "文件含有空字节（U+0000），像是 UTF-16 编码；请另存为 UTF-8 编码"),
])
def test_a_utf16_file_asks_for_utf8(capsys, tmp_path, encoding, line, column, message):
    assert _one_error(capsys, _write(tmp_path, SEED_TEXT.encode(encoding))) == (line, column, message)


def test_a_utf8_file_with_a_byte_order_mark_is_fine(capsys, tmp_path):
    assert _check(capsys, _write(tmp_path, SEED_TEXT.encode("utf-8-sig")))[0] == 0


def test_a_missing_previous_file_is_reported_at_the_previous_line(capsys, tmp_path):
    text = _seed_with("format: 2019", "format: 2019\nprevious: changle-2019.yaml")
    path = _write(tmp_path, text)
    assert _one_error(capsys, path) == (
        *_line_col(text, "changle-2019.yaml"), f"上一年的数据文件（previous）：{tmp_path / 'changle-2019.yaml'}：文件不存在")


@pytest.mark.parametrize("key, reads_as", [
    ("1", '"1"被读作整数'),
    ("2023-01-01", f'"2023-01-01"被读作{DATE}'),
    ("~", '"~"被读作空白'),
    ("yes", '"yes"被读作true 或 false'),
])
def test_a_key_that_is_no_text_gets_a_readable_path(capsys, tmp_path, key, reads_as):
    text = _seed_with("    - h2: 政府信息管理情况", f"    - {key}: 政府信息管理情况")
    index = [block.h2 for block in load_report(SEED).report.overview].index("政府信息管理情况")
    path = _write(tmp_path, text)
    assert _one_error(capsys, path) == (
        *_line_col(text, f"{key}: 政府信息管理情况"),
        f"一、总体情况第{index + 1}项：键须是文字（如 title 等项名）；{reads_as}")


def test_a_long_unknown_key_is_shortened(capsys, tmp_path):
    text = _seed_with("format: 2019", "format: 2019\n" + "k" * 1000 + ": 1")
    line, _ = _line_col(text, "k" * 1000)
    assert _one_error(capsys, _write(tmp_path, text)) == (
        line, 1003, f'文件顶层：不认识的项"{"k" * 40}…"（请检查拼写）')                 # at its value


def test_an_ascii_terminal_gets_escapes_not_a_crash(tmp_path):
    path = _write(tmp_path, _seed_with("organ: 福州市长乐区人民政府", "organ: [福州]"))
    result = subprocess.run([sys.executable, "-m", "generator", "check", str(path)], cwd=ROOT, capture_output=True,
                            env={**os.environ, "PYTHONIOENCODING": "ascii"}, timeout=60)
    assert result.returncode == 1
    assert result.stderr.decode("ascii").endswith(": \\u9519\\u8bef\\uff1a\\u62a5\\u544a\\u673a\\u5173\\uff1a"
                                                   "\\u5e94\\u586b\\u6587\\u5b57\n")      # 错误：报告机关：应填文字
    seed = subprocess.run([sys.executable, "-m", "generator", "check", str(SEED)], cwd=ROOT, capture_output=True,
                          env={**os.environ, "PYTHONIOENCODING": "ascii"}, timeout=60)
    assert seed.returncode == 0 and seed.stderr == b""
    assert "\\u4e00\\u3001\\u603b\\u4f53\\u60c5\\u51b5\\u5199" in seed.stdout.decode("ascii")   # 一、总体情况写


# ---- 7. Ctrl-C --------------------------------------------------------------------------------

def test_ctrl_c_while_starting_exits_130_without_a_traceback():
    """SIGINT while the command line's modules are still being imported (pydantic is the first
    library they import), before cli.main() runs."""
    process = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "generator", "check", str(SEED)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    for line in process.stderr:
        seen.append(line)
        if "pydantic" in line:
            process.send_signal(signal.SIGINT)
            break
    rest = process.communicate(timeout=60)
    assert process.returncode == 130, (seen, rest)
    assert "Traceback" not in rest[1] and "KeyboardInterrupt" not in rest[1]
    assert rest[0] == ""                                       # it stopped before checking anything
