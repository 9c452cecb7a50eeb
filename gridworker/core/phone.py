"""Phone numbers as typed into rosters: mobiles, landlines with area codes, extensions.

A stored phone number must be callable from a Chengdu handset without thought, and two
spellings of the same number must compare equal, so everything is normalised to one
canonical form:

* mobile: 11 digits, "13888888888" (+86 / 0086 / 86 prefixes dropped);
* landline with area code: "028-85123456" (the area code length follows the national
  plan: 010 and 02X are three digits, all other area codes four);
* local number without area code (7–8 digits): "85123456", kept as typed;
* extension: appended as "转123" ("028-85123456转123");
* a foreign number (only with an explicit "+" or "00" prefix other than 86): "+" and
  digits, because 境外 residents keep their home numbers.
"""

from __future__ import annotations

import re
import unicodedata

from gridworker.core.messages import msg

__all__ = ["PhoneError", "is_valid_phone", "mask_phone", "parse_phone"]

_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
_MOBILE_SECOND = frozenset("3456789")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\u30fc"), "-")
_DROP_RE = re.compile(r"[\s()\[\]{}【】〔〕<>\u200b\ufeff]+")
_MULTI_RE = re.compile(r"[,;/、|]|或")
_EXT_RE = re.compile(r"^(.*?)(?:转|分机|ext\.?|x|#)-?(\d{1,6})$", re.IGNORECASE)
_DASH_EXT_RE = re.compile(r"^(.*\d)-(\d{1,6})$")


class PhoneError(ValueError):
    """A phone number that cannot be stored; ``str(err)`` is the Chinese message.

    ``code`` is a stable English identifier: "empty", "multiple", "chars",
    "mobile_length", "mobile_prefix", "landline_length", "landline_local", "length",
    "extension", "international".
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


def parse_phone(raw: str | None) -> str:
    """Normalise and validate one phone number; raise :class:`PhoneError` if invalid.

    Full-width digits, spaces, dashes and brackets are tolerated anywhere; an
    extension may be written "转123", "分机123", "ext123", "#123" or "-123" after a
    landline.
    """
    if (
        raw
        and len(raw) == 11
        and raw[0] == "1"
        and raw[1] in _MOBILE_SECOND
        and raw.isascii()
        and raw.isdigit()
    ):
        return raw  # the usual cell, a plain mobile number: nothing to normalise
    text = unicodedata.normalize("NFKC", raw or "").translate(_DASHES)
    text = _DROP_RE.sub("", text)
    if not text:
        raise PhoneError(msg("联系电话为空"), "empty")
    if _MULTI_RE.search(text):
        raise PhoneError(msg("一个单元格只能填写一个电话号码：{text}", text=text), "multiple")

    main, ext = text, ""
    ext_match = _EXT_RE.match(text)
    if ext_match:
        main, ext = ext_match.group(1), ext_match.group(2)

    if main.startswith("+") or main.startswith("00"):
        return _international(main, ext)

    digits = main.replace("-", "")
    if not digits.isascii() or not digits.isdigit():
        bad = "".join(dict.fromkeys(c for c in digits if not ("0" <= c <= "9")))
        raise PhoneError(msg("电话号码含有无效字符“{bad}”：{text}", bad=bad, text=text), "chars")
    if len(digits) == 13 and digits.startswith("86") and _MOBILE_RE.match(digits[2:]):
        digits = digits[2:]

    try:
        return _classify(digits, ext)
    except PhoneError:
        dash_ext = None if ext else _DASH_EXT_RE.match(main)
        if dash_ext:
            head = dash_ext.group(1).replace("-", "")
            if not head.startswith("1"):
                try:
                    return _classify(head, dash_ext.group(2))
                except PhoneError:
                    pass
        raise


def is_valid_phone(raw: str | None) -> bool:
    """True if :func:`parse_phone` accepts ``raw``."""
    try:
        parse_phone(raw)
    except PhoneError:
        return False
    return True


def mask_phone(p: str | None) -> str:
    """Mask a phone number for lists and printouts left with households.

    * mobile: first 3 and last 4 digits, "138****5678";
    * landline: the area code stays (it only says "Chengdu"); in the local number the
      first digit and last 3 stay and the rest is starred: "028-8****456",
      "0833-2***678"; a local number without area code is masked the same way; an
      extension is kept, as it identifies an office line, not a person;
    * foreign: "+" and two digits, stars, last 4;
    * anything unparseable: a quarter at each end kept, the middle starred.
    """
    try:
        canonical = parse_phone(p)
    except PhoneError:
        return _mask_middle(unicodedata.normalize("NFKC", p or "").strip())
    if _MOBILE_RE.match(canonical):
        return canonical[:3] + "****" + canonical[7:]
    if canonical.startswith("+"):
        return canonical[:3] + "*" * (len(canonical) - 7) + canonical[-4:]
    number, sep, ext = canonical.partition("转")
    area, dash, local = number.rpartition("-")
    masked_local = local[0] + "*" * (len(local) - 4) + local[-3:]
    return f"{area}{dash}{masked_local}{sep}{ext}"


def _classify(digits: str, ext: str) -> str:
    """Validate a digits-only number (prefixes already removed) and format it."""
    suffix = f"转{ext}" if ext else ""
    if digits.startswith("1"):
        if ext:
            raise PhoneError(
                msg("手机号不能带分机号：{digits}转{ext}", digits=digits, ext=ext), "extension"
            )
        if len(digits) != 11:
            raise PhoneError(
                msg("手机号应为11位，实为{length}位：{digits}", length=len(digits), digits=digits),
                "mobile_length",
            )
        if not _MOBILE_RE.match(digits):
            raise PhoneError(
                msg("手机号第二位应为3–9，实为{second}：{digits}", second=digits[1], digits=digits),
                "mobile_prefix",
            )
        return digits
    if digits.startswith("0"):
        area_len = 3 if digits[1:2] in ("1", "2") else 4
        area, local = digits[:area_len], digits[area_len:]
        if not 7 <= len(local) <= 8:
            raise PhoneError(
                msg(
                    "座机号码区号 {area} 后应为7或8位，实为{length}位：{digits}",
                    area=area,
                    length=len(local),
                    digits=digits,
                ),
                "landline_length",
            )
        if local[0] in "01":
            raise PhoneError(
                msg("座机号码区号后不应以 {first} 开头：{digits}", first=local[0], digits=digits),
                "landline_local",
            )
        return f"{area}-{local}{suffix}"
    if 7 <= len(digits) <= 8:
        return digits + suffix
    raise PhoneError(
        msg(
            "电话号码位数不对（实为{length}位）：{digits}；手机号应为11位，座机应带区号或为7–8位",
            length=len(digits),
            digits=digits,
        ),
        "length",
    )


def _international(main: str, ext: str) -> str:
    """Handle "+CC…" / "00CC…": +86 goes back through domestic rules, others kept."""
    digits = main.lstrip("+").replace("-", "")
    if main.startswith("00"):
        digits = digits[2:]
    if not digits.isascii() or not digits.isdigit():
        raise PhoneError(msg("电话号码含有无效字符：{text}", text=main), "chars")
    if digits.startswith("86"):
        national = digits[2:]
        if national[:1] not in ("0", "1"):
            national = "0" + national  # "+86 28 85123456": the trunk 0 is omitted abroad
        return _classify(national, ext)
    if ext or not 7 <= len(digits) <= 15:
        raise PhoneError(msg("境外电话号码格式不对：{text}", text=main), "international")
    return "+" + digits


def _mask_middle(text: str) -> str:
    """Star the middle half of an unrecognised value, keeping a quarter at each end."""
    n = len(text)
    keep = n // 4
    return text[:keep] + "*" * (n - 2 * keep) + text[n - keep :]
