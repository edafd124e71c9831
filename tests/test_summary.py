"""The store's summary (graph/summary.py) on a real Oxigraph store of invented articles: it gives what
the GROUP BY gives, a stale one is not read, reviews and rebuilds keep it current, exports skip it."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from newskg.app.cli import main
from newskg.extract.records import Article, Entity, Evidence, Extraction, Triple
from newskg.graph import readmodel as rm
from newskg.graph import review
from newskg.graph import summary as sm
from newskg.graph.build import add_extractions
from newskg.graph.export import RdfFormat, export
from newskg.graph.project import top_nodes, view_totals
from newskg.graph.store import KGStore, open_store
from newskg.graph.validate import validate

TOWNS = ["가람시", "누리군", "다온읍", "로아시", "미르시", "보람군", "새봄시"]
PEOPLE = ["한별", "이슬"]
D1 = "2024-02-03"


def _article(doc: str, pairs: list[tuple[int, str, int]], date: str) -> Extraction:
    """Invented article: people (p0, p1) and towns (t0…); pairs are (subject, predicate, object)
    over the list people + towns."""
    names = PEOPLE + TOWNS
    text = " ".join(names) + " 끝."
    ents = tuple(
        Entity(
            f"x{i}",
            n,
            f"Name {i}",
            "PERSON" if i < len(PEOPLE) else "LOC",
            "Person" if i < len(PEOPLE) else "City",
            (),
            ((text.index(n), text.index(n) + len(n)),),
        )
        for i, n in enumerate(names)
    )
    ev = Evidence(text, 0, len(text))
    triples = tuple(Triple(f"x{s}", p, f"x{o}", 0.9, ev) for s, p, o in pairs)
    return Extraction(doc, ents, triples, Article(doc, text, f"기사 {doc}", date))


def _articles() -> list[Extraction]:
    return [
        _article("s-1", [(0, "visits", 2), (0, "visits", 3), (1, "visits", 2), (2, "sisterCityOf", 3)], D1),
        _article("s-2", [(0, "visits", 4), (1, "meets", 0), (3, "sisterCityOf", 5)], "2024-06-30"),
        _article("s-3", [(0, "visits", 2), (6, "sisterCityOf", 7)], "2023-11-11"),
    ]


def _group_by(kg: KGStore) -> dict[str, int]:
    """entity → degree as the explorer counts it without a summary."""
    iris = [r["iri"] for r in rm.entities(kg)]
    return {e: d for e, d in rm.degrees(kg, iris).items() if d > 0}


def _figures(kg: KGStore) -> tuple:
    return (
        top_nodes(kg, 20),
        view_totals(kg),
        rm.overview(kg),
        rm.count_entities(kg),
        rm.count_articles(kg),
        rm.date_range(kg),
        [r["iri"] for r in rm.top_entities(kg, 5)],
    )


@pytest.fixture
def kg(tmp_path) -> Iterator[KGStore]:
    with open_store(str(tmp_path / "kg.oxigraph")) as store:
        add_extractions(store, _articles())
        yield store


def test_summary_degrees_and_figures_equal_what_the_group_by_gives(kg) -> None:
    without = _figures(kg)
    assert sm.read_summary(kg) is None  # built by add_extractions alone: no summary yet
    got = sm.refresh_summary(kg)
    assert got is not None and sm.read_summary(kg) == got
    assert dict(sm.top_ranked(kg, 100)) == _group_by(kg)
    assert [e for e, _ in sm.top_ranked(kg, 100)] == top_nodes(kg, 100)[0]
    assert _figures(kg) == without
    assert got.dates == ("2023-11-11", "2024-06-30") and got.types == {"LOC": 7, "PERSON": 2}


def test_past_the_ranks_kept_the_ranking_falls_back_to_the_group_by(kg, monkeypatch) -> None:
    full = [top_nodes(kg, n)[0] for n in (2, 5)]
    monkeypatch.setattr(sm, "RANKED", 2)
    got = sm.refresh_summary(kg)
    assert (got.kept, got.ranked) == (2, len(_group_by(kg)))
    degrees = [q for q in kg.quads([sm.SUMMARY_GRAPH]) if q.predicate.value.endswith("#degree")]
    assert len(degrees) == 2  # the two best-connected entities' degree, not all nine
    assert [top_nodes(kg, n)[0] for n in (2, 5)] == full


def test_a_summary_whose_stamp_no_longer_matches_is_not_read(kg) -> None:
    sm.refresh_summary(kg)
    was_top = sm.top_ranked(kg, 1)[0][0]
    # another writer adds an article and leaves the summary as it was
    more = [(1, "visits", 8), (1, "visits", 7), (1, "visits", 6), (1, "visits", 5)]
    add_extractions(kg, [_article("s-4", more, "2025-01-01")])
    assert sm.read_summary(kg) is None
    nodes, entities, statements = top_nodes(kg, 1)
    best = sorted(_group_by(kg).items(), key=lambda r: (-r[1], r[0]))[0][0]
    assert nodes == [best] and best != was_top
    assert rm.count_articles(kg) == 4 and rm.date_range(kg) == ("2023-11-11", "2025-01-01")
    assert statements == sum(_group_by(kg).values()) // 2


def test_a_review_written_through_kept_updates_the_summary_and_one_written_around_it_stales_it(kg) -> None:
    sm.refresh_summary(kg)
    top = sm.top_ranked(kg, 1)[0]
    visited = [e for e, _ in sm.top_ranked(kg, 100) if e != top[0]]
    facts = rm.fact_keys(kg, top[0])
    with sm.kept(kg):
        for k in facts:
            review.record_fact(kg, k.s, k.predicate, k.o, "rejected", who="t")
    fresh = sm.read_summary(kg)
    assert fresh is not None and fresh.statements < fresh.stamp.statements
    assert top[0] not in dict(sm.top_ranked(kg, 100)) and dict(sm.top_ranked(kg, 100)) == _group_by(kg)
    before = rm.count_entities(kg)
    with sm.kept(kg, figures=False):  # a merge changes no figure: restamped, not recounted
        review.record_merge(kg, visited[0], visited[1], who="t")
    assert sm.read_summary(kg) is not None and rm.count_entities(kg) == before - 1
    review.record_rename(kg, visited[1], "새이름", "ko", who="t")  # not through kept
    assert sm.read_summary(kg) is None


def _jsonl(path: Path, extractions: list[Extraction]) -> Path:
    path.write_text(
        "".join(json.dumps(ex.to_json(with_article=True), ensure_ascii=False) + "\n" for ex in extractions),
        encoding="utf-8",
    )
    return path


def test_a_rebuild_after_adding_an_article_refreshes_the_summary_and_an_idle_rerun_keeps_it(tmp_path) -> None:
    store = str(tmp_path / "kg.oxigraph")
    first = _jsonl(tmp_path / "a.jsonl", _articles())
    assert main(["build", "--extractions", str(first), "--store", store]) == 0
    more = [(1, "visits", 5), (1, "visits", 6), (1, "visits", 7), (1, "visits", 8)]
    extra = _article("s-5", more, "2025-03-04")
    grown = _jsonl(tmp_path / "b.jsonl", [*_articles(), extra])
    assert main(["build", "--extractions", str(grown), "--store", store]) == 0
    with open_store(store) as kg:
        got = sm.read_summary(kg)
        assert got is not None and got.articles == 4 and got.dates[1] == "2025-03-04"
        assert dict(sm.top_ranked(kg, 100)) == _group_by(kg)
        quads = sorted(str(q) for q in kg.quads([sm.SUMMARY_GRAPH]))
    assert main(["build", "--extractions", str(grown), "--store", store]) == 0
    with open_store(store) as kg:
        assert sorted(str(q) for q in kg.quads([sm.SUMMARY_GRAPH])) == quads


def test_exports_and_validation_leave_the_summary_graph_out_and_an_empty_store_gets_none(kg) -> None:
    buf = io.BytesIO()
    export(kg, RdfFormat.NQUADS, buf)
    plain = buf.getvalue()
    checked = validate(kg).triples
    sm.refresh_summary(kg)
    assert validate(kg).triples == checked
    buf = io.BytesIO()
    export(kg, RdfFormat.NQUADS, buf)
    assert buf.getvalue() == plain and sm.SUMMARY_GRAPH.encode() not in plain
    assert list(kg.quads([sm.SUMMARY_GRAPH]))  # it is there, only not exported
    with open_store(":memory:") as empty:
        assert sm.refresh_summary(empty) is None and not list(empty.quads())
