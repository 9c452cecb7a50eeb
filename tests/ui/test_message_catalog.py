"""The English catalogue of the lower layers' messages keeps up with the code."""

from __future__ import annotations

import string
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gridworker.ui import i18n


def _catalogue() -> dict[str, tuple[str, bool]]:
    """source -> (translation, finished) of the "Messages" context in gridworker_en.ts."""
    out: dict[str, tuple[str, bool]] = {}
    for context in ET.parse(i18n.EN_TS_FILE).getroot().iter("context"):
        if context.findtext("name") != i18n.MESSAGES_CONTEXT:
            continue
        for m in context.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            finished = tr.get("type") not in ("unfinished", "obsolete", "vanished")
            out[m.findtext("source") or ""] = (tr.text or "", finished)
    return out


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


def test_every_message_in_the_code_has_an_english_translation() -> None:
    templates = i18n.message_templates()
    assert len(templates) > 100
    catalogue = _catalogue()
    missing = [f"{t}  ({', '.join(w)})" for t, w in templates.items() if t not in catalogue]
    assert missing == [], "run: uv run python -m gridworker.ui.i18n update\n" + "\n".join(missing)
    unfinished = [t for t in templates if not catalogue[t][1] or not catalogue[t][0]]
    assert unfinished == [], "translate in gridworker_en.ts:\n" + "\n".join(unfinished)
    wrong = [t for t in templates if _fields(t) != _fields(catalogue[t][0])]
    assert wrong == [], "placeholders differ:\n" + "\n".join(wrong)
    stale = sorted(set(catalogue) - set(templates))
    assert stale == [], "no longer in the code (run update):\n" + "\n".join(stale)


def test_the_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "en.qm"
    subprocess.run(
        [i18n._tool("pyside6-lrelease"), str(i18n.EN_TS_FILE), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == i18n.EN_QM_FILE.read_bytes(), (
        "run: uv run python -m gridworker.ui.i18n build"
    )


def test_a_template_that_is_not_a_literal_is_refused(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "ok.py").write_text('from m import msg\nmsg("好的 {x}", x=1)\n', encoding="utf-8")
    assert i18n.message_templates(package) == {"好的 {x}": ["pkg/ok.py:2"]}
    (package / "bad.py").write_text("from m import msg\nt = '坏'\nmsg(t)\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.py:3"):
        i18n.message_templates(package)
