"""A signing told in the plain present ("…와 협약을 체결한다") is scheduled, not done; the past tense,
a decision reported in the past and a signing before a clause the parties pursue keep it (invented
places)."""

from __future__ import annotations

import pytest
from newskg.extract.agreements import signing_scheduled
from newskg.extract.lexicon import load_lexicon
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _signed(text: str) -> bool:
    out = get_extractor().extract(Article("t", text))
    return any(t.predicate == "signsAgreementWith" and t.status == "done" for t in out.triples)


def test_a_signing_in_the_plain_present_is_not_done() -> None:
    assert not _signed("가람시는 29일 솔내군과 우호협력 협약을 체결한다.")


def test_a_signing_in_the_past_is_done() -> None:
    assert _signed("가람시는 29일 솔내군과 우호협력 협약을 체결했다.")


@pytest.mark.parametrize(
    ("text", "scheduled"),
    [
        ("가람시는 솔내군과 업무협약도 체결한다.", True),
        ("가람시는 솔내군과 업무협약을 체결했다.", False),
        ("가람시는 솔내군과 업무협약을 체결한다고 밝혔다.", False),
        ("가람시는 솔내군과 협약을 체결하고 공동 연구를 진행한다.", False),
        ("가람시는 내달 솔내군과 우호협정을 맺는다.", True),
    ],
)
def test_scheduled_reads_the_tense_after_the_signing_verb(text: str, scheduled: bool) -> None:
    assert signing_scheduled(text, load_lexicon()) is scheduled
