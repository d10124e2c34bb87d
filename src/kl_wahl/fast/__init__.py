"""The fast path: answers that a shell start or a prompt needs, from the cache, in milliseconds.

`countdown --prompt` and `shell-init SHELL` are answered here from what the last full run left in
the cache, importing neither Typer, Rich, a TOML parser nor `json`/`re`/`datetime`. Whatever this
package cannot answer exactly as the full CLI would (an unknown option, a stale cache, a moment
outside the cached span, a value the CLI would refuse) it hands over by returning None. The core
never imports from here; both sides share `optspec` (options and checks) and `promptline` (rules).
"""
