"""Natural order of micro-grid and building names."""

from __future__ import annotations

import pytest

from gridworker.core.ordering import chinese_number, name_order_key, natural_key


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105),
     ("两百", 200), ("一千二百", 1200), ("二〇二六", 2026), ("", None), ("第", None)],
)  # fmt: skip
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


def test_micro_grids_sort_by_their_number() -> None:
    names = [
        "第十微网格",
        "第三微网格",
        "第二微网格",
        "第一百零一微网格",
        "第十一微网格",
        "第一微网格",
    ]
    assert sorted(names, key=natural_key) == [
        "第一微网格",
        "第二微网格",
        "第三微网格",
        "第十微网格",
        "第十一微网格",
        "第一百零一微网格",
    ]


def test_buildings_and_mixed_names() -> None:
    assert sorted(["10栋", "2栋", "1栋"], key=natural_key) == ["1栋", "2栋", "10栋"]
    assert sorted(["B区", "A区", "3号网格", "12号网格"], key=natural_key) == [
        "3号网格",
        "12号网格",
        "A区",
        "B区",
    ]
    # numbers and text never compare with each other directly: no TypeError
    assert sorted(["网格", "1网格", "一网格", None], key=natural_key)[0] is None


def test_names_sort_by_pinyin_like_a_chinese_roster() -> None:
    names = ["赵红", "李四", "安琪", "王五", "黎明", "李建国", "张三"]
    assert sorted(names, key=name_order_key) == [
        "安琪",
        "李建国",
        "李四",
        "黎明",
        "王五",
        "张三",
        "赵红",
    ]
