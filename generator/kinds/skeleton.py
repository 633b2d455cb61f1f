"""``gongwen new --kind 通知``: a complete data file for a general 公文, every element present
with a comment naming it as GB/T 9704 does, ready to build as it stands and to be rewritten."""

from __future__ import annotations

import datetime as dt

from generator.draft_yaml import Row, draft_yaml
from generator.kinds.spec import KindSpec

NOTES = {
    ("kind",): "文种",
    ("copy_number",): "份号：六位数字，涉密公文必须标注；不需要可删去",
    ("secrecy",): "密级和保密期限，如 秘密★1年；不需要可删去",
    ("urgency",): "紧急程度：特急 或 加急；不需要可删去",
    ("issuers",): "发文机关（发文机关标志）；联合行文列出各机关，主办机关在前",
    ("mark_word",): '发文机关标志后的"文件"二字；不要可写 ""',
    ("doc_number",): "发文字号：机关代字〔年份〕序号号",
    ("signers",): "签发人（上行文应当标注）",
    ("title",): "标题",
    ("addressee",): "主送机关，不加冒号",
    ("body",): "正文：h1 一、 h2 （一） h3 1. h4 （1） 由程序编号；p 段落；table 表格",
    ("attachments",): "附件：附件说明按此列出；有 body 的附件另面印在正文之后；宽表格加 landscape: true 横排",
    ("signatures",): "署名：发文机关全称或规范化简称；联合行文列出各机关",
    ("date",): "成文日期",
    ("seal",): "true：为印章留出位置（成文日期右空四字）",
    ("note",): "附注，不加括号",
    ("order_number",): "令号：第几号（连续编号，不编年度）",
    ("signer_title",): "签发人职务（全称），排在签名章左侧",
    ("present",): "出席人员", ("absent",): "请假人员", ("attending",): "列席人员",
    ("imprint",): "版记：抄送、印发机关和印发日期；不需要可删去",
}


_ORDER = ("kind", "issuers", "mark_word", "doc_number", "order_number", "signers", "title", "addressee", "body",
          "present", "absent", "attending", "attachments", "signatures", "signer_title", "date", "seal", "note",
          "imprint")
# what a special format (§10) leaves out of the general skeleton, and what it adds
_LEFT_OUT = {"令": ("doc_number", "title", "addressee", "attachments", "signatures", "seal", "note", "mark_word"),
             "纪要": ("addressee", "signatures", "seal", "note", "mark_word", "attachments", "date")}
_FORMAT_FIELDS: dict[str, dict] = {
    "令": {"mark_word": "令", "order_number": 1, "signers": ["某某某"], "signer_title": "区长",
          "body": [{"p": "《某某管理办法》已经某年某月某日区人民政府第某次常务会议通过，现予公布，自某年某月某日起施行。"}]},
    "纪要": {"mark_word": "常务会议纪要", "present": ["某某某", "某某某"], "absent": ["某某某（出差）"],
            "attending": ["某某局主要负责人"]},
}


def gongwen_skeleton(spec: KindSpec, organ: str, year: int) -> str:
    """The skeleton of a ``spec.name`` from ``organ``, dated today in ``year``'s calendar."""
    today = dt.date.today()
    date = today.replace(year=year) if not (today.month, today.day) == (2, 29) else dt.date(year, 2, 28)
    upward = spec.direction == "up"
    data = {
        "kind": spec.name,
        "issuers": [organ],
        "mark_word": "文件",
        "doc_number": {"code": "某政办", "year": year, "serial": 1},
        **({"signers": ["某某某"]} if upward else {}),
        "title": f"{organ}关于某某事项的{spec.name}",
        "addressee": "某某市人民政府" if upward else "某某镇人民政府" if spec.one_addressee
        else "各镇人民政府、街道办事处，区直各单位",
        "body": [
            {"p": "开头段落：写明行文的缘由和依据。"},
            {"h1": "第一个问题"},
            {"p": "正文段落。"},
            {"h2": "第一个小问题", "text": "紧接标题的正文。"},
            {"p": "结尾段落。" if not upward else ("妥否，请批示。" if spec.name == "请示" else "特此报告。")},
        ],
        "attachments": [{"title": "某某事项安排表", "body": [
            {"table": {"columns": Row(["序号", "工作事项", "责任单位", "完成时限"]),
                       "widths": Row([1, 4, 3, 2]), "rows": [Row([1, "某某工作", "某某局", f"{year}年6月底"])]}}]}],
        "signatures": [organ],
        "date": date,
        "seal": False,
        "note": "联系人：某某某，联系电话：12345678" if spec.name == "请示" else "此件公开发布",
        "imprint": {"copy_to": ["某某单位"], "printer": organ, "print_date": date},
    }
    data = {key: value for key, value in data.items() if key not in _LEFT_OUT.get(spec.format, ())}
    data.update(_FORMAT_FIELDS.get(spec.format, {}))
    data = {key: data[key] for key in _ORDER if key in data}       # the elements in the order they print
    if spec.format == "信函":
        data["imprint"] = {"copy_to": ["某某单位"]}
    head = [f"# {organ}的{spec.name}（由 gongwen new --kind {spec.name} 生成）。改写各项后运行",
            "# gongwen build 本文件 -o out，得到 DOCX 和 PDF。"]
    return draft_yaml(head, data, NOTES)
