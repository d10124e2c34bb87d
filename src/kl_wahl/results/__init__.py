"""Official result files: one pure reader per source format (text in, validated snapshot out).

`opendata` reads the votemanager / OK.VOTE "Open Data" CSV. A second source format is a second
module with the same shape (`read(text) -> Snapshot`); fetching and storing live elsewhere
(`fetch.py`, `store.py`), so adding a format touches nothing else.
"""


def imported(election_id: str) -> bool:
    """Whether any round of the election has imported results (a stat, no import of the store:
    the views ask on every run, and almost always the answer is no)."""
    from ..store import paths

    return (paths.results_dir() / election_id).is_dir()
