"""Outlets and reporters of bylines and copyright lines, on invented text: an outlet opening the
first line before the reporter and "=", and the outlet a copyright or credit line names."""

from __future__ import annotations

import pytest
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _out(text: str):
    return get_extractor().extract(Article("t", text))


@pytest.mark.parametrize(
    ("line", "outlet", "reporter"),
    [
        ("새길경제 도해준 기자 = 가람시가 공장을 지었다고 11일 밝혔다.", "새길경제", "도해준"),
        ("KBN News 한서윤기자 = 가람시가 공장을 지었다고 11일 밝혔다.", "KBN News", "한서윤"),
    ],
)
def test_an_outlet_and_its_reporter_opening_a_line_before_the_equals_sign(line, outlet, reporter):
    out = _out(line)
    labels = {(e.label, e.type) for e in out.entities}
    assert (outlet, "ORG") in labels and (reporter, "PERSON") in labels, sorted(labels)
    works = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "worksFor"
    }
    assert (reporter, outlet) in works, sorted(works)


def test_a_dateline_before_the_reporter_is_no_outlet():
    labels = {e.label for e in _out("가람시 도해준 기자 = 솔내시가 공장을 지었다.").entities}
    assert "가람시 도해준" not in labels and "도해준" in labels, sorted(labels)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("시는 이날 협약식을 열었다. [ⓒ 가람일보. 무단전재-재배포 금지]", "가람일보"),
        (
            "시는 이날 협약식을 열었다. 저작권자 © 바른 소식을 전하는 솔내타임즈 무단전재 금지",
            "솔내타임즈",
        ),
        ("시는 이날 협약식을 열었다. Copyright ⓒ 새길소리 무단 전재 및 재배포 금지", "새길소리"),
        ("시는 이날 협약식을 열었다. <저작권자ⓒ솔빛일보사. 무단전재-재배포 금지>", "솔빛일보"),
    ],
)
def test_the_outlet_a_copyright_line_names(line, outlet):
    labels = {(e.label, e.type) for e in _out(line).entities}
    assert (outlet, "ORG") in labels, sorted(labels)


def test_a_photo_credit_of_a_city_names_no_outlet():
    out = _out("도해준 시장이 협약서에 서명하고 있다. ⓒ 가람시")
    assert all(e.type != "ORG" for e in out.entities), sorted(e.label for e in out.entities)
