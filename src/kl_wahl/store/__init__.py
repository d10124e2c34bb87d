"""Election files on disk: the TOML reader and schema, checks, registry, config, paths,
atomic writes and the prompt snapshot writer.

Imports `base/`, `i18n/` and `core/`.
"""
