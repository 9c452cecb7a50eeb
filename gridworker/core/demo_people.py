"""Deterministic, realistic demo residents for Chengdu communities.

The demo database, screenshots and load tests need data that looks like a real roster
(surname frequencies, family shapes, ages, special-population tags, valid ID numbers)
without containing anyone's real personal information. Everything is drawn from the
caller's seeded ``random.Random``, so a seed always produces the same roster for the
same reference date. Pure data: no store, no I/O.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Protocol, TypeVar

from gridworker.core.gcpause import gc_paused
from gridworker.core.idcard import CHECK_CHARS, weighted_sum
from gridworker.core.people import SPECIAL_TAGS

__all__ = [
    "CHENGDU_AREA_CODES",
    "DemoHousehold",
    "DemoResident",
    "generate_households",
]


@dataclass(slots=True)
class DemoResident:
    """One generated resident; field values use the canonical vocabularies of people.py."""

    name: str
    id_number: str
    sex: str
    birth_date: dt.date
    ethnicity: str
    phone: str | None
    relation: str
    population_type: str
    status: str
    tags: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass(slots=True)
class DemoHousehold:
    """One generated household (户) with its address and members, head first."""

    estate: str
    building: str
    unit: str
    room: str
    house_use: str
    head_name: str
    phone: str | None
    members: list[DemoResident] = field(default_factory=list)
    notes: str = ""

    @property
    def address(self) -> str:
        """Address as written on rosters: "锦华苑3栋2单元301"."""
        return f"{self.estate}{self.building}{self.unit}{self.room}"


CHENGDU_AREA_CODES: tuple[str, ...] = (
    "510104",  # 锦江区
    "510105",  # 青羊区
    "510106",  # 金牛区
    "510107",  # 武侯区
    "510108",  # 成华区
    "510112",  # 龙泉驿区
    "510113",  # 青白江区
    "510114",  # 新都区
    "510115",  # 温江区
    "510116",  # 双流区
    "510117",  # 郫都区
    "510121",  # 金堂县
    "510181",  # 都江堰市
    "510182",  # 彭州市
    "510185",  # 简阳市
)
_SICHUAN_AREA_CODES = (
    "511302",  # 南充 顺庆
    "511321",  # 南部县
    "510722",  # 三台县
    "511621",  # 岳池县
    "510322",  # 富顺县
    "511123",  # 犍为县
    "511025",  # 资中县
    "513401",  # 西昌市
    "513221",  # 汶川县
    "511702",  # 达州 通川
)
_OTHER_AREA_CODES = (
    "500235",  # 重庆 云阳
    "500101",  # 重庆 万州
    "430124",  # 湖南 宁乡
    "420111",  # 湖北 武汉洪山
    "610102",  # 陕西 西安新城
    "522121",  # 贵州 播州
    "530102",  # 云南 昆明五华
    "410102",  # 河南 郑州中原
    "360121",  # 江西 南昌县
    "620102",  # 甘肃 兰州城关
)
_OVERSEAS_AREA_CODES = ("810000", "820000", "830000")  # 港澳台居民居住证

# Surname weights roughly follow Sichuan frequencies (per mille, rounded).
_SURNAMES = (
    ("李", 79),
    ("王", 65),
    ("张", 60),
    ("刘", 52),
    ("陈", 50),
    ("杨", 42),
    ("黄", 28),
    ("周", 22),
    ("吴", 20),
    ("赵", 19),
    ("何", 18),
    ("罗", 18),
    ("徐", 15),
    ("曾", 14),
    ("邓", 14),
    ("胡", 13),
    ("谢", 12),
    ("唐", 12),
    ("冯", 11),
    ("蒋", 11),
    ("袁", 10),
    ("彭", 10),
    ("廖", 10),
    ("朱", 10),
    ("肖", 10),
    ("郭", 9),
    ("林", 8),
    ("马", 8),
    ("高", 8),
    ("宋", 8),
    ("郑", 7),
    ("梁", 7),
    ("杜", 7),
    ("余", 7),
    ("田", 7),
    ("任", 7),
    ("苟", 6),
    ("龚", 6),
    ("严", 6),
    ("蒲", 5),
    ("向", 5),
    ("敬", 4),
    ("魏", 5),
    ("汪", 5),
    ("熊", 5),
    ("文", 5),
    ("付", 5),
    ("邹", 5),
    ("秦", 5),
    ("雷", 5),
    ("钟", 5),
    ("孙", 5),
    ("许", 5),
    ("韩", 4),
    ("程", 4),
    ("苏", 4),
    ("姚", 4),
    ("卢", 4),
    ("董", 4),
    ("范", 4),
    ("邱", 4),
    ("贺", 3),
    ("江", 3),
    ("傅", 3),
    ("石", 3),
    ("沈", 3),
    ("叶", 3),
    ("侯", 3),
    ("牟", 3),
    ("母", 2),
    ("冉", 2),
    ("幸", 2),
    ("欧阳", 1),
    ("司马", 1),
    ("上官", 1),
)
_SURNAME_NAMES = tuple(s for s, _ in _SURNAMES)
_SURNAME_CUM = tuple(accumulate(w for _, w in _SURNAMES))

# Given-name characters by (sex, era); era 0: born before 1965, 1: 1965–1994, 2: 1995+.
_GIVEN_FIRST = {
    ("男", 0): "建国志德国明文光家永世福正长树玉学华大成",
    ("男", 1): "志建小海俊文明永国晓伟德红军勇春剑云学",
    ("男", 2): "子浩宇俊梓一思博皓嘉明天泽睿晨奕铭锦",
    ("女", 0): "秀桂淑玉凤素兰德明丽春金翠慧月琼英群",
    ("女", 1): "丽晓红小海雪春燕玉丹建静美秀琳敏艳",
    ("女", 2): "子欣梓雨思一佳可诗若语紫梦馨依雅婉芷",
}
_GIVEN_SECOND = {
    ("男", 0): "华明强林平清富贵山全德生福荣才发章坤",
    ("男", 1): "军伟勇刚波涛斌辉杰峰磊鹏东飞洪亮超兵",
    ("男", 2): "轩然涵豪阳宇杰航博辰睿鑫霖泽凯霆彬川",
    ("女", 0): "英兰珍芳华秀凤琼芬梅容蓉玉香珠莲清",
    ("女", 1): "丽红梅燕玲霞娟静敏琴艳婷萍莉芳琳洁",
    ("女", 2): "涵萱怡然琪彤瑶妍悦菲琳雯汐欣宁珊菡",
}
_GIVEN_SINGLE = {
    "男": "伟强军勇杰斌涛明辉鹏浩刚磊超峰毅波宇鑫亮",
    "女": "芳娟敏静丽艳玲燕红霞琴婷莉萍颖雪蓉琳瑶梅",
}

_TIBETAN = {
    "男": ("扎西", "次仁", "多吉", "尼玛", "顿珠", "洛桑", "平措", "达瓦", "格桑", "丹增"),
    "女": ("卓玛", "拉姆", "央金", "德吉", "措姆", "曲珍", "白玛", "达娃", "梅朵", "次仁"),
}
_YI_SURNAMES = ("吉克", "阿苏", "沙马", "马海", "阿牛", "曲比", "吉木", "俄底", "海来")
_YI_GIVEN = {
    "男": ("伍各", "尔古", "拉且", "石布", "日呷", "木乃", "约达"),
    "女": ("阿呷", "阿依", "伍呷", "日作", "莫色", "阿芝", "依惹"),
}
_UYGHUR_GIVEN = {
    "男": ("阿卜杜拉", "艾买提", "买买提", "吐尔洪", "艾力", "努尔"),
    "女": ("古丽娜尔", "阿依古丽", "热依拉", "帕提古丽", "迪丽娜尔", "米娜瓦尔"),
}
_UYGHUR_FATHER = ("艾买提", "买买提", "吐尔逊", "阿不都", "热合曼", "依明", "卡德尔")

_ETHNICITIES = (
    ("汉族", 9550),
    ("藏族", 150),
    ("彝族", 100),
    ("回族", 60),
    ("羌族", 50),
    ("土家族", 30),
    ("苗族", 20),
    ("满族", 20),
    ("蒙古族", 10),
    ("维吾尔族", 10),
)
_ETHNICITY_NAMES = tuple(e for e, _ in _ETHNICITIES)
_ETHNICITY_CUM = tuple(accumulate(w for _, w in _ETHNICITIES))

_MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "175",
    "176",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)

# Household compositions and their shares; ~12% elderly people living alone.
_KINDS = (
    ("single_elderly", 12),
    ("elderly_couple", 11),
    ("single_adult", 10),
    ("couple", 9),
    ("nuclear", 33),
    ("three_gen", 12),
    ("skip_gen", 5),
    ("single_parent", 4),
    ("roommates", 4),
)
_KIND_NAMES = tuple(k for k, _ in _KINDS)
_KIND_CUM = tuple(accumulate(w for _, w in _KINDS))

_ELDERLY_NOTES = (
    "子女在外地工作",
    "行动不便，需定期上门",
    "有高血压，常服药",
    "耳背，需大声沟通",
    "女儿每周来探望",
    "独自居住多年",
    "",
)
_DEPENDENT_NOTES = ("需专人照护", "由保姆照顾", "家属照护", "")
_HOUSEHOLD_NOTES = ("房东不在本地", "门面兼住家", "楼下有商铺", "新搬入", "")


# (text, check-digit partial sum) for every 3-digit order code.
_SEQ_PARTS = tuple((f"{s:03d}", weighted_sum(f"{s:03d}", 14)) for s in range(1000))


class _Generator:
    """State shared while generating one roster: random source, reference date, used IDs.

    Draws use ``rng.random()`` directly (``seq[int(r() * len(seq))]``) rather than
    ``rng.choice``/``randint``: several times faster, which is what keeps 100,000
    residents well under two seconds, and just as deterministic.
    """

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.r = rng.random
        self.today = today
        self.today_ordinal = today.toordinal()
        self._used_ids: set[str] = set()
        self._area_sum: dict[str, int] = {}
        self._date_part: dict[int, tuple[str, int]] = {}

    # --- small draws -------------------------------------------------------------

    def pick(self, seq: Sequence[_T]) -> _T:
        """A uniformly chosen element of ``seq``."""
        return seq[int(self.r() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        """A uniform integer in ``a..b`` inclusive."""
        return a + int(self.r() * (b - a + 1))

    def triangular(self, span: int, mode: int) -> int:
        """An integer in ``0..span-1`` with a triangular distribution peaking at ``mode``."""
        return min(int(self.rng.triangular(0, span, mode)), span - 1)

    def surname(self) -> str:
        """A surname weighted by frequency."""
        return _SURNAME_NAMES[bisect(_SURNAME_CUM, self.r() * _SURNAME_CUM[-1])]

    def given_name(self, sex: str, birth_year: int) -> str:
        """A 1–2 character given name in the style of the person's generation."""
        r = self.r
        if r() < 0.22:
            single = _GIVEN_SINGLE[sex]
            return single[int(r() * len(single))]
        key = (sex, 0 if birth_year < 1965 else (1 if birth_year < 1995 else 2))
        first, second = _GIVEN_FIRST[key], _GIVEN_SECOND[key]
        return first[int(r() * len(first))] + second[int(r() * len(second))]

    def full_name(self, sex: str, birth_year: int, surname: str, ethnicity: str) -> str:
        """A name consistent with sex, generation and ethnicity (藏/彝/维 naming styles)."""
        if ethnicity == "汉族":
            return surname + self.given_name(sex, birth_year)
        if ethnicity == "藏族":
            first = _TIBETAN["男" if self.r() < 0.5 else sex]
            return self.pick(first) + self.pick(_TIBETAN[sex])
        if ethnicity == "彝族" and self.r() < 0.5:
            return self.pick(_YI_SURNAMES) + self.pick(_YI_GIVEN[sex])
        if ethnicity == "维吾尔族":
            return self.pick(_UYGHUR_GIVEN[sex]) + "·" + self.pick(_UYGHUR_FATHER)
        return surname + self.given_name(sex, birth_year)

    def ethnicity(self) -> str:
        """A 民族 weighted roughly like Chengdu's population."""
        return _ETHNICITY_NAMES[bisect(_ETHNICITY_CUM, self.r() * _ETHNICITY_CUM[-1])]

    def mobile(self) -> str:
        """A syntactically valid mainland mobile number."""
        r = self.r
        return _MOBILE_PREFIXES[int(r() * len(_MOBILE_PREFIXES))] + f"{int(r() * 1e8):08d}"

    def area(self, population_type: str, home: str) -> str:
        """ID area code: mostly the household's home area, otherwise by population type."""
        r = self.r()
        if r < 0.6 or population_type == "境外":
            return home
        if population_type == "流动":
            return self.pick(_SICHUAN_AREA_CODES if r < 0.8 else _OTHER_AREA_CODES)
        return self.pick(CHENGDU_AREA_CODES if r < 0.9 else _SICHUAN_AREA_CODES)

    def id_number(self, area: str, birth: dt.date, male: bool) -> str:
        """A valid ID number not handed out before, encoding ``birth`` and sex.

        Check-digit partial sums are cached (thousands of residents share an area or a
        birth date). Only 500 order codes exist per area, date and sex, so when random
        draws keep colliding the free codes are scanned, then neighbouring areas.
        """
        date_part = self._date_part.get(birth.toordinal())
        if date_part is None:
            text = f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
            date_part = (text, weighted_sum(text, 6))
            self._date_part[birth.toordinal()] = date_part
        date_text, date_sum = date_part
        used, r, seqs = self._used_ids, self.r, _SEQ_PARTS
        area_sum = self._area_sum.get(area)
        if area_sum is None:
            area_sum = self._area_sum[area] = _area_sum(area)
        prefix, base = area + date_text, area_sum + date_sum
        for _ in range(20):
            seq_text, seq_sum = seqs[int(r() * 500) * 2 + male]
            number = prefix + seq_text + CHECK_CHARS[(base + seq_sum) % 11]
            if number not in used:
                used.add(number)
                return number
        for other in (area, *CHENGDU_AREA_CODES, *_MIGRANT_AREA_CODES):
            prefix, base = other + date_text, _area_sum(other) + date_sum
            for seq_text, seq_sum in seqs[male::2]:
                number = prefix + seq_text + CHECK_CHARS[(base + seq_sum) % 11]
                if number not in used:
                    used.add(number)
                    return number
        raise RuntimeError(f"no free ID numbers left for birth date {birth}")

    # --- people --------------------------------------------------------------------

    def person(
        self,
        age: int,
        sex: str,
        surname: str,
        ethnicity: str,
        relation: str,
        population_type: str,
        home_area: str,
    ) -> DemoResident:
        """One resident with consistent ID number, sex, birth date and personal tags."""
        r = self.r
        days = int((max(age, 0) + r()) * 365.2425)
        birth = dt.date.fromordinal(self.today_ordinal - days)
        age = _age(birth, self.today)
        area = home_area if age < 10 and r() < 0.8 else self.area(population_type, home_area)
        phone = self.mobile() if age >= 14 and (age < 80 or r() < 0.5) else None
        x = r()
        status = "迁出" if x < 0.015 else "死亡" if age >= 70 and x < 0.03 else "在住"
        tags = self.personal_tags(age, sex, population_type)
        notes = self.pick(_DEPENDENT_NOTES) if "失能" in tags and r() < 0.5 else ""
        return DemoResident(
            self.full_name(sex, birth.year, surname, ethnicity),
            self.id_number(area, birth, sex == "男"),
            sex,
            birth,
            ethnicity,
            phone,
            relation,
            population_type,
            status,
            tags,
            notes,
        )

    def personal_tags(self, age: int, sex: str, population_type: str) -> list[str]:
        """Tags that depend only on the person (household tags are added later)."""
        r = self.r
        tags: list[str] = []
        if age >= 60:
            old = age >= 80
            if old:
                tags.append("高龄")
            if r() < (0.13 if old else 0.03):
                tags.append("失能")
            if r() < (0.05 if old else 0.01):
                tags.append("失智")
            if r() < 0.03:
                tags.append("重病")
            if r() < 0.05:
                tags.append("残疾人")
        else:
            if r() < 0.006:
                tags.append("重病")
            if r() < 0.02:
                tags.append("残疾人")
        if age >= 18:
            if sex == "男" and age <= 85 and r() < 0.04:
                tags.append("退役军人")
            if age <= 70 and r() < 0.004:
                tags.append("精神障碍患者")
            if age <= 60 and r() < 0.002:
                tags.append("社区矫正人员")
            if age <= 45 and r() < (0.2 if population_type == "流动" else 0.03):
                tags.append("新就业群体")
        return tags

    # --- households ----------------------------------------------------------------

    def household(self, address: tuple[str, str, str, str]) -> DemoHousehold:
        """One household of 1–5 people whose composition, ages and tags fit together."""
        r = self.r
        kind = _KIND_NAMES[bisect(_KIND_CUM, r() * _KIND_CUM[-1])]
        x = r()
        if kind == "roommates":
            population_type = "流动"
        else:
            population_type = (
                "户籍" if x < 0.72 else "常住" if x < 0.84 else "流动" if x < 0.995 else "境外"
            )
        if population_type == "境外":
            home_area = self.pick(_OVERSEAS_AREA_CODES)
        elif population_type == "流动":
            home_area = self.pick(_MIGRANT_AREA_CODES)
        else:
            home_area = self.pick(CHENGDU_AREA_CODES)
        ethnicity = self.ethnicity()
        family = self.surname()
        members: list[DemoResident] = []

        def add(age: int, sex: str, relation: str, surname: str | None = None) -> DemoResident:
            person = self.person(
                age,
                sex,
                surname or family,
                ethnicity if ethnicity == "汉族" or r() < 0.95 else "汉族",
                relation,
                population_type,
                home_area,
            )
            members.append(person)
            return person

        _BUILDERS[kind](self, add, family)
        self.household_tags(kind, members)

        if population_type == "流动":
            house_use = "出租" if r() < 0.9 else "经营"
        elif population_type == "常住":
            house_use = "自住" if r() < 0.6 else "出租"
        elif population_type == "境外":
            house_use = "出租" if r() < 0.7 else "自住"
        else:
            house_use = "自住" if r() < 0.96 else "经营"
        notes = self.pick(_HOUSEHOLD_NOTES) if house_use == "经营" or r() < 0.02 else ""
        phone = next((m.phone for m in members if m.phone), None)
        if kind in ("single_elderly", "elderly_couple") and r() < 0.15:
            phone = f"028-8{int(r() * 10_000_000):07d}"
        estate, building, unit, room = address
        return DemoHousehold(
            estate, building, unit, room, house_use, members[0].name, phone, members, notes
        )

    def household_tags(self, kind: str, members: list[DemoResident]) -> None:
        """Add tags that depend on the household (独居, 空巢, 留守, 低保 …), then sort."""
        r, today = self.r, self.today
        if r() < 0.025:
            for m in members:
                m.tags.append("低保")
                if m.relation in ("子", "女") and _age(m.birth_date, today) < 18 and r() < 0.2:
                    m.tags.append("困境儿童")
        if kind == "single_elderly":
            only = members[0]
            only.tags.insert(0, "独居老人")
            if r() < 0.04:
                only.tags.append("特困供养")
            only.notes = only.notes or self.pick(_ELDERLY_NOTES)
        elif kind == "elderly_couple":
            special_family = r() < 0.03
            for m in members:
                if _age(m.birth_date, today) >= 60:
                    m.tags.append("空巢老人")
                if special_family:
                    m.tags.append("计生特殊家庭")
        elif kind == "skip_gen":
            for m in members:
                if m.relation == "孙子女" and _age(m.birth_date, today) < 16:
                    m.tags.append("孤儿" if r() < 0.03 else "留守儿童")
        for m in members:
            tags = m.tags
            rare = m.relation != "本人" and "困境儿童" not in tags and r() < 0.003
            if rare and _age(m.birth_date, today) < 18:
                tags.append("困境儿童")
            if len(tags) > 1:
                tags.sort(key=_TAG_ORDER.__getitem__)


def _area_sum(area: str) -> int:
    """Check-digit partial sum of a 6-digit area code."""
    return weighted_sum(area, 0)


def _age(birth: dt.date, today: dt.date) -> int:
    """Completed years (周岁) on the reference date."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


_T = TypeVar("_T")
_TAG_ORDER = {t: i for i, t in enumerate(SPECIAL_TAGS)}
_MIGRANT_AREA_CODES = _SICHUAN_AREA_CODES + _OTHER_AREA_CODES


class _Addresses:
    """Hands out unique, plausible addresses estate by estate, building by building."""

    def __init__(self, gen: _Generator, estates: Sequence[str]) -> None:
        self._gen = gen
        self._cursors = [self._rooms(estate) for estate in estates]

    def next(self) -> tuple[str, str, str, str]:
        """(estate, building, unit, room) for the next household."""
        return next(self._gen.pick(self._cursors))

    def _rooms(self, estate: str) -> Iterator[tuple[str, str, str, str]]:
        """Walk buildings → units → floors → doors, skipping flats not on the roster."""
        g = self._gen
        building = 0
        while True:
            building += 1
            units = g.randint(1, 4)
            floors = g.pick((6, 7, 11, 18, 26, 32))
            doors = g.randint(2, 4)
            for unit in range(1, units + 1):
                for floor in range(1, floors + 1):
                    for door in range(1, doors + 1):
                        if g.r() >= 0.15:
                            yield (estate, f"{building}栋", f"{unit}单元", f"{floor}{door:02d}")


class _Add(Protocol):
    """Adds a member to the household being built and returns it."""

    def __call__(
        self, age: int, sex: str, relation: str, surname: str | None = None
    ) -> DemoResident: ...


def _other(sex: str) -> str:
    """The opposite sex."""
    return "女" if sex == "男" else "男"


def _single_elderly(g: _Generator, add: _Add, family: str) -> None:
    """One person 65–95, more often a woman (women outlive their spouses)."""
    add(65 + g.triangular(31, 12), "女" if g.r() < 0.62 else "男", "本人")


def _elderly_couple(g: _Generator, add: _Add, family: str) -> None:
    """Two people 60–92 whose children live elsewhere."""
    age = 60 + g.triangular(33, 8)
    sex = "男" if g.r() < 0.75 else "女"
    add(age, sex, "本人")
    add(max(58, min(95, age + g.randint(-5, 3))), _other(sex), "配偶", g.surname())


def _single_adult(g: _Generator, add: _Add, family: str) -> None:
    """One adult of working age, 18–64."""
    add(18 + g.triangular(47, 12), "男" if g.r() < 0.55 else "女", "本人")


def _couple(g: _Generator, add: _Add, family: str) -> None:
    """A couple without children at home: newly-weds, or 45–64 with children moved out."""
    age = 22 + g.triangular(16, 5) if g.r() < 0.5 else 45 + g.triangular(20, 8)
    sex = "男" if g.r() < 0.7 else "女"
    add(age, sex, "本人")
    add(max(20, age + g.randint(-4, 4)), _other(sex), "配偶", g.surname())


def _children(g: _Generator, add: _Add, mother_age: int, count: int, surname: str) -> None:
    """``count`` children born when their mother was 20–40, relation 子/女 to the head."""
    for _ in range(count):
        age = mother_age - g.randint(20, 40)
        if age < 0:
            age = g.randint(0, max(0, mother_age - 20))
        sex = "男" if g.r() < 0.52 else "女"
        add(age, sex, "子" if sex == "男" else "女", surname)


def _parents_and_children(
    g: _Generator, add: _Add, family: str, age: int, head_sex: str, n_children: int
) -> None:
    """Head of ``age`` plus spouse and children; children mostly take the father's surname."""
    add(age, head_sex, "本人")
    spouse_surname = g.surname()
    spouse_age = max(22, age + g.randint(-4, 3))
    add(spouse_age, _other(head_sex), "配偶", spouse_surname)
    father, mother = (family, spouse_surname) if head_sex == "男" else (spouse_surname, family)
    mother_age = spouse_age if head_sex == "男" else age
    _children(g, add, mother_age, n_children, father if g.r() < 0.9 else mother)


def _nuclear(g: _Generator, add: _Add, family: str) -> None:
    """Parents 25–57 with 1–3 children."""
    n_children = 1 if g.r() < 0.6 else (2 if g.r() < 0.85 else 3)
    age = 25 + g.triangular(33, 14)
    _parents_and_children(g, add, family, age, "男" if g.r() < 0.75 else "女", n_children)


def _three_gen(g: _Generator, add: _Add, family: str) -> None:
    """Head 30–57, spouse, 1–2 children and one of the head's parents."""
    age = 30 + g.triangular(28, 12)
    head_sex = "男" if g.r() < 0.8 else "女"
    _parents_and_children(g, add, family, age, head_sex, 1 if g.r() < 0.7 else 2)
    parent_sex = "女" if g.r() < 0.6 else "男"
    parent_surname = family if parent_sex == "男" else g.surname()
    add(min(95, age + g.randint(22, 35)), parent_sex, "父母", parent_surname)


def _skip_gen(g: _Generator, add: _Add, family: str) -> None:
    """Grandparent(s) 52–78 raising 1–2 grandchildren whose parents work elsewhere."""
    age = 52 + g.triangular(27, 10)
    head_sex = "男" if g.r() < 0.5 else "女"
    add(age, head_sex, "本人")
    if g.r() < 0.6:
        add(max(50, age + g.randint(-4, 4)), _other(head_sex), "配偶", g.surname())
    for _ in range(1 if g.r() < 0.7 else 2):
        sex = "男" if g.r() < 0.52 else "女"
        add(g.randint(1, 15), sex, "孙子女", family if g.r() < 0.7 else g.surname())


def _single_parent(g: _Generator, add: _Add, family: str) -> None:
    """One parent 25–50 with 1–2 children."""
    age = 25 + g.triangular(26, 12)
    sex = "女" if g.r() < 0.7 else "男"
    add(age, sex, "本人")
    mother_age = age if sex == "女" else max(20, age - 2)
    _children(g, add, mother_age, 1 if g.r() < 0.75 else 2, family)


def _roommates(g: _Generator, add: _Add, family: str) -> None:
    """2–3 young migrant workers sharing a rented flat."""
    sex = "男" if g.r() < 0.6 else "女"
    add(18 + g.triangular(18, 6), sex, "本人")
    for _ in range(g.randint(1, 2)):
        add(18 + g.triangular(18, 6), sex, "其他", g.surname())


_BUILDERS: dict[str, Callable[[_Generator, _Add, str], None]] = {
    "single_elderly": _single_elderly,
    "elderly_couple": _elderly_couple,
    "single_adult": _single_adult,
    "couple": _couple,
    "nuclear": _nuclear,
    "three_gen": _three_gen,
    "skip_gen": _skip_gen,
    "single_parent": _single_parent,
    "roommates": _roommates,
}


def generate_households(
    rng: random.Random,
    n_households: int,
    estates: list[str],
    *,
    today: dt.date | None = None,
) -> list[DemoHousehold]:
    """Generate ``n_households`` households of 1–5 residents spread over ``estates``.

    Deterministic for a given ``rng`` state and ``today`` (the reference date ages are
    computed against; defaults to the system date — pass one for reproducible output).
    ID numbers are valid, unique within the result and agree with each member's birth
    date and sex; addresses are unique. The head (relation 本人) is always members[0].
    """
    if n_households < 0:
        raise ValueError("n_households must not be negative")
    if not estates:
        raise ValueError("need at least one estate name")
    gen = _Generator(rng, today if today is not None else dt.date.today())
    addresses = _Addresses(gen, estates)
    # Hundreds of thousands of new, acyclic objects trigger repeated full-heap GC
    # passes that find nothing; pausing the collector saves ~15% at 100k residents.
    with gc_paused():
        return [gen.household(addresses.next()) for _ in range(n_households)]
