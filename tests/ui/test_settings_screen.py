"""设置 in a clerk's words: the device as a short fingerprint (the whole id on demand)."""

from __future__ import annotations

import re

from gridworker.ui.main_window import MainWindow
from gridworker.ui.wording import device_fingerprint


def test_the_device_is_shown_as_a_short_fingerprint(window: MainWindow) -> None:
    device = window.identity.device_id
    shown = window.settings_screen.device_label.text()
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}", shown)
    assert shown == device_fingerprint(device) and device not in shown
    assert device in window.settings_screen.device_label.toolTip()
    assert device_fingerprint(device) == device_fingerprint(device)  # stable
    assert device_fingerprint(device) != device_fingerprint(device + "x")
