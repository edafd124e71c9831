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
