"""Fixtures that write roster sheets the way offices make them (xlsx and csv)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from rostersheets import HEADER, Rows


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write rows to an .xlsx file; ``title=True`` adds a merged title and a 填表人 line."""

    def write(
        rows: Rows, *, name: str = "roster.xlsx", header: Sequence[str] = HEADER, title: bool = True
    ) -> Path:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "花名册"
        if title:
            ws.append(["致强社区第三微网格居民基本信息登记表"])
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
            ws.append(["填表人：赵红", None, None, None, "填表日期：2024年11月10日"])
            ws.append([])
        ws.append(list(header))
        for r in rows:
            ws.append(list(r))
        path = tmp_path / name
        wb.save(path)
        return path

    return write


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write rows to a CSV file in the given encoding (``utf-8-sig``, ``gbk``, …)."""

    def write(
        rows: Rows,
        *,
        name: str = "roster.csv",
        encoding: str = "utf-8-sig",
        header: Sequence[str] = HEADER,
        title: bool = True,
    ) -> Path:
        path = tmp_path / name
        with open(path, "w", encoding=encoding, newline="") as f:
            w = csv.writer(f)
            if title:
                w.writerow(["致强社区第三微网格居民基本信息登记表"] + [""] * (len(header) - 1))
                w.writerow(["填表人：赵红"] + [""] * (len(header) - 1))
            w.writerow(header)
            for r in rows:
                w.writerow(["" if v is None else v for v in r])
        return path

    return write
