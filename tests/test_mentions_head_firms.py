"""An unknown proper noun right before a person and a firm head's title is that person's company,
on invented sentences ("누리텍 도해준 대표는"); two people before a title make no company."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


def test_firm_head_titles_are_read_from_the_data_file():
    assert {"대표", "대표이사"} <= load_korean().firm_head_titles


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("누리텍 도해준 대표는 솔내시에 공장을 짓겠다고 말했다.", "누리텍"),
        ("가온메디칼 한서윤 대표이사와 협약을 맺었다.", "가온메디칼"),
    ],
)
def test_a_proper_noun_before_a_head_and_title_is_the_heads_company(text, firm):
    assert (firm, "ORG") in _entities(text)


def test_two_people_before_a_title_make_no_company():
    ents = _entities("도해준 한서윤 대표가 왔다.")
    assert not {e for e in ents if e[1] == "ORG"}, sorted(ents)
