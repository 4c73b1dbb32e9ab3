"""User-interface text, bokmål first with English.

Shared strings live here; a page's own strings live in the page module and are
looked up with `pick`. A missing English string falls back to bokmål (never a key).
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("nb", "en")

STRINGS: dict[str, dict[str, str]] = {
    "site.title": {"nb": "SLT-statistikk", "en": "SLT statistics"},
    "site.tagline": {
        "nb": "Tall om barne- og ungdomskriminalitet og forebygging i Bærum, Asker og Oslo",
        "en": "Figures on youth crime and prevention in Bærum, Asker and Oslo",
    },
    "nav.label": {"nb": "Hovedmeny", "en": "Main menu"},
    "nav.oversikt": {"nb": "Oversikt", "en": "Overview"},
    "nav.trend": {"nb": "Utvikling", "en": "Trends"},
    "nav.geografi": {"nb": "Geografi", "en": "Geography"},
    "nav.alder_og_kjonn": {"nb": "Alder og kjønn", "en": "Age and sex"},
    "nav.trygghetsprogrammet": {"nb": "Oppfølging", "en": "Follow-up"},
    "nav.om_dataene": {"nb": "Om dataene", "en": "About the data"},
    "skip": {"nb": "Hopp til hovedinnhold", "en": "Skip to main content"},
    "lang.switch": {"nb": "English", "en": "Norsk (bokmål)"},
    "lang.switch.label": {"nb": "Switch to English", "en": "Bytt til norsk"},
    "filters": {"nb": "Velg visning", "en": "Choose view"},
    "filter.kommune": {"nb": "Kommune", "en": "Municipality"},
    "filter.kommuner": {"nb": "Kommuner", "en": "Municipalities"},
    "filter.fra": {"nb": "Fra år", "en": "From year"},
    "filter.til": {"nb": "Til år", "en": "To year"},
    "chart.table": {"nb": "Vis som tabell", "en": "Show as table"},
    "chart.download": {"nb": "Last ned data (CSV)", "en": "Download data (CSV)"},
    "chart.source": {"nb": "Kilde", "en": "Source"},
    "chart.notes": {"nb": "Merknader", "en": "Notes"},
    "chart.missing_legend": {
        "nb": "«..» tall mangler, «:» skjult, «.» ikke aktuelt, «-» vist som strek i kilden.",
        "en": "“..” not available, “:” suppressed, “.” not applicable, “-” printed as a dash.",
    },
    "chart.small_numbers": {
        "nb": "Tallene er små, og det skal lite til for å få en økning eller nedgang.",
        "en": "The numbers are small; a few cases make a large change.",
    },
    "chart.computed": {
        "nb": "Beregnet av SLT-statistikk, ikke publisert av kilden.",
        "en": "Computed by SLT statistics, not published by the source.",
    },
    "nodata.title": {"nb": "Ingen tall for dette valget", "en": "No figures for this choice"},
    "nodata.template": {
        "nb": "Kommunen kan legge til egne tall med importmalen (se «Om dataene»).",
        "en": "The municipality can add its own figures with the import template (see “About the data”).",
    },
    "nodata.link": {"nb": "Slik legger du til tall", "en": "How to add figures"},
    "download.all": {"nb": "Last ned alle data (CSV)", "en": "Download all data (CSV)"},
    "note.unknown_param": {
        "nb": "Adressen inneholdt et ukjent valg («{name}»), som er ignorert.",
        "en": "The address had an unknown option (“{name}”), which was ignored.",
    },
    "note.bad_value": {
        "nb": "«{value}» er ikke et gyldig valg for «{name}». Viser {default} i stedet.",
        "en": "“{value}” is not a valid choice for “{name}”. Showing {default} instead.",
    },
    "note.bad_year": {
        "nb": "«{value}» er ikke et gyldig år for «{name}» ({lo}–{hi}). Viser {default} i stedet.",
        "en": "“{value}” is not a valid year for “{name}” ({lo}–{hi}). Showing {default} instead.",
    },
    "note.swapped_years": {
        "nb": "Fra-året var etter til-året; viser {fra}–{til}.",
        "en": "The from-year was after the to-year; showing {fra}–{til}.",
    },
    "footer.about": {
        "nb": "Tall fra SLT-årsrapportene for Bærum (Bærum kommune og Oslo politidistrikt) og "
        "Statistisk sentralbyrå. Alle tall kan lastes ned med kilde.",
        "en": "Figures from Bærum's SLT annual reports (Bærum kommune and Oslo police district) "
        "and Statistics Norway. Every figure can be downloaded with its source.",
    },
    "error.title": {"nb": "Noe gikk galt", "en": "Something went wrong"},
    "error.body": {
        "nb": "Vi klarte ikke å vise denne visningen. Prøv et annet valg, eller gå til oversikten.",
        "en": "We could not show this view. Try another choice, or go to the overview.",
    },
    "notfound.title": {"nb": "Fant ikke siden", "en": "Page not found"},
    "notfound.body": {
        "nb": "Adressen finnes ikke. Gå til oversikten.",
        "en": "This address does not exist. Go to the overview.",
    },
    # --- Universal design (issue 11): the served document, the accessibility statement,
    # the live region. Page descriptions are "meta.<page name>" (one per page and language).
    "meta.oversikt": {
        "nb": "Nøkkeltall om barne- og ungdomskriminalitet og forebygging i Bærum, Asker og "
        "Oslo: siste år med tall og endringen fra året før, med kilde og nedlasting.",
        "en": "Key figures on youth crime and prevention in Bærum, Asker and Oslo: the latest "
        "year with data and the change from the year before, with sources and downloads.",
    },
    "meta.trend": {
        "nb": "Anmeldelser, mistenkte unge og straffbare forhold over tid i Bærum, Asker, Oslo "
        "og Norge, per 1 000 innbyggere eller i antall.",
        "en": "Reports, young suspects and offences over time in Bærum, Asker, Oslo and "
        "Norway, per 1,000 inhabitants or as numbers.",
    },
    "meta.geografi": {
        "nb": "Hvor unge mistenkte for lovbrudd i kommunen bor: i kommunen, i nabokommuner "
        "eller lenger unna.",
        "en": "Where young suspects of offences in the municipality live: in the "
        "municipality, in neighbouring municipalities or further away.",
    },
    "meta.alder_og_kjonn": {
        "nb": "Unge mistenkte 10–14 og 15–17 år, jenter og gutter, år for år, etter "
        "gjerningssted og bosted.",
        "en": "Young suspects aged 10–14 and 15–17, girls and boys, year by year, by scene of "
        "crime and by residence.",
    },
    "meta.trygghetsprogrammet": {
        "nb": "Oppfølging av barn og unge: Trygghetsprogrammet, politiets bekymringssamtaler, "
        "oppfølging av ungdom og bekymringer om ekstremisme.",
        "en": "Follow-up of children and young people: the safety programme, police concern "
        "talks, youth follow-up and concerns about extremism.",
    },
    "meta.om_dataene": {
        "nb": "Kildene bak SLT-statistikk, hva hvert tall teller, hvilke tall som finnes for "
        "hvilke år, symbolene for manglende tall og hvordan en kommune legger til egne tall.",
        "en": "The sources behind SLT statistics, what each number counts, which figures exist "
        "for which years, the symbols for missing numbers and how to add figures.",
    },
    "meta.tilgjengelighet": {
        "nb": "Tilgjengelighetserklæring for SLT-statistikk: hva som oppfyller kravene til "
        "universell utforming, kjente mangler og hvordan du gir tilbakemelding.",
        "en": "Accessibility statement for SLT statistics: what meets the universal design "
        "requirements, known gaps and how to give feedback.",
    },
    "meta.not_found_404": {
        "nb": "Denne adressen finnes ikke på SLT-statistikk.",
        "en": "This address does not exist on SLT statistics.",
    },
    "nav.tilgjengelighet": {"nb": "Tilgjengelighetserklæring", "en": "Accessibility statement"},
    "footer.a11y": {"nb": "Tilgjengelighetserklæring", "en": "Accessibility statement"},
    "footer.label": {"nb": "Om nettstedet", "en": "About this site"},
    "noscript": {
        "nb": "Figurene og valgene på denne siden trenger JavaScript. Uten JavaScript kan du "
        "laste ned alle tallene, med kilde for hvert tall:",
        "en": "The charts and choices on this page need JavaScript. Without JavaScript you can "
        "download all the figures, with the source of each one:",
    },
    "loading": {"nb": "Laster inn …", "en": "Loading …"},
    "status.view": {"nb": "Viser {what}", "en": "Showing {what}"},
    "status.for": {"nb": "for", "en": "for"},
    "status.live.label": {"nb": "Status for visningen", "en": "View status"},
}


#: Legends of the view controls shared by several pages.
LEGENDS: dict[str, dict[str, str]] = {
    "maal": {"nb": "Hva telles", "en": "What is counted"},
    "sted": {"nb": "Gjerningssted eller bosted", "en": "Scene of crime or residence"},
    "visning": {"nb": "Visning", "en": "Display"},
    "kjonn": {"nb": "Kjønn", "en": "Sex"},
    "alder": {"nb": "Alder", "en": "Age"},
}

#: Option texts of those controls (a page picks the codes it offers).
CHOICES: dict[str, dict[str, dict[str, str]]] = {
    "maal": {
        "anmeldelser": {"nb": "Anmeldelser", "en": "Reports"},
        "personer": {"nb": "Personer", "en": "Persons"},
        "forhold": {"nb": "Forhold", "en": "Offences"},
        "begge": {"nb": "Personer og anmeldelser", "en": "Persons and reports"},
    },
    "sted": {
        "gjerningssted": {"nb": "Gjerningssted", "en": "Scene of crime"},
        "bosted": {"nb": "Bosted", "en": "Residence"},
    },
    "visning": {
        "antall": {"nb": "Antall", "en": "Number"},
        "per1000": {"nb": "Per 1 000 innbyggere", "en": "Per 1,000 inhabitants"},
        "andel": {"nb": "Andel (beregnet)", "en": "Share (computed)"},
    },
    "kjonn": {
        "alle": {"nb": "Begge", "en": "Both"},
        "jenter": {"nb": "Jenter", "en": "Girls"},
        "gutter": {"nb": "Gutter", "en": "Boys"},
    },
}


def legend(name: str, lang: str) -> str:
    """The legend of a shared control."""
    return pick(LEGENDS[name], lang)


def choices(name: str, codes: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    """(code, text) options of a shared control, in the order given."""
    return [(code, pick(CHOICES[name][code], lang)) for code in codes]


def t(key: str, lang: str = "nb", **params: object) -> str:
    """The string for `key` in `lang`, with `{placeholders}` filled."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["nb"]
    return text.format(**params) if params else text


def pick(mapping: Mapping[str, str], lang: str) -> str:
    """A page-local {"nb": ..., "en": ...} entry in `lang` (bokmål as fallback)."""
    return mapping.get(lang) or mapping["nb"]
