"""The data catalogue in DCAT-AP-NO 2.x (Digdir's profile of DCAT-AP), for data.norge.no.

One `dcat:Catalog` (publisher and contact point from the settings) with:

- one `dcat:Dataset` per published source table: title and description in bokmål and
  English, the source's publisher, EU data themes (JUST, SOCI), temporal coverage (its
  first and last year) and spatial coverage (Norway, and the kommuner its areas are or
  cover), the landing page, the provenance (publication, section, page), and three
  distributions — the API's CSV, JSON-stat and JSON, filtered to that source with every
  edition. The licence is the one the source states: a licence the EU's licence list
  names (CC BY 4.0, CC0) becomes `dct:license`; any other wording is kept as the
  distribution's `dct:rights` statement and the description says "lisens ikke oppgitt";
  nothing is made up;
- one `dcat:DatasetSeries` per group of sources that give some of the same numbers (the
  editions the warehouse keeps), oldest `dcat:first`, newest `dcat:last`, each dataset
  `dcat:inSeries` with `dcat:prev` to the edition before it;
- one `dcat:DataService` for the API (`/api/v1/`, described by its OpenAPI document).

Values from controlled vocabularies (themes, languages, formats, access rights, country,
licences) carry their `skos:inScheme`, which the DCAT-AP-NO shapes check. The suite
validates the graph with pySHACL against Digdir's shapes (tests/app/test_api_catalogue.py).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from dashboard.settings import Settings
from dashboard.web.outputs import links
from dashboard.web.outputs.api.apidata import CodeLists
from dashboard.words import t
from dashboard.words.numbers import list_text, year_ranges

#: DCAT 3 (rdflib's closed DCAT namespace lacks the series terms DCAT-AP-NO 2.2 uses).
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
EU = "http://publications.europa.eu/resource/authority/"
THEMES = ("JUST", "SOCI")  # Justice, legal system and public safety; Population and society
LANGUAGES = {"nb": "NOB", "en": "ENG"}
IANA = "https://www.iana.org/assignments/media-types/"
#: Licences as sources word them -> the EU licence list (only names that match exactly).
LICENCES = (
    (re.compile(r"\bCC[ -]?BY[ -]?4\.0\b", re.I), "CC_BY_4_0"),
    (re.compile(r"\bCC0\b", re.I), "CC0"),
)
#: Standards the distributions and the service conform to (their titles, as the shapes ask).
STANDARDS = {
    "https://json-stat.org/format/": "JSON-stat 2.0",
    "https://spec.openapis.org/oas/v3.1.0": "OpenAPI Specification 3.1.0",
    "https://www.rfc-editor.org/rfc/rfc4180": "RFC 4180: Common Format and MIME Type for CSV Files",
}
MEDIA_TYPES = {
    "turtle": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
}


def licence_iri(text: str) -> str | None:
    """The EU licence-list IRI for a source's licence wording, or None if it names none."""
    for pattern, code in LICENCES:
        if pattern.search(text or ""):
            return f"{EU}licence/{code}"
    return None


def _slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return f"{words}-{hashlib.sha256(text.encode()).hexdigest()[:6]}"


def _date(value: Any) -> Literal:
    return Literal(str(value)[:10], datatype=XSD.date)


class Catalogue:
    """Builds the graph; every IRI is under the site's catalogue address."""

    def __init__(self, root: str, settings: Settings, codes: CodeLists):
        self.root = root
        self.settings = settings
        self.codes = codes
        self.base = root + links.CATALOGUE_PATH
        self.graph = Graph()
        for prefix, namespace in (
            ("dcat", DCAT),
            ("dct", DCTERMS),
            ("foaf", FOAF),
            ("skos", SKOS),
            ("vcard", VCARD),
            ("adms", ADMS),
            ("xsd", XSD),
            ("rdfs", RDFS),
        ):
            self.graph.bind(prefix, namespace)

    # ------------------------------------------------------------------ small pieces

    def iri(self, local: str) -> URIRef:
        return URIRef(f"{self.base}#{local}")

    def add(self, subject, predicate, obj) -> None:
        self.graph.add((subject, predicate, obj))

    def texts(self, subject, predicate, key: str, **params: object) -> None:
        """A catalog string in both languages, as language-tagged literals."""
        for lang in LANGUAGES:
            self.add(subject, predicate, Literal(t(key, lang, **params), lang=lang))

    def concept(self, scheme: str, code: str) -> URIRef:
        """A concept of an EU authority table, with the scheme the shapes look for."""
        node = URIRef(f"{EU}{scheme}/{code}")
        self.add(node, SKOS.inScheme, URIRef(f"{EU}{scheme}"))
        return node

    def standard(self, href: str) -> URIRef:
        node = URIRef(href)
        self.add(node, RDF.type, DCTERMS.Standard)
        self.add(node, DCTERMS.title, Literal(STANDARDS[href], lang="en"))
        return node

    def agent(self, name: str, orgnr: str = "") -> URIRef:
        """A publisher: Felles datakatalog's address for an organisation number, else ours."""
        if orgnr:
            node = URIRef(
                f"https://organization-catalog.fellesdatakatalog.digdir.no/organizations/{orgnr}"
            )
            self.add(node, DCTERMS.identifier, Literal(orgnr))
        else:
            node = self.iri(f"utgiver-{_slug(name)}")
        self.add(node, RDF.type, FOAF.Agent)
        self.add(node, FOAF.name, Literal(name, lang="nb"))
        return node

    def contact(self) -> URIRef:
        node = self.iri("kontakt")
        self.add(node, RDF.type, VCARD.Organization)
        self.add(node, VCARD.fn, Literal(self.settings.publisher_name, lang="nb"))
        self.add(node, VCARD.hasEmail, URIRef(f"mailto:{self.settings.contact_email}"))
        return node

    def place(self, code: str) -> URIRef:
        """A kommune as a location: its page in the API, its names and number."""
        node = URIRef(self.root + links.api_href(f"kommuner/{code}"))
        self.add(node, RDF.type, DCTERMS.Location)
        for lang in LANGUAGES:
            self.add(
                node, SKOS.prefLabel, Literal(self.codes.label("kommune", code, lang), lang=lang)
            )
        return node

    # ------------------------------------------------------------------ the graph

    def build(
        self,
        sources: Mapping[str, Mapping[str, Any]],
        series: Iterable[list[str]],
        members: Mapping[str, list[str]],
        modified: str,
    ) -> Graph:
        """The catalogue: `sources` by id (with what each holds), `series` (groups of
        source ids that are editions of one another), `members` (area -> the kommuner
        it covers), `modified` (when the warehouse was built)."""
        settings = self.settings
        catalogue = self.iri("katalog")
        publisher = self.agent(settings.publisher_name, settings.publisher_orgnr)
        contact = self.contact()
        public = self.concept("access-right", "PUBLIC")
        norway = self.concept("country", "NOR")
        self.add(catalogue, RDF.type, DCAT.Catalog)
        self.add(catalogue, DCTERMS.identifier, Literal(str(catalogue)))
        self.texts(catalogue, DCTERMS.title, "dcat.catalogue.title")
        self.texts(catalogue, DCTERMS.description, "dcat.catalogue.description")
        self.add(catalogue, DCTERMS.publisher, publisher)
        self.add(catalogue, FOAF.homepage, URIRef(self.root + "/"))
        self.add(catalogue, DCTERMS.spatial, norway)
        if modified:
            self.add(catalogue, DCTERMS.modified, _date(modified))
        for code in LANGUAGES.values():
            self.add(catalogue, DCTERMS.language, self.concept("language", code))

        service = self.service(publisher, contact, public)
        self.add(catalogue, DCAT.service, service)
        datasets = {}
        for source_id, source in sources.items():
            dataset = self.dataset(source, publisher_of=self.agent(str(source["publisher"])))
            self.add(dataset, DCAT.contactPoint, contact)
            self.add(dataset, DCTERMS.accessRights, public)
            self.add(dataset, DCTERMS.spatial, norway)
            for code in self.kommuner(source.get("areas") or [], members):
                self.add(dataset, DCTERMS.spatial, self.place(code))
            for distribution in self.distributions(source_id, source, service):
                self.add(dataset, DCAT.distribution, distribution)
            self.add(catalogue, DCAT.dataset, dataset)
            self.add(service, DCAT.servesDataset, dataset)
            datasets[source_id] = dataset
        for group in series:
            node = self.series(group, sources, datasets)
            self.add(catalogue, DCAT.dataset, node)
        return self.graph

    def kommuner(self, areas: Iterable[str], members: Mapping[str, list[str]]) -> list[str]:
        """The kommuner a source's areas are, or cover (a police district: its kommuner)."""
        kinds = {c["code"]: c.get("kind") for c in self.codes.entries("kommune")}
        found: list[str] = []
        for area in areas:
            if kinds.get(area) == "kommune":
                found.append(area)
            found += members.get(area, [])
        return sorted(dict.fromkeys(found))

    def service(self, publisher: URIRef, contact: URIRef, public: URIRef) -> URIRef:
        node = self.iri("api")
        self.add(node, RDF.type, DCAT.DataService)
        self.add(node, DCTERMS.identifier, Literal(str(node)))
        self.texts(node, DCTERMS.title, "dcat.service.title")
        self.texts(node, DCTERMS.description, "dcat.service.description")
        self.add(node, DCAT.endpointURL, URIRef(self.root + links.API_PREFIX + "/"))
        self.add(node, DCAT.endpointDescription, URIRef(self.root + links.OPENAPI_PATH))
        self.add(node, DCTERMS.conformsTo, self.standard("https://spec.openapis.org/oas/v3.1.0"))
        self.add(node, DCAT.landingPage, URIRef(self.root + links.OPEN_DATA_PATH))
        self.add(node, DCTERMS.publisher, publisher)
        self.add(node, DCAT.contactPoint, contact)
        self.add(node, DCTERMS.accessRights, public)
        for theme in THEMES:
            self.add(node, DCAT.theme, self.concept("data-theme", theme))
        for fmt, media in (("CSV", "text/csv"), ("JSON", "application/json")):
            self.add(node, DCTERMS.format, self.concept("file-type", fmt))
            self.add(node, DCAT.mediaType, URIRef(IANA + media))
        return node

    def dataset(self, source: Mapping[str, Any], publisher_of: URIRef) -> URIRef:
        source_id = str(source["source_id"])
        node = self.iri(f"datasett-{source_id}")
        years = year_ranges(source.get("years") or [])
        self.add(node, RDF.type, DCAT.Dataset)
        self.add(node, DCTERMS.identifier, Literal(str(node)))
        self.add(node, DCTERMS.title, Literal(str(source["title"]), lang="nb"))
        licence = str(source.get("licence") or "")
        stated = licence_iri(licence) is not None
        for lang in LANGUAGES:
            measures = list_text(
                [self.codes.label("maal", m, lang) for m in source.get("measures") or []], lang
            )
            areas = list_text(
                [self.codes.label("kommune", a, lang) for a in source.get("areas") or []], lang
            )
            if lang != "nb":
                self.add(
                    node,
                    DCTERMS.title,
                    Literal(
                        t("dcat.dataset.title", lang, measures=measures, areas=areas, years=years),
                        lang=lang,
                    ),
                )
            description = t(
                "dcat.dataset.description",
                lang,
                measures=measures,
                areas=areas,
                years=years,
                facts=source.get("facts") or 0,
                publication=source["publication"],
                publisher=source["publisher"],
                published=source["published"],
                section=source["section"],
            )
            licence_text = (
                t("dcat.licence.named", lang, licence=licence)
                if stated
                else t("dcat.licence.not_named", lang, licence=licence)
            )
            self.add(node, DCTERMS.description, Literal(f"{description} {licence_text}", lang=lang))
            for measure in source.get("measures") or []:
                self.add(
                    node, DCAT.keyword, Literal(self.codes.label("maal", measure, lang), lang=lang)
                )
        self.add(node, DCTERMS.publisher, publisher_of)
        for theme in THEMES:
            self.add(node, DCAT.theme, self.concept("data-theme", theme))
        self.add(node, DCTERMS.language, self.concept("language", "NOB"))
        first, last = source.get("first_year"), source.get("last_year")
        if first and last:
            period = BNode()
            self.add(period, RDF.type, DCTERMS.PeriodOfTime)
            self.add(period, DCAT.startDate, Literal(f"{int(first)}-01-01", datatype=XSD.date))
            self.add(period, DCAT.endDate, Literal(f"{int(last)}-12-31", datatype=XSD.date))
            self.add(node, DCTERMS.temporal, period)
        if source.get("published_precision") == "day":  # a year or month is no date
            self.add(node, DCTERMS.issued, _date(source["published_date"]))
        self.add(node, DCAT.landingPage, URIRef(self.root + links.page_path("om_dataene")))
        if source.get("source_url"):
            self.add(node, FOAF.page, URIRef(str(source["source_url"])))
        provenance = BNode()
        self.add(provenance, RDF.type, DCTERMS.ProvenanceStatement)
        where = ", ".join(
            str(source[k]) for k in ("publication", "section", "page") if source.get(k)
        )
        self.add(provenance, RDFS.label, Literal(where, lang="nb"))
        self.add(node, DCTERMS.provenance, provenance)
        return node

    def distributions(
        self, source_id: str, source: Mapping[str, Any], service: URIRef
    ) -> list[URIRef]:
        """The API's CSV, JSON-stat and JSON of one source (every edition it gave)."""
        licence = str(source.get("licence") or "")
        named = licence_iri(licence)
        out = []
        for fmt, file_type, media, standard in (
            ("csv", "CSV", "text/csv", "https://www.rfc-editor.org/rfc/rfc4180"),
            ("jsonstat", "JSON", "application/json", "https://json-stat.org/format/"),
            ("json", "JSON", "application/json", None),
        ):
            node = self.iri(f"datasett-{source_id}-{fmt}")
            href = URIRef(
                self.root + links.facts_href({"kilde": source_id, "utgaver": "alle"}, fmt)
            )
            self.add(node, RDF.type, DCAT.Distribution)
            self.texts(node, DCTERMS.title, f"dcat.distribution.{fmt}")
            self.add(node, DCAT.accessURL, href)
            self.add(node, DCAT.downloadURL, href)
            self.add(node, DCAT.accessService, service)
            self.add(node, DCTERMS.format, self.concept("file-type", file_type))
            self.add(node, DCAT.mediaType, URIRef(IANA + media))
            if standard:
                self.add(node, DCTERMS.conformsTo, self.standard(standard))
            if named:
                self.add(node, DCTERMS.license, self.concept("licence", named.rsplit("/", 1)[1]))
            rights = BNode()
            self.add(rights, RDF.type, DCTERMS.RightsStatement)
            self.add(rights, RDFS.label, Literal(licence, lang="nb"))
            self.add(node, DCTERMS.rights, rights)
            out.append(node)
        return out

    def series(
        self,
        group: list[str],
        sources: Mapping[str, Mapping[str, Any]],
        datasets: Mapping[str, URIRef],
    ) -> URIRef:
        """Editions of the same numbers as a series, oldest first."""
        ordered = sorted(group, key=lambda s: (str(sources[s]["published_date"]), s))
        node = self.iri(f"serie-{ordered[0]}")
        self.add(node, RDF.type, DCAT.DatasetSeries)
        newest = sources[ordered[-1]]
        self.texts(node, DCTERMS.title, "dcat.series.title", title=newest["title"])
        self.texts(
            node,
            DCTERMS.description,
            "dcat.series.description",
            publications=", ".join(
                f"{sources[s]['publication']} ({sources[s]['published']})" for s in ordered
            ),
        )
        self.add(node, DCAT.first, datasets[ordered[0]])
        self.add(node, DCAT.last, datasets[ordered[-1]])
        for previous, current in itertools.pairwise(ordered):
            self.add(datasets[current], DCAT.prev, datasets[previous])
        for source_id in ordered:
            self.add(datasets[source_id], DCAT.inSeries, node)
        return node


def edition_groups(pairs: Mapping[str, list[dict[str, Any]]]) -> list[list[str]]:
    """Sources linked by shared numbers, as groups (connected components), sorted."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for source_id, others in pairs.items():
        for other in others:
            a, b = find(source_id), find(str(other["other_id"]))
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for source_id in parent:
        groups.setdefault(find(source_id), []).append(source_id)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def serialise(graph: Graph, fmt: str) -> str:
    """Turtle or JSON-LD text of the graph."""
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
        return graph.serialize(format="json-ld", context=context, indent=1)
    return graph.serialize(format="turtle")
