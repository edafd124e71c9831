"""Stores for the explorer's tests: the hand-written fixtures of tests/data/graph, the hostile-label
article of tests/data/explorer, and statement qualifiers (dates, amounts, status) written by hand
the way graph/build.py writes them (nkg:when, nkg:startDate/endDate, a schema:MonetaryAmount,
nkg:status)."""

from __future__ import annotations

import json
from pathlib import Path

from newskg.extract.records import Extraction
from newskg.graph import readmodel
from newskg.graph.build import add_extractions
from newskg.graph.store import KGStore, open_store

from tests.graphdata import load

HOSTILE = Path(__file__).resolve().parent / "data" / "explorer" / "hostile-labels.json"
SIHEUNG = "https://w3id.org/newskg/entity/kr-KR-41-siheung-si"
SAN_DIEGO = "https://w3id.org/newskg/entity/gn5391811"
LIM = "https://w3id.org/newskg/entity/임병택"
PREFIXES = (
    "PREFIX nkg: <https://w3id.org/newskg/ontology#> PREFIX schema: <https://schema.org/> "
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
)


def hostile() -> Extraction:
    """An invented article whose labels, aliases and headline are markdown, HTML and javascript: URLs."""
    return Extraction.from_json(json.loads(HOSTILE.read_text(encoding="utf-8")))


def qualify(kg: KGStore, s: str, predicate: str, o: str, triples: str) -> None:
    """Add qualifier triples to every statement of (s, predicate, o), in its article's graph."""
    for r in readmodel.statements(kg, s):
        if r["predicate"] == predicate and r["o"] == o:
            graph = r["st"].split("#")[0]
            st = f"<{r['st']}>"
            if "nkg:status" in triples:  # the build wrote "done": the new status replaces it
                kg.update(f"{PREFIXES} DELETE WHERE {{ GRAPH <{graph}> {{ {st} nkg:status ?old }} }}")
            kg.update(f"{PREFIXES} INSERT DATA {{ GRAPH <{graph}> {{ {st} {triples} }} }}")


def company(kg: KGStore) -> str:
    return next(e["iri"] for e in readmodel.entities(kg) if e["en"] == "Shinsegae Simon")


def build(path: str | Path) -> str:
    """A store with the seed, the second article, the hostile one, and qualifiers on three facts:
    Siheung's visit to San Diego dated 2024-03-13 to 19, a planned 1000억원 investment request, and
    the mayor's visit dated by month."""
    with open_store(str(path)) as kg:
        add_extractions(kg, [load("seed"), load("second"), hostile()])
        qualify(
            kg,
            SIHEUNG,
            "visits",
            SAN_DIEGO,
            'nkg:startDate "2024-03-13"^^xsd:date ; nkg:endDate "2024-03-19"^^xsd:date',
        )
        qualify(
            kg,
            SIHEUNG,
            "seeksInvestmentFrom",
            company(kg),
            'nkg:when "2024-08"^^xsd:gYearMonth ; nkg:status "planned" ; nkg:amount '
            '[ a schema:MonetaryAmount ; schema:value 100000000000 ; schema:currency "KRW" ]',
        )
        qualify(kg, LIM, "visits", SAN_DIEGO, 'nkg:when "2024-03"^^xsd:gYearMonth')
    return str(path)
