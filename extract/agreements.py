"""When a signing told in a sentence is still to come: Korean news writes a scheduled signing with the
signing verb in the plain present at the end of the sentence ("…와 업무협약도 체결한다"), the done one
in the past ("체결했다") or before the clause of what follows it ("체결하고 사업을 추진한다")."""

from __future__ import annotations

import re

from newskg.extract.lexicon import Lexicon

# the signing verb itself in the plain present, ending the sentence: "체결한다.", "맺는다", "서명한다”"
# ("체결하고 사업을 추진한다" reports the signing as done before what the parties pursue)
_PRESENT_END = re.compile(r"(?:한다|는다|된다)[.\s\"”’']*$")


def signing_scheduled(masked: str, lex: Lexicon) -> bool:
    """Whether the sentence ends with its last signing verb in the plain present: the signing is
    scheduled, not reported as done."""
    if not _PRESENT_END.search(masked):
        return False
    verbs = [v for v in lex.words.get("sign", ()) if v.strip()]
    last, verb = max(((masked.rfind(v), v) for v in verbs), default=(-1, ""))
    if last < 0:
        return False
    return _PRESENT_END.match(masked[last + len(verb) :]) is not None
