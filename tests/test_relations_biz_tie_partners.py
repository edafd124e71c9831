"""A place that ties with several foreign places in one sentence ("A시는 B성, C성과 우호협력도시로
협약을 맺고") signs with each of them; the partners sign nothing with each other (invented names)."""

from __future__ import annotations

from tests.triples import triples_of

_TEXT = "한편 가람시는 누리성(奴里省), 솔내성(率乃省)과 우호협력도시로 업무협약을 맺고 교류를 이어오고 있다."


def test_the_subject_signs_with_each_partner_of_a_tie() -> None:
    found = triples_of(_TEXT)
    assert ("가람시", "signsAgreementWith", "누리성") in found
    assert ("가람시", "signsAgreementWith", "솔내성") in found


def test_the_partners_of_a_tie_sign_nothing_with_each_other() -> None:
    assert ("누리성", "signsAgreementWith", "솔내성") not in triples_of(_TEXT)
