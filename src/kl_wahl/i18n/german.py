"""German for the messages that pure modules build in English: data-file problems, config and
import warnings, refusals of result files.

The reader, the checks and the result-file reader phrase their findings in English (they are
pure and know no language); what a person sees goes through `say(text, lang)`. The patterns
below cover every message those modules produce — a test runs each broken fixture through a
German session and looks for English — and the few messages of Python's TOML parser.
"""

from __future__ import annotations

import re

from ..base.language import Lang

_GOT = ", gefunden: "
PATTERNS: tuple[tuple[str, str], ...] = (
    # prefixes
    (r"^warning: ignoring ", "Warnung: ignoriert: "),
    (r"^warning: ", "Warnung: "),
    (r": warning: ", ": Warnung: "),
    (
        r"\(\+(\d+) more; run `kl-wahl data validate (.+)`\)",
        r"(+\1 weitere; `kl-wahl data validate \2` zeigt alle)",
    ),
    # the reader
    (r"required key is missing", "Pflichtschlüssel fehlt"),
    (
        r"expected a table like \{ value = …, sources = \[\"S1\"\] \}, got ",
        'erwartet: eine Tabelle wie { value = …, sources = ["S1"] }' + _GOT,
    ),
    (r"expected a table, got ", "erwartet: eine Tabelle" + _GOT),
    (
        r"expected a string or a table with 'en'/'de', got ",
        "erwartet: ein Text oder eine Tabelle mit 'en'/'de'" + _GOT,
    ),
    (r"expected a string, got ", "erwartet: ein Text" + _GOT),
    (r"expected a non-empty string", "erwartet: ein nicht leerer Text"),
    (
        r"expected an id of letters, digits, '-' or '_', got ",
        "erwartet: eine ID aus Buchstaben, Ziffern, '-' oder '_'" + _GOT,
    ),
    (r"expected an http\(s\) URL, got ", "erwartet: eine http(s)-URL" + _GOT),
    (r"expected 'en' and/or 'de' text", "erwartet: Text in 'en' und/oder 'de'"),
    (
        r"no '(en|de)' text: the '(en|de)' text is shown in both languages",
        r"kein '\1'-Text: der '\2'-Text erscheint in beiden Sprachen",
    ),
    (r"expected a non-negative integer, got ", "erwartet: eine ganze Zahl ≥ 0" + _GOT),
    (r"expected a colour like #d60029, got ", "erwartet: eine Farbe wie #d60029" + _GOT),
    (
        r"expected a percentage between 0 and 100, got ",
        "erwartet: ein Prozentwert zwischen 0 und 100" + _GOT,
    ),
    (r"expected true or false, got ", "erwartet: true oder false" + _GOT),
    (r"expected an array of (\w+), got ", r"erwartet: eine Liste (\1)" + _GOT),
    (r"expected a date \(YYYY-MM-DD\), got ", "erwartet: ein Datum (JJJJ-MM-TT)" + _GOT),
    (
        r"expected an ISO 8601 date-time \(YYYY-MM-DDTHH:MM\), got ",
        "erwartet: Datum und Uhrzeit nach ISO 8601 (JJJJ-MM-TTTHH:MM)" + _GOT,
    ),
    (r"expected a time of day \(HH:MM\), got ", "erwartet: eine Uhrzeit (HH:MM)" + _GOT),
    (r"expected a month 01-12, got ", "erwartet: ein Monat 01–12" + _GOT),
    (r"expected a month like \"2031-05\", got ", 'erwartet: ein Monat wie "2031-05"' + _GOT),
    (r"expected one of (.+?), got ", r"erwartet: einer der Werte \1" + _GOT),
    (
        r"unknown key '(.+?)' is ignored \(did you mean '(.+?)'\?\)",
        r"unbekannter Schlüssel '\1' wird ignoriert (meinten Sie '\2'?)",
    ),
    (r"unknown key '(.+?)' is ignored", r"unbekannter Schlüssel '\1' wird ignoriert"),
    # the loader
    (r"every fact needs at least one source id", "jede Angabe braucht mindestens eine Quellen-ID"),
    (r"cannot read file: ", "Datei nicht lesbar: "),
    (r"file is not valid UTF-8", "Datei ist kein gültiges UTF-8"),
    (r"invalid TOML value: ", "ungültiger TOML-Wert: "),
    (r"TOML nested too deeply to be read", "TOML zu tief verschachtelt"),
    (r"TOML syntax error: ", "TOML-Syntaxfehler: "),
    (r"; write dates as YYYY-MM-DD: ", "; Daten als JJJJ-MM-TT schreiben: "),
    (
        r"unsupported schema version (\d+) \(this kl-wahl reads (\d+)\)",
        r"nicht unterstützte Schema-Version \1 (diese kl-wahl-Version liest \2)",
    ),
    (r"unknown time zone ", "unbekannte Zeitzone "),
    (r"results need the ids of their sources", "Ergebnisse brauchen die IDs ihrer Quellen"),
    (r"unknown candidate id '(.+?)'", r"unbekannte Kandidaten-ID '\1'"),
    (r"unknown candidate id", "unbekannte Kandidaten-ID"),
    (r"the end lies before the start", "das Ende liegt vor dem Anfang"),
    (r"the window ends before it starts", "der Zeitraum endet vor seinem Beginn"),
    # Python's TOML parser
    (r"Invalid initial character for a key part", "ungültiges erstes Zeichen eines Schlüssels"),
    (r"Expected '=' after a key in a key/value pair", "nach einem Schlüssel fehlt '='"),
    (
        r"Expected newline or end of document after a statement",
        "nach einer Anweisung fehlt ein Zeilenende",
    ),
    (r"Unclosed array", "nicht geschlossene Liste"),
    (r"Unclosed inline table", "nicht geschlossene Inline-Tabelle"),
    (r"Unterminated string", "nicht beendeter Text"),
    (r"Invalid value", "ungültiger Wert"),
    (r"Invalid date or datetime", "ungültiges Datum"),
    (r"Cannot overwrite a value", "ein Wert kann nicht überschrieben werden"),
    (r"Cannot declare (.+) twice", r"\1 kann nicht zweimal deklariert werden"),
    (r"Invalid statement", "ungültige Anweisung"),
    (r"Illegal character", "unerlaubtes Zeichen"),
    # the checks
    (
        r"(\d{4}-\d\d-\d\d) is a (\w+); German elections are held on Sundays",
        r"\1 ist ein \2; Wahlen in Deutschland finden sonntags statt",
    ),
    (
        r"two candidates share a ballot_position",
        "zwei Kandidierende haben dieselbe ballot_position",
    ),
    (
        r"neutral_title and neutral_until go together",
        "neutral_title und neutral_until gehören zusammen",
    ),
    (
        r"unknown source id '(.+?)' \(not in \[\[sources\]\]\)",
        r"unbekannte Quellen-ID '\1' (nicht in [[sources]])",
    ),
    (
        r"rounds must be listed in order, numbered by date",
        "Wahlgänge müssen nach Datum geordnet und nummeriert sein",
    ),
    (r"(\w+) '(.+?)' is used (\d+) times", r"\1 '\2' kommt \3-mal vor"),
    (r"polls must close after they open", "die Wahllokale müssen nach der Öffnung schließen"),
    (r"(\d+) voters exceed (\d+) eligible voters", r"\1 Wählende übersteigen \2 Wahlberechtigte"),
    (r"valid (\d+) \+ invalid (\d+) != voters (\d+)", r"gültig \1 + ungültig \2 ≠ Wählende \3"),
    (r"(\d+) valid votes exceed (\d+) voters", r"\1 gültige Stimmen übersteigen \2 Wählende"),
    (
        r"the votes add up to (\d+), more than the (\d+) valid votes",
        r"die Stimmen ergeben \1, mehr als die \2 gültigen Stimmen",
    ),
    (
        r"([\d.]+) % does not match (\d+) voters / (\d+) eligible = ([\d.]+) %",
        r"\1 % passt nicht zu \2 Wählenden / \3 Wahlberechtigten = \4 %",
    ),
    (r"(\d+) exceeds (\d+) valid votes", r"\1 übersteigt \2 gültige Stimmen"),
    (
        r"([\d.]+) % does not match (\d+) / (\d+) votes = ([\d.]+) %",
        r"\1 % passt nicht zu \2 / \3 Stimmen = \4 %",
    ),
    (r"shares add up to ([\d.]+) %, not 100 %", r"die Anteile ergeben \1 %, nicht 100 %"),
    # the config file
    (
        r"cannot read config \((.+)\); using defaults",
        r"Konfiguration nicht lesbar (\1); es gelten die Standardwerte",
    ),
    (
        r"config cannot be read \((.+)\); using defaults",
        r"Konfiguration nicht lesbar (\1); es gelten die Standardwerte",
    ),
    (r"\(nested too deeply\)", "(zu tief verschachtelt)"),
    (r"\(larger than (\d+) MB\)", r"(größer als \1 MB)"),
    (r": larger than (\d+) MB", r": größer als \1 MB"),
    (r"\(not a regular file\)", "(keine reguläre Datei)"),
    (r": not a regular file", ": keine reguläre Datei"),
    (
        r"config is not valid UTF-8; using defaults",
        "Konfiguration ist kein gültiges UTF-8; es gelten die Standardwerte",
    ),
    (
        r"config is not valid TOML \((.+)\); using defaults",
        r"Konfiguration ist kein gültiges TOML (\1); es gelten die Standardwerte",
    ),
    (
        r"unknown config key '(.+?)' is ignored \(known: (.+)\)",
        r"unbekannter Konfigurationsschlüssel '\1' wird ignoriert (bekannt: \2)",
    ),
    (r"expected a string; ignored", "erwartet: ein Text; ignoriert"),
    (
        r"lang: expected 'en' or 'de', got '(.*)'; ignored",
        r"lang: erwartet 'en' oder 'de', gefunden '\1'; ignoriert",
    ),
    (
        r"election: '(.*)' is not an election id; ignored",
        r"election: '\1' ist keine Wahl-ID; ignoriert",
    ),
    (r"unknown placeholder \{(\w+)\}; ignored", r"unbekannter Platzhalter {\1}; ignoriert"),
    (
        r"config election '(.+?)' is unknown; using the default",
        r"Wahl '\1' aus der Konfiguration ist unbekannt; es gilt die Standardwahl",
    ),
    # result files
    (
        r"file is larger than (\d+) MB: not a district file",
        r"Datei größer als \1 MB: keine Stimmbezirksdatei",
    ),
    (
        r"this is an HTML/XML page, not a CSV file \(an error page served as data\?\)",
        "das ist eine HTML/XML-Seite, keine CSV-Datei (eine als Daten ausgelieferte Fehlerseite?)",
    ),
    (r"the file is empty", "die Datei ist leer"),
    (
        r"this is a yes/no vote on a single candidate \(E1 yes, E2 no\); kl-wahl imports elections between candidates and does not read these yet",
        "das ist eine Ja/Nein-Abstimmung über eine einzige Bewerbung (E1 ja, E2 nein); kl-wahl importiert Wahlen zwischen Bewerbenden und liest diese noch nicht",
    ),
    (
        r"the last line has no line end: the file is cut off",
        "die letzte Zeile hat kein Zeilenende: die Datei ist abgeschnitten",
    ),
    (
        r"not an Open Data district file: missing column\(s\) ",
        "keine Open-Data-Stimmbezirksdatei: es fehlen die Spalten ",
    ),
    (
        r"not an Open Data district file: no ';'-separated header",
        "keine Open-Data-Stimmbezirksdatei: keine durch ';' getrennte Kopfzeile",
    ),
    (
        r"line (\d+): (\d+) fields, the header has (\d+) \(file cut off\?\)",
        r"Zeile \1: \2 Felder, die Kopfzeile hat \3 (Datei abgeschnitten?)",
    ),
    (
        r"line (\d+): datum '(.*)' is not a date like 12\.02\.2023",
        r"Zeile \1: datum '\2' ist kein Datum wie 12.02.2023",
    ),
    (r"line (\d+): datum '(.*)' is not a date", r"Zeile \1: datum '\2' ist kein Datum"),
    (
        r"this is a two-vote file \(E/F columns, e\.g\. a Bundestag election\); kl-wahl imports mayoral elections",
        "das ist eine Datei mit zwei Stimmen (Spalten E/F, z. B. Bundestagswahl); kl-wahl importiert Bürgermeisterwahlen",
    ),
    (
        r"this is a referendum file \(C01… columns\); kl-wahl imports mayoral elections",
        "das ist eine Datei eines Bürgerentscheids (Spalten C01…); kl-wahl importiert Bürgermeisterwahlen",
    ),
    (
        r"this is a council election file \(list columns D1_1, D1_liste…\); kl-wahl imports mayoral elections",
        "das ist eine Datei einer Ratswahl (Listenspalten D1_1, D1_liste…); kl-wahl importiert Bürgermeisterwahlen",
    ),
    (r"(?:^|(?<=: ))district (.+?) appears twice", r"Stimmbezirk \1 kommt zweimal vor"),
    (
        r"(\d+) of (\d+) areas add up several quick reports each \(up to (\d+)\): an Ortsteil or Gemeinde level file, not results by district",
        r"\1 von \2 Gebieten fassen je mehrere Schnellmeldungen zusammen (bis zu \3): eine Datei auf Ortsteil- oder Gemeindeebene, keine Ergebnisse je Stimmbezirk",
    ),
    (
        r"line (\d+): rows of several municipalities \(AGS (\d+), (\d+)\): a file by municipality \(Landkreis level\), not district results",
        r"Zeile \1: Zeilen mehrerer Gemeinden (AGS \2, \3): eine Datei je Gemeinde (Landkreisebene), keine Stimmbezirksergebnisse",
    ),
    (
        r"line (\d+): rows of several municipalities \(AGS (\d+), (\d+)\) mixed with district numbers: neither district nor municipality results",
        r"Zeile \1: Zeilen mehrerer Gemeinden (AGS \2, \3) gemischt mit Stimmbezirksnummern: weder Stimmbezirks- noch Gemeindeergebnisse",
    ),
    (
        r"line (\d+): a district number in a file of municipalities \(one AGS a row\)",
        r"Zeile \1: eine Stimmbezirksnummer in einer Datei je Gemeinde (ein AGS je Zeile)",
    ),
    (
        r"a municipality appears twice \(the same AGS in two rows\)",
        "eine Gemeinde kommt zweimal vor (derselbe AGS in zwei Zeilen)",
    ),
    (
        r"no candidate columns \(D1…Dn\) yet: a file published before the count; import it again once the count has begun",
        "noch keine Spalten für Kandidierende (D1…Dn): eine Datei von vor der Auszählung; nach Beginn der Auszählung erneut importieren",
    ),
    (r"column (.+?) appears more than once", r"Spalte \1 kommt mehrfach vor"),
    (
        r"([\d,]+) columns, more than (\d+): not a district file",
        r"\1 Spalten, mehr als \2: keine Stimmbezirksdatei",
    ),
    (
        r"more than ([\d,]+) rows: not a district file",
        r"mehr als \1 Zeilen: keine Stimmbezirksdatei",
    ),
    (r"not readable as CSV \((.*)\)", r"nicht als CSV lesbar (\1)"),
    (
        r"(?:^|(?<=: ))district (.+?), column (\S+): a number of (\d+) digits",
        r"Stimmbezirk \1, Spalte \2: eine Zahl mit \3 Ziffern",
    ),
    (
        r"(?:^|(?<=: ))district (.+?), column (\S+): '(.*)' is not a whole number ≥ 0",
        r"Stimmbezirk \1, Spalte \2: '\3' ist keine ganze Zahl ≥ 0",
    ),
    (
        r"(?:^|(?<=: ))district (.+?): anz-schnellmeldungen (\d+) > max (\d+)",
        r"Stimmbezirk \1: anz-schnellmeldungen \2 > max \3",
    ),
    (
        r"(?:^|(?<=: ))district (.+?): C \+ D = (\d+), but B = (\d+)",
        r"Stimmbezirk \1: C + D = \2, aber B = \3",
    ),
    (
        r"(?:^|(?<=: ))district (.+?): D1…Dn add up to (\d+), but D = (\d+)",
        r"Stimmbezirk \1: D1…Dn ergeben \2, aber D = \3",
    ),
    (
        r"(?:^|(?<=: ))district (.+?): B = (\d+) voters, more than A = (\d+) eligible",
        r"Stimmbezirk \1: B = \2 Wählende, mehr als A = \3 Wahlberechtigte",
    ),
    (r"larger than 5 MB", "größer als 5 MB"),
    (r"not UTF-8 text", "kein UTF-8-Text"),
    (
        r"the connection closed before the whole file arrived",
        "die Verbindung endete, bevor die ganze Datei ankam",
    ),
    (r"more than (\d+) bytes", r"mehr als \1 Bytes"),
    (
        r"no name for (.+): named 'Wahlvorschlag N' \(give --map DN=NAME\)",
        r"kein Name für \1: als 'Wahlvorschlag N' benannt (--map DN=NAME angeben)",
    ),
    (r"\b(\d+)\.(\d+) %", r"\1,\2 %"),  # decimal comma in percentages
)
_COMPILED = tuple((re.compile(p), r) for p, r in PATTERNS)
WEEKDAYS_DE = {
    "Monday": "Montag",
    "Tuesday": "Dienstag",
    "Wednesday": "Mittwoch",
    "Thursday": "Donnerstag",
    "Friday": "Freitag",
    "Saturday": "Samstag",
    "Sunday": "Sonntag",
}


def say(text: str, lang: Lang) -> str:
    """`text` (built in English by a pure module) in `lang`."""
    if lang != "de":
        return text
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    for english, german in WEEKDAYS_DE.items():
        text = text.replace(f" ist ein {english};", f" ist ein {german};")
    return text
