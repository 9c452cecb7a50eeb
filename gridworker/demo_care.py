"""The demo community's care flags, visits, needs and major events.

Added after the roster (``demo.build_demo`` calls :func:`add_care_records`): red, yellow
and green flags on the residents whose groups call for them, four months of visits at
about each colour's interval — with some red and yellow residents left overdue, phone
calls and nobody-home visits among them —, needs in every state of their loop (some past
their deadline, some waiting for a return visit), follow-ups due and a major event or
two, so every screen and printout has something real to show. Written through the
normal write path in batches; deterministic for a seed and a day.
"""

from __future__ import annotations

import bisect
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gridworker.core.ids import care_flag_id, uuid7
from gridworker.store.store import Change, Store

WORKERS = ("赵红", "钱芳", "孙丽娟", "李明", "周晓燕", "吴建华", "郑敏", "王婷")

SITUATIONS = {
    "关爱探访": (
        "老人精神状态不错，家中整洁，冰箱里有菜。",
        "老人说最近腿脚不便，下楼少了，提醒有事打电话。",
        "子女本周来过，老人情绪稳定。",
        "老人独自在家，聊了半小时，叮嘱注意用电用气安全。",
        "天气转凉，提醒添衣，检查了取暖器插线板。",
        "老人记性差了些，药盒分装好了，已联系女儿多来看看。",
    ),
    "日常走访": (
        "家中一切正常，更新了联系电话。",
        "了解家庭近况，无特殊情况。",
        "宣传了垃圾分类和楼道堆物清理。",
        "新添了孩子，提醒办理疫苗接种登记。",
    ),
    "健康随访": (
        "和社区医生一起测了血压，嘱咐按时服药。",
        "血压偏高，已提醒少盐，下周复测。",
        "糖尿病控制尚可，饮食注意。",
    ),
    "燃气安全检查": (
        "检查了燃气灶和软管，软管使用超过两年，建议更换。",
        "燃气表和阀门正常，热水器排烟管连接良好。",
    ),
    "政策宣传": ("宣传了高龄津贴申领办法。", "讲解了城乡居民医保缴费。"),
    "反诈宣传": ("发放反诈宣传单，提醒不要给陌生人转账。",),
    "矛盾纠纷调解": ("楼上楼下漏水纠纷，约双方周末一起看现场。",),
}

NEEDS = (
    ("生活困难", "想申请临时救助，最近看病花销大。"),
    ("养老服务", "希望安装卫生间扶手。"),
    ("养老服务", "想了解社区助餐点的订餐办法。"),
    ("医疗健康", "希望家庭医生上门看一下老人的褥疮。"),
    ("环境卫生", "楼下垃圾桶太满，夏天有味道。"),
    ("物业维修", "楼道声控灯坏了，晚上上下楼看不见。"),
    ("物业维修", "单元门禁坏了一个星期。"),
    ("邻里纠纷", "楼上装修噪音太大，中午也不停。"),
    ("安全隐患", "电动车在楼道里充电，担心起火。"),
    ("政策咨询", "想问孩子入学需要准备哪些材料。"),
)
OWNERS = ("社区居委会", "物业公司", "街道民政科", "社区卫生服务中心", "社区居家养老服务中心")
SOLUTIONS = ("当场帮忙联系了物业，已处理。", "现场讲解了办理流程，居民表示清楚了。")
RESULTS = ("已安排上门处理完毕。", "已为居民办理，款项本月到账。", "物业已维修。")


@dataclass
class _Person:
    id: str
    household_id: str
    micro_grid_id: str
    name: str
    age: int
    tags: list[str]


def _colour(p: _Person, r: random.Random) -> str | None:
    tags = set(p.tags)
    if ("独居老人" in tags and p.age >= 80) or "重病" in tags or "特困供养" in tags:
        return "red"
    if tags & {"失能", "失智", "孤儿", "困境儿童", "计生特殊家庭"} or (
        "残疾人" in tags and p.age >= 60
    ):
        return "yellow" if r.random() < 0.85 else "red"
    if tags & {"独居老人", "空巢老人", "高龄", "留守儿童", "低保", "精神障碍患者", "残疾人"}:
        return "green" if r.random() < 0.7 else None
    return None


def _reason(p: _Person) -> str:
    tags = set(p.tags)
    if "独居老人" in tags:
        return f"{p.age}岁独居，子女不在身边。"
    if "重病" in tags:
        return "患重病，需定期看望。"
    if "失能" in tags or "失智" in tags:
        return "生活不能完全自理，家人白天上班。"
    if "空巢老人" in tags:
        return "老两口空巢，身体尚可。"
    if "留守儿童" in tags or "困境儿童" in tags or "孤儿" in tags:
        return "未成年人，监护人不在身边。"
    if "低保" in tags or "特困供养" in tags:
        return "享受低保（特困）救助，关注生活状况。"
    return "列入特殊人群名单，定期走访。"


def _people(store: Store, today: date) -> list[_Person]:
    out = []
    for r in store.conn.execute(
        "SELECT r.id, r.household_id, h.micro_grid_id, r.name, r.birth_date, r.tags "
        "FROM resident r JOIN household h ON h.id = r.household_id "
        "WHERE coalesce(r.status, '在住') = '在住' ORDER BY r.id"
    ):
        try:
            born = date.fromisoformat(r[4] or "")
            age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        except ValueError:
            age = 40
        out.append(_Person(r[0], r[1], r[2] or "", r[3] or "", age, json.loads(r[5] or "[]")))
    return out


def add_care_records(store: Store, *, seed: int = 7, today: date | None = None) -> str:
    """Fill the demo's care flags, visits, needs and events; returns a one-line summary."""
    today = today or date.today()
    r = random.Random(seed * 7919 + 12)
    people = _people(store, today)
    grids = sorted({p.micro_grid_id for p in people})
    visitor = {g: WORKERS[i % len(WORKERS)] for i, g in enumerate(grids)}
    if store.identity.role == "worker" and store.identity.micro_grid_id in visitor:
        visitor[store.identity.micro_grid_id] = store.identity.user
    households: dict[str, list[_Person]] = {}
    for p in people:
        households.setdefault(p.household_id, []).append(p)
    changes: list[Change] = []
    colours: dict[str, str] = {}
    for p in people:
        c = _colour(p, r)
        if c is None:
            continue
        colours[p.id] = c
        since = today - timedelta(days=r.randint(40, 200))
        changes.append(
            Change(
                "care_flag",
                {
                    "resident_id": p.id,
                    "colour": c,
                    "categories": [t for t in p.tags],
                    "reason": _reason(p),
                    "set_by": visitor[p.micro_grid_id],
                    "set_on": since.isoformat(),
                    "review_on": (since + timedelta(days=180)).isoformat(),
                },
                care_flag_id(p.id),
                new=True,
            )
        )
    visits = needs = 0
    interval = {"red": 7, "yellow": 30, "green": 90}
    start = today - timedelta(days=120)
    last_seen: dict[str, date] = {}
    for hid, members in households.items():
        grid = members[0].micro_grid_id
        flagged = [m for m in members if m.id in colours]
        days: set[date] = set()
        done: set[date] = set()
        if flagged:
            worst = min(interval[colours[m.id]] for m in flagged)
            late = r.random() < (0.3 if worst == 7 else 0.12)  # left overdue
            first = today - timedelta(days=max(120, 2 * worst + 20))
            day = first + timedelta(days=r.randint(0, worst // 2))
            stop = today - timedelta(days=worst + r.randint(2, 12)) if late else today
            while day <= stop:
                days.add(day)
                day += timedelta(days=max(1, worst + r.randint(-3, 0)))
        elif r.random() < 0.55:
            for _ in range(r.randint(1, 2)):
                days.add(start + timedelta(days=r.randint(0, 119)))
        queue = sorted(days)
        while queue:
            day = queue.pop(0)
            if day in done:
                continue
            done.add(day)
            method = r.choices(("入户", "电话", "视频", "到访不遇"), (70, 14, 4, 12))[0]
            if flagged and method == "到访不遇" and day + timedelta(days=2) <= today:
                bisect.insort(queue, day + timedelta(days=2))  # came back two days later
            if flagged:
                purposes = ["关爱探访"] + (["健康随访"] if r.random() < 0.25 else [])
            else:
                purposes = [
                    r.choice(("日常走访", "日常走访", "燃气安全检查", "政策宣传", "反诈宣传"))
                ]
            met = [] if method == "到访不遇" else [m.id for m in members if r.random() < 0.95]
            if method != "到访不遇" and not met:
                met = [members[0].id]
            text = (
                "敲门无人应答，邻居说老人去女儿家了。"
                if method == "到访不遇"
                else r.choice(SITUATIONS[purposes[-1]])
            )
            values: dict[str, Any] = {
                "household_id": hid,
                "visited_on": day.isoformat(),
                "visit_time": f"{r.randint(8, 17):02}:{r.choice((0, 10, 20, 30, 40, 50)):02}",
                "method": method,
                "purposes": purposes,
                "residents_met": met,
                "situation": text,
                "visitors": [visitor[grid]],
            }
            if "健康随访" in purposes and method == "入户":
                values["bp_systolic"] = r.randint(112, 168)
                values["bp_diastolic"] = r.randint(68, 98)
            if r.random() < 0.06:
                values["follow_up_on"] = (day + timedelta(days=r.randint(3, 14))).isoformat()
            vid = uuid7()
            changes.append(Change("visit", values, vid, new=True))
            visits += 1
            if method == "入户":
                last_seen[hid] = day
            if method != "到访不遇" and r.random() < 0.12:
                changes.extend(_need(r, hid, met[0], vid, day, today))
                needs += 1
    # A few needs from other sources (the 12345 hotline, a city sentinel).
    for hid in r.sample(sorted(households), k=min(len(households), max(1, len(households) // 25))):
        day = today - timedelta(days=r.randint(1, 40))
        source = r.choice(("12345热线", "城市哨兵"))
        changes.extend(_need(r, hid, None, None, day, today, source))
        needs += 1
    events = 0
    by_id = {p.id: p for p in people}
    reds = [
        pid
        for pid, c in sorted(colours.items())
        if c == "red" and last_seen.get(by_id[pid].household_id, start) < today - timedelta(days=2)
    ]
    for pid, kind, ago in zip(reds[:2], ("出院", "极端天气"), (1, 0), strict=False):
        changes.append(
            Change(
                "care_event",
                {
                    "resident_id": pid,
                    "kind": kind,
                    "happened_on": (today - timedelta(days=ago)).isoformat(),
                    "note": "从市三医院出院，需要人照看。"
                    if kind == "出院"
                    else "寒潮预警，最低气温零下。",
                },
                new=True,
            )
        )
        events += 1
    for i in range(0, len(changes), 5000):
        store.write(changes[i : i + 5000])
    return f"{len(colours)} 位关爱对象，{visits} 次走访，{needs} 条诉求，{events} 个重大事件"


def _need(
    r: random.Random,
    hid: str,
    resident: str | None,
    visit: str | None,
    day: date,
    today: date,
    source: str = "居民提出",
) -> list[Change]:
    """A need raised on ``day`` and taken as far along its loop as its age allows."""
    nid = uuid7()
    category, text = r.choice(NEEDS)
    out = [
        Change(
            "need",
            {
                "household_id": hid,
                "resident_id": resident,
                "visit_id": visit,
                "raised_on": day.isoformat(),
                "source": source,
                "category": category,
                "text": text,
            },
            nid,
            new=True,
        )
    ]
    age = (today - day).days
    fate = r.random()
    if fate < 0.25:
        out.append(
            Change("need", {"solved_on": day.isoformat(), "solution": r.choice(SOLUTIONS)}, nid)
        )
        return out
    if fate < 0.35 and age < 10:
        return out  # just registered
    if age > 30 and 0.35 <= fate < 0.5 and (age > 60 or r.random() < 0.8):
        fate = 0.8  # older needs have mostly been answered
    reported = day + timedelta(days=r.randint(0, 2))
    if reported > today:
        return out
    deadline = reported + timedelta(days=r.choice((7, 10, 15)))
    out.append(
        Change(
            "need",
            {
                "reported_on": reported.isoformat(),
                "owner": r.choice(OWNERS),
                "deadline": deadline.isoformat(),
            },
            nid,
        )
    )
    if fate < 0.5:
        return out  # still with its owner (past its deadline if old enough)
    fed = min(today, deadline - timedelta(days=r.randint(0, 6)))
    if fed < reported:
        return out
    out.append(Change("need", {"feedback_on": fed.isoformat(), "result": r.choice(RESULTS)}, nid))
    if (fate < 0.7 and (today - fed).days < 20) or fed + timedelta(days=2) > today:
        return out  # waiting for its return visit
    back = min(today, fed + timedelta(days=r.randint(1, 6)))
    out.append(
        Change(
            "need",
            {
                "revisit_on": back.isoformat(),
                "satisfaction": r.choice(("满意", "满意", "基本满意")),
            },
            nid,
        )
    )
    return out
