"""Universities written short ("가람대") between a person and an academic title: "도해준 가람대
총장", "한서윤 솔빛대 교수". Such a word of three or four syllables looks like a Korean name (a surname
and two syllables), so the title rule took it for the person; with a name before it and a title of
a university after it, it is the university."""

from __future__ import annotations

from newskg.extract.lexicon import Lexicon
from newskg.extract.mention_base import _HANGUL, _KO, Mention, _Builder, is_person_name
from newskg.extract.syntax import Word

__all__ = ["short_universities"]


def _is_short_university(w: Word, lex: Lexicon) -> bool:
    core = w.core
    return (
        w.kind == "N"
        and not w.particle
        and 3 <= len(core) <= 5
        and core.endswith("대")
        and bool(_HANGUL.match(core))
        and core not in lex.roles
        and lex.role_suffix(core) is None
        and is_person_name(core, lex)  # the others ("솔내대" of a known place) no rule takes for a person
    )


def short_universities(b: _Builder, lex: Lexicon, words: list[Word]) -> None:
    """ "NAME X대 TITLE" with an academic title (korean.tsv university_title): X대 is a university."""
    for k in range(1, len(words) - 1):
        pw, w, nw = words[k - 1], words[k], words[k + 1]
        if nw.core not in _KO.university_titles or not _is_short_university(w, lex):
            continue
        if not b.free(w.start, w.end) or pw.particle:
            continue
        pm = b.at(pw.start, pw.end)
        if pm is not None and pm.type != "PERSON":
            continue
        if pm is None and not is_person_name(pw.core, lex):
            continue
        core = w.core
        b.add(
            Mention(
                w.start, w.end, core, core, "ORG", "University", "short_university", aliases=(core + "학교",)
            )
        )
