"""Bodies whose own name is generic, named with the place before them: one mention of both words.
"페루 외교부" is the foreign ministry of Peru, not Korea's; "가람시 공공기관협의회" and "솔내
자유대학교" are named only by their place. A name of its own after a place stays itself ("솔내
가람대학교" is 가람대학교). Sites are left alone: news names most complexes without their city
("솔내시 가온산업단지" is 가온산업단지)."""

from __future__ import annotations

from newskg.extract.lexicon import Lexicon
from newskg.extract.mention_base import _KO, Mention, _Builder
from newskg.extract.syntax import Word

__all__ = ["bodies_of_places", "common_nouns_only", "envoy_missions"]

# Kiwi tags of a word made of common nouns only: a type of body ("투자산업통상부"), no name of its own
_COMMON_TAGS = ("NNG", "XPN", "XSN", "SN", "NNB")
_PUNCT_TAGS = ("SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW")


def common_nouns_only(w: Word) -> bool:
    """Common nouns only: no proper name glued to a type word ("가람 + 대학교")."""
    heads = [t for t in w.tags if not t.startswith("J") and t not in _PUNCT_TAGS]
    return bool(heads) and all(t.startswith(_COMMON_TAGS) for t in heads)


def _foreign_copy(m: Mention, pm: Mention) -> bool:
    """A Korean national body of the gazetteer after a foreign country ("솔내아 외교부")."""
    g = m.gaz
    return (
        g is not None
        and m.type == "ORG"
        and getattr(g, "country", None) == "KR"
        and g.cls == "GovernmentOrganization"
        and pm.cls == "Country"
        and getattr(pm.gaz, "country", None) not in (None, "KR")
    )


def bodies_of_places(b: _Builder, words: list[Word]) -> None:
    """Join a place and the generic body right after it (a space between, no particle)."""
    for k in range(1, len(words)):
        w, pw = words[k], words[k - 1]
        if pw.particle or w.start != pw.end + 1 or w.kind != "N":
            continue
        pm = b.at(pw.start, pw.end)
        m = b.at(w.start, w.start + len(w.core))
        if pm is None or m is None or pm.type != "LOC" or m.type != "ORG":
            continue
        if (pm.start, pm.end) != (pw.start, pw.end) or (m.start, m.end) != (w.start, w.start + len(w.core)):
            continue
        if m.ref or pm.ref:
            continue
        if m.rule == "suffix" and m.gaz is None and common_nouns_only(w):
            pass
        elif not _foreign_copy(m, pm):
            continue
        if m.cls == "NewsMediaOrganization":
            continue  # "솔내 가람일보": an outlet of its own name
        b.items.remove(m)
        b.items.remove(pm)
        label = f"{pm.text} {m.text}"
        mm = Mention(pm.start, m.end, label, label, "ORG", m.cls, "place_body")
        mm.extra["org_part"] = pm  # a body only named with its place: no locatedIn (CONTRACT)
        b.add(mm)


def _envoy_word(w: Word, lex: Lexicon, gaz) -> bool:
    """ "주한", or 주 (駐) glued to a country of the gazetteer ("주솔내아")."""
    if w.particle or w.kind != "N":
        return False
    if w.text in lex.words.get("envoy_prefix", frozenset()):
        return True
    return w.text[:1] == "주" and any(g.cls == "Country" for g in gaz.lookup(w.text[1:]))


def envoy_missions(b: _Builder, lex: Lexicon, gaz, words: list[Word]) -> None:
    """ "주한 솔내아대사관", "주솔내아 한국대사관": the 駐 word names the mission's host, one body of both
    words (a bare "한국대사관" would be any of Korea's embassies)."""
    for k in range(1, len(words)):
        w, pw = words[k], words[k - 1]
        if w.start != pw.end + 1 or not b.free(pw.start, pw.end) or not _envoy_word(pw, lex, gaz):
            continue
        m = b.at(w.start, w.start + len(w.core))
        if m is None or m.type != "ORG" or (m.start, m.end) != (w.start, w.start + len(w.core)):
            continue
        if m.ref or not m.text.endswith(_KO.mission_ends):
            continue
        b.items.remove(m)
        label = f"{pw.text} {m.text}"
        b.add(Mention(pw.start, m.end, label, label, "ORG", m.cls, "envoy_mission"))
