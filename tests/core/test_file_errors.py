"""OS errors worded for people: the file named, no English from the OS."""

from __future__ import annotations

import errno

from gridworker.core.file_errors import file_problem


def test_each_common_error_names_the_file_in_chinese() -> None:
    cases = {
        errno.EACCES: "没有权限读写 /u/名单.csv",
        errno.EISDIR: "/u/名单.csv 是一个文件夹，不是文件",
        errno.ENOENT: "找不到 /u/名单.csv（文件或所在的文件夹不存在）",
        errno.ENOSPC: "/u 空间不足",
        errno.EROFS: "/u 是只读的（U盘可能打开了写保护）",
    }
    for code, sentence in cases.items():
        assert file_problem(OSError(code, "English words", "/u/名单.csv")) == sentence


def test_the_given_path_wins_over_the_temporary_file_the_os_names() -> None:
    e = PermissionError(errno.EACCES, "Permission denied", "/u/.gw-tmp123.csv")
    assert file_problem(e, "/u/问题行.csv") == "没有权限读写 /u/问题行.csv"


def test_an_unusual_error_keeps_the_os_reason() -> None:
    assert "Too many links" in file_problem(OSError(errno.EMLINK, "Too many links", "/u/a"))
