"""Places named after a sentence's signing clause ("…협약을 맺었고, A군과 B시도 찾았다") are stops
of the trip, not parties with each other; parties before the verb still sign (invented names)."""

from __future__ import annotations

from tests.triples import triples_of


def test_places_listed_after_the_signing_clause_sign_nothing() -> None:
    found = triples_of(
        "가람군 방문단은 전날에는 누리군을 방문해 '자매결연 협약'을 맺었고, 솔내군과 다온시도 연이어 찾았다."
    )
    assert ("솔내군", "signsAgreementWith", "다온시") not in found
    assert ("솔내군", "sisterCityOf", "다온시") not in found


def test_parties_modified_by_the_signing_clause_sign() -> None:
    found = triples_of("지난 2009년 우호협력 협약을 체결한 가람군과 솔내시는 교류를 이어오고 있다.")
    assert ("가람군", "signsAgreementWith", "솔내시") in found
