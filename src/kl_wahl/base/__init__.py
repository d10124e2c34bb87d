"""Standard library only: what the prompt's fast path may import.

Records, the language rules, XDG paths, exit codes, the option table, the prompt rules, the
snapshot file format, transliteration, text rules, the clock and output-failure handling. Nothing
here imports another kl_wahl package (a test checks it in a fresh interpreter), so that
`countdown --prompt` never pays for Typer, Rich or the TOML loader.
"""
