"""The sister cities a place is said to have, listed after it: "한편 가람시의 국내 자매결연 도시로는
솔내시(1999년), 누리군(2005년)이 있다", "가람시의 자매도시는 솔내시, 누리군 등이다" — each member of the
list is a sister of the place in the genitive (CONTRACT `sisterCityOf`: signed now or earlier)."""

from __future__ import annotations

import re

from newskg.extract.entities import Ent
from newskg.extract.syntax import Phrase, Sentence

# the noun of the owned ties, with the topic or list particle that opens the members
_TIES = re.compile(
    r"^(?:국내|해외|국외|국제|외국)?\s?(?:자매|우호|자매·우호|자매우호|자매\s?결연|우호\s?협력)\s?(?:결연\s?)?"
    r"(?:도시|협력도시|교류도시)(?:로는|는|에는|으로는)\s*$"
)
# the particles that carry a list on to its next member
_JOINS = ("", ",", "과", "와", "·")


def _member(p: Phrase) -> Ent | None:
    """The place a list phrase names: the last place of "<province> <city>(year)", not a country."""
    places = [m.entity for m in p.mentions if m.entity is not None and m.type == "LOC" and not m.ref]
    if not places or places[-1].cls in ("Country", "Facility"):
        return None
    return places[-1]


def owned_sisters(sent: Sentence) -> list[tuple[Ent, Ent]]:
    """(owner, member) for each place listed after "<owner>의 (국내) 자매결연 도시로는/자매도시는"."""
    out: list[tuple[Ent, Ent]] = []
    ph = sent.phrases
    for k in range(1, len(ph) - 1):
        if not _TIES.match(ph[k].text) or ph[k - 1].case != "gen" or not ph[k - 1].mentions:
            continue
        owner = ph[k - 1].mentions[-1].entity
        if owner is None or owner.type != "LOC" or owner.cls == "Country":
            continue
        for q in ph[k + 1 :]:
            e = _member(q)
            if e is None:
                break
            if e is not owner:
                out.append((owner, e))
            if q.particle not in _JOINS:
                break  # "… 누리군이 있으며": the last member
    return out
