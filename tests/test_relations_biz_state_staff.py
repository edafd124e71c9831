"""A head-of-state title followed by a staff post ("대통령 비서실장") names an aide, who heads no
country; the bare title still heads it (invented names)."""

from __future__ import annotations

from tests.triples import triples_of

_TEXT = (
    "한국과 가람국은 협력하기로 했다. 문도현 대통령은 이날 담화를 발표했다. "
    "회의에는 도해준 대통령 비서실장, 한서윤 외교부 장관 등이 참석했다."
)


def test_an_aide_of_the_president_heads_no_country() -> None:
    assert ("도해준", "headOf", "대한민국") not in triples_of(_TEXT)


def test_the_president_named_bare_heads_the_country() -> None:
    assert ("문도현", "headOf", "대한민국") in triples_of(_TEXT)
