"""Foreign people of several Hangul words before a title, on invented sentences: Japanese family
names that start like a Korean surname, a former office ("전 총리"), a one-word name before an
envoy's title, a given name ending in 시, and a Korean name the NER runs on into a company."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.mention_base import sounds_foreign
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _people(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "PERSON"}


def test_syllables_korean_given_names_never_use_are_read_from_the_data_file():
    assert "키" in load_korean().foreign_syllables
    assert sounds_foreign("오카키") and not sounds_foreign("도해준")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the family name starts with a Korean surname (이, 오) but has 에/키
        ("도해준 시장은 솔내시의회 이리코 하나에 의장을 접견했다.", "이리코 하나에"),
        # the former office between the name and the title
        ("도해준 지사는 루트비히 베르크만 전 총리를 만났다.", "루트비히 베르크만"),
    ],
)
def test_a_foreign_name_of_two_words_before_a_title_is_one_person(text, name):
    people = _people(text)
    assert name in people, sorted(people)
    assert not {p for p in people if p != name and p in name}, sorted(people)  # no half of it


def test_one_foreign_word_before_an_envoy_title_is_the_envoy():
    assert "바트무흐" in _people("도해준 시장은 24일 바트무흐 주한 몽골대사와 면담했다.")


def test_a_given_name_ending_in_si_after_a_group_is_no_city():
    out = get_extractor().extract(Article("t", "행사에는 가람그룹 다카하라 노부요시 대표가 참석했다."))
    labels = {(e.label, e.type) for e in out.entities}
    assert ("다카하라 노부요시", "PERSON") in labels, sorted(labels)
    assert all(lab != "노부요시" for lab, _ in labels), sorted(labels)


def test_a_korean_name_is_not_run_on_into_the_company_after_it():
    people = _people("행사에는 손하람 새길정밀 대표가 참석했다.")
    assert "손하람" in people and "손하람 새길정밀" not in people, sorted(people)


def test_a_korean_name_and_an_unknown_company_make_no_foreign_person():
    people = _people("손하람 가온테크 대표는 공장을 둘러봤다.")
    assert "손하람 가온테크" not in people, sorted(people)


def test_a_company_between_a_foreign_name_and_the_title_is_no_part_of_the_name():
    people = _people("행사에는 모리 겐타 가온링크 대표가 참석했다.")
    assert "모리 겐타" in people and "모리 겐타 가온링크" not in people, sorted(people)
