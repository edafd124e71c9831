"""The sister cities a place is said to have, listed after "<place>의 자매결연 도시로는" or "<place>의
자매도시는": each is a sister of that place, not of the other members (invented places)."""

from __future__ import annotations

from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _sisters(text: str) -> set[frozenset[str]]:
    out = get_extractor().extract(Article("t", text))
    return {
        frozenset((out.entity(t.subject).label, out.entity(t.object).label))
        for t in out.triples
        if t.predicate == "sisterCityOf" and t.status == "done"
    }


def test_each_listed_member_is_a_sister_of_the_owner_only() -> None:
    found = _sisters(
        "한편 가람시의 국내 자매결연 도시로는 솔내시(1999년), 누리군(2005년), 한별시(2016년)가 있다."
    )
    assert found == {
        frozenset(("가람시", "솔내시")),
        frozenset(("가람시", "누리군")),
        frozenset(("가람시", "한별시")),
    }


def test_a_sister_city_topic_opens_the_list() -> None:
    found = _sisters("가람시의 자매도시는 솔내시, 누리군 등이다.")
    assert frozenset(("가람시", "솔내시")) in found
    assert frozenset(("가람시", "누리군")) in found
    assert frozenset(("솔내시", "누리군")) not in found
