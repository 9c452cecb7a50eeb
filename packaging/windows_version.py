"""The version resource of GridWorker.exe (Explorer's Properties → Details; installers read it).

Built from the version in pyproject.toml, so the .exe never claims another version than the
app. Chinese (PRC, code page 1200 = UTF-16) strings, since that is who reads them.
"""

from __future__ import annotations

import re
from typing import Any

LANGUAGE_ZH_CN = 0x0804  # Chinese (PRC)
CODEPAGE_UNICODE = 1200


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0); pre-release text after the numbers is dropped (``1.2rc1``)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    if not numbers:
        raise ValueError(f"no version number in {version!r}")
    padded = [*numbers, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_info(version: str, exe_name: str, description: str) -> Any:
    """A PyInstaller ``VSVersionInfo`` for EXE(version=…)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    strings = {
        "CompanyName": "GridWorker",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": "网格员工作台 GridWorker",
        "ProductVersion": version,
    }
    table = f"{LANGUAGE_ZH_CN:04X}{CODEPAGE_UNICODE:04X}"  # "080404B0"
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([StringTable(table, [StringStruct(k, v) for k, v in strings.items()])]),
            VarFileInfo([VarStruct("Translation", [LANGUAGE_ZH_CN, CODEPAGE_UNICODE])]),
        ],
    )
