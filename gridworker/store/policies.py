"""The rule documents in force: the gas checklist template and the care policy.

The program ships defaults in resources/ (read here, through the one resolver); the
office may later send its own versions. Parsing and checking live in core
(:mod:`gridworker.core.gas_checklist`, :mod:`gridworker.core.care_policy`); this module
only finds the text.
"""

from __future__ import annotations

import json
from pathlib import Path

from gridworker.core.care_policy import CarePolicy, parse_policy
from gridworker.core.gas_checklist import ChecklistError, ChecklistTemplate, parse_checklist
from gridworker.core.messages import msg
from gridworker.resources import read_text, resource_path


def checklist_file() -> Path:
    """The checklist template the program ships."""
    return resource_path("gas", "checklist.json")


def load_checklist(path: Path | None = None) -> ChecklistTemplate:
    """The shipped template, or the file ``path``."""
    p = path or checklist_file()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ChecklistError(
            msg("检查表文件 {file} 不是有效的 JSON（第 {line} 行）。", file=p.name, line=e.lineno)
        ) from e
    return parse_checklist(data)


def shipped_care_policy() -> CarePolicy:
    """The care policy the program ships (defaults from care-colors.md)."""
    return parse_policy(read_text("policies", "care.json"))
