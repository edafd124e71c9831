"""Korean language resources of the rules, read once from `data/korean.tsv`, and the one name normaliser.

The file holds the particles (with the case each marks), the company marks (㈜, (주), 주식회사 …),
place-name suffixes, reporter titles, honorific bound nouns and the endings that rule a word out
as a personal name; the regexes of the rules are built from it here, so a resource is changed
in one place.

Example:
    >>> k = load_korean()
    >>> k.case_of("에서는"), k.is_particle("에서는"), k.is_particle("시장")
    ('loc', True, False)
    >>> norm_label("㈜다온 모빌리티")
    '다온모빌리티'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from newskg.extract.lexicon import _rows
from newskg.ontology.errors import PipelineError

__all__ = ["Korean", "load_korean", "korean_from_rows", "norm_label", "alternation"]

_FILE = "korean.tsv"


def alternation(words: tuple[str, ...]) -> str:
    """A regex group matching any of `words` (escaped), in their order."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@dataclass(frozen=True)
class Korean:
    """The resources of `data/korean.tsv`, by kind, in file order."""

    cases: tuple[tuple[str, str], ...]  # (particle, case); the first the particle starts with wins
    particles: tuple[str, ...]
    particle_tails: tuple[str, ...]
    particle_words: tuple[str, ...]
    trailing: tuple[str, ...]
    marks: dict[str, frozenset[str]]  # company mark -> its uses (strip, before, after, label, …)
    place_suffixes: tuple[str, ...]
    quoted_org_ends: tuple[str, ...]
    not_name_ends: tuple[str, ...]
    reporter_titles: dict[str, frozenset[str]]  # title -> where it is read (byline, short, head)
    honorifics: tuple[str, ...]
    title_particles: tuple[str, ...]
    glued_place_suffixes: tuple[str, ...]
    glued_particles: tuple[str, ...]
    body_ends: tuple[str, ...]
    title_bodies: dict[str, tuple[str, ...]]  # a bare head title -> the endings of the body it heads
    unit_ends: tuple[str, ...]  # endings of a unit inside a body (…팀, …캠퍼스, …학과)
    particle_re: re.Pattern[str]  # a particle, optionally followed by a second, or a particle word
    strip_re: re.Pattern[str]  # the marks the name normaliser drops
    bare_place_suffixes: dict[str, str] = field(default_factory=dict)  # 시 -> City (an unknown place)
    bare_place_not_ends: tuple[str, ...] = ()  # common nouns ending like such a place (…도시)
    bare_councils: tuple[str, ...] = ()  # a council written without its place ("군의회")
    site_infixes: tuple[str, ...] = ()  # what "OO산단" leaves out of "OO(일반|국가)산업단지"
    sub_unit_suffixes: tuple[str, ...] = ()  # 읍, 면, 동, 리
    sub_unit_not_ends: tuple[str, ...] = ()  # common nouns ending like one ("활동", "측면")
    sub_unit_areas: tuple[str, ...] = ()  # "일원", "일대" after a place
    generic_body_ends: tuple[str, ...] = ()  # "…정부": a kind of body, not one
    delegation_ends: tuple[str, ...] = ()  # "…대표단", "…교류단"
    former_names: tuple[str, ...] = ()  # a renamed province's former official name (강원도)
    foreign_syllables: frozenset[str] = frozenset()  # syllables of transcribed foreign names (키, 에)
    title_formers: tuple[str, ...] = ()  # "전" of "… 전 총리": between a name and its title
    body_unit_ends: tuple[str, ...] = ()  # "…지역본부", "…외무국": a unit named with its body
    common_noun_ends: tuple[str, ...] = ()  # "…지원", "…협력": common nouns, no name after a descriptor
    group_ends: tuple[str, ...] = ()  # "…그룹": a firm's name and this name its group
    directions: tuple[str, ...] = ()  # 동, 서남 …: "서남부" is a region, no ministry
    not_org_ends: tuple[str, ...] = ()  # "…부부", "…취재본부": ends like a body, names none
    common_not_places: frozenset[str] = frozenset()  # "코로나": a word of news, not the foreign city
    mission_ends: tuple[str, ...] = ()  # 대사관, 영사관: named with "주한"/"주OO" before them
    university_titles: frozenset[str] = frozenset()  # 총장, 교수: "NAME X대 총장" names a university
    hall_ends: tuple[str, ...] = ()  # 시청, 군청, 구청: a venue, also of a city the gazetteer lacks
    investor_verbs: tuple[str, ...] = ()  # 투자, 들여: "누리텍은 … 80억원을 투자"
    foreign_firm_ends: tuple[str, ...] = ()  # 사: "독일 케르텐사"
    firm_head_titles: frozenset[str] = frozenset()  # 대표, 사장: "누리텍 도해준 대표"
    company_facilities: dict[str, frozenset[str]] = field(default_factory=dict)  # 본사 -> any, 공장 -> named

    def marks_for(self, use: str) -> tuple[str, ...]:
        """The company marks with this use, in file order."""
        return tuple(m for m, uses in self.marks.items() if use in uses)

    def titles_for(self, use: str) -> tuple[str, ...]:
        """The reporter titles read in this place, in file order."""
        return tuple(t for t, uses in self.reporter_titles.items() if use in uses)

    def case_of(self, particle: str) -> str:
        """The case a particle marks: subj, obj, comp, loc, src, gen or '' (none)."""
        for p, case in self.cases:
            if particle.startswith(p):
                return case
        return ""

    def is_particle(self, rest: str) -> bool:
        """Whether `rest` (what follows a name in its word) is a particle or empty."""
        return not rest or bool(self.particle_re.match(rest))


@lru_cache(maxsize=1)
def load_korean() -> Korean:
    """The Korean resources of `data/korean.tsv` (cached)."""
    return korean_from_rows(_rows(_FILE))


def korean_from_rows(rows: list[list[str]]) -> Korean:
    """The resources of the rows of a file in the shape of `data/korean.tsv` (kind, word, value)."""
    by_kind: dict[str, list[list[str]]] = {}
    for f in rows:
        if len(f) < 2 or not f[1]:
            raise PipelineError(f"data file {_FILE}: line {f!r} needs a kind and a word")
        by_kind.setdefault(f[0], []).append(f)

    def words(kind: str) -> tuple[str, ...]:
        return tuple(f[1] for f in by_kind.get(kind, ()))

    def uses(kind: str) -> dict[str, frozenset[str]]:
        return {
            f[1]: frozenset(f[2].split(",")) if len(f) > 2 else frozenset() for f in by_kind.get(kind, ())
        }

    particles, tails, alone = words("particle"), words("particle_tail"), words("particle_word")
    marks = uses("company_mark")
    # a mark written as a word ("주식회사 다온") takes the space after it along
    strip = [re.escape(m) + (r"\s?" if m.isalpha() else "") for m in marks if "strip" in marks[m]]
    return Korean(
        cases=tuple((f[1], f[2]) for f in by_kind.get("case", ())),
        particles=particles,
        particle_tails=tails,
        particle_words=alone,
        trailing=words("trailing"),
        marks=marks,
        place_suffixes=words("place_suffix"),
        quoted_org_ends=words("quoted_org_end"),
        not_name_ends=words("not_name_end"),
        reporter_titles=uses("reporter_title"),
        honorifics=words("honorific"),
        title_particles=words("title_particle"),
        glued_place_suffixes=words("glued_place_suffix"),
        glued_particles=words("glued_particle"),
        body_ends=words("body_end"),
        unit_ends=words("unit_end"),
        title_bodies={f[1]: tuple(f[2].split(",")) for f in by_kind.get("title_body", ()) if len(f) > 2},
        particle_re=re.compile(f"^(?:{alternation(particles)}{alternation(tails)}?|{alternation(alone)})$"),
        strip_re=re.compile("|".join(strip)),
        bare_place_suffixes={f[1]: f[2] for f in by_kind.get("bare_place_suffix", ()) if len(f) > 2},
        bare_place_not_ends=words("bare_place_not_end"),
        bare_councils=words("bare_council"),
        site_infixes=tuple(w.strip('"') for w in words("site_infix")),
        sub_unit_suffixes=words("sub_unit_suffix"),
        sub_unit_not_ends=words("sub_unit_not_end"),
        sub_unit_areas=words("sub_unit_area"),
        generic_body_ends=words("generic_body_end"),
        delegation_ends=words("delegation_end"),
        former_names=words("former_name"),
        foreign_syllables=frozenset(words("foreign_syllable")),
        title_formers=words("title_former"),
        body_unit_ends=words("body_unit_end"),
        common_noun_ends=words("common_noun_end"),
        group_ends=words("group_end"),
        directions=words("direction"),
        not_org_ends=words("not_org_end"),
        hall_ends=words("hall_end"),
        university_titles=frozenset(words("university_title")),
        mission_ends=words("mission_end"),
        common_not_places=frozenset(words("common_not_place")),
        company_facilities=uses("company_facility"),
        firm_head_titles=frozenset(words("firm_head_title")),
        foreign_firm_ends=words("foreign_firm_end"),
        investor_verbs=words("investor_verb"),
    )


def norm_label(label: str) -> str:
    """A label folded for comparison: NFKC, no company marks, no spaces.

    >>> norm_label("주식회사 다온 모빌리티") == norm_label("다온모빌리티㈜")
    True
    """
    s = unicodedata.normalize("NFKC", label)
    s = load_korean().strip_re.sub("", s)
    return "".join(ch for ch in s if not ch.isspace())
