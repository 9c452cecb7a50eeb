"""Controlled vocabularies for residents and households, with spreadsheet synonyms.

Rosters arrive with every office's own wording ("户主", "儿子", "低保户", "汉"). The app
stores one canonical spelling per concept so that filters, statistics and the care
policy match reliably; the ``norm_*`` functions map the common variants and raise
:class:`VocabError` for anything they do not recognise rather than guessing.
"""

from __future__ import annotations

import re

from gridworker.core.messages import joined, msg, term
from gridworker.core.textnorm import norm

__all__ = [
    "ENGLISH",
    "ETHNICITIES",
    "HOUSE_USES",
    "POPULATION_TYPES",
    "RELATIONS",
    "RELATION_CHOICES",
    "RELATION_DETAILS",
    "SENSITIVE_TAGS",
    "SEXES",
    "SPECIAL_TAGS",
    "STATUSES",
    "VOCABULARIES",
    "VocabError",
    "english_name",
    "format_tags",
    "is_sensitive_tag",
    "norm_ethnicity",
    "norm_house_use",
    "norm_population_type",
    "norm_relation",
    "norm_status",
    "parse_tags",
    "public_tags",
    "relation_category",
]


class VocabError(ValueError):
    """A value outside a controlled vocabulary; ``str(err)`` is the Chinese message."""

    def __init__(self, message: str, field: str, value: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value

    def __str__(self) -> str:
        return self.message


# --------------------------------------------------------------------------- relations

RELATIONS: tuple[str, ...] = (
    "本人",
    "配偶",
    "子",
    "女",
    "孙子女",
    "父母",
    "祖父母",
    "兄弟姐妹",
    "其他",
)
"""与户主关系: the nine one-digit categories of GB/T 4761-2008 (codes 0–8), in code order.

A relation is stored as the category or as one of the detailed relations of the
standard's two-digit codes that households name on their 户口簿 (:data:`RELATION_DETAILS`:
儿媳, 女婿, 公公, 外祖母 …), so a daughter-in-law is never shown as 女 (a daughter);
:func:`relation_category` gives the category for statistics and filters (the standard
files 女婿 (28) under 子 and 儿媳 (38) under 女). Words that name no detail of their own
collapse into their category (儿子/长子 → 子, 夫/妻 → 配偶: sex is known from the ID).
Older data holding only categories stays valid: each category is itself a code.
"""

RELATION_DETAILS: dict[str, str] = {
    "女婿": "子",
    "儿媳": "女",
    "孙子": "孙子女",
    "孙女": "孙子女",
    "外孙子": "孙子女",
    "外孙女": "孙子女",
    "孙媳妇": "孙子女",
    "孙女婿": "孙子女",
    "曾孙子": "孙子女",
    "曾孙女": "孙子女",
    "父亲": "父母",
    "母亲": "父母",
    "公公": "父母",
    "婆婆": "父母",
    "岳父": "父母",
    "岳母": "父母",
    "祖父": "祖父母",
    "祖母": "祖父母",
    "外祖父": "祖父母",
    "外祖母": "祖父母",
    "兄": "兄弟姐妹",
    "嫂": "兄弟姐妹",
    "弟": "兄弟姐妹",
    "弟媳": "兄弟姐妹",
    "姐姐": "兄弟姐妹",
    "姐夫": "兄弟姐妹",
    "妹妹": "兄弟姐妹",
    "妹夫": "兄弟姐妹",
    "侄子": "其他",
    "侄女": "其他",
    "外甥": "其他",
    "外甥女": "其他",
    "其他亲属": "其他",
    "非亲属": "其他",
}
"""Detailed relations (GB/T 4761-2008 two-digit entries) → their category."""

RELATION_CHOICES: tuple[str, ...] = tuple(
    word
    for category in RELATIONS
    for word in (category, *(d for d, c in RELATION_DETAILS.items() if c == category))
)
"""Every storable relation, each category followed by its details (the form's list)."""


def relation_category(relation: str | None) -> str | None:
    """The GB/T 4761 category of a stored relation (a category is its own)."""
    if relation is None:
        return None
    return RELATION_DETAILS.get(relation, relation)


_RELATION_SYNONYMS: dict[str, str] = {
    "户主": "本人",
    "本人": "本人",
    "自己": "本人",
    "夫": "配偶",
    "妻": "配偶",
    "丈夫": "配偶",
    "妻子": "配偶",
    "老公": "配偶",
    "老婆": "配偶",
    "夫妻": "配偶",
    "儿子": "子",
    "独生子": "子",
    "长子": "子",
    "次子": "子",
    "三子": "子",
    "四子": "子",
    "五子": "子",
    "养子": "子",
    "继子": "子",
    "养子或继子": "子",
    "其他儿子": "子",
    "女儿": "女",
    "独生女": "女",
    "长女": "女",
    "次女": "女",
    "三女": "女",
    "四女": "女",
    "五女": "女",
    "养女": "女",
    "继女": "女",
    "养女或继女": "女",
    "儿媳妇": "儿媳",
    "其他女儿": "女",
    "外孙": "外孙子",
    "孙辈": "孙子女",
    "孙子孙女": "孙子女",
    "孙媳": "孙媳妇",
    "外孙媳妇": "孙媳妇",
    "外孙女婿": "孙女婿",
    "爸爸": "父亲",
    "妈妈": "母亲",
    "父": "父亲",
    "母": "母亲",
    "丈人": "岳父",
    "丈母娘": "岳母",
    "继父": "父母",
    "继母": "父母",
    "养父": "父母",
    "养母": "父母",
    "爷爷": "祖父",
    "奶奶": "祖母",
    "外公": "外祖父",
    "外婆": "外祖母",
    "姥姥": "外祖母",
    "姥爷": "外祖父",
    "曾祖父": "祖父母",
    "曾祖母": "祖父母",
    "姐": "姐姐",
    "妹": "妹妹",
    "哥哥": "兄",
    "弟弟": "弟",
    "兄弟": "兄弟姐妹",
    "姐妹": "兄弟姐妹",
    "嫂子": "嫂",
    "弟妹": "弟媳",
    "弟媳妇": "弟媳",
    "其它": "其他",
    "亲属": "其他亲属",
    "租户": "非亲属",
    "租客": "非亲属",
    "合租": "非亲属",
    "保姆": "非亲属",
    "叔叔": "其他",
    "阿姨": "其他",
}


def norm_relation(raw: str | None, sex: str | None = None) -> str:
    """Map a 与户主关系 cell to a stored relation: a category of :data:`RELATIONS` or a
    detail of :data:`RELATION_DETAILS`.

    Accepts the stored names, common words (户主, 儿子, 妈妈, 外婆 …) and GB/T 4761
    numeric codes ("0"–"8", "01", "52": read as their category). The sex-neutral "子女"/"孩子" needs ``sex``
    ("男"/"女", known from the ID number) to choose 子 or 女. Raises
    :class:`VocabError` if unrecognised.
    """
    key = norm(raw).replace(" ", "")
    if key in RELATIONS or key in RELATION_DETAILS:
        return key
    if key in _RELATION_SYNONYMS:
        return _RELATION_SYNONYMS[key]
    if key in ("子女", "孩子", "小孩") and sex in ("男", "女"):
        return "子" if sex == "男" else "女"
    if key.isascii() and key.isdigit() and len(key) in (1, 2):
        major = int(key[0]) if len(key) == 2 else int(key)
        return RELATIONS[min(major, 8)]
    raise _unknown("与户主关系", raw, RELATIONS)


# --------------------------------------------------------------- simple vocabularies

POPULATION_TYPES: tuple[str, ...] = ("户籍", "常住", "流动", "境外")
"""人口类型: registered here; living here but registered elsewhere; migrant; foreign/HK/MO/TW."""

_POPULATION_SYNONYMS: dict[str, str] = {
    "户籍人口": "户籍",
    "本地户籍": "户籍",
    "常住人口": "常住",
    "常住非户籍": "常住",
    "人户分离": "常住",
    "流动人口": "流动",
    "暂住": "流动",
    "暂住人口": "流动",
    "外来人口": "流动",
    "境外人员": "境外",
    "境外人口": "境外",
    "外籍": "境外",
    "外籍人员": "境外",
    "外国人": "境外",
    "港澳台": "境外",
    "港澳台居民": "境外",
}

STATUSES: tuple[str, ...] = ("在住", "迁出", "死亡")
"""Resident status; 迁出/死亡 people are kept for history but leave the active lists."""

_STATUS_SYNONYMS: dict[str, str] = {
    "正常": "在住",
    "在册": "在住",
    "居住": "在住",
    "已迁出": "迁出",
    "迁走": "迁出",
    "搬走": "迁出",
    "已搬离": "迁出",
    "注销": "迁出",
    "已故": "死亡",
    "去世": "死亡",
    "已去世": "死亡",
    "过世": "死亡",
    "已死亡": "死亡",
    "亡故": "死亡",
}

HOUSE_USES: tuple[str, ...] = ("自住", "出租", "经营", "空置")
"""房屋用途 of a household's dwelling."""

_HOUSE_USE_SYNONYMS: dict[str, str] = {
    "自用": "自住",
    "居住": "自住",
    "出租房": "出租",
    "租赁": "出租",
    "出租屋": "出租",
    "商铺": "经营",
    "门面": "经营",
    "商用": "经营",
    "经营性": "经营",
    "空房": "空置",
    "闲置": "空置",
    "空关": "空置",
}


def norm_population_type(raw: str | None) -> str:
    """Map a 人口类型 cell to one of :data:`POPULATION_TYPES`."""
    return _lookup("人口类型", raw, POPULATION_TYPES, _POPULATION_SYNONYMS)


def norm_status(raw: str | None) -> str:
    """Map a status cell to one of :data:`STATUSES`."""
    return _lookup("人员状态", raw, STATUSES, _STATUS_SYNONYMS)


def norm_house_use(raw: str | None) -> str:
    """Map a 房屋用途 cell to one of :data:`HOUSE_USES`."""
    return _lookup("房屋用途", raw, HOUSE_USES, _HOUSE_USE_SYNONYMS)


# ------------------------------------------------------------------ special-care tags

SPECIAL_TAGS: tuple[str, ...] = (
    "独居老人",
    "空巢老人",
    "高龄",
    "失能",
    "失智",
    "残疾人",
    "重病",
    "留守儿童",
    "困境儿童",
    "孤儿",
    "低保",
    "特困供养",
    "计生特殊家庭",
    "退役军人",
    "精神障碍患者",
    "社区矫正人员",
    "新就业群体",
    "其他",
)
"""The 18 special-population categories of care-colors.md, one tag each.

"高龄" means 80+. "失能" covers both 失能 and 半失能: the care policy treats them alike
and the formal degree belongs to an ability assessment, not to a tag — and a tag
containing "/" could not round-trip through a spreadsheet cell.
"""

SENSITIVE_TAGS: tuple[str, ...] = (
    "失能",
    "失智",
    "残疾人",
    "重病",
    "留守儿童",
    "困境儿童",
    "孤儿",
    "低保",
    "特困供养",
    "计生特殊家庭",
    "精神障碍患者",
    "社区矫正人员",
)
"""Tags that are sensitive personal information under PIPL Art. 28.

Health (失能, 失智, 残疾人, 重病, 精神障碍患者), specific identities (社区矫正人员,
计生特殊家庭), financial hardship (低保, 特困供养) and the circumstances of minors
(留守儿童, 困境儿童, 孤儿). Never printed on paper left with a household.
"""

_SENSITIVE = frozenset(SENSITIVE_TAGS)

_TAG_SYNONYMS: dict[str, str] = {
    "独居": "独居老人",
    "独居老年人": "独居老人",
    "空巢": "空巢老人",
    "空巢老年人": "空巢老人",
    "空巢家庭": "空巢老人",
    "高龄老人": "高龄",
    "高龄老年人": "高龄",
    "80岁以上": "高龄",
    "80岁以上老人": "高龄",
    "八十岁以上": "高龄",
    "半失能": "失能",
    "失能老人": "失能",
    "半失能老人": "失能",
    "失能人员": "失能",
    "失能半失能": "失能",
    "失智老人": "失智",
    "认知症": "失智",
    "认知障碍": "失智",
    "老年痴呆": "失智",
    "阿尔茨海默病": "失智",
    "残疾": "残疾人",
    "残疾人员": "残疾人",
    "残障": "残疾人",
    "残障人士": "残疾人",
    "持证残疾人": "残疾人",
    "重病患者": "重病",
    "重病人员": "重病",
    "大病": "重病",
    "重大疾病": "重病",
    "事实无人抚养儿童": "困境儿童",
    "低保户": "低保",
    "低保对象": "低保",
    "低保人员": "低保",
    "最低生活保障": "低保",
    "特困": "特困供养",
    "特困人员": "特困供养",
    "特困供养人员": "特困供养",
    "五保": "特困供养",
    "五保户": "特困供养",
    "计划生育特殊家庭": "计生特殊家庭",
    "计生特殊": "计生特殊家庭",
    "失独家庭": "计生特殊家庭",
    "失独": "计生特殊家庭",
    "退伍军人": "退役军人",
    "复员军人": "退役军人",
    "转业军人": "退役军人",
    "精神障碍": "精神障碍患者",
    "严重精神障碍患者": "精神障碍患者",
    "精神病": "精神障碍患者",
    "精神病人": "精神障碍患者",
    "精神病患者": "精神障碍患者",
    "社区矫正": "社区矫正人员",
    "社区矫正对象": "社区矫正人员",
    "矫正人员": "社区矫正人员",
    "社矫": "社区矫正人员",
    "新就业形态劳动者": "新就业群体",
    "外卖骑手": "新就业群体",
    "骑手": "新就业群体",
    "快递员": "新就业群体",
    "网约车司机": "新就业群体",
    "其它": "其他",
}

_TAG_SPLIT_RE = re.compile(r"[,;、/|\s]+")
_QUALIFIER_RE = re.compile(r"\([^()]*\)")


def parse_tags(raw: str | None) -> tuple[list[str], list[str]]:
    """Split a tag cell into canonical tags and the pieces that were not recognised.

    Separators: , ， 、 ; ； / | and whitespace. Bracketed qualifiers are ignored
    ("高龄(80+)" → 高龄, "残疾人（二级）" → 残疾人). Known tags come back deduplicated in
    :data:`SPECIAL_TAGS` order; unknown pieces come back as typed (normalised, minus
    qualifiers), deduplicated, in input order, so an importer can show them instead of
    losing them.
    """
    text = _QUALIFIER_RE.sub("", norm(raw))
    # "失能/半失能" is the category's label, not two tags; protect it from the "/" split.
    text = text.replace("失能/半失能", "失能")
    found: set[str] = set()
    unknown: list[str] = []
    for piece in _TAG_SPLIT_RE.split(text):
        if not piece:
            continue
        tag = _canonical_tag(piece)
        if tag is None:
            if piece not in unknown:
                unknown.append(piece)
        else:
            found.add(tag)
    return [t for t in SPECIAL_TAGS if t in found], unknown


def format_tags(tags: list[str] | tuple[str, ...]) -> str:
    """Join tags for a spreadsheet cell in a form :func:`parse_tags` reads back."""
    return "、".join(tags)


def is_sensitive_tag(tag: str) -> bool:
    """True for tags that must not appear on lists or printouts without need."""
    return tag in _SENSITIVE


def public_tags(tags: list[str] | tuple[str, ...]) -> list[str]:
    """The tags that may be shown on a printout left with a household."""
    return [t for t in tags if t not in _SENSITIVE]


def _canonical_tag(piece: str) -> str | None:
    """Canonical tag for one piece, or None if it is not a known tag or synonym."""
    if piece in SPECIAL_TAGS:
        return piece
    return _TAG_SYNONYMS.get(piece)


# ----------------------------------------------------------------------- ethnicities

ETHNICITIES: tuple[str, ...] = (
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
)
"""The 56 民族 in GB/T 3304 code order (汉族 = 01 … 基诺族 = 56)."""

_ETHNICITY_BY_STEM = {e.removesuffix("族"): e for e in ETHNICITIES}
_ETHNICITY_SYNONYMS: dict[str, str] = {"蒙": "蒙古族", "维": "维吾尔族", "朝": "朝鲜族"}


def norm_ethnicity(raw: str | None) -> str:
    """Map a 民族 cell to one of :data:`ETHNICITIES`: "汉" → "汉族", "蒙族" → "蒙古族".

    Also accepts GB/T 3304 numeric codes ("1", "01" → 汉族).
    """
    key = norm(raw).replace(" ", "")
    stem = key.removesuffix("族")
    if stem in _ETHNICITY_BY_STEM:
        return _ETHNICITY_BY_STEM[stem]
    if stem in _ETHNICITY_SYNONYMS:
        return _ETHNICITY_SYNONYMS[stem]
    if key.isascii() and key.isdigit() and 1 <= int(key) <= len(ETHNICITIES):
        return ETHNICITIES[int(key) - 1]
    raise _unknown("民族", raw, ())


# ------------------------------------------------------------------ English names

SEXES: tuple[str, ...] = ("男", "女")
"""性别 as stored (derived from the ID number when there is one)."""

_ETHNICITIES_EN = (
    "Han", "Mongol", "Hui", "Tibetan", "Uyghur", "Miao", "Yi", "Zhuang", "Bouyei", "Korean",
    "Manchu", "Dong", "Yao", "Bai", "Tujia", "Hani", "Kazakh", "Dai", "Li", "Lisu", "Va",
    "She", "Gaoshan", "Lahu", "Shui", "Dongxiang", "Naxi", "Jingpo", "Kyrgyz", "Tu", "Daur",
    "Mulao", "Qiang", "Blang", "Salar", "Maonan", "Gelao", "Xibe", "Achang", "Pumi", "Tajik",
    "Nu", "Uzbek", "Russian", "Evenki", "De'ang", "Bonan", "Yugur", "Gin", "Tatar", "Derung",
    "Oroqen", "Hezhen", "Monba", "Lhoba", "Jino",
)  # fmt: skip

ENGLISH: dict[str, dict[str, str]] = {
    "sex": {"男": "Male", "女": "Female"},
    "relation": {
        "本人": "Head",
        "配偶": "Spouse",
        "子": "Son",
        "女": "Daughter",
        "孙子女": "Grandchild",
        "父母": "Parent",
        "祖父母": "Grandparent",
        "兄弟姐妹": "Sibling",
        "其他": "Other",
        "女婿": "Son-in-law",
        "儿媳": "Daughter-in-law",
        "孙子": "Grandson",
        "孙女": "Granddaughter",
        "外孙子": "Grandson (daughter's)",
        "外孙女": "Granddaughter (daughter's)",
        "孙媳妇": "Grandson's wife",
        "孙女婿": "Granddaughter's husband",
        "曾孙子": "Great-grandson",
        "曾孙女": "Great-granddaughter",
        "父亲": "Father",
        "母亲": "Mother",
        "公公": "Father-in-law (husband's)",
        "婆婆": "Mother-in-law (husband's)",
        "岳父": "Father-in-law (wife's)",
        "岳母": "Mother-in-law (wife's)",
        "祖父": "Grandfather",
        "祖母": "Grandmother",
        "外祖父": "Grandfather (mother's)",
        "外祖母": "Grandmother (mother's)",
        "兄": "Elder brother",
        "嫂": "Elder brother's wife",
        "弟": "Younger brother",
        "弟媳": "Younger brother's wife",
        "姐姐": "Elder sister",
        "姐夫": "Elder sister's husband",
        "妹妹": "Younger sister",
        "妹夫": "Younger sister's husband",
        "侄子": "Nephew (brother's)",
        "侄女": "Niece (brother's)",
        "外甥": "Nephew (sister's)",
        "外甥女": "Niece (sister's)",
        "其他亲属": "Other relative",
        "非亲属": "Not related",
    },
    "population_type": {
        "户籍": "Registered",
        "常住": "Resident",
        "流动": "Migrant",
        "境外": "Foreign",
    },
    "status": {"在住": "Living here", "迁出": "Moved out", "死亡": "Deceased"},
    "house_use": {
        "自住": "Own home",
        "出租": "Rented out",
        "经营": "Business",
        "空置": "Empty",
    },
    "tags": {
        "独居老人": "Elderly, living alone",
        "空巢老人": "Elderly, empty nest",
        "高龄": "Aged 80+",
        "失能": "Needs daily care",
        "失智": "Dementia",
        "残疾人": "Disability",
        "重病": "Serious illness",
        "留守儿童": "Left-behind child",
        "困境儿童": "Child in hardship",
        "孤儿": "Orphan",
        "低保": "Minimum allowance",
        "特困供养": "Extreme-poverty support",
        "计生特殊家庭": "Lost only child",
        "退役军人": "Veteran",
        "精神障碍患者": "Mental illness",
        "社区矫正人员": "Community correction",
        "新就业群体": "Gig worker",
        "其他": "Other",
    },
    "ethnicity": dict(zip(ETHNICITIES, _ETHNICITIES_EN, strict=True)),
}
"""English names of the stored vocabularies (field → stored value → English), for the
English interface only: the stored values stay Chinese. A test holds each table to its
vocabulary."""

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "sex": SEXES,
    "relation": RELATION_CHOICES,
    "population_type": POPULATION_TYPES,
    "status": STATUSES,
    "house_use": HOUSE_USES,
    "tags": SPECIAL_TAGS,
    "ethnicity": ETHNICITIES,
}
"""Each vocabulary by the field that stores it."""


def english_name(field: str, value: str) -> str | None:
    """The English name of a stored vocabulary value (None if it has none)."""
    return ENGLISH.get(field, {}).get(value)


# --------------------------------------------------------------------------- helpers


def _lookup(field: str, raw: str | None, values: tuple[str, ...], synonyms: dict[str, str]) -> str:
    """Canonical value for ``raw`` from the vocabulary or its synonyms, else VocabError."""
    key = norm(raw).replace(" ", "")
    if key in values:
        return key
    if key in synonyms:
        return synonyms[key]
    raise _unknown(field, raw, values)


# The store's field of each vocabulary (the interface names the field in its language).
_FIELD_KEYS = {
    "与户主关系": "relation",
    "人口类型": "population_type",
    "人员状态": "status",
    "房屋用途": "house_use",
    "民族": "ethnicity",
}


def _unknown(field: str, raw: str | None, values: tuple[str, ...]) -> VocabError:
    """A VocabError listing the allowed values (when short enough to be useful)."""
    shown = norm(raw)
    name = term("field", _FIELD_KEYS.get(field, field), field)
    if not shown:
        return VocabError(msg("{field}为空", field=name), field, "")
    if values:
        return VocabError(
            msg(
                "无法识别的{field}“{shown}”，可填：{allowed}",
                field=name,
                shown=shown,
                allowed=joined(values, msg("、")),
            ),
            field,
            shown,
        )
    return VocabError(msg("无法识别的{field}“{shown}”", field=name, shown=shown), field, shown)
