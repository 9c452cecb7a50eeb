"""Whether this installation can keep its data where it means to, checked before first use.

The database lives in the platform's user data folder (``store.db.default_db_path``); an
office laptop locked down by its IT, a full disk or a read-only network home can forbid
writing there. First run asks before anything is created, so the person reads one clear
sentence instead of an error halfway through setting up.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from gridworker.core.file_errors import file_problem
from gridworker.core.messages import Message, msg


def data_folder_problem(db: Path) -> Message | None:
    """Why the database ``db`` cannot be created or written (None if it can).

    Creates the folder if needed and writes (then removes) a small file in it.
    """
    folder = db.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".gridworker-probe-"):
            pass
        if db.exists():
            with db.open("r+b"):
                pass
    except OSError as e:
        return msg(
            "无法在 {folder} 保存数据：{problem}。请让管理电脑的人给这个文件夹写入权限，"
            "或者用环境变量 GRIDWORKER_DB 指定一个可以写入的数据库文件位置。",
            folder=folder,
            problem=file_problem(e, db),
        )
    return None
