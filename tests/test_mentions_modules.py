"""mentions.py runs the mention rules that live in modules named for their concern; every name the
other modules import from it stays importable there, as the same object."""

from __future__ import annotations

import importlib

import pytest

_FROM = {
    "Mention": "mention_base",
    "is_particle": "mention_base",
    "is_person_name": "mention_base",
    "surnames": "mention_base",
    "_mk_gaz": "mention_base",
    "gazetteer_index": "gazetteer_link",
    "find_known": "known_names",
    "norm_label": "korean",
    "_title_of": "role_link",
    "_short_forms": "short_forms",
    "_paren_name": "marked_names",
}


@pytest.mark.parametrize("name", sorted(_FROM))
def test_names_imported_from_mentions_are_those_of_their_module(name):
    mentions = importlib.import_module("newskg.extract.mentions")
    home = importlib.import_module(f"newskg.extract.{_FROM[name]}")
    assert getattr(mentions, name) is getattr(home, name)


def test_find_mentions_runs_every_concern_on_an_invented_sentence():
    from newskg.extract.mentions import find_mentions
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.syntax import analyse_sentence

    doc = get_extractor().nlp.tokenizer.make_doc(
        "[평택=한빛일보 오하늘 기자] ㈜새길정밀 박서진 대표는 평택시를 찾았다. 시는 회사를 반겼다."
    )
    rules = set()
    for k, span in enumerate(doc.sents):
        rules |= {m.rule for m in find_mentions(analyse_sentence(span, k))}
    # byline (marked_names), company mark (marked_names), gazetteer (gazetteer_link), short form
    assert {"byline", "company", "gazetteer", "short"} <= rules
