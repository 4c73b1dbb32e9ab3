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
        "nb": "«..» tall mangler, «:» skjult, «.» ikke aktuelt, «-» null / ingenting.",
        "en": "“..” not available, “:” suppressed, “.” not applicable, “-” nil.",
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
    "nodata.page.title": {
        "nb": "Ingen tall for {k} på denne siden",
        "en": "No figures for {k} on this page",
    },
    "nodata.page.body": {
        "nb": "Ingen av figurene på denne siden har tall for {k} i datagrunnlaget.",
        "en": "None of the charts on this page has figures for {k} in the data.",
    },
    "nodata.page.elsewhere": {
        "nb": "Tallene på siden finnes for:",
        "en": "The page's figures exist for:",
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
        "nb": "Mistenkte 10–17 år for lovbrudd begått i kommunen (gjerningssted), fordelt på hvor de mistenkte bor, der politiet har publisert det, og hvilke lovbrudd som anmeldes i kommunen, per innbygger, for alle kommuner. Personer og anmeldelser teller ulike ting, og én anmeldelse kan ha mistenkte fra flere steder: tabellene viser derfor både den publiserte totalsummen og den beregnede summen av radene.",
        "en": "Suspects aged 10–17 for offences committed in the municipality (scene of crime), by where the suspects live, where the police have published it, and which offences are reported in the municipality, per inhabitant, for every municipality. Persons and reports count different things, and one report can involve suspects from several places: the tables therefore show both the published total and the computed sum of the rows.",
    },
    # alder_og_kjonn
    "alder_og_kjonn.h1": {"nb": "Alder og kjønn", "en": "Age and sex"},
    "alder_og_kjonn.intro": {
        "nb": "Unge mistenkte 10–14 og 15–17 år, jenter og gutter, år for år, der politiet har publisert det: anmeldelser etter gjerningssted og bosted, mistenkte personer etter gjerningssted. Kilden publiserer ingen totalsum for disse tabellene. Befolkningen etter alder finnes for alle kommuner.",
        "en": "Young suspects aged 10–14 and 15–17, girls and boys, year by year, where the police have published it: reports by scene of crime and by residence, suspected persons by scene of crime. The source publishes no total for these tables. The population by age exists for every municipality.",
    },
    # trygghetsprogrammet
    "trygghetsprogrammet.h1": {"nb": "Oppfølging av unge", "en": "Follow-up of young people"},
    "trygghetsprogrammet.intro": {
        "nb": "Hvordan politiet og kommunen følger opp barn og unge: Trygghetsprogrammet for unge som er utsatt for kriminalitet, politiets bekymringssamtaler og oppfølging av ungdom, unge gjengangere, bekymringer om ekstremisme og Ungdata, slik SLT-rapportene og SaLTo-rapporten har trykt dem.",
        "en": "How the police and the municipality follow up children and young people: the Safety Programme for young victims of crime, the police's concern talks and follow-up of young people, young repeat offenders, concerns about extremism and Ungdata, as the SLT reports and the SaLTo report printed them.",
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
    # --- Safe downloads, bounded costs, status codes (issue 16) ---
    "download.busy": {
        "nb": "Filen lages for noen andre akkurat nå. Prøv igjen om litt.",
        "en": "The file is being made for somebody else right now. Please try again shortly.",
    },
    "image.reason.busy": {"nb": "opptatt", "en": "busy"},
    "image.reason.no_browser": {
        "nb": "ingen nettleser på serveren",
        "en": "no browser on the server",
    },
    "image.reason.timeout": {
        "nb": "tegningen tok mer enn {seconds} sekunder to ganger; tegneren er startet på nytt",
        "en": "drawing took longer than {seconds} seconds twice; the renderer was restarted",
    },
    "image.reason.failed": {
        "nb": "tegneren svarer ikke og startes på nytt",
        "en": "the renderer does not answer and is being restarted",
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
        "nb": "Ungdata i {k}: andel av elevene som svarte{years}",
        "en": "Ungdata in {k}: share of the pupils who answered{years}",
    },
    "trygghetsprogrammet.nodata": {
        "nb": "Det finnes ingen tall for dette valget ({choice}).",
        "en": "There are no figures for this choice ({choice}).",
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
    "trend.nodata.none": {
        "nb": "Det finnes ingen tall for {what}.",
        "en": "There are no figures for {what}.",
    },
    "trend.nodata.choice": {
        "nb": "Det finnes ingen tall for dette valget.",
        "en": "There are no figures for this choice.",
    },
    "trend.comparison.lacking": {
        "nb": "Ingen tall for {areas} i {period}: de er ikke med i sammenligningen.",
        "en": "No figures for {areas} in {period}: they are not in the comparison.",
    },
    "trend.nodata.exists": {"nb": "Tall finnes for {exists}.", "en": "Figures exist for {exists}."},
    "trend.unit.per1000": {
        "nb": " per 1 000 innbyggere (toårssnitt)",
        "en": " per 1,000 inhabitants (two-year average)",
    },
    "trend.unit.per_year": {
        "nb": ", antall per år (toårssnitt)",
        "en": ", per year (two-year average)",
    },
    # oversikt: key figures and themes
    "oversikt.key.anmeldelser-gjerningssted": {
        "nb": "Anmeldelser med gjerningssted {k}, 10–17 år",
        "en": "Reports with the scene of crime in {k}, ages 10–17",
    },
    "oversikt.key.personer-gjerningssted": {
        "nb": "Mistenkte personer 10–17 år, gjerningssted {k}",
        "en": "Suspected persons aged 10–17, scene of crime {k}",
    },
    "oversikt.key.gutter-15-17-bosted": {
        "nb": "Anmeldelser av gutter 15–17 år bosatt i {k}",
        "en": "Reports of boys aged 15–17 living in {k}",
    },
    "oversikt.key.jenter-10-14-gjerningssted": {
        "nb": "Anmeldelser av jenter 10–14 år, gjerningssted {k}",
        "en": "Reports of girls aged 10–14, scene of crime {k}",
    },
    "oversikt.key.gjentatt": {
        "nb": "Unge bosatt i {k} med fire eller flere anmeldelser",
        "en": "Young people living in {k} with four or more reports",
    },
    "oversikt.key.trygghetsprogrammet": {
        "nb": "Saker registrert i Trygghetsprogrammet ({k}, enhet Vest)",
        "en": "Cases registered in the Safety Programme ({k}, unit West)",
    },
    "oversikt.key.bekymringssamtaler": {
        "nb": "Politiets bekymringssamtaler i {k}",
        "en": "Police concern talks in {k}",
    },
    "oversikt.key.anmeldte-lovbrudd": {
        "nb": "Anmeldte lovbrudd med gjerningssted {k} (SSB, toårssnitt)",
        "en": "Reported offences with the scene of crime in {k} (Statistics Norway, two-year average)",
    },
    "oversikt.key.gjengangere": {
        "nb": "Unge gjengangere i {k} (under 18 år, fire eller flere forhold i året)",
        "en": "Young repeat offenders in {k} (under 18, four or more offences in the year)",
    },
    "oversikt.theme.ungdom": {"nb": "Unge mistenkte", "en": "Young suspects"},
    "oversikt.theme.oppfolging": {"nb": "Oppfølging", "en": "Follow-up"},
    "oversikt.theme.lovbrudd": {"nb": "Anmeldte lovbrudd", "en": "Reported offences"},
    "oversikt.up": {"nb": "Opp", "en": "Up"},
    "oversikt.down": {"nb": "Ned", "en": "Down"},
    "oversikt.flat": {"nb": "Uendret", "en": "Unchanged"},
    "oversikt.about": {"nb": "Om tallene", "en": "About the figures"},
    "oversikt.series": {"nb": "Hele serien", "en": "The whole series"},
    "oversikt.other_areas": {
        "nb": "For {k} finnes tallene under. Flere tall finnes for {others}.",
        "en": "For {k} the figures below exist. More figures exist for {others}.",
    },
    # Møtemodus (/mote): slides for meetings, the agenda, "Legg til i møtet".
    "nav.mote": {"nb": "Møtemodus", "en": "Meeting mode"},
    "meta.mote": {
        "nb": "Møtemodus: tallene som lysbilder for SLT-koordineringsgruppen, med QR-kode til "
        "hver visning.",
        "en": "Meeting mode: the figures as slides for the SLT coordination group, with a QR "
        "code to each view.",
    },
    "mote.h1": {"nb": "Møtemodus", "en": "Meeting mode"},
    "mote.intro": {
        "nb": "Levende visninger, ett lysbilde om gangen. Bla med piltastene, Page Up/Page "
        "Down eller mellomrom; Home og End går til første og siste. F gir fullskjerm, Esc "
        "avslutter.",
        "en": "Live views, one slide at a time. Step with the arrow keys, Page Up/Page Down "
        "or space; Home and End go to the first and last. F gives full screen, Esc leaves.",
    },
    "mote.link": {"nb": "Møtemodus", "en": "Meeting mode"},
    "mote.overview_link": {
        "nb": "Vis nøkkeltallene og hovedfigurene som lysbilder i møtemodus",
        "en": "Show the key figures and main charts as slides in meeting mode",
    },
    "mote.deck": {"nb": "Lysbilder", "en": "Slides"},
    "mote.deck.role": {"nb": "lysbildefremvisning", "en": "slide show"},
    "mote.slide": {"nb": "lysbilde", "en": "slide"},
    "mote.counter": {"nb": "Lysbilde {n} av {total}", "en": "Slide {n} of {total}"},
    "mote.toolbar": {"nb": "Bla i lysbildene", "en": "Move between slides"},
    "mote.prev": {"nb": "Forrige", "en": "Previous"},
    "mote.next": {"nb": "Neste", "en": "Next"},
    "mote.fullscreen": {"nb": "Fullskjerm", "en": "Full screen"},
    "mote.fullscreen.leave": {"nb": "Avslutt fullskjerm", "en": "Leave full screen"},
    "mote.overview.h": {"nb": "Nøkkeltall for {k}", "en": "Key figures for {k}"},
    "mote.small_screen": {
        "nb": " Figuren er laget for storskjerm: åpne visningen for å se den på en liten skjerm.",
        "en": " The chart is made for a big screen: open the view to see it on a small screen.",
    },
    "mote.open_view": {"nb": "Åpne visningen", "en": "Open the view"},
    "mote.qr.alt": {
        "nb": "QR-kode som åpner visningen {url}",
        "en": "QR code that opens the view {url}",
    },
    "mote.agenda.h": {"nb": "Lysbildene i møtet", "en": "The slides of the meeting"},
    "mote.agenda.own": {
        "nb": "Dette er agendaen deres, laget med «Legg til i møtet». Den ligger i lenken: "
        "del den, bokmerk den eller send den på e-post.",
        "en": "This is your agenda, built with “Add to the meeting”. It lives in the link: "
        "share it, bookmark it or send it by e-mail.",
    },
    "mote.agenda.default": {
        "nb": "Standardrekkefølgen: nøkkeltallene, så hovedfiguren på hver side. Lag en egen "
        "agenda med «Legg til i møtet» under hver figur, eller endre rekkefølgen her.",
        "en": "The default sequence: the key figures, then the main chart of each page. Build "
        "your own agenda with “Add to the meeting” under any chart, or reorder it here.",
    },
    "mote.up": {"nb": "Flytt opp", "en": "Move up"},
    "mote.down": {"nb": "Flytt ned", "en": "Move down"},
    "mote.remove": {"nb": "Fjern", "en": "Remove"},
    # a button's name starts with its visible text (WCAG 2.5.3), then says which slide
    "mote.up.label": {"nb": "Flytt opp: {title}", "en": "Move up: {title}"},
    "mote.down.label": {"nb": "Flytt ned: {title}", "en": "Move down: {title}"},
    "mote.remove.label": {"nb": "Fjern: {title}", "en": "Remove: {title}"},
    "mote.share": {"nb": "Lenke til dette møtet", "en": "Link to this meeting"},
    "mote.clear": {
        "nb": "Tøm agendaen og vis standardrekkefølgen",
        "en": "Clear the agenda and show the default sequence",
    },
    "mote.default_for": {"nb": "Standardrekkefølge for:", "en": "Default sequence for:"},
    "mote.add": {"nb": "Legg til i møtet", "en": "Add to the meeting"},
    "mote.added": {
        "nb": "Lagt til som lysbilde {n} i møtet.",
        "en": "Added as slide {n} of the meeting.",
    },
    # --- Every kommune compared (issue 17) ---
    # Excel downloads for people (17b): headers, labels for codes, the Kilde sheet's keys.
    "xlsx.column.year": {"nb": "År", "en": "Year"},
    "xlsx.column.period": {"nb": "Periode", "en": "Period"},
    "xlsx.column.municipality": {"nb": "Kommune", "en": "Municipality"},
    "xlsx.column.municipality_code": {"nb": "Kommunenummer", "en": "Municipality number"},
    "xlsx.column.measure": {"nb": "Hva telles", "en": "What is counted"},
    "xlsx.column.place_role": {"nb": "Sted", "en": "Place"},
    "xlsx.column.residence": {"nb": "Bosted", "en": "Residence"},
    "xlsx.column.age_group": {"nb": "Alder", "en": "Age"},
    "xlsx.column.sex": {"nb": "Kjønn", "en": "Sex"},
    "xlsx.column.offence_group": {"nb": "Lovbruddsgruppe", "en": "Offence group"},
    "xlsx.column.offence_subgroup": {"nb": "Lovbrudd", "en": "Offence"},
    "xlsx.column.category": {"nb": "Kategori", "en": "Category"},
    "xlsx.column.status": {"nb": "Symbol (SSB)", "en": "Symbol (Statistics Norway)"},
    "xlsx.column.note": {"nb": "Merknad", "en": "Note"},
    "xlsx.column.source": {"nb": "Kilde", "en": "Source"},
    "xlsx.column.licence": {"nb": "Lisens", "en": "Licence"},
    "xlsx.column.publication": {"nb": "Publikasjon", "en": "Publication"},
    "xlsx.column.section": {"nb": "Avsnitt", "en": "Section"},
    "xlsx.column.table_title": {"nb": "Tabell", "en": "Table"},
    "xlsx.column.source_id": {"nb": "Kilde-id", "en": "Source id"},
    "xlsx.column.population": {"nb": "Befolkning", "en": "Population"},
    "xlsx.column.population_period": {"nb": "Befolkning per", "en": "Population as of"},
    "xlsx.column.population_code": {
        "nb": "Befolkning, kommunenummer",
        "en": "Population, municipality number",
    },
    "xlsx.column.rate": {
        "nb": "Per 1 000 innbyggere (beregnet)",
        "en": "Per 1,000 inhabitants (computed)",
    },
    "xlsx.column.published_rate": {
        "nb": "Per 1 000 innbyggere (publisert)",
        "en": "Per 1,000 inhabitants (published)",
    },
    "xlsx.column.numerator": {"nb": "Teller", "en": "Numerator"},
    "xlsx.column.denominator": {"nb": "Nevner", "en": "Denominator"},
    "xlsx.column.denominator_definition": {
        "nb": "Hva nevneren er",
        "en": "What the denominator is",
    },
    "xlsx.column.share_computed_percent": {
        "nb": "Andel i prosent (beregnet)",
        "en": "Share in percent (computed)",
    },
    "xlsx.column.lower": {
        "nb": "Konfidensintervall, nedre (95 %)",
        "en": "Confidence interval, lower (95%)",
    },
    "xlsx.column.upper": {
        "nb": "Konfidensintervall, øvre (95 %)",
        "en": "Confidence interval, upper (95%)",
    },
    "xlsx.column.benchmark": {
        "nb": "Landet, per 1 000 innbyggere",
        "en": "Norway, per 1,000 inhabitants",
    },
    "xlsx.column.verdict": {"nb": "Vurdering mot landet", "en": "Compared with Norway"},
    "xlsx.column.role": {"nb": "Rolle i figuren", "en": "Role in the chart"},
    "xlsx.column.preferred": {"nb": "Tallet som vises", "en": "The number shown"},
    "xlsx.role.kommune": {"nb": "Kommunen", "en": "The municipality"},
    "xlsx.role.sammenligning": {"nb": "Lignende kommune", "en": "Similar municipality"},
    "xlsx.role.land": {"nb": "Landet", "en": "Norway"},
    "xlsx.yes": {"nb": "Ja", "en": "Yes"},
    "xlsx.no": {"nb": "Nei", "en": "No"},
    "xlsx.denominator.age_sex": {
        "nb": "Summen av de fire gruppene (alder × kjønn), beregnet",
        "en": "The sum of the four groups (age × sex), computed",
    },
    "xlsx.kilde.figur": {"nb": "Figur", "en": "Chart"},
    "xlsx.kilde.sammendrag": {"nb": "Sammendrag", "en": "Summary"},
    "xlsx.kilde.kilde": {"nb": "Kilde", "en": "Source"},
    "xlsx.kilde.tabell": {"nb": "Tabell", "en": "Table"},
    "xlsx.kilde.definisjoner": {"nb": "Definisjoner", "en": "Definitions"},
    "xlsx.kilde.merknader": {"nb": "Merknader til kilden", "en": "Notes on the source"},
    "xlsx.kilde.lenke": {"nb": "Lenke", "en": "Link"},
    "xlsx.kilde.hva_telles": {"nb": "Hva telles", "en": "What is counted"},
    "xlsx.kilde.merknad": {"nb": "Merknad", "en": "Note"},
    "xlsx.kilde.symboler": {"nb": "Symboler", "en": "Symbols"},
    "xlsx.kilde.lisens": {"nb": "Lisens", "en": "Licence"},
    "xlsx.kilde.visning": {"nb": "Visning", "en": "View"},
    "xlsx.kilde.lastet_ned": {"nb": "Lastet ned", "en": "Downloaded"},
    "xlsx.kilde.fra": {"nb": "{date} fra {site}", "en": "{date} from {site}"},
    "territory.changed": {
        "nb": "{k} endret område: {note}. Tall før og etter gjelder ulike områder.",
        "en": "{k} changed territory: {note}. Figures before and after cover different areas.",
    },
    "nav.kommuner": {"nb": "Velg kommune", "en": "Choose a municipality"},
    "kommuner.h1": {"nb": "Velg kommune", "en": "Choose a municipality"},
    "meta.kommuner": {
        "nb": "Alle landets kommuner, søkbare, med hvilke tall som finnes for hver.",
        "en": "Every municipality in Norway, searchable, with the figures that exist for each.",
    },
    "kommuner.intro": {
        "nb": "Alle kommuner i landet, med hva som finnes for hver. Statistisk sentralbyrås tall (anmeldte lovbrudd og befolkning) finnes for alle; SLT-rapportenes tall bare for kommunene som har publisert dem.",
        "en": "Every municipality in Norway, with what exists for each. Statistics Norway's figures (reported offences and population) exist for all; the SLT reports' figures only for the municipalities that have published them.",
    },
    "kommuner.search": {"nb": "Søk etter kommune", "en": "Search for a municipality"},
    "kommuner.submit": {"nb": "Søk", "en": "Search"},
    "kommuner.count": {"nb": "{n} av {total} kommuner", "en": "{n} of {total} municipalities"},
    "kommuner.nothing": {"nb": "ingen tall ennå", "en": "no figures yet"},
    "kommuner.all": {"nb": "Alle kommuner ({n}) …", "en": "All municipalities ({n}) …"},
    "oversikt.year.none": {
        "nb": "Det finnes ingen nøkkeltall for {k} i {year}.",
        "en": "There are no key figures for {k} in {year}.",
    },
    "oversikt.year.has": {
        "nb": "År med nøkkeltall for kommunen:",
        "en": "Years with key figures for the municipality:",
    },
    "oversikt.year.older": {
        "nb": "SLT-rapportene har ingen tall for {k} i {year}. Kortene under viser de nyeste tallene som finnes, fra {latest} og før.",
        "en": "The SLT reports have no figures for {k} in {year}. The cards below show the latest figures there are, from {latest} and earlier.",
    },
    "oversikt.reconcile": {
        "nb": "Anmeldelser og mistenkte personer kan gå hver sin vei: én anmeldelse kan ha flere mistenkte, og én person kan stå i flere anmeldelser. Anmeldelsene {reports_way} ({reports} i {reports_year}), mens mistenkte personer {persons_way} ({persons} i {persons_year}).",
        "en": "Police reports and suspected persons can move apart: one report can have several suspects, and one person can be named in several reports. Reports {reports_way} ({reports} in {reports_year}), while suspected persons {persons_way} ({persons} in {persons_year}).",
    },
    "oversikt.way.up": {"nb": "økte", "en": "went up"},
    "oversikt.way.down": {"nb": "gikk ned", "en": "went down"},
    "oversikt.way.flat": {"nb": "var uendret", "en": "stayed the same"},
    "oversikt.stated_change": {
        "nb": "{subject}: {value} i {year}, {change} fra {year_prev} ifølge samme kilde.",
        "en": "{subject}: {value} in {year}, {change} from {year_prev} according to the same source.",
    },
    "oversikt.stated.up": {"nb": "opp", "en": "up"},
    "oversikt.stated.down": {"nb": "ned", "en": "down"},
    "oversikt.stated.flat": {"nb": "uendret", "en": "unchanged"},
    "trend.series.disagree": {
        "nb": "{year}: {publication} oppga {value} ({series}); linjen viser {shown} ({shown_series}) fra {shown_publication}. Kildene er uenige om dette ene tallet, så det er ikke tegnet som en egen serie; begge tallene står i tabellen og i nedlastingen.",
        "en": "{year}: {publication} gave {value} ({series}); the line shows {shown} ({shown_series}) from {shown_publication}. The sources disagree on this one number, so it is not drawn as a series of its own; both numbers are in the table and the download.",
    },
    "trygghetsprogrammet.title.repeat": {
        "nb": "Unge gjengangere i {k}",
        "en": "Young repeat offenders in {k}",
    },
    "trygghetsprogrammet.repeat.y": {"nb": "Personer", "en": "Persons"},
    "trygghetsprogrammet.repeat.none": {
        "nb": "SLT- og SaLTo-rapportene har ingen tall for unge gjengangere i {k}.",
        "en": "The SLT and SaLTo reports have no figures for young repeat offenders in {k}.",
    },
    "trygghetsprogrammet.repeat.note": {
        "nb": "Hver definisjon er sin egen linje: SaLTo-rapporten teller unge med fire eller flere straffbare forhold i året; SLT-rapporten teller personer med fire eller flere anmeldelser i politidistriktet. Tallene kan ikke sammenlignes direkte.",
        "en": "Each definition is its own line: the SaLTo report counts young people with four or more offences in the year; the SLT report counts persons with four or more police reports in the district. The figures cannot be compared directly.",
    },
    "profile.title": {
        "nb": "Anmeldte lovbrudd i {k} etter lovbruddsgruppe, per 1 000 innbyggere, og landet",
        "en": "Reported offences in {k} by offence group, per 1,000 inhabitants, and Norway",
    },
    "profile.subtitle": {
        "nb": "{period} (snitt av to år), etter gjerningssted. Prikk: kommunen, med 95 % konfidensintervall; rute: landet.",
        "en": "{period} (average of two years), by scene of crime. Dot: the municipality, with 95% confidence interval; diamond: Norway.",
    },
    "profile.group": {"nb": "Lovbruddsgruppe", "en": "Offence group"},
    "profile.summary": {
        "nb": "{k}, {period} (snitt av to år), anmeldte lovbrudd per 1 000 innbyggere: {groups}.",
        "en": "{k}, {period} (average of two years), reported offences per 1,000 inhabitants: {groups}.",
    },
    "profile.nodata": {
        "nb": "Ingen tall for anmeldte lovbrudd per innbygger i {k}.",
        "en": "No figures for reported offences per inhabitant in {k}.",
    },
    "page.not_published.one": {
        "nb": "Ikke publisert for {k}: én figur til på denne siden, og hva som finnes i stedet",
        "en": "Not published for {k}: one more chart on this page, and what exists instead",
    },
    "page.not_published.many": {
        "nb": "Ikke publisert for {k}: {n} figurer til på denne siden, og hva som finnes i stedet",
        "en": "Not published for {k}: {n} more charts on this page, and what exists instead",
    },
    "comparison.gruppe": {"nb": "Lovbruddsgruppe (SSB)", "en": "Offence group (Statistics Norway)"},
    "comparison.title": {
        "nb": "Anmeldte lovbrudd per 1 000 innbyggere: {k}, lignende kommuner og landet",
        "en": "Reported offences per 1,000 inhabitants: {k}, similar municipalities and Norway",
    },
    "comparison.title.group": {
        "nb": "Anmeldte lovbrudd per 1 000 innbyggere, {group}: {k}, lignende kommuner og landet",
        "en": "Reported offences per 1,000 inhabitants, {group}: {k}, similar municipalities and Norway",
    },
    "comparison.subtitle.group": {
        "nb": "{period} (snitt av to år). Sammenlignet med de andre {group}. Strekene viser 95 % konfidensintervall; den stiplede linjen er landet.",
        "en": "{period} (average of two years). Compared with the other {group}. The bars show 95% confidence intervals; the dashed line is Norway.",
    },
    "comparison.subtitle.nearest": {
        "nb": "{period} (snitt av to år). Sammenlignet med de {n} kommunene med nærmest like mange innbyggere 1. januar {year}. Strekene viser 95 % konfidensintervall; den stiplede linjen er landet.",
        "en": "{period} (average of two years). Compared with the {n} municipalities closest in population on 1 January {year}. The bars show 95% confidence intervals; the dashed line is Norway.",
    },
    "comparison.axis": {
        "nb": "Per 1 000 innbyggere (beregnet)",
        "en": "Per 1,000 inhabitants (computed)",
    },
    "verdict.hoyere": {"nb": "høyere enn landet", "en": "higher than Norway"},
    "verdict.lavere": {"nb": "lavere enn landet", "en": "lower than Norway"},
    "verdict.ingen_sikker_forskjell": {
        "nb": "ingen sikker forskjell fra landet",
        "en": "no certain difference from Norway",
    },
    # The label beside a dot: short, so thirteen kommuner fit a slide (the subtitle and the
    # notes say "enn landet").
    "verdict.short.hoyere": {"nb": "høyere", "en": "higher"},
    "verdict.short.lavere": {"nb": "lavere", "en": "lower"},
    "verdict.short.ingen_sikker_forskjell": {
        "nb": "ingen sikker forskjell",
        "en": "no certain difference",
    },
    "verdict.none": {
        "nb": "landets tall for samme periode finnes ikke, så det er ingen vurdering",
        "en": "Norway's figure for the same period is not available, so there is no assessment",
    },
    "comparison.sentence": {
        "nb": "{k}: {rate} anmeldte lovbrudd per 1 000 innbyggere i {period} (snitt av to år), {verdict}",
        "en": "{k}: {rate} reported offences per 1,000 inhabitants in {period} (average of two years), {verdict}",
    },
    "comparison.sentence.benchmark": {"nb": " (landet: {value})", "en": " (Norway: {value})"},
    "comparison.sentence.peers": {
        "nb": " Lignende kommuner: {peers}.",
        "en": " Similar municipalities: {peers}.",
    },
    "comparison.sentence.missing": {
        "nb": "{k}: anmeldte lovbrudd per 1 000 innbyggere kan ikke beregnes for {period}: {symbol}.",
        "en": "{k}: reported offences per 1,000 inhabitants cannot be computed for {period}: {symbol}.",
    },
    "comparison.row.verdict": {"nb": "Vurdering mot landet", "en": "Compared with Norway"},
    "comparison.note.formula": {
        "nb": "Beregnet av SLT-statistikk: gjennomsnittlig antall anmeldte lovbrudd per år i toårsperioden (SSB, etter gjerningssted) delt på befolkningen 1. januar i periodens siste år (SSB 07459), ganger 1 000. Slik regner SSB selv sine publiserte tall per 1 000 innbyggere.",
        "en": "Computed by SLT statistics: the average number of reported offences a year in the two-year period (Statistics Norway, by scene of crime) divided by the population on 1 January of the period's last year (table 07459), times 1,000. This is how Statistics Norway computes its own published rates per 1,000 inhabitants.",
    },
    "comparison.note.verdict": {
        "nb": "«Høyere» eller «lavere enn landet» står bare der hele 95 %-konfidensintervallet (eksakt Poisson-intervall for periodens antall) ligger over eller under landets tall; ellers «ingen sikker forskjell». Slik merker FHIs folkehelseprofiler forskjeller som ikke skyldes tilfeldigheter.",
        "en": "'Higher' or 'lower than Norway' appears only where the whole 95% confidence interval (an exact Poisson interval for the period's count) lies above or below Norway's figure; otherwise 'no certain difference'. This is how FHI's public health profiles mark differences that are not down to chance.",
    },
    "comparison.note.overlap": {
        "nb": "Toårssnitt overlapper med ett år og skal ikke summeres. Tall for fire eller færre lovbrudd publiseres ikke av SSB (:).",
        "en": "Two-year averages overlap by one year and must not be summed. Statistics Norway does not publish figures of four or fewer offences (:).",
    },
    "comparison.note.peers.group": {
        "nb": "Lignende kommuner: de andre {group}.",
        "en": "Similar municipalities: the other {group}.",
    },
    "comparison.note.peers.nearest": {
        "nb": "Lignende kommuner: de {n} kommunene med nærmest like mange innbyggere 1. januar {year} (minst forskjell i prosent).",
        "en": "Similar municipalities: the {n} municipalities closest in population on 1 January {year} (smallest difference in per cent).",
    },
    "comparison.nodata": {
        "nb": "Ingen tall for anmeldte lovbrudd per innbygger i {k} for {period}.",
        "en": "No figures for reported offences per inhabitant in {k} for {period}.",
    },
    "mote.open_agenda": {"nb": "Åpne møtet", "en": "Open the meeting"},
    "mote.note.bad_agenda": {
        "nb": "Agendaen i lenken kunne ikke leses, så standardrekkefølgen vises.",
        "en": "The agenda in the link could not be read, so the default sequence is shown.",
    },
    "mote.note.unknown_view": {
        "nb": "Lysbilde {n} i agendaen er ikke en visning på dette nettstedet og er hoppet over.",
        "en": "Slide {n} of the agenda is not a view on this site and was skipped.",
    },
    "mote.note.bad_slide": {
        "nb": "«{value}» er ikke et lysbildenummer; viser lysbilde 1.",
        "en": "“{value}” is not a slide number; showing slide 1.",
    },
    "mote.note.slide_range": {
        "nb": "Møtet har {total} lysbilder, ikke {n}; viser det siste.",
        "en": "The meeting has {total} slides, not {n}; showing the last.",
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
    # trend (trend.py)
    "trend.title.anmeldelser.gjerningssted": {
        "nb": "Anmeldelser for mistenkte 10–17 år med gjerningssted {k}",
        "en": "Police reports for suspects aged 10–17 with the scene of crime in {k}",
    },
    "trend.title.anmeldelser.bosted": {
        "nb": "Anmeldelser for mistenkte 10–17 år bosatt i {k}",
        "en": "Police reports for suspects aged 10–17 living in {k}",
    },
    "trend.title.personer.gjerningssted": {
        "nb": "Mistenkte personer 10–17 år med gjerningssted {k}",
        "en": "Suspected persons aged 10–17 with the scene of crime in {k}",
    },
    "trend.title.personer.bosted": {
        "nb": "Mistenkte personer 10–17 år bosatt i {k}",
        "en": "Suspected persons aged 10–17 living in {k}",
    },
    "trend.series.title": {
        "nb": "Ungdomskriminalitet med gjerningssted {k}: alle publiserte serier, {years}",
        "en": "Youth crime with the scene of crime in {k}: every published series, {years}",
    },
    "trend.series.subtitle": {"nb": "Kilder: {sources}.", "en": "Sources: {sources}."},
    "trend.series.y": {"nb": "Antall", "en": "Number"},
    "trend.series.row": {"nb": "Serie", "en": "Series"},
    "trend.series.note": {
        "nb": "Hver linje er én publisert serie; personer og forhold teller ulike ting og legges "
        "aldri sammen. Serier fra ulike kilder kan ha ulike definisjoner: se merknadene og kilden.",
        "en": "Each line is one published series; persons and offences count different things and "
        "are never added up. Series from different sources may define things differently: see "
        "the notes and the source.",
    },
    "alder_og_kjonn.population.title": {
        "nb": "Befolkning etter alder i {k}, 1. januar, {years}",
        "en": "Population by age in {k}, 1 January, {years}",
    },
    "alder_og_kjonn.population.y": {"nb": "Antall innbyggere", "en": "Number of inhabitants"},
    "alder_og_kjonn.population.none": {
        "nb": "SSB-tall for folkemengden etter alder finnes ikke for dette valget.",
        "en": "Statistics Norway has no population by age for this choice.",
    },
    "alder_og_kjonn.population.note": {
        "nb": "Folkemengden 1. januar (SSB, tabell 07459): de unge tallene på siden handler om, "
        "og nevneren i beregnede rater.",
        "en": "The population on 1 January (Statistics Norway, table 07459): the young people "
        "the page's figures are about, and the denominator of computed rates.",
    },
    "trend.series.row_notes": {
        "nb": "Hvert tall har sin kilde og merknad (hvor det er sitert, hva kilden sier det teller) "
        "i tabellen «Last ned data».",
        "en": "Each number has its source and note (where it was quoted, what the source says it "
        "counts) in the “Download data” table.",
    },
    "trend.visning": {
        "nb": "Sammenligningen av kommuner vises som",
        "en": "The comparison of municipalities is shown as",
    },
    "trend.kjonn.not_for_forhold": {
        "nb": "Forhold er ikke publisert etter kjønn: velg anmeldelser eller personer.",
        "en": "Offences are not published by sex: choose reports or persons.",
    },
    "trend.lovbrudd.only_forhold": {
        "nb": "Lovbruddsgruppe gjelder bare straffbare forhold: velg «Forhold» under «Hva telles».",
        "en": "Offence groups apply to offences only: choose “Offences” under “What is counted”.",
    },
    "trend.measure.anmeldelser": {"nb": "Anmeldelser", "en": "Police reports"},
    "trend.measure.personer": {"nb": "Mistenkte personer", "en": "Suspected persons"},
    "trend.measure.forhold": {"nb": "Straffbare forhold", "en": "Offences"},
    "trend.place.gjerningssted": {
        "nb": "med gjerningssted {k}",
        "en": "with the scene of crime in {k}",
    },
    "trend.place.bosted": {"nb": "med mistenkte bosatt i {k}", "en": "with suspects living in {k}"},
    "trend.unit.anmeldelser": {"nb": "Antall anmeldelser", "en": "Number of reports"},
    "trend.unit.personer": {"nb": "Antall personer", "en": "Number of persons"},
    "trend.unit.forhold": {"nb": "Antall forhold", "en": "Number of offences"},
    "trend.penal_code_change": {
        "nb": "{event} ({date}): lovbruddsgruppene før og etter er ikke fullt sammenlignbare.",
        "en": "{event} ({date}): offence groups before and after are not fully comparable.",
    },
    "trend.rate_note": {
        "nb": "Per 1 000 innbyggere er beregnet av SLT-statistikk: toårssnittet av anmeldte lovbrudd (SSB) delt på folkemengden 1. januar i periodens siste år (SSB 07459), ganger 1 000. Toårssnitt overlapper og kan ikke summeres. Norge: SSBs publiserte rate.",
        "en": "Per 1,000 inhabitants is computed by SLT statistics: the two-year average of reported offences (Statistics Norway) divided by the population on 1 January of the period's last year (table 07459), times 1,000. Two-year averages overlap and must not be summed. Norway: Statistics Norway's published rate.",
    },
    "trend.rate_parts.rate": {"nb": "{a}: per 1 000 (beregnet)", "en": "{a}: per 1,000 (computed)"},
    "trend.rate_parts.numerator": {
        "nb": "{a}: anmeldte lovbrudd, toårssnitt (teller)",
        "en": "{a}: reported offences, two-year average (numerator)",
    },
    "trend.rate_parts.denominator": {
        "nb": "{a}: befolkning 1. januar i periodens siste år (nevner)",
        "en": "{a}: population on 1 January of the period's last year (denominator)",
    },
    "trend.rate_parts.published": {
        "nb": "{a}: per 1 000 (publisert av SSB)",
        "en": "{a}: per 1,000 (published)",
    },
    # alder_og_kjonn (alder_og_kjonn.py)
    "alder_og_kjonn.title.anmeldelser.gjerningssted": {
        "nb": "Anmeldelser for mistenkte 10–17 år med gjerningssted i {k}, etter alder og kjønn",
        "en": "Police reports for suspects aged 10–17 with the scene of crime in {k}, by age and sex",
    },
    "alder_og_kjonn.title.anmeldelser.bosted": {
        "nb": "Anmeldelser for mistenkte 10–17 år bosatt i {k}, etter alder og kjønn",
        "en": "Police reports for suspects aged 10–17 living in {k}, by age and sex",
    },
    "alder_og_kjonn.title.personer.gjerningssted": {
        "nb": "Mistenkte personer 10–17 år med gjerningssted i {k}, etter alder og kjønn",
        "en": "Suspected persons aged 10–17 with the scene of crime in {k}, by age and sex",
    },
    "alder_og_kjonn.title.personer.bosted": {
        "nb": "Mistenkte personer 10–17 år bosatt i {k}, etter alder og kjønn",
        "en": "Suspected persons aged 10–17 living in {k}, by age and sex",
    },
    "alder_og_kjonn.title.share": {
        "nb": ": beregnet andel av summen av de fire gruppene",
        "en": ": computed share of the sum of the four groups",
    },
    "alder_og_kjonn.y.antall.anmeldelser": {"nb": "Antall anmeldelser", "en": "Number of reports"},
    "alder_og_kjonn.y.antall.personer": {"nb": "Antall personer", "en": "Number of persons"},
    "alder_og_kjonn.y.andel": {
        "nb": "Prosent av summen av de fire gruppene (beregnet)",
        "en": "Per cent of the sum of the four groups (computed)",
    },
    "alder_og_kjonn.row.header": {"nb": "Kjønn og alder (år)", "en": "Sex and age (years)"},
    "alder_og_kjonn.row.sum": {
        "nb": "Sum av de fire gruppene (beregnet)",
        "en": "Sum of the four groups (computed)",
    },
    "alder_og_kjonn.of": {"nb": "av", "en": "of"},
    "alder_og_kjonn.share.note": {
        "nb": "Andelene er beregnet av SLT-statistikk: gruppens antall delt på summen av de fire gruppene samme år (kilden publiserer ingen totalsum for denne tabellen). Teller og nevner står i tabellen og i CSV-filen. Et år der en av gruppene mangler, får ingen andel.",
        "en": "The shares are computed by SLT statistics: the group's number divided by the sum of the four groups in the same year (the source publishes no total for this table). Numerator and denominator are in the table and the CSV file. A year with a missing group gets no share.",
    },
    "alder_og_kjonn.sum.anmeldelser": {
        "nb": "Én anmeldelse kan ha mistenkte i flere av gruppene; summen av de fire gruppene er derfor ikke nødvendigvis antallet anmeldelser.",
        "en": "One report can have suspects in several of the groups, so the sum of the four groups is not necessarily the number of reports.",
    },
    "alder_og_kjonn.years.partial": {
        "nb": "Valgt periode er {fra}–{til}; tallene finnes for {have}.",
        "en": "The chosen period is {fra}–{til}; figures exist for {have}.",
    },
    "alder_og_kjonn.latest": {"nb": "I {y}", "en": "In {y}"},
    "alder_og_kjonn.nodata.kommune": {
        "nb": "Det finnes ingen tall etter alder og kjønn for {k}.",
        "en": "There are no figures by age and sex for {k}.",
    },
    "alder_og_kjonn.nodata.combination": {
        "nb": "{measure} etter alder og kjønn finnes ikke etter {place} for {k}.",
        "en": "{measure} by age and sex do not exist by {place} for {k}.",
    },
    "alder_og_kjonn.nodata.years": {
        "nb": "Det finnes ingen slike tall for {k} i {fra}–{til}.",
        "en": "There are no such figures for {k} in {fra}–{til}.",
    },
    "alder_og_kjonn.nodata.exists": {
        "nb": "Tall etter alder og kjønn finnes for: {have}.",
        "en": "Figures by age and sex exist for: {have}.",
    },
    "alder_og_kjonn.nodata.none": {
        "nb": "Ingen kommune har tall etter alder og kjønn i datagrunnlaget ennå.",
        "en": "No municipality has figures by age and sex in the data yet.",
    },
    "alder_og_kjonn.measure.anmeldelser": {"nb": "anmeldelser", "en": "reports"},
    "alder_og_kjonn.measure.personer": {"nb": "mistenkte personer", "en": "suspected persons"},
    "alder_og_kjonn.place.gjerningssted": {"nb": "gjerningssted", "en": "scene of crime"},
    "alder_og_kjonn.place.bosted": {"nb": "bosted", "en": "residence"},
    # geografi (geografi.py)
    "geografi.title.personer": {
        "nb": "Mistenkte personer 10–17 år med gjerningssted i {k}, etter bosted",
        "en": "Suspected persons aged 10–17 with the scene of crime in {k}, by residence",
    },
    "geografi.title.anmeldelser": {
        "nb": "Anmeldelser med mistenkte 10–17 år og gjerningssted i {k}, etter de mistenktes bosted",
        "en": "Police reports with suspects aged 10–17 and the scene of crime in {k}, by the suspects' residence",
    },
    "geografi.title.share": {
        "nb": ": andel av totalsummen (beregnet)",
        "en": ": share of the total (computed)",
    },
    "geografi.subtitle.personer": {
        "nb": "Personer: antall ulike personer registrert som mistenkt. Bosted: den mistenktes bostedsadresse.",
        "en": "Persons: number of distinct persons registered as suspects. Residence: the suspect's address.",
    },
    "geografi.subtitle.anmeldelser": {
        "nb": "Anmeldelser: én anmeldelse kan ha flere mistenkte. Bosted: de mistenktes bostedsadresse.",
        "en": "Reports: one report can involve several suspects. Residence: the suspects' addresses.",
    },
    "geografi.y.antall.personer": {"nb": "Antall personer", "en": "Number of persons"},
    "geografi.y.antall.anmeldelser": {"nb": "Antall anmeldelser", "en": "Number of reports"},
    "geografi.y.andel": {
        "nb": "Prosent av totalsummen (beregnet)",
        "en": "Per cent of the total (computed)",
    },
    "geografi.row.header": {"nb": "Bosted", "en": "Residence"},
    "geografi.row.sum": {"nb": "Sum av radene (beregnet)", "en": "Sum of the rows (computed)"},
    "geografi.row.total": {"nb": "Totalsum (publisert)", "en": "Total (published)"},
    # --- Embeds, print images, slides, print, focus (issue 18) ---
    "mote.hint": {"nb": "Trykk F for fullskjerm", "en": "Press F for full screen"},
    "trygghetsprogrammet.value_in": {"nb": "{value} i {year}", "en": "{value} in {year}"},
    "print.url": {"nb": "Skrevet ut fra", "en": "Printed from"},
    "geografi.of": {"nb": "av", "en": "of"},
    "geografi.diff.anmeldelser": {
        "nb": "Summen av radene er ikke lik totalsummen (i {y}: {s} mot {p}). Én anmeldelse kan ha mistenkte fra flere steder: den telles én gang i totalsummen, men én gang per bosted i radene. Totalsummen er tallet politiet har publisert; summen av radene er beregnet her.",
        "en": "The rows do not add up to the total (in {y}: {s} against {p}). One report can involve suspects from several places: it counts once in the total but once per place in the rows. The total is the figure the police published; the sum of the rows is computed here.",
    },
    "geografi.diff.personer": {
        "nb": "Summen av radene er ikke lik totalsummen (i {y}: {s} mot {p}). Rapporten forklarer ikke forskjellen. Totalsummen er tallet politiet har publisert; summen av radene er beregnet her.",
        "en": "The rows do not add up to the total (in {y}: {s} against {p}). The report does not explain the difference. The total is the figure the police published; the sum of the rows is computed here.",
    },
    "geografi.share.note": {
        "nb": "Andelene er beregnet av SLT-statistikk: antallet med et bosted delt på den publiserte totalsummen samme år. Teller og nevner står i tabellen og i CSV-filen. Fordi summen av radene kan være større enn totalsummen, kan andelene til sammen bli mer enn 100 %.",
        "en": "The shares are computed by SLT statistics: the number with a place of residence divided by the published total for the same year. Numerator and denominator are in the table and the CSV file. Because the rows can add up to more than the total, the shares can add up to more than 100%.",
    },
    "geografi.definitions": {
        "nb": "Utenfor Oslo politidistrikt: bosatt utenfor Oslo, Asker og Bærum. Ikke plassert / utland: bostedet er ukjent eller i utlandet.",
        "en": "Outside Oslo police district: living outside Oslo, Asker and Bærum. Not placed / abroad: the place of residence is unknown or abroad.",
    },
    "geografi.edition": {
        "nb": "{pub} oppgir {v} for {y} ({what}); her vises {shown} fra {newest}, den nyeste utgaven.",
        "en": "{pub} gives {v} for {y} ({what}); shown here is {shown} from {newest}, the newest edition.",
    },
    "geografi.years.partial": {
        "nb": "Valgt periode er {fra}–{til}; tallene finnes for {have}.",
        "en": "The chosen period is {fra}–{til}; figures exist for {have}.",
    },
    "geografi.latest": {"nb": "I {y}", "en": "In {y}"},
    "geografi.summary.total": {
        "nb": "Totalsum (publisert) {p}; summen av radene (beregnet) {s}.",
        "en": "Total (published) {p}; sum of the rows (computed) {s}.",
    },
    "geografi.summary.share": {
        "nb": "andel av totalsummen {p} (beregnet)",
        "en": "share of the total {p} (computed)",
    },
    "geografi.nodata.lead": {
        "nb": "Det finnes ingen tall for mistenkte etter bosted med gjerningssted i {k}, {fra}–{til}.",
        "en": "There are no figures for suspects by residence with the scene of crime in {k}, {fra}–{til}.",
    },
    "geografi.nodata.only": {
        "nb": "Denne fordelingen finnes bare for {have}.",
        "en": "This breakdown exists only for {have}.",
    },
    "geografi.nodata.some": {
        "nb": "Denne fordelingen finnes for {have}.",
        "en": "This breakdown exists for {have}.",
    },
    "geografi.nodata.none": {
        "nb": "Ingen kommune har slike tall i datagrunnlaget ennå.",
        "en": "No municipality has such figures in the data yet.",
    },
    "geografi.compare.title": {
        "nb": "Andel av de mistenkte 10–17 år som bor i kommunen der lovbruddet ble begått ({what}, beregnet)",
        "en": "Share of suspects aged 10–17 living in the municipality where the offence was committed ({what}, computed)",
    },
    "geografi.compare.what.personer": {"nb": "personer", "en": "persons"},
    "geografi.compare.what.anmeldelser": {"nb": "anmeldelser", "en": "reports"},
    "geografi.compare.nodata": {
        "nb": "En sammenligning mellom kommuner krever tall etter bosted for minst to kommuner. {have_text} For {missing} finnes ingen tall etter de mistenktes bosted, så her vises ingen sammenligning. En sammenligning av alle anmeldte lovbrudd (SSB) mellom Bærum, Asker og Oslo finnes på siden «Utvikling».",
        "en": "A comparison between municipalities needs figures by residence for at least two municipalities. {have_text} For {missing} there are no figures by the suspects' residence, so no comparison is shown. A comparison of all reported offences (Statistics Norway) between Bærum, Asker and Oslo is on the “Trends” page.",
    },
    "geografi.compare.note": {
        "nb": "Beregnet av SLT-statistikk: antallet mistenkte bosatt i kommunen delt på den publiserte totalsummen for gjerningsstedet samme år. Teller og nevner står i tabellen og i CSV-filen.",
        "en": "Computed by SLT statistics: the number of suspects living in the municipality divided by the published total for the scene of crime in the same year. Numerator and denominator are in the table and the CSV file.",
    },
    "geografi.compare.y": {"nb": "Prosent (beregnet)", "en": "Per cent (computed)"},
    "geografi.compare.header": {"nb": "Gjerningssted", "en": "Scene of crime"},
    "geografi.repeat.title": {
        "nb": "Gjentatt kriminalitet: unge bosatt i {k} med fire eller flere anmeldelser i Oslo politidistrikt, {years}",
        "en": "Repeat offending: young people living in {k} with four or more reports in Oslo police district, {years}",
    },
    "geografi.repeat.y": {"nb": "Antall", "en": "Number"},
    "geografi.repeat.empty": {
        "nb": "Tall om gjentatt kriminalitet etter SLT-rapportens definisjon finnes ikke for {k}. ",
        "en": "Figures on repeat offending by the SLT report's definition do not exist for {k}. ",
    },
    # oversikt (oversikt.py)
    # trend (trend.py, inline)
    "trend.series": {"nb": "Serie", "en": "Series"},
    "trend.reported_offences_by_scene": {
        "nb": "Anmeldte lovbrudd etter gjerningssted",
        "en": "Reported offences by scene of crime",
    },
    "trend.area": {"nb": "Område", "en": "Area"},
    "trend.offences_by_residence_or": {
        "nb": "forhold etter bosted eller for denne aldersgruppen",
        "en": "offences by residence or for this age group",
    },
    "trend.ages_18_22_for": {"nb": "18–22 år for dette målet", "en": "ages 18–22 for this measure"},
    "trend.per_1_000_inhabitants": {"nb": "Per 1 000 innbyggere", "en": "Per 1,000 inhabitants"},
    "trend.offences_per_year": {"nb": "Lovbrudd per år", "en": "Offences per year"},
    "trend.total_published": {"nb": "Totalsum (publisert)", "en": "Total (published)"},
    "trend.latest_year": {"nb": "Siste år", "en": "Latest year"},
    # geografi (geografi.py, inline)
    "geografi.group": {"nb": "Gruppe", "en": "Group"},
    # oversikt (oversikt.py, inline)
    "oversikt.in": {"nb": "i", "en": "in"},
    "oversikt.from": {"nb": "fra", "en": "from"},
    # alder_og_kjonn (alder_og_kjonn.py, inline)
    # --- Chart menu, embeds, downloads and sharing (issue 9) ---
    "menu.button": {"nb": "Meny", "en": "Menu"},
    "menu.label": {"nb": "Meny for figuren «{title}»", "en": "Menu for the chart “{title}”"},
    "menu.fullscreen": {"nb": "Full skjerm", "en": "Full screen"},
    "menu.about": {"nb": "Om tallene", "en": "About the figures"},
    "menu.png": {"nb": "Last ned bilde (PNG)", "en": "Download image (PNG)"},
    "menu.svg": {"nb": "Last ned bilde (SVG)", "en": "Download image (SVG)"},
    "menu.csv": {"nb": "Last ned data (CSV)", "en": "Download data (CSV)"},
    "menu.xlsx": {"nb": "Last ned data (Excel)", "en": "Download data (Excel)"},
    "menu.embed": {"nb": "Bygg inn", "en": "Embed"},
    "menu.share": {"nb": "Del", "en": "Share"},
    "dialog.close": {"nb": "Lukk", "en": "Close"},
    "about.definitions": {"nb": "Hva tallene er", "en": "What the figures are"},
    "about.source": {"nb": "Kilde", "en": "Source"},
    "about.more": {
        "nb": "Mer om kildene på «Om dataene»",
        "en": "More about the sources in “About the data”",
    },
    "about.editions": {"nb": "Tidligere utgaver", "en": "Earlier editions"},
    "about.edition": {
        "nb": "{year}, {what}: {value} i {publication} (vist: {shown} fra {shown_publication})",
        "en": "{year}, {what}: {value} in {publication} (shown: {shown} from {shown_publication})",
    },
    "embed.title": {"nb": "Bygg inn figuren", "en": "Embed the chart"},
    "embed.help": {
        "nb": "Lim inn koden på nettsiden. Skriptet gir rammen riktig høyde; "
        "uten skriptet får rammen en fast høyde som figuren får plass i.",
        "en": "Paste the code into the web page. The script gives the frame the right height; "
        "without it the frame keeps a fixed height that fits the chart.",
    },
    "embed.code_label": {"nb": "Kode for innbygging", "en": "Embed code"},
    "embed.copy": {"nb": "Kopier koden", "en": "Copy the code"},
    "embed.copied": {"nb": "Koden er kopiert", "en": "Code copied"},
    "embed.preview": {"nb": "Se innbyggingen", "en": "Open the embed"},
    "embed.full_view": {"nb": "Se hele visningen", "en": "See the full view"},
    "embed.licence": {"nb": "Lisens", "en": "Licence"},
    "share.title": {"nb": "Del visningen", "en": "Share this view"},
    "share.link_label": {"nb": "Lenke til visningen", "en": "Link to this view"},
    "share.copy": {"nb": "Kopier lenken", "en": "Copy link"},
    "share.copied": {"nb": "Lenken er kopiert", "en": "Link copied"},
    "share.system": {"nb": "Del med …", "en": "Share via …"},
    "share.qr": {
        "nb": "QR-kode med lenken til visningen",
        "en": "QR code with the link to this view",
    },
    "download.zip": {
        "nb": "Last ned alle data (ZIP med forklaring)",
        "en": "Download all data (ZIP with a README)",
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
    # --- Speed: server-rendered first paint (issue 19) ---
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
    "tilgjengelighet.h1": {"nb": "Tilgjengelighetserklæring", "en": "Accessibility statement"},
    "footer.a11y": {"nb": "Tilgjengelighetserklæring", "en": "Accessibility statement"},
    "footer.label": {"nb": "Om nettstedet", "en": "About this site"},
    "noscript": {
        "nb": "Uten JavaScript vises figurene som bilder, og valgene virker ikke. Alle tallene "
        "kan du laste ned, med kilde for hvert tall:",
        "en": "Without JavaScript the charts are shown as images and the choices do not work. "
        "You can download all the figures, with the source of each one:",
    },
    "loading": {"nb": "Laster inn …", "en": "Loading …"},
    "status.view": {"nb": "Viser {what}", "en": "Showing {what}"},
    "status.for": {"nb": "for", "en": "for"},
    "status.live.label": {"nb": "Status for visningen", "en": "View status"},
    # trygghetsprogrammet (trygghetsprogrammet.py)
    "trygghetsprogrammet.year_col": {"nb": "År", "en": "Year"},
    "trygghetsprogrammet.stage": {"nb": "Trinn", "en": "Stage"},
    "trygghetsprogrammet.offence": {"nb": "Lovbrudd", "en": "Offence"},
    "trygghetsprogrammet.level": {"nb": "Oppfølgingsnivå", "en": "Follow-up level"},
    "trygghetsprogrammet.indicator": {"nb": "Tall", "en": "Figure"},
    "trygghetsprogrammet.cases": {"nb": "Antall (se merknader)", "en": "Number (see notes)"},
    "trygghetsprogrammet.n_cases": {"nb": "Antall saker", "en": "Number of cases"},
    "trygghetsprogrammet.n_talks": {"nb": "Antall samtaler", "en": "Number of talks"},
    "trygghetsprogrammet.n_youth": {"nb": "Antall ungdommer", "en": "Number of young people"},
    "trygghetsprogrammet.total_published": {
        "nb": "I alt under oppfølging (publisert)",
        "en": "Total under follow-up (published)",
    },
    "trygghetsprogrammet.enhet_vest_note": {
        "nb": "Tallene er registrert av forebyggende seksjon i Oslo politidistrikt, enhet Vest (ENV: Asker, Bærum og Majorstua), slik Bærums SLT-rapport gjengir dem; teksten sier ikke at de bare gjelder Bærum.",
        "en": "The figures were registered by the prevention section of Oslo police district, unit West (ENV: Asker, Bærum and Majorstua), as Bærum's SLT report prints them; the text does not say they are limited to Bærum.",
    },
    "trygghetsprogrammet.units_note": {
        "nb": "Trinnene telles slik rapportene skriver dem: registrerte saker/aktiviteter og saker overført til kommune/bydel (etter trygghetssamtale), barn i trygghetssamtale og barn som takket nei, utsatte som ikke svarte, og voksne utsatt for hatkriminalitet.",
        "en": "Stages are counted as the reports print them: registered cases/activities and cases transferred to the municipality/district (after a safety conversation), children in a safety conversation and children who declined, victims who did not answer, and adults exposed to hate crime.",
    },
    "trygghetsprogrammet.no_offer_note": {
        "nb": "Rapportene oppgir ikke hvor mange som fikk tilbud om samtale, og det tallet er ikke regnet ut her.",
        "en": "The reports do not state how many were offered a conversation, and that number is not computed here.",
    },
    "trygghetsprogrammet.no_adults_note": {
        "nb": "Rapporten for {years} har ikke tall for voksne (hatkriminalitet): vist som «..».",
        "en": "The report for {years} has no figure for adults (hate crime): shown as “..”.",
    },
    "trygghetsprogrammet.lovbrudd_note": {
        "nb": "Beregnet sum av radene: {sum} saker, færre enn de {registered} aktivitetene registrert i enhet Vest i {year} (publisert, se figuren over). Tallene står slik de er trykt; rapporten forklarer ikke forskjellen (tabellen sier «i Bærum», aktivitetstallet gjelder enhet Vest).",
        "en": "Computed sum of the rows: {sum} cases, fewer than the {registered} activities registered in unit West in {year} (published, see the chart above). The figures stand as printed; the report does not explain the difference (the table says “in Bærum”, the activity count is for unit West).",
    },
    "trygghetsprogrammet.lovbrudd_sum_note": {
        "nb": "Beregnet sum av radene: {sum} saker. Tallene står slik de er trykt.",
        "en": "Computed sum of the rows: {sum} cases. The figures stand as printed.",
    },
    "trygghetsprogrammet.followup_note": {
        "nb": "Politiets forebyggende avsnitt i Bærum. Saker om radikalisering og ekstremisme er ikke tatt med.",
        "en": "The police's prevention section in Bærum. Cases about radicalisation and extremism are not included.",
    },
    "trygghetsprogrammet.extremism_notes.small": {
        "nb": "Ideologiandelene gjelder bekymringene knyttet til {k}, en liten del ({share}) av bekymringene i Oslo politidistrikt: få saker gir store utslag. Antallet bekymringer knyttet til {k} er ikke publisert og er ikke regnet ut her.",
        "en": "The ideology shares are of the concerns linked to {k}, a small part ({share}) of the concerns in Oslo police district: a few cases make a large difference. The number of concerns linked to {k} is not published and is not computed here.",
    },
    "trygghetsprogrammet.extremism_notes.dash": {
        "nb": "«-» betyr null: rapporten viser en strek, altså ingen bekymringer.",
        "en": "“-” means nil: the report prints a dash, that is no concerns.",
    },
    "trygghetsprogrammet.extremism_notes.missing": {
        "nb": "«..»: rapporten oppgir ikke andelen for denne ideologien dette året.",
        "en": "“..”: the report does not give the share for this ideology that year.",
    },
    "trygghetsprogrammet.extremism_notes.ax": {
        "nb": "AX er ikke forklart i rapporten. Annet: voldsfascinasjon med uavklart ideologisk forankring.",
        "en": "AX is not explained in the report. Other: fascination with violence with an unclear ideological basis.",
    },
    "trygghetsprogrammet.extremism_notes.justice": {
        "nb": "Det er uklart om de 51 % fra justissektoren gjelder alle bekymringene i Oslo politidistrikt eller bare dem knyttet til Bærum.",
        "en": "It is unclear whether the 51% from the justice sector refers to all concerns in Oslo police district or only those linked to Bærum.",
    },
    "trygghetsprogrammet.short_ideology.annet": {"nb": "Annet", "en": "Other"},
    # trygghetsprogrammet (trygghetsprogrammet.py, inline)
    "trygghetsprogrammet.the_total_is_stated": {
        "nb": "Totalen er oppgitt i rapportens tekst; nivåene er rapportens tabell «Kategori alvorlighetsgrad/oppfølgingsbehov». BEKYMRING: månedlig, RISIKO: hver 14. dag, TETT PÅ: ukentlig oppfølging.",
        "en": "The total is stated in the report's text; the levels are the report's table 'Kategori alvorlighetsgrad/oppfølgingsbehov'. CONCERN: monthly, RISK: every 14 days, CLOSE: weekly follow-up.",
    },
    "trygghetsprogrammet.oslo_police_district": {
        "nb": " (Oslo politidistrikt)",
        "en": " (Oslo police district)",
    },
    # om_dataene (om_dataene.py)
    # om_dataene (page texts)
    "om_dataene.download_text": {
        "nb": "Alle tall med kilde, avsnitt, sitat og merknad i én fil:",
        "en": "Every number with its source, section, quote and note in one file:",
    },
    "om_dataene.contents": {"nb": "Innhold", "en": "Contents"},
    "om_dataene.sources_h2": {"nb": "Kilder", "en": "Sources"},
    "om_dataene.sources_intro": {
        "nb": "Én datafil per kildetabell. Åpne en kilde for utgiver, avsnitt, hva som telles, definisjoner, merknader og lisens. Merknader og definisjoner er gjengitt slik de står i datafilenes metadata (noen på engelsk).",
        "en": "One data file per source table. Open a source for its publisher, section, what is counted, definitions, notes and licence. Notes and definitions are given as they stand in the data files' metadata (some in English).",
    },
    "om_dataene.measures_h2": {"nb": "Hva tallene teller", "en": "What the numbers count"},
    "om_dataene.measures_intro": {
        "nb": "Anmeldelser, personer og forhold teller ulike ting og kan ikke sammenlignes direkte:",
        "en": "Reports, persons and offences count different things and cannot be compared directly:",
    },
    "om_dataene.place_intro": {
        "nb": "Gjerningssted og bosted er ulike grupper:",
        "en": "Scene of crime and residence are different groups:",
    },
    "om_dataene.measures_caption": {
        "nb": "Alle mål i databasen",
        "en": "Every measure in the database",
    },
    "om_dataene.coverage_h2": {
        "nb": "Hvilke tall finnes for hvilke områder",
        "en": "Which figures exist for which areas",
    },
    "om_dataene.coverage_intro": {
        "nb": "År med tall per mål og område. «–» betyr at det ikke finnes tall. For toårssnitt er året periodens siste år. Årene kan inneholde enkeltceller som mangler (vist med symbol).",
        "en": "Years with figures per measure and area. “–” means there are no figures. For two-year averages the year is the last year of the period. The years can include single missing cells (shown by their symbol).",
    },
    "om_dataene.others": {
        "nb": "Her vises områdene som ikke er kommuner, og {kommuner}. De {n} andre kommunene har tall fra Statistisk sentralbyrå; hva hver av dem har, står i",
        "en": "Shown here: the areas that are not kommuner, and {kommuner}. The {n} other kommuner have figures from Statistics Norway; what each of them has is in",
    },
    "om_dataene.others_link": {
        "nb": "listen over alle kommuner",
        "en": "the list of every kommune",
    },
    "om_dataene.coverage_caption": {
        "nb": "Mål etter område: år med tall",
        "en": "Measures by area: years with figures",
    },
    "om_dataene.symbols_h2": {
        "nb": "Symboler for tall som mangler",
        "en": "Symbols for missing numbers",
    },
    "om_dataene.symbols_intro": {
        "nb": "Et tall som mangler vises aldri som 0. Vi bruker Statistisk sentralbyrås symboler:",
        "en": "A missing number is never shown as 0. We use Statistics Norway's symbols:",
    },
    "om_dataene.symbols_caption": {"nb": "Symboler", "en": "Symbols"},
    "om_dataene.small": {
        "nb": "Små tall: der tallene er under 20, står det en merknad om at det skal lite til for å få en økning eller nedgang.",
        "en": "Small numbers: where numbers are below 20, a note says that a few cases make a large change.",
    },
    "om_dataene.totals": {
        "nb": "Publiserte totaler er data, ikke summer: der delene ikke summerer til totalen, vises begge, og en sum vi regner ut er merket «Beregnet sum av radene».",
        "en": "Published totals are data, not sums: where the parts do not add up to the total, both are shown, and a sum we compute is labelled “computed sum of the rows”.",
    },
    "om_dataene.breaks_h2": {
        "nb": "Brudd i seriene og hendelser",
        "en": "Breaks in the series and events",
    },
    "om_dataene.breaks_intro": {
        "nb": "Hendelsene er merket med stiplede linjer på tidsaksene.",
        "en": "The events are marked with dotted lines on the time axes.",
    },
    "om_dataene.codes_h3": {"nb": "Kommunenummer", "en": "Municipality numbers"},
    "om_dataene.codes_intro": {
        "nb": "Kommunenumrene har endret seg. Tallene vises per kommune, uansett nummer:",
        "en": "The municipality numbers have changed. Figures are shown per municipality, whatever its number:",
    },
    "om_dataene.codes_caption": {
        "nb": "Kommunenummer og årene de gjaldt",
        "en": "Municipality numbers and the years they applied",
    },
    "om_dataene.add_h2": {"nb": "Slik legger du til tall", "en": "How to add figures"},
    "om_dataene.add_intro": {
        "nb": "Asker, Oslo eller Bærum kan legge til et nytt år eller egne tall fra politiet med importmalen: én CSV-fil med ett publisert tall per rad, og en metadatafil ved siden av som sier hvor tallene kommer fra.",
        "en": "Asker, Oslo or Bærum can add a new year or their own police figures with the import template: one CSV file with one published number per row, and a metadata file beside it that says where the numbers come from.",
    },
    "om_dataene.columns_h3": {"nb": "Kolonnene i CSV-filen", "en": "The CSV file's columns"},
    "om_dataene.columns_intro": {
        "nb": "UTF-8, kommaseparert, med overskriftsrad. Bare disse kolonnene er tillatt (i hvilken som helst rekkefølge); en kolonne du utelater, får standardverdien i alle rader.",
        "en": "UTF-8, comma-separated, with a header row. Only these columns are allowed (in any order); a column you leave out takes its default in every row.",
    },
    "om_dataene.columns_caption": {
        "nb": "Kolonner i importmalen",
        "en": "Columns of the import template",
    },
    "om_dataene.col_name": {"nb": "Kolonne", "en": "Column"},
    "om_dataene.col_required": {"nb": "Påkrevd", "en": "Required"},
    "om_dataene.col_default": {"nb": "Standard", "en": "Default"},
    "om_dataene.col_allowed": {"nb": "Tillatte verdier", "en": "Allowed values"},
    "om_dataene.yes": {"nb": "ja", "en": "yes"},
    "om_dataene.no": {"nb": "nei", "en": "no"},
    "om_dataene.rules_h3": {"nb": "Kontroller ved import", "en": "Checks on import"},
    "om_dataene.rules_info": {
        "nb": "Der en publisert total avviker fra summen av delene, skriver importen det ut som informasjon, ikke som feil.",
        "en": "Where a published total differs from the sum of its parts, the import prints it as information, not as an error.",
    },
    "om_dataene.sidecar_h3": {
        "nb": "Metadatafilen (NAVN.meta.yml)",
        "en": "The sidecar (NAME.meta.yml)",
    },
    "om_dataene.sidecar_caption": {"nb": "Nøkler i metadatafilen", "en": "Keys of the sidecar"},
    "om_dataene.key": {"nb": "Nøkkel", "en": "Key"},
    "om_dataene.holds": {"nb": "Innhold", "en": "Holds"},
    "om_dataene.steps_h3": {"nb": "Fremgangsmåte", "en": "Steps"},
    # --- Open data: API, catalogue, change feed, oEmbed (issue 20) ---
    "nav.hva_er_nytt": {"nb": "Hva er nytt", "en": "What's new"},
    "nav.apne_data": {"nb": "Åpne data og API", "en": "Open data and API"},
    "meta.hva_er_nytt": {
        "nb": "Hva som er endret i tallene: nye kilder, nye år og hvert tall en ny utgave har endret, med begge kildene. Også som Atom-feed per kommune.",
        "en": "What changed in the figures: new sources, new years and every figure a new edition changed, with both sources. Also as an Atom feed per municipality.",
    },
    "meta.apne_data": {
        "nb": "Hent tallene maskinlesbart: API med JSON, CSV og JSON-stat, en DCAT-AP-NO-katalog, en endringsfeed og oEmbed, med eksempler.",
        "en": "Get the figures machine-readable: an API with JSON, CSV and JSON-stat, a DCAT-AP-NO catalogue, a change feed and oEmbed, with examples.",
    },
    "hva_er_nytt.h1": {"nb": "Hva er nytt", "en": "What's new"},
    "hva_er_nytt.intro": {
        "nb": "Hver gang en ny kilde legges inn, lister siden hva den brakte: nye tabeller, nye år og tall som er endret fra en tidligere utgave (gammelt og nytt tall, med begge kildene). Nyeste først.",
        "en": "Each time a new source is added, this page lists what it brought: new tables, new years and figures changed from an earlier edition (old and new figure, with both sources). Newest first.",
    },
    "hva_er_nytt.all": {"nb": "Alle områder", "en": "All areas"},
    "hva_er_nytt.feed": {
        "nb": "Følg endringene for {where} som Atom-feed",
        "en": "Follow the changes for {where} as an Atom feed",
    },
    "hva_er_nytt.feed_all": {"nb": "alle områder", "en": "all areas"},
    "hva_er_nytt.json": {"nb": "Endringene som JSON (API)", "en": "The changes as JSON (API)"},
    "hva_er_nytt.published_only": {"nb": "Publisert {published}", "en": "Published {published}"},
    "hva_er_nytt.published": {
        "nb": "{publication}, publisert {published}",
        "en": "{publication}, published {published}",
    },
    "hva_er_nytt.none": {
        "nb": "Ingen endringer er registrert for dette valget.",
        "en": "No changes are recorded for this choice.",
    },
    "change.ny_kilde": {
        "nb": "Ny kilde: «{title}» ({publication}), med tall for {area} {years}.",
        "en": "New source: “{title}” ({publication}), with figures for {area} {years}.",
    },
    "change.ny_kilde.same": {
        "nb": "Ny kilde: «{title}», med tall for {area} {years}.",
        "en": "New source: “{title}”, with figures for {area} {years}.",
    },
    "change.nytt_aar": {
        "nb": "Nye år for {measure}, {area}: {years} (fra {publication}).",
        "en": "New years for {measure}, {area}: {years} (from {publication}).",
    },
    "change.endret": {
        "nb": "Endret tall: {measure}, {area} {period}{breakdown}: {old} → {new}. Før: {old_publication} ({old_published}). Nå: {publication} ({published}).",
        "en": "Changed figure: {measure}, {area} {period}{breakdown}: {old} → {new}. Before: {old_publication} ({old_published}). Now: {publication} ({published}).",
    },
    "change.title.ny_kilde": {
        "nb": "Ny kilde for {area}: {what}",
        "en": "New source for {area}: {what}",
    },
    "change.title.nytt_aar": {"nb": "Nye år: {what}, {area}", "en": "New years: {what}, {area}"},
    "change.title.endret": {
        "nb": "Endret tall: {what}, {area}",
        "en": "Changed figure: {what}, {area}",
    },
    "change.kind.ny_kilde": {"nb": "Ny kilde", "en": "New source"},
    "change.kind.nytt_aar": {"nb": "Nye år", "en": "New years"},
    "change.kind.endret": {"nb": "Endret tall", "en": "Changed figure"},
    "feed.title.all": {"nb": "SLT-statistikk: endringer", "en": "SLT statistics: changes"},
    "feed.title.some": {
        "nb": "SLT-statistikk: endringer for {where}",
        "en": "SLT statistics: changes for {where}",
    },
    "feed.subtitle": {
        "nb": "Nye kilder, nye år og endrede tall mellom utgaver, med kildene.",
        "en": "New sources, new years and figures changed between editions, with their sources.",
    },
    "feed.link_title": {"nb": "Endringer i tallene (Atom)", "en": "Changes in the figures (Atom)"},
    "menu.api": {"nb": "Se API-kallet", "en": "See the API call"},
    "about.api": {
        "nb": "Tallene i figuren fra API-et (JSON):",
        "en": "The chart's figures from the API (JSON):",
    },
    "footer.open_data": {"nb": "Åpne data og API", "en": "Open data and API"},
    "footer.whats_new": {"nb": "Hva er nytt", "en": "What's new"},
    "apne_data.h1": {"nb": "Åpne data og API", "en": "Open data and API"},
    "apne_data.intro": {
        "nb": "Alle tallene på nettstedet kan hentes av programmer: som JSON, CSV og JSON-stat fra et versjonert API, beskrevet med OpenAPI. Katalogen i DCAT-AP-NO kan høstes av data.norge.no, endringene kan følges som Atom-feed, og figurene kan bygges inn med oEmbed.",
        "en": "Every figure on the site can be fetched by programs: as JSON, CSV and JSON-stat from a versioned API described by OpenAPI. The DCAT-AP-NO catalogue can be harvested by data.norge.no, changes can be followed as an Atom feed, and charts can be embedded with oEmbed.",
    },
    "apne_data.endpoints": {"nb": "Endepunkter", "en": "Endpoints"},
    "apne_data.try": {
        "nb": "Prøv med curl (ett tall-oppslag i hvert format, endringsfeeden og katalogen):",
        "en": "Try with curl (one figure query in each format, the change feed and the catalogue):",
    },
    "apne_data.endpoint": {"nb": "Endepunkt", "en": "Endpoint"},
    "apne_data.what": {"nb": "Hva det gir", "en": "What it gives"},
    "apne_data.example": {"nb": "Eksempel", "en": "Example"},
    "apne_data.endpoints_caption": {
        "nb": "Endepunktene, fra OpenAPI-beskrivelsen, med et eksempel som virker på dagens tall",
        "en": "The endpoints, from the OpenAPI description, with an example that works on today's figures",
    },
    "apne_data.openapi": {
        "nb": "OpenAPI-beskrivelsen (JSON)",
        "en": "The OpenAPI description (JSON)",
    },
    "apne_data.errors": {"nb": "Feil", "en": "Errors"},
    "apne_data.errors_intro": {
        "nb": "Feil svares som problemdetaljer etter RFC 9457 (application/problem+json), på språket du ber om (lang=nb|en eller Accept-Language). Feltet «type» peker hit:",
        "en": "Errors are answered as problem details per RFC 9457 (application/problem+json), in the language you ask for (lang=nb|en or Accept-Language). The “type” field points here:",
    },
    "apne_data.catalogue": {"nb": "Katalog (DCAT-AP-NO)", "en": "Catalogue (DCAT-AP-NO)"},
    "apne_data.feed": {"nb": "Endringer (Atom)", "en": "Changes (Atom)"},
    "apne_data.oembed": {"nb": "Bygg inn med oEmbed", "en": "Embed with oEmbed"},
    "apne_data.oembed_text": {
        "nb": "Lim inn adressen til en figur (en side, et kort eller /embed/…) i et publiseringssystem som støtter oEmbed, eller spør selv:",
        "en": "Paste the address of a chart (a page, a card or /embed/…) into a publishing system that supports oEmbed, or ask yourself:",
    },
    "api.title": {"nb": "SLT-statistikk API", "en": "SLT statistics API"},
    "api.description": {
        "nb": "Tallene bak SLT-statistikk: hvert publiserte tall med kilde (publikasjon, avsnitt, tabell) og lisens, som JSON, CSV og JSON-stat 2.0; hver figurs tall slik den er tegnet; kodelister, kilder og kommuner. Manglende tall har SSBs symbol i status (.. mangler, : skjult, . ikke aktuelt, - null), aldri 0. Lisensen er kildens: se licence på hvert tall. Versjon 1: adressene og svarene endres ikke; en endring som bryter klienter får /api/v2/.",
        "en": "The figures behind SLT statistics: every published number with its source (publication, section, table) and licence, as JSON, CSV and JSON-stat 2.0; each chart's figures as drawn; code lists, sources and municipalities. Missing numbers carry SSB's symbol in status (.. not available, : suppressed, . not applicable, - nil), never 0. The licence is the source's: see licence on every number. Version 1: addresses and answers do not change; a change that breaks clients gets /api/v2/.",
    },
    "api.jsonstat.label": {"nb": "SLT-statistikk: tall", "en": "SLT statistics: figures"},
    "api.response.ok": {"nb": "Svaret", "en": "The answer"},
    "api.response.not_modified": {
        "nb": "Uendret siden forrige svar (If-None-Match med svarets ETag)",
        "en": "Unchanged since the last answer (If-None-Match with the answer's ETag)",
    },
    "api.response.bad_request": {
        "nb": "Ukjent parameter eller ugyldig verdi: hver feil med hva som er tillatt",
        "en": "Unknown parameter or invalid value: each fault with what is allowed",
    },
    "api.response.not_found": {"nb": "Finnes ikke", "en": "Not found"},
    "api.op.index": {
        "nb": "Oversikt over API-et med lenker",
        "en": "Overview of the API with links",
    },
    "api.op.openapi": {
        "nb": "Denne beskrivelsen (OpenAPI 3.1)",
        "en": "This description (OpenAPI 3.1)",
    },
    "api.op.facts": {
        "nb": "Tallene som JSON: ett objekt per tall, med enhet, symbol og full kilde; filtrert og delt i sider",
        "en": "The figures as JSON: one object per number, with unit, symbol and full source; filtered and paged",
    },
    "api.op.facts_csv": {
        "nb": "De samme tallene som CSV, med eksportens kolonner",
        "en": "The same figures as CSV, with the export's columns",
    },
    "api.op.facts_jsonstat": {
        "nb": "De samme tallene som JSON-stat 2.0: én kube per kildetabell og mål, med etiketter og SSB-symboler",
        "en": "The same figures as JSON-stat 2.0: one cube per source table and measure, with labels and SSB symbols",
    },
    "api.op.charts": {
        "nb": "Figurene og parameterne deres",
        "en": "The charts and their parameters",
    },
    "api.op.chart": {
        "nb": "Figuren {chart}: tallene slik de er tegnet for en visning (sidens parametere)",
        "en": "The chart {chart}: its figures as drawn for a view (the page's parameters)",
    },
    "api.op.codelists": {
        "nb": "Alle kodelister med etiketter på bokmål og engelsk",
        "en": "Every code list with labels in bokmål and English",
    },
    "api.op.codelist": {"nb": "Én kodeliste", "en": "One code list"},
    "api.op.sources": {
        "nb": "Kildene (publikasjoner) med utgavene sine",
        "en": "The sources (publications) with their editions",
    },
    "api.op.source": {"nb": "Én kilde", "en": "One source"},
    "api.op.kommuner": {
        "nb": "Kommunene og hva hver har",
        "en": "The municipalities and what each has",
    },
    "api.op.kommune": {"nb": "Én kommune", "en": "One municipality"},
    "api.op.changes": {
        "nb": "Hva som er endret mellom utgaver (JSON)",
        "en": "What changed between editions (JSON)",
    },
    "api.op.feed": {
        "nb": "Hva som er endret, som Atom-feed",
        "en": "What changed, as an Atom feed",
    },
    "api.op.catalogue_turtle": {
        "nb": "Datakatalogen i DCAT-AP-NO (Turtle)",
        "en": "The data catalogue in DCAT-AP-NO (Turtle)",
    },
    "api.op.catalogue_jsonld": {
        "nb": "Datakatalogen i DCAT-AP-NO (JSON-LD)",
        "en": "The data catalogue in DCAT-AP-NO (JSON-LD)",
    },
    "api.param.kommune": {
        "nb": "Område (kommune, politidistrikt, land): koder fra kodelisten «kommune»",
        "en": "Area (municipality, police district, country): codes from the code list “kommune”",
    },
    "api.param.maal": {
        "nb": "Hva som telles: koder fra kodelisten «maal»",
        "en": "What is counted: codes from the code list “maal”",
    },
    "api.param.aar": {"nb": "Ett eller flere år", "en": "One or more years"},
    "api.param.fra": {"nb": "Fra og med år", "en": "From year (inclusive)"},
    "api.param.til": {"nb": "Til og med år", "en": "To year (inclusive)"},
    "api.param.periode": {
        "nb": "Perioden slik den er trykt (f.eks. 2019-2020)",
        "en": "The period as printed (e.g. 2019-2020)",
    },
    "api.param.alder": {"nb": "Aldersgruppe", "en": "Age group"},
    "api.param.kjonn": {"nb": "Kjønn", "en": "Sex"},
    "api.param.lovbrudd": {
        "nb": "Lovbruddsgruppe eller -undergruppe",
        "en": "Offence group or sub-group",
    },
    "api.param.sted": {"nb": "Gjerningssted eller bosted", "en": "Scene of crime or residence"},
    "api.param.kilde": {"nb": "Kildetabell (kilde-id)", "en": "Source table (source id)"},
    "api.param.utgaver": {
        "nb": "gjeldende: tallet som vises (nyeste utgave); alle: også tidligere utgaver",
        "en": "gjeldende: the number shown (newest edition); alle: earlier editions too",
    },
    "api.param.side": {"nb": "Sidenummer (fra 1)", "en": "Page number (from 1)"},
    "api.param.per_side": {"nb": "Tall per side", "en": "Numbers per page"},
    "api.param.lang": {
        "nb": "Språk på etiketter og feilmeldinger (nb eller en)",
        "en": "Language of labels and error messages (nb or en)",
    },
    "api.param.url": {
        "nb": "Adressen til en figur på dette nettstedet",
        "en": "The address of a chart on this site",
    },
    "api.param.maxwidth": {"nb": "Største bredde i piksler", "en": "Largest width in pixels"},
    "api.param.maxheight": {"nb": "Største høyde i piksler", "en": "Largest height in pixels"},
    "api.param.format": {"nb": "Svarformat (bare json)", "en": "Answer format (json only)"},
    "api.param.liste": {
        "nb": "Kodelistens navn (= parameteren den gjelder)",
        "en": "The code list's name (= the parameter it is for)",
    },
    "api.codelist.kommune": {"nb": "Områder", "en": "Areas"},
    "api.codelist.maal": {"nb": "Hva telles", "en": "What is counted"},
    "api.codelist.sted": {"nb": "Gjerningssted eller bosted", "en": "Scene of crime or residence"},
    "api.codelist.bosted": {"nb": "Mistenktes bosted", "en": "Suspects' residence"},
    "api.codelist.alder": {"nb": "Aldersgrupper", "en": "Age groups"},
    "api.codelist.kjonn": {"nb": "Kjønn", "en": "Sex"},
    "api.codelist.lovbrudd": {"nb": "Lovbruddsgrupper", "en": "Offence groups"},
    "api.codelist.kategori": {"nb": "Kategorier", "en": "Categories"},
    "api.codelist.status": {
        "nb": "SSBs symboler for manglende tall",
        "en": "SSB's symbols for missing numbers",
    },
    "api.codelist.periode": {"nb": "Perioder slik de er trykt", "en": "Periods as printed"},
    "api.codelist.kilde": {"nb": "Kildetabeller", "en": "Source tables"},
    "api.dim.year": {"nb": "År", "en": "Year"},
    "api.dim.municipality": {"nb": "Område", "en": "Area"},
    "api.dim.measure": {"nb": "Hva telles", "en": "What is counted"},
    "api.dim.place_role": {"nb": "Sted", "en": "Place"},
    "api.dim.residence": {"nb": "Bosted", "en": "Residence"},
    "api.dim.age_group": {"nb": "Alder", "en": "Age"},
    "api.dim.sex": {"nb": "Kjønn", "en": "Sex"},
    "api.dim.offence_group": {"nb": "Lovbruddsgruppe", "en": "Offence group"},
    "api.dim.offence_subgroup": {"nb": "Lovbrudd", "en": "Offence"},
    "api.dim.category": {"nb": "Kategori", "en": "Category"},
    "api.reason.unknown_param": {"nb": "ukjent parameter", "en": "unknown parameter"},
    "api.reason.unknown_code": {"nb": "ukjent kode", "en": "unknown code"},
    "api.reason.choice": {"nb": "ikke et av valgene", "en": "not one of the choices"},
    "api.reason.year": {"nb": "ikke et år fra {lo} til {hi}", "en": "not a year from {lo} to {hi}"},
    "api.reason.int": {
        "nb": "ikke et heltall fra {lo} til {hi}",
        "en": "not a whole number from {lo} to {hi}",
    },
    "api.reason.once": {"nb": "kan bare gis én gang", "en": "may be given once only"},
    "api.reason.empty": {"nb": "tom verdi", "en": "empty value"},
    "api.reason.too_long": {"nb": "for lang verdi", "en": "value too long"},
    "api.reason.too_many": {"nb": "mer enn {n} verdier", "en": "more than {n} values"},
    "api.reason.required": {"nb": "må være med", "en": "is required"},
    "api.problem.bad_parameters.title": {"nb": "Ugyldig forespørsel", "en": "Invalid request"},
    "api.problem.bad_parameters.detail": {
        "nb": "{n} parameter(e) kan ikke brukes; se «errors» for hva som er tillatt.",
        "en": "{n} parameter(s) cannot be used; see “errors” for what is allowed.",
    },
    "api.problem.not_found.title": {"nb": "Finnes ikke", "en": "Not found"},
    "api.problem.not_found.detail": {
        "nb": "API-et har ikke adressen {path}. Se /api/v1/openapi.json for alle adressene.",
        "en": "The API has no address {path}. See /api/v1/openapi.json for every address.",
    },
    "api.problem.unknown_chart.title": {"nb": "Ukjent figur", "en": "Unknown chart"},
    "api.problem.unknown_chart.detail": {
        "nb": "Det finnes ingen figur «{name}». Se /api/v1/figurer.",
        "en": "There is no chart “{name}”. See /api/v1/figurer.",
    },
    "api.problem.unknown_codelist.title": {"nb": "Ukjent kodeliste", "en": "Unknown code list"},
    "api.problem.unknown_codelist.detail": {
        "nb": "Det finnes ingen kodeliste «{name}». Kodelistene er: {allowed}.",
        "en": "There is no code list “{name}”. The code lists are: {allowed}.",
    },
    "api.problem.unknown_source.title": {"nb": "Ukjent kilde", "en": "Unknown source"},
    "api.problem.unknown_source.detail": {
        "nb": "Det finnes ingen kilde «{name}». Se /api/v1/kilder.",
        "en": "There is no source “{name}”. See /api/v1/kilder.",
    },
    "api.problem.unknown_kommune.title": {"nb": "Ukjent kommune", "en": "Unknown municipality"},
    "api.problem.unknown_kommune.detail": {
        "nb": "Det finnes ingen kommune «{name}». Kommunene er: {allowed}.",
        "en": "There is no municipality “{name}”. The municipalities are: {allowed}.",
    },
    "api.problem.method.title": {"nb": "Metoden er ikke tillatt", "en": "Method not allowed"},
    "api.problem.method.detail": {
        "nb": "Åpne data kan bare leses (GET, HEAD, OPTIONS).",
        "en": "Open data can only be read (GET, HEAD, OPTIONS).",
    },
    "api.problem.oembed_format.title": {
        "nb": "Formatet støttes ikke",
        "en": "Format not supported",
    },
    "api.problem.oembed_format.detail": {
        "nb": "oEmbed svares bare som JSON (format=json).",
        "en": "oEmbed is answered as JSON only (format=json).",
    },
    "api.problem.oembed_url.title": {"nb": "Kan ikke bygges inn", "en": "Cannot be embedded"},
    "api.problem.oembed_url.detail": {
        "nb": "Adressen er ikke en figur på dette nettstedet (en side med figurer, et kort eller /embed/…).",
        "en": "The address is not a chart on this site (a page with charts, a card or /embed/…).",
    },
    "dcat.catalogue.title": {
        "nb": "SLT-statistikk: datakatalog",
        "en": "SLT statistics: data catalogue",
    },
    "dcat.catalogue.description": {
        "nb": "Kildetabellene bak SLT-statistikk (barne- og ungdomskriminalitet og forebygging), hver med tallene som CSV, JSON-stat og JSON fra API-et, og API-et selv.",
        "en": "The source tables behind SLT statistics (youth crime and prevention), each with its figures as CSV, JSON-stat and JSON from the API, and the API itself.",
    },
    "dcat.service.title": {"nb": "SLT-statistikk API", "en": "SLT statistics API"},
    "dcat.service.description": {
        "nb": "Versjonert API (/api/v1/) med alle tallene som JSON, CSV og JSON-stat, hver figurs tall, kodelister, kilder og kommuner. Beskrevet med OpenAPI 3.1.",
        "en": "Versioned API (/api/v1/) with every figure as JSON, CSV and JSON-stat, each chart's figures, code lists, sources and municipalities. Described by OpenAPI 3.1.",
    },
    "dcat.dataset.title": {
        "nb": "{measures}: {areas} {years}",
        "en": "{measures}: {areas} {years}",
    },
    "dcat.dataset.description": {
        "nb": "{measures} for {areas}, {years}: {facts} tall fra {publication} ({publisher}, publisert {published}), {section}.",
        "en": "{measures} for {areas}, {years}: {facts} numbers from {publication} ({publisher}, published {published}), {section}.",
    },
    "dcat.licence.named": {"nb": "Lisens: {licence}.", "en": "Licence: {licence}."},
    "dcat.licence.not_named": {
        "nb": "Lisens ikke oppgitt av kilden; kilden sier: «{licence}»",
        "en": "Licence not stated by the source; the source says: “{licence}”",
    },
    "dcat.distribution.csv": {"nb": "Tallene som CSV", "en": "The figures as CSV"},
    "dcat.distribution.jsonstat": {
        "nb": "Tallene som JSON-stat 2.0",
        "en": "The figures as JSON-stat 2.0",
    },
    "dcat.distribution.json": {"nb": "Tallene som JSON", "en": "The figures as JSON"},
    "dcat.series.title": {"nb": "Utgaver: {title}", "en": "Editions: {title}"},
    "dcat.series.description": {
        "nb": "Kilder som gir noen av de samme tallene, eldste først: {publications}. Der de er uenige, vises den nyeste.",
        "en": "Sources that give some of the same numbers, oldest first: {publications}. Where they disagree, the newest is shown.",
    },
    "schema.name": {
        "nb": "SLT-statistikk: barne- og ungdomskriminalitet og forebygging i {places}",
        "en": "SLT statistics: youth crime and prevention in {places}",
    },
    "schema.description": {
        "nb": "Publiserte tall om barne- og ungdomskriminalitet og forebygging i {places} fra SLT-rapportene, Statistisk sentralbyrå og politiet: anmeldelser, mistenkte personer og lovbrudd etter alder, kjønn og sted, oppfølging og Ungdata. Hvert tall med kilde og lisens, som CSV, JSON og JSON-stat.",
        "en": "Published figures on youth crime and prevention in {places} from the SLT reports, Statistics Norway and the police: reports, suspected persons and offences by age, sex and place, follow-up and Ungdata. Every number with its source and licence, as CSV, JSON and JSON-stat.",
    },
    "schema.keywords": {"nb": "ungdomskriminalitet", "en": "youth crime"},
    "om_dataene.step1": {
        "nb": "Skriv en CSV-fil, for eksempel asker-politiet-2021.csv, med kolonnene over:",
        "en": "Write a CSV file, e.g. asker-politiet-2021.csv, with the columns above:",
    },
    "om_dataene.step2": {
        "nb": "Skriv metadatafilen asker-politiet-2021.meta.yml ved siden av:",
        "en": "Write the sidecar asker-politiet-2021.meta.yml beside it:",
    },
    "om_dataene.step3": {
        "nb": "Kjør kommandoen under. Den kontrollerer begge filene, kopierer dem til data/ og bygger databasen på nytt. Å importere de samme radene igjen endrer ingenting; en annen verdi for en rad som finnes, avvises (begge verdiene vises) med mindre du legger til --replace.",
        "en": "Run the command below. It checks both files, copies them into data/ and rebuilds the database. Importing the same rows again changes nothing; a different value for a row that is already there is refused (both values shown) unless you add --replace.",
    },
    "om_dataene.more": {
        "nb": "Hele formatet er beskrevet i docs/data-format.md i kildekoden.",
        "en": "The full format is described in docs/data-format.md in the source code.",
    },
    # about (about.py)
    "about.measure": {"nb": "Mål", "en": "Measure"},
    "about.unit": {"nb": "Enhet", "en": "Unit"},
    "about.counts": {"nb": "Hva tallet teller", "en": "What the number counts"},
    "about.symbol": {"nb": "Symbol", "en": "Symbol"},
    "about.meaning": {"nb": "Betydning", "en": "Meaning"},
    "about.explanation": {"nb": "Forklaring", "en": "Explanation"},
    "about.kommune": {"nb": "Område", "en": "Area"},
    "about.code": {"nb": "Kommunenummer", "en": "Municipality number"},
    "about.from": {"nb": "Gyldig fra", "en": "Valid from"},
    "about.to": {"nb": "Gyldig til", "en": "Valid to"},
    "about.territory": {"nb": "Merknad om området", "en": "Territory note"},
    "about.today": {"nb": "i dag", "en": "today"},
    "about.status...": {
        "nb": "Tallet finnes ikke i kilden, eller det er tapt (for eksempel i OCR-teksten av en rapport).",
        "en": "The number is not in the source, or it was lost (for example in the OCR text of a report).",
    },
    "about.status.:": {
        "nb": "Tallet er skjult av kilden for å verne personvernet (små tall).",
        "en": "The number is suppressed by the source to protect privacy (small numbers).",
    },
    "about.status..": {
        "nb": "Tallet kan ikke finnes, fordi spørsmålet ikke gir mening for denne cellen.",
        "en": "There can be no number, because the question does not apply to this cell.",
    },
    "about.status.-": {
        "nb": "Null / ingenting: kilden viser en strek, og SSBs strek betyr at det ikke finnes noen. Cellen vises som strek.",
        "en": "Nil / nothing: the source prints a dash, and Statistics Norway's dash means there are none. The cell is shown as a dash.",
    },
    "about.sidecar.title": {
        "nb": "Tabellens tittel, slik den er trykt",
        "en": "The table's title, as printed",
    },
    "about.sidecar.publisher": {"nb": "Utgiver", "en": "Publisher"},
    "about.sidecar.publication": {"nb": "Publikasjonen tallene står i", "en": "The publication"},
    "about.sidecar.published": {
        "nb": "ISO-dato: ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ; der to utgaver gir samme tall, vises den nyeste etter dato, og den eldre beholdes",
        "en": "ISO date: YYYY-MM-DD, YYYY-MM or YYYY; where two editions give the same figure, the newest by date is shown and the older is kept",
    },
    "about.sidecar.section": {
        "nb": "Avsnitt der tabellen står",
        "en": "Section where the table is printed",
    },
    "about.sidecar.unit": {
        "nb": "Enhet (anmeldelser, personer …)",
        "en": "Unit (reports, persons …)",
    },
    "about.sidecar.counts": {
        "nb": "Hva som telles (anmeldelser / personer / forhold; gjerningssted / bosted)",
        "en": "What is counted (reports / persons / offences; scene of crime / residence)",
    },
    "about.sidecar.licence": {
        "nb": "Lisens eller vilkår for gjenbruk",
        "en": "Licence or terms of reuse",
    },
    "about.sidecar.page": {"nb": "Side", "en": "Page"},
    "about.sidecar.definitions": {
        "nb": "Definisjoner fra kilden",
        "en": "Definitions from the source",
    },
    "about.sidecar.notes": {
        "nb": "Forbehold, tap i OCR o.l.",
        "en": "Caveats, OCR losses and the like",
    },
    "about.sidecar.source_url": {"nb": "Nettadresse til kilden", "en": "Address of the source"},
    "about.sidecar.licence_url": {"nb": "Nettadresse til lisensen", "en": "Address of the licence"},
    "about.sidecar.accessed": {
        "nb": "Dato kilden ble hentet",
        "en": "Date the source was accessed",
    },
    # chart titles and sentences with placeholders
    "trygghetsprogrammet.sum.equal": {
        "nb": "{year}: delene ({terms}) gir beregnet sum av radene {s}, lik de {n} registrerte.",
        "en": "{year}: the parts ({terms}) give a computed sum of the rows of {s}, equal to the {n} registered.",
    },
    "trygghetsprogrammet.sum.differs": {
        "nb": "{year}: delene ({terms}) gir beregnet sum av radene {s}, mens rapporten oppgir {n} registrerte. Til informasjon: de publiserte tallene står slik de er trykt.",
        "en": "{year}: the parts ({terms}) give a computed sum of the rows of {s}, while the report states {n} registered. For information: the published figures stand as printed.",
    },
    "trygghetsprogrammet.enhet_vest": {
        "nb": "politiets enhet Vest (Bærums SLT-rapport)",
        "en": "the police's unit West (Bærum's SLT report)",
    },
    "trygghetsprogrammet.title.funnel": {
        "nb": "Saker i Trygghetsprogrammet etter utfall, {where}{years}",
        "en": "Safety Programme cases by outcome, {where}{years}",
    },
    "trygghetsprogrammet.title.offence": {
        "nb": "Saker i Trygghetsprogrammet i {k} etter lovbrudd den utsatte var utsatt for{years}",
        "en": "Safety Programme cases in {k} by the offence the victim was exposed to{years}",
    },
    "trygghetsprogrammet.title.talks": {
        "nb": "Politiets bekymringssamtaler i {k}{years}",
        "en": "The police's concern talks in {k}{years}",
    },
    "trygghetsprogrammet.change_from": {
        "nb": " ({change} fra {year})",
        "en": " ({change} from {year})",
    },
    "trygghetsprogrammet.title.followup": {
        "nb": "Ungdom under oppfølging hos forebyggende avsnitt, politiet i {k}, etter oppfølgingsnivå{years}",
        "en": "Young people under follow-up by the police's prevention section in {k}, by follow-up level{years}",
    },
    "trygghetsprogrammet.title.extremism": {
        "nb": "Bekymringer om ekstremisme knyttet til {k} etter ideologi, prosent{years}",
        "en": "Extremism concerns linked to {k} by ideology, per cent{years}",
    },
    "trygghetsprogrammet.extremism_row.bekymringer": {
        "nb": "Bekymringer mottatt i Oslo politidistrikt (antall)",
        "en": "Concerns received by Oslo police district (number)",
    },
    "trygghetsprogrammet.extremism_row.knyttet_til_kommunen": {
        "nb": "Andel av bekymringene i Oslo politidistrikt knyttet til {k}",
        "en": "Share of the concerns in Oslo police district linked to {k}",
    },
    "trygghetsprogrammet.extremism_row.fra_justissektoren": {
        "nb": "Andel fra justissektoren",
        "en": "Share from the justice sector",
    },
    "trend.title.forhold": {
        "nb": "Straffbare forhold {age} år med gjerningssted {k}",
        "en": "Offences aged {age} with the scene of crime in {k}",
    },
    "oversikt.missing_for": {"nb": "tall mangler for {period}.", "en": "no figure for {period}."},
    "oversikt.use.h2": {"nb": "Til møtet og rapporten", "en": "For meetings and reports"},
    "report.button": {
        "nb": "Last ned rapportfigurene ({k} {year}): PNG, SVG, CSV og tekst i én ZIP",
        "en": "Download the report figures ({k} {year}): PNG, SVG, CSV and text in one ZIP",
    },
    "report.title": {
        "nb": "Rapportfigurer – {kommune} {year}",
        "en": "Report figures – {kommune} {year}",
    },
    "report.latest": {"nb": "siste år", "en": "latest year"},
    "report.kind.bar": {"nb": "Stolpediagram", "en": "Bar chart"},
    "report.kind.line": {"nb": "Linjediagram", "en": "Line chart"},
    "report.alt": {"nb": "Alternativ tekst (til bildet)", "en": "Alt text (for the image)"},
    "report.summary": {"nb": "Oppsummering", "en": "Summary"},
    "report.notes": {"nb": "Merknader", "en": "Notes"},
    "report.licence": {"nb": "Lisens", "en": "Licence"},
    "report.online": {"nb": "Figuren på nettet", "en": "The chart online"},
    "report.readme.intro": {
        "nb": "Alle figurene for kommunen og året, i samme rekkefølge som sidene på nettstedet. Hver figur har fire filer: PNG (1920 × 1280 piksler, til trykk og lysbilder) og SVG (vektor, skalerbar), begge med tittel og kilde tegnet inn; CSV med tallene bak figuren, med kilde på hver rad; og en tekstfil med alternativ tekst, oppsummering, merknader og kilde.",
        "en": "Every chart for the kommune and year, in the order of the site's pages. Each chart has four files: PNG (1920 × 1280 pixels, for print and slides) and SVG (vector, scalable), both with title and source drawn in; CSV with the figures behind the chart, with the source on every row; and a text file with alt text, summary, notes and source.",
    },
    "report.readme.files": {
        "nb": "Filene, i rapportrekkefølge",
        "en": "The files, in report order",
    },
    "report.readme.key_figures": {
        "nb": "nøkkeltallene fra oversikten som setninger, med kilde",
        "en": "the overview's key figures as sentences, with sources",
    },
    "report.readme.empty": {
        "nb": "Figurer uten tall for dette valget (ikke med i ZIP-filen)",
        "en": "Charts without figures for this choice (not in the ZIP)",
    },
    "report.readme.formats": {
        "nb": "CSV-filene har punktum som desimaltegn og kan åpnes i Excel (Data > Fra tekst/CSV, UTF-8). En celle kilden mangler er tom, og symbolet står i kolonnen «status»; den er aldri 0.",
        "en": "The CSV files use a full stop as the decimal mark (UTF-8). A cell the source lacks is empty, with its symbol in the “status” column; it is never 0.",
    },
    "report.readme.symbols": {
        "nb": "Symboler (SSB): «..» tall mangler, «:» skjult, «.» ikke aktuelt, «-» null / ingenting.",
        "en": "Symbols (Statistics Norway): “..” not available, “:” suppressed, “.” not applicable, “-” nil.",
    },
    "report.readme.stamp": {
        "nb": "Laget {date} fra {site} (datagrunnlag {fingerprint}). Oppgi den opprinnelige kilden til hver figur når du bruker den.",
        "en": "Made {date} from {site} (data build {fingerprint}). Cite each chart's original source when you use it.",
    },
    "report.bad": {
        "nb": "Rapportfigurene ble ikke laget. Skriv adressen slik: {example} (kommune: baerum, asker eller oslo; aar: et år, eller siste).",
        "en": "The report figures were not made. Write the address like this: {example} (kommune: baerum, asker or oslo; aar: a year, or siste).",
    },
    "report.bad_value": {
        "nb": "«{value}» kan ikke brukes for «{name}».",
        "en": "“{value}” cannot be used for “{name}”.",
    },
    "report.none": {
        "nb": "Ingen figurer har tall for {k} {year}. År med tall for {k}: {years}.",
        "en": "No chart has figures for {k} {year}. Years with figures for {k}: {years}.",
    },
    "report.busy": {
        "nb": "Figurene tegnes for noen andre akkurat nå. Prøv igjen om litt.",
        "en": "The charts are being drawn for somebody else right now. Please try again shortly.",
    },
    # --- Starting a server (`slt-dashboard serve`) ---
    "startup.building": {
        "nb": "Bygger lageret fra {data} …",
        "en": "Building the warehouse from {data} …",
    },
    "startup.built": {
        "nb": "… ferdig på {seconds} s ({facts} tall).",
        "en": "… done in {seconds} s ({facts} figures).",
    },
    "startup.kept": {
        "nb": "… dataene kunne ikke bygges; det forrige lageret brukes (se loggen).",
        "en": "… the data could not be built; the previous warehouse is served (see the log).",
    },
    "report.unavailable": {
        "nb": "Figurene kan ikke tegnes på serveren akkurat nå. Tallene kan lastes ned som CSV under hver figur, eller alle på en gang: /last-ned/alle-data.zip",
        "en": "The charts cannot be drawn on the server right now. The figures can be downloaded as CSV under each chart, or all at once: /last-ned/alle-data.zip",
    },
    # --- The yearly report as Word, the agenda as PowerPoint (issue 21) ---
    "wordreport.title": {
        "nb": "Utfordringsbildet {k} {year}",
        "en": "The current picture in {k} {year}",
    },
    "wordreport.file": {
        "nb": "Utfordringsbildet – {k} {year}",
        "en": "The current picture – {k} {year}",
    },
    "wordreport.subtitle": {
        "nb": "Tallgrunnlag for kapittel 2 i SLT-årsrapporten",
        "en": "The figures for chapter 2 of the SLT annual report",
    },
    "wordreport.what": {
        "nb": "Utkast til kapitlet «Utfordringsbildet» i SLT-årsrapporten, laget fra publiserte tall",
        "en": "A draft of the chapter “The current picture” of the SLT annual report, made from published figures",
    },
    "wordreport.kommune": {"nb": "Kommune", "en": "Municipality"},
    "wordreport.year": {"nb": "År", "en": "Year"},
    "wordreport.made": {"nb": "Laget", "en": "Made"},
    "wordreport.about": {
        "nb": "Dette er et utkast til kapitlet «Utfordringsbildet» i kommunens SLT-årsrapport, laget av SLT-statistikk fra publiserte tall. Hvert tall står med kilden det er hentet fra (publikasjon og avsnitt), under hver figur og tabell og samlet til slutt. Setningene er laget automatisk etter de samme reglene som nettstedets oversikt (endring fra året før, små tall, overlappende perioder): les dem over, og legg til det tallene ikke sier – vurderinger, tiltak og innspill fra tjenestene. Et avsnitt som ikke har tall for kommunen og året, er utelatt.",
        "en": "This is a draft of the chapter “The current picture” of the municipality's SLT annual report, made by SLT-statistikk from published figures. Every number is given with the source it was taken from (publication and section), under each chart and table and all together at the end. The sentences are written automatically by the same rules as the site's overview (change from the year before, small numbers, overlapping periods): read them through, and add what the figures do not say – assessments, measures and input from the services. A section without figures for the municipality and year is left out.",
    },
    "wordreport.styles": {
        "nb": "Figurene er bilder med alternativ tekst; tabellene er Word-tabeller som kan redigeres. Dokumentet bruker Words egne stiler (Tittel, Overskrift 1–4, Bildetekst, Tabellrutenett, Punktliste), så det kan tilpasses kommunens mal ved å endre stilene.",
        "en": "The charts are images with alt text; the tables are Word tables that can be edited. The document uses Word's own styles (Title, Heading 1–4, Caption, Table Grid, List Bullet), so it can be fitted to the municipality's template by changing the styles.",
    },
    "wordreport.no_images": {
        "nb": "Figurene kunne ikke tegnes på serveren da dokumentet ble laget. Tabellene og tekstene er med; hver figur kan åpnes fra lenken under den.",
        "en": "The charts could not be drawn on the server when the document was made. The tables and texts are included; each chart can be opened from the link under it.",
    },
    "wordreport.no_image": {
        "nb": "[Figuren kunne ikke tegnes her. Tallene står i tabellen under, og figuren kan åpnes fra lenken nederst.]",
        "en": "[The chart could not be drawn here. The figures are in the table below, and the chart can be opened from the link at the bottom.]",
    },
    "wordreport.figure": {"nb": "Figur", "en": "Figure"},
    "wordreport.table": {"nb": "Tabell", "en": "Table"},
    "wordreport.unit": {"nb": "enhet", "en": "unit"},
    "wordreport.intro": {
        "nb": "Kapitlet viser de publiserte tallene SLT-statistikk har for {k}, i samme oppbygning som kapittel 2 i SLT-årsrapportene: politiets kriminalitetsstatistikk, politiets oppfølging av ungdom, ekstremisme, Trygghetsprogrammet og Ungdata, så langt det finnes tall. Kilden står under hver figur og tabell; alle kildene er samlet til slutt.",
        "en": "The chapter shows the published figures SLT-statistikk has for {k}, laid out like chapter 2 of the SLT annual reports: police crime statistics, the police's follow-up of young people, extremism, the Safety Programme and Ungdata, as far as there are figures. The source is under each chart and table; all the sources are listed at the end.",
    },
    "wordreport.key_figures": {"nb": "Nøkkeltall", "en": "Key figures"},
    "wordreport.part.politiet": {
        "nb": "Utfordringsbildet i {k} {year} beskrevet av politiet",
        "en": "The current picture in {k} {year} as described by the police",
    },
    "wordreport.part.kriminalitet": {
        "nb": "Politiets kriminalitetsstatistikk {year}",
        "en": "Police crime statistics {year}",
    },
    "wordreport.part.oppfolging": {
        "nb": "Oppfølging av ungdom ved politiets forebyggende avsnitt",
        "en": "Follow-up of young people by the police's prevention section",
    },
    "wordreport.part.ekstremisme": {
        "nb": "Hatkriminalitet, radikalisering og voldelig ekstremisme",
        "en": "Hate crime, radicalisation and violent extremism",
    },
    "wordreport.part.trygghet": {
        "nb": "Trygghetsprogrammet",
        "en": "The Safety Programme (Trygghetsprogrammet)",
    },
    "wordreport.part.ungdata": {
        "nb": "Ungdomsundersøkelsen Ungdata",
        "en": "The Ungdata youth survey",
    },
    "wordreport.part.andre": {"nb": "Andre figurer", "en": "Other charts"},
    "wordreport.sources.h1": {"nb": "Kilder", "en": "Sources"},
    "wordreport.sources": {"nb": "Publikasjoner og avsnitt", "en": "Publications and sections"},
    "wordreport.sources.intro": {
        "nb": "Hvert tall i dokumentet er hentet fra en av disse publikasjonene, fra avsnittene som står under den. Tallene kan lastes ned med kilde på hver rad fra SLT-statistikk: «Last ned data» under hver figur, eller alle data på én gang (/last-ned/alle-data.zip).",
        "en": "Every number in the document is taken from one of these publications, from the sections listed under it. The figures can be downloaded with the source on every row from SLT-statistikk: “Download data” under each chart, or all data at once (/last-ned/alle-data.zip).",
    },
    "wordreport.source.publisher": {"nb": "Utgiver", "en": "Publisher"},
    "wordreport.source.published": {"nb": "Publisert", "en": "Published"},
    "wordreport.source.licence": {"nb": "Lisens", "en": "Licence"},
    "wordreport.source.url": {"nb": "Adresse", "en": "Address"},
    "wordreport.editions": {
        "nb": "Tall med tidligere utgaver",
        "en": "Figures with earlier editions",
    },
    "wordreport.editions.none": {
        "nb": "Ingen av tallene i dokumentet er oppgitt annerledes i en tidligere publikasjon.",
        "en": "None of the figures in the document was given differently in an earlier publication.",
    },
    "wordreport.empty": {
        "nb": "Figurer uten tall for {k} {year} (ikke med i dokumentet)",
        "en": "Charts without figures for {k} {year} (not in the document)",
    },
    "wordreport.button": {
        "nb": "Last ned utfordringsbildet ({k} {year}) som Word-dokument",
        "en": "Download the current picture ({k} {year}) as a Word document",
    },
    "wordreport.bad": {
        "nb": "Dokumentet ble ikke laget. Skriv adressen slik: {example} (kommune: kommunens navn uten æøå, f.eks. baerum; aar: et år, eller siste; lang: nb eller en).",
        "en": "The document was not made. Write the address like this: {example} (kommune: the municipality's name without æøå, e.g. baerum; aar: a year, or siste; lang: nb or en).",
    },
    "presentation.button": {
        "nb": "Last ned møtet som PowerPoint (virker uten nett)",
        "en": "Download the meeting as PowerPoint (works offline)",
    },
    "presentation.file": {"nb": "SLT-møte – {what}", "en": "SLT meeting – {what}"},
    "presentation.agenda": {"nb": "agenda", "en": "agenda"},
    "presentation.bad": {
        "nb": "Presentasjonen ble ikke laget. {notes} Bruk de samme parameterne som møtets adresse, f.eks. {example}",
        "en": "The presentation was not made. {notes} Use the same parameters as the meeting's address, e.g. {example}",
    },
    "presentation.bad_agenda": {
        "nb": "Agendaen i lenken kunne ikke leses.",
        "en": "The agenda in the link could not be read.",
    },
    "presentation.no_image": {
        "nb": "Figuren kunne ikke tegnes på serveren. Skann QR-koden for å åpne visningen.",
        "en": "The chart could not be drawn on the server. Scan the QR code to open the view.",
    },
    "presentation.notes": {
        "nb": "Nøkkelsetning: {sentence}",
        "en": "Key sentence: {sentence}",
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
