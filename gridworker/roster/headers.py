"""Recognising the columns of an office's roster sheet.

Every office words its headers a little differently (公民身份号码, 联系方式, 小区名称,
楼栋号…) and puts a title and a "填表人" line above them. The header row is the row,
among the first ones, that contains the most known column names; each header is matched
after full-width characters, spaces, asterisks and bracketed hints ("(必填)") are
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gridworker.core.messages import msg
from gridworker.core.textnorm import norm
from gridworker.roster.sheets import Row, cell_text
from gridworker.store.roster import RosterError


@dataclass(frozen=True)
class Column:
    """One column the importer understands: the field it fills and its header words.

    ``header`` is the name written by the exporter and the template; ``variants`` are
    the other words offices use for it.
    """

    field: str
    header: str
    variants: tuple[str, ...] = ()
    hint: str = ""


SEQ = "seq"  # 序号: read and ignored

COLUMNS: tuple[Column, ...] = (
    Column(SEQ, "序号", ("编号", "序", "no", "no.")),
    Column("micro_grid", "微网格", ("所属微网格", "微网格名称", "微网格名"), "社区导入时必填"),
    Column(
        "estate",
        "小区",
        ("小区名称", "院落", "院落名称", "小区院落", "小区/院落", "小区(院落)", "居住小区"),
        "必填",
    ),
    Column("building", "楼栋", ("楼栋号", "栋", "栋号", "楼号", "幢", "幢号", "楼栋名称")),
    Column("unit", "单元", ("单元号",)),
    Column("room", "房号", ("门牌号", "室", "房间号", "房屋号", "门牌", "房号/门牌号"), "必填"),
    Column("head_name", "户主", ("户主姓名",)),
    Column(
        "house_use", "房屋用途", ("房屋性质", "住房性质", "房屋使用情况"), "自住/出租/经营/空置"
    ),
    Column("residency", "人户状态", ("人户情况", "人户一致情况")),
    Column("name", "姓名", ("名字", "居民姓名", "人员姓名"), "必填"),
    Column("sex", "性别", (), "可不填，按身份证号"),
    Column("birth_date", "出生日期", ("出生年月日", "生日"), "可不填，按身份证号"),
    Column("ethnicity", "民族", ()),
    Column(
        "id_number",
        "身份证号",
        (
            "身份证号码",
            "公民身份号码",
            "公民身份证号码",
            "证件号码",
            "身份证件号码",
            "身份证",
        ),
        "18位，请设为文本",
    ),
    Column("phone", "联系电话", ("手机号", "手机号码", "联系方式", "电话", "电话号码", "手机")),
    Column("relation", "与户主关系", ("关系", "与户主的关系")),
    Column("population_type", "人口类型", ("人口类别", "户籍类型")),
    Column(
        "tags",
        "人员类别",
        ("标签", "特殊人群", "人员类型", "特殊人群类别", "重点人群", "人群类别", "特殊人员类别"),
        "多个用、分隔",
    ),
    Column("status", "状态", ("人员状态", "居住状态"), "在住/迁出/死亡"),
    Column("status_date", "状态日期", ("迁出或死亡日期", "变动日期", "迁出日期")),
    Column("notes", "备注", ("说明",)),
)

BY_FIELD: dict[str, Column] = {c.field: c for c in COLUMNS}

_BRACKETS_RE = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_DROP_RE = re.compile(r"[\s*＊:：]+")


def header_key(text: str) -> str:
    """A header cell reduced to what identifies it: "公民身份号码 *（必填）" → "公民身份号码"."""
    t = _DROP_RE.sub("", norm(text))
    stripped = _BRACKETS_RE.sub("", t)
    return (stripped or t).casefold()


_LOOKUP: dict[str, str] = {}
for _c in COLUMNS:
    for _word in (_c.header, *_c.variants):
        _LOOKUP.setdefault(header_key(_word), _c.field)
        _LOOKUP.setdefault(_word.casefold(), _c.field)


def match_header(text: str) -> str | None:
    """The field a header cell stands for, or None if it is not a roster column."""
    if not text:
        return None
    return _LOOKUP.get(norm(text).casefold()) or _LOOKUP.get(header_key(text))


@dataclass
class HeaderMatch:
    """Where the header is and what each column means.

    ``row`` is the 1-based spreadsheet row; ``fields`` maps a field to its column index;
    ``texts`` are all header cells as written (for messages and the errors file).
    """

    row: int
    fields: dict[str, int]
    texts: list[str]
    ignored: list[str] = field(default_factory=list)

    def column_name(self, field_name: str) -> str:
        """The sheet's own header text of a field's column (or the standard name)."""
        i = self.fields.get(field_name)
        if i is not None and i < len(self.texts) and self.texts[i]:
            return self.texts[i].strip()
        return BY_FIELD[field_name].header if field_name in BY_FIELD else field_name


SCAN_ROWS = 50


def find_header(rows: Sequence[Row], *, scan: int = SCAN_ROWS) -> HeaderMatch | None:
    """The header row: the one among the first ``scan`` with the most known column names.

    Needs at least two known names including 姓名, so a title row mentioning one word
    is never taken for the header. Returns None when no row qualifies.
    """
    best: tuple[int, int] | None = None  # (score, index)
    for i, row in enumerate(rows[:scan]):
        found = {match_header(cell_text(v)) for v in row}
        found.discard(None)
        score = len(found)
        if score >= 2 and "name" in found and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    i = best[1]
    texts = [norm(cell_text(v)) for v in rows[i]]
    fields: dict[str, int] = {}
    ignored: list[str] = []
    for col, text in enumerate(texts):
        f = match_header(text)
        if f is None:
            if text:
                ignored.append(text)
            continue
        if f in fields:
            raise RosterError(
                msg(
                    "表头第 {row} 行中「{first}」和「{second}」都表示{column}，请删去其中一列后再导入。",
                    row=i + 1,
                    first=texts[fields[f]],
                    second=text,
                    column=BY_FIELD[f].header,
                )
            )
        fields[f] = col
    return HeaderMatch(row=i + 1, fields=fields, texts=texts, ignored=ignored)


def export_columns(*, office: bool) -> list[Column]:
    """The columns the exporter and the template write, in order (微网格 only for an office)."""
    return [c for c in COLUMNS if c.field != SEQ and (office or c.field != "micro_grid")]
