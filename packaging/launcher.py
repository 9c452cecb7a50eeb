"""Entry point of the frozen app: the same `gridworker` command as in development.

No arguments open the desktop app (first run: set-up); ``--self-test`` checks the copy.
"""

import sys

from gridworker.cli import main

if __name__ == "__main__":
    sys.exit(main())
