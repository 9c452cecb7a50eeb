"""Name → search keys: full pinyin, initials, polyphonic surnames, odd input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gridworker.core.pinyin_keys import char_readings, name_keys


def test_plain_name_gives_full_pinyin_and_initials() -> None:
    keys = name_keys("赵红")
    assert keys.name == "赵红"
    assert keys.full == ("zhaohong",)
    assert keys.initials == ("zh",)
    assert keys.all() == ("赵红", "zhaohong", "zh")


def test_polyphonic_surname_keeps_every_reading() -> None:
    shan = name_keys("单丽")
    assert {"shanli", "danli"} <= set(shan.full)
    assert {"sl", "dl"} <= set(shan.initials)
    zeng = name_keys("曾国藩")
    assert {"zengguofan", "cengguofan"} <= set(zeng.full)
    yue = name_keys("乐嘉")
    assert {"lejia", "yuejia"} <= set(yue.full)


def test_common_given_name_polyphone_has_both_readings() -> None:
    assert {"zhangchangjiang", "zhangzhangjiang"} <= set(name_keys("张长江").full)


def test_rare_dictionary_readings_of_given_names_are_not_keys() -> None:
    # 红 also reads "gong" (女红) in the dictionary; nobody types that for a name.
    assert name_keys("赵红").full == ("zhaohong",)


def test_u_umlaut_surname_spelled_v_and_u() -> None:
    keys = name_keys("吕伟")
    assert "lvwei" in keys.full and "luwei" in keys.full


def test_full_width_spaces_and_case_are_normalised() -> None:
    assert name_keys("赵　红") == name_keys("赵红")
    latin = name_keys("ＪＯＨＮ  Smith")
    assert latin.name == "john smith"
    assert latin.full == ("johnsmith",)
    assert latin.initials == ("js",)


def test_minority_name_with_middle_dot() -> None:
    keys = name_keys("阿卜杜·热合曼")
    assert any(f.startswith("a") and f.endswith("reheman") for f in keys.full)
    assert all("·" not in k for k in keys.full + keys.initials)


def test_empty_and_unreadable_names() -> None:
    assert name_keys("").all() == ()
    assert name_keys("   ").all() == ()
    assert name_keys("·").full == ()


def test_char_readings_are_toneless_and_deduplicated() -> None:
    assert char_readings("赵") == ("zhao",)
    assert char_readings("女") == ("nv", "ru")
    assert char_readings("A") == ("a",)
    assert char_readings("·") == ()


@given(st.text(alphabet="赵钱孙李周吴郑王单曾乐长红丽华军 ·ABab", max_size=8))
def test_keys_are_lowercase_ascii_and_bounded(name: str) -> None:
    keys = name_keys(name)
    for k in keys.full + keys.initials:
        assert k and k.isascii() and k == k.lower() and " " not in k
    assert len(keys.full) <= 8
    assert len(keys.initials) <= len(keys.full)


@given(st.text(alphabet="赵钱孙李单曾乐长红丽", min_size=1, max_size=6))
def test_plain_hanzi_shortcut_gives_the_keys_of_the_normalised_name(name: str) -> None:
    """Plain 汉字 names skip normalisation; a spaced copy goes through it: same keys."""
    assert name_keys(name) == name_keys("　".join(name))
