"""Helpers for roster tests: valid ID numbers and the rows of a small clean roster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from gridworker.core.idcard import make_id

Rows = Sequence[Sequence[object]]

HEADER = ["序号", "小区名称", "楼栋号", "单元号", "门牌号", "姓名", "性别", "与户主关系",
          "公民身份号码", "联系方式", "人员类别", "备注"]  # fmt: skip


def pid(year: int, seq: int, area: str = "510104") -> str:
    """A valid ID number born 1 March of ``year``; odd ``seq`` is male."""
    return make_id(area, dt.date(year, 3, 1), seq)


def x_id() -> str:
    """A valid ID number whose check character is X."""
    for seq in range(1000):
        n = make_id("510108", dt.date(1961, 7, 7), seq)
        if n.endswith("X"):
            return n
    raise AssertionError("no X check digit found")


def family_rows() -> list[list[object]]:
    """Two households, five people, clean values (rows 1..5 of data)."""
    return [
        [1, "致强小区", "1栋", "1单元", "101", "张静华", "男", "户主", pid(1950, 11), "13800138001", "高龄", ""],
        [2, "致强小区", "1栋", "1单元", "101", "李秀英", "女", "配偶", pid(1952, 12), "13800138002", "", ""],
        [3, "致强小区", "1栋", "1单元", "101", "张小明", "男", "儿子", pid(1980, 13), "", "", "在外地"],
        [4, "致强小区", "1栋", "2单元", "202", "王芳", "女", "户主", pid(1975, 14), "028-85123456", "低保", ""],
        [5, "致强小区", "1栋", "2单元", "202", "刘强", "男", "子", pid(2001, 15), "13900139000", "", ""],
    ]  # fmt: skip
