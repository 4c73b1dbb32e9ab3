"""The controlled vocabularies of the warehouse.

Every value in a data file's dimension column must be a code listed here, so a typo
in a CSV is caught at build time instead of silently becoming a new series. Labels
are bokmål first, English second. Adding a kommune or a category is a one-line
change here (and a test that the label renders).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Code meaning "not broken down by this dimension" (the published total, or not applicable).
TOTAL = "alle"


@dataclass(frozen=True)
class Code:
    """One member of a dimension."""

    code: str
    nb: str
    en: str
    sort: int = 0
    parent: str | None = None  # offence sub-group -> group
    description_nb: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class MunicipalityCode:
    """A municipality number and the years it was in force (inclusive; None = open)."""

    municipality: str
    code: str
    valid_from: int | None
    valid_to: int | None
    territory_note: str = ""


@dataclass(frozen=True)
class Measure:
    """What a number counts. `unit` decides the validation (counts >= 0, percent 0-100)."""

    code: str
    nb: str
    en: str
    unit: str  # count | percent | rate | average | difference
    unit_nb: str
    unit_en: str
    description_nb: str = ""
    description_en: str = ""


def _codes(*items: Code) -> dict[str, Code]:
    return {c.code: c for c in items}


MUNICIPALITIES = _codes(
    Code("baerum", "Bærum", "Bærum", 1, description_nb="Bærum kommune"),
    Code("asker", "Asker", "Asker", 2, description_nb="Asker kommune (nytt område fra 2020)"),
    Code("oslo", "Oslo", "Oslo", 3, description_nb="Oslo kommune"),
    Code("norge", "Norge", "Norway", 4, description_nb="Hele landet"),
    Code(
        "oslo-pd",
        "Oslo politidistrikt",
        "Oslo police district",
        5,
        description_nb="Oslo, Asker og Bærum (fra 1. mai 2017)",
        description_en="Oslo, Asker and Bærum (from 1 May 2017)",
    ),
)

#: The kommuner the dashboard filters on (slug in the URL -> code in the warehouse).
KOMMUNER = ("baerum", "asker", "oslo")

MUNICIPALITY_CODES = (
    MunicipalityCode("baerum", "0219", None, 2019),
    MunicipalityCode("baerum", "3024", 2020, 2023),
    MunicipalityCode("baerum", "3201", 2024, None),
    MunicipalityCode("asker", "0220", None, 2019, "Asker før 2020 (uten Røyken og Hurum)"),
    MunicipalityCode("asker", "3025", 2020, 2023, "Asker fra 2020 (med Røyken og Hurum)"),
    MunicipalityCode("asker", "3203", 2024, None, "Asker fra 2020 (med Røyken og Hurum)"),
    MunicipalityCode("oslo", "0301", None, None),
    MunicipalityCode("norge", "0", None, None),
)

MEASURES = {
    m.code: m
    for m in (
        Measure(
            "anmeldelser",
            "Anmeldelser",
            "Police reports",
            "count",
            "anmeldelser",
            "reports",
            "Antall anmeldelser. Én anmeldelse kan ha flere mistenkte.",
            "Number of police reports. One report can involve several suspects.",
        ),
        Measure(
            "personer",
            "Mistenkte personer",
            "Suspected persons",
            "count",
            "personer",
            "persons",
            "Antall ulike personer registrert som mistenkt.",
            "Number of distinct persons registered as suspects.",
        ),
        Measure(
            "forhold",
            "Straffbare forhold",
            "Offences",
            "count",
            "forhold",
            "offences",
            "Antall straffbare forhold. Én anmeldelse kan inneholde flere forhold.",
            "Number of offences. One report can contain several offences.",
        ),
        Measure(
            "bekymringssamtaler",
            "Bekymringssamtaler",
            "Concern talks",
            "count",
            "samtaler",
            "talks",
            "Politiets bekymringssamtaler med ungdom og foresatte.",
            "The police's concern talks with young people and their parents.",
        ),
        Measure(
            "ungdom_oppfolging",
            "Ungdom under oppfølging",
            "Young people under follow-up",
            "count",
            "personer",
            "persons",
            "Ungdom fulgt opp av forebyggende avsnitt, etter alvorlighetsgrad.",
            "Young people followed up by the prevention section, by severity.",
        ),
        Measure(
            "tp_saker",
            "Saker i Trygghetsprogrammet",
            "Cases in the Safety Programme",
            "count",
            "saker",
            "cases",
            "Registrerte saker/aktiviteter i Trygghetsprogrammet, enhet Vest, "
            "og hva som skjedde med dem.",
            "Cases registered in the Safety Programme (Trygghetsprogrammet), unit West, "
            "and their outcome.",
        ),
        Measure(
            "tp_saker_lovbrudd",
            "Saker i Trygghetsprogrammet etter lovbrudd",
            "Safety Programme cases by offence",
            "count",
            "saker",
            "cases",
            "Saker i Trygghetsprogrammet etter hva den utsatte har vært utsatt for.",
            "Safety Programme cases by the offence the victim was exposed to.",
        ),
        Measure(
            "ekstremisme_bekymringer",
            "Bekymringer om ekstremisme",
            "Extremism concerns",
            "count",
            "bekymringer",
            "concerns",
            "Bekymringsmeldinger om radikalisering og voldelig ekstremisme mottatt av politiet.",
            "Reports of concern about radicalisation and violent extremism received by the police.",
        ),
        Measure(
            "ekstremisme_andel",
            "Andel av bekymringene om ekstremisme",
            "Share of extremism concerns",
            "percent",
            "prosent",
            "per cent",
            "Prosentandel av bekymringene, etter tilknytning, ideologi eller avsender.",
            "Percentage of the concerns, by link, ideology or sender.",
        ),
        Measure(
            "ungdata_andel",
            "Ungdata: andel som svarer",
            "Ungdata: share answering",
            "percent",
            "prosent",
            "per cent",
            "Prosentandel av elevene som svarte på Ungdata-undersøkelsen.",
            "Percentage of pupils answering the Ungdata survey.",
        ),
        Measure(
            "ungdata_antall",
            "Ungdata: antall",
            "Ungdata: number",
            "count",
            "personer",
            "persons",
            "Antall elever, regnet ut fra Ungdata-svar slik rapporten oppgir det.",
            "Number of pupils, from Ungdata answers as the report states it.",
        ),
        Measure(
            "ungdata_forskjell",
            "Ungdata: forskjell fra landet",
            "Ungdata: difference from Norway",
            "difference",
            "prosentpoeng",
            "percentage points",
            "Forskjell mellom Bærum og landsgjennomsnittet, slik rapporten oppgir den.",
            "Difference between Bærum and the national average, as the report states it.",
        ),
        Measure(
            "befolkning",
            "Befolkning 1. januar",
            "Population on 1 January",
            "count",
            "innbyggere",
            "inhabitants",
            "Folkemengde 1. januar (SSB tabell 07459).",
            "Population on 1 January (Statistics Norway table 07459).",
        ),
        Measure(
            "anmeldte_lovbrudd",
            "Anmeldte lovbrudd",
            "Reported offences",
            "count",
            "lovbrudd",
            "offences",
            "Anmeldte lovbrudd i året (SSB).",
            "Offences reported in the year (Statistics Norway).",
        ),
        Measure(
            "anmeldte_lovbrudd_snitt",
            "Anmeldte lovbrudd, toårssnitt",
            "Reported offences, two-year average",
            "average",
            "lovbrudd per år (snitt av to år)",
            "offences per year (two-year average)",
            "Gjennomsnitt av to år etter gjerningssted. Periodene overlapper og kan ikke summeres.",
            "Average of two years by scene of crime. Periods overlap and must not be summed.",
        ),
        Measure(
            "anmeldte_lovbrudd_per1000",
            "Anmeldte lovbrudd per 1 000 innbyggere",
            "Reported offences per 1,000 inhabitants",
            "rate",
            "per 1 000 innbyggere",
            "per 1,000 inhabitants",
            "Publisert av SSB.",
            "Published by Statistics Norway.",
        ),
        Measure(
            "anmeldte_lovbrudd_per1000_snitt",
            "Anmeldte lovbrudd per 1 000 innbyggere, toårssnitt",
            "Reported offences per 1,000 inhabitants, two-year average",
            "rate",
            "per 1 000 innbyggere",
            "per 1,000 inhabitants",
            "Publisert av SSB, gjennomsnitt av to år.",
            "Published by Statistics Norway, two-year average.",
        ),
    )
}

PLACE_ROLES = _codes(
    Code(TOTAL, "Ikke relevant", "Not applicable", 0),
    Code(
        "gjerningssted",
        "Gjerningssted",
        "Scene of crime",
        1,
        description_nb="Lovbrudd begått i kommunen, uansett hvor de mistenkte bor.",
        description_en="Offences committed in the municipality, wherever the suspects live.",
    ),
    Code(
        "bosted",
        "Bosted",
        "Residence",
        2,
        description_nb="Lovbrudd begått av personer som bor i kommunen, uansett hvor.",
        description_en="Offences committed by residents of the municipality, wherever committed.",
    ),
)

RESIDENCES = _codes(
    Code(TOTAL, "Alle bosteder (total)", "All places of residence (total)", 0),
    Code("baerum", "Bærum", "Bærum", 1),
    Code("asker", "Asker", "Asker", 2),
    Code("oslo", "Oslo", "Oslo", 3),
    Code("utenfor_opd", "Utenfor Oslo politidistrikt", "Outside Oslo police district", 4),
    Code("ikke_plassert", "Ikke plassert / utland", "Not placed / abroad", 5),
)

AGE_GROUPS = _codes(
    Code(TOTAL, "Alle aldre", "All ages", 0),
    Code("10-14", "10–14 år", "10–14 years", 1),
    Code("15-17", "15–17 år", "15–17 years", 2),
    Code("10-17", "10–17 år", "10–17 years", 3),
    Code("under-18", "Under 18 år", "Under 18 years", 4),
    Code("18-22", "18–22 år", "18–22 years", 5),
    Code("ungdomsskole", "Ungdomsskole (8.–10. trinn)", "Lower secondary (years 8–10)", 6),
    Code("videregaende", "Videregående skole", "Upper secondary school", 7),
)

#: Age groups that are the sum of others (used only to report totals != sums, never to compute).
AGE_PARTS = {"10-17": ("10-14", "15-17")}

SEXES = _codes(
    Code(TOTAL, "Begge kjønn", "Both sexes", 0),
    Code("jenter", "Jenter", "Girls", 1),
    Code("gutter", "Gutter", "Boys", 2),
)

OFFENCE_GROUPS = _codes(
    Code(TOTAL, "Alle lovbrudd", "All offences", 0),
    # The police's offence groups as printed in the SLT reports (after the 2015 Penal Code).
    Code("annen", "Annen", "Other", 1),
    Code("alkoholloven", "Alkoholloven", "Alcohol Act", 2, parent="annen"),
    Code("narkotika", "Narkotika", "Drugs", 3),
    Code("seksuallovbrudd", "Seksuallovbrudd", "Sexual offences", 4),
    Code("skadeverk", "Skadeverk", "Criminal damage", 5),
    Code("trafikk", "Trafikk", "Traffic", 6),
    Code("vinning", "Vinning", "Property crime", 7),
    Code("butikktyveri", "Butikktyveri", "Shoplifting", 8, parent="vinning"),
    Code("ran", "Ran", "Robbery", 9, parent="vinning"),
    Code("tyveri_fra_person", "Tyveri fra person", "Theft from a person", 10, parent="vinning"),
    Code("vold", "Vold", "Violence", 11),
    Code("fysisk_vold", "Fysisk vold", "Physical violence", 12, parent="vold"),
    Code(
        "mot_offentlig_tjenesteperson",
        "Mot offentlig tjenesteperson",
        "Against a public servant",
        13,
        parent="vold",
    ),
    Code("trusler", "Trusler", "Threats", 14, parent="vold"),
    Code("okonomi", "Økonomi", "Economic crime", 15),
    # Trygghetsprogrammet's categories (what the victim was exposed to).
    Code("hatkriminalitet", "Hatkriminalitet", "Hate crime", 16),
    Code("andre", "Andre lovbrudd", "Other offences", 17),
    # Statistics Norway's groups for reported offences (StatBank 08487, 2015 classification).
    Code("ssb_eiendomstyveri", "Eiendomstyveri", "Property theft", 20),
    Code("ssb_vold", "Vold og mishandling", "Violence and maltreatment", 21),
    Code("ssb_rusmiddel", "Rusmiddellovbrudd", "Drug and alcohol offences", 22),
    Code(
        "ssb_orden",
        "Ordens- og integritetskrenkelser",
        "Public order and integrity violations",
        23,
    ),
    Code("ssb_trafikk", "Trafikklovbrudd", "Traffic offences", 24),
    Code("ssb_annet", "Annen vinning, skadeverk og andre lovbrudd", "Other offences", 25),
)

CATEGORIES = _codes(
    Code(TOTAL, "Alle", "All", 0),
    # Repeat offending (2020 report, 2.1.1)
    Code(
        "gjentatt_4pluss",
        "Fire eller flere anmeldelser i OPD",
        "Four or more reports in the police district",
        1,
    ),
    Code(
        "gjentatt_4pluss_egen_kommune",
        "Av dem: registrert i egen kommune",
        "Of them: registered in own municipality",
        2,
    ),
    # Police follow-up categories (bekymringssamtaler)
    Code("bekymring", "BEKYMRING (månedlig oppfølging)", "CONCERN (monthly follow-up)", 10),
    Code("risiko", "RISIKO (oppfølging hver 14. dag)", "RISK (follow-up every 14 days)", 11),
    Code("tett_pa", "TETT PÅ (ukentlig oppfølging)", "CLOSE (weekly follow-up)", 12),
    # Trygghetsprogrammet funnel
    Code("registrert", "Registrert", "Registered", 20),
    Code("samtale", "I trygghetssamtale", "In a safety conversation", 21),
    Code("takket_nei", "Fått tilbud, takket nei", "Offered, declined", 22),
    Code("ikke_svart", "Ikke svart", "No answer", 23),
    Code("overfort", "Overført til kommune/bydel", "Transferred to municipality/district", 24),
    Code("voksne_hatkrim", "Voksne (hatkriminalitet)", "Adults (hate crime)", 25),
    # Extremism concerns
    Code("knyttet_til_kommunen", "Knyttet til kommunen", "Linked to the municipality", 30),
    Code("hx", "Høyreekstremisme (HX)", "Right-wing extremism (HX)", 31),
    Code("ix", "Islamistisk ekstremisme (IX)", "Islamist extremism (IX)", 32),
    Code("ax", "AX", "AX", 33),
    Code("vx", "Venstreekstremisme (VX)", "Left-wing extremism (VX)", 34),
    Code(
        "annet",
        "Annet (voldsfascinasjon, uavklart ideologi)",
        "Other (fascination with violence, unclear ideology)",
        35,
    ),
    Code("fra_justissektoren", "Fra justissektoren", "From the justice sector", 36),
    # Numbers stated in the reports' prose
    Code(
        "sandvika_storsenter", "Gjerningssted Sandvika storsenter", "Scene: Sandvika storsenter", 40
    ),
    Code("uten_butikktyveri", "Uten butikktyveri", "Excluding shoplifting", 41),
    Code("kjent_gjerningsperson", "Med kjent gjerningsperson", "With a known offender", 42),
    Code(
        "fornaermet_bosatt_under_18",
        "Fornærmet bosatt i kommunen, under 18 år",
        "Victim resident in the municipality, under 18",
        43,
    ),
    Code("mindre_tyveri", "Mindre tyveri", "Petty theft", 44),
    Code("en_person", "Begått av én person", "Committed by one person", 45),
    # Ungdata topics
    Code("svarprosent", "Svarprosent", "Response rate", 50),
    Code("beruset_siste_ar", "Tydelig beruset siste år", "Clearly drunk in the past year", 51),
    Code(
        "utsatt_vold_siste_ar",
        "Utsatt for vold siste år",
        "Exposed to violence in the past year",
        52,
    ),
    Code("familievold", "Utsatt for vold i hjemmet", "Exposed to violence at home", 53),
    Code(
        "presset_seksuelle_handlinger",
        "Presset til seksuelle handlinger",
        "Pressured into sexual acts",
        54,
    ),
    Code(
        "sex_for_full",
        "Sex mot sin vilje mens for full",
        "Sex against their will while too drunk",
        55,
    ),
    Code(
        "lege_etter_vold",
        "Oppsøkt lege for skade etter vold",
        "Saw a doctor for an injury after violence",
        56,
    ),
    Code("befolt_mot_vilje", "Befølt mot sin vilje", "Groped against their will", 57),
)

#: SSB's symbols for a missing cell. A cell with one of these has no value, never 0.
STATUSES = _codes(
    Code(
        "..",
        "Tall mangler",
        "Not available",
        1,
        description_nb="Tallet finnes ikke i kilden, eller er tapt.",
    ),
    Code(":", "Skjult (konfidensielt)", "Suppressed (confidential)", 2),
    Code(".", "Ikke aktuelt", "Not applicable", 3),
    Code("-", "Vist som strek i kilden", "Printed as a dash in the source", 4),
)

DIMENSIONS: dict[str, dict[str, Code]] = {
    "municipality": MUNICIPALITIES,
    "place_role": PLACE_ROLES,
    "residence": RESIDENCES,
    "age_group": AGE_GROUPS,
    "sex": SEXES,
    "offence_group": OFFENCE_GROUPS,
    "offence_subgroup": OFFENCE_GROUPS,
    "category": CATEGORIES,
}


def codes_in_force(municipality: str, first_year: int, last_year: int) -> list[str]:
    """Municipality numbers valid at some time in [first_year, last_year]."""
    return [
        c.code
        for c in MUNICIPALITY_CODES
        if c.municipality == municipality
        and (c.valid_from is None or c.valid_from <= last_year)
        and (c.valid_to is None or c.valid_to >= first_year)
    ]


def label(codes: dict[str, Code], code: str, lang: str) -> str:
    """A code's label in the reader's language."""
    entry = codes[code]
    return entry.en if lang == "en" else entry.nb


def measure_name(code: str, lang: str) -> str:
    """A measure's name in `lang` (its code if unknown)."""
    measure = MEASURES.get(code)
    if measure is None:
        return code
    return measure.en if lang == "en" else measure.nb


def kommune_name(code: str, lang: str) -> str:
    """A municipality's (or area's) name in the reader's language."""
    return label(MUNICIPALITIES, code, lang)


def kommune_options(codes: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    """(code, name) pairs for a kommune control."""
    return [(c, kommune_name(c, lang)) for c in codes]
