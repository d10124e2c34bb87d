"""English and German texts, numbers, dates and relative times.

Formatting is done by hand rather than with `locale`, which is process-global and depends on the
locales installed on the machine; the results here are the same everywhere.
"""

from __future__ import annotations

from datetime import date, datetime

from ..base.language import Lang

MESSAGES: dict[str, tuple[str, str]] = {
    # table headers and labels
    "candidate": ("Candidate", "Kandidierende"),
    "candidates": ("Candidates", "Kandidierende"),
    "party": ("Party / backing", "Partei / Unterstützung"),
    "votes": ("Votes", "Stimmen"),
    "share": ("Share", "Anteil"),
    "rank": ("Rank", "Platz"),
    "rank_word": ("rank", "Platz"),
    "votes_word": ("votes", "Stimmen"),
    "outcome": ("Outcome", "Ergebnis"),
    "round": ("Round", "Wahlgang"),
    "date": ("Date", "Datum"),
    "time": ("Time", "Uhrzeit"),
    "status": ("Status", "Status"),
    "eligible": ("Eligible voters", "Wahlberechtigte"),
    "voters": ("Voters", "Wählende"),
    "turnout": ("Turnout", "Wahlbeteiligung"),
    "valid": ("Valid votes", "Gültige Stimmen"),
    "invalid": ("Invalid votes", "Ungültige Stimmen"),
    "event": ("Event", "Termin"),
    "place": ("Place", "Ort"),
    "when": ("When", "Wann"),
    "relative": ("From today", "Von heute aus"),
    "sources": ("Sources", "Quellen"),
    "publisher": ("Publisher", "Herausgeber"),
    "id": ("ID", "ID"),
    "title": ("Title", "Titel"),
    "voting_days": ("Voting day(s)", "Wahltag(e)"),
    "origin": ("Origin", "Herkunft"),
    "overrides": ("Overrides bundled", "Ersetzt mitgelieferte"),
    "age": ("Age", "Alter"),
    "first_round_votes": ("1st round votes", "Stimmen Hauptwahl"),
    "first_round_short": ("1st round", "Hauptwahl"),
    "runoff_short": ("Runoff", "Stichwahl"),
    "percent_short": ("%", "%"),
    "user": ("user file", "eigene Datei"),
    "file": ("File", "Datei"),
    "first_round_derived": ("1st round share derived", "Anteil Hauptwahl abgeleitet"),
    "runoff_derived": ("Runoff share derived", "Anteil Stichwahl abgeleitet"),
    "earlier_elections": ("Earlier elections (for comparison)", "Frühere Wahlen (zum Vergleich)"),
    "results_page": ("The city's results page", "Ergebnisseite der Stadt"),
    "preliminary_result": ("preliminary result", "vorläufiges Ergebnis"),
    "percent_derived_short": ("% (derived)", "% (abgeleitet)"),
    "first_round_share": ("1st round share", "Anteil Hauptwahl"),
    "runoff_votes": ("Runoff votes", "Stimmen Stichwahl"),
    "runoff_share": ("Runoff share", "Anteil Stichwahl"),
    "ballot_position": ("Ballot", "Stimmzettel"),
    "end": ("End", "Ende"),
    "precision": ("Precision", "Genauigkeit"),
    "kind": ("Kind", "Art"),
    "district_no": ("No.", "Nr."),
    "district": ("District", "Stimmbezirk"),
    "leader": ("Leader", "Vorne"),
    "polling": ("polling station", "Wahllokal"),
    "postal": ("postal", "Briefwahl"),
    "districts_counted": (
        "{counted} of {expected} districts counted",
        "{counted} von {expected} Stimmbezirken ausgezählt",
    ),
    "count_label": ("Count", "Auszählung"),
    "districts_counted_short": ("Districts counted", "Stimmbezirke ausgezählt"),
    "districts_expected_short": ("Districts expected", "Stimmbezirke erwartet"),
    "count_time": ("Count as of", "Auszählungsstand"),
    "projected_share": ("Projected share", "Hochgerechneter Anteil"),
    "projected_low": ("Projected from", "Hochgerechnet von"),
    "projected_high": ("Projected to", "Hochgerechnet bis"),
    "projection_method": ("Projection method", "Hochrechnungsverfahren"),
    "count_source": (
        "imported {at} from {source}",
        "importiert {at} aus {source}",
    ),
    "count_outstanding": (
        "{polling} polling-station and {postal} postal districts",
        "{polling} Wahllokal- und {postal} Briefwahlbezirke",
    ),
    "outstanding": ("Outstanding", "Ausstehend"),
    "district_sums": ("District sums", "Summe der Stimmbezirke"),
    "check_failed": ("Check failed", "Prüfung fehlgeschlagen"),
    "count_same": (
        "{valid} valid votes – the same as the round's total",
        "{valid} gültige Stimmen – wie das Gesamtergebnis des Wahlgangs",
    ),
    "count_differs": (
        "{valid} valid votes – {diff} {direction} than the round's total of {total}",
        "{valid} gültige Stimmen – {diff} {direction} als das Gesamtergebnis von {total}",
    ),
    "more": ("more", "mehr"),
    "fewer": ("fewer", "weniger"),
    "count_warning": ("check failed: {text}", "Prüfung fehlgeschlagen: {text}"),
    "no_district_counted": (
        "No district counted yet.",
        "Noch kein Stimmbezirk ausgezählt.",
    ),
    "open": ("counting", "Auszählung läuft"),
    "counting": ("counting", "Auszählung läuft"),
    "race_label": ("Race for the runoff", "Rennen um die Stichwahl"),
    "majority_label": ("Majority", "Mehrheit"),
    "race_second": (
        "2nd place: {a} {n} votes ahead of {b}, {left}: {verdict}",
        "Platz 2: {a} {n} Stimmen vor {b}, {left}: {verdict}",
    ),
    "race_outstanding": (
        "about {n} votes outstanding (estimated)",
        "rund {n} Stimmen ausstehend (geschätzt)",
    ),
    "race_unknown": (
        "postal votes outstanding that cannot be estimated yet",
        "Briefwahlstimmen ausstehend, die sich noch nicht schätzen lassen",
    ),
    "race_open": ("open", "offen"),
    "race_decided": ("decided", "entschieden"),
    "race_majority_certain": (
        "{a} has more than half of the valid votes, whatever the rest brings",
        "{a} hat mehr als die Hälfte der gültigen Stimmen, was auch noch kommt",
    ),
    "race_majority_possible": (
        "{a} can still pass half of the valid votes",
        "{a} kann noch mehr als die Hälfte der gültigen Stimmen erreichen",
    ),
    "race_majority_out_of_reach": (
        "no one can pass half of the valid votes any more: there will be a runoff",
        "niemand kann noch mehr als die Hälfte der gültigen Stimmen erreichen: es gibt eine Stichwahl",
    ),
    "compare_unmatched": (
        "warning: no district of round {n} matches {names}",
        "Warnung: kein Stimmbezirk von Wahlgang {n} passt zu {names}",
    ),
    "compare_needs_districts": (
        "--compare goes with --districts",
        "--compare gehört zu --districts",
    ),
    "sorted_by_surname": (
        "Sorted by surname: no result yet, and no ballot order is sourced.",
        "Nach Nachnamen sortiert: noch kein Ergebnis, und keine Stimmzettelreihenfolge ist belegt.",
    ),
    "window_when": (
        "{start} – {end} (window, derived)",
        "{start} – {end} (Zeitfenster, abgeleitet)",
    ),
    "counting_no_result": (
        "The votes are being counted; no complete result is known yet.",
        "Die Stimmen werden ausgezählt; ein vollständiges Ergebnis ist noch nicht bekannt.",
    ),
    "import_held": (
        "{source}: not imported: {reason}; kept the last good state ({counted} of {expected} districts counted; `import --replace` replaces it on purpose)",
        "{source}: nicht importiert: {reason}; der letzte gute Stand bleibt ({counted} von {expected} Stimmbezirken ausgezählt; `import --replace` ersetzt ihn absichtlich)",
    ),
    "held_day": (
        "the file is for {day}, the last import for {stored}",
        "die Datei gilt für den {day}, der letzte Import für den {stored}",
    ),
    "held_empty": (
        "the file has no districts; the last import had {stored}",
        "die Datei enthält keine Stimmbezirke; der letzte Import hatte {stored}",
    ),
    "held_subset": (
        "the file has {n} of the {stored} districts of the last import",
        "die Datei enthält {n} der {stored} Stimmbezirke des letzten Imports",
    ),
    "held_differ": (
        "the file's districts differ from the last import's ({new} new, {missing} missing)",
        "die Stimmbezirke der Datei weichen vom letzten Import ab ({new} neu, {missing} fehlen)",
    ),
    "held_older": (
        "the file has {n} counted districts, the last import {stored} (no longer counted: {lost})",
        "die Datei hat {n} ausgezählte Stimmbezirke, der letzte Import {stored} (nicht mehr ausgezählt: {lost})",
    ),
    "import_corrected": (
        "corrected figures in districts {numbers}",
        "korrigierte Zahlen in den Stimmbezirken {numbers}",
    ),
    "import_unchanged": (
        "{source}: unchanged since the last import; nothing written",
        "{source}: seit dem letzten Import unverändert; nichts geschrieben",
    ),
    "not_a_file": (
        "{path} is not a regular file (a device or a FIFO): not replaced, not even with --force",
        "{path} ist keine reguläre Datei (ein Gerät oder eine FIFO): nicht ersetzt, auch nicht mit --force",
    ),
    "total_not_total": (
        "{source} is not a total file: it has {n} rows, a municipality's total has one",
        "{source} ist keine Gesamtdatei: sie hat {n} Zeilen, das Gesamtergebnis einer Gemeinde eine",
    ),
    "total_same": (
        "{figure}: districts {districts} = total file {total}",
        "{figure}: Stimmbezirke {districts} = Gesamtdatei {total}",
    ),
    "total_differs": (
        "{figure}: districts {districts}, total file {total} (difference {diff})",
        "{figure}: Stimmbezirke {districts}, Gesamtdatei {total} (Differenz {diff})",
    ),
    "total_summary": (
        "{same} of {n} figures agree with the municipality's total file",
        "{same} von {n} Zahlen stimmen mit der Gesamtdatei der Gemeinde überein",
    ),
    "shell_count_placeholders": (
        "{counted}, {expected} and {leader} change while the votes are counted, and a shell snippet is made once: use `kl-wahl countdown --prompt` for them (e.g. in a starship custom module)",
        "{counted}, {expected} und {leader} ändern sich während der Auszählung, ein Shell-Schnipsel wird einmal erzeugt: dafür `kl-wahl countdown --prompt` verwenden (z. B. als starship-Modul)",
    ),
    "election_created": ("created {path}", "angelegt: {path}"),
    "round_added": ("added round {n} to {path}", "Wahlgang {n} ergänzt in {path}"),
    "store_locked": (
        "another kl-wahl (process {pid}) is writing the results of '{id}'; try again when it has finished",
        "ein anderes kl-wahl (Prozess {pid}) schreibt gerade die Ergebnisse von '{id}'; versuchen Sie es danach erneut",
    ),
    "no_districts": (
        "no district results imported for round {n}; see `kl-wahl import --help`",
        "keine Stimmbezirksergebnisse für Wahlgang {n} importiert; siehe `kl-wahl import --help`",
    ),
    "complete": ("complete", "vollständig"),
    "strongholds": (
        "Strongest and weakest districts (derived)",
        "Hochburgen und schwächste Stimmbezirke (abgeleitet)",
    ),
    "strongest": ("strongest", "am stärksten"),
    "weakest": ("weakest", "am schwächsten"),
    "partial": ("partial", "teilweise"),
    "url": ("URL", "URL"),
    "path": ("Path", "Pfad"),
    "before": ("Before", "Vor"),
    "profile": ("Profile", "Profil"),
    "results": ("Results", "Ergebnisse"),
    "events": ("Events", "Termine"),
    "participants": ("Participants", "Teilnehmende"),
    "first_round": ("First round", "Hauptwahl"),
    "runoff": ("Runoff", "Stichwahl"),
    "notes": ("Notes", "Hinweise"),
    "derived": ("derived", "abgeleitet"),
    "bundled": ("bundled", "mitgeliefert"),
    "yes": ("yes", "ja"),
    "no": ("no", "nein"),
    "date_unknown": ("date unknown", "Datum unbekannt"),
    "before_date": ("before {date}", "vor dem {date}"),
    # outcomes and statuses
    "elected": ("elected", "gewählt"),
    "to_runoff": ("runoff", "Stichwahl"),
    "eliminated": ("eliminated", "ausgeschieden"),
    "lost": ("lost", "unterlegen"),
    "preliminary": ("preliminary", "vorläufig"),
    "official": ("official", "amtlich"),
    # relative times
    "today": ("today", "heute"),
    "and": (" and ", " und "),
    "in_less_than_an_hour": ("less than an hour", "weniger als einer Stunde"),
    "this_month": ("this month", "in diesem Monat"),
    "tomorrow": ("tomorrow", "morgen"),
    "yesterday": ("yesterday", "gestern"),
    "in_days": ("in {n}", "in {n}"),
    "days_ago": ("{n} ago", "vor {n}"),
    "in_months": ("in {n}", "in {n}"),
    "months_ago": ("{n} ago", "vor {n}"),
    "in_years": ("in {n}", "in {n}"),
    "years_ago": ("{n} ago", "vor {n}"),
    # overview and status lines
    "status_upcoming": (
        "Next: {label} on {date} ({relative}).",
        "Als Nächstes: {label} am {date} ({relative}).",
    ),
    "status_today": (
        "{label} is today: polls are open {open}–{close}.",
        "{label} ist heute: Wahllokale geöffnet {open}–{close} Uhr.",
    ),
    "status_done": (
        "The election took place: {winner} won the {round} on {date} with {share}",
        "Die Wahl hat stattgefunden: {winner} gewann die {round} am {date} mit {share}",
    ),
    "candidates_not_yet": (
        "No candidates have been admitted yet; the election committee decides on {date}{derived}.",
        "Noch sind keine Bewerbungen zugelassen; der Wahlausschuss entscheidet am {date}{derived}.",
    ),
    "status_votes": ("({votes} votes)", "({votes} Stimmen)"),
    "status_preliminary": (
        "(preliminary result: no official confirmation is known)",
        "(vorläufiges Ergebnis: eine amtliche Bestätigung ist nicht bekannt)",
    ),
    "in_runoff": ("runoff", "Stichwahl"),
    "in_first_round": ("first round", "Hauptwahl"),
    "status_done_no_result": (
        "The last voting day was {date}; no result is recorded.",
        "Der letzte Wahltag war der {date}; kein Ergebnis erfasst.",
    ),
    "status_no_date": ("No voting day has been set.", "Es ist noch kein Wahltag festgelegt."),
    "hints": ("More:", "Mehr:"),
    "hint_candidates": ("all candidates", "alle Kandidierenden"),
    "hint_results": ("results per round", "Ergebnisse je Wahlgang"),
    "no_rows": ("Nothing recorded yet.", "Noch nichts erfasst."),
    "no_results_yet": ("No results yet.", "Noch keine Ergebnisse."),
    "hint_candidate": ("one candidate's profile", "Profil einer Kandidatin oder eines Kandidaten"),
    "hint_events": ("timeline", "Zeitleiste"),
    "hint_export": ("CSV/JSON/ICS", "CSV/JSON/ICS"),
    "hint_help": ("every command", "alle Befehle"),
    "outgoing": ("Outgoing mayor", "Bisheriger Oberbürgermeister"),
    "previous": ("Previous mayor", "Bisheriger Oberbürgermeister"),
    "mayor_since": ("In office since {date}", "Im Amt seit {date}"),
    "term": ("Term of office", "Amtszeit"),
    "term_new": ("New term of office", "Neue Amtszeit"),
    # countdown
    "countdown_upcoming": ("{label}: {date}, {relative}", "{label}: {date}, {relative}"),
    "countdown_today": (
        "{label}: today, polls close at {close}",
        "{label}: heute, Wahllokale schließen um {close}",
    ),
    "countdown_open_soon": (
        "{label}: today, polls open at {open} and close at {close}",
        "{label}: heute, Wahllokale öffnen um {open} und schließen um {close}",
    ),
    "polls_open_in": (
        "Polls open {open}–{close}; they open in {wait}.",
        "Wahllokale geöffnet {open}–{close} Uhr; sie öffnen in {wait}.",
    ),
    "countdown_past": (
        "{label}: {date}, took place {ago}",
        "{label}: {date}, fand {ago} statt",
    ),
    "countdown_winner": (
        "Result: {winner} won with {share} of the valid votes{status}.",
        "Ergebnis: {winner} gewann mit {share} der gültigen Stimmen{status}.",
    ),
    "next_window": (
        "Next election: no date set; by law it must be held roughly between {start} and {end} (derived).",
        "Nächste Wahl: noch kein Termin; nach der Gemeindeordnung etwa zwischen {start} und {end} (abgeleitet).",
    ),
    "next_window_event": (
        "Next mayoral election: no date set (window {start} – {end}, derived from the end of the term)",
        "Nächste Oberbürgermeisterwahl: noch kein Termin (Zeitraum {start} – {end}, abgeleitet aus dem Ende der Amtszeit)",
    ),
    "next_other": (
        "Next election in the data: {title} ({id}); {when}",
        "Nächste Wahl in den Daten: {title} ({id}); {when}",
    ),
    "countdown_next_none": (
        "No further voting day is known. Add the next election with `kl-wahl data init`.",
        "Kein weiterer Wahltag bekannt. Die nächste Wahl lässt sich mit `kl-wahl data init` anlegen.",
    ),
    # results notes
    "note_runoff_margin": (
        "{a} reached the runoff {n} votes ahead of {b} (derived).",
        "{a} erreichte die Stichwahl mit {n} Stimmen Vorsprung vor {b} (abgeleitet).",
    ),
    "note_no_majority": (
        "No candidate won more than half of the valid votes: {a} and {b} went to the runoff.",
        "Niemand erhielt mehr als die Hälfte der gültigen Stimmen: {a} und {b} kamen in die Stichwahl.",
    ),
    "note_majority": (
        "{a} won an absolute majority in the first round.",
        "{a} erreichte im ersten Wahlgang die absolute Mehrheit.",
    ),
    "preliminary_shares": (
        "Election night (preliminary): {shares}",
        "Wahlabend (vorläufig): {shares}",
    ),
    "shares_derived": (
        "Shares derived from votes / valid votes.",
        "Anteile abgeleitet aus Stimmen / gültigen Stimmen.",
    ),
    # errors (UserError keys)
    "unknown_election": (
        "unknown election '{id}'; known: {known}",
        "unbekannte Wahl '{id}'; bekannt: {known}",
    ),
    "no_elections": (
        "no election data found (are the bundled files missing?)",
        "keine Wahldaten gefunden (fehlen die mitgelieferten Dateien?)",
    ),
    "data_missing": ("--data {path}: no such file", "--data {path}: Datei nicht gefunden"),
    "data_not_file": (
        "--data {path}: not a regular file (a device or a FIFO is never read)",
        "--data {path}: keine reguläre Datei (ein Gerät oder eine FIFO wird nie gelesen)",
    ),
    "data_invalid": ("--data: {problem}", "--data: {problem}"),
    "data_invalid_more": (
        "--data: {problem} (+{n} more; run `kl-wahl data validate {path}`)",
        "--data: {problem} (+{n} weitere; `kl-wahl data validate {path}` zeigt alle)",
    ),
    "ignoring": ("warning: ignoring {problem}", "Warnung: ignoriert: {problem}"),
    "ignoring_more": (
        "warning: ignoring {problem} (+{n} more; run `kl-wahl data validate {path}`)",
        "Warnung: ignoriert: {problem} (+{n} weitere; `kl-wahl data validate {path}` zeigt alle)",
    ),
    "file_exists": (
        "{path} already exists; use --force to overwrite it",
        "{path} existiert bereits; mit --force überschreiben",
    ),
    "is_directory": ("{path} is a directory", "{path} ist ein Verzeichnis"),
    "output_is_dir": (
        "--output {path} names a directory; this export is one file: give a file name",
        "--output {path} ist ein Verzeichnis; dieser Export ist eine Datei: einen Dateinamen angeben",
    ),
    "no_directory": (
        "cannot write {path}: directory {parent} does not exist",
        "kann {path} nicht schreiben: Verzeichnis {parent} existiert nicht",
    ),
    "cannot_write": ("cannot write {path}: {reason}", "kann {path} nicht schreiben: {reason}"),
    "cannot_create": ("cannot create {path}: {reason}", "kann {path} nicht anlegen: {reason}"),
    "not_a_directory": (
        "{path} is not an existing directory",
        "{path} ist kein vorhandenes Verzeichnis",
    ),
    "bad_id": (
        "'{id}' is not a valid id (letters, digits, '-' and '_')",
        "'{id}' ist keine gültige ID (Buchstaben, Ziffern, '-' und '_')",
    ),
    "ics_events_only": (
        "--format ics is only available for events",
        "--format ics gibt es nur für events",
    ),
    "csv_only_options": (
        "--dialect and --raw apply to --format csv only",
        "--dialect und --raw gelten nur für --format csv",
    ),
    "all_csv_needs_dir": (
        "export all --format csv writes one file per dataset: give --output DIR",
        "export all --format csv schreibt eine Datei je Datensatz: --output VERZEICHNIS angeben",
    ),
    "no_ballot_order": (
        "election '{id}' has no sourced ballot order; use --sort result, name or party",
        "Wahl '{id}' hat keine belegte Stimmzettel-Reihenfolge; --sort result, name oder party verwenden",
    ),
    "empty_name": ("give a name (or part of one)", "einen Namen (oder einen Teil davon) angeben"),
    "no_round": ("election '{id}' has no round {n}", "Wahl '{id}' hat keinen Wahlgang {n}"),
    "upcoming_and_past": (
        "--upcoming and --past exclude each other",
        "--upcoming und --past schließen sich aus",
    ),
    "unknown_placeholder": (
        "{option}: unknown placeholder {name}; known: {known}",
        "{option}: unbekannter Platzhalter {name}; bekannt: {known}",
    ),
    "watch_needs_url": ("watch needs an http(s):// URL", "watch braucht eine http(s)://-URL"),
    "watch_interval": (
        "--interval: a number of seconds up to {maximum:g}, at least {minimum:g} for a server that is not this machine",
        "--interval: eine Zahl von Sekunden bis {maximum:g}, mindestens {minimum:g} für einen Server, der nicht dieser Rechner ist",
    ),
    "watch_capped": (
        "the server asks to wait {asked} s; waiting {wait} s (at most 10 minutes)",
        "der Server bittet, {asked} s zu warten; es wird {wait} s gewartet (höchstens 10 Minuten)",
    ),
    "bad_url": (
        "'{url}' is not a usable address: {reason}",
        "'{url}' ist keine brauchbare Adresse: {reason}",
    ),
    "watch_keeping": (
        "(keeping the last good state: {counted} of {expected} districts)",
        "(der letzte gültige Stand bleibt: {counted} von {expected} Stimmbezirken)",
    ),
    "districts_short": ("Districts {counted}/{expected}", "Stimmbezirke {counted}/{expected}"),
    "watch_next": ("next request at {at}", "nächste Abfrage um {at}"),
    "watch_changed": ("last change at {at}", "letzte Änderung um {at}"),
    "watch_runoff": ("runoff: {pair} (preliminary)", "Stichwahl: {pair} (vorläufig)"),
    "watch_change": (
        "{n} districts, {name} {points} points",
        "{n} Stimmbezirke, {name} {points} Prozentpunkte",
    ),
    "watch_elected": ("elected: {name} (preliminary)", "gewählt: {name} (vorläufig)"),
    "watch_cutoff": (
        "2nd place {n} votes ahead of 3rd",
        "Platz 2 liegt {n} Stimmen vor Platz 3",
    ),
    "imported": (
        "imported {id} round {n}: {counted} of {expected} districts counted ({status}, preliminary) -> {path}",
        "importiert {id} Wahlgang {n}: {counted} von {expected} Stimmbezirken ausgezählt ({status}, vorläufig) -> {path}",
    ),
    "shadows_bundled": (
        "'{id}' is a bundled election; a user file of that id would replace it. Choose another id, or use --force",
        "'{id}' ist eine mitgelieferte Wahl; eine eigene Datei mit dieser ID würde sie ersetzen. Eine andere ID wählen oder --force verwenden",
    ),
    "overrides_bundled_warning": (
        "note: {path} replaces the bundled election '{id}'",
        "Hinweis: {path} ersetzt die mitgelieferte Wahl '{id}'",
    ),
    "import_needs_election": (
        "import needs --election ID (an existing id, or a new one to create)",
        "import braucht --election ID (eine vorhandene ID oder eine neue)",
    ),
    "map_share_of": ("Share of {name} per district", "Anteil von {name} je Stimmbezirk"),
    "map_share_legend": ("Share", "Anteil"),
    "map_leader_legend": ("Leading", "Vorn"),
    "map_not_counted": ("not counted yet", "noch nicht ausgezählt"),
    "map_counted": ("counted", "ausgezählt"),
    "map_leader": ("leading: {name}", "vorn: {name}"),
    "map_postal": ("Postal districts (no area)", "Briefwahlbezirke (ohne Fläche)"),
    "map_missing": (
        "warning: no area in {path} for {n} districts: {names}",
        "Warnung: keine Fläche in {path} für {n} Stimmbezirke: {names}",
    ),
    "map_spare": (
        "warning: {n} areas of {path} match no district: {names}",
        "Warnung: {n} Flächen aus {path} passen zu keinem Stimmbezirk: {names}",
    ),
    "map_needs_svg": (
        "--geometry draws a map into the --svg file: give --svg FILE too",
        "--geometry zeichnet eine Karte in die --svg-Datei: auch --svg DATEI angeben",
    ),
    "map_candidate_needs_geometry": (
        "--candidate shades the district map: give --geometry AREAS.geojson too",
        "--candidate stuft die Stimmbezirkskarte ab: auch --geometry FLÄCHEN.geojson angeben",
    ),
    "map_needs_count": (
        "a map needs an imported district count of the round: none for round {n} of {id}",
        "eine Karte braucht eine importierte Auszählung je Stimmbezirk: keine für Wahlgang {n} von {id}",
    ),
    "geo_not_collection": (
        "cannot read {path} as district areas: not a GeoJSON FeatureCollection",
        "{path} lässt sich nicht als Stimmbezirksflächen lesen: keine GeoJSON-FeatureCollection",
    ),
    "geo_not_json": (
        "cannot read {path} as district areas: not JSON text",
        "{path} lässt sich nicht als Stimmbezirksflächen lesen: kein JSON-Text",
    ),
    "geo_too_big": (
        "cannot read {path} as district areas: larger than 50 MB",
        "{path} lässt sich nicht als Stimmbezirksflächen lesen: größer als 50 MB",
    ),
    "geo_too_many_areas": (
        "cannot read {path} as district areas: more than {n} areas, not a map of districts",
        "{path} lässt sich nicht als Stimmbezirksflächen lesen: mehr als {n} Flächen, keine Karte von Stimmbezirken",
    ),
    "geo_too_many_points": (
        "cannot read {path} as district areas: more than {n} points, not a map of districts",
        "{path} lässt sich nicht als Stimmbezirksflächen lesen: mehr als {n} Punkte, keine Karte von Stimmbezirken",
    ),
    "geo_no_polygons": (
        "cannot read {path} as district areas: no Polygon or MultiPolygon areas in the file",
        "{path} lässt sich nicht als Stimmbezirksflächen lesen: keine Polygon- oder MultiPolygon-Flächen",
    ),
    "geo_bad_position": (
        "cannot read {path} as district areas: in area {area} a position is not longitude, latitude in degrees",
        "{path} lässt sich nicht als Stimmbezirksflächen lesen: in Fläche {area} ist eine Position nicht Länge, Breite in Grad",
    ),
    "map_ambiguous": (
        "--candidate '{name}' matches {n} candidates: give more of the name or the id",
        "--candidate '{name}' passt zu {n} Kandidierenden: mehr vom Namen oder die ID angeben",
    ),
    "warning_note": ("warning: {text}", "Warnung: {text}"),
    "warning_prefix": (
        "warning: ",
        "Warnung: ",
    ),
    "verbatim": (
        "{text}",
        "{text}",
    ),
    "larger_than_mb": (
        "larger than {n} MB",
        "größer als {n} MB",
    ),
    "not_regular": (
        "not a regular file",
        "keine reguläre Datei",
    ),
    "not_utf8_text": (
        "not UTF-8 text",
        "kein UTF-8-Text",
    ),
    "stdin_closed": (
        "standard input is closed",
        "die Standardeingabe ist geschlossen",
    ),
    "not_http": (
        "not an http(s) address",
        "keine http(s)-Adresse",
    ),
    "more_bytes": (
        "more than {n} bytes",
        "mehr als {n} Bytes",
    ),
    "too_slow": (
        "the whole file took longer than {n} s",
        "die ganze Datei brauchte länger als {n} s",
    ),
    "closed_early": (
        "the connection closed before the whole file arrived",
        "die Verbindung endete, bevor die ganze Datei ankam",
    ),
    "redirect_off_site": (
        "redirected to {target}, another site: not followed (give that address to read it)",
        "weitergeleitet nach {target}, einer anderen Website: nicht gefolgt (diese Adresse angeben, um sie zu lesen)",
    ),
    "monday": (
        "Monday",
        "Montag",
    ),
    "tuesday": (
        "Tuesday",
        "Dienstag",
    ),
    "wednesday": (
        "Wednesday",
        "Mittwoch",
    ),
    "thursday": (
        "Thursday",
        "Donnerstag",
    ),
    "friday": (
        "Friday",
        "Freitag",
    ),
    "saturday": (
        "Saturday",
        "Samstag",
    ),
    "sunday": (
        "Sunday",
        "Sonntag",
    ),
    "required_key": (
        "required key is missing",
        "Pflichtschlüssel fehlt",
    ),
    "expected_figure": (
        'expected a table like {{ value = …, sources = ["S1"] }}, got {got}',
        'erwartet: eine Tabelle wie {{ value = …, sources = ["S1"] }}, gefunden: {got}',
    ),
    "expected_table": (
        "expected a table, got {got}",
        "erwartet: eine Tabelle, gefunden: {got}",
    ),
    "expected_localized": (
        "expected a string or a table with 'en'/'de', got {got}",
        "erwartet: ein Text oder eine Tabelle mit 'en'/'de', gefunden: {got}",
    ),
    "expected_string": (
        "expected a string, got {got}",
        "erwartet: ein Text, gefunden: {got}",
    ),
    "expected_nonempty": (
        "expected a non-empty string",
        "erwartet: ein nicht leerer Text",
    ),
    "expected_id": (
        "expected an id of letters, digits, '-' or '_', got {got}",
        "erwartet: eine ID aus Buchstaben, Ziffern, '-' oder '_', gefunden: {got}",
    ),
    "expected_url": (
        "expected an http(s) URL, got {got}",
        "erwartet: eine http(s)-URL, gefunden: {got}",
    ),
    "expected_en_de": (
        "expected 'en' and/or 'de' text",
        "erwartet: Text in 'en' und/oder 'de'",
    ),
    "one_language": (
        "no '{missing}' text: the '{shown}' text is shown in both languages",
        "kein '{missing}'-Text: der '{shown}'-Text erscheint in beiden Sprachen",
    ),
    "expected_count": (
        "expected a non-negative integer, got {got}",
        "erwartet: eine ganze Zahl ≥ 0, gefunden: {got}",
    ),
    "expected_colour": (
        "expected a colour like #d60029, got {got}",
        "erwartet: eine Farbe wie #d60029, gefunden: {got}",
    ),
    "expected_percent": (
        "expected a percentage between 0 and 100, got {got}",
        "erwartet: ein Prozentwert zwischen 0 und 100, gefunden: {got}",
    ),
    "expected_flag": (
        "expected true or false, got {got}",
        "erwartet: true oder false, gefunden: {got}",
    ),
    "expected_array_tables": (
        "expected an array of tables, got {got}",
        "erwartet: eine Liste von Tabellen, gefunden: {got}",
    ),
    "expected_array_ids": (
        "expected an array of ids, got {got}",
        "erwartet: eine Liste von IDs, gefunden: {got}",
    ),
    "expected_array_strings": (
        "expected an array of strings, got {got}",
        "erwartet: eine Liste von Texten, gefunden: {got}",
    ),
    "expected_date": (
        "expected a date (YYYY-MM-DD), got {got}",
        "erwartet: ein Datum (JJJJ-MM-TT), gefunden: {got}",
    ),
    "expected_instant": (
        "expected an ISO 8601 date-time (YYYY-MM-DDTHH:MM), got {got}",
        "erwartet: Datum und Uhrzeit nach ISO 8601 (JJJJ-MM-TTTHH:MM), gefunden: {got}",
    ),
    "expected_time": (
        "expected a time of day (HH:MM), got {got}",
        "erwartet: eine Uhrzeit (HH:MM), gefunden: {got}",
    ),
    "expected_month_number": (
        "expected a month 01-12, got {got}",
        "erwartet: ein Monat 01–12, gefunden: {got}",
    ),
    "expected_month": (
        'expected a month like "2031-05", got {got}',
        'erwartet: ein Monat wie "2031-05", gefunden: {got}',
    ),
    "expected_one_of": (
        "expected one of {options}, got {got}",
        "erwartet: einer der Werte {options}, gefunden: {got}",
    ),
    "unknown_key_hint": (
        "unknown key '{name}' is ignored (did you mean '{hint}'?)",
        "unbekannter Schlüssel '{name}' wird ignoriert (meinten Sie '{hint}'?)",
    ),
    "unknown_key": (
        "unknown key '{name}' is ignored",
        "unbekannter Schlüssel '{name}' wird ignoriert",
    ),
    "fact_needs_source": (
        "every fact needs at least one source id",
        "jede Angabe braucht mindestens eine Quellen-ID",
    ),
    "cannot_read_file": (
        "cannot read file: {reason}",
        "Datei nicht lesbar: {reason}",
    ),
    "not_utf8_file": (
        "file is not valid UTF-8",
        "Datei ist kein gültiges UTF-8",
    ),
    "toml_value": (
        "invalid TOML value: {detail}",
        "ungültiger TOML-Wert: {detail}",
    ),
    "toml_deep": (
        "TOML nested too deeply to be read",
        "TOML zu tief verschachtelt",
    ),
    "toml_syntax": (
        "TOML syntax error: {detail}",
        "TOML-Syntaxfehler: {detail}",
    ),
    "toml_syntax_date": (
        "TOML syntax error: {detail}; write dates as YYYY-MM-DD: {iso}",
        "TOML-Syntaxfehler: {detail}; Daten als JJJJ-MM-TT schreiben: {iso}",
    ),
    "toml_key_start": (
        "Invalid initial character for a key part",
        "ungültiges erstes Zeichen eines Schlüssels",
    ),
    "toml_equals": (
        "Expected '=' after a key in a key/value pair",
        "nach einem Schlüssel fehlt '='",
    ),
    "toml_newline": (
        "Expected newline or end of document after a statement",
        "nach einer Anweisung fehlt ein Zeilenende",
    ),
    "toml_unclosed_array": (
        "Unclosed array",
        "nicht geschlossene Liste",
    ),
    "toml_unclosed_table": (
        "Unclosed inline table",
        "nicht geschlossene Inline-Tabelle",
    ),
    "toml_unterminated": (
        "Unterminated string",
        "nicht beendeter Text",
    ),
    "toml_invalid_value": (
        "Invalid value",
        "ungültiger Wert",
    ),
    "toml_invalid_date": (
        "Invalid date or datetime",
        "ungültiges Datum",
    ),
    "toml_overwrite": (
        "Cannot overwrite a value",
        "ein Wert kann nicht überschrieben werden",
    ),
    "toml_statement": (
        "Invalid statement",
        "ungültige Anweisung",
    ),
    "toml_illegal": (
        "Illegal character",
        "unerlaubtes Zeichen",
    ),
    "store_unreadable": ("{path}: cannot read ({reason})", "{path}: nicht lesbar ({reason})"),
    "store_not_import": (
        "{path}: not a kl-wahl import (format '{format}' expected)",
        "{path}: kein kl-wahl-Import (Format '{format}' erwartet)",
    ),
    "store_damaged": (
        "{path}: damaged import ({reason}); import the file again",
        "{path}: beschädigter Import ({reason}); die Datei erneut importieren",
    ),
    "store_counted": (
        "{path}: districts_counted is {stored}, but {n} districts have figures",
        "{path}: districts_counted ist {stored}, aber {n} Stimmbezirke haben Zahlen",
    ),
    "store_unmapped": (
        "{path}: no candidate for {columns}",
        "{path}: keine Person für {columns}",
    ),
    "toml_detail": ("{text} {rest}", "{text} {rest}"),
    "toml_twice": (
        "Cannot declare {what} twice",
        "{what} kann nicht zweimal deklariert werden",
    ),
    "schema_unsupported": (
        "unsupported schema version {version} (this kl-wahl reads {reads})",
        "nicht unterstützte Schema-Version {version} (diese kl-wahl-Version liest {reads})",
    ),
    "unknown_zone": (
        "unknown time zone {zone}",
        "unbekannte Zeitzone {zone}",
    ),
    "results_need_sources": (
        "results need the ids of their sources",
        "Ergebnisse brauchen die IDs ihrer Quellen",
    ),
    "unknown_candidate": (
        "unknown candidate id",
        "unbekannte Kandidaten-ID",
    ),
    "unknown_candidate_id": (
        "unknown candidate id '{id}'",
        "unbekannte Kandidaten-ID '{id}'",
    ),
    "end_before_start": (
        "the end lies before the start",
        "das Ende liegt vor dem Anfang",
    ),
    "window_order": (
        "the window ends before it starts",
        "der Zeitraum endet vor seinem Beginn",
    ),
    "not_sunday": (
        "{date} is a {day}; German elections are held on Sundays",
        "{date} ist ein {day}; Wahlen in Deutschland finden sonntags statt",
    ),
    "shared_ballot_position": (
        "two candidates share a ballot_position",
        "zwei Kandidierende haben dieselbe ballot_position",
    ),
    "neutral_pair": (
        "neutral_title and neutral_until go together",
        "neutral_title und neutral_until gehören zusammen",
    ),
    "unknown_source": (
        "unknown source id '{id}' (not in [[sources]])",
        "unbekannte Quellen-ID '{id}' (nicht in [[sources]])",
    ),
    "rounds_order": (
        "rounds must be listed in order, numbered by date",
        "Wahlgänge müssen nach Datum geordnet und nummeriert sein",
    ),
    "used_times": (
        "{field} '{value}' is used {n} times",
        "{field} '{value}' kommt {n}-mal vor",
    ),
    "polls_order": (
        "polls must close after they open",
        "die Wahllokale müssen nach der Öffnung schließen",
    ),
    "voters_exceed": (
        "{voters} voters exceed {eligible} eligible voters",
        "{voters} Wählende übersteigen {eligible} Wahlberechtigte",
    ),
    "cast_mismatch": (
        "valid {valid} + invalid {invalid} != voters {voters}",
        "gültig {valid} + ungültig {invalid} ≠ Wählende {voters}",
    ),
    "valid_exceed": (
        "{valid} valid votes exceed {voters} voters",
        "{valid} gültige Stimmen übersteigen {voters} Wählende",
    ),
    "votes_exceed": (
        "the votes add up to {total}, more than the {valid} valid votes",
        "die Stimmen ergeben {total}, mehr als die {valid} gültigen Stimmen",
    ),
    "turnout_mismatch": (
        "{published} % does not match {voters} voters / {eligible} eligible = {exact} %",
        "{published} % passt nicht zu {voters} Wählenden / {eligible} Wahlberechtigten = {exact} %",
    ),
    "result_exceeds": (
        "{votes} exceeds {valid} valid votes",
        "{votes} übersteigt {valid} gültige Stimmen",
    ),
    "share_mismatch": (
        "{published} % does not match {votes} / {base} votes = {exact} %",
        "{published} % passt nicht zu {votes} / {base} Stimmen = {exact} %",
    ),
    "shares_sum": (
        "shares add up to {total} %, not 100 %",
        "die Anteile ergeben {total} %, nicht 100 %",
    ),
    "config_unreadable": (
        "{path}: cannot read config ({reason}); using defaults",
        "{path}: Konfiguration nicht lesbar ({reason}); es gelten die Standardwerte",
    ),
    "config_not_utf8": (
        "{path}: config is not valid UTF-8; using defaults",
        "{path}: Konfiguration ist kein gültiges UTF-8; es gelten die Standardwerte",
    ),
    "config_not_toml": (
        "{path}: config is not valid TOML ({reason}); using defaults",
        "{path}: Konfiguration ist kein gültiges TOML ({reason}); es gelten die Standardwerte",
    ),
    "config_unknown_key": (
        "{path}: unknown config key '{key}' is ignored (known: {known})",
        "{path}: unbekannter Konfigurationsschlüssel '{key}' wird ignoriert (bekannt: {known})",
    ),
    "config_not_string": (
        "{path}: {key}: expected a string; ignored",
        "{path}: {key}: erwartet: ein Text; ignoriert",
    ),
    "config_bad_lang": (
        "{path}: lang: expected 'en' or 'de', got '{value}'; ignored",
        "{path}: lang: erwartet 'en' oder 'de', gefunden '{value}'; ignoriert",
    ),
    "config_bad_election": (
        "{path}: election: '{value}' is not an election id; ignored",
        "{path}: election: '{value}' ist keine Wahl-ID; ignoriert",
    ),
    "config_placeholder": (
        "{path}: {key}: unknown placeholder {{{name}}}; ignored",
        "{path}: {key}: unbekannter Platzhalter {{{name}}}; ignoriert",
    ),
    "config_unknown_election": (
        "config election '{id}' is unknown; using the default",
        "Wahl '{id}' aus der Konfiguration ist unbekannt; es gilt die Standardwahl",
    ),
    "where_numbered": (
        "district {number} ({name})",
        "Stimmbezirk {number} ({name})",
    ),
    "where_named": (
        "district {name}",
        "Stimmbezirk {name}",
    ),
    "csv_too_big": (
        "file is larger than {n} MB: not a district file",
        "Datei größer als {n} MB: keine Stimmbezirksdatei",
    ),
    "csv_html": (
        "this is an HTML/XML page, not a CSV file (an error page served as data?)",
        "das ist eine HTML/XML-Seite, keine CSV-Datei (eine als Daten ausgelieferte Fehlerseite?)",
    ),
    "csv_empty": (
        "the file is empty",
        "die Datei ist leer",
    ),
    "csv_rows": (
        "more than {n} rows: not a district file",
        "mehr als {n} Zeilen: keine Stimmbezirksdatei",
    ),
    "csv_unreadable": (
        "not readable as CSV ({detail})",
        "nicht als CSV lesbar ({detail})",
    ),
    "csv_precount": (
        "no candidate columns (D1…Dn) yet: a file published before the count; import it again once the count has begun",
        "noch keine Spalten für Kandidierende (D1…Dn): eine Datei von vor der Auszählung; nach Beginn der Auszählung erneut importieren",
    ),
    "csv_missing": (
        "not an Open Data district file: missing column(s) {columns}",
        "keine Open-Data-Stimmbezirksdatei: es fehlen die Spalten {columns}",
    ),
    "akdb_missing": (
        "not an AKDB result file: missing column(s) {columns}",
        "keine AKDB-Ergebnisdatei: es fehlen die Spalten {columns}",
    ),
    "csv_fields": (
        "line {line}: {n} fields, the header has {header} (file cut off?)",
        "Zeile {line}: {n} Felder, die Kopfzeile hat {header} (Datei abgeschnitten?)",
    ),
    "akdb_fields": (
        "line {line}: {n} fields, the header has {header}",
        "Zeile {line}: {n} Felder, die Kopfzeile hat {header}",
    ),
    "csv_mixed_ags": (
        "line {line}: rows of several municipalities (AGS {ags}, {other}) mixed with district numbers: neither district nor municipality results",
        "Zeile {line}: Zeilen mehrerer Gemeinden (AGS {ags}, {other}) gemischt mit Stimmbezirksnummern: weder Stimmbezirks- noch Gemeindeergebnisse",
    ),
    "akdb_several": (
        "line {line}: rows of several municipalities (AGS {ags}, {other}): a file by municipality (Landkreis level), not district results",
        "Zeile {line}: Zeilen mehrerer Gemeinden (AGS {ags}, {other}): eine Datei je Gemeinde (Landkreisebene), keine Stimmbezirksergebnisse",
    ),
    "akdb_kind": (
        "line {line}: unknown Gebietsart '{kind}'",
        "Zeile {line}: unbekannte Gebietsart '{kind}'",
    ),
    "csv_number_in_ags_file": (
        "line {line}: a district number in a file of municipalities (one AGS a row)",
        "Zeile {line}: eine Stimmbezirksnummer in einer Datei je Gemeinde (ein AGS je Zeile)",
    ),
    "csv_twice": (
        "{where} appears twice",
        "{where} kommt zweimal vor",
    ),
    "csv_ags_twice": (
        "a municipality appears twice (the same AGS in two rows)",
        "eine Gemeinde kommt zweimal vor (derselbe AGS in zwei Zeilen)",
    ),
    "csv_aggregates": (
        "{n} of {of} areas add up several quick reports each (up to {most}): an Ortsteil or Gemeinde level file, not results by district",
        "{n} von {of} Gebieten fassen je mehrere Schnellmeldungen zusammen (bis zu {most}): eine Datei auf Ortsteil- oder Gemeindeebene, keine Ergebnisse je Stimmbezirk",
    ),
    "csv_no_header": (
        "not an Open Data district file: no ';'-separated header",
        "keine Open-Data-Stimmbezirksdatei: keine durch ';' getrennte Kopfzeile",
    ),
    "csv_yes_no": (
        "this is a yes/no vote on a single candidate (E1 yes, E2 no); kl-wahl imports elections between candidates and does not read these yet",
        "das ist eine Ja/Nein-Abstimmung über eine einzige Bewerbung (E1 ja, E2 nein); kl-wahl importiert Wahlen zwischen Bewerbenden und liest diese noch nicht",
    ),
    "csv_two_votes": (
        "this is a two-vote file (E/F columns, e.g. a Bundestag election); kl-wahl imports mayoral elections",
        "das ist eine Datei mit zwei Stimmen (Spalten E/F, z. B. Bundestagswahl); kl-wahl importiert Bürgermeisterwahlen",
    ),
    "csv_referendum": (
        "this is a referendum file (C01… columns); kl-wahl imports mayoral elections",
        "das ist eine Datei eines Bürgerentscheids (Spalten C01…); kl-wahl importiert Bürgermeisterwahlen",
    ),
    "csv_council": (
        "this is a council election file (list columns D1_1, D1_liste…); kl-wahl imports mayoral elections",
        "das ist eine Datei einer Ratswahl (Listenspalten D1_1, D1_liste…); kl-wahl importiert Bürgermeisterwahlen",
    ),
    "csv_date_form": (
        "line {line}: datum '{text}' is not a date like 12.02.2023",
        "Zeile {line}: datum '{text}' ist kein Datum wie 12.02.2023",
    ),
    "csv_date": (
        "line {line}: datum '{text}' is not a date",
        "Zeile {line}: datum '{text}' ist kein Datum",
    ),
    "csv_columns": (
        "{n} columns, more than {most}: not a district file",
        "{n} Spalten, mehr als {most}: keine Stimmbezirksdatei",
    ),
    "csv_doubled": (
        "column {columns} appears more than once",
        "Spalte {columns} kommt mehrfach vor",
    ),
    "csv_not_number": (
        "{where}, column {column}: '{value}' is not a whole number ≥ 0",
        "{where}, Spalte {column}: '{value}' ist keine ganze Zahl ≥ 0",
    ),
    "csv_digits": (
        "{where}, column {column}: a number of {n} digits",
        "{where}, Spalte {column}: eine Zahl mit {n} Ziffern",
    ),
    "csv_cut": (
        "the last line has no line end: the file is cut off",
        "die letzte Zeile hat kein Zeilenende: die Datei ist abgeschnitten",
    ),
    "csv_no_date": (
        "the file has no date",
        "die Datei hat kein Datum",
    ),
    "check_reports": (
        "{where}: anz-schnellmeldungen {received} > max {expected}",
        "{where}: anz-schnellmeldungen {received} größer als max {expected}",
    ),
    "check_cast": (
        "{where}: C + D = {cast}, but B = {voters}",
        "{where}: C + D = {cast}, aber B = {voters}",
    ),
    "check_votes": (
        "{where}: D1…Dn add up to {total}, but D = {valid}",
        "{where}: D1…Dn ergeben {total}, aber D = {valid}",
    ),
    "check_voters": (
        "{where}: B = {voters} voters, more than A = {eligible} eligible",
        "{where}: B = {voters} Wählende, mehr als A = {eligible} Wahlberechtigte",
    ),
    "unnamed_columns": (
        "no name for {columns}: named 'Wahlvorschlag N' (give --map DN=NAME)",
        "kein Name für {columns}: als 'Wahlvorschlag N' benannt (--map DN=NAME angeben)",
    ),
    "projection_label": ("Projection", "Hochrechnung"),
    "projection_share": ("{name} {share} ({low}–{high})", "{name} {share} ({low}–{high})"),
    "projection_line": (
        "not a result: {shares}; {counted}; {level} % interval",
        "kein Ergebnis: {shares}; {counted}; {level}-%-Intervall",
    ),
    "projection_postal": (
        "postal districts projected with the polling stations' relationship: none counted yet",
        "Briefwahlbezirke mit dem Zusammenhang der Urnenwahlbezirke hochgerechnet: noch keiner ausgezählt",
    ),
    "projection_unmatched_named": (
        "not in the first round: {names} (projected as the others)",
        "nicht im ersten Wahlgang: {names} (wie die übrigen hochgerechnet)",
    ),
    "projection_few": (
        "none yet: {counted} districts counted that the first round has, at least {needed} needed",
        "noch keine: {counted} ausgezählte Stimmbezirke mit erstem Wahlgang, mindestens {needed} nötig",
    ),
    "projection_unmatched": (
        "none: fewer than 80 % of the districts are found in the first round",
        "keine: weniger als 80 % der Stimmbezirke finden sich im ersten Wahlgang",
    ),
    "projection_no_first": (
        "none: the first round has no imported district results to project from",
        "keine: der erste Wahlgang hat keine importierten Stimmbezirksergebnisse zum Hochrechnen",
    ),
    "vm_not_presentation": (
        "{source} is not the address of a votemanager presentation (…/<date>/<AGS>/…) nor of a CSV file",
        "{source} ist weder die Adresse einer votemanager-Präsentation (…/<Datum>/<AGS>/…) noch die einer CSV-Datei",
    ),
    "vm_no_open_data": (
        "no open_data.json under {source} (neither daten/opendata/ nor api/praesentation/): give the district CSV's address",
        "keine open_data.json unter {source} (weder daten/opendata/ noch api/praesentation/): die Adresse der Stimmbezirks-CSV angeben",
    ),
    "vm_bad_json": (
        "{source} is not the JSON of a votemanager presentation",
        "{source} ist kein JSON einer votemanager-Präsentation",
    ),
    "vm_off_host": (
        "{source} points to {address}, another host: not fetched (give that address to read it)",
        "{source} verweist auf {address}, einen anderen Server: nicht abgerufen (diese Adresse angeben, um sie zu lesen)",
    ),
    "vm_choose": (
        "{source} has several person elections: {elections}. Choose one with --pick TEXT (a part of its name), or --round 2 for the runoff",
        "{source} enthält mehrere Personenwahlen: {elections}. Eine mit --pick TEXT (ein Teil ihres Namens) wählen oder --round 2 für die Stichwahl",
    ),
    "vm_none": (
        "{source} has no person election with district results: {elections}",
        "{source} enthält keine Personenwahl mit Stimmbezirksergebnissen: {elections}",
    ),
    "vm_no_match": (
        "no person election of {source} matches --pick {pick}: {elections}",
        "keine Personenwahl von {source} passt zu --pick {pick}: {elections}",
    ),
    "pick_needs_presentation": (
        "--pick chooses an election of a votemanager presentation: give the presentation's address (…/<date>/<AGS>/)",
        "--pick wählt eine Wahl einer votemanager-Präsentation: die Adresse der Präsentation angeben (…/<Datum>/<AGS>/)",
    ),
    "vm_found": (
        "votemanager presentation ({schema}): {title}, {level}: {address}",
        "votemanager-Präsentation ({schema}): {title}, {level}: {address}",
    ),
    "vm_names": (
        "names, parties and colours of {n} candidates from the presentation",
        "Namen, Parteien und Farben von {n} Kandidierenden aus der Präsentation",
    ),
    "vm_no_names": (
        "the presentation's result data names no candidates (not yet, or not there): columns go by ballot position, or give --map DN=NAME",
        "die Ergebnisdaten der Präsentation nennen keine Kandidierenden (noch nicht oder gar nicht): Spalten gelten als Stimmzettelplätze, oder --map DN=NAME angeben",
    ),
    "import_refused": (
        "cannot import {source}: {reason}",
        "{source} lässt sich nicht importieren: {reason}",
    ),
    "import_checks_failed": (
        "{n} plausibility check(s) failed (listed above); nothing imported (--strict)",
        "{n} Plausibilitätsprüfung(en) fehlgeschlagen (siehe oben); nichts importiert (--strict)",
    ),
    "bad_map": (
        "--map {value}: expected COLUMN=NAME, e.g. --map D3=kuerwitz",
        "--map {value}: erwartet SPALTE=NAME, z. B. --map D3=kuerwitz",
    ),
    "import_which_round": (
        "the file is from {day}; which round? give --round N (rounds: {rounds})",
        "die Datei ist vom {day}; welcher Wahlgang? --round N angeben (Wahlgänge: {rounds})",
    ),
    "import_no_date": (
        "{source} has no date, and a new election needs one: import the presentation's address (…/20260308/…), or name the file so (…-20260308-….csv), or import into an existing election with --round",
        "{source} enthält kein Datum, eine neue Wahl braucht eines: die Adresse der Präsentation importieren (…/20260308/…), die Datei so benennen (…-20260308-….csv) oder mit --round in eine bestehende Wahl importieren",
    ),
    "import_runoff_columns": (
        "cannot import {source} as a runoff: it has {n} candidate columns, a runoff has two (a placeholder file?)",
        "{source} lässt sich nicht als Stichwahl importieren: die Datei hat {n} Kandidatenspalten, eine Stichwahl zwei (eine Platzhalterdatei?)",
    ),
    "import_runoff_map": (
        "runoff files often renumber the ballot: say which column is which of {names} ({example})",
        "Stichwahldateien nummerieren oft neu: geben Sie an, welche Spalte zu {names} gehört ({example})",
    ),
    "import_unmapped": (
        "no candidate for {columns}: map each with --map DN=NAME (candidates: {ids})",
        "kein Kandidat für {columns}: jeweils mit --map DN=NAME zuordnen (Kandidierende: {ids})",
    ),
    "fetch_failed": ("cannot fetch {url}: {reason}", "{url} lässt sich nicht abrufen: {reason}"),
    "cannot_read": ("cannot read {path}: {reason}", "kann {path} nicht lesen: {reason}"),
    "bad_at": (
        "'{value}' is not a date or date-time (ISO 8601 like 2023-02-10 or 2023-02-12T17:30, or 12.02.2023 / \"12.02.2023 17:30\")",
        "'{value}' ist kein Datum und keine Uhrzeit (z. B. 12.02.2023, \"12.02.2023 17:30\" oder 2023-02-12T17:30)",
    ),
    "chart_svg_only": (
        "--svg {path}: the chart is an SVG file; give a name ending in .svg",
        "--svg {path}: das Diagramm ist eine SVG-Datei; einen Namen mit .svg angeben",
    ),
    "wrote": ("wrote {path}", "geschrieben: {path}"),
    "ics_skipped": (
        "note: {n} event(s) without an exact day left out of the calendar: {names}",
        "Hinweis: {n} Termin(e) ohne genauen Tag nicht im Kalender: {names}",
    ),
    "aborted": ("aborted", "abgebrochen"),
    "interrupted": ("interrupted", "unterbrochen"),
    "validate_missing": ("{path}: no such file", "{path}: Datei nicht gefunden"),
    "validate_invalid": ("{path}: invalid ({n} problem(s))", "{path}: ungültig ({n} Problem(e))"),
    "validate_ok": (
        "{path}: OK – {id}: {candidates} candidates, {rounds} rounds, {events} events, {sources} sources{warnings}",
        "{path}: OK – {id}: {candidates} Kandidierende, {rounds} Wahlgänge, {events} Termine, {sources} Quellen{warnings}",
    ),
    "validate_warnings": (", {n} warning(s)", ", {n} Warnung(en)"),
    "validate_import_ok": (
        "{path}: OK – imported district results",
        "{path}: OK – importierte Stimmbezirksergebnisse",
    ),
    "path_elections": ("elections", "Wahlen"),
    "path_config": ("config", "Konfiguration"),
    "path_cache": ("cache", "Cache"),
    "path_results": ("imports", "Importe"),
    "imports": ("Imports", "Importe"),
    "path_bundled": ("bundled", "Mitgeliefert"),
    "path_not_created": (
        "(not created yet; `kl-wahl data init` creates it)",
        "(noch nicht angelegt; `kl-wahl data init` legt es an)",
    ),
    "init_next": (
        "next: edit it, then `kl-wahl data validate {path}` and `kl-wahl elections`",
        "weiter: bearbeiten, dann `kl-wahl data validate {path}` und `kl-wahl elections`",
    ),
    "bad_env_lang": (
        "warning: KL_WAHL_LANG='{value}' is neither en nor de; ignored",
        "Warnung: KL_WAHL_LANG='{value}' ist weder en noch de; ignoriert",
    ),
    "bad_lang": ("'{value}' is not one of {known}", "'{value}' ist keiner der Werte {known}"),
    "bad_env_now": (
        "{name}='{value}' is not a time in epoch seconds (e.g. {name}=$(date -d 2023-02-10 +%s)); use --at for dates",
        "{name}='{value}' ist keine Zeit in Epochensekunden (z. B. {name}=$(date -d 2023-02-10 +%s)); für Daten --at verwenden",
    ),
    "event_with_prompt": (
        "EVENT cannot be combined with --prompt/--format",
        "EVENT lässt sich nicht mit --prompt/--format kombinieren",
    ),
    "no_event": (
        "no event matches '{query}'; see `kl-wahl events`",
        "kein Termin passt zu '{query}'; siehe `kl-wahl events`",
    ),
    "ambiguous_event": (
        "'{query}' matches {n} events; give the id:",
        "'{query}' passt zu {n} Terminen; bitte die ID angeben:",
    ),
    "no_candidate": ("no candidate matches '{name}'", "niemand passt zu '{name}'"),
    "did_you_mean": ("did you mean: {names}?", "meinten Sie: {names}?"),
    "ambiguous": ("'{name}' matches {n} candidates:", "'{name}' passt zu {n} Kandidierenden:"),
    "refine": (
        "Give more of the name to pick one.",
        "Mehr vom Namen angeben, um eine Person auszuwählen.",
    ),
}


def t(lang: Lang, key: str, /, **values: object) -> str:
    en, de = MESSAGES[key]
    text = de if lang == "de" else en
    return text.format(**values) if values else text


_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
}


def format_date(day: date, lang: Lang, weekday: bool = True) -> str:
    """'Sunday, 12 February 2023' / 'Sonntag, 12. Februar 2023'."""
    month = _MONTHS[lang][day.month - 1]
    core = f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"
    if not weekday:
        return core
    return f"{_WEEKDAYS[lang][day.weekday()]}, {core}"


def format_datetime(moment: datetime, lang: Lang) -> str:
    """'Sunday, 13 September 2020, 19:44' / 'Sonntag, 13. September 2020, 19:44 Uhr' (the
    caller gives the moment in the election's time zone)."""
    clock = f"{moment:%H:%M}" + (" Uhr" if lang == "de" else "")
    return f"{format_date(moment.date(), lang)}, {clock}"


def format_date_short(day: date, lang: Lang) -> str:
    """'Sun, 12 Feb 2023' / 'So., 12. Feb. 2023': for table cells (German abbreviations take
    a full stop)."""
    wd = _WEEKDAYS[lang][day.weekday()][: 2 if lang == "de" else 3] + ("." if lang == "de" else "")
    month = _MONTHS[lang][day.month - 1]
    if lang == "de":
        short = month if len(month) <= 4 else month[:3] + "."
        return f"{wd}, {day.day}. {short} {day.year}"
    return f"{wd}, {day.day} {month[:3]} {day.year}"


def format_month(year: int, month: int, lang: Lang) -> str:
    return f"{_MONTHS[lang][month - 1]} {year}"


def format_month_short(year: int, month: int, lang: Lang) -> str:
    """'Dec 2030' / 'Dez. 2030' (German abbreviations take a full stop, 'Mai' needs none)."""
    name = _MONTHS[lang][month - 1]
    if len(name) > 4:
        name = name[:3] + ("." if lang == "de" else "")
    return f"{name} {year}"


def format_int(value: int | float, lang: Lang) -> str:
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "de" else text


def format_percent(value: float, lang: Lang, digits: int = 2) -> str:
    text = f"{value:.{digits}f} %"
    return text.replace(".", ",") if lang == "de" else text


_UNITS = {
    # unit: (en one, en many, de one, de many (dative, as in "in 3 Tagen" / "vor 3 Tagen"))
    "day": ("day", "days", "Tag", "Tagen"),
    "hour": ("hour", "hours", "Stunde", "Stunden"),
    "month": ("month", "months", "Monat", "Monaten"),
    "year": ("year", "years", "Jahr", "Jahren"),
}


def quantity(n: int, unit: str, lang: Lang) -> str:
    """'1 day', '1,371 days', '1 Tag', '1.371 Tagen'."""
    en_one, en_many, de_one, de_many = _UNITS[unit]
    word = (de_one if n == 1 else de_many) if lang == "de" else (en_one if n == 1 else en_many)
    return f"{format_int(n, lang)} {word}"


def relative_days(days: int, lang: Lang) -> str:
    """A calendar-day distance in words, rounded as people round: 'today', 'in 3 days',
    'in 2 months' (60 days), '4 years ago' (1,371 days). Days up to 45, then months up to
    18 months, then years, each to the nearest whole unit."""
    if days == 0:
        return t(lang, "today")
    if days == 1:
        return t(lang, "tomorrow")
    if days == -1:
        return t(lang, "yesterday")
    n = abs(days)
    if n <= 45:
        unit, count = "day", n
    elif n < 548:
        unit, count = "month", max(1, round(n / 30.44))
    else:
        unit, count = "year", round(n / 365.25)
    key = f"in_{unit}s" if days > 0 else f"{unit}s_ago"
    return t(lang, key, n=quantity(count, unit, lang))


def relative_months(months: int, lang: Lang) -> str:
    """A distance in calendar months (for dates known only to the month)."""
    if months == 0:
        return t(lang, "this_month")
    n = abs(months)
    unit, count = ("month", n) if n < 18 else ("year", round(n / 12))
    key = f"in_{unit}s" if months > 0 else f"{unit}s_ago"
    return t(lang, key, n=quantity(count, unit, lang))
