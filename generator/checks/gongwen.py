"""Checks of a general 公文 against GB/T 9704 and 《党政机关公文处理工作条例》: what a reviewer
at the 政府办 would send back before it is printed. All are warnings: the clerk may know better.
"""

from __future__ import annotations

from generator.checks.findings import Finding
from generator.i18n import message
from generator.kinds.spec import KindSpec
from generator.load.gongwen_model import Gongwen
from generator.load.yaml_source import YamlSource

# marks that join several organs in one 主送 line
_ORGAN_SEPARATORS = "、，,"
# what a 令 must name (§10.2, §7.3.5.3), by its data key
_ORDER_ELEMENTS = {"order_number": "令号", "signer_title": "签发人职务"}


def gongwen_findings(source: YamlSource, data: Gongwen, spec: KindSpec) -> list[Finding]:
    def warning(path: tuple, text) -> Finding:
        return Finding("warning", source.position(path), text)

    findings: list[Finding] = []
    if spec.direction == "up" and data.issuers and not data.signers:
        findings.append(warning(("issuers",), message(
            "a {kind} is an upward document and names its 签发人; the 签发人 line keeps room for a name "
            "written by hand", kind=spec.name)))
    if spec.one_addressee and data.addressee and any(mark in data.addressee for mark in _ORGAN_SEPARATORS):
        findings.append(warning(("addressee",), message(
            "a {kind} is sent to one organ only (主送一个机关); the 主送 names several: {addressee}",
            kind=spec.name, addressee=data.addressee)))
    if data.title is None and spec.format != "令":
        findings.append(Finding("error", source.position(("kind",)), message(
            "a {kind} has its 标题 (title)", kind=spec.name)))
    elif data.title is not None and not data.title.endswith(spec.name):
        findings.append(warning(("title",), message(
            "the title should end with the document's kind, {kind} (关于……的{kind})", kind=spec.name)))
    if data.secrecy and not data.copy_number:
        findings.append(warning(("secrecy",), message(
            "a classified document carries its 份号 (copy_number, six digits)")))
    if data.imprint and data.imprint.print_date and data.date and data.imprint.print_date < data.date:
        findings.append(warning(("imprint", "print_date"), message(
            "the 印发日期 {printed} is before the 成文日期 {dated}", printed=data.imprint.print_date,
            dated=data.date)))
    if data.imprint and spec.format != "信函" and (data.imprint.printer is None or data.imprint.print_date is None):
        findings.append(Finding("error", source.position(("imprint",)), message(
            "the 版记 of a {kind} names its 印发机关 and 印发日期 (printer, print_date); only a letter's has "
            "its 抄送 alone", kind=spec.name)))
    if spec.format == "令":
        for key, present in (("order_number", data.order_number), ("signer_title", data.signer_title)):
            if present is None:
                findings.append(Finding("error", source.position((key,)), message(
                    "a 令 carries its {element} ({key})", element=_ORDER_ELEMENTS[key], key=key)))
    if data.signatures and data.issuers and len(data.signatures) != len(data.issuers):
        findings.append(warning(("signatures",), message(
            "{issuers} organs issue the document but {signatures} sign it: a 联合行文 is signed by each",
            issuers=len(data.issuers), signatures=len(data.signatures))))
    return findings
