"""Exit codes, named once (documented in `kl-wahl --help` and docs/cli.md)."""

OK = 0
FAILURE = 1
"""not found, invalid data, refused write, failed import"""
USAGE = 2
"""a mistyped command, option or value"""
PARTIAL = 3
"""`watch --once`: the results are not complete yet"""
INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT), as shells report it"""
