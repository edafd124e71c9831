"""The people present at a signing ("… 등이 참석한 가운데") stand for its parties only when the
sentence names no partner; with a partner named by 와/과 they are witnesses (invented names)."""

from __future__ import annotations

from tests.triples import triples_of


def test_the_bodies_of_those_present_sign_when_no_partner_is_named() -> None:
    found = triples_of("가람대학교는 도해준 솔내전자 대표 등이 참석한 가운데 산학협력 협약을 체결했다.")
    assert ("가람대학교", "signsAgreementWith", "솔내전자") in found


def test_the_bodies_of_those_present_are_witnesses_when_the_partner_is_named() -> None:
    found = triples_of(
        "누리경제자유구역청은 13일 솔내시청에서 도해준 누리경제자유구역청장, 한서윤 솔내시장, "
        "나도윤 솔내시의회 의장 등 20명이 참석한 가운데 바이오업체인 ㈜가람바이오와 투자 양해각서를 "
        "체결했다."
    )
    signed = {(s, o) for s, p, o in found if p == "signsAgreementWith"}
    assert ("누리경제자유구역청", "㈜가람바이오") in signed
    assert not any("솔내" in s or "솔내" in o for s, o in signed)
