"""When a signing told in a sentence is still to come: Korean news writes a scheduled signing in the
plain present ("…와 업무협약도 체결한다", "협정 체결, 홍보관 방문 등을 한다"), the done one in the past
("체결했다"); the present with no past tense after the signing verb is a plan, not an event."""

from __future__ import annotations

import re

from newskg.extract.lexicon import Lexicon

# the plain present at the end of the sentence: "체결한다.", "맺는다", "서명한다”"
_PRESENT_END = re.compile(r"(?:한다|는다|된다)[.\s\"”’']*$")
# a past tense anywhere after the signing verb ("체결한다고 밝혔다" reports a decision already made)
_PAST = re.compile(r"(?:했|었|았|였|됐|왔|갔|맺었)")


def signing_scheduled(masked: str, lex: Lexicon) -> bool:
    """Whether the sentence's last signing verb is followed, with no past tense, by a plain present
    end: the signing is scheduled, not reported as done."""
    if not _PRESENT_END.search(masked):
        return False
    last = max((masked.rfind(v) for v in lex.words.get("sign", ()) if v.strip()), default=-1)
    if last < 0:
        return False
    return _PAST.search(masked[last:]) is None
