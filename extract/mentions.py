"""Mentions of people, organisations and places in a sentence, found by general rules of Korean news.

Rules, most specific first (a later rule never overlaps an earlier mention):
bylines "[경기 평택=새길일보 정민호 기자]"; ㈜/(주)/(재) names; a Hangul name with its original in
parentheses "에밀리 하퍼(Emily Harper)"; quoted names of bodies ('… 통상촉진단'); names ending in
an organisation or site suffix (…시의회, …대학교, …국가산업단지, …항); gazetteer names with a
particle, a place suffix or a title after them ("원주시장" = 원주시 + 시장); a person's name before
a title, possibly with the body in between ("한도윤 천안상공회의소 회장"); an unknown name after a
descriptor ("물류기업 블루웨이브로지스틱스"); districts after their city ("광주 서구"). Short forms
("시는", "박 시장", "이 회사", "양 도시", "대표단") become mentions with a `ref` that the entity step
resolves.

The rules live in modules named for what they hold: `mention_base` (the Mention record and
shared word tests), `marked_names`, `gazetteer_link`, `role_link`, `plain_names`, `short_forms`
and `known_names` (the second pass); this module runs them in order. Every name it exported
before the split is still importable from here.
"""

from __future__ import annotations

from newskg.extract import news_patterns
from newskg.extract.gazetteer_link import (  # noqa: F401
    _bare_places,
    _districts,
    _gaz_word,
    _place_chain,
    _sub_units,
    _units_of_bodies,
    gazetteer_index,
)
from newskg.extract.invest_names import invest_names, invest_towns
from newskg.extract.known_names import _found_again, _known_names, find_known  # noqa: F401
from newskg.extract.korean import norm_label
from newskg.extract.lexicon import Lexicon, Role, load_lexicon
from newskg.extract.marked_names import (  # noqa: F401  (re-exported: other helpers use them)
    _BYLINE,
    _BYLINE_OPEN,
    _CHOSEONG,
    _COMPANY,
    _COMPANY_AFTER,
    _INITIALS,
    _PAREN,
    _QUOTED,
    _QUOTED_ORG_END,
    _paren_name,
    _sounds_like,
    _suffix_org,
    bylines,
    companies,
    quoted_bodies,
)
from newskg.extract.mention_base import (  # noqa: F401  (re-exported: other helpers use them)
    _ACRONYM,
    _HANGUL,
    _HANJA,
    _KO,
    _LATIN_NAME,
    _MONEY_SIGNS,
    _NAMECH,
    _PUNCT_END,
    _TRAILING,
    Mention,
    _Builder,
    _is_particle,
    _mk_gaz,
    _pick,
    _strip_company,
    _word_end,
    is_particle,
    is_person_name,
    surnames,
)
from newskg.extract.place_bodies import bodies_of_places, envoy_missions
from newskg.extract.plain_names import (
    _bare_names,
    _descriptors,
    _facility_owners,
    _firms_of_heads,
    _foreign_firms,
    _investors,
    _listed_firms,
)
from newskg.extract.role_link import _BODY_END, _PLACE_OFFICE, _body_before, _persons, _title_of  # noqa: F401
from newskg.extract.short_forms import _anaphoric_bodies, _councils, _named_delegations, _short_forms
from newskg.extract.syntax import Sentence
from newskg.extract.university_names import short_universities

__all__ = [
    "Mention",
    "find_mentions",
    "find_known",
    "norm_label",
    "is_person_name",
    "gazetteer_index",
    "is_particle",
]


def find_mentions(
    sent: Sentence, lex: Lexicon | None = None, known: dict[str, Mention] | None = None
) -> list[Mention]:
    """Every mention of the sentence, in text order (short forms carry `ref`)."""
    lex = lex or load_lexicon()
    gaz, by_first = gazetteer_index()
    b = _Builder(sent)
    text, off = sent.text, sent.start
    title_words: dict[int, tuple[Role, Mention | None]] = {}  # word index -> (role, place in the word)

    # 1. bylines
    bylines(b, lex, gaz, by_first, text, off)

    # 2. ㈜ companies ("㈜새길정밀", "새길정밀㈜")
    companies(b, lex, gaz, text, off)

    # 3. names with their original in parentheses
    for m in _PAREN.finditer(text):
        _paren_name(b, lex, gaz, sent, m, off)

    # 4. quoted names of bodies
    quoted_bodies(b, text, off)

    words = []
    depth = 0
    for w in sent.words:
        if w.text in ("(", "（"):
            depth += 1
        elif w.text in (")", "）"):
            depth = max(0, depth - 1)
        elif w.kind != "S" and depth == 0:
            words.append(w)
    # 5. organisation and site suffixes; 6. gazetteer names
    prev_m: Mention | None = None
    for k, w in enumerate(words):
        core = w.core if w.kind in ("N", "M") else w.text
        if w.kind == "P":
            core = _strip_company(w.text)
            if core == w.text:
                prev_m = None
                continue
        _suffix_org(b, lex, gaz, words, k, w, off, text)
        found = _gaz_word(b, lex, gaz, by_first, w, text, off, prev_m, title_words, k)
        after = text[w.start + len(core) - off : w.start + len(core) - off + 1]
        if (
            found is None
            and _ACRONYM.match(core)
            and _is_particle(w.text[len(core) :])
            and after not in _MONEY_SIGNS  # "US$ 3억" is a sum, not the country
        ):
            # "KOTRA는", "KAIST와": an acronym the gazetteer knows, as a word of its own
            es = [g for g in gaz.lookup(core) if g.type in ("ORG", "LOC")]
            if es and b.free(w.start, w.start + len(core)):
                found = b.add(_mk_gaz(es[0], w.start, w.start + len(core), core, "gazetteer"))
        prev_m = found if found is not None else (b.at(w.start, w.end) if w.kind == "N" else None)

    # "X(대표 NAME)" heads, bylines of other shapes (newskg.extract.news_patterns)
    news_patterns.paren_heads(b, lex, gaz, text, off)
    news_patterns.bylines(b, lex, gaz, text, off)

    # known names of this article (second pass)
    if known:
        _known_names(b, known, text, off, lex, title_words, words)

    # 6b. unknown cities and counties standing alone, before a title could make them a person
    _bare_places(b, lex, gaz, words)
    _units_of_bodies(b, words)
    bodies_of_places(b, words)
    envoy_missions(b, lex, gaz, words)

    short_universities(b, lex, words)  # "NAME 가람대 총장": the short university, before its title
    # 7. person + title (foreign names of several words first)
    news_patterns.foreign_titled(b, lex, words, text, off)
    news_patterns.title_then_name(b, lex, words)
    _anaphoric_bodies(b, words)
    _named_delegations(b, words)
    _councils(b, lex, words, title_words)
    _persons(b, lex, words, title_words, text, off, known)
    # 8. descriptor + unknown name
    _descriptors(b, lex, words, off, text)
    # 8a. an unknown proper noun before a firm's site ("누리웨이퍼스 본사")
    _facility_owners(b, lex, words, gaz, text, off)
    # 8b. unmarked members of a list of firms ("㈜가온전자·누리텍·다솜 등 3개 기업")
    _listed_firms(b, lex, words, gaz, text, off)
    # 8c. an unknown proper noun before "NAME 대표" ("누리텍 도해준 대표")
    _firms_of_heads(b, lex, words, gaz, text, off)
    # 8d. a foreign firm after its country ("독일 케르텐사")
    _foreign_firms(b, words, gaz)
    # 8e. the leading unknown name of a sentence spending a sum ("누리텍은 … 80억원을 투자")
    _investors(b, lex, words, gaz, text, off)
    invest_names(b, lex, words, gaz, text, off)  # firm-shaped names: "다온ENG는 …", "QX해성은 …"
    invest_towns(b, lex, words, gaz, text, off)  # "솔내면 미르산단에 80억원을 투자해"
    # 8b. a bare Korean name Kiwi knows as a proper noun ("유희열이 … 눈물을 흘렸다")
    _bare_names(b, lex, words, gaz, text, off)
    # 9. districts after their city, 10. short forms
    _districts(b, gaz, words)
    _sub_units(b, lex, words)
    _short_forms(b, lex, words, title_words, text, off, known)
    return sorted(b.items, key=lambda m: m.start)
