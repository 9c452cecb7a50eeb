"""Messages of the lower layers: Chinese text as before, plus what the UI needs to translate."""

from __future__ import annotations

import pickle

import pytest

from gridworker.core.idcard import IdError, parse_id
from gridworker.core.messages import Joined, Message, Term, joined, message_of, msg, term
from gridworker.core.phone import PhoneError, parse_phone


def test_a_message_is_its_chinese_sentence_and_remembers_how_it_was_made() -> None:
    inner = msg("的校验和不符，内容已损坏或被改动过")
    m = msg("数据包 {file} {problem}，没有导入。", file="a.json", problem=inner)
    assert m == "数据包 a.json 的校验和不符，内容已损坏或被改动过，没有导入。"
    assert isinstance(m, str)
    assert m.template == "数据包 {file} {problem}，没有导入。"
    assert m.values == {"file": "a.json", "problem": inner}
    assert isinstance(m.values["problem"], Message)


def test_format_specs_and_conversions_work_as_in_str_format() -> None:
    assert msg("的格式版本 {version!r} 无法识别", version="2") == "的格式版本 '2' 无法识别"
    assert msg("{n:03d}", n=7) == "007"


def test_joined_and_term_read_as_plain_chinese() -> None:
    j = joined(["独居老人", "低保"], msg("、"))
    assert j == "独居老人、低保" and isinstance(j, Joined) and j.items == ("独居老人", "低保")
    t = term("field", "phone", "联系电话")
    assert t == "联系电话" and isinstance(t, Term) and t.key == "phone"


def test_an_exception_keeps_its_message() -> None:
    with pytest.raises(IdError) as caught:
        parse_id("110105194912310021")
    assert str(caught.value) == "身份证号校验位错误：应为 X，实为 1"
    m = message_of(caught.value)
    assert isinstance(m, Message)
    assert m.template == "身份证号校验位错误：应为 {expected}，实为 {found}"
    with pytest.raises(PhoneError) as phone:
        parse_phone("1380000")
    assert isinstance(message_of(phone.value), Message)
    assert message_of(ValueError("plain")) == "plain"


def test_messages_survive_pickling() -> None:
    m = msg("{a}：{b}", a=term("field", "phone", "联系电话"), b=joined(["1", "2"], msg("、")))
    back = pickle.loads(pickle.dumps(m))
    assert back == m and back.template == m.template
    assert isinstance(back.values["a"], Term) and back.values["a"].key == "phone"
    assert isinstance(back.values["b"], Joined) and back.values["b"].items == ("1", "2")
