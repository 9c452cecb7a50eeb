"""Sub-commands of the `gridworker` command, one module per area.

Each module has ``register(subparsers)`` adding its commands; a command's handler takes
the parsed arguments and returns the exit code. Errors are raised as ``CommandError``
(or a StoreError) and printed by cli.py as one sentence on stderr.
"""
