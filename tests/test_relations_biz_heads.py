"""A head of state's bare title heads a country, never the venue or body named with him; a deputy
who also holds a ministry still heads it (invented names)."""

from __future__ import annotations

from tests.triples import triples_of as _done


def test_a_president_does_not_head_the_venue_he_visits() -> None:
    found = _done("가람재단을 찾은 도해준 대통령은 연설을 했다.")
    assert ("도해준", "headOf", "가람재단") not in found


def test_another_head_title_still_heads_the_body_named_before_it() -> None:
    assert ("도해준", "headOf", "가람재단") in _done("가람재단을 찾은 도해준 이사장은 연설을 했다.")


def test_a_deputy_prime_minister_heads_the_ministry_he_holds() -> None:
    found = _done("한빛그룹을 찾은 도해준 부총리 겸 미래혁신부 장관은 투자 확대를 당부했다.")
    assert ("도해준", "headOf", "미래혁신부") in found
