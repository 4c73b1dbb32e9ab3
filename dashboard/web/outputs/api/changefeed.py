"""What changed, from the warehouse's editions: the Atom feed, the API's list, the page.

The build (materialise.sql) writes one row per change: a new source table (per area it
covers), years of a series a source published first, and every number an edition gave
differently from the one before it (old -> new, with both sources). Here those rows
become sentences in the reader's language, an Atom 1.0 feed per kommune
(`/endringer.atom?kommune=baerum`, RFC 4287) and the entries of the page "Hva er nytt".

An entry's date is its source's publication date as the sidecar gives it (a year or a
month is dated to its first day); its id is the change's stable key on this site.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import flask
import pandas as pd

import queries
from dashboard.web.outputs import links
from dashboard.web.outputs.api import apidata
from dashboard.web.outputs.api.apiparams import CHANGE_PARAMS, validate
from dashboard.web.outputs.api.protocol import lang as request_lang
from dashboard.web.serving.context import context, cursor, site_root
from dashboard.words import t
from dashboard.words.numbers import format_cell, list_text, year_ranges

ATOM = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
KINDS = ("ny_kilde", "nytt_aar", "endret")


def chosen_areas() -> list[str]:
    """The `kommune` filter of a change request (validated; empty: every area)."""
    values = validate(flask.request.args, CHANGE_PARAMS, apidata.codelists().codes, request_lang())
    return list(values["kommune"] or [])


def changes(chosen: list[str], lang: str) -> pd.DataFrame:
    return queries.run(cursor(), "changes", kommune=chosen, lang=lang)


def _decimals(*values: Any) -> int:
    most = 0
    for value in values:
        if value is None or pd.isna(value):
            continue
        exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
        most = max(most, -int(exponent) if isinstance(exponent, int) else 0)
    return min(most, 3)


def sentence(row: dict[str, Any], lang: str) -> str:
    """One change in words (the feed entry's summary, the page's list item)."""
    kind = row["kind"]
    years = year_ranges(row["years"] or [])
    if kind == "ny_kilde":
        same = row["title"] == row["publication"]  # a press item: one name for both
        return t(
            "change.ny_kilde.same" if same else "change.ny_kilde",
            lang,
            title=row["title"],
            publication=row["publication"],
            area=row["area_label"],
            years=years,
        )
    if kind == "nytt_aar":
        return t(
            "change.nytt_aar",
            lang,
            measure=row["measure_label"],
            area=row["area_label"],
            years=years,
            publication=row["publication"],
        )
    decimals = _decimals(row["old_value"], row["new_value"])
    breakdown = list_text(list(row["breakdown"] or []), lang)
    return t(
        "change.endret",
        lang,
        measure=row["measure_label"],
        area=row["area_label"],
        period=row["period"],
        breakdown=f" ({breakdown})" if breakdown else "",
        old=format_cell(row["old_value"], row["old_status"], decimals, lang),
        new=format_cell(row["new_value"], row["new_status"], decimals, lang),
        old_publication=row["old_publication"],
        old_published=row["old_published"],
        publication=row["publication"],
        published=row["published"],
    )


def title(row: dict[str, Any], lang: str) -> str:
    """A short title: what kind of change, where."""
    what = row["measure_label"] or row["publication"]
    return t(f"change.title.{row['kind']}", lang, what=what, area=row["area_label"])


def change_records(chosen: list[str], lang: str) -> list[dict[str, Any]]:
    """The changes as JSON (the API's /endringer): codes, labels, both sources, words."""
    out = []
    for row in apidata.records(changes(chosen, lang)):
        entry = {
            "id": row["event"],
            "kind": row["kind"],
            "published": row["published"],
            "published_date": str(row["published_date"])[:10],
            "source_id": row["source_id"],
            "publication": row["publication"],
            "title": row["title"],
            "area": row["municipality"],
            "area_label": row["area_label"],
            "measure": row["measure"],
            "measure_label": row["measure_label"],
            "years": row["years"],
            "text": sentence(row, lang),
        }
        if row["kind"] == "endret":
            entry.update(
                period=row["period"],
                breakdown=row["breakdown"],
                old={
                    "value": row["old_value"],
                    "status": row["old_status"],
                    "source_id": row["old_source_id"],
                    "publication": row["old_publication"],
                    "published": row["old_published"],
                },
                new={"value": row["new_value"], "status": row["new_status"]},
            )
        out.append(entry)
    return out


@dataclass(frozen=True)
class Group:
    """The changes one source brought (the page lists them under its publication)."""

    published: str
    publication: str
    title: str
    source_id: str
    items: tuple[tuple[str, str], ...]  # (event id, sentence)


def groups(chosen: list[str], lang: str) -> list[Group]:
    """The changes grouped by source, newest first, for the page "Hva er nytt"."""
    out: list[Group] = []
    frame = changes(chosen, lang)
    for (source_id, _date), part in frame.groupby(["source_id", "published_date"], sort=False):
        rows = apidata.records(part)
        first = rows[0]
        out.append(
            Group(
                published=str(first["published"]),
                publication=str(first["publication"]),
                title=str(first["title"]),
                source_id=str(source_id),
                items=tuple((r["event"], sentence(r, lang)) for r in rows),
            )
        )
    return out


def _timestamp(value: Any) -> str:
    """An Atom date (RFC 3339) from a warehouse date: midnight UTC of that day."""
    day = pd.Timestamp(value).date() if value is not None else dt.date.today()
    return f"{day.isoformat()}T00:00:00Z"


def anchor(event: str) -> str:
    """The id of a change on the page "Hva er nytt" (and the feed entry's fragment)."""
    return f"endring-{event}"


def atom(chosen: list[str], lang: str) -> bytes:
    """The Atom 1.0 feed of the changes for `chosen` areas (all when empty)."""
    root = site_root()
    settings = context().settings
    frame = changes(chosen, lang)
    rows = apidata.records(frame)
    codes = apidata.codelists()
    where = list_text([codes.label("kommune", c, lang) for c in chosen], lang)
    kommune = ",".join(chosen) or None
    self_href = root + links.feed_href(kommune, lang)
    page_href = root + links.page_href("hva_er_nytt", lang, kommune=kommune or "")
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    heading = t("feed.title.some", lang, where=where) if chosen else t("feed.title.all", lang)
    ET.SubElement(feed, "title").text = heading
    ET.SubElement(feed, "subtitle").text = t("feed.subtitle", lang)
    ET.SubElement(feed, "id").text = self_href
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": self_href})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": page_href})
    newest = max((r["published_date"] for r in rows), default=None) or apidata.built_at()[:10]
    ET.SubElement(feed, "updated").text = _timestamp(newest)
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = settings.publisher_name
    ET.SubElement(author, "email").text = settings.contact_email
    ET.SubElement(feed, "generator").text = t("site.title", lang)
    for row in rows:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = f"{root}{links.CHANGES_PATH}#{anchor(row['event'])}"
        ET.SubElement(entry, "title").text = title(row, lang)
        stamp = _timestamp(row["published_date"])
        ET.SubElement(entry, "published").text = stamp
        ET.SubElement(entry, "updated").text = stamp
        ET.SubElement(
            entry,
            "link",
            {
                "rel": "alternate",
                "type": "text/html",
                "href": f"{page_href}#{anchor(row['event'])}",
            },
        )
        ET.SubElement(
            entry,
            "link",
            {
                "rel": "related",
                "type": "application/json",
                "href": root + links.api_href(f"kilder/{row['source_id']}"),
            },
        )
        ET.SubElement(
            entry, "category", {"term": row["kind"], "label": t(f"change.kind.{row['kind']}", lang)}
        )
        ET.SubElement(entry, "summary", {"type": "text"}).text = sentence(row, lang)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
