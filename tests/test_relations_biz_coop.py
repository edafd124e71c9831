"""cooperatesWith only where cooperation is stated as an activity: not a cue that begins a noun, not a
wish or request, and not the terms of an agreement the pair signed (invented places and bodies)."""

from __future__ import annotations

import pytest
from newskg.extract.cooperation import non_activity_blanked
from newskg.extract.lexicon import load_lexicon
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article

_CUES = ("협력", "교류", "공동", "협업")


def _preds(text: str) -> set[tuple[str, str, str]]:
    out = get_extractor().extract(Article("t", text))
    return {
        tuple(sorted((out.entity(t.subject).label, out.entity(t.object).label))) + (t.predicate,)
        for t in out.triples
        if t.status == "done"
    }


def test_cooperation_stated_as_an_activity_is_kept() -> None:
    assert ("가람시", "솔내군", "cooperatesWith") in _preds(
        "가람시와 솔내군은 관광 분야에서 협력하기로 했다."
    )
    assert ("가람시", "솔내군", "cooperatesWith") in _preds("가람시와 솔내군은 해마다 교류해 왔다.")


@pytest.mark.parametrize(
    "text",
    [
        "가람시와 솔내군은 지난해 교류회를 열었다.",  # a meeting named after exchange
        "가람시와 솔내군은 협력사항으로 관광 분야를 정했다.",  # the items of a cooperation
        "가람시와 솔내군은 교류 필요성에 공감했다.",  # the need of it
        "가람시와 솔내군은 상호협력과 교류 필요성에 공감했다.",  # both cues of the coordination
    ],
)
def test_a_cue_that_begins_a_noun_states_no_cooperation(text: str) -> None:
    assert not [p for p in _preds(text) if p[2] == "cooperatesWith"]


def test_a_wished_cooperation_is_not_stated_as_done() -> None:
    found = _preds("가람시와 솔내군은 앞으로 교류가 더욱 활발해지기를 바란다고 밝혔다.")
    assert not [p for p in found if p[2] == "cooperatesWith"]


@pytest.mark.parametrize(
    "text",
    [
        "이날 협약 당사자인 가람시와 솔내군은 관광 분야에서 상호 협력하기로 했다.",
        "이번 협약을 계기로 가람시와 솔내군은 관광 분야에서 협력하게 된다.",
    ],
)
def test_cooperation_as_the_terms_of_an_agreement_is_its_signing(text: str) -> None:
    found = _preds(text)
    assert ("가람시", "솔내군", "signsAgreementWith") in found
    assert ("가람시", "솔내군", "cooperatesWith") not in found


def test_blanking_keeps_the_length_and_the_activity_cues() -> None:
    lex = load_lexicon()
    text = "두 도시는 교류회를 열고 관광 분야에서 협력하기로 했다"
    out = non_activity_blanked(text, _CUES, lex)
    assert len(out) == len(text)
    assert "교류회" not in out and "□□회" in out
    assert "협력하기로" in out
