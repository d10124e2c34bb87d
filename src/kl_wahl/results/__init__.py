"""Official result files: one pure reader per source format (text in, validated snapshot out).

`opendata` reads the votemanager / OK.VOTE "Open Data" CSV. A second source format is a second
module with the same shape (`read(text) -> Snapshot`); fetching and storing live elsewhere
(`fetch.py`, `store.py`), so adding a format touches nothing else.
"""
