"""Which body a head title can head: a head of state or government (대통령, 국가주석, 총리) heads a
country, never an organisation. News names the residence or venue with him ("X궁을 찾은 A 대통령",
"Y관에서 A 대통령과 회담"), and the bare title must not be read off that venue."""

from __future__ import annotations

from typing import Any

from newskg.extract.entities import Ent
from newskg.extract.lexicon import Lexicon
from newskg.extract.staff import title_prefix
from newskg.extract.syntax import Sentence


def state_head_of_org(sent: Sentence, m: Any, tgt: Ent, lex: Lexicon) -> bool:
    """Whether the person's title is a head of state's (cues.tsv `state_head`), written bare (not
    "부총리 겸 X부 장관", a deputy who heads a ministry), and `tgt`, the body it was linked to, is an
    organisation: no headOf from that link."""
    if m.role is None or tgt.type != "ORG" or m.role.name not in lex.words.get("state_head", frozenset()):
        return False
    return not title_prefix(sent, m)


def staff_of_state_head(sent: Sentence, m: Any, lex: Lexicon) -> bool:
    """Whether the person's head-of-state title is only the first word of a staff post under it:
    "A 대통령 비서실장", "B 총리 특별보좌관" name an aide of the president, not the president."""
    if m.role is None:
        return False
    after = sent.span_text(m.end, min(m.end + 30, sent.end))
    i = after.find(m.role.name)
    if i < 0 or after[:i].strip(" ()"):
        return False
    rest = after[i + len(m.role.name) :]
    if not rest[:1].isspace():
        return False
    word = rest.split()[0].rstrip(",.·") if rest.split() else ""
    # "비서실장" ends with the role 실장; "비서실장은" with a particle after it
    return any(w and w != m.role.name and lex.role_suffix(w) is not None for w in (word, word[:-1]))
