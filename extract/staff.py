"""The staff of a body in the lists of people news reports at a ceremony: "가람대 측에서는 A
산학협력단장, B 테크노센터장, C 팀장이 참석했다" — each is a post at the body the list is introduced
with (worksFor), and a head title with a unit's name glued before it heads that unit, not the body.
"""

from __future__ import annotations

import re
from typing import Any

from newskg.extract.entities import Ent
from newskg.extract.lexicon import Lexicon
from newskg.extract.syntax import Sentence

# where a title word begins: after a space, a comma, a bracket or a quote
TITLE_BREAK = re.compile(r"[\s,.·()\[\]<>「」『』“”\"']")

# "가람대 측에서는", "가람대에서는", "가람협회 측은": the party a list of attendees belongs to
_HOST = re.compile(r"^\s?(?:측\s?)?(?:에서는|에서도|은|는)\s?$")


def title_prefix(sent: Sentence, m: Any) -> str | None:
    """The word glued before a person's title ("노조" of "노조위원장"; "" for a bare title), None
    when the title is not written within a few characters after the name and its body."""
    t = m.role_target
    lo = max(t.end, m.end) if t is not None else m.end
    lo -= sent.start
    i = sent.text.find(m.role.name, lo)
    if i < lo or i - lo > 15:
        return None
    j = i
    while j > lo and not TITLE_BREAK.match(sent.text[j - 1]):
        j -= 1
    return sent.text[j:i]


def unit_prefixed(sent: Sentence, m: Any, lex: Lexicon) -> bool:
    """Whether a bare head title (no body of its own written with it) carries a unit's name glued
    before it ("A 테크노센터장", "B 보건교육위원장"): its holder heads a unit, not the body the title
    is read off. Prefixes that head the body itself ("상임", "공동", "신임") do not count, nor one
    syllable: a rank ("부총리" is a deputy), never a unit's name."""
    if m.role_target is not None or m.role is None or m.role.relation != "headOf":
        return False
    pre = title_prefix(sent, m)
    return pre is not None and len(pre) >= 2 and pre not in lex.words.get("head_prefix", frozenset())


def host_body(sent: Sentence, m: Any) -> Ent | None:
    """The body named right before a person as the side the following attendees belong to:
    "가람대 측에서는 A 단장, …", "가람협회에서는 B 부회장, …" (an organisation, not a place)."""
    ph = next((p for p in sent.phrases if p.start <= m.start < p.end), None)
    if ph is None:
        return None
    k = sent.phrases.index(ph)
    if k == 0:
        return None
    q = sent.phrases[k - 1]
    if not q.mentions or q.mentions[-1].entity is None:
        return None
    host = q.mentions[-1]
    if host.type != "ORG" or host.entity.cls == "NewsMediaOrganization":
        return None
    if not _HOST.match(sent.span_text(host.end, q.end)):
        return None
    return host.entity
