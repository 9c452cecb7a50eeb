"""`gridworker policy`: the office's rule documents (care policy, gas checklist)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from gridworker.commands.common import CommandError, SubParsers, open_store
from gridworker.core.messages import message_of
from gridworker.store.errors import StoreError
from gridworker.store.policies import PolicyKind, describe, in_force, policy_versions, set_policy

_KINDS: dict[str, PolicyKind] = {"care": "care", "gas": "gas_checklist"}


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "policy",
        help="社区规则：三色关爱规则（care）和燃气安全检查表（gas）",
        description="查看现行规则、导出为文件修改，社区电脑可设定新版本（随数据包发到各微网格）。",
    )
    p.set_defaults(group_parser=p)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help="现行规则及本机保存的各个版本")
    show.add_argument("kind", choices=sorted(_KINDS), nargs="?", help="care 或 gas（默认两者）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=cmd_show)
    export = actions.add_parser("export", help="把现行规则写成文件（修改后用 set 设定）")
    export.add_argument("kind", choices=sorted(_KINDS))
    export.add_argument("file", help="要写入的 .json 文件")
    export.set_defaults(handler=cmd_export)
    put = actions.add_parser("set", help="社区电脑：设定新版本（版本号须大于现行版本）")
    put.add_argument("kind", choices=sorted(_KINDS))
    put.add_argument("file", help="规则文件（.json）")
    put.add_argument("--note", default="", help="这一版改了什么")
    put.set_defaults(handler=cmd_set)


def cmd_show(args: argparse.Namespace) -> int:
    kinds = [_KINDS[args.kind]] if args.kind else list(_KINDS.values())
    with open_store(args) as store:
        current = {k: in_force(store, k) for k in kinds}
        held = {k: policy_versions(store, k) for k in kinds}
    if args.json:
        print(
            json.dumps(
                {
                    k: {
                        "in_force": {"version": current[k].version, "shipped": current[k].shipped},
                        "versions": [{"version": v.version, "note": v.note} for v in held[k]],
                    }
                    for k in kinds
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for k in kinds:
        print(f"现行：{describe(current[k])}")
        for v in held[k]:
            print(f"  第 {v.version} 版{('：' + v.note) if v.note else ''}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        current = in_force(store, _KINDS[args.kind])
    Path(args.file).write_text(current.content, encoding="utf-8")
    print(f"已写入 {args.file}：{describe(current)}。改好后把 version 加一，再用 policy set 设定。")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except OSError as e:
        raise CommandError(f"读不了规则文件 {args.file}：{e.strerror or e}") from e
    with open_store(args) as store:
        try:
            v = set_policy(store, _KINDS[args.kind], text, args.note)
        except StoreError as e:
            raise CommandError(message_of(e)) from e
    print(f"已设定{describe(v)}；下次给各微网格导出数据包时一并发出。")
    return 0
