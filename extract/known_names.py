"""The second pass: the names an article has already given, found again where the rules missed them
("김 대표" after "김도윤 대표", a foreign name's first word)."""

from __future__ import annotations

import re

from newskg.extract.korean import norm_label
from newskg.extract.lexicon import Lexicon
from newskg.extract.mention_base import _HANGUL, Mention, _Builder, _is_particle, _strip_company, _word_end
from newskg.extract.syntax import Word

__all__ = ["find_known"]


def _found_again(tmpl: Mention, start: int, end: int, surface: str) -> Mention:
    """A second-pass mention of a name the first pass found (`tmpl`), at start..end."""
    return Mention(
        start,
        end,
        surface,
        tmpl.label,
        tmpl.type,
        tmpl.cls,
        "known",
        key=tmpl.key,
        label_en=tmpl.label_en,
        aliases=tmpl.aliases,
        gaz=tmpl.gaz,
    )


def _known_names(
    b: _Builder,
    known: dict[str, Mention],
    text: str,
    off: int,
    lex: Lexicon,
    title_words: dict,
    words: list[Word],
) -> None:
    # names of several words ("에밀리 하퍼"): find them in the text
    for surf, tmpl in known.items():
        if " " not in surf:
            continue
        i = text.find(surf)
        while i >= 0:
            j = i + len(surf)
            left_ok = i == 0 or not re.match(r"[\uac00-\ud7a3A-Za-z]", text[i - 1])
            rest = text[j : _word_end(text, j)]
            if left_ok and (_is_particle(rest) or lex.role_suffix(_strip_company(rest) or "x")):
                b.add(_found_again(tmpl, i + off, j + off, surf))
            i = text.find(surf, j)
    for k, w in enumerate(words):
        if w.kind == "S":
            continue
        core = _strip_company(w.core if w.kind != "P" else w.text)
        cands = []
        first = w.text[:1]
        for surf, tmpl in known.items():
            if surf[:1] == first and (core.startswith(surf) or w.text.startswith(surf)):
                cands.append((surf, tmpl))
        cands.sort(key=lambda x: -len(x[0]))
        for surf, tmpl in cands:
            rest = w.text[len(surf) :]
            role = None
            if not _is_particle(rest):
                rc = _strip_company(rest)
                role = lex.roles.get(rc) or lex.roles.get(rest)
                if role is None:
                    continue
            mm = _found_again(tmpl, w.start, w.start + len(surf), surf)
            mm.in_place = tmpl.in_place
            if b.add(mm) is not None and role is not None:
                title_words[k] = (role, mm)
            break


def find_known(mentions: list[Mention]) -> dict[str, Mention]:
    """Surfaces of this article's names that a second pass should find again (no company marks)."""
    known: dict[str, Mention] = {}
    firsts = {
        m.label.split(" ")[i] for m in mentions if m.type == "PERSON" and " " in m.label for i in (0, -1)
    }
    for m in mentions:
        if m.type == "PERSON" and m.label in firsts:
            continue  # "스즈키" or "겐타" of "스즈키 겐타": a short form, not a name of its own
        if m.ref or m.rule in ("short",):
            continue
        surfaces = {norm_label(m.label), norm_label(m.text)}
        surfaces.update(a for a in m.aliases if _HANGUL.match(a.replace(" ", "") or "x"))
        if m.type == "PERSON" and " " in m.label:
            surfaces.add(m.label)
        for s in surfaces:
            if s and len(s) >= 2 and (s not in known) and _HANGUL.match(s.replace(" ", "")):
                if m.rule in ("gazetteer", "byline", "district", "known") and m.type == "LOC":
                    continue
                known[s] = m
        if m.type == "LOC" and m.label[-1:] in ("성", "주") and len(m.label) >= 3 and m.rule == "paren":
            known.setdefault(m.label[:-1], m)
    return known
