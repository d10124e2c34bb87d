"""German help: every command's and option's help text, keyed by its English text.

Typer takes help from docstrings and `help=`; `localize.py` swaps in these texts when the user's
language is German. A test checks that every command and option has an entry, so a new option
cannot ship with English-only help.
"""

from __future__ import annotations

HELP_DE: dict[str, str] = {
    # kl-wahl
    "Election facts for Kaiserslautern's mayoral elections (Oberbürgermeisterwahl): candidates, "
    "results, timelines, countdowns and exports, in English and German.\n\nRun without a command "
    "for an overview of the current election. Global options work before or after the command."
    "\n\nExamples:\n\n\b\n  kl-wahl\n  kl-wahl results --round 1\n  kl-wahl candidate kürwitz\n"
    "  kl-wahl --at 2023-02-10 countdown\n  kl-wahl export results --dialect excel-de -o "
    'ergebnisse.csv\n  eval "$(kl-wahl shell-init bash)"': (
        "Fakten zu den Oberbürgermeisterwahlen in Kaiserslautern: Kandidierende, Ergebnisse, "
        "Termine, Countdowns und Exporte, auf Deutsch und Englisch.\n\nOhne Befehl zeigt "
        "kl-wahl eine Übersicht der aktuellen Wahl. Globale Optionen stehen vor oder nach dem "
        "Befehl.\n\nBeispiele:\n\n\b\n  kl-wahl\n  kl-wahl results --round 1\n"
        "  kl-wahl candidate kürwitz\n  kl-wahl --at 2023-02-10 countdown\n"
        "  kl-wahl export results --dialect excel-de -o ergebnisse.csv\n"
        '  eval "$(kl-wahl shell-init bash)"'
    ),
    "Election id (see `kl-wahl elections`); default: config, else the next or latest election.": (
        "ID der Wahl (siehe `kl-wahl elections`); Standard: Konfiguration, sonst die nächste "
        "oder letzte Wahl."
    ),
    "Extra election file (TOML); repeatable; wins over bundled and user files.": (
        "Zusätzliche Wahldatei (TOML); mehrfach möglich; hat Vorrang vor mitgelieferten und "
        "eigenen Dateien."
    ),
    "Language. Default: $KL_WAHL_LANG, else the config file, else the locale (LANG=de… → "
    "German), else English.  [env var: KL_WAHL_LANG]": (
        "Sprache. Standard: $KL_WAHL_LANG, sonst die Konfiguration, sonst die Locale (LANG=de… "
        "→ Deutsch), sonst Englisch.  [Umgebungsvariable: KL_WAHL_LANG]"
    ),
    "Evaluate 'now' as this moment (ISO 8601 or 12.02.2023; a date alone means 12:00 "
    "Europe/Berlin). Everything shows what was known at that moment.": (
        "„Jetzt“ ist dieser Zeitpunkt (ISO 8601 oder 12.02.2023; ein Datum allein bedeutet 12:00 "
        "Uhr Europe/Berlin). Alles zeigt, was zu diesem Zeitpunkt bekannt war."
    ),
    "No colour on a terminal (bold and links stay); the same as setting $NO_COLOR. Piped output "
    "never has colour.  [env var: NO_COLOR]": (
        "Keine Farben im Terminal (Fettdruck und Links bleiben); wie $NO_COLOR. Umgeleitete "
        "Ausgabe hat nie Farben.  [Umgebungsvariable: NO_COLOR]"
    ),
    "Print the version and exit.": "Version ausgeben und beenden.",
    "Exit codes: 0 success · 1 failure (not found, invalid data, refused write, output closed) · "
    "2 usage error · 130 interrupted (Ctrl-C).": (
        "Exit-Codes: 0 Erfolg · 1 Fehler (nicht gefunden, ungültige Daten, Schreiben abgelehnt, "
        "Ausgabe geschlossen) · 2 Aufruffehler · 130 abgebrochen (Strg-C)."
    ),
    "Install completion for the current shell.": (
        "Tab-Vervollständigung für die aktuelle Shell einrichten."
    ),
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Tab-Vervollständigung für die aktuelle Shell zeigen, zum Kopieren oder Anpassen."
    ),
    "Show this message and exit.": "Diese Hilfe zeigen und beenden.",
    # elections
    "List every known election: id, title, voting days, origin, overrides.\n\nBundled elections "
    "come with kl-wahl; user files live in the directory shown by\n`kl-wahl data path`. Example:"
    "\n\n\b\n  kl-wahl elections --format json": (
        "Alle bekannten Wahlen: ID, Titel, Wahltage, Herkunft, Überschreibungen.\n\n"
        "Mitgelieferte Wahlen kommen mit kl-wahl; eigene Dateien liegen im Verzeichnis, das\n"
        "`kl-wahl data path` zeigt. Beispiel:\n\n\b\n  kl-wahl elections --format json"
    ),
    "Output: table for people; json, csv or tsv for scripts (documented keys).": (
        "Ausgabe: table für Menschen; json, csv oder tsv für Skripte (dokumentierte Schlüssel)."
    ),
    # candidates
    "All candidates with party/backing, votes and shares in each round, and outcome.\n\n"
    "Examples:\n\n\b\n  kl-wahl candidates\n  kl-wahl candidates --sort name\n"
    "  kl-wahl candidates --format csv > candidates.csv": (
        "Alle Kandidierenden mit Partei/Unterstützung, Stimmen und Anteilen je Wahlgang und "
        "Ergebnis.\n\nBeispiele:\n\n\b\n  kl-wahl candidates\n  kl-wahl candidates --sort name\n"
        "  kl-wahl candidates --format csv > kandidierende.csv"
    ),
    "Order: result (first round, default), name, party, or ballot (only where the data has a "
    "sourced ballot order).": (
        "Reihenfolge: result (Hauptwahl, Standard), name, party oder ballot (nur wenn die Daten "
        "eine belegte Stimmzettel-Reihenfolge haben)."
    ),
    # candidate
    "Profile of one candidate: party, facts, results per round, events, sources.\n\nExamples:\n"
    "\n\b\n  kl-wahl candidate kimmel\n  kl-wahl candidate kuerwitz\n"
    "  kl-wahl candidate welsch-schied --format json": (
        "Profil einer Kandidatin oder eines Kandidaten: Partei, Fakten, Ergebnisse je Wahlgang, "
        "Termine, Quellen; auch der scheidende Oberbürgermeister.\n\nBeispiele:\n\n\b\n"
        "  kl-wahl candidate kimmel\n  kl-wahl candidate kuerwitz\n"
        "  kl-wahl candidate welsch-schied --format json"
    ),
    "Any part of the name; case, accents and ü=ue etc. are ignored.": (
        "Ein beliebiger Teil des Namens; Groß-/Kleinschreibung, Akzente und ü=ue usw. zählen nicht."
    ),
    "table or json.": "table oder json.",
    # results
    "Results per round: turnout, votes, shares with bars, who won or went to the runoff.\n\n"
    "Examples:\n\n\b\n  kl-wahl results\n  kl-wahl results --round 1 --format json\n"
    "  kl-wahl results --svg results.svg\n  kl-wahl results --districts --round 1 --format csv\n"
    "  kl-wahl results --districts --round 2 --compare 1\n"
    "  kl-wahl results --svg map.svg --geometry stimmbezirke.geojson --candidate kimmel": (
        "Ergebnisse je Wahlgang: Wahlbeteiligung, Stimmen, Anteile mit Balken, wer gewann oder in "
        "die Stichwahl kam.\n\nBeispiele:\n\n\b\n  kl-wahl results\n"
        "  kl-wahl results --round 1 --format json\n  kl-wahl results --svg ergebnisse.svg\n"
        "  kl-wahl results --districts --round 1 --format csv\n"
        "  kl-wahl results --districts --round 2 --compare 1\n"
        "  kl-wahl results --svg karte.svg --geometry stimmbezirke.geojson --candidate kimmel"
    ),
    "With --svg: draw a map of the districts instead of the chart, from the district areas in "
    "this GeoJSON file (matched by name or number).": (
        "Mit --svg: statt des Diagramms eine Karte der Stimmbezirke zeichnen, aus den Flächen "
        "dieser GeoJSON-Datei (zugeordnet nach Name oder Nummer)."
    ),
    "With --geometry: shade each district by this candidate's share instead of colouring it by "
    "its leader.": (
        "Mit --geometry: jeden Stimmbezirk nach dem Anteil dieser Person abstufen statt ihn in "
        "der Farbe der Vorderen zu färben."
    ),
    "Which round: 1, 2 or all.": "Welcher Wahlgang: 1, 2 oder all.",
    "Also save a chart of the results (bars, shares, votes, status, sources) as a "
    "self-contained SVG file.": (
        "Zusätzlich ein Diagramm der Ergebnisse (Balken, Anteile, Stimmen, Status, Quellen) als "
        "eigenständige SVG-Datei speichern."
    ),
    "Overwrite the --svg file if it exists.": "Eine vorhandene --svg-Datei überschreiben.",
    "Rewrite this SVG file after every change (atomically): the chart, or with --geometry the "
    "district map; for a newsroom page that shows the file.": (
        "Diese SVG-Datei nach jeder Änderung neu schreiben (atomar): das Diagramm, mit "
        "--geometry die Stimmbezirkskarte; für eine Redaktionsseite, die die Datei zeigt."
    ),
    "Overwrite the --svg file if it exists at the start.": (
        "Eine beim Start vorhandene --svg-Datei überschreiben."
    ),
    "One row per district from an imported result file (see `kl-wahl import`).": (
        "Eine Zeile je Stimmbezirk aus einer importierten Ergebnisdatei (siehe `kl-wahl import`)."
    ),
    # events
    "Timeline of the election: dates, times, places, relative time; the next event highlighted."
    "\n\nExamples:\n\n\b\n  kl-wahl events\n  kl-wahl events --upcoming\n  kl-wahl events --long"
    "\n  kl-wahl --at 2023-02-01 events\n  kl-wahl events --format csv": (
        "Zeitleiste der Wahl: Daten, Uhrzeiten, Orte, Abstand zu heute; der nächste Termin ist "
        "hervorgehoben.\n\nBeispiele:\n\n\b\n  kl-wahl events\n  kl-wahl events --upcoming\n"
        "  kl-wahl events --long\n  kl-wahl --at 2023-02-01 events\n  kl-wahl events --format csv"
    ),
    "Only events still ahead.": "Nur Termine, die noch bevorstehen.",
    "Only events that are over.": "Nur vergangene Termine.",
    "Show each event's note (moderators, votes, …).": (
        "Zu jedem Termin die Anmerkung zeigen (Moderation, Abstimmungen, …)."
    ),
    # countdown
    "How long until the next voting day (or EVENT); after the election, what happened and when."
    "\n\nExamples:\n\n\b\n  kl-wahl countdown\n  kl-wahl --at 2023-02-10 countdown\n  kl-wahl "
    'countdown --prompt --format "OB {days}d"\n  kl-wahl countdown podium-swr': (
        "Wie lange bis zum nächsten Wahltag (oder bis TERMIN); nach der Wahl, was wann geschah."
        "\n\nBeispiele:\n\n\b\n  kl-wahl countdown\n  kl-wahl --at 2023-02-10 countdown\n"
        '  kl-wahl countdown --prompt --format "OB {days}d"\n  kl-wahl countdown podium-swr'
    ),
    "Another event, by id (see `kl-wahl events --format json`) or part of its title.": (
        "Ein anderer Termin, per ID (siehe `kl-wahl events --format json`) oder Teil des Titels."
    ),
    "One short plain line for shell prompts; nothing once all voting days are past. Honours "
    "$KL_WAHL_NOW (epoch seconds) like the shell snippets.": (
        "Eine kurze Zeile für den Shell-Prompt; nichts mehr, wenn alle Wahltage vorbei sind. "
        "Beachtet $KL_WAHL_NOW (Epochensekunden) wie die Shell-Snippets."
    ),
    "Prompt template with {label} (short name), {days} (calendar days until the voting day; 0 on "
    "the day), {hours} (whole hours until the polls open), {minutes} (the minutes after those "
    "hours, 0-59), {total_minutes} (all minutes until the polls open), {date} (ISO date), "
    "{next_year} (the year by which the next election must be held, derived; empty when unknown),"
    " {counted}/{expected} and {leader} (surname) of the latest imported count (countdown only)."
    " For countdown it implies --prompt.": (
        "Prompt-Vorlage mit {label} (Kurzname), {days} (Kalendertage bis zum Wahltag; 0 am Tag), "
        "{hours} (volle Stunden bis zur Öffnung der Wahllokale), {minutes} (die Minuten nach "
        "diesen Stunden, 0–59), {total_minutes} (alle Minuten bis zur Öffnung), {date} "
        "(ISO-Datum), {next_year} (das Jahr, bis zu dem die nächste Wahl stattfinden muss, "
        "abgeleitet; leer, wenn unbekannt), {counted}/{expected} und {leader} (Nachname) der "
        "letzten importierten Auszählung (nur countdown). Bei countdown schließt sie --prompt ein."
    ),
    "Template once every voting day is past (default: print nothing); {days} counts the days "
    "since the last voting day; e.g. 'OB-Wahl ~{next_year}'.": (
        "Vorlage, wenn alle Wahltage vorbei sind (Standard: nichts ausgeben); {days} zählt die "
        "Tage seit dem letzten Wahltag; z. B. 'OB-Wahl ~{next_year}'."
    ),
    # shell-init
    "Print a snippet that shows the countdown in your prompt, with no process per prompt.\n\n"
    "It defines kl_wahl_prompt (prints what `countdown --prompt` prints) and keeps "
    "$KL_WAHL_PROMPT\nup to date before each prompt. The snippet is cached, so a new shell pays "
    "only for a quick\ncheck. See the README for zsh, fish and starship.\n\nExamples:\n\n\b\n"
    '  eval "$(kl-wahl shell-init bash)"      # ~/.bashrc\n  eval "$(kl-wahl shell-init zsh)"'
    "       # ~/.zshrc\n  kl-wahl shell-init fish | source       # ~/.config/fish/config.fish\n"
    "  PS1='${KL_WAHL_PROMPT:+[$KL_WAHL_PROMPT] }\\w \\$ '": (
        "Ein Snippet ausgeben, das den Countdown im Prompt zeigt, ohne Prozess je Prompt.\n\n"
        "Es definiert kl_wahl_prompt (gibt aus, was `countdown --prompt` ausgibt) und hält\n"
        "$KL_WAHL_PROMPT vor jedem Prompt aktuell. Das Snippet wird zwischengespeichert; eine\n"
        "neue Shell zahlt nur für eine kurze Prüfung. Zu zsh, fish und starship: README.\n\n"
        'Beispiele:\n\n\b\n  eval "$(kl-wahl shell-init bash)"      # ~/.bashrc\n'
        '  eval "$(kl-wahl shell-init zsh)"       # ~/.zshrc\n'
        "  kl-wahl shell-init fish | source       # ~/.config/fish/config.fish\n"
        "  PS1='${KL_WAHL_PROMPT:+[$KL_WAHL_PROMPT] }\\w \\$ '"
    ),
    "bash, zsh or fish.": "bash, zsh oder fish.",
    # export
    "Export data for scripts, spreadsheets and calendars; files are written atomically and\n"
    "never overwritten without --force.\n\nExamples:\n\n\b\n"
    "  kl-wahl export results --dialect excel-de -o ergebnisse.csv\n"
    "  kl-wahl export events --format ics -o ob.ics\n"
    "  kl-wahl export all --format json -o ob-2023.json\n  kl-wahl export all -o exports/": (
        "Daten für Skripte, Tabellenkalkulationen und Kalender exportieren; Dateien werden\n"
        "atomar geschrieben und ohne --force nie überschrieben.\n\nBeispiele:\n\n\b\n"
        "  kl-wahl export results --dialect excel-de -o ergebnisse.csv\n"
        "  kl-wahl export events --format ics -o ob.ics\n"
        "  kl-wahl export all --format json -o ob-2023.json\n  kl-wahl export all -o exporte/"
    ),
    "candidates, results, events, sources, districts (imported district results of the latest "
    "round that has them), or all.": (
        "candidates, results, events, sources, districts (importierte Stimmbezirksergebnisse des "
        "letzten Wahlgangs, der welche hat) oder all."
    ),
    "csv (default), json, or ics (events only).": "csv (Standard), json oder ics (nur events).",
    "File to write, - for stdout (default). With `all` and csv: a directory.": (
        "Zieldatei, - für die Standardausgabe (Standard). Bei `all` und csv: ein Verzeichnis."
    ),
    "CSV flavour: unix (',' and LF, default), rfc4180 (',' and CRLF) or excel-de (';', decimal "
    "comma, UTF-8 BOM, CRLF, German headers, booleans 1/0) for German spreadsheets.": (
        "CSV-Variante: unix (',' und LF, Standard), rfc4180 (',' und CRLF) oder excel-de (';', "
        "Dezimalkomma, UTF-8-BOM, CRLF, deutsche Spaltennamen, Wahrheitswerte als 1/0) für "
        "deutsche Tabellenkalkulationen."
    ),
    "Do not neutralise cells that a spreadsheet would run as formulas.": (
        "Zellen nicht entschärfen, die eine Tabellenkalkulation als Formel ausführen würde."
    ),
    "Overwrite existing files.": "Vorhandene Dateien überschreiben.",
    # import
    "Import an official district result file (votemanager / OK.VOTE Open Data, AKDB 2026).\n\n"
    "--election ID (required) names the election; an id that does not exist yet creates a user\n"
    "election from the file. Given a votemanager presentation's address, kl-wahl finds its\n"
    "open_data.json, the district-level file of the person election of that date (--pick TEXT\n"
    "where there are several, --round 2 for the runoff), the candidates' names, parties and\n"
    "colours from the presentation's own result data, and its total file to check the sums\n"
    "against; every request goes to the host you gave.\n\n"
    "The election file you wrote is never changed: the districts are stored as a generated file\n"
    "in the user data directory (the previous import of the round is archived). A file less complete than the last import of the round (other districts, fewer\n"
    "counted, a cut or header-only file) is held: nothing is replaced unless you give --replace.\n"
    "Exit 1 when the file is refused or held; nothing is written then.\n\nExamples:\n\n\b\n"
    "  kl-wahl import Open-Data-Wahlbezirk.csv -e ob-2031 --map D1=kimmel --map D2=pfeiffer\n"
    "  kl-wahl import https://wahlen.example.de/Open-Data.csv -e ob-2031 -r 2\n"
    '  kl-wahl import districts.csv -e wi-2025 --title "OB-Stichwahl Wiesbaden 2025" \\\n'
    '      --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"\n'
    "  kl-wahl import Open-Data-Stimmbezirk.csv -e vst-2020 --total Open-Data-Gemeinde.csv\n"
    "  kl-wahl import https://votemanager.example.de/20210912/03254000/ -e lr-hi --pick Landrat": (
        "Eine amtliche Ergebnisdatei je Stimmbezirk importieren (votemanager / OK.VOTE Open Data, "
        "AKDB 2026).\n\n--election ID (erforderlich) nennt die Wahl; eine ID, die es noch "
        "nicht gibt, legt\neine eigene Wahl aus der Datei an. Mit der Adresse einer "
        "votemanager-Präsentation findet kl-wahl\ndie open_data.json, die Datei je Stimmbezirk "
        "der Personenwahl dieses Tages (--pick TEXT,\nwo es mehrere gibt, --round 2 für die "
        "Stichwahl), Namen, Parteien und Farben der\nKandidierenden aus den eigenen "
        "Ergebnisdaten der Präsentation und ihre Gesamtdatei, gegen\ndie die Summen geprüft "
        "werden; jede Anfrage geht an den angegebenen Server.\n\nDie eigene Wahldatei bleibt "
        "unverändert: die Stimmbezirke\nwerden als erzeugte Datei im Benutzerdatenverzeichnis "
        "gespeichert (der vorige Import des\nWahlgangs wird archiviert). Eine Datei, die weniger "
        "vollständig ist als der letzte Import\ndes Wahlgangs (andere Stimmbezirke, weniger "
        "ausgezählt, abgeschnitten oder nur Kopfzeile),\nwird zurückgehalten: nichts wird ersetzt, "
        "außer mit --replace.\nExit 1, wenn die Datei abgelehnt oder zurückgehalten wird; dann "
        "wird nichts geschrieben.\n\nBeispiele:\n\n\b\n"
        "  kl-wahl import Open-Data-Wahlbezirk.csv -e ob-2031 --map D1=kimmel --map D2=pfeiffer\n"
        "  kl-wahl import https://wahlen.example.de/Open-Data.csv -e ob-2031 -r 2\n"
        '  kl-wahl import bezirke.csv -e wi-2025 --title "OB-Stichwahl Wiesbaden 2025" \\\n'
        '      --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"\n'
        "  kl-wahl import Open-Data-Stimmbezirk.csv -e vst-2020 --total Open-Data-Gemeinde.csv\n"
        "  kl-wahl import https://votemanager.example.de/20210912/03254000/ -e lr-hi --pick Landrat"
    ),
    "A file, - for stdin, an http(s):// URL of a CSV file, or the address of a votemanager "
    "result presentation (…/<date>/<AGS>/…).": (
        "Eine Datei, - für die Standardeingabe, die http(s)://-URL einer CSV-Datei oder die "
        "Adresse einer votemanager-Ergebnispräsentation (…/<Datum>/<AGS>/…)."
    ),
    "With a presentation's address: the election whose name contains TEXT, where the date has "
    "several person elections (e.g. --pick Landrat).": (
        "Mit der Adresse einer Präsentation: die Wahl, deren Name TEXT enthält, wo es an dem Tag "
        "mehrere Personenwahlen gibt (z. B. --pick Landrat)."
    ),
    "Round (default: the one on the file's date).": (
        "Wahlgang (Standard: der am Datum der Datei)."
    ),
    "Map a vote column to a candidate (id or name, found as `candidate NAME` finds them), e.g. "
    "--map D3=kuerwitz; for a new election the candidate's name. Repeatable.": (
        "Eine Stimmenspalte einer Person zuordnen (ID oder Name, gefunden wie bei `candidate "
        "NAME`), z. B. --map D3=kuerwitz; bei einer neuen Wahl der Name. Mehrfach möglich."
    ),
    "Title of a new election.": "Titel einer neuen Wahl.",
    "Store the file even where it is less complete than the last import (other districts, fewer "
    "counted, another date): on purpose only.": (
        "Die Datei auch dann speichern, wenn sie weniger vollständig ist als der letzte Import "
        "(andere Stimmbezirke, weniger ausgezählt, anderes Datum): nur mit Absicht."
    ),
    "The municipality's total file (Gemeinde-Ergebnis CSV): check the district sums against it "
    "and report agreement or each difference.": (
        "Die Gesamtdatei der Gemeinde (Gemeinde-Ergebnis-CSV): die Summen der Stimmbezirke damit "
        "vergleichen und Übereinstimmung oder jede Abweichung melden."
    ),
    "With --districts: beside each candidate's share, the share in round N in the same district "
    "and the change in points (e.g. a runoff against the first round).": (
        "Mit --districts: neben dem Anteil jeder Person der Anteil in Wahlgang N im selben "
        "Stimmbezirk und die Veränderung in Prozentpunkten (z. B. Stichwahl gegen Hauptwahl)."
    ),
    "Refuse a file whose plausibility checks fail.": (
        "Eine Datei ablehnen, deren Plausibilitätsprüfungen fehlschlagen."
    ),
    # watch
    "Follow the count live: import every changed version of URL until all districts are in.\n\n"
    "Polls with conditional requests (ETag / If-Modified-Since), archives every file it fetched,"
    "\nand keeps the last good figures when a request or a file fails (it backs off and retries)."
    "\nIn a terminal the view updates in place; piped, it prints one line per change. Other\n"
    "commands (`results`, `export`, the prompt) read the latest complete import meanwhile.\n"
    "Exit codes: 0 all districts counted, 3 partial (--once), 1 nothing could be imported,\n"
    "130 stopped with Ctrl-C.\n\nExamples:\n\n\b\n"
    "  kl-wahl watch https://wahlen.example.de/Open-Data-Wahlbezirk.csv -e ob-2031\n"
    '  kl-wahl watch URL -e wi-2025 --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"\n'
    "  kl-wahl watch URL -e ob-2031 --format json | jq .counted\n"
    "  kl-wahl watch https://votemanager.example.de/20260913/03254005/ -e bm-2026 --pick Bürger\n"
    "  kl-wahl watch URL -e ob-2031 --svg live.svg --geometry stimmbezirke.geojson": (
        "Die Auszählung live verfolgen: jede geänderte Fassung von URL importieren, bis alle\n"
        "Stimmbezirke ausgezählt sind.\n\nFragt mit bedingten Anfragen (ETag / If-Modified-Since),"
        " archiviert jede abgerufene Datei\nund behält den letzten gültigen Stand, wenn eine "
        "Anfrage oder Datei scheitert (wartet länger\nund versucht es erneut). Im Terminal "
        "aktualisiert sich die Ansicht an Ort und Stelle; in eine\nPipe kommt eine Zeile je "
        "Änderung. Andere Befehle (`results`, `export`, der Prompt) lesen\nderweil den letzten "
        "vollständigen Import. Exit-Codes: 0 alle Bezirke ausgezählt, 3 teilweise\n(--once), 1 "
        "nichts importierbar, 130 mit Strg-C beendet.\n\nBeispiele:\n\n\b\n"
        "  kl-wahl watch https://wahlen.example.de/Open-Data-Wahlbezirk.csv -e ob-2031\n"
        '  kl-wahl watch URL -e wi-2025 --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"\n'
        "  kl-wahl watch URL -e ob-2031 --format json | jq .counted\n"
        "  kl-wahl watch https://votemanager.example.de/20260913/03254005/ -e bm-2026 --pick Bürger\n"
        "  kl-wahl watch URL -e ob-2031 --svg live.svg --geometry stimmbezirke.geojson"
    ),
    "The Open Data district file (http/https), or a votemanager presentation's address "
    "(…/<date>/<AGS>/…).": (
        "Die Open-Data-Datei je Stimmbezirk (http/https) oder die Adresse einer "
        "votemanager-Präsentation (…/<Datum>/<AGS>/…)."
    ),
    "Seconds between requests (default 60; at least 10 for a server that is not this machine). A "
    "longer Cache-Control max-age from the server wins.": (
        "Sekunden zwischen Anfragen (Standard 60; mindestens 10 für einen Server, der nicht dieser "
        "Rechner ist). Ein längeres Cache-Control max-age des Servers hat Vorrang."
    ),
    "Poll once: exit 0 when complete, 3 when partial.": (
        "Einmal abfragen: Exit 0, wenn vollständig, 3, wenn teilweise."
    ),
    "text, or json: one JSON object per change (NDJSON).": (
        "text, oder json: ein JSON-Objekt je Änderung (NDJSON)."
    ),
    # data
    "Election data files: where they go, validate one, start a new one.": (
        "Wahldateien: wohin sie gehören, eine prüfen, eine neue anlegen."
    ),
    "Show where kl-wahl reads user election files and its config, and where bundled data is.\n\n"
    "Put extra elections (*.toml) into the elections directory; they appear in `kl-wahl "
    "elections`.": (
        "Zeigen, wo kl-wahl eigene Wahldateien und die Konfiguration liest und wo die "
        "mitgelieferten Daten liegen.\n\nWeitere Wahlen (*.toml) ins Wahlverzeichnis legen; sie "
        "erscheinen in `kl-wahl elections`."
    ),
    "Check election files: syntax (with line and column), schema, sources, arithmetic.\n\n"
    "Imported district results (`round-N.json` under the user data directory's results/) are\n"
    "checked too: that they read back whole and agree with themselves.\n\nExit 0 with a short "
    "summary when every file is valid (warnings are listed too), exit 1 listing\nevery problem "
    "otherwise.\n\nExample:\n\n\b\n  kl-wahl data validate "
    "~/.local/share/kl-wahl/elections/ob-2031.toml": (
        "Wahldateien prüfen: Syntax (mit Zeile und Spalte), Schema, Quellen, Rechnung.\n\n"
        "Importierte Stimmbezirksergebnisse (`round-N.json` unter results/ im "
        "Benutzerdatenverzeichnis)\nwerden auch geprüft: ob sie sich vollständig lesen lassen "
        "und in sich stimmen.\n\nExit 0 mit einer kurzen Zusammenfassung, wenn jede Datei gültig "
        "ist (Warnungen werden\nmit aufgeführt), sonst Exit 1 mit jedem Problem.\n\nBeispiel:"
        "\n\n\b\n  kl-wahl data validate ~/.local/share/kl-wahl/elections/ob-2031.toml"
    ),
    "Election files (TOML), or imported results (round-N.json) to check.": (
        "Zu prüfende Wahldateien (TOML) oder importierte Ergebnisse (round-N.json)."
    ),
    "Write a commented template election file into the user data directory.\n\nExamples:\n\n\b"
    "\n  kl-wahl data init ob-2031\n  kl-wahl data validate "
    "~/.local/share/kl-wahl/elections/ob-2031.toml": (
        "Eine kommentierte Vorlage für eine neue Wahl ins Benutzerdatenverzeichnis schreiben.\n\n"
        "Beispiele:\n\n\b\n  kl-wahl data init ob-2031\n"
        "  kl-wahl data validate ~/.local/share/kl-wahl/elections/ob-2031.toml"
    ),
    "Id of the new election, e.g. ob-2031.": "ID der neuen Wahl, z. B. ob-2031.",
    "Overwrite an existing file of that name, or use the id of a bundled election (your file then"
    " replaces it).": (
        "Eine vorhandene Datei dieses Namens überschreiben, oder die ID einer mitgelieferten Wahl "
        "verwenden (die eigene Datei ersetzt sie dann)."
    ),
}
