"""Candidate triples and their features for the learned relation scorer (extract/relscore.py).

The rules propose triples with good precision; the candidates here widen that set with general
shapes of Korean news, each named in `Candidate.shape`:
- ``rule``: a triple a rule found (done);
- ``cue``: two entities of one sentence whose types fit a predicate whose cue word the sentence has;
- ``listed``: an entity enumerated with the object of a rule triple ("A·B·C", "A, B 등") takes the
  same subject and predicate;
- ``carry``: a sentence with a cue and an end of the right type but no agent of its own ("대표단은
  이어 …을 둘러봤다") takes the agent of the sentences before;
- ``article``: in an article with an investment-seeking cue, the article's seeking body × every
  company named in a sentence with an investment or agreement cue (the seeker and the company are
  often sentences apart: a headline "…유치", a list of companies below).

Features are indicators (and a few numbers) named ``pred|what=value`` and ``what=value``: the shape
and the proposing rule, the types and classes of the ends, their case particles, whether they
share a clause, distance buckets in characters and clauses, where the cue stands and which it is,
enumeration membership, what the rules said about the pair under other predicates, headline,
negation and modality words, and article-level counts.

Example:
    >>> _bucket(7, (0, 2, 8))
    '<=8'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Candidate", "candidates", "featurize", "triple_key"]

_LIST_GAP = re.compile(r"^\s*(?:[,·ㆍ/▲]|와|과|및|그리고|,?\s*▲)\s*$")
_SEEKING = "seeksInvestmentFrom"
_INVEST = ("investsIn", "seeksInvestmentFrom", "signsAgreementWith")


@dataclass
class Candidate:
    subject: Any  # entities.Ent
    predicate: str
    object: Any
    sentence: Any  # syntax.Sentence
    found: Any = None  # relations.Found of the rule that proposed it, if any
    shape: str = "cue"
    features: dict[str, float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


_CUE_TABLES: dict[int, tuple[Any, dict[str, tuple[str, ...]]]] = {}


def cue_table(lex: Any) -> dict[str, tuple[str, ...]]:
    """Cue words by predicate: the ontology's, and the titles of roles for headOf/worksFor (built
    once per lexicon: featurize asks for it for every candidate)."""
    hit = _CUE_TABLES.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    cues = dict(lex.cues)
    roles = tuple(lex.roles)
    cues["headOf"] = tuple(r for r in roles if lex.roles[r].relation == "headOf")
    cues["worksFor"] = tuple(r for r in roles if lex.roles[r].relation == "worksFor")
    _CUE_TABLES[id(lex)] = (lex, cues)
    return cues


def triple_key(s: Any, p: str, o: Any, symmetric: bool) -> tuple[str, str, str]:
    """The key of a triple by entity ids (either order for a symmetric predicate)."""
    if symmetric and o.id < s.id:
        return (o.id, p, s.id)
    return (s.id, p, o.id)


def _phrase_of(sent: Any, m: Any) -> Any:
    for p in sent.phrases:
        if p.start <= m.start < p.end:
            return p
    return None


def _clause_of(sent: Any, m: Any) -> int:
    for i, c in enumerate(sent.clauses):
        if c.start <= m.start < c.end:
            return i
    return -1


def _ents_of(sent: Any) -> list[Any]:
    seen: dict[str, Any] = {}
    for m in sent.mentions:
        if m.entity is not None:
            seen.setdefault(m.entity.id, m.entity)
    return list(seen.values())


def _listed_with(sent: Any, m: Any) -> list[Any]:
    """Mentions of the sentence enumerated with `m` (same phrase, or joined by a list gap)."""
    ms = sorted((x for x in sent.mentions if x.entity is not None), key=lambda x: x.start)
    out = []
    p = _phrase_of(sent, m)
    if p is not None:
        out += [x for x in ms if x is not m and p.start <= x.start < p.end and x.type == m.type]
    k = next((i for i, x in enumerate(ms) if x is m), None)
    if k is None:
        return out
    for step in (-1, 1):
        i = k
        while 0 <= i + step < len(ms):
            a, b = (ms[i], ms[i + step]) if step > 0 else (ms[i + step], ms[i])
            gap = sent.span_text(a.end, b.start)
            gap = re.sub(r"\([^)]*\)", "", gap)  # an aside between members ("A(대표 …), B")
            if b.type != m.type and a.type != m.type or not _LIST_GAP.match(gap):
                break
            i += step
            out.append(ms[i])
    return [x for x in out if x.entity is not m.entity]


def _subject_ent(sent: Any) -> Any:
    """The entity at the head of the sentence's first subject-case phrase, if any."""
    for p in sent.phrases:
        if p.case == "subj":
            h = p.head
            return h.entity if h is not None and h.entity is not None else None
    return None


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    return any(c and c in text for c in cues)


def candidates(sents: list, found: list, lex: Any, only: Any = None) -> list[Candidate]:
    """Rule triples (done ones) and the widened shapes, one candidate per triple key; a pair the rules
    found planned or failed is no candidate (its status is the rules' call). `only`: the predicates
    whose new candidates are wanted (default all; the rules' triples are always there)."""
    from newskg.ontology.vocab import predicates

    preds = predicates()
    cues = cue_table(lex)
    out: dict[tuple[str, str, str], Candidate] = {}
    held: set[tuple[str, str, str]] = set()

    def key(s: Any, p: str, o: Any) -> tuple[str, str, str]:
        return triple_key(s, p, o, preds[p].symmetric)

    def fits(s: Any, p: str, o: Any) -> bool:
        return s is not o and s.id != o.id and s.type in preds[p].domain and o.type in preds[p].range

    def add(s: Any, p: str, o: Any, sent: Any, shape: str) -> None:
        if only is not None and p not in only or not fits(s, p, o):
            return
        k = key(s, p, o)
        if k not in out and k not in held:
            out[k] = Candidate(s, p, o, sent, shape=shape)

    for f in found:
        if f.status != "done":
            held.add(key(f.subject, f.predicate, f.object))
    for f in found:
        if f.status == "done":
            out[key(f.subject, f.predicate, f.object)] = Candidate(
                f.subject, f.predicate, f.object, f.sentence, f, shape="rule"
            )
    cue_preds = [p for p in cues if p in preds and (only is None or p in only)]
    last_agent: list[Any] = []
    for sent in sents:
        ents = _ents_of(sent)
        with_cue = [p for p in cue_preds if _has_cue(sent.text, cues[p])]
        if len(ents) >= 2:
            for a in ents:
                for b in ents:
                    for p in with_cue:
                        add(a, p, b, sent, "cue")
        agent = _subject_ent(sent)
        if with_cue and last_agent and (agent is None or agent.type not in ("PERSON", "ORG", "LOC")):
            carried = last_agent[-1]
            for p in with_cue:
                for b in ents:
                    add(carried, p, b, sent, "carry")
        if agent is not None:
            last_agent.append(agent)
    # enumeration: the members listed with a rule triple's object share its subject
    for f in found:
        if f.status != "done":
            continue
        for m in [x for x in f.sentence.mentions if x.entity is f.object]:
            for x in _listed_with(f.sentence, m):
                add(f.subject, f.predicate, x.entity, f.sentence, "listed")
    _companions(sents, found, lex, add)
    _genitive_places(sents, add)
    _article_investment(sents, found, lex, cues, add)
    return list(out.values())


def _companions(sents: list, found: list, lex: Any, add: Any) -> None:
    """Who travels with a visitor visits what the visitor visits: the persons the rules put along
    (accompanies) and the persons named in a sentence about the delegation or the trip's members."""
    along: dict[str, dict[str, Any]] = {}
    for f in found:
        if f.status == "done" and f.predicate == "accompanies":
            along.setdefault(f.subject.id, {})[f.object.id] = f.object
            along.setdefault(f.object.id, {})[f.subject.id] = f.subject
    group_words = tuple(lex.words.get("delegation", ())) + tuple(lex.words.get("together", ()))
    members: dict[str, Any] = {}
    for sent in sents:
        if _has_cue(sent.text, group_words):
            members.update((e.id, e) for e in _ents_of(sent) if e.type == "PERSON")
    for f in found:
        if f.status != "done" or f.predicate != "visits":
            continue
        others = dict(along.get(f.subject.id, {}))
        if f.subject.id in members or f.subject.type != "PERSON":
            others.update(members)
        for y in others.values():
            add(y, "visits", f.object, f.sentence, "companion")


def _genitive_places(sents: list, add: Any) -> None:
    """A place in the genitive before a name in the same clause ("독일 뮌헨의 한 호텔", "호주의 한인
    단체인 …") holds what follows: a locatedIn candidate with no cue word needed."""
    for sent in sents:
        for ci, cl in enumerate(sent.clauses):
            ps = cl.phrases
            for k, p in enumerate(ps):
                if p.case != "gen":
                    continue
                h = p.head
                if h is None or h.entity is None or h.type != "LOC":
                    continue
                for q in ps[k + 1 : k + 3]:
                    for m in q.mentions:
                        if m.entity is not None and m.entity is not h.entity:
                            add(m.entity, "locatedIn", h.entity, sent, "genitive")
            del ci


def _article_investment(sents: list, found: list, lex: Any, cues: dict, add: Any) -> None:
    text = " ".join(s.text for s in sents)
    if not _has_cue(text, cues[_SEEKING]):
        return
    invest_cues = tuple(c for p in _INVEST for c in cues[p])
    seekers: list[Any] = []
    for f in found:
        if (
            f.status == "done"
            and f.predicate in ("seeksInvestmentFrom", "signsAgreementWith")
            and f.subject.type in ("LOC", "ORG")
            and f.subject not in seekers
        ):
            seekers.append(f.subject)
    for sent in sents[:2]:  # the headline and the lead name who is seeking
        a = _subject_ent(sent)
        if a is None and sent.mentions:
            first = min(
                (m for m in sent.mentions if m.entity is not None), key=lambda m: m.start, default=None
            )
            a = first.entity if first is not None else None
        if a is not None and a.type in ("LOC", "ORG") and a not in seekers:
            seekers.append(a)
    for sent in sents:
        if not _has_cue(sent.text, invest_cues):
            continue
        for e in _ents_of(sent):
            if e.type != "ORG":
                continue
            for s in seekers:
                if s.id == e.id:
                    continue
                add(s, _SEEKING, e, sent, "article")
                add(s, "signsAgreementWith", e, sent, "article")
                if s.type == "LOC":
                    add(e, "investsIn", s, sent, "article")


def featurize(c: Candidate, lex: Any, ctx: dict[str, Any] | None = None) -> dict[str, float]:
    """Indicator and numeric features of a candidate triple (`ctx`: article-level facts, see
    `article_context`)."""
    p = c.predicate
    sent = c.sentence
    f: dict[str, float] = {"bias": 1.0, f"pred={p}": 1.0}

    def on(name: str, value: float = 1.0) -> None:
        f[f"{p}|{name}"] = value
        f[name] = value

    on(f"shape={c.shape}")
    if c.found is not None:
        on(f"rule={c.found.rule.split(':')[0]}")
        f[f"{p}|rule_conf"] = float(c.found.confidence)
    s, o = c.subject, c.object
    on(f"types={s.type}>{o.type}")
    on(f"scls={s.cls}")
    on(f"ocls={o.cls}")
    if sent.index == 0:
        on("headline")
    sm = [m for m in sent.mentions if m.entity is s]
    om = [m for m in sent.mentions if m.entity is o]
    text = sent.text
    cues = cue_table(lex).get(p, ())
    if sm and om:
        a, b = min(((x, y) for x in sm for y in om), key=lambda xy: abs(xy[0].start - xy[1].start))
        lo, hi = (a, b) if a.start < b.start else (b, a)
        on(f"order={'so' if a.start < b.start else 'os'}")
        on(f"dist{_bucket(max(0, hi.start - lo.end), (0, 2, 8, 20, 40, 80))}")
        pa, pb = _phrase_of(sent, a), _phrase_of(sent, b)
        on(f"scase={pa.case if pa else '?'}")
        on(f"ocase={pb.case if pb else '?'}")
        on(f"cases={pa.case if pa else '?'}>{pb.case if pb else '?'}")
        on(f"spart={(pa.particle if pa else '')[:2]}")
        on(f"opart={(pb.particle if pb else '')[:2]}")
        if pa is not None and pa is pb:
            on("same_phrase")
        ca, cb = _clause_of(sent, a), _clause_of(sent, b)
        on(f"clauses{_bucket(abs(ca - cb), (0, 1, 2))}")
        between = sent.span_text(lo.end, hi.start)
        n_between = sum(1 for m in sent.mentions if lo.end <= m.start < hi.start and m.entity is not None)
        on(f"ents_between{_bucket(n_between, (0, 1, 3))}")
        if _LIST_GAP.match(re.sub(r"\([^)]*\)", "", between)):
            on("listed_together")
        if a.role_target is not None and a.role_target.entity is o:
            on("title_of")
        if a.role is not None:
            on(f"srole={a.role.relation}")
        if _listed(ctx, sent, b):
            on("o_in_list")
        if _listed(ctx, sent, a):
            on("s_in_list")
        pos = [(text.find(cw), cw) for cw in cues if cw and cw in text]
        if pos:
            at, cw = min(pos)
            at += sent.start
            where = "before" if at < lo.start else ("between" if at < hi.start else "after")
            on(f"cue_{where}")
            f[f"{p}|cue={cw}"] = 1.0
            cue_clause = next((i for i, cl in enumerate(sent.clauses) if cl.start <= at < cl.end), -1)
            on(f"cue_clause_s{_bucket(abs(cue_clause - ca), (0, 1))}")
            on(f"cue_clause_o{_bucket(abs(cue_clause - cb), (0, 1))}")
        else:
            on("no_cue")
    else:
        on("cross_sentence")
        on(f"s_here={bool(sm)}")
        on(f"o_here={bool(om)}")
        if any(cw and cw in text for cw in cues):
            on("cue_in_sentence")
    n = len(_ents_of(sent))
    on(f"n_ents{_bucket(n, (2, 3, 5, 8))}")
    if any(w in text for w in lex.words.get("negation", ())):
        on("negation")
    if any(w in text for w in lex.words.get("modality", ())):
        on("modality")
    if ctx is not None:
        pair = frozenset((s.id, o.id))
        for q in sorted(ctx["ruled_pairs"].get(pair, ())):
            if q != p:
                on(f"pair_ruled_as={q}")
        on(f"co_sents{_bucket(ctx['co'].get(pair, 0), (0, 1, 2, 4))}")
        if ctx["agent"] is not None and s.id == ctx["agent"]:
            on("s_is_agent")
        if (o.id, p) in ctx["obj_ruled"]:
            on("o_ruled_same_pred")
        if (s.id, p) in ctx["subj_ruled"]:
            on("s_ruled_same_pred")
        on(f"o_freq{_bucket(ctx['freq'].get(o.id, 0), (1, 2, 4))}")
        on(f"s_freq{_bucket(ctx['freq'].get(s.id, 0), (1, 2, 4))}")
    return f


def _listed(ctx: dict[str, Any] | None, sent: Any, m: Any) -> bool:
    if ctx is None:
        return bool(_listed_with(sent, m))
    memo = ctx.setdefault("listed", {})
    if id(m) not in memo:
        memo[id(m)] = bool(_listed_with(sent, m))
    return memo[id(m)]


def article_context(sents: list, found: list) -> dict[str, Any]:
    """Article-level facts the features read: pairs the rules related (by predicate), sentence
    co-occurrence counts, the main agent (the most frequent subject-case entity), mention counts."""
    ruled: dict[frozenset, set[str]] = {}
    obj_ruled, subj_ruled = set(), set()
    for f in found:
        if f.status == "done":
            ruled.setdefault(frozenset((f.subject.id, f.object.id)), set()).add(f.predicate)
            obj_ruled.add((f.object.id, f.predicate))
            subj_ruled.add((f.subject.id, f.predicate))
    co: Counter = Counter()
    freq: Counter = Counter()
    agents: Counter = Counter()
    for sent in sents:
        ids = sorted({m.entity.id for m in sent.mentions if m.entity is not None})
        freq.update(ids)
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                co[frozenset((x, y))] += 1
        a = _subject_ent(sent)
        if a is not None:
            agents[a.id] += 1
    agent = agents.most_common(1)[0][0] if agents else None
    return {
        "ruled_pairs": ruled,
        "obj_ruled": obj_ruled,
        "subj_ruled": subj_ruled,
        "co": co,
        "freq": freq,
        "agent": agent,
    }
