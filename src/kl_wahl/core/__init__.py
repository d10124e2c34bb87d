"""The election model and the pure rules on it: standings, timeline, lookup, problems.

No I/O. Imports `base/` and `i18n/` only.
"""
