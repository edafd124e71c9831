"""The quoted slogan of a copyright credit names no outlet, on an invented footer: "©'3개국어 종합
경제신문' 가람경제" is the outlet 가람경제, not a paper called 경제신문; a named paper still is one."""

from __future__ import annotations

from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _labels(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


_FOOTER = "도해준 시장이 말했다. ©'3개국어 종합 경제신문' 가람경제. 무단전재·재배포 금지"


def test_the_slogan_of_a_copyright_credit_is_no_outlet():
    labels = _labels(_FOOTER)
    assert ("경제신문", "ORG") not in labels, sorted(labels)


def test_the_outlet_after_the_slogan_is_kept():
    assert ("가람경제", "ORG") in _labels(_FOOTER)


def test_a_named_paper_outside_a_slogan_is_an_outlet():
    assert ("가람신문", "ORG") in _labels("가람신문 기자가 솔내시를 취재했다.")
