"""Entity resolution within an article: mentions → entities with stable ids and English labels.

Gazetteer mentions share the gazetteer key; other names share their normalised label ("㈜다온모빌리티"
and "다온모빌리티" are one entity). Short forms resolve to the article's entities: "시는" to the
article's main city, "도는" to its main province, "양 도시" to both places of the story, "이 회사"
to the company last in focus, "박 시장" to the 시장 named 박…, "대표단" to the delegation's head.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newskg.extract.korean import load_korean
from newskg.extract.mentions import Mention, is_person_name, norm_label
from newskg.extract.namesakes import relink_namesakes
from newskg.extract.records import Entity
from newskg.extract.syntax import Sentence

__all__ = ["Ent", "resolve_entities", "entity_id"]

_HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]{2,}$")
_SLUG = re.compile(r"[^0-9A-Za-z\uac00-\ud7a3\u4e00-\u9fff]+")


def entity_id(key: str | None, label: str) -> str:
    """Stable id: from the gazetteer key where known, else from the normalised Korean label.

    >>> entity_id("gn:4671654", "오스틴"), entity_id(None, "㈜다온 모빌리티")
    ('ent:gn-4671654', 'ent:다온모빌리티')
    """
    if key:
        return "ent:" + _SLUG.sub("-", key).strip("-")
    return "ent:" + _SLUG.sub("-", norm_label(label)).strip("-")


@dataclass
class Ent:
    id: str
    label: str
    type: str
    cls: str
    key: str | None = None
    label_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gaz: object = None
    role_targets: list = field(default_factory=list)  # (role, Ent) of a person
    in_place: Ent | None = None

    def to_entity(self) -> Entity:
        from newskg.extract import romanize

        en = self.label_en
        if not en:
            if self.type == "PERSON" and is_person_name(self.label):
                en = romanize.person_name_en(self.label)
            elif self.type == "PERSON":
                en = " ".join(romanize.romanize(p).capitalize() for p in self.label.split())
            elif self.type == "ORG":
                en = romanize.org_name_en(norm_label(self.label))
            else:
                en = romanize.org_name_en(self.label)
        label = self.label
        g = self.gaz
        if g is not None and getattr(g, "country", None) != "KR" and self.cls != "Country":
            # a foreign place is labelled as the text spells it ("멜번", not the gazetteer's "멜버른")
            said = Counter(m.text for m in self.mentions if not m.ref and _HANGUL_NAME.match(m.text))
            if said and label not in said:
                label = said.most_common(1)[0][0]
        elif g is not None:
            # a renamed province keeps the former name where the text uses it ("강원도", "전라북도")
            said = Counter(m.text for m in self.mentions if not m.ref and m.text in _KO.former_names)
            if said and label not in {m.text for m in self.mentions}:
                label = said.most_common(1)[0][0]
        aliases = []
        for a in (*self.aliases, self.label):
            if a and a != label and a not in aliases and a not in ("시", "도", "회사"):
                aliases.append(a)
        spans = sorted({(m.start, m.end) for m in self.mentions})
        return Entity(
            self.id,
            label,
            en or self.label,
            self.type,
            self.cls,
            tuple(aliases),
            tuple(spans),
            getattr(g, "geonames_id", None),
            getattr(g, "lat", None),
            getattr(g, "lon", None),
            key=self.key,
            # the containing gazetteer entry: a district's city, or the place a council is named after
            parent=getattr(g, "parent", None) or (self.in_place.key if self.in_place is not None else None),
        )


class _Table:
    def __init__(self) -> None:
        self.by_id: dict[str, Ent] = {}
        self.by_label: dict[tuple[str, str], Ent] = {}
        self.order: list[Ent] = []

    def get(self, m: Mention) -> Ent:
        eid = entity_id(m.key, m.label)
        e = self.by_id.get(eid)
        if e is None:
            # one name, known to the gazetteer in one place only: one entity, the gazetteer's
            e = self.by_label.get((m.type, norm_label(m.label)))
            if e is not None and m.key and not e.key:
                del self.by_id[e.id]
                e.id, e.key, e.cls, e.gaz = eid, m.key, m.cls, m.gaz
                e.label_en = m.label_en or e.label_en
                self.by_id[eid] = e
            elif e is not None and m.key and e.key != m.key:
                e = None
        if e is None:
            e = Ent(eid, m.label, m.type, m.cls, m.key, m.label_en, gaz=m.gaz)
            self.by_id[eid] = e
            self.order.append(e)
            self.by_label.setdefault((m.type, norm_label(m.label)), e)
        if not e.label_en and m.label_en:
            e.label_en = m.label_en
        for a in (*m.aliases, m.text):
            if a and a not in e.aliases:
                e.aliases.append(a)
        return e

    def attach(self, m: Mention, e: Ent) -> None:
        m.entity = e
        e.mentions.append(m)


def _salience(sents: list[Sentence], pred) -> list[tuple[float, Ent]]:
    score: Counter = Counter()
    first: dict[str, int] = {}
    ents: dict[str, Ent] = {}
    for s in sents:
        for m in s.mentions:
            e = m.entity
            if e is None or not pred(e):
                continue
            ents[e.id] = e
            w = 1.0
            if s.index <= 2:
                w += 1.0
            if m.rule == "byline":
                w += 1.5
            ph = next((p for p in s.phrases if m.start < p.end and p.start < m.end), None)
            if ph is not None and ph.case == "subj" and s.phrases and ph is s.phrases[0]:
                w += 2.0
            score[e.id] += w
            first.setdefault(e.id, m.start)
    return sorted(((score[i], ents[i]) for i in score), key=lambda x: (-x[0], first[x[1].id]))


def _is_kr(e: Ent) -> bool:
    g = e.gaz
    return bool(g is not None and (getattr(g, "country", None) == "KR" or str(e.key).startswith("kr:")))


def _two_countries(sents: list[Sentence], here: Sentence, short: Mention) -> tuple[Ent, Ent] | None:
    """The two countries of "양국" / "두 나라": those listed right before it ("A과 B 두 나라를"), else
    Korea, when the article names it, with the other country named last before; else the two named
    last."""
    listed = [
        m.entity
        for m in here.mentions
        if m.entity is not None and m.entity.cls == "Country" and m.end <= short.start < m.end + 12
    ]
    if len(listed) >= 2 and listed[-1] is not listed[-2]:
        return listed[-2], listed[-1]
    seen: list[Ent] = []
    home: list[Ent] = []
    for t in sents:
        for m in t.mentions:
            e = m.entity
            if m.ref or e is None or e.cls != "Country":
                continue
            if _is_kr(e):
                home[:] = [e]  # Korea is one side wherever the article names it
            elif t.index <= here.index:
                if e in seen:
                    seen.remove(e)
                seen.append(e)
    others = seen
    if home and others:
        return home[0], others[-1]
    if len(others) >= 2:
        return others[-2], others[-1]
    return None


def _abbreviates(short: str, long: str) -> bool:
    """ "한빛경자청" of "한빛경제자유구역청", "한빛상의" of "한빛상공회의소": the short name keeps the
    first two syllables and some syllables of each later part, in order (a mere prefix is no
    abbreviation: "한빛정밀" and "한빛정밀공업" may be two companies, nor is a common start with
    the same ending)."""
    if len(short) < 3 or len(long) < len(short) + 2 or not _HANGUL_NAME.match(short + long):
        return False
    if not long.startswith(short[:2]) or long.startswith(short):
        return False
    n = 2
    while short[n] == long[n]:
        n += 1
    if long.endswith(short[n:]) or (len(short) - n >= 2 and short[n:] in long[n:]):
        return False  # "한빛대학교" of "한빛과학대학교": another body of the same kind, no abbreviation
    i = n
    for ch in short[n:]:
        i = long.find(ch, i)
        if i < 0:
            return False
        i += 1
    return True


_HANGUL_NAME = re.compile(r"^[가-힣]+$")


def _merge_abbreviations(table: _Table) -> None:
    """An organisation named by the abbreviation of one other organisation of the article, with no
    gazetteer key of its own, is that organisation."""
    orgs = [e for e in table.order if e.type == "ORG"]
    # a short name read as some place with no gazetteer entry ("한빛상의") may abbreviate a body too
    guessed = [e for e in table.order if e.type == "LOC" and e.cls == "Place" and not e.key]
    norms = {id(e): norm_label(e.label) for e in orgs}  # folding moves mentions, never a label
    for short in orgs + guessed:
        if short.key or not short.mentions:
            continue
        sl = norm_label(short.label)
        longs = [e for e in orgs if e is not short and e.mentions and _abbreviates(sl, norms[id(e)])]
        if len(longs) != 1:
            continue
        _fold_into(short, longs[0], table)


def _fold_into(short: Ent, long: Ent, table: _Table) -> None:
    """Make every mention of `short` one of `long` (its label an alias), leaving `short` empty."""
    for m in short.mentions:
        m.entity = long
        m.type, m.cls = long.type, long.cls
        long.mentions.append(m)
    for a in (short.label, *short.aliases):
        if a not in long.aliases:
            long.aliases.append(a)
    long.mentions.sort(key=lambda m: m.start)
    short.mentions = []
    for e in table.order:
        if e.in_place is short:
            e.in_place = long


_KO = load_korean()


def _merge_site_abbreviations(table: _Table) -> None:
    """A site named "OO산단" is the article's "OO산업단지" ("OO일반산업단지", "OO국가산업단지")."""
    sites = [e for e in table.order if e.type == "LOC" and e.cls == "Facility" and not e.key]
    for short in sites:
        sl = norm_label(short.label)
        if not sl.endswith("산단") or not short.mentions:
            continue
        fulls = {sl[:-2] + mid + "산업단지" for mid in _KO.site_infixes}
        longs = [e for e in sites if e is not short and e.mentions and norm_label(e.label) in fulls]
        if len(longs) != 1:
            continue
        _fold_into(short, longs[0], table)


def _resolve_councils(sents: list[Sentence], table: _Table) -> None:
    """ "군의회" written bare: the council of the place with that suffix the sentence named last before
    it, else of the article's most salient such place (a Korean one first), named after it
    ("OO군" → "OO군의회") and located in it; with no such place, no council."""
    for s in sents:
        for m in s.mentions:
            if m.ref != "council":
                continue
            suffix = m.label[: -len("의회")]

            def fits(e: Ent | None, x: str = suffix) -> bool:
                return e is not None and e.type == "LOC" and e.label.endswith(x) and e.cls != "Country"

            here = [x.entity for x in s.mentions if x.end <= m.start and not x.ref and fits(x.entity)]
            places = [e for _sc, e in _salience(sents, fits)]
            place = (
                here[-1] if here else next((e for e in places if _is_kr(e)), places[0] if places else None)
            )
            if place is None:
                continue
            label = place.label + "의회"
            e = table.get(Mention(m.start, m.end, label, label, "ORG", "GovernmentOrganization", "council"))
            e.in_place = e.in_place or place
            m.ref, m.label = None, label
            table.attach(m, e)


def resolve_entities(sents: list[Sentence]) -> list[Ent]:
    """Attach an entity to every mention of the article (short forms included, unresolved ones dropped)."""
    table = _Table()
    relink_namesakes(m for s in sents for m in s.mentions)  # 서구 of the city the article names
    for s in sents:
        for m in s.mentions:
            if m.ref:
                continue
            e = table.get(m)
            table.attach(m, e)
            part = m.extra.get("org_part")
            if part is not None:
                pe = table.get(part)
                part.entity = pe
                pe.mentions.append(part)
            if m.in_place is not None:
                pe = table.get(m.in_place)
                if not any(x.start == m.in_place.start for x in pe.mentions):
                    m.in_place.entity = pe
                e.in_place = pe
    _merge_abbreviations(table)
    _merge_site_abbreviations(table)
    _resolve_councils(sents, table)
    # people's titles
    for s in sents:
        for m in s.mentions:
            if m.ref or m.type != "PERSON" or m.role is None:
                continue
            tgt = m.role_target.entity if m.role_target is not None else None
            if (m.role, tgt) not in m.entity.role_targets:
                m.entity.role_targets.append((m.role, tgt))

    cities = [e for sc, e in _salience(sents, lambda e: e.type == "LOC" and e.cls == "City")]
    kr_cities = [e for e in cities if _is_kr(e)] or cities
    provs = [
        e
        for sc, e in _salience(
            sents,
            lambda e: (
                e.type == "LOC"
                and e.cls == "AdministrativeArea"
                and e.label.endswith(("도", "특별자치도", "성", "주"))
            ),
        )
    ]
    kr_provs = [e for e in provs if _is_kr(e)] or provs
    main_city = kr_cities[0] if kr_cities else None
    main_prov = kr_provs[0] if kr_provs else None
    if main_prov is None and main_city is not None and main_city.gaz is not None:
        parent = getattr(main_city.gaz, "parent", None)
        del parent
    places = _salience(sents, lambda e: e.type == "LOC" and e.cls in ("City", "AdministrativeArea"))
    # the story's main place: the more salient of main city and main province
    main_place = None
    for _sc, e in places:
        if e is main_city or e is main_prov:
            main_place = e
            break

    heads_of_delegation: list[Ent] = []
    named_delegations = [
        e for e in table.order if e.type == "ORG" and e.label.endswith(("단", "사절단")) and " " in e.label
    ]
    for s in sents:
        for k, p in enumerate(s.phrases):
            h = p.head
            if h is None or h.type != "PERSON" or h.entity is None:
                continue
            if p.after is not None and p.after.text.startswith("단장"):
                heads_of_delegation.append(h.entity)
            if k > 0 and s.phrases[k - 1].text.endswith(("단장은", "단장에는", "단장으로는")):
                heads_of_delegation.append(h.entity)

    last_company: Ent | None = None
    last_university: Ent | None = None
    topic_company: Ent | None = None
    persons = [e for e in table.order if e.type == "PERSON"]
    bodies: list[Ent] = []  # the parties of the last sentence naming two or more
    for s in sents:
        sent_topic_company = None
        named = []
        for m in s.mentions:
            e = m.entity
            if (
                not m.ref
                and e is not None
                and e.type in ("ORG", "LOC")
                and e.cls not in ("NewsMediaOrganization", "Country", "Facility")
                and e not in named
                and not (
                    e.type == "LOC"
                    and s.span_text(m.end, m.end + 3).startswith(("에", "을", "를", "으로", "로"))
                )
            ):
                named.append(e)  # a place visited or met in is no party ("워싱턴에서", "뮌헨을 찾아")
        for m in s.mentions:
            if m.ref == "pair_countries":
                two = _two_countries(sents, s, m)
                if two is not None:
                    m.extra["pair"] = list(two)
                    table.attach(m, two[0])
                continue
            if m.ref == "pair_bodies":
                if len(bodies) == 2:
                    m.extra["pair"] = list(bodies)
                    table.attach(m, bodies[0])
                continue
            if m.ref:
                target: list[Ent] | Ent | None = None
                if m.ref == "city":
                    target = main_city
                elif m.ref == "province":
                    target = main_prov
                elif m.ref == "company":
                    target = topic_company or last_company
                elif m.ref == "university":
                    target = last_university
                elif m.ref == "delegation":
                    target = (
                        named_delegations[0]
                        if named_delegations
                        else heads_of_delegation[0]
                        if heads_of_delegation
                        else None
                    )
                elif m.ref == "pair":
                    other = None
                    for _sc, e in places:
                        if e is main_place:
                            continue
                        if (
                            main_place is not None
                            and e.gaz is not None
                            and main_place.gaz is not None
                            and (
                                getattr(e.gaz, "parent", None) == main_place.key
                                or getattr(main_place.gaz, "parent", None) == e.key
                            )
                        ):
                            continue
                        other = e
                        break
                    if main_place is not None and other is not None:
                        m.extra["pair"] = [main_place, other]
                        main_place.mentions.append(m)
                        m.entity = main_place
                    continue
                elif m.ref.startswith(("person:", "first:", "last:")):
                    kind, word, title = m.ref.split(":", 2)
                    cands = []
                    named_so: list[Ent] = []  # people whose name fits, whatever their title
                    for e in persons:
                        if kind == "person" and not (
                            e.label.startswith(word)
                            and len(e.label) > len(word)
                            and (is_person_name(e.label) or " " not in e.label)
                        ):
                            continue
                        if kind == "last" and not e.label.endswith(" " + word):
                            continue
                        if kind == "first" and not e.label.startswith(word + " "):
                            continue
                        named_so.append(e)
                        titles = {r.name for r, _t in e.role_targets}
                        heads = any(r.relation == "headOf" for r, _t in e.role_targets)
                        if title in titles or (m.role is not None and m.role.relation == "headOf" and heads):
                            cands.append(e)
                    # "야마모토 대표": one word of the one foreign name of several words that fits is that
                    # person when no title was seen with the full name
                    if (
                        not cands
                        and kind in ("first", "last")
                        and len(named_so) == 1
                        and not named_so[0].role_targets
                    ):
                        cands = named_so
                    target = cands[-1] if cands else None
                if isinstance(target, Ent):
                    table.attach(m, target)
                continue
            e = m.entity
            if e is not None and e.type == "ORG" and e.cls == "University":
                last_university = e
            if (
                e is not None
                and e.type == "ORG"
                and e.cls in ("Company", "Organization")
                and m.rule != "byline"
            ):
                last_company = e
                ph = next((p for p in s.phrases if m.start < p.end and p.start < m.end), None)
                if ph is not None and ph.case == "subj" and sent_topic_company is None:
                    sent_topic_company = e
        topic_company = sent_topic_company
        if len(named) >= 2:
            bodies = named[-2:]
    for s in sents:
        s.mentions = [m for m in s.mentions if m.entity is not None]
    out = [e for e in table.order if e.mentions]
    # the place a name is built on ("밀라노시의회" → 밀라노) stays, as the end of its locatedIn
    places = [e.in_place for e in out if e.in_place is not None and e.in_place not in out]
    return out + [p for i, p in enumerate(places) if p not in places[:i]]
