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
    "event.2015-10-01": {"nb": "Ny straffelov", "en": "New Penal Code"},
    "event.2017-05-01": {"nb": "Politidistrikt slått sammen", "en": "Police districts merged"},
    "event.2019-08-10": {"nb": "Terrorangrep i Bærum", "en": "Terror attack in Bærum"},
    "event.2020-01-01": {"nb": "Kommunereform", "en": "Municipal reform"},
    "event.2020-03-12": {"nb": "Nedstenging (covid-19)", "en": "Lockdown (covid-19)"},
    # Legends and option names of the view controls (Param.label, Param.option_text).
    "legend.maal": {"nb": "Hva telles", "en": "What is counted"},
    "legend.sted": {"nb": "Gjerningssted eller bosted", "en": "Scene of crime or residence"},
    "legend.visning": {"nb": "Visning", "en": "Display"},
    "legend.kjonn": {"nb": "Kjønn", "en": "Sex"},
    "legend.alder": {"nb": "Alder", "en": "Age"},
    "choice.maal.anmeldelser": {"nb": "Anmeldelser", "en": "Reports"},
    "choice.maal.personer": {"nb": "Personer", "en": "Persons"},
    "choice.maal.forhold": {"nb": "Forhold", "en": "Offences"},
    "choice.maal.begge": {"nb": "Personer og anmeldelser", "en": "Persons and reports"},
    "choice.sted.gjerningssted": {"nb": "Gjerningssted", "en": "Scene of crime"},
    "choice.sted.bosted": {"nb": "Bosted", "en": "Residence"},
    "choice.visning.antall": {"nb": "Antall", "en": "Number"},
    "choice.visning.per1000": {"nb": "Per 1 000 innbyggere", "en": "Per 1,000 inhabitants"},
    "choice.visning.andel": {"nb": "Andel (beregnet)", "en": "Share (computed)"},
    "choice.kjonn.alle": {"nb": "Begge", "en": "Both"},
    "choice.kjonn.jenter": {"nb": "Jenter", "en": "Girls"},
    "choice.kjonn.gutter": {"nb": "Gutter", "en": "Boys"},
    # Trend page (/trend)
    "trend.h1": {"nb": "Utvikling over tid", "en": "Trends over time"},
    "trend.intro": {
        "nb": "Anmeldelser, mistenkte personer og straffbare forhold blant unge, og anmeldte "
        "lovbrudd i Bærum, Asker, Oslo og Norge. Anmeldelser, personer og forhold teller "
        "ulike ting; gjerningssted og bosted er ulike grupper.",
        "en": "Reports, suspected persons and offences among young people, and reported offences "
        "in Bærum, Asker, Oslo and Norway. Reports, persons and offences count different things; "
        "scene of crime and residence are different groups.",
    },
    "trend.lovbrudd": {"nb": "Lovbruddsgruppe (forhold)", "en": "Offence group (offences)"},
    "trend.sammenlign": {"nb": "Sammenlign områder", "en": "Compare areas"},
    "choice.lovbrudd.alle": {"nb": "Alle grupper", "en": "All groups"},
    "choice.alder.alle": {"nb": "Alle (10–17)", "en": "All (10–17)"},
    "choice.alder.10-14": {"nb": "10–14 år", "en": "10–14"},
    "choice.alder.15-17": {"nb": "15–17 år", "en": "15–17"},
    "choice.alder.18-22": {"nb": "18–22 år (forhold)", "en": "18–22 (offences)"},
    # geografi
    "geografi.h1": {"nb": "Hvor bor de unge mistenkte?", "en": "Where do the young suspects live?"},
    "geografi.intro": {
        "nb": "Mistenkte 10–17 år for lovbrudd begått i kommunen (gjerningssted), fordelt på hvor de mistenkte bor. Tallene finnes for Bærum 2016–2020 (SLT-årsrapporten 2020). Personer og anmeldelser teller ulike ting, og én anmeldelse kan ha mistenkte fra flere steder: tabellene viser derfor både den publiserte totalsummen og den beregnede summen av radene.",
        "en": "Suspects aged 10–17 for offences committed in the municipality (scene of crime), by where the suspects live. Figures exist for Bærum 2016–2020 (the SLT annual report 2020). Persons and reports count different things, and one report can involve suspects from several places: the tables therefore show both the published total and the computed sum of the rows.",
    },
    # alder_og_kjonn
    "alder_og_kjonn.h1": {"nb": "Alder og kjønn", "en": "Age and sex"},
    "alder_og_kjonn.intro": {
        "nb": "Unge mistenkte 10–14 og 15–17 år, jenter og gutter, år for år. Anmeldelser finnes etter gjerningssted og etter bosted (2013–2020), mistenkte personer bare etter gjerningssted (2010–2019). Tallene gjelder Bærum; kilden publiserer ingen totalsum for disse tabellene.",
        "en": "Young suspects aged 10–14 and 15–17, girls and boys, year by year. Reports exist by scene of crime and by residence (2013–2020), suspected persons only by scene of crime (2010–2019). The figures are for Bærum; the source publishes no total for these tables.",
    },
    # trygghetsprogrammet
    "trygghetsprogrammet.h1": {"nb": "Oppfølging av unge", "en": "Follow-up of young people"},
    "trygghetsprogrammet.intro": {
        "nb": "Hvordan politiet og kommunen følger opp barn og unge: Trygghetsprogrammet for unge som er utsatt for kriminalitet, politiets bekymringssamtaler og oppfølging av ungdom, og bekymringer om ekstremisme. Tallene er fra SLT-årsrapportene for Bærum 2019 og 2020, slik de er trykt.",
        "en": "How the police and the municipality follow up children and young people: the Safety Programme for young victims of crime, the police's concern talks and follow-up of young people, and concerns about extremism. The figures are from Bærum's SLT annual reports 2019 and 2020, as printed.",
    },
    "trygghetsprogrammet.aar": {"nb": "År", "en": "Year"},
    "trygghetsprogrammet.all_years": {"nb": "Begge år", "en": "Both years"},
    "trygghetsprogrammet.section.trygghet.h2": {
        "nb": "Trygghetsprogrammet",
        "en": "The Safety Programme (Trygghetsprogrammet)",
    },
    "trygghetsprogrammet.section.trygghet.intro": {
        "nb": "Trygghetsprogrammet tilbys alle barn og unge under 18 år som er utsatt for vold, ran, trusler eller seksuallovbrudd, alle som er utsatt for hatkriminalitet uansett alder, og vitner ved behov – også når saken ikke er anmeldt. Politiet tilbyr en trygghetssamtale, og saken kan overføres til kommunen eller bydelen for videre oppfølging.",
        "en": "The Safety Programme is offered to all children and young people under 18 exposed to violence, robbery, threats or sexual offences, to everyone exposed to hate crime regardless of age, and to witnesses when needed – also when the case is not reported. The police offer a safety conversation, and the case can be transferred to the municipality or city district for further follow-up.",
    },
    "trygghetsprogrammet.section.oppfolging.h2": {
        "nb": "Politiets bekymringssamtaler og oppfølging av ungdom",
        "en": "The police's concern talks and follow-up of young people",
    },
    "trygghetsprogrammet.section.oppfolging.intro": {
        "nb": "Forebyggende avsnitt i politiet har bekymringssamtaler med ungdom og foresatte, og følger opp ungdom etter hvor alvorlig bekymringen er: BEKYMRING (månedlig), RISIKO (hver 14. dag) og TETT PÅ (ukentlig).",
        "en": "The police's prevention section holds concern talks with young people and their parents, and follows young people up by how serious the concern is: CONCERN (monthly), RISK (every 14 days) and CLOSE (weekly).",
    },
    "trygghetsprogrammet.section.ekstremisme.h2": {"nb": "Ekstremisme", "en": "Extremism"},
    "trygghetsprogrammet.section.ekstremisme.intro": {
        "nb": "Bekymringer om radikalisering og voldelig ekstremisme som politiet har mottatt. Oslo politidistrikt omfatter Oslo, Asker og Bærum.",
        "en": "Concerns about radicalisation and violent extremism received by the police. Oslo police district covers Oslo, Asker and Bærum.",
    },
    "trygghetsprogrammet.key_figures": {"nb": "Nøkkeltall", "en": "Key figures"},
    # oversikt
    "oversikt.h1": {"nb": "Utfordringsbildet", "en": "The current picture"},
    "oversikt.intro": {
        "nb": "De viktigste tallene for siste år med tall, og endringen fra året før. Hver setning lenker til figuren som viser tallene, med kilde og nedlasting.",
        "en": "The key figures for the latest year with data, and the change from the year before. Each sentence links to the chart that shows the figures, with source and download.",
    },
    "oversikt.aar": {"nb": "År", "en": "Year"},
    "oversikt.siste": {"nb": "Siste år med tall", "en": "Latest year with data"},
    "oversikt.see": {"nb": "Se figuren", "en": "See the chart"},
    "oversikt.small": {
        "nb": "Små tall – usikker endring",
        "en": "Small numbers – uncertain change",
    },
    "oversikt.only_baerum": {
        "nb": "SLT-tallene (anmeldelser, personer, Trygghetsprogrammet, bekymringssamtaler) finnes foreløpig bare for Bærum (SLT-årsrapportene 2019 og 2020). For {k} vises tallene som finnes.",
        "en": "The SLT figures (reports, persons, the Safety Programme, concern talks) exist so far only for Bærum (SLT annual reports 2019 and 2020). For {k} the figures that exist are shown.",
    },
    # om_dataene
    "om_dataene.h1": {"nb": "Om dataene", "en": "About the data"},
    "om_dataene.intro": {
        "nb": "Hvert tall på denne siden er publisert av en kilde: SLT-årsrapportene for Bærum (Bærum kommune og Oslo politidistrikt) og Statistisk sentralbyrå. Her står hvor tallene kommer fra, hva de teller, hvilke tall som finnes for hvilke kommuner, og hvordan en kommune kan legge til egne tall.",
        "en": "Every number on this site is published by a source: Bærum's SLT annual reports (Bærum kommune and Oslo police district) and Statistics Norway. This page says where the numbers come from, what they count, which figures exist for which municipalities, and how a municipality can add its own figures.",
    },
    # trygghetsprogrammet: Ungdata
    "trygghetsprogrammet.section.ungdata.h2": {"nb": "Ungdata", "en": "Ungdata (youth survey)"},
    "trygghetsprogrammet.section.ungdata.intro": {
        "nb": "Ungdata er en spørreundersøkelse blant elever i ungdomsskolen og videregående "
        "skole. Tallene er andeler av elevene som svarte, slik SLT-rapportene gjengir dem.",
        "en": "Ungdata is a survey of pupils in lower and upper secondary school. The figures "
        "are shares of the pupils who answered, as the SLT reports print them.",
    },
    "trygghetsprogrammet.ungdata.title": {
        "nb": "Ungdata i {k}: andel av elevene som svarte, {years}",
        "en": "Ungdata in {k}: share of the pupils who answered, {years}",
    },
    "trygghetsprogrammet.ungdata.exists": {
        "nb": "Ungdata-tall finnes i SLT-rapportene for Bærum.",
        "en": "Ungdata figures exist in Bærum's SLT reports.",
    },
    "trygghetsprogrammet.ungdata.y": {"nb": "Prosent", "en": "Per cent"},
    "trygghetsprogrammet.ungdata.row": {"nb": "Spørsmål og gruppe", "en": "Question and group"},
    "trygghetsprogrammet.ungdata.note": {
        "nb": "Andeler av elevene som svarte på Ungdata, slik SLT-rapportene skriver dem i "
        "teksten (flere er skrevet med bokstaver eller som omtrentlige tall). Svarprosenten "
        "sier hvor mange av elevene som svarte.",
        "en": "Shares of the pupils who answered Ungdata, as the SLT reports write them in the "
        "text (several are written in words or as approximate figures). The response rate says "
        "how many of the pupils answered.",
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
}


def legend(name: str, lang: str) -> str:
    """The legend of a shared control."""
    return t(f"legend.{name}", lang)


def choices(name: str, codes: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    """(code, text) options of a shared control, in the order given."""
    return [(code, t(f"choice.{name}.{code}", lang)) for code in codes]


def t(key: str, lang: str = "nb", **params: object) -> str:
    """The string for `key` in `lang`, with `{placeholders}` filled."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["nb"]
    return text.format(**params) if params else text


def pick(mapping: Mapping[str, str], lang: str) -> str:
    """A page-local {"nb": ..., "en": ...} entry in `lang` (bokmål as fallback)."""
    return mapping.get(lang) or mapping["nb"]
