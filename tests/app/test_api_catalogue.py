"""The DCAT-AP-NO catalogue: 0 violations of Digdir's own SHACL shapes (pySHACL, offline,
shapes vendored in tests/fixtures/dcat-ap-no), and true to the warehouse: one dataset
per source, licences as the sources state them, distributions that answer."""

from __future__ import annotations

from collections import Counter

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS

import queries
from dashboard.settings import Settings
from dashboard.startup import create_app
from tests.paths import FIXTURES

SHAPES = FIXTURES / "dcat-ap-no" / "DCAT-AP-NO-shacl_shapes_2.00.ttl"
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")
CC_BY = URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
#: The warnings the catalogue is allowed: a distribution without `dct:license` (the
#: source names no licence: said so in its rights statement and description, never made
#: up), and a kommune as `dct:spatial` (Digdir's check wants EU/GeoNames places).
ALLOWED_WARNINGS = {str(DCTERMS.license), str(DCTERMS.spatial)}


@pytest.fixture(scope="module")
def catalogue(app) -> Graph:
    response = app.server.test_client().get("/katalog.ttl")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=response.get_data(as_text=True), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def results(report: Graph) -> list[tuple[str, str, str]]:
    """(severity, path, message) of each top-level result of a validation report."""
    out = []
    for result in report.objects(None, SH.result):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[1]
        out.append(
            (
                severity,
                str(report.value(result, SH.resultPath)),
                str(report.value(result, SH.resultMessage)),
            )
        )
    return out


def test_the_catalogue_conforms_to_digdirs_dcat_ap_no_shapes(catalogue, shapes):
    conforms, report, text = validate(catalogue, shacl_graph=shapes, allow_warnings=True)
    found = results(report)
    violations = [r for r in found if r[0] == "Violation"]
    assert violations == [], text[:3000]
    assert conforms
    warnings = Counter(path for severity, path, _ in found if severity == "Warning")
    assert set(warnings) <= ALLOWED_WARNINGS, warnings


def test_the_shapes_do_catch_a_broken_catalogue(catalogue, shapes):
    """The check can fail: a dataset without a title or publisher is a violation."""
    broken = Graph()
    for triple in catalogue:
        broken.add(triple)
    dataset = next(catalogue.subjects(RDF.type, DCAT.Dataset))
    broken.remove((dataset, DCTERMS.title, None))
    broken.remove((dataset, DCTERMS.publisher, None))
    conforms, report, _ = validate(broken, shacl_graph=shapes, allow_warnings=True)
    assert not conforms
    paths = {p for s, p, _ in results(report) if s == "Violation"}
    assert {str(DCTERMS.title), str(DCTERMS.publisher)} <= paths


def test_one_dataset_per_source_with_both_languages_and_coverage(catalogue, con):
    sources = queries.run(con.cursor(), "sources")
    datasets = set(catalogue.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == len(sources)
    for dataset in datasets:
        titles = {t.language for t in catalogue.objects(dataset, DCTERMS.title)}
        descriptions = {d.language for d in catalogue.objects(dataset, DCTERMS.description)}
        assert titles == descriptions == {"nb", "en"}
        assert catalogue.value(dataset, DCTERMS.temporal) is not None
        assert catalogue.value(dataset, DCTERMS.publisher) is not None
        themes = set(catalogue.objects(dataset, DCAT.theme))
        assert URIRef("http://publications.europa.eu/resource/authority/data-theme/JUST") in themes
        assert len(list(catalogue.objects(dataset, DCAT.distribution))) == 3


def test_licences_are_the_sources_own_words(catalogue, con):
    sources = queries.run(con.cursor(), "sources").set_index("source_id")
    for dataset in catalogue.subjects(RDF.type, DCAT.Dataset):
        source_id = str(catalogue.value(dataset, DCTERMS.identifier)).rsplit("datasett-", 1)[1]
        stated = str(sources.loc[source_id, "licence"])
        for distribution in catalogue.objects(dataset, DCAT.distribution):
            rights = catalogue.value(distribution, DCTERMS.rights)
            assert (rights, RDF.type, DCTERMS.RightsStatement) in catalogue
            assert catalogue.value(rights, RDFS.label) == Literal(stated, lang="nb")
            licence = catalogue.value(distribution, DCTERMS.license)
            if "CC BY 4.0" in stated:
                assert licence == CC_BY
            else:
                assert licence is None  # no licence made up
                nb = next(
                    d for d in catalogue.objects(dataset, DCTERMS.description) if d.language == "nb"
                )
                assert "Lisens ikke oppgitt" in str(nb)


def test_editions_are_series_oldest_first(catalogue):
    series = list(catalogue.subjects(RDF.type, DCAT.DatasetSeries))
    assert series, "the warehouse has sources that restate each other's numbers"
    for node in series:
        first, last = catalogue.value(node, DCAT.first), catalogue.value(node, DCAT.last)
        assert first != last
        assert (last, DCAT.inSeries, node) in catalogue
        assert catalogue.value(last, DCAT.prev) is not None


def test_distributions_answer_with_that_sources_numbers(client, catalogue):
    dataset = next(
        d
        for d in catalogue.subjects(RDF.type, DCAT.Dataset)
        if str(d).endswith("datasett-slt2020-anmeldelser-10-17-gjerningssted")
    )
    for distribution in catalogue.objects(dataset, DCAT.distribution):
        url = str(catalogue.value(distribution, DCAT.downloadURL))
        response = client.get(url.removeprefix("http://localhost"))
        assert response.status_code == 200, url
    json_url = next(
        str(catalogue.value(d, DCAT.downloadURL))
        for d in catalogue.objects(dataset, DCAT.distribution)
        if str(d).endswith("-json")
    )
    data = client.get(json_url.removeprefix("http://localhost")).get_json()["data"]
    assert data and {r["source_id"] for r in data} == {"slt2020-anmeldelser-10-17-gjerningssted"}


def test_json_ld_is_the_same_graph(client, catalogue):
    response = client.get("/katalog.jsonld")
    assert response.headers["Content-Type"] == "application/ld+json"
    graph = Graph().parse(data=response.get_data(as_text=True), format="json-ld")
    assert isomorphic(graph, catalogue)
    negotiated = client.get("/katalog", headers={"Accept": "application/ld+json"})
    assert negotiated.headers["Content-Type"] == "application/ld+json"
    assert client.get("/katalog").headers["Content-Type"].startswith("text/turtle")


def test_contact_point_and_publisher_come_from_the_settings(warehouse_path):
    app = create_app(
        Settings(
            warehouse=warehouse_path,
            auto_build=False,
            publisher_name="Asker kommune",
            publisher_orgnr="123456789",
            contact_email="data@example.no",
        )
    )
    graph = Graph().parse(
        data=app.server.test_client().get("/katalog.ttl").get_data(as_text=True), format="turtle"
    )
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    publisher = graph.value(catalogue, DCTERMS.publisher)
    assert str(publisher).endswith("/organizations/123456789")
    assert str(graph.value(publisher, FOAF.name)) == "Asker kommune"
    emails = set(graph.objects(None, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")))
    assert emails == {URIRef("mailto:data@example.no")}
