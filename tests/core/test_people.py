"""Vocabularies: spreadsheet wording maps to one canonical value, or a clear error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridworker.core.people import (
    ENGLISH,
    ETHNICITIES,
    HOUSE_USES,
    POPULATION_TYPES,
    RELATION_CHOICES,
    RELATION_DETAILS,
    RELATIONS,
    SENSITIVE_TAGS,
    SPECIAL_TAGS,
    STATUSES,
    VOCABULARIES,
    VocabError,
    format_tags,
    is_sensitive_tag,
    norm_ethnicity,
    norm_house_use,
    norm_population_type,
    norm_relation,
    norm_status,
    parse_tags,
    public_tags,
    relation_category,
)


def test_vocabularies_have_no_duplicates() -> None:
    for vocab in (RELATIONS, POPULATION_TYPES, STATUSES, HOUSE_USES, SPECIAL_TAGS, ETHNICITIES):
        assert len(set(vocab)) == len(vocab)


def test_vocabulary_sizes() -> None:
    assert len(ETHNICITIES) == 56
    assert len(SPECIAL_TAGS) == 18
    assert POPULATION_TYPES == ("户籍", "常住", "流动", "境外")
    assert STATUSES == ("在住", "迁出", "死亡")
    assert HOUSE_USES == ("自住", "出租", "经营", "空置")
    assert set(SENSITIVE_TAGS) <= set(SPECIAL_TAGS)
    for tag in ("精神障碍患者", "社区矫正人员", "低保", "残疾人", "重病", "特困供养"):
        assert tag in SENSITIVE_TAGS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("本人", "本人"),
        ("户主", "本人"),
        (" 户 主 ", "本人"),
        ("妻子", "配偶"),
        ("夫", "配偶"),
        ("儿子", "子"),
        ("长子", "子"),
        ("女儿", "女"),
        ("次女", "女"),
        ("父亲", "父亲"),
        ("妈妈", "母亲"),
        ("岳母", "岳母"),
        ("孙子", "孙子"),
        ("外孙女", "外孙女"),
        ("奶奶", "祖母"),
        ("外婆", "外祖母"),
        ("哥哥", "兄"),
        ("其它", "其他"),
        ("租客", "非亲属"),
        ("女婿", "女婿"),
        ("儿媳妇", "儿媳"),
        ("02", "本人"),
        ("0", "本人"),
        ("10", "配偶"),
        ("52", "父母"),
        ("8", "其他"),
        ("99", "其他"),
    ],
)
def test_norm_relation(raw: str, expected: str) -> None:
    assert norm_relation(raw) == expected


def test_norm_relation_canonical_values_are_fixed_points() -> None:
    for r in RELATION_CHOICES:
        assert norm_relation(r) == r


def test_detailed_relations_keep_their_category() -> None:
    """儿媳 is stored as 儿媳 (never shown as a daughter) and counts under 女 as GB/T 4761
    files it; a category is its own."""
    assert relation_category("儿媳") == "女" and relation_category("女婿") == "子"
    assert relation_category("外祖母") == "祖父母" and relation_category("子") == "子"
    assert set(RELATION_DETAILS.values()) <= set(RELATIONS)
    assert RELATION_CHOICES[: 1 + 1] == ("本人", "配偶")
    assert RELATION_CHOICES.index("女婿") == RELATION_CHOICES.index("子") + 1


@pytest.mark.parametrize("field", sorted(VOCABULARIES))
def test_every_stored_word_has_an_english_name(field: str) -> None:
    names = ENGLISH[field]
    assert set(names) == set(VOCABULARIES[field])
    assert all(n and n.isascii() for n in names.values())
    assert len(set(names.values())) == len(names)  # no two words read the same


def test_norm_relation_child_needs_sex() -> None:
    assert norm_relation("子女", "男") == "子"
    assert norm_relation("孩子", "女") == "女"
    with pytest.raises(VocabError):
        norm_relation("子女")


def test_norm_relation_unknown() -> None:
    with pytest.raises(VocabError) as exc:
        norm_relation("邻居家的")
    assert "邻居家的" in str(exc.value)
    assert "本人" in str(exc.value)
    assert exc.value.field == "与户主关系"
    assert isinstance(exc.value, ValueError)


def test_norm_relation_empty() -> None:
    with pytest.raises(VocabError) as exc:
        norm_relation(None)
    assert str(exc.value) == "与户主关系为空"


@pytest.mark.parametrize(
    ("func", "raw", "expected"),
    [
        (norm_population_type, "户籍人口", "户籍"),
        (norm_population_type, "流动人口", "流动"),
        (norm_population_type, "外籍", "境外"),
        (norm_population_type, "常住", "常住"),
        (norm_status, "已故", "死亡"),
        (norm_status, "已迁出", "迁出"),
        (norm_status, "在住", "在住"),
        (norm_house_use, "出租房", "出租"),
        (norm_house_use, "门面", "经营"),
        (norm_house_use, "闲置", "空置"),
        (norm_house_use, "自住", "自住"),
    ],
)
def test_simple_vocabularies(func: Callable[[str], str], raw: str, expected: str) -> None:
    assert func(raw) == expected


@pytest.mark.parametrize("func", [norm_population_type, norm_status, norm_house_use])
def test_simple_vocabularies_reject_unknown(func: Callable[[str], str]) -> None:
    with pytest.raises(VocabError):
        func("火星")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("汉", "汉族"),
        ("汉族", "汉族"),
        (" 汉 族 ", "汉族"),
        ("藏", "藏族"),
        ("蒙族", "蒙古族"),
        ("蒙古", "蒙古族"),
        ("维族", "维吾尔族"),
        ("土家", "土家族"),
        ("01", "汉族"),
        ("１", "汉族"),
        ("56", "基诺族"),
    ],
)
def test_norm_ethnicity(raw: str, expected: str) -> None:
    assert norm_ethnicity(raw) == expected


def test_every_ethnicity_normalises_to_itself_and_from_its_stem() -> None:
    for e in ETHNICITIES:
        assert norm_ethnicity(e) == e
        assert norm_ethnicity(e.removesuffix("族")) == e


@pytest.mark.parametrize("raw", ["火星族", "57", "0", "", None])
def test_norm_ethnicity_unknown(raw: str | None) -> None:
    with pytest.raises(VocabError):
        norm_ethnicity(raw)


def test_parse_tags_separators_and_synonyms() -> None:
    tags, unknown = parse_tags("高龄(80+)，独居老人、低保户; 残疾 / 精神病;新就业群体 退伍军人")
    assert tags == ["独居老人", "高龄", "残疾人", "低保", "退役军人", "精神障碍患者", "新就业群体"]
    assert unknown == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("高龄(80+)", ["高龄"]),
        ("高龄（80岁以上）", ["高龄"]),
        ("高龄老人", ["高龄"]),
        ("失能/半失能", ["失能"]),
        ("半失能", ["失能"]),
        ("失能、半失能", ["失能"]),
        ("残疾人（二级）", ["残疾人"]),
        ("五保户", ["特困供养"]),
        ("失独家庭", ["计生特殊家庭"]),
        ("外卖骑手", ["新就业群体"]),
        ("社区矫正", ["社区矫正人员"]),
        ("其它", ["其他"]),
        ("低保,低保户,低保", ["低保"]),
        ("", []),
        (None, []),
    ],
)
def test_parse_tags_cases(raw: str | None, expected: list[str]) -> None:
    tags, unknown = parse_tags(raw)
    assert tags == expected
    assert unknown == []


def test_parse_tags_returns_unknown_pieces_in_order() -> None:
    tags, unknown = parse_tags("低保 爱心人士、独居老人,爱心人士；VIP")
    assert tags == ["独居老人", "低保"]
    assert unknown == ["爱心人士", "VIP"]


@given(st.lists(st.sampled_from(SPECIAL_TAGS)))
def test_format_then_parse_round_trips(tags: list[str]) -> None:
    parsed, unknown = parse_tags(format_tags(tags))
    assert parsed == [t for t in SPECIAL_TAGS if t in tags]
    assert unknown == []


def test_sensitive_helpers() -> None:
    assert is_sensitive_tag("精神障碍患者")
    assert not is_sensitive_tag("独居老人")
    assert public_tags(["独居老人", "低保", "高龄", "社区矫正人员"]) == ["独居老人", "高龄"]
