"""Builds the corpus of bad bundles in this folder, with the message each must produce.

Run ``uv run python tests/sync/bad_bundles/make_corpus.py`` after changing it; a test
checks that the committed files are exactly what this script makes. Every file is
refused by an office of 致强社区 before anything is written. ``expected.json`` maps each
file to a fragment of its one-sentence refusal.
"""

from __future__ import annotations

import copy
import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from gridworker.store.ops import Op
from gridworker.sync.bundle import Manifest, canonical, manifest_sha256, ops_sha256
from gridworker.sync.vector import SeqSet

HERE = Path(__file__).resolve().parent
DEV = "0192aaaa0000700080000000000000aa"
MG = "101f1fe914ae50baa7318efec24dcd6e"  # 致强社区/第一微网格
HH = "0192aaaa0000700080000000000000b1"
RES = "0192aaaa0000700080000000000000c1"


def _op(seq: int, entity: str, entity_id: str, fields: dict[str, Any], **kw: Any) -> Op:
    return Op(
        op_id=f"0192aaaa00007000800000000000{seq:04d}",
        device_id=DEV,
        seq=seq,
        hlc=f"1790000000{seq:03d}-0000-{DEV}",
        user="赵红",
        entity=entity,
        entity_id=entity_id,
        fields=fields,
        micro_grid_id=MG,
        **kw,
    )


def base_doc() -> dict[str, Any]:
    """A valid worker bundle: a household and one resident of 第一微网格."""
    ops = [
        _op(1, "micro_grid", MG, {"name": "第一微网格", "community": "致强社区"}),
        _op(2, "household", HH, {"micro_grid_id": MG, "estate": "致强小区", "room": "301"}),
        _op(3, "resident", RES, {"household_id": HH, "name": "陈桂兰", "tags": ["高龄"]}),
    ]
    return _doc([o.to_json() for o in ops])


def _doc(ops: list[dict[str, Any]], **manifest: Any) -> dict[str, Any]:
    texts = [canonical(o) for o in ops]
    m = Manifest(
        bundle_id="0192aaaa0000700080000000000000f1",
        kind="worker",
        sender_device=DEV,
        sender_role="worker",
        sender_user="赵红",
        community="致强社区",
        micro_grid_id=MG,
        micro_grid_name="第一微网格",
        created="2026-09-21T08:00:00Z",
        version_vector=SeqSet({DEV: [(1, len(ops))]}),
        op_count=len(ops),
        ops_sha256=ops_sha256(texts),
    ).to_json()
    m.update(manifest)
    return {"manifest": m, "ops": ops}


def _bytes(doc: dict[str, Any], *, seal: bool = True) -> bytes:
    """The file; ``seal``: with a manifest checksum that matches the (changed) manifest,
    so that each case is damaged in exactly one way."""
    if seal:
        doc["manifest"]["manifest_sha256"] = manifest_sha256(doc["manifest"])
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _escaped_bytes(doc: dict[str, Any]) -> bytes:
    """The file with every non-ASCII character escaped: how a lone surrogate gets in."""
    doc["manifest"]["manifest_sha256"] = manifest_sha256(doc["manifest"])
    return (json.dumps(doc, ensure_ascii=True, indent=1) + "\n").encode("ascii")


def _resealed(doc: dict[str, Any]) -> dict[str, Any]:
    """The same document with a correct op count and checksum for its (changed) ops."""
    doc["manifest"]["op_count"] = len(doc["ops"])
    texts = [canonical(o) for o in doc["ops"]]
    joined = ("[" + ",".join(texts) + "]").encode("utf-8", "surrogatepass")
    doc["manifest"]["ops_sha256"] = hashlib.sha256(joined).hexdigest()
    return doc


def cases() -> dict[str, tuple[bytes, str]]:
    good = base_doc()
    valid = _bytes(good)
    out: dict[str, tuple[bytes, str]] = {}
    out["empty.gwbundle.json"] = (b"", "是空文件")
    out["not_json.gwbundle.json"] = ("这不是数据包，是一封信。\n".encode(), "不是有效的 JSON")
    out["truncated.gwbundle.json"] = (valid[: len(valid) // 2], "中途截断")
    out["truncated_gzip.gwbundle.json"] = (gzip.compress(valid, mtime=0)[:60], "压缩内容不完整")
    out["binary.gwbundle.json"] = (b"\x00\xff\xfe" * 20, "不是文本文件")
    out["not_a_bundle.gwbundle.json"] = (b'{"hello": "world"}', "没有清单")

    d = copy.deepcopy(good)
    d["manifest"]["format"] = "other-app"
    out["wrong_format.gwbundle.json"] = (_bytes(d), "格式名不对")
    d = copy.deepcopy(good)
    d["manifest"]["format_version"] = 3
    out["newer_version.gwbundle.json"] = (_bytes(d), "较新版本的程序生成（格式版本 3")
    d = copy.deepcopy(good)
    d["manifest"]["format_version"] = 0
    out["unknown_version.gwbundle.json"] = (_bytes(d), "格式版本 0 无法识别")

    d = copy.deepcopy(good)
    d["ops"][2]["fields"]["name"] = "陈桂芳"  # edited by hand after sealing
    out["checksum_mismatch.gwbundle.json"] = (_bytes(d), "校验和不符")
    d = copy.deepcopy(good)
    d["manifest"]["op_count"] = 5
    out["op_count_mismatch.gwbundle.json"] = (_bytes(d), "清单写 5 条，实际有 3 条")
    d = copy.deepcopy(good)
    del d["ops"][1]["hlc"]
    out["schema_missing_hlc.gwbundle.json"] = (_bytes(_resealed(d)), "ops[1] 缺少必填项 hlc")
    d = copy.deepcopy(good)
    d["ops"][0]["seq"] = "1"
    out["schema_seq_text.gwbundle.json"] = (_bytes(_resealed(d)), "ops[0].seq 应为整数")
    d = copy.deepcopy(good)
    d["manifest"]["kind"] = "boss"
    out["schema_bad_kind.gwbundle.json"] = (_bytes(d), "manifest.kind 取值")
    d = copy.deepcopy(good)
    d["ops"][2]["colour"] = "red"
    out["schema_extra_key.gwbundle.json"] = (_bytes(_resealed(d)), "ops[2] 有不认识的项 colour")
    d = copy.deepcopy(good)
    d["ops"][2]["entity"] = "spaceship"
    out["schema_unknown_entity.gwbundle.json"] = (
        _bytes(_resealed(d)),
        "第 3 条操作是本程序不认识的记录类型 spaceship（可能来自较新版本的程序），请先升级本程序",
    )
    d = copy.deepcopy(good)
    d["ops"][2]["entity"] = "Space ship!"
    out["schema_bad_entity.gwbundle.json"] = (_bytes(_resealed(d)), "ops[2].entity 取值")
    d = copy.deepcopy(good)
    d["ops"][2]["fields"]["tags[高龄]"] = "yes"
    out["value_tag_element_text.gwbundle.json"] = (
        _bytes(_resealed(d)),
        'ops[2].fields.tags[高龄] 应为true/false，不是 "yes"',
    )
    d = copy.deepcopy(good)
    d["ops"][1]["hlc"] = "yesterday"
    out["schema_bad_hlc.gwbundle.json"] = (_bytes(_resealed(d)), "ops[1].hlc 格式不对")
    d = copy.deepcopy(good)
    d["manifest"]["version_vector"] = {DEV: [[5, 9], [1, 3]]}
    out["vector_unsorted.gwbundle.json"] = (_bytes(d), "版本向量区间没有按顺序排列")
    d = copy.deepcopy(good)
    d["manifest"]["sender"]["role"] = "office"
    out["role_kind_mismatch.gwbundle.json"] = (
        _bytes(d),
        "发送方角色（office）与数据包类型（worker）不一致",
    )

    d = copy.deepcopy(good)
    d["manifest"]["community"] = "和平社区"
    out["other_community.gwbundle.json"] = (_bytes(d), "属于「和平社区」，本机属于「致强社区」")
    d = copy.deepcopy(good)
    d["manifest"]["kind"] = "office"
    d["manifest"]["sender"]["role"] = "office"
    out["office_bundle_at_office.gwbundle.json"] = (_bytes(d), "应在网格员电脑上导入")
    d = copy.deepcopy(good)
    d["ops"][2]["fields"]["shoe_size"] = "42"
    out["unknown_field.gwbundle.json"] = (_bytes(_resealed(d)), "不认识的字段 shoe_size")
    d = copy.deepcopy(good)
    del d["ops"][1]  # the household is neither at the office nor in the bundle
    d["manifest"]["version_vector"] = {DEV: [[1, 1], [3, 3]]}
    out["missing_household.gwbundle.json"] = (
        _bytes(_resealed(d)),
        "第 2 条操作（居民「陈桂兰」）引用的户（编号 0192aaaa0000700080000000000000b1）既不在本机，也不在数据包里",
    )
    d = copy.deepcopy(good)
    d["ops"][2]["op_id"] = d["ops"][1]["op_id"] + "x"
    d["ops"][2]["seq"] = 2
    out["same_seq_twice.gwbundle.json"] = (_bytes(_resealed(d)), "两条不同的操作用了同一个编号")

    # Values must be of the field's type: text (or null), tags a list of text (or null).
    for name, field, value, message in [
        ("value_tags_number", "tags", 5, "ops[2].fields.tags 应为列表或null，不是 5"),
        ("value_tags_text", "tags", "高龄", 'ops[2].fields.tags 应为列表或null，不是 "高龄"'),
        ("value_name_number", "name", 123, "ops[2].fields.name 应为文字或null，不是 123"),
        ("value_name_bool", "name", True, "ops[2].fields.name 应为文字或null，不是 true"),
        ("value_phone_float", "phone", 1.5, "ops[2].fields.phone 应为文字或null，不是 1.5"),
        ("value_name_list", "name", ["陈", "桂兰"], "ops[2].fields.name 应为文字或null"),
        ("value_huge_integer", "notes", 10**30, "ops[2].fields.notes 应为文字或null"),
        ("value_tag_number", "tags", ["高龄", 7], "ops[2].fields.tags[1] 应为文字，不是 7"),
    ]:
        d = copy.deepcopy(good)
        d["ops"][2]["fields"][field] = value
        out[f"{name}.gwbundle.json"] = (_bytes(_resealed(d)), message)
    d = copy.deepcopy(good)
    d["ops"][2]["seq"] = 10**30
    out["seq_huge.gwbundle.json"] = (_bytes(_resealed(d)), "ops[2].seq 应不大于 9007199254740991")
    d = copy.deepcopy(good)
    d["manifest"]["version_vector"] = {DEV: [[1, 10**30]]}
    out["vector_huge.gwbundle.json"] = (_bytes(d), "应不大于 9007199254740991")

    # Text free of control characters (but tab, line feed, carriage return) and of lone
    # surrogates: they crash the spreadsheet export and the UTF-8 encoder.
    for name, where, value, message in [
        ("text_nul", "notes", "第一行\x00", "ops[2].fields.notes 含有控制字符 U+0000"),
        ("text_bell_in_name", "name", "陈\x07桂兰", "ops[2].fields.name 含有控制字符 U+0007"),
        ("text_c1_control", "notes", "a\x85b\x9b", "ops[2].fields.notes 含有控制字符 U+0085"),
        ("text_control_in_tags", "tags", ["高龄", "\x1b[0m"], "ops[2].fields.tags[1] 含有控制字符"),
    ]:
        d = copy.deepcopy(good)
        d["ops"][2]["fields"][where] = value
        out[f"{name}.gwbundle.json"] = (_bytes(_resealed(d)), message)
    d = copy.deepcopy(good)
    d["manifest"]["sender"]["user"] = "赵\x7f红"
    out["text_control_in_sender.gwbundle.json"] = (
        _bytes(d),
        "manifest.sender.user 含有控制字符 U+007F",
    )
    d = copy.deepcopy(good)
    d["ops"][2]["fields"]["name"] = "陈\ud800"
    out["text_lone_surrogate.gwbundle.json"] = (
        _escaped_bytes(_resealed(d)),
        "ops[2].fields.name 含有残缺的 Unicode 字符 U+D800",
    )
    d = copy.deepcopy(good)
    d["ops"][2]["fields"]["\udfff"] = "x"
    out["text_lone_surrogate_in_key.gwbundle.json"] = (
        _escaped_bytes(_resealed(d)),
        "含有残缺的 Unicode 字符 U+DFFF",
    )

    # An hlc no clock can honestly reach would push ours past its 13 digits.
    d = copy.deepcopy(good)
    d["ops"][2]["hlc"] = f"9999999999999-9999-{DEV}"
    out["far_future_hlc.gwbundle.json"] = (
        _bytes(_resealed(d)),
        "第 3 条操作（居民「陈桂兰」）的时间戳在 2286 年，晚于允许的 2200 年",
    )

    # Nesting too deep for the parser, and deep but parseable nesting in the wrong place.
    out["deeply_nested.gwbundle.json"] = (b"[" * 100000 + b"]" * 100000, "嵌套层数太多")
    d = copy.deepcopy(good)
    deep: Any = "x"
    for _ in range(900):
        deep = [deep]
    d["ops"][2] = deep
    out["nested_op.gwbundle.json"] = (_bytes(_resealed(d)), "ops[2] 应为对象")

    # A digit of the version vector changed after the file was written.
    d = copy.deepcopy(good)
    text = _bytes(d).decode("utf-8")
    at = text.index("3", text.index('"version_vector"'))
    out["manifest_damaged.gwbundle.json"] = (
        (text[:at] + "8" + text[at + 1 :]).encode("utf-8"),
        "清单校验和不符",
    )
    return out


def build(folder: Path = HERE) -> dict[str, str]:
    """Write every case into ``folder`` plus expected.json; returns file -> expected text."""
    expected = {}
    for name, (data, message) in sorted(cases().items()):
        (folder / name).write_bytes(data)
        expected[name] = message
    (folder / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return expected


if __name__ == "__main__":
    for name in build():
        print(name)
