"""Relations between the entities of an article, from cue words and sentence structure.

Cue words come from the ontology (`nkg:cue`); arguments from the case particles of the phrases
(subject 이/가/은/는, object 을/를, companion 와/과, place 에/에서/로, source 로부터, genitive 의)
and from clause boundaries. What did not happen (무산, 결렬, 않았다 …) gives no event triple, and
a cue right before 예정/계획/검토 is a plan, not an event. Each triple keeps its sentence and the
rule that found it; the rules are named in `data/relation_rules.tsv` with their predicate and
confidence (`rule_table`), so the code names a rule and the table gives its confidence.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from newskg.extract.agreements import signing_scheduled
from newskg.extract.cooperation import AGREEMENT_TERMS, non_activity_blanked
from newskg.extract.delegations import counted_party, roster
from newskg.extract.entities import Ent
from newskg.extract.heads import staff_of_state_head, state_head_of_org
from newskg.extract.invest_names import relocation_phrases
from newskg.extract.korean import alternation, load_korean
from newskg.extract.lexicon import Lexicon, _rows, load_lexicon
from newskg.extract.meetings import gathering_joined, local_host, party_heads, received_callers
from newskg.extract.sister_lists import owned_sisters
from newskg.extract.staff import TITLE_BREAK as _TITLE_BREAK
from newskg.extract.staff import host_body, unit_prefixed
from newskg.extract.staff import title_prefix as _title_prefix
from newskg.extract.syntax import Clause, Phrase, Sentence
from newskg.extract.trips import bare_visit_object, event_site_visits, own_ground, told_visit_end
from newskg.extract.when import background
from newskg.ontology.errors import PipelineError
from newskg.ontology.vocab import predicates

__all__ = [
    "Found",
    "Rule",
    "find_relations",
    "body_of",
    "party_of",
    "phrase_head",
    "intention_at",
    "rule_table",
    "rules_from_rows",
]

_RULES_FILE = "relation_rules.tsv"


@dataclass(frozen=True)
class Rule:
    """A named relation rule: the predicate it gives and the confidence of its triples."""

    key: str  # "name" or "name/variant" (a second confidence of the same rule)
    predicate: str
    confidence: float
    description: str

    @property
    def name(self) -> str:
        """The rule name a triple records (the key without its variant)."""
        return self.key.split("/", 1)[0]


@lru_cache(maxsize=1)
def rule_table() -> dict[str, Rule]:
    """The rules of `data/relation_rules.tsv` by key (read once; predicates checked against the ontology)."""
    return rules_from_rows(_rows(_RULES_FILE))


def rules_from_rows(rows: list[list[str]]) -> dict[str, Rule]:
    """The rule table of rows (rule, predicate, confidence, description) in the shape of the data file."""
    preds = predicates()
    table: dict[str, Rule] = {}
    for f in rows:
        if len(f) != 4:
            raise PipelineError(
                f"data file {_RULES_FILE}: line {f!r} needs rule, predicate, confidence, description"
            )
        key, pred, conf, desc = f
        try:
            value = float(conf)
        except ValueError:
            value = -1.0
        if not 0.0 < value <= 1.0:
            raise PipelineError(
                f"data file {_RULES_FILE}: rule {key!r} has confidence {conf!r}, not in (0, 1]"
            )
        if pred not in preds:
            raise PipelineError(f"data file {_RULES_FILE}: rule {key!r} names the unknown predicate {pred!r}")
        if key in table:
            raise PipelineError(f"data file {_RULES_FILE}: rule {key!r} is listed twice")
        table[key] = Rule(key, pred, value, desc)
    return table


_EVENTS = {
    "visits",
    "meets",
    "accompanies",
    "signsAgreementWith",
    "sisterCityOf",
    "cooperatesWith",
    "seeksInvestmentFrom",
    "investsIn",
}
_WEAK_SISTER_CUE = re.compile(r"^우호\s?(협력|교류)$")


@lru_cache(maxsize=1)
def _strong_sister() -> tuple[str, ...]:
    """Sister-city cues of the ontology that name the tie by themselves ("우호 협력/교류" needs
    협약, 도시 … after it: `_WEAK_SISTER`)."""
    return tuple(c for c in predicates()["sisterCityOf"].cues if not _WEAK_SISTER_CUE.match(c))


_WEAK_SISTER = re.compile(r"우호\s?(협력|교류)\s?(협약|협정|도시|관계|의향서)")
_SEEK = re.compile(r"투자\s?유치|유치(했|한|하|에|를|해|활동)|투자를\s?요청|투자\s?요청|유치를\s?위한")
_INVEST = re.compile(
    r"(투자|투입)(해|하기로|한다|했|하고|하며|할|하는|키로|를 결정|에 나서)|지분|"
    r"(억|만)\s?(원|달러|유로|엔)(을|를)?\s?투자|"
    # "3100억 원의 투자를 실행한다", "투자를 확정했다", "100억원 상당의 투자를 통해"
    r"투자를\s?(실행|단행|결정|확정|진행|약속|통해)"
)
_BUILD = re.compile(
    r"(공장|생산기지|생산시설|연구소|연구센터|물류센터|데이터센터|플랜트|생산라인)[을를]?\s?"
    r"(세운|세우|세워|짓|지어|지은|건립|신설|증설|건설)"
)
_ATTEND = re.compile(r"(배석|참석|동석)(했|하였|한다|해)")
_QUOTE = re.compile(r"[\"“]([^\"“”]*)[\"”](?=\s?(?:이?라며|이?라고|고\s|며\s|라는))")
_RANK_AREA = ("도", "성", "주", "현", "특별자치도", "州")
_NOUN_TAIL = set("단객자국지")
_DIRECTION = re.compile(r"\s(?:동|서|남|북|중|동남|동북|서남|서북|남동|남서|북동|북서)부\s")
_NOUN_CUES = ("방문", "순방", "견학", "시찰")


# which facts a pass collects: "done" (what happened), "planned" (plans read too), "failed"
# (negated sentences read too); `find_relations` runs the three and labels the difference
_MODE: ContextVar[str] = ContextVar("newskg_relation_mode", default="done")


class _Memo:
    """What the three passes of one `find_relations` call share: the results of helpers that read
    only the sentence (not the pass's mode, not the facts found so far), computed once per article."""

    __slots__ = ("agent", "agent_clause", "masked", "members", "calls")

    def __init__(self) -> None:
        self.agent: dict[tuple[int, int, bool], list[Ent] | None] = {}
        self.agent_clause: dict[tuple[int, int], int | None] = {}
        self.masked: dict[int, str] = {}
        self.members: list[Ent] | None = None
        self.calls: dict[tuple[Any, int], list[tuple[str, tuple]]] = {}


_MEMO: ContextVar[_Memo | None] = ContextVar("newskg_relation_memo", default=None)


@dataclass
class Found:
    subject: Ent
    predicate: str
    object: Ent
    confidence: float
    sentence: Sentence
    rule: str = ""
    status: str = "done"


def _rank(e: Ent) -> int:
    if e.cls == "Country":
        return 0
    if e.cls == "AdministrativeArea":
        if e.label.endswith(("구", "군")) and not e.label.endswith("특별자치도"):
            return 3
        # "가람면", "누리동", and the villages (리) within them: the parts of a city or county
        # ("솔내군 가람면 누리리")
        if e.gaz is None and re.search(r"[가-힣][읍면동리]$", e.label):
            return 5 if e.label.endswith("리") else 4
        return 1 if e.label.endswith(_RANK_AREA) else 2
    if e.cls == "City":
        return 2
    if e.cls == "Facility":
        return 6
    if e.type == "LOC" and e.cls not in ("AdministrativeArea", "City") and e.gaz is not None:
        return -1  # continents and world regions ("중남미", "아시아"): no chains
    return 7 if e.type == "ORG" else 3


class _Collector:
    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], Found] = {}
        self.preds = predicates()
        self.rules = rule_table()

    def by_rule(self, s: Ent | None, p: str, o: Ent | None, sent: Sentence, key: str) -> None:
        """`add` with the confidence the rule table gives the rule `key` (whose predicate must be `p`)."""
        r = self.rules.get(key)
        if r is None or r.predicate != p:
            raise PipelineError(
                f"relation rule {key!r} for {p} is not in data/{_RULES_FILE} with that predicate"
            )
        self.add(s, p, o, r.confidence, sent, rule=r.name)

    def add(
        self, s: Ent | None, p: str, o: Ent | None, conf: float, sent: Sentence, rule: str | None = None
    ) -> None:
        if s is None or o is None or s.id == o.id:
            return
        pred = self.preds[p]
        if (s.type not in pred.domain or o.type not in pred.range) and not (
            pred.symmetric and o.type in pred.domain and s.type in pred.range
        ):
            return
        if pred.symmetric and o.id < s.id:
            s, o = o, s
        key = (s.id, p, o.id)
        old = self.found.get(key)
        if old is None or old.confidence < conf:
            if rule is None:
                import sys

                rule = f"{p}:{sys._getframe(1).f_code.co_name.lstrip('_')}"
            self.found[key] = Found(s, p, o, conf, sent, rule)

    def has(self, s: Ent, p: str, o: Ent) -> bool:
        a, b = (s.id, o.id) if s.id <= o.id else (o.id, s.id)
        return (a, p, b) in self.found or (b, p, a) in self.found


class _Recorder:
    """A collector that only keeps the additions a rule makes (see `_once`); it has no `has` or
    `found`, so a rule that reads the facts found so far fails here instead of being repeated wrongly."""

    __slots__ = ("calls",)

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []

    def by_rule(self, s: Ent | None, p: str, o: Ent | None, sent: Sentence, key: str) -> None:
        self.calls.append(("by_rule", (s, p, o, sent, key)))

    def add(
        self, s: Ent | None, p: str, o: Ent | None, conf: float, sent: Sentence, rule: str | None = None
    ) -> None:
        if rule is None:
            import sys

            rule = f"{p}:{sys._getframe(1).f_code.co_name.lstrip('_')}"
        self.calls.append(("add", (s, p, o, conf, sent, rule)))


def _once(rule: Any, sent: Sentence, col: _Collector, *args: Any) -> None:
    """`rule(sent, col, *args)` for a rule that reads only the sentence (neither the facts found so far
    nor the pass's mode): it runs once per article, the later passes repeat its additions in order."""
    memo = _MEMO.get()
    if memo is None:
        rule(sent, col, *args)
        return
    key = (rule, id(sent))
    calls = memo.calls.get(key)
    if calls is None:
        rec = _Recorder()
        rule(sent, rec, *args)
        calls = memo.calls[key] = rec.calls
    for method, call in calls:
        getattr(col, method)(*call)


def _ents(p: Phrase, types: tuple[str, ...] = ("PERSON", "ORG", "LOC")) -> list[Ent]:
    out: list[Ent] = []
    for m in p.mentions:
        pair = m.extra.get("pair")
        for e in pair or [m.entity]:
            if e is not None and e.type in types and e not in out:
                out.append(e)
    return out


def phrase_head(p: Phrase | None) -> list[Ent]:
    """The entities a phrase stands for: its head mention's entity, or both of a pair ("양국")."""
    if p is None or not p.mentions:
        return []
    h = p.head
    if h.rule == "byline":
        # "[…=A 기자] B시는 …": the reporter of a byline the phrase runs into is not what it names
        rest = [m for m in p.mentions if m.rule != "byline" and not m.extra.get("aside")]
        if rest:
            h = next((m for m in rest if m.type == "PERSON"), rest[-1])
    pair = h.extra.get("pair")
    if pair:
        return list(pair)
    return [h.entity] if h.entity is not None else []


_head = phrase_head  # the short name the rules of this module use


def body_of(e: Ent) -> Ent | None:
    """The body or place a person heads (for signing and investment parties)."""
    for role, tgt in e.role_targets:
        if role.relation == "headOf" and tgt is not None:
            return tgt
    return None


def party_of(e: Ent) -> Ent | None:
    """The party an entity stands for in agreements and investment: a person's body, a place's named
    travelling party ("B군 우호대표단") its place, else itself."""
    if e.type == "PERSON":
        return body_of(e)
    if e.type == "ORG":
        for m in e.mentions:
            part = m.extra.get("org_part") if m.rule == "delegation_name" else None
            if part is not None and part.entity is not None and part.entity.type == "LOC":
                return part.entity
    return e


def _masked(sent: Sentence) -> str:
    """The sentence text with mentions blanked, so cues inside names ("공동협의체") do not count."""
    memo = _MEMO.get()
    if memo is None:
        return _mask(sent)
    got = memo.masked.get(id(sent))
    if got is None:
        got = memo.masked[id(sent)] = _mask(sent)
    return got


def _mask(sent: Sentence) -> str:
    chars = list(sent.text)
    for m in sent.mentions:
        for i in range(max(0, m.start - sent.start), min(len(chars), m.end - sent.start)):
            chars[i] = "□"
    # what a speaker says is no event: "…협력으로 돕겠다"고 말했다
    for q in _QUOTE.finditer(sent.text):
        for i in range(q.start(), q.end()):
            chars[i] = "□"
    return "".join(chars)


_CLAUSE_END = re.compile(r"(?:고|며|해|여|서|나)[\s,]|,")


def _modal_after(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the cue ending at `pos` is planned or considered ("방문할 예정", "체결을 검토"); the look
    stops at the end of the cue's clause ("체결하고 추가 투자를 검토" keeps the signing)."""
    if _MODE.get() != "done":
        return False  # the pass that collects plans and failures reads every cue
    window = text[pos : pos + 14]
    m = _CLAUSE_END.search(window)
    if m:
        window = window[: m.start()]
    return _any_word(lex.words.get("modality", ())).search(window) is not None


_PAST = re.compile(r"(?:했|었|았|였|됐)(?:다|고|으며|으나|는데|던)")
_COMING = re.compile(r"오는\s?\d+\s?(월|일)|내년\s|다음\s?달|(올해|올)\s?(상|하)반기|하반기|연내|내달")


def _future(masked: str, pos: int) -> bool:
    """Whether the cue ending at `pos` is still to come: after "오는 7월"/"내년" with no past tense
    between ("오는 7월 … 본사를 방문해 실습을 할 예정이다"). The stops of a trip under way ("순방 중인",
    "20일 뉴욕으로 이동해 … 열 예정이다") keep counting."""
    if _MODE.get() != "done" or re.search(r"중인|중이다|중에", masked):
        return False
    before = masked[:pos]
    coming = list(_COMING.finditer(before))
    return bool(coming and not _PAST.search(before[coming[-1].end() :]))


_PLAN_END = re.compile(r"([가-힣])\s?(?:계획|방침)(?:이다|이며|이고|이라|이어서|입니다)")


def intention_at(text: str) -> int:
    """Where "…할 계획이다" (an intention: the verb before 계획 ends in ㄹ, as 할, 갈, 열) begins in
    `text`, or -1. A schedule (예정이다) or the present tense is no intention."""
    for m in _PLAN_END.finditer(text):
        if (ord(m.group(1)) - 0xAC00) % 28 == 8:
            return m.start()
    return -1


_SCHEDULE_END = re.compile(r"([가-힣])\s?예정(?:이다|이며|이고|이라|입니다)")


def _scheduled_ahead(masked: str, pos: int) -> bool:
    """Whether the clauses from `pos` (the cue's clause) to the end of the sentence run, with no
    past tense between, into "…할 예정이다": "B 총리와 면담해 … 논의할 예정이다" tells a meeting
    still to come; "B 총리와 면담했으며, … 방문할 예정이다" does not."""
    if _MODE.get() != "done":
        return False
    rest = masked[pos:]
    for m in _SCHEDULE_END.finditer(rest):
        if (ord(m.group(1)) - 0xAC00) % 28 == 8 and not _PAST.search(rest[: m.start()]):
            return True
    return False


def _plan_ahead(masked: str, pos: int) -> bool:
    """Whether the clauses from `pos` to the end of the sentence run, with no past tense between,
    into "…할 계획이다": "이어 X로 이동해 … 요청할 계획이다" tells an intention, not a stop of the
    trip (a scheduled stop says 예정이다 or the present tense: "이동해 … 열 예정이다" counts)."""
    if _MODE.get() != "done":
        return False
    rest = masked[pos:]
    at = intention_at(rest)
    return at >= 0 and not _PAST.search(rest[:at])


def _clause_cue(c: Clause, sent: Sentence, masked: str, cues, lex: Lexicon) -> bool:
    seg = masked[c.start - sent.start : c.end - sent.start]
    if _cue_pattern(cues).search(seg) is None:
        return False  # most clauses hold no cue: one C-level search instead of a find per cue
    for cue in cues:
        i = seg.find(cue)
        while i >= 0:
            after = seg[i + len(cue) : i + len(cue) + 1]
            # a cue that is part of a longer noun ("방문단", "방문객") is no event
            if after in _NOUN_TAIL and cue in _NOUN_CUES:
                i = seg.find(cue, i + 1)
                continue
            at = c.start - sent.start + i + len(cue)
            if not _modal_after(masked, at, lex) and not _future(masked, at):
                return True
            i = seg.find(cue, i + 1)
    return False


_CUE_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _cue_pattern(cues) -> re.Pattern[str]:
    """One alternation of the cue words: it matches a text exactly when some cue occurs in it."""
    key = tuple(cues)
    got = _CUE_PATTERNS.get(key)
    if got is None:
        got = _CUE_PATTERNS[key] = re.compile("|".join(map(re.escape, key)) or "(?!)")
    return got


_WORD_PATTERNS: dict[int, tuple[Any, re.Pattern[str]]] = {}


def _any_word(words) -> re.Pattern[str]:
    """`_cue_pattern` of a word list the lexicon keeps (looked up by identity: no tuple to build)."""
    got = _WORD_PATTERNS.get(id(words))
    if got is None or got[0] is not words:
        got = _WORD_PATTERNS[id(words)] = (words, _cue_pattern(words))
    return got[1]


def _negated(masked: str, lex: Lexicon) -> bool:
    if _MODE.get() == "failed":
        return False  # the pass that collects failures reads negated sentences too
    return _any_word(lex.words.get("negation", ())).search(masked) is not None


_CONTRAST = re.compile(r"(?:으나|지만|는데도|는데|면서도)(?=[,\s])")


def _unnegated(masked: str, lex: Lexicon) -> str | None:
    """The sentence with its negated parts blanked ("…방문해 협약을 맺었으나, 금액은 밝히지 않았다"
    keeps the first part), or None when all of it is negated."""
    if not _negated(masked, lex):
        return masked
    if _MODE.get() == "planned":
        return None  # "…할 계획이었으나 무산됐다": a failed plan is left to the failure pass
    cuts = [0] + [m.end() for m in _CONTRAST.finditer(masked)] + [len(masked)]
    out = []
    kept = False
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg = masked[a:b]
        if _negated(seg, lex):
            out.append("□" * len(seg))
        else:
            out.append(seg)
            kept = kept or bool(seg.strip())
    return "".join(out) if kept else None


def _agent(sent: Sentence, ci: int, carry: list[Ent], coordinated: bool = True) -> list[Ent]:
    """Who acts in clause `ci`: its subject (with the phrases listed before it when `coordinated`),
    the noun a relative clause modifies, else who the article followed into the sentence."""
    memo = _MEMO.get()
    if memo is None:
        own = _own_agent(sent, ci, coordinated)
    else:
        key = (id(sent), ci, coordinated)
        own = memo.agent.get(key, carry)  # `carry` never is a stored value: it marks a miss
        if own is carry:
            own = memo.agent[key] = _own_agent(sent, ci, coordinated)
        if own is not None:
            own = list(own)
    return carry if own is None else own


def _own_agent(sent: Sentence, ci: int, coordinated: bool) -> list[Ent] | None:
    """`_agent` without the carried agent: None where the clause names nobody and the carried one acts."""
    c = sent.clauses[ci]
    if c.relative and c.next_phrase is not None and _head(c.next_phrase):
        return _head(c.next_phrase)
    k = _agent_clause(sent, ci)
    if k is not None:
        subj = [p for p in sent.clauses[k].phrases if p.case == "subj" and _head(p) and _agent_ok(p)]
        return _coordinated(sent, subj[-1]) if coordinated else _head(subj[-1])
    led = _led_group(sent, ci)
    if led:
        return led
    if any(
        _unnamed_subject(p) or _unknown_name_subject(p) for cl in sent.clauses[: ci + 1] for p in cl.phrases
    ):
        return []  # "일본 A사는 …" with A unknown: someone the article has not named acts, not the last agent
    return None


def _place_party(p: Phrase) -> bool:
    """Whether the phrase is a place's travelling party ("솔내군 방문단이"): a place and a delegation word."""
    h = p.head
    if h is None or h.type != "LOC":
        return False
    return _after_head(p, h) in load_lexicon().words.get("delegation", frozenset())


def _after_head(p: Phrase, h: Any) -> str:
    """What the phrase says after its head mention, without its particle ("방문단" of "솔내군 방문단이")."""
    rest = p.text[h.end - p.start :]
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    return rest.strip()


def _led_group(sent: Sentence, ci: int) -> list[Ent]:
    """ "A 의장과 B 위원장을 비롯한 의원 4명은 …", "A 시장을 필두로 한 X시 방문단이 …": a subject with no
    name of its own (or a place's party), led by the people a "비롯한/필두로 한" clause right before it
    names, is those people."""
    for k in range(min(ci, len(sent.clauses) - 1), 0, -1):
        c, before = sent.clauses[k], sent.clauses[k - 1]
        subj = next((p for p in c.phrases if p.case == "subj"), None)
        if subj is None:
            continue
        leading = tuple(load_lexicon().words.get("leading", ()))
        if (_head(subj) and not _place_party(subj)) or not before.relative or not leading:
            return []
        if not before.text.endswith(leading):
            return []
        out: list[Ent] = []
        for q in before.phrases:
            if q.case in ("obj", "comp") or q.particle == ",":
                out.extend(e for e in _head(q) if e.type == "PERSON" and e not in out)
        return out
    return []


# subjects of one word that stand for who the article follows: pronouns, pairs, generic bodies
# (a word of two syllables or fewer, "군은", "공사는", "대학은", always carries)
_CARRIED_SUBJECTS = (
    "그녀",
    "이들",
    "일행",
    "회사",
    "기업",
    "업체",
    "정부",
    "측",
    "위원회",
    "협의회",
    "교육청",
    "지자체",
    "자치단체",
    "연구진",
    "연구팀",
    "관계자",
    "참석자",
    "공무원",
)


def _own_agent_missing(sent: Sentence, ci: int) -> bool:
    """Whether clause `ci` names an agent of its own that no entity covers: a subject phrase with no
    agent before it ("2개 기업이"), or a relative clause modifying a phrase without a name ("… 투자하기로
    한 BHI," with BHI unknown). Then the agent carried from an earlier sentence is not the actor."""
    c = sent.clauses[ci]
    if c.relative and c.next_phrase is not None and not _head(c.next_phrase):
        return not any(p.case == "subj" for p in c.phrases)
    if _agent_clause(sent, ci) is not None:
        return False
    return any(p.case == "subj" and p.text.strip() for cl in sent.clauses[: ci + 1] for p in cl.phrases)


def _unknown_name_subject(p: Phrase) -> bool:
    """A subject of one word no mention covers and that no short form resolves ("한빛소재는" whose
    name the entity step missed): a new actor, not the one the article followed so far. Pronouns,
    group words and the travelling party ("그는", "이들은", "대표단은") still carry."""
    if p.case != "subj" or p.mentions or p.particle not in ("은", "는", "이", "가"):
        return False
    core = p.text[: len(p.text) - len(p.particle)].strip()
    if not re.fullmatch(r"[가-힣]{3,}|[A-Z][A-Za-z0-9&]+", core) or core.endswith("들"):
        return False
    lex = load_lexicon()
    group = (*_CARRIED_SUBJECTS, *lex.words.get("delegation", ()), *lex.words.get("trip", ()))
    return not core.endswith(group)


def _unnamed_subject(p: Phrase) -> bool:
    """A subject phrase of a place and one more word that no entity covers ("일본 한빛정밀은"): a body
    of that place whose name was not found."""
    if p.case != "subj" or not p.mentions or p.mentions[0].start != p.start:
        return False
    m = p.mentions[0]
    if m.entity is None or m.type != "LOC" or len(p.mentions) > 1 or m.ref:
        return False
    rest = p.text[m.end - p.start :]
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    rest = rest.strip()
    lex = load_lexicon()
    # "미국 출장은", "일본 방문단은": the trip or the party of the traveller, not another actor
    if any(
        w in rest for w in (*lex.words.get("trip", ()), *lex.words.get("delegation", ()), *lex.cues["visits"])
    ):
        return False
    return bool(re.fullmatch(r"[가-힣A-Za-z]{2,}", rest)) and not _agent_ok(p) and not _name_ends(p)


def _coordinated(sent: Sentence, p: Phrase) -> list[Ent]:
    """The heads of a subject and of the phrases listed before it: "A 시장과 B 의장 일행은" is both."""
    out = list(_head(p))
    person = out[0].type == "PERSON"
    for q in reversed(_list_before(sent, p)):
        if q.case != "comp" or q not in sent.phrases:
            continue
        for e in reversed(_head(q)):
            if (e.type == "PERSON") == person and e not in out:
                out.insert(0, e)
    return out


def _agent_clause(sent: Sentence, ci: int) -> int | None:
    """The clause (at or before `ci`) whose subject is the agent of clause `ci`."""
    memo = _MEMO.get()
    if memo is None:
        return _find_agent_clause(sent, ci)
    key = (id(sent), ci)
    got = memo.agent_clause.get(key, -1)
    if got == -1:
        got = memo.agent_clause[key] = _find_agent_clause(sent, ci)
    return got


def _find_agent_clause(sent: Sentence, ci: int) -> int | None:
    for k in range(ci, -1, -1):
        if any(p.case == "subj" and _head(p) and _agent_ok(p) for p in sent.clauses[k].phrases):
            return k
    return None


def _modifier_only(p: Phrase) -> bool:
    """A phrase whose names only qualify an unnamed body it ends in ("새길 통상사무소를 찾아": the
    office, not the country, is visited)."""
    h = p.head
    if h is None or h.type != "LOC":
        return False
    rest = re.sub(r"\([^)]*\)", "", p.text[h.end - p.start :])
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    offices = load_lexicon().words.get("office_end", frozenset())
    word = rest.strip()
    return bool(rest.startswith(" ") and re.fullmatch(r"[가-힣]{4,}", word) and word.endswith(tuple(offices)))


def _unnamed_holder(p: Phrase, lex: Lexicon) -> bool:
    """A body's phrase that ends in a title with no name ("한빛대학교 총장과 면담"): the partner is
    a person the text does not name, not the body."""
    h = p.head
    if h is None or h.type != "ORG":
        return False
    return _after_head(p, h) in lex.roles


_PARENS = re.compile(r"\([^)]*\)")
_AND_OTHERS = re.compile(r"\s등(\s.*)?$")
_HEADCOUNT = re.compile(r"\s+\d+\s*(명|개사|곳|개|인)$")


def _agent_ok(p: Phrase) -> bool:
    """A phrase that names its agent: a person, or a name that ends the phrase ("원주시는", "대표단 15명이",
    not "이번 캐나다 출장 일정이")."""
    h = p.head
    if h is None or h.entity is None:
        return False
    if h.type == "PERSON" or h.extra.get("pair"):
        return True
    if h.entity.cls == "NewsMediaOrganization":
        return False
    rest = _PARENS.sub("", p.text[h.end - p.start :])
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    rest = _AND_OTHERS.sub("", rest)
    rest = _HEADCOUNT.sub("", rest)
    rest = rest.strip(" '\"‘’“”,")
    # "오리건주 정부와": a place's government is the place itself
    # "윤 의장 일행은": the party travelling with a person is led by that person
    return rest in ("", "시", "주", "성", "군", "도", "현", "정부", "당국", "측", "주정부", "시정부", "일행")


def _companions(sent: Sentence) -> list[Ent]:
    out = []
    for p in sent.phrases:
        if p.case == "comp" and p.after is not None and p.after.text.startswith("함께"):
            out.extend(e for e in _head(p) if e.type == "PERSON")
    return out


def _list_before(sent: Sentence, p: Phrase) -> list[Phrase]:
    """Phrases listed before `p` ("A와 B, C는"): comp or comma phrases right before it."""
    out = []
    k = sent.phrases.index(p) - 1
    while k >= 0:
        q = sent.phrases[k]
        if (
            q.case == "comp" and not (q.after is not None and q.after.text.startswith("함께"))
        ) or q.particle == ",":
            if q.end > p.start:
                break
            gap = sent.span_text(
                q.end, p.start if k == sent.phrases.index(p) - 1 else sent.phrases[k + 1].start
            )
            if gap.strip(" ,·") and not re.fullmatch(r"[\s,·]*", gap):
                break
            out.insert(0, q)
            k -= 1
            continue
        break
    return out


def _site_mentions(sent: Sentence, p: Phrase, lex: Lexicon) -> list:
    """The mentions naming the place of a 에-phrase: its own, or for a bare plot or area ("구미국가산업단지
    5만㎡ 부지에", "새길지구의 부지에") those of the phrases right before it without a case particle."""
    if p.mentions:
        return p.mentions
    core = p.text[: len(p.text) - len(p.particle)] if p.particle else p.text
    if not any(core.rstrip().endswith(w) for w in lex.words.get("site_noun", ())):
        return []
    out: list = []
    k = sent.phrases.index(p) - 1
    while k >= 0:
        q = sent.phrases[k]
        if q.particle and q.case != "gen":
            break
        out = list(q.mentions) + out
        k -= 1
        if q.case == "gen":
            break
    return out


def _own_investors(sent: Sentence, c: Clause, p: Phrase) -> list[Ent] | None:
    """When a clause has several subjects, each with its own 에-phrase ("A사와 B사는 X단지에, C사는
    Y단지에 각각 투자해"), the companies of the subject nearest before `p`; None for one subject."""
    subjects = [q for q in c.phrases if q.case == "subj" and _head(q) and _agent_ok(q)]
    if len(subjects) < 2 or p not in c.phrases:
        return None
    before = [q for q in subjects if q.end <= p.start]
    if not before:
        return None
    return [e for e in _coordinated(sent, before[-1]) if e.type == "ORG" and e.cls != "NewsMediaOrganization"]


def _site_ents(sent: Sentence, p: Phrase, lex: Lexicon, types: tuple[str, ...] = ("LOC", "ORG")) -> list[Ent]:
    out: list[Ent] = []
    for m in _site_mentions(sent, p, lex):
        if m.entity is not None and m.entity.type in types and m.entity not in out:
            out.append(m.entity)
    return out


def find_relations(sents: list[Sentence], ents: list[Ent], lex: Lexicon | None = None) -> list[Found]:
    """All triples of the article: what happened (status "done"), and the events the text reports as
    planned or failed with that status (CONTRACT "Qualifiers")."""
    token = _MEMO.set(_Memo())
    try:
        return _find_all(sents, ents, lex or load_lexicon())
    finally:
        _MEMO.reset(token)


def _find_all(sents: list[Sentence], ents: list[Ent], lex: Lexicon) -> list[Found]:
    done = _find(sents, ents, lex)
    keys = {_key(f) for f in done}
    out = list(done)
    # a pass can only add facts where its words occur (without them it repeats the first pass)
    text = "\n".join(s.text for s in sents)
    planned: list[Found] = []
    if any(w in text for w in lex.words.get("modality", ())) or _COMING.search(text):
        token = _MODE.set("planned")
        try:
            planned = [f for f in _find(sents, ents, lex) if f.predicate in _EVENTS and _key(f) not in keys]
        finally:
            _MODE.reset(token)
    keys |= {_key(f) for f in planned}
    failed: list[Found] = []
    if any(w in text for w in lex.words.get("negation", ())):
        token = _MODE.set("failed")
        try:
            failed = [f for f in _find(sents, ents, lex) if f.predicate in _EVENTS and _key(f) not in keys]
        finally:
            _MODE.reset(token)
    postponed = tuple(lex.words.get("postponed", ()))
    out += [replace(f, status="planned") for f in planned]
    for f in failed:
        later = any(w in f.sentence.text for w in postponed)
        out.append(replace(f, status="planned" if later else "failed"))
    return out


def _key(f: Found) -> tuple[str, str, str]:
    return (f.subject.id, f.predicate, f.object.id)


def _find(sents: list[Sentence], ents: list[Ent], lex: Lexicon) -> list[Found]:
    cues = lex.cues
    col = _Collector()
    carry: list[Ent] = []
    focus: Ent | None = None  # the company last in focus
    visits_by: dict[str, list[tuple[Ent, Sentence]]] = {}
    trip_sentences: list[Sentence] = []
    deals = _Deals()
    members = _delegation_members(sents, lex)

    for sent in sents:
        if not sent.mentions:
            continue
        before = carry  # who the article followed into this sentence
        masked = _masked(sent)
        _roles(sent, col)
        _post_holders(sent, ents, col, lex)
        _appointments(sent, col, lex)
        _once(_located, sent, col, lex)
        masked = _unnegated(masked, lex)
        if masked is None:
            continue  # what the sentence reports did not happen
        companions = _companions(sent)
        sent_agent: list[Ent] = []
        sent_head: list[Ent] = []
        # the headline style "X, …" topic
        topic: list[Ent] = []
        if sent.phrases and sent.phrases[0].particle == "," and _head(sent.phrases[0]):
            topic = _head(sent.phrases[0])
        for ci, c in enumerate(sent.clauses):
            agent = _agent(sent, ci, topic or carry)
            if not sent_agent and agent:
                sent_agent = agent
                # the next sentence carries on with the subject itself, not with those listed with it
                sent_head = _agent(sent, ci, topic or carry, coordinated=False)
            # visits
            party_acts = bool(members) and _delegation_acts(sent, ci, lex)
            if (
                party_acts
                and _agent_clause(sent, ci) is None
                and not any(m.ref == "delegation" for m in sent.mentions)
            ):
                agent = [e for e in agent if e in members]  # the party's members, not the last host
            if _clause_cue(c, sent, masked, cues["visits"] + ("둘러",), lex) and not _plan_ahead(
                masked, c.end - sent.start
            ):
                targets = []
                told = told_visit_end(c, masked[c.start - sent.start : c.end - sent.start], cues["visits"])
                for p in c.phrases:
                    if told is not None and p.start >= told:
                        continue  # "이번 방문은 X의 초청으로 이뤄졌다": how the visit came about
                    if (
                        p.case in ("obj", "loc")
                        and not p.particle.startswith(("에서", "에게"))
                        or bare_visit_object(sent, p, lex)
                    ) and _head(p):
                        h = _head(p)
                        if h[0].type == "PERSON":
                            continue
                        group = [p, *_list_before(sent, p)]
                        k = sent.phrases.index(p)
                        if k > 0 and sent.phrases[k - 1].case == "gen" and sent.phrases[k - 1] in c.phrases:
                            gen = sent.phrases[k - 1]
                            targets.extend(e for e in _ents(gen, ("LOC",)) if e not in targets)
                        for q in group:
                            if _modifier_only(q):
                                continue
                            targets.extend(
                                e
                                for e in _ents(q, ("LOC", "ORG"))
                                if e not in targets and e.cls != "NewsMediaOrganization"
                            )
                        # the site of a visited body: "X에 있는 Y를 둘러봤다"
                        for pc in sent.clauses:
                            if (
                                pc.relative
                                and pc.next_phrase in group
                                and any(v in pc.text for v in lex.words.get("located", ()))
                            ):
                                for q in pc.phrases:
                                    if q.case == "loc":
                                        targets.extend(
                                            e for e in _ents(q, ("LOC", "ORG")) if e not in targets
                                        )
                # "A는 에콰도르에 이어 볼리비아를 방문했다": the stop named before "에 이어" is visited too
                if targets and ci > 0 and re.search(r"에\s?이어$", sent.clauses[ci - 1].text.strip()):
                    for q in sent.clauses[ci - 1].phrases:
                        if q.particle == "에" and _head(q) and _head(q)[0].type == "LOC":
                            targets.extend(e for e in _head(q) if e not in targets)
                # "A는 B와 차담을 나눈 뒤 함께 X를 둘러봤다", "A는 B와 X를 함께 관람하며": B goes along
                along = [
                    e
                    for p in sent.phrases
                    if p.case == "comp"
                    and p.end <= c.end
                    and not (p.after is not None and p.after.text.startswith("함께"))
                    and re.search(r"(^|\s)함께\s", masked[p.end - sent.start : c.end - sent.start])
                    for e in _head(p)
                    if e.type == "PERSON" and e not in agent and e not in companions
                ]
                for a in agent:
                    if a.type != "PERSON":
                        continue
                    for comp in along:
                        col.by_rule(a, "accompanies", comp, sent, "visit_along")
                        for t in targets:
                            col.by_rule(comp, "visits", t, sent, "along_visits")
                            visits_by.setdefault(comp.id, []).append((t, sent))
                people = [a for a in agent if a.type == "PERSON"]
                if targets and len(people) >= 2:
                    for a, b in zip(people, people[1:], strict=False):
                        col.by_rule(a, "accompanies", b, sent, "visit_together")
                for a in agent:
                    for t in targets:
                        if not _is_role_target(a, t) and not own_ground(a, t, col.has, party_of):
                            col.by_rule(a, "visits", t, sent, "visit_target")
                            visits_by.setdefault(a.id, []).append((t, sent))
                    for comp in companions:
                        if a.type == "PERSON" and comp is not a:
                            col.by_rule(a, "accompanies", comp, sent, "visit_companion")
                            for t in targets:
                                col.by_rule(comp, "visits", t, sent, "companion_visits")
                                visits_by.setdefault(comp.id, []).append((t, sent))
                # "대표단은 이어 X를 둘러봤다": every member the article names goes
                if party_acts:
                    for a in members:
                        for t in targets:
                            if a not in agent and not _is_role_target(a, t):
                                col.by_rule(a, "visits", t, sent, "delegation_visits")
                                visits_by.setdefault(a.id, []).append((t, sent))
            # meetings; sitting in on one ("면담에는 A와 B가 배석했다") is no meeting of the attendees
            if _clause_cue(c, sent, _MEETING_BEFORE.sub(_blank, masked), cues["meets"], lex) and not (
                _ATTEND.search(masked[c.start - sent.start : c.end - sent.start])
                or _scheduled_ahead(masked, c.start - sent.start)
            ):
                others = []
                # "A 시장과 B 의장이 C를 접견했다": those listed with the subject are hosts, not partners
                hosts = {id(q) for p in c.phrases if p.case == "subj" for q in _list_before(sent, p)}
                for p in c.phrases:
                    h = _head(p)
                    if (
                        not h
                        or h[0].type not in ("PERSON", "ORG")
                        or id(p) in hosts
                        or _unnamed_holder(p, lex)
                    ):
                        continue
                    if (
                        p.case == "comp"
                        and not (p.after is not None and p.after.text.startswith("함께"))
                        or p.case == "obj"
                        and h[0].type == "PERSON"
                    ):
                        others.extend(e for e in h if e not in others)
                    if p.case == "obj" and h[0].type == "PERSON":
                        # "A 회장, B 회장 등 경제단체장을 만나": the people listed before the object
                        for q in _list_before(sent, p):
                            others.extend(e for e in _head(q) if e.type == "PERSON" and e not in others)
                # "B 대사의 예방을 받고", "B 의장을 비롯한 대표단을 맞이했다"
                for e in received_callers(sent, c, lex, _list_before) + party_heads(sent, ci, lex):
                    if e not in others:
                        others.append(e)
                if not others and ci > 0:
                    # "A는 B와 X를 함께 관람하며 환담을 나눴다": the partner named in the clause before
                    prev = sent.clauses[ci - 1]
                    others = [
                        e
                        for p in prev.phrases
                        if p.case == "comp" and not (p.after is not None and p.after.text.startswith("함께"))
                        for e in _head(p)
                        if e.type == "PERSON"
                    ]
                if not others and _TWO_SIDED.search(masked[c.start - sent.start : c.end - sent.start]):
                    # "A 대통령과 B 총리는 정상회담을 가졌다": the people listed as one subject meet
                    together = [
                        e
                        for p in c.phrases
                        if p.case == "subj"
                        for q in _list_before(sent, p)
                        if q.case == "comp" and not (q.after is not None and q.after.text.startswith("함께"))
                        for e in _head(q)
                        if e.type == "PERSON"
                    ]
                    for a in agent:
                        for o in together:
                            if a.type == "PERSON" and o is not a:
                                col.by_rule(a, "meets", o, sent, "meet_together")
                for a in agent:
                    if a.type not in ("PERSON", "ORG"):
                        continue
                    for o in others:
                        if o is not a and o not in companions:
                            col.by_rule(a, "meets", o, sent, "meet_counterpart")
                            for comp in companions:
                                col.by_rule(comp, "meets", o, sent, "companion_meets")
            # visits implied by what the traveller does abroad: "… 오타와에서 … 회담을 갖고"
            if any(a.type == "PERSON" for a in agent) and (
                _clause_cue(c, sent, masked, cues["meets"] + cues["signsAgreementWith"], lex)
            ):
                for p in c.phrases:
                    # "오타와에서", and the site of a foreign place: "나이로비의 대통령궁에서"
                    site_of = (
                        (k := sent.phrases.index(p)) > 0
                        and sent.phrases[k - 1].case == "gen"
                        and sent.phrases[k - 1] in c.phrases
                    )
                    if p.particle.startswith("에서") and site_of and _head(sent.phrases[k - 1]):
                        gen = [e for e in _ents(sent.phrases[k - 1], ("LOC",)) if not _is_kr(e)]
                        for t in gen:
                            for a in agent:
                                if a.type == "PERSON":
                                    col.by_rule(a, "visits", t, sent, "meet_abroad_visits")
                                    visits_by.setdefault(a.id, []).append((t, sent))
                    if p.particle.startswith("에서") and _head(p):
                        # the foreign places of the phrase, and the venue they introduce ("워싱턴 X궁에서")
                        abroad = [e for e in _ents(p, ("LOC",)) if e.gaz is not None and not _is_kr(e)]
                        # a venue written after a Korean city ("서울 X호텔에서") is at home
                        if _head(p)[0].type == "LOC" and not any(_is_kr(e) for e in _ents(p, ("LOC",))):
                            abroad = [e for e in _ents(p, ("LOC",)) if not _is_kr(e)]
                        elif abroad and _head(p)[0].type == "ORG":
                            abroad.append(_head(p)[0])
                        for t in abroad:
                            for a in agent:
                                if a.type == "PERSON":
                                    col.by_rule(a, "visits", t, sent, "meet_abroad_visits")
                                    visits_by.setdefault(a.id, []).append((t, sent))
            # investment
            if (
                _clause_cue(c, sent, masked, ("투자", "투입", "지분"), lex)
                and _INVEST.search(masked[c.start - sent.start : c.end - sent.start + 8])
                and not _SEEK.search(masked[c.start - sent.start : c.end - sent.start])
            ):
                investors = [e for e in (agent or []) if e.type == "ORG"]
                if _own_agent_missing(sent, ci):
                    investors = []  # "2개 기업이 …", "…투자하기로 한 BHI": not the last company
                targets = []
                for p in c.phrases:
                    if p.particle in ("에", "에도", "에는"):
                        own = _own_investors(sent, c, p)
                        if own is not None:
                            # "A사는 X단지에, B사는 Y단지에 각각 투자해": each subject with its own site
                            for a in own:
                                for t in _site_ents(sent, p, lex):
                                    col.by_rule(a, "investsIn", t, sent, "invest_clause")
                            continue
                        targets.extend(e for e in _site_ents(sent, p, lex) if e not in targets)
                # "5천만달러를 투자해 평택에 물류센터를 짓고": the site may come in the next clause
                if not targets and c.words and c.words[-1].ending == "EC" and ci + 1 < len(sent.clauses):
                    for p in sent.clauses[ci + 1].phrases:
                        if p.particle in ("에", "에도"):
                            targets.extend(e for e in _site_ents(sent, p, lex) if e not in targets)
                # "다온모빌리티 지분": a stake in the company named right before
                for p in c.phrases:
                    if "지분" in p.text:
                        for m in p.mentions:
                            if (
                                m.entity is not None
                                and m.entity.type == "ORG"
                                and sent.span_text(m.end, m.end + 4).lstrip().startswith("지분")
                            ):
                                targets.append(m.entity)
                for a in investors:
                    for t in targets:
                        col.by_rule(a, "investsIn", t, sent, "invest_clause")
            # "X사가 Y시 Z단지에 공장을 세운다/짓는다/건립한다": building a plant is investing in its site
            seg = masked[c.start - sent.start : c.end - sent.start]
            if _BUILD.search(seg) and not _modal_after(masked, c.end - sent.start, lex):
                builders = [e for e in (agent or []) if e.type == "ORG" and e.cls != "NewsMediaOrganization"]
                sites: list[Ent] = []
                for p in c.phrases:
                    if p.particle in ("에", "에도") and _head(p) and _head(p)[0].type in ("LOC", "ORG"):
                        h = _head(p)[0]
                        sites.append(h)
                        sites.extend(e for e in _ents(p, ("LOC",)) if e.cls == "City" and e is not h)
                for a in builders:
                    for t in sites:
                        col.by_rule(a, "investsIn", t, sent, "build_site")
        if sent_agent:
            carry = [e for e in sent_head if e.type in ("PERSON", "ORG")] or carry
        _trip_noun_visits(sent, masked, col, visits_by)
        for who, site in event_site_visits(sent, lex, _is_kr, body_of, col.has):
            col.by_rule(who, "visits", site, sent, "event_site_visits")
            visits_by.setdefault(who.id, []).append((site, sent))
        _meeting_nouns(sent, col, sent_agent)
        _parties(sent, masked, col, lex, sent_agent)
        _sister_apposition(sent, masked, col, sent_agent)
        _sister_list(sent, masked, col, sent_agent)
        owned = owned_sisters(sent)
        for home, sister in owned:
            if _ok_pair(col, home, sister):
                col.by_rule(home, "sisterCityOf", sister, sent, "sister_owned_list")
        # … and the members of that list are no sisters of each other
        listed = {sister.id for _home, sister in owned}
        for key in [k for k, f in col.found.items() if f.sentence is sent and f.predicate == "sisterCityOf"]:
            if key[0] in listed and key[2] in listed:
                del col.found[key]
        _sister_named(sent, masked, col, sent_agent)
        _sister_relative(sent, masked, col, lex, sent_agent)
        _located_main(sent, masked, col)
        _belongs_to(sent, masked, col)
        _located_subject(sent, masked, col)
        _seeks(sent, masked, col, lex, sent_agent, focus)
        _meeting_attendees(sent, masked, col, before)
        _invest_agreement(sent, masked, col, lex, sent_agent, deals)
        _invest_sites(sent, masked, col, lex, sent_agent)
        _plant_opening(sent, col, lex)
        _round_investors(sent, masked, col)
        for m in sent.mentions:
            if m.entity is not None and m.entity.type == "ORG" and m.entity.cls == "Company":
                focus = m.entity
        if any(w in masked for w in lex.words.get("together", ())):
            trip_sentences.append(sent)

    # companions of a trip: "이번 순방에는 A와 B가 동행했다" -> they accompany the traveller and visit
    # the places of the trip
    by_id = {e.id: e for e in ents}
    travellers = [i for i in visits_by if by_id.get(i) is not None and by_id[i].type == "PERSON"]
    for sent in trip_sentences:
        # the traveller of the trip in focus: the last person seen travelling before this sentence
        before = [i for i in travellers if min(s.index for _, s in visits_by[i]) <= sent.index]
        if not before:
            continue
        main_id = max(
            before,
            key=lambda i: (
                max(s.index for _, s in visits_by[i] if s.index <= sent.index),
                len({t.id for t, _ in visits_by[i]}),
            ),
        )
        main = by_id[main_id]
        # the stops of this trip, not those of an earlier one told as background ("…를 방문한 바 있다")
        stops = [t for t, s in visits_by[main_id] if not background(s.text)] or [
            t for t, _s in visits_by[main_id]
        ]
        # "브레멘 일정에는 A도 함께했다": a companion of one stop visits only that stop
        leg = [
            m.entity
            for m in sent.mentions
            if m.entity is not None
            and m.type in ("LOC", "ORG")
            and m.entity.cls != "NewsMediaOrganization"
            # "브레멘 일정에는", "백악관 환영만찬에는": the venue of one event of the trip
            and re.match(
                r"\s?(?:\S{1,4}\s?)?(일정|방문|행사|만찬|오찬|회의|회담|간담회|행사장)(에는|에도|에)",
                sent.span_text(m.end, m.end + 12),
            )
        ]
        if leg:
            # … and the stops that hold it (the country of the leg)
            stops = leg + [t for t in stops if t not in leg and any(col.has(x, "locatedIn", t) for x in leg)]
        for p in sent.phrases:
            if p.case in ("subj", "comp") or p.particle in (",", "도"):
                for e in _head(p):
                    if e.type == "PERSON" and e is not main:
                        col.by_rule(e, "accompanies", main, sent, "trip_companion")
                        for t in stops:
                            col.by_rule(e, "visits", t, sent, "trip_companion_visits")
    # "방문단은 A 군수, B 회장 등 11명으로": the members travel with the one who leads the party
    for sent in sents:
        people = roster(sent, _delegation_words(lex))
        for e in people[1:]:
            col.by_rule(e, "accompanies", people[0], sent, "roster_companion")
    deals.finish(col, sents)
    _seek_invested(sents, col)
    _couple_visits(sents, col)
    _within_province(sents, ents, col)
    _title_bodies(sents, ents, col)
    _home_heads(sents, ents, col, lex)
    _byline_outlet(sents, col)
    _national_heads(sents, ents, col, lex)
    # cooperation only where nothing more specific holds for the pair
    for key in [k for k in col.found if k[1] == "cooperatesWith"]:
        f = col.found[key]
        if col.has(f.subject, "sisterCityOf", f.object) or col.has(f.subject, "signsAgreementWith", f.object):
            del col.found[key]
    return list(col.found.values())


# a meeting named as the time of what follows ("환담에 이어 A와 B가 협약을 체결했다"): its partners
# are not the people of this clause
_MEETING_BEFORE = re.compile(
    r"(?:면담|접견|환담|회담|간담회|회동|예방|차담)(?:을|를)?\s?(?:에\s?이어|마친\s?(?:뒤|후)|마치고|에\s?앞서|이후|후에?|뒤에?)(?=\s)"
)


def _blank(m: re.Match) -> str:
    return "□" * len(m.group())


# meeting words of two sides face to face (not 간담회: a gathering where the listed merely attend)
_TWO_SIDED = re.compile(r"회담|면담|환담|회동|만나|만났")

_MEETING_NOUN = re.compile(r"\s(?:접견|면담|예방|회담|회동|환담)(?:에|을|를|과|와|에서|도)?$")


def _meeting_nouns(sent: Sentence, col: _Collector, agent: list[Ent]) -> None:
    """ "A는 B 대사, C 대사 접견에 이어 …": the people named right before a meeting noun are the
    partners of the sentence's subject (a person)."""
    people = [e for e in agent if e.type == "PERSON"]
    if not people:
        return
    for p in sent.phrases:
        h = _head(p)
        if not h or h[0].type != "PERSON" or p.case == "subj" or h[0] in people:
            continue
        if not _MEETING_NOUN.search(p.text[p.head.end - p.start :]):
            continue
        partners = [h[0]] + [
            e for q in _list_before(sent, p) for e in _head(q) if e.type == "PERSON" and e not in people
        ]
        for a in people:
            for o in partners:
                col.by_rule(a, "meets", o, sent, "meeting_noun")


_TRIP_NOUN = re.compile(
    r"^\s?(?:국빈\s?|공식\s?|실무\s?)?(?:방문|순방|출장|방미|방중|방일)\s?(?:중인|중에|중|길에|때|당시|기간)"
)


def _trip_noun_visits(
    sent: Sentence, masked: str, col: _Collector, visits_by: dict[str, list[tuple[Ent, Sentence]]]
) -> None:
    """A trip named by its noun: "베트남 출장 중인 A 지사는" (the person the phrase introduces) and
    "A 대통령의 베트남 국빈방문 때" (the person in the genitive) visit the place."""
    ms = [m for m in sent.mentions if m.entity is not None]
    for i, m in enumerate(ms):
        if m.type != "LOC" or not _TRIP_NOUN.match(masked[m.end - sent.start :]):
            continue
        who: Ent | None = None
        before = sent.span_text(max(sent.start, m.start - 3), m.start)
        if i > 0 and ms[i - 1].type == "PERSON" and re.search(r"의\s$", before):
            who = ms[i - 1].entity  # "A 대통령의 X 방문 때"
        elif i > 0 and ms[i - 1].type == "PERSON" and "의 " in sent.span_text(ms[i - 1].end, m.start):
            gap = sent.span_text(ms[i - 1].end, m.start)
            who = ms[i - 1].entity if len(gap) <= 8 and gap.rstrip().endswith("의") else None
        else:
            after = masked[m.end - sent.start :]
            trip = _TRIP_NOUN.match(after)
            if trip and trip.group().rstrip().endswith("중인"):
                nxt = next((x for x in ms[i + 1 :] if x.start >= m.end), None)
                if nxt is not None and nxt.type == "PERSON" and nxt.start - (m.end + trip.end()) <= 2:
                    who = nxt.entity  # "X 출장 중인 A 지사는"
        if who is not None and who.type == "PERSON" and not _is_role_target(who, m.entity):
            col.by_rule(who, "visits", m.entity, sent, "trip_noun_visits")
            visits_by.setdefault(who.id, []).append((m.entity, sent))


_LED = re.compile(r"^(?:을|를)?\s?단장으로|^(?:이|가)\s?이끄는")
_MEMBERS_JOIN = re.compile(
    r"포함(?:됐|되었|돼|된)|참여(?:했|하였|한)|참가(?:했|하였)|구성(?:됐|되었|돼)|동행(?:했|하였)"
)


def _delegation_words(lex: Lexicon) -> tuple[str, ...]:
    return (*lex.words.get("delegation", ()), "일행")


def _delegation_members(sents: list[Sentence], lex: Lexicon) -> list[Ent]:
    """The people the article names as members of its travelling party: "A를 단장으로 한 대표단",
    "A가 이끄는 방문단", "대표단에는 A와 B가 포함됐다", "대표단은 A, B 등 10명으로 구성됐다"."""
    memo = _MEMO.get()
    if memo is None:
        return _members(sents, lex)
    if memo.members is None:
        memo.members = _members(sents, lex)
    return list(memo.members)


def _members(sents: list[Sentence], lex: Lexicon) -> list[Ent]:
    words = _delegation_words(lex)
    out: list[Ent] = []

    def add(e: Ent) -> None:
        if e not in out and (e.type == "PERSON" or e.type == "ORG" and e.cls != "NewsMediaOrganization"):
            out.append(e)

    for sent in sents:
        for p in sent.phrases:
            h = _head(p)
            # "A 이사(단장)": the head of the party named in a list of people
            if h and h[0].type == "PERSON" and "(단장)" in p.text[p.head.end - p.start :]:
                add(h[0])
        # "A 의장과 B 위원장을 비롯한 의원 4명은 …": the party the article goes on to call 방문단
        for e in counted_party(sent, tuple(lex.words.get("leading", ()))):
            add(e)
        if not any(w in sent.text for w in words):
            continue
        for p in sent.phrases:
            h = _head(p)
            # "A를 단장으로 한", "A가 이끄는": a person, or a body leading a mission
            if h and _LED.match(sent.span_text(p.end - len(p.particle), p.end + 8)):
                add(h[0])
        # "방문단은 A 군수, B 회장 등 11명으로 …": a roster without a verb of joining
        for e in roster(sent, words):
            add(e)
        if not _MEMBERS_JOIN.search(sent.text):
            continue
        group = next(
            (
                p
                for p in sent.phrases
                if not p.mentions and p.text.startswith(words) and p.case in ("loc", "subj")
            ),
            None,
        )
        if group is None:
            continue
        for p in sent.phrases:
            # "방문단은 A지부와 B협회 관계자들로 구성됐다": the bodies whose people form the party
            if p is not group and (p.case in ("subj", "comp") or p.particle in (",", "", "로", "으로")):
                for e in _head(p):
                    add(e)
    return out


def _delegation_acts(sent: Sentence, ci: int, lex: Lexicon) -> bool:
    """Whether the subject of clause `ci` (or of the clause before it that it carries on from) is the
    travelling party itself: "대표단은", "A시 대표단 14명이", "일행은"."""
    words = _delegation_words(lex)
    for k in range(ci, -1, -1):
        subj = [p for p in sent.clauses[k].phrases if p.case == "subj"]
        if not subj:
            continue
        p = subj[-1]
        core = p.text[: len(p.text) - len(p.particle)] if p.particle else p.text
        core = re.sub(r"\s?\d+\s?(명|인)$", "", core.strip())
        return core.endswith(words) and not any(m.type == "PERSON" for m in p.mentions)
    return False


def _couple_visits(sents: list[Sentence], col: _Collector) -> None:
    """ "A 대통령 내외는 X로 이동해": the spouse named in the article ("A 대통령과 부인 B 여사",
    "A 대통령의 부인 B 여사") visits where the couple goes."""
    spouse: dict[str, Ent] = {}
    for sent in sents:
        people = [m for m in sent.mentions if m.entity is not None and m.type == "PERSON"]
        for k, m in enumerate(people):
            before = sent.span_text(max(sent.start, m.start - 4), m.start)
            if k > 0 and re.search(r"부인(인)?\s$", before):
                spouse.setdefault(people[k - 1].entity.id, m.entity)
    if not spouse:
        return
    for f in list(col.found.values()):
        partner = spouse.get(f.subject.id)
        if f.predicate != "visits" or partner is None or partner.id == f.object.id:
            continue
        sent = f.sentence
        own = [m for m in sent.mentions if m.entity is not None and m.entity.id == f.subject.id]
        if any("내외" in sent.span_text(m.end, m.end + 8) for m in own):
            col.by_rule(partner, "visits", f.object, sent, "couple_visits")


def _seek_invested(sents: list[Sentence], col: _Collector) -> None:
    """A place or body that the article says attracts investment ("X시, 3개 기업 투자 유치") seeks
    it from each company the article says invests in it, though the two are told sentences apart.
    Only for what happened: a failed or planned investment says nothing of the courting."""
    if _MODE.get() != "done":
        return
    seekers = {f.subject.id for f in col.found.values() if f.predicate == "seeksInvestmentFrom"}
    for sent in sents:
        if not _SEEK.search(sent.text):
            continue  # masking only hides cues, so a sentence without one in its text has none
        masked = _masked(sent)
        m = _SEEK.search(masked)
        if not m or _other_attraction(masked, m):
            continue
        first = next((p for p in sent.phrases if p.case == "subj" or p.particle == ","), None)
        if first is None or first.start - sent.start > m.start():
            continue
        for h in _head(first)[:1]:
            b = h if h.type in ("ORG", "LOC") else body_of(h)
            if b is not None:
                seekers.add(b.id)
    known = [m.entity for s in sents for m in s.mentions if m.entity is not None]
    by_id = {e.id: e for e in known}
    for f in list(col.found.values()):
        if f.predicate != "investsIn":
            continue
        # "X도, 외자 유치 …" then "A사는 X도 Y시 Z단지에 투자한다": the seeker holds the site invested in
        for sid in [i for i in (f.object.id, *_holders(col, f.object, known)) if i in seekers]:
            seeker = by_id.get(sid)
            if seeker is not None and not col.has(seeker, "seeksInvestmentFrom", f.subject):
                col.by_rule(seeker, "seeksInvestmentFrom", f.subject, f.sentence, "seek_invested")


def _holders(col: _Collector, e: Ent, known: list[Ent], depth: int = 3) -> list[str]:
    """The ids of the places that hold `e`: its locatedIn chain of the article, and its gazetteer
    parents among the entities `known` to the article."""
    out: list[str] = []
    todo = [e]
    while todo and depth > 0:
        depth -= 1
        nxt = []
        for x in todo:
            ups = [f.object for f in col.found.values() if f.predicate == "locatedIn" and f.subject is x]
            for u in ups:
                if u.id not in out:
                    out.append(u.id)
                    nxt.append(u)
            parent = getattr(x.gaz, "parent", None)
            if parent:
                for y in known:
                    if y.key == parent and y.id not in out:
                        out.append(y.id)
                        nxt.append(y)
        todo = nxt
    return out


def _national_heads(sents: list[Sentence], ents: list[Ent], col: _Collector, lex: Lexicon) -> None:
    """A Korean-named 대통령 or 총리 whom the text gives no country heads Korea, when the article names
    Korea (Korean news does not write "한국 대통령" before its own president)."""
    from newskg.extract.mentions import is_person_name

    home = next((e for e in ents if e.cls == "Country" and _is_kr(e)), None)
    if home is None:
        return
    titles = lex.words.get("national_head", frozenset())
    for s in sents:
        for m in s.mentions:
            e = m.entity
            if (
                e is None
                or m.type != "PERSON"
                or m.role is None
                or m.role.name not in titles
                or not is_person_name(e.label, lex)
                or any(r.relation == "headOf" and t is not None for r, t in e.role_targets)
                or any(f.subject is e and f.predicate == "headOf" for f in col.found.values())
                or staff_of_state_head(s, m, lex)
            ):
                continue
            col.by_rule(e, "headOf", home, s, "national_head")


def _byline_outlet(sents: list[Sentence], col: _Collector) -> None:
    """A reporter of a byline whose outlet stands on a line of its own ("[새길일보]" above "박서준
    기자", "저작권자 © 새길일보" below) works for the one news outlet the article names."""
    outlets = {
        m.entity.id: m.entity
        for s in sents
        for m in s.mentions
        if m.entity is not None and m.entity.cls == "NewsMediaOrganization"
    }
    if len(outlets) != 1:
        return
    outlet = next(iter(outlets.values()))
    for s in sents:
        for m in s.mentions:
            if (
                m.rule == "byline"
                and m.type == "PERSON"
                and m.entity is not None
                and m.role is not None
                and m.role.relation == "worksFor"
                and m.role_target is None
                and not any(f.subject is m.entity and f.predicate == "worksFor" for f in col.found.values())
            ):
                col.by_rule(m.entity, "worksFor", outlet, s, "byline_outlet")


def _is_kr(e: Ent) -> bool:
    g = e.gaz
    return bool(
        g is not None and (getattr(g, "country", None) == "KR" or str(e.key).startswith(("kr:", "iso:KR")))
    )


def _is_role_target(a: Ent, t: Ent) -> bool:
    return any(tgt is t for _r, tgt in a.role_targets)


def _roles(sent: Sentence, col: _Collector) -> None:
    """headOf / worksFor from a person's title and the body or place it belongs to."""
    for m in sent.mentions:
        if m.type != "PERSON" or m.role is None or m.entity is None:
            continue
        tgt = m.role_target.entity if m.role_target is not None else None
        if tgt is not None and _earlier_names_body(sent, m):
            # the body is another member's: no later bare title of this person may fall back on it
            m.entity.role_targets[:] = [(r, x) for r, x in m.entity.role_targets if x is not tgt]
            continue
        if tgt is None:
            tgt = _implicit_target(sent, m)
            if tgt is not None and state_head_of_org(sent, m, tgt, load_lexicon()):
                tgt = None  # "X궁을 찾은 A 대통령": the venue, not what he heads
            if tgt is not None and (m.role, tgt) not in m.entity.role_targets:
                m.entity.role_targets.append((m.role, tgt))
        if tgt is None or state_head_of_org(sent, m, tgt, load_lexicon()):
            continue
        if m.role.relation == "headOf" and not m.role.name.startswith("부") and _heads_target(sent, m, tgt):
            col.by_rule(
                m.entity,
                "headOf",
                tgt,
                sent,
                "title_head" if m.role_target is not None else "title_head/implicit",
            )
        elif m.role.relation == "headOf" and tgt.type == "ORG" and _sub_unit_title(sent, m):
            # "가람대 산학협력단장", "가람공사 노조위원장": the head of a unit works for the body
            col.by_rule(m.entity, "worksFor", tgt, sent, "title_post/sub_unit")
        elif m.role.relation == "worksFor" and tgt.type == "ORG":
            col.by_rule(
                m.entity,
                "worksFor",
                tgt,
                sent,
                "title_post" if m.role_target is not None else "title_post/implicit",
            )
    _list_posts(sent, col)


def _sub_unit_title(sent: Sentence, m: Any) -> bool:
    """Whether a head title names the head of a unit of the body, not of the body: the title as
    written ends in a unit head of the cue list ("산학협력단장", "노조위원장", "기획처장"); a title
    glued to another name ("가람문화협의회장") heads that other body."""
    pre = _title_prefix(sent, m)
    if not pre:
        return False
    written = pre + m.role.name
    return any(written.endswith(u) for u in load_lexicon().words.get("unit_head", frozenset()))


# the joint between two members of a list of people: a comma, "과/와", "을/를 비롯해"
_LIST_GAP = re.compile(r"\s?[,·ㆍ]\s?|(?<=[가-힣])(?:과|와|을\s비롯해|를\s비롯해)\s")


def _list_posts(sent: Sentence, col: _Collector) -> None:
    """ "가람협회의 A 회장, B 부회장, C 사무국장과 …", "A 가람대 총장, B 기획처장": in a list of
    people, a staff or unit title with no body of its own is a post at the body of the member
    before it (the body carries on until a member names another one or the list breaks)."""
    people = sorted(
        (m for m in sent.mentions if m.type == "PERSON" and m.entity is not None and m.role is not None),
        key=lambda m: m.start,
    )
    body: Ent | None = None
    prev: Any = None
    hosted = False  # the list opened with the side it belongs to ("가람대 측에서는 A 단장, …")
    for m in people:
        own = m.role_target.entity if m.role_target is not None else None
        if own is None:
            own = next(
                (
                    f.object
                    for f in col.found.values()
                    if f.subject is m.entity and f.sentence is sent and f.predicate in ("headOf", "worksFor")
                ),
                None,
            )
        listed = body is not None and prev is not None and _listed_after(sent, prev, m)
        if not listed:
            host = host_body(sent, m)
            hosted = host is not None
            if own is None and host is not None and m.role.relation == "worksFor":
                # "가람협회에서는 A 부회장, B 본부장 …": a post at the side the list belongs to
                col.by_rule(m.entity, "worksFor", host, sent, "host_staff")
                own = host
        if own is not None:
            body = own if own.type == "ORG" else None
        elif listed:
            # a head title with a unit's name glued before it is a post in a list of one side only
            # ("… 가람시의회 의장, C 새길교류협의회장" may head a body of its own)
            staff = (
                m.role.relation == "worksFor"
                or _sub_unit_title(sent, m)
                or (hosted and unit_prefixed(sent, m, load_lexicon()))
            )
            if staff and not any(
                f.subject is m.entity and f.predicate in ("headOf", "worksFor") for f in col.found.values()
            ):
                col.by_rule(m.entity, "worksFor", body, sent, "list_post")
        else:
            body = None
        prev = m


def _listed_after(sent: Sentence, prev: Any, m: Any) -> bool:
    """Whether `m` is the next member of a list after `prev` ("A 가람대 총장, B 처장", "A 가람일보 회장과
    B 상무", "A 가람대 총장을 비롯해 B 센터장"): between them only prev's title (and its body) and one
    joint, no other name."""
    if m.start - prev.end > 30:
        return False
    gap = sent.span_text(prev.end, m.start)
    parts = _LIST_GAP.split(gap)
    if len(parts) != 2 or parts[1].strip() or re.search(r"\s(?:등|및)\s", gap):
        return False
    t = prev.role_target
    return not any(
        x is not prev and x is not m and x is not t and prev.end <= x.start < m.start for x in sent.mentions
    )


def _earlier_names_body(sent: Sentence, m: Any) -> bool:
    """Whether the body linked to a person's title stands with an earlier name of a list ("박하늘
    새길시장, 김바다 대표이사": 새길시 is 박하늘's, not 김바다's)."""
    t = m.role_target
    return (
        t is not None
        and t.end <= m.start
        and "," in sent.span_text(t.end, m.start)
        and any(
            x.type == "PERSON" and x is not m and t.start - 12 <= x.start < t.start for x in sent.mentions
        )
    )


def _heads_target(sent: Sentence, m: Any, tgt: Ent) -> bool:
    """Whether a person's head title really heads the body or place it was linked to.

    Not when the title word has a prefix of its own ("새길공사 노조위원장", "벨로니아 부총리", "한빛대
    산학협력단장", "새길 서해시장": a union, a deputy, a sub-unit, another place), when a
    council chair's title is read off a place ("새길시의장" heads the council, not the city), or
    when the body stands before an earlier name of a list ("박하늘 새길시장, 김바다 대표이사")."""
    t = m.role_target
    if t is None:
        # "가람대 측에서는 A 테크노센터장": a bare title with a unit's name glued before it
        return not unit_prefixed(sent, m, load_lexicon())
    if tgt.type == "LOC" and m.role.name in load_lexicon().words.get("council_head", frozenset()):
        return False
    if _earlier_names_body(sent, m):
        return False
    lo = max(t.end, m.end) - sent.start
    i = sent.text.find(m.role.name, max(t.start, m.end) - sent.start)
    if i < lo or i - lo > 15:  # not found, or the place ends inside the title ("천안시장")
        return True
    j = i
    while j > lo and not _TITLE_BREAK.match(sent.text[j - 1]):
        j -= 1
    return j == i or sent.text[j:i] in load_lexicon().words.get("head_prefix", frozenset())


def _within_province(sents: list[Sentence], ents: list[Ent], col: _Collector) -> None:
    """ "A·B·C 등 도내 9개 시군": the places listed before 도내 lie in the article's province (the one
    of the gazetteer that holds them, when the article names it)."""
    by_key = {e.key: e for e in ents if e.key and e.type == "LOC"}
    for sent in sents:
        k = sent.text.find("도내")
        if k < 0:
            continue
        at = sent.start + k
        for m in sent.mentions:
            e = m.entity
            if e is None or m.ref or m.type != "LOC" or m.end > at or e.gaz is None:
                continue
            # only the members of the list that ends right before 도내
            gap = sent.span_text(m.end, at)
            if not re.fullmatch(r"(?:[·ㆍ,]\s*[^\s·ㆍ,]+)*\s*(?:등\s)?", gap):
                continue
            prov = by_key.get(getattr(e.gaz, "parent", None))
            if prov is not None and prov is not e:
                col.by_rule(e, "locatedIn", prov, sent, "within_province")


def _title_bodies(sents: list[Sentence], ents: list[Ent], col: _Collector) -> None:
    """ "박서준 청장은 …" with no body near the title: the head of the article's one body whose name
    ends as the title's body does (청장 → …청, 총장 → …대학교), unless someone else heads it."""
    endings_of = load_korean().title_bodies
    heads = {(f.subject.id, f.object.id) for f in col.found.values() if f.predicate == "headOf"}
    for sent in sents:
        for m in sent.mentions:
            if m.type != "PERSON" or m.entity is None or m.role is None or m.role.relation != "headOf":
                continue
            endings = endings_of.get(m.role.name)
            if not endings or m.role_target is not None or any(s == m.entity.id for s, _o in heads):
                continue
            bodies = {
                e.id: e
                for e in ents
                if e.type == "ORG" and e.cls != "NewsMediaOrganization" and e.label.endswith(endings)
            }
            # "경자청" beside "한빛경제자유구역청": a short form of a longer candidate is that one
            named = [
                e
                for e in bodies.values()
                if not any(f is not e and _within(e.label, f.label) for f in bodies.values())
            ]
            if len(named) != 1:
                continue
            body = named[0]
            if any(o == body.id for _s, o in heads):
                continue
            col.by_rule(m.entity, "headOf", body, sent, "title_head/article")
            heads.add((m.entity.id, body.id))


def _home_heads(sents: list[Sentence], ents: list[Ent], col: _Collector, lex: Lexicon) -> None:
    """A bare head title no sentence ties to a body ("이날 협약식은 도해준 군수, 박은호 대표 등이
    참석했다", "도해준 시장은 …"): a mayor or county head heads the article's own city or county (the
    one Korean place of the title's level the article names, or of several the one its first such
    sentence is about), a company head the article's one company."""
    heads = {(f.subject.id, f.object.id) for f in col.found.values() if f.predicate == "headOf"}
    company_titles = lex.words.get("company_head", frozenset())
    companies = [e for e in ents if e.type == "ORG" and e.cls == "Company"]
    for sent in sents:
        for m in sent.mentions:
            e, role = m.entity, m.role
            if (
                m.type != "PERSON"
                or e is None
                or role is None
                or role.relation != "headOf"
                or m.role_target is not None
                or any(s == e.id for s, _o in heads)
                or any(t is not None for _r, t in e.role_targets)
            ):
                continue
            if role.place in ("시", "군", "구"):
                body = _home_place(sents, ents, role.place)
            elif role.name in company_titles and len(companies) == 1:
                body = companies[0]
            else:
                continue
            if body is None or any(o == body.id for _s, o in heads):
                continue
            col.by_rule(e, "headOf", body, sent, "title_head/home")
            heads.add((e.id, body.id))


def _home_place(sents: list[Sentence], ents: list[Ent], level: str) -> Ent | None:
    """The article's own Korean (or unknown) city, county or district (`level` 시, 군 or 구): the only one it
    names, or the first one a sentence opens with as its subject."""
    places = [e for e in ents if e.type == "LOC" and (_is_kr(e) or e.gaz is None) and e.label.endswith(level)]
    if len(places) == 1:
        return places[0]
    for sent in sents:
        first = sent.phrases[0] if sent.phrases else None
        if first is None or first.case != "subj":
            continue
        h = _head(first)
        if h and any(h[0] is p for p in places):
            return h[0]
    return None


def _within(short: str, long: str) -> bool:
    """Whether the syllables of `short` occur in `long` in order (and `long` is longer)."""
    i = 0
    for ch in short:
        i = long.find(ch, i) + 1
        if i == 0:
            return False
    return len(long) > len(short)


def _appointments(sent: Sentence, col: _Collector, lex: Lexicon) -> None:
    """ "A사는 B 부사장을 신임 대표이사로 선임했다", "신임 사장에는 B가 내정됐다", "B는 계열사인 C사 대표를
    겸하고 있다": the person appointed to a title holds it at the body named with it, else at the
    body the sentence is about."""
    verbs = tuple(lex.words.get("appoint", ()))
    if not verbs or not any(v in sent.text for v in verbs):
        return
    phrases = sent.phrases
    for k, q in enumerate(phrases):
        if not q.words:
            continue
        role = lex.roles.get(q.words[-1].core)
        if role is None or not q.particle.startswith(("로", "으로", "에", "을", "를")):
            continue
        rest = sent.span_text(q.end, sent.end)
        if not any(rest.lstrip().startswith(v) or (" " + v) in rest[:16] for v in verbs):
            continue
        people: list[Ent] = []
        if q.particle.startswith(("로", "으로")):
            # "B를 … 대표로", "B가 신임 대표로 취임했다"
            for p in reversed(phrases[:k]):
                h = _head(p)
                if h and h[0].type == "PERSON" and p.case in ("obj", "subj"):
                    people = [h[0]]
                    break
        elif q.particle.startswith("에"):
            nxt = phrases[k + 1] if k + 1 < len(phrases) else None
            h = _head(nxt) if nxt is not None else []
            if h and h[0].type == "PERSON":
                people = [h[0]]
        else:
            # "B는 C사 대표를 겸하고/맡고 있다": the subject holds it
            subj = [p for p in phrases[:k] if p.case == "subj" and _head(p)]
            if subj and _head(subj[0])[0].type == "PERSON":
                people = [_head(subj[0])[0]]
        if not people:
            continue
        body = next(
            (m.entity for m in reversed(q.mentions) if m.entity is not None and m.type == "ORG"), None
        )
        if body is None and k > 0 and phrases[k - 1].case == "gen" and _head(phrases[k - 1]):
            h = _head(phrases[k - 1])[0]
            body = h if h.type == "ORG" else None
        if body is None:
            body = _subject_party(sent)
            if body is not None and body.type != "ORG":
                body = None
        if body is None or body.cls == "NewsMediaOrganization":
            continue
        for e in people:
            if role.relation == "headOf" and not role.name.startswith("부"):
                col.by_rule(e, "headOf", body, sent, "appointed_head")
            else:
                col.by_rule(e, "worksFor", body, sent, "appointed_post")


def _post_holders(sent: Sentence, ents: list[Ent], col: _Collector, lex: Lexicon) -> None:
    """ "방문단 단장은 한도윤 … 이 맡았다": the head of the body named before the title."""
    if not re.search(r"맡(았|는|고|아|기로)|선임|취임|임명", sent.text):
        return
    for k, p in enumerate(sent.phrases[:-1]):
        if p.case != "subj" or not p.words:
            continue
        role = lex.roles.get(p.words[-1].core)
        if role is None or role.relation != "headOf":
            continue
        nxt = sent.phrases[k + 1]
        # "A 가람공사 신임 사장이 B 시장으로부터 임명장을 받았다": the person the title follows holds
        # it, not the one who hands it over
        own = [
            m.entity for m in p.mentions if m.entity is not None and m.type == "PERSON" and m.start == p.start
        ]
        people = own or [e for e in _head(nxt) if e.type == "PERSON" and not _GIVER.search(nxt.text)]
        if not people:
            continue
        body = next((m.entity for m in p.mentions if m.entity is not None and m.entity.type == "ORG"), None)
        if body is None and len(p.words) >= 2:
            word = p.words[0].core
            body = next(
                (e for e in ents if e.type == "ORG" and len(word) >= 2 and e.label.endswith(word)), None
            )
        if body is not None:
            col.by_rule(people[0], "headOf", body, sent, "post_holder")


_GIVER = re.compile(r"(?:으로부터|로부터|에게서|에게|께서)$")


def _implicit_target(sent: Sentence, m) -> Ent | None:
    """The body or place of a bare title: the org of the same phrase or the genitive before it,
    for a mayor or governor the nearest place named before him in the sentence."""
    ph = next((p for p in sent.phrases if m.start < p.end and p.start < m.end), None)
    if ph is None:
        return None
    k = sent.phrases.index(ph)
    others = [x for x in ph.mentions if x is not m and x.type in ("ORG", "LOC") and x.entity is not None]
    role = m.role
    if others and not role.place:
        return others[-1].entity
    if k > 0 and sent.phrases[k - 1].case == "gen" and _head(sent.phrases[k - 1]):
        h = _head(sent.phrases[k - 1])[0]
        if h.type in ("ORG", "LOC"):
            return h
    if role.place:
        taken = {
            x.role_target.entity.id
            for x in sent.mentions
            if x.type == "PERSON" and x.role_target is not None and x.role_target.entity is not None
        }
        want = {
            "시": ("City",),
            "도": ("AdministrativeArea",),
            "군": ("AdministrativeArea", "City"),
            "구": ("AdministrativeArea",),
            "성": ("AdministrativeArea",),
            "주": ("AdministrativeArea",),
        }
        classes = want.get(role.place, ("City",))
        for x in reversed([x for x in sent.mentions if x.end <= m.start]):
            e = x.entity
            if e is not None and e.type == "LOC" and e.cls in classes and e.id not in taken:
                return e
        for _r, t in m.entity.role_targets:
            if t is not None:
                return t
        return None
    if role.relation != "headOf":
        return None
    # "국토교통부는 한도윤 장관이": the body the sentence is about
    first = sent.phrases[0] if sent.phrases else None
    if first is not None and first is not ph and first.case == "subj" and _agent_ok(first):
        h = _head(first)
        if h and h[0].type == "ORG" and h[0].cls != "NewsMediaOrganization":
            return h[0]
    # "솔라온전자를 찾아 쑨하오 회장과": the organisation named just before
    for q in reversed(sent.phrases[max(0, k - 2) : k]):
        h = _head(q)
        if h and h[0].type == "ORG" and h[0].cls not in ("NewsMediaOrganization",):
            return h[0]
    for _r, t in m.entity.role_targets:
        if t is not None:
            return t
    return None


def _located(sent: Sentence, col: _Collector, lex: Lexicon) -> None:
    """locatedIn from juxtaposition, "X의 Y", "X에 있는/본사를 둔 Y" and names built on a place."""
    ms = [m for m in sent.mentions if m.entity is not None and not m.ref]
    for m in ms:
        e = m.entity
        if e.in_place is not None and e.in_place is not e:
            col.by_rule(e, "locatedIn", e.in_place, sent, "name_in_place")
    # juxtaposed places: "경기 평택", "미국 오스틴", "충남 당진시 석문국가산업단지"
    for a, b in zip(ms, ms[1:], strict=False):
        gap = _DIRECTION.sub(" ", sent.span_text(a.end, b.start))
        # "춘천 한빛대학교", "서울 중구 한빛협회": a body right after its city or district (not after a
        # country or province: "미국 상무부" names the country's own body)
        if (
            a.type == "LOC"
            and b.type == "ORG"
            and gap == " "
            and a.entity.cls in ("City", "AdministrativeArea")
            and _rank(a.entity) >= 2
            and b.entity.cls not in ("NewsMediaOrganization", "GovernmentOrganization")
            and not b.ref
        ):
            col.by_rule(b.entity, "locatedIn", a.entity, sent, "juxtaposed_body")
        # "울산 북구·울주군": each member of a ·-list after the place lies in it
        after_b = ms.index(b) + 1
        nxt = ms[after_b] if after_b < len(ms) else None
        if (
            nxt is not None
            and a.type == b.type == nxt.type == "LOC"
            and gap == " "
            and re.fullmatch(r"[·ㆍ]", sent.span_text(b.end, nxt.start))
            and nxt.entity.cls == b.entity.cls
            and 0 <= _rank(a.entity) < _rank(nxt.entity)
        ):
            col.by_rule(nxt.entity, "locatedIn", a.entity, sent, "juxtaposed_list")
        if (a.type != "LOC" or b.type != "LOC" or gap.strip() or not gap) and not (
            a.type == "LOC" and b.type == "LOC" and re.fullmatch(r"\([^)]*\)\s*", gap or "x")
        ):
            continue
        if 0 <= _rank(a.entity) < _rank(b.entity):
            col.by_rule(b.entity, "locatedIn", a.entity, sent, "juxtaposed_places")
            # "경기 평택시와 안성시, 이천시": the place before a list holds each of its members
            ph = next((p for p in sent.phrases if p.start <= b.start < p.end), None)
            if ph is not None and ph.mentions and ph.mentions[-1] is b and a in ph.mentions:
                for q in _list_after(sent, ph):
                    h = _head(q)
                    if len(q.mentions) == 1 and h and h[0].cls == b.entity.cls and h[0].type == "LOC":
                        col.by_rule(h[0], "locatedIn", a.entity, sent, "juxtaposed_list")
    # "A현·B현·C현 등 3개 일본 지방정부": the members of a counted list lie in the country after the count
    for i, c in enumerate(ms):
        if c.type != "LOC" or c.entity.cls != "Country" or i == 0:
            continue
        before = sent.span_text(ms[i - 1].end, c.start)
        if not re.fullmatch(r"\s?등\s?\d+\s?개\s?(?:국\s?)?", before):
            continue
        k = i - 1
        while k >= 0:
            x = ms[k]
            if (
                x.type != "LOC"
                or x.entity.cls in ("Country", "Facility")
                or _rank(x.entity) <= _rank(c.entity)
            ):
                break
            col.by_rule(x.entity, "locatedIn", c.entity, sent, "juxtaposed_list")
            if k == 0 or not re.fullmatch(r"\s?[·ㆍ,]\s?", sent.span_text(ms[k - 1].end, x.start)):
                break
            k -= 1
    # "캄보디아의 수도 프놈펜", "온타리오주 주도인 토론토": the capital of a place lies in it
    capitals = sorted(lex.words.get("capital", ()), key=len, reverse=True)
    if capitals and any(w in sent.text for w in capitals):
        cap = re.compile(
            r"^(?:\([^)]*\))?\s?(?:의\s)?\s?" + alternation(tuple(capitals)) + r"(?:인|이자)?\s$"
        )
        for a, b in zip(ms, ms[1:], strict=False):
            if (
                a.type == b.type == "LOC"
                and b.entity.cls in ("City", "AdministrativeArea")
                and cap.match(sent.span_text(a.end, b.start))
                and _rank(a.entity) >= 0
            ):
                col.by_rule(b.entity, "locatedIn", a.entity, sent, "capital_of")
    desc = tuple(lex.words.get("descriptor", ()))
    _local_bodies(sent, ms, col, desc)
    # "캐나다의 한인 경제단체인 B", "스페인의 자동차부품 업체 B": a place's body introduced by a descriptor
    for a, b in zip(ms, ms[1:], strict=False):
        if a.type != "LOC" or a.entity.cls == "Facility" or b.type != "ORG" or b.ref:
            continue
        if b.entity.cls in ("NewsMediaOrganization", "GovernmentOrganization"):
            continue
        gap = sent.span_text(a.end, b.start)
        words = gap[1:].split() if gap.startswith("의 ") else []
        if 1 <= len(words) <= 3 and words[-1].rstrip("인").endswith(desc) and gap.endswith(" "):
            col.by_rule(b.entity, "locatedIn", a.entity, sent, "genitive_descriptor")
    for k, p in enumerate(sent.phrases):
        pm = [m for m in p.mentions if m.entity is not None]
        # "캐나다 물류기업 블루웨이브로지스틱스": a place, a descriptor, the organisation
        for i, a in enumerate(pm):
            if a.type != "LOC" or a.entity.cls == "Facility":
                continue
            for b in pm[i + 1 :]:
                if b.type == "ORG":
                    between = sent.span_text(a.end, b.start)
                    words = [w for w in re.split(r"\s+", between.strip()) if w]
                    if (
                        words
                        and any(w.rstrip("인").endswith(desc) or w in ("현지",) for w in words)
                        and all(
                            not x.entity or x.entity.type != "LOC" for x in pm if a.end <= x.start < b.start
                        )
                    ):
                        col.by_rule(b.entity, "locatedIn", a.entity, sent, "place_descriptor_org")
                    break
        # "X의 Y" and "X 당국인 Y"
        nxt = sent.phrases[k + 1] if k + 1 < len(sent.phrases) else None
        if nxt is None or not pm or not nxt.mentions:
            continue
        joined = p.case == "gen" or (
            p.after is not None and p.after.text.endswith("인") and p.after.text[:-1].endswith(desc)
        )
        # "태국의 방콕": a city after its country or province in the genitive
        y0 = nxt.mentions[0]
        if (
            p.case == "gen"
            and pm[-1].type == "LOC"
            and y0.entity is not None
            and y0.type == "LOC"
            and not y0.ref
            and y0.entity.cls in ("City", "AdministrativeArea")
            and pm[-1].entity.cls in ("Country", "AdministrativeArea")
            and 0 <= _rank(pm[-1].entity) < _rank(y0.entity)
            and y0.start == nxt.start
        ):
            col.by_rule(y0.entity, "locatedIn", pm[-1].entity, sent, "genitive_place")
        if joined and pm[-1].type == "LOC":
            y = nxt.mentions[0]
            if (
                y.entity is not None
                and (y.type == "ORG" or y.entity.cls == "Facility")
                and not any(x.type == "PERSON" for x in nxt.mentions)
            ):
                col.by_rule(y.entity, "locatedIn", pm[-1].entity, sent, "genitive_site")
    # "X에 있는/위치한/본사를 둔 Y"
    located = lex.words.get("located", frozenset())
    for c in sent.clauses:
        if not c.relative or c.next_phrase is None:
            continue
        last = c.words[-1].text if c.words else ""
        if not any(last.startswith(v) or last == v for v in located):
            continue
        places = [p for p in c.phrases if p.particle == "에" and _head(p) and _head(p)[0].type == "LOC"]
        if not places:
            continue
        x = _head(places[-1])[0]
        targets = [c.next_phrase, *_list_after(sent, c.next_phrase)]
        for q in targets:
            for y in _head(q):
                if y.type == "ORG" or y.cls == "Facility":
                    col.by_rule(y, "locatedIn", x, sent, "located_clause")


def _local_bodies(sent: Sentence, ms: list, col: _Collector, desc: tuple[str, ...]) -> None:
    """ "X를 방문 중인 A 시장이 현지 투자회사 B와 …": a body called local (현지) lies in the
    foreign place the sentence named before it."""
    for b in ms:
        if b.type != "ORG" or b.entity.cls in ("NewsMediaOrganization", "GovernmentOrganization"):
            continue
        before = sent.span_text(sent.start, b.start)
        k = before.rfind("현지 ")
        if k < 0:
            continue
        words = before[k + 3 :].split()
        if len(words) > 3 or not all(w.rstrip("인").endswith(desc) or w in ("한인", "교민") for w in words):
            continue
        at = sent.start + k
        places = [
            m
            for m in ms
            if m.end <= at
            and m.type == "LOC"
            and m.entity.cls in ("City", "AdministrativeArea", "Country")
            and not _is_kr(m.entity)
        ]
        if places:
            col.by_rule(b.entity, "locatedIn", places[-1].entity, sent, "local_body")


def _list_after(sent: Sentence, p: Phrase) -> list[Phrase]:
    out = []
    k = sent.phrases.index(p)
    cur = p
    while (cur.case == "comp" or cur.particle == ",") and k + 1 < len(sent.phrases):
        k += 1
        cur = sent.phrases[k]
        out.append(cur)
    return out


_THREE_WAY = re.compile(r"(3|삼|세)\s?(자|개\s?(기관|시|도시|사))")


_SIGNED_BY = re.compile(r"에(?:는|도)?\s.*서명(?:했|하였|을 했)")


_SISTER_NOUN = re.compile(
    r"(?:자매|우호|자매·우호|우호\s?협력|우호\s?교류)\s?(?:결연\s?)?도시(?:인|이자|로서|\s)"
)


_SITS = re.compile(r"(자리\s?(잡고|하고|잡아)|위치(하고|해)|입주(하고|해)|소재(하고|해))\s?있")


def _located_main(sent: Sentence, masked: str, col: _Collector) -> None:
    """ "X에는 A를 비롯해 B, C 등 12개 기관이 자리 잡고 있다", "A는 X에 위치해 있다": each body named
    sits in the place of the 에-phrase."""
    m = _SITS.search(masked)
    if m is None:
        return
    cue = sent.start + m.start()
    places = [
        p
        for p in sent.phrases
        if p.end <= cue and p.particle in ("에", "에는", "에도") and _head(p) and _head(p)[0].type == "LOC"
    ]
    if len(places) != 1:
        return
    place = _head(places[0])[-1]
    for p in sent.phrases:
        if p.end > cue or p is places[0]:
            continue
        if p.case in ("subj", "comp", "obj") or p.particle == "," or not p.particle:
            for e in _ents(p, ("ORG",)):
                if e.cls != "NewsMediaOrganization" and not col.has(e, "locatedIn", place):
                    col.by_rule(e, "locatedIn", place, sent, "located_main")


_BELONGS = re.compile(r"에\s?속(?:한|해\s?있는|하는|해\s?있다|한다)")


# "A사는 X단지 내에 위치한 반도체 업체로": the subject described as a firm sitting in a place
_SITS_DESCRIBED = re.compile(
    r"(?:내에|안에|에)\s?(?:위치한|있는|소재한|자리한|입주한)\s(?:[^\s,.]+\s){0,3}?[^\s,.]*(?:업체|기업|회사|법인)(?:로|으로|이다|다)"
)


def _located_subject(sent: Sentence, masked: str, col: _Collector) -> None:
    """ "㈜가람테크는 솔내산업단지 내에 위치한 반도체 업체로 …": the company the sentence is about lies
    in the place its description puts it in."""
    m = _SITS_DESCRIBED.search(masked)
    if m is None:
        return
    cue = sent.start + m.start()
    holder = next((p for p in sent.phrases if p.start < cue + 2 <= p.end and _head(p)), None)
    if holder is None:
        holder = next((p for p in reversed(sent.phrases) if p.end <= cue + 2 and _head(p)), None)
    subj = next((p for p in sent.phrases if p.case == "subj" and p.end <= cue and _head(p)), None)
    if holder is None or subj is None or holder is subj:
        return
    place, firm = _head(holder)[-1], _head(subj)[0]
    if place.type == "LOC" and firm.type == "ORG" and firm.cls != "NewsMediaOrganization":
        col.by_rule(firm, "locatedIn", place, sent, "located_subject")


def _belongs_to(sent: Sentence, masked: str, col: _Collector) -> None:
    """ "누리시는 가람국 솔내주에 속한 인구 30만 명의 도시로": the place the sentence is about lies in the
    place it is said to belong to (the last place of the 에-phrase, a larger one)."""
    m = _BELONGS.search(masked)
    if m is None:
        return
    cue = sent.start + m.start() + 1
    holder = next((p for p in sent.phrases if p.end == cue and p.particle == "에" and _head(p)), None)
    subj = next((p for p in sent.phrases if p.case == "subj" and p.end <= cue and _head(p)), None)
    if holder is None or subj is None:
        return
    # the place must end the phrase: in "필리핀 누리섬 솔내주에" with the province unknown, the country
    # is no neighbour of the city
    h = holder.head
    if h is None or h.entity is None or h.type != "LOC" or not _name_ends(holder):
        return
    big, small = h.entity, _head(subj)[0]
    if big.cls == "Facility" or small.type != "LOC" or not 0 <= _rank(big) < _rank(small):
        return
    col.by_rule(small, "locatedIn", big, sent, "belongs_to")


def _name_ends(p: Phrase) -> bool:
    """Whether the phrase's head name ends it ("B시 대표단이" too): in "X(長野)현 Y정을" with Y unknown,
    X is not what the phrase names."""
    if p.head is None:
        return False
    rest = re.sub(r"\([^)]*\)", "", p.text[p.head.end - p.start :])
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    return rest.strip() in ("", "대표단", "방문단", "사절단", "일행", "정부", "시정부")


def _sister_apposition(sent: Sentence, masked: str, col: _Collector, agent: list[Ent]) -> None:
    """ "자매도시인 일본 X현 Y정을 방문했다", "A군의 자매도시인 B시 대표단": the place named after the
    noun is the sister of the place before it in the genitive, else of the sentence's subject."""
    for m in _SISTER_NOUN.finditer(masked):
        at = sent.start + m.end()
        after = next((p for p in sent.phrases if p.end > at and p.start >= at - 1), None)
        inside = next((p for p in sent.phrases if p.start < at - 1 < p.end), None)
        if inside is not None and inside.head is not None and inside.head.start >= at:
            # "자매도시 B시에 대표단을 보냈다": the noun and the name in one phrase
            after = inside
        elif after is None or sent.span_text(at, after.start).strip():
            continue
        sisters = [e for e in _head(after) if e.type == "LOC" and e.cls != "Country"]
        if not sisters or not _name_ends(after):
            continue
        k = sent.phrases.index(after)
        before = next((p for p in reversed(sent.phrases[:k]) if p.end <= sent.start + m.start()), None)
        home: Ent | None = None
        if before is not None and before.case == "gen" and _head(before):
            home = _head(before)[0]
        else:
            home = _subject_party(sent)
            if home is None:
                home = next((p for p in (party_of(e) for e in agent) if p is not None), None)
        if home is None or home.type != "LOC" or home.cls == "Country":
            continue
        for t in sisters:
            if _ok_pair(col, home, t):
                col.by_rule(home, "sisterCityOf", t, sent, "sister_apposition")


_SISTER_TOPIC = re.compile(
    r"^(?:해외\s?|국외\s?|국내외\s?)?(?:자매|우호|자매·우호|우호\s?협력|우호\s?교류)\s?(?:결연\s?)?도시"
)
_COPULA = re.compile(r"^(?:이?다|이며|이고|이자|로서|이다)[\s.,]|^(?:이?다|이며|이고|이자|로서|이다)$")
_ANNIVERSARY = re.compile(r"(?:자매|우호)\s?(?:도시\s?)?(?:결연|협약|교류)\s?\d+\s?주년")


def _sister_named(sent: Sentence, masked: str, col: _Collector, agent: list[Ent]) -> None:
    """Sister ties named by the noun after a place in the genitive: "X의 (해외) 자매도시는 A, B 등
    3곳이다" (each place listed is X's sister) and "A는 X의 우호도시다" (the subject's place and X);
    and a visit on the anniversary of a tie ("자매결연 20주년을 맞아 B시를 방문했다"): the visitor's
    place and the place visited."""
    for k, p in enumerate(sent.phrases):
        if p.case != "gen" or not _head(p):
            continue
        home = _head(p)[-1]
        q = sent.phrases[k + 1] if k + 1 < len(sent.phrases) else None
        rest = masked[p.end - sent.start :].lstrip()
        noun = _SISTER_TOPIC.match(rest)
        if home.type != "LOC" or home.cls == "Country" or not noun or (q is not None and q.mentions):
            continue
        tail = re.match(r"\S*", rest[noun.end() :]).group()  # "는", "로는", "다", "이며" …
        if _COPULA.match(tail + " "):
            other = _subject_party(sent)
            if (
                other is not None
                and other.type == "LOC"
                and other.cls != "Country"
                and _ok_pair(col, home, other)
            ):
                col.by_rule(home, "sisterCityOf", other, sent, "sister_named")
            continue
        if q is None or tail not in ("는", "은", "로는", "으로는") and q.case != "subj":
            continue
        ms = [x for x in sent.mentions if x.entity is not None and not x.ref and x.start >= q.end]
        for i, x in enumerate(ms):
            if x.type != "LOC" or x.entity.cls in ("Country", "Facility") or x.entity is home:
                continue
            if _chain_head(sent, ms, i):
                continue
            if _ok_pair(col, home, x.entity):
                col.by_rule(home, "sisterCityOf", x.entity, sent, "sister_named")
    if not _ANNIVERSARY.search(masked) or not any(c in masked for c in (*_NOUN_CUES, "찾", "방문")):
        return
    home = _home_party(sent, agent)
    if home is None or home.type != "LOC" or home.cls == "Country":
        return
    for p in sent.phrases:
        if p.case not in ("obj", "loc") or p.particle.startswith(("에서", "에게")) or not _head(p):
            continue
        t = _head(p)[-1]
        after = sent.span_text(p.end, p.end + 6).lstrip()
        visited = re.match(r"(방문|찾|순방)", after)
        if visited and t.type == "LOC" and t.cls not in ("Country", "Facility") and _ok_pair(col, home, t):
            col.by_rule(home, "sisterCityOf", t, sent, "sister_named")


_SISTER_COUNT = re.compile(
    r"등\s?(?:\d+|[한두세네]|다섯|여섯|일곱|여덟|아홉|열)\s?(?:개국\s?\d+\s?)?개\s?"
    r"(?:해외\s?|국내외\s?)?(?:자매|우호|자매·우호|자매\s?우호)\s?(?:협력\s?|교류\s?)?(?:결연\s?)?도시"
)


@lru_cache(maxsize=4)
def _purpose(coop_cues: tuple[str, ...]) -> re.Pattern:
    """Cooperation named as a purpose ("협력방안 논의를 위해", "교류 협력을 위한"), not stated as an
    activity; built once per cue list, not per sentence."""
    return re.compile(rf"(?:{alternation(coop_cues)})[^,.·]{{0,14}}?(?:위해|위한|위하여)")


def _chain_head(sent: Sentence, ms: list, i: int) -> bool:
    """Whether mention i is the province of a chain "<province> <city>시" (a place right after it)."""
    nxt = ms[i + 1] if i + 1 < len(ms) else None
    return nxt is not None and nxt.type == "LOC" and not sent.span_text(ms[i].end, nxt.start).strip(" ()")


def _home_party(sent: Sentence, agent: list[Ent]) -> Ent | None:
    """The party the sentence's subject stands for: its named place or body, else the agent's party."""
    return _subject_party(sent) or next((q for q in (party_of(e) for e in agent) if q is not None), None)


def _sister_list(sent: Sentence, masked: str, col: _Collector, agent: list[Ent]) -> None:
    """ "A군은 B·C·D 등 3개 자매도시를 두고 있다": each place of the list before the count is a sister
    of the subject's place (of a chain "<country> <province> <city>" only the last place)."""
    m = _SISTER_COUNT.search(masked)
    if not m:
        return
    home = _home_party(sent, agent)
    if home is None or home.type != "LOC" or home.cls == "Country":
        return
    end = sent.start + m.start()
    ms = [x for x in sent.mentions if x.entity is not None and not x.ref and x.end <= end]
    start = max((x.end for x in ms if x.entity is home), default=sent.start)
    for i, x in enumerate(ms):
        if x.start < start or x.type != "LOC" or x.entity.cls in ("Country", "Facility") or x.entity is home:
            continue
        if _chain_head(sent, ms, i):
            continue
        if _ok_pair(col, home, x.entity):
            col.by_rule(home, "sisterCityOf", x.entity, sent, "sister_list")


def _sister_relative(sent: Sentence, masked: str, col: _Collector, lex: Lexicon, agent: list[Ent]) -> None:
    """A sister tie in a relative clause: "자매결연 30주년을 맞은 B시를 찾았다" (B and the subject's place),
    "B시는 A시가 2009년 우호협력 협정을 체결한 도시로" (the clause's own subject and B)."""
    for ci, c in enumerate(sent.clauses):
        if not c.relative or c.next_phrase is None:
            continue
        cue_c = c
        if ci > 0 and c.text.strip() in ("있는", "있던", "온", "왔던"):
            cue_c = sent.clauses[ci - 1]  # "자매결연을 맺고 있는 B시": the cue is in the clause before
        seg = masked[cue_c.start - sent.start : c.end - sent.start]
        if not (_clause_cue(cue_c, sent, masked, _strong_sister(), lex) or _WEAK_SISTER.search(seg)):
            continue
        if any(w in seg for w in lex.words.get("modality", ())) or re.search(
            r"추진|검토|논의|협의|타진", seg
        ):
            continue  # "자매결연을 추진하고 있는 B시": not tied yet
        inner = [p for p in (*cue_c.phrases, *c.phrases) if p.case == "subj" and _head(p) and _agent_ok(p)]
        nxt = c.next_phrase
        outer = _subject_party(sent)
        if outer is None:
            outer = next((q for q in (party_of(e) for e in agent) if q is not None), None)
        if _head(nxt):
            if not _name_ends(nxt):
                continue
            target = next((e for e in reversed(_head(nxt)) if e.type == "LOC" and e.cls != "Country"), None)
            home = party_of(_head(inner[-1])[0]) if inner else outer
        elif re.match(r"(도시|지역|곳)", nxt.text) and inner:
            # "B시는 A시가 … 체결한 도시로": the clause's subject and the sentence's subject
            target, home = outer, party_of(_head(inner[-1])[0])
        else:
            continue
        if target is None or home is None or home.type != "LOC" or home.cls == "Country" or home is target:
            continue
        if target.type != "LOC" or not _ok_pair(col, home, target):
            continue
        col.by_rule(home, "sisterCityOf", target, sent, "sister_relative")
        if _signed(seg, lex):
            col.by_rule(home, "signsAgreementWith", target, sent, "sister_relative_signed")


def _three_way(masked: str) -> bool:
    """A three-party agreement ("3자 협약", "3개 기관이 협약을"), not a count of the partners listed
    ("A, B, C 등 3개 도시와"): the partners of the subject, each on its own."""
    for m in _THREE_WAY.finditer(masked):
        if re.match(r"\s?(와|과|에서|으로부터|로부터)", masked[m.end() :]) or re.search(
            r"등\s?$", masked[: m.start()]
        ):
            continue
        return True
    return False


_QUOTED = re.compile(r"[‘'“\"]([^’'”\"]{4,80})[’'”\"]")
_TITLE_JOINT = re.compile(r"\s?[-·‧ㆍ]\s?")


def _agreement_title(sent: Sentence, col: _Collector, lex: Lexicon) -> None:
    """ "‘가람시-누리시 우호교류 협력 양해각서’를 체결했다": the two sides an agreement's quoted title
    joins with a hyphen or a middle dot sign it; a tie word in the title (우호교류, 자매결연) makes
    two places sister cities too."""
    nouns = tuple(lex.words.get("agreement", ()))
    ties = tuple(lex.cues.get("sisterCityOf", ()))
    for q in _QUOTED.finditer(sent.text):
        title = q.group(1)
        if not nouns or not any(n in title for n in nouns):
            continue
        lo, hi = sent.start + q.start(1), sent.start + q.end(1)
        inside = [
            m
            for m in sent.mentions
            if m.entity is not None and m.type in ("ORG", "LOC") and lo <= m.start and m.end <= hi
        ]
        for k, a in enumerate(inside[:-1]):
            joint = _TITLE_JOINT.fullmatch(sent.span_text(a.end, inside[k + 1].start))
            if joint is None:
                continue
            # the other side: the last name of the run right after the joint ("가람국 누리성")
            run = [inside[k + 1]]
            for b in inside[k + 2 :]:
                if sent.span_text(run[-1].end, b.start).strip():
                    break
                run.append(b)
            x, y = a.entity, run[-1].entity
            if x is y:
                break
            col.by_rule(x, "signsAgreementWith", y, sent, "agreement_title")
            if (
                ties
                and any(t in title for t in ties)
                and x.type == y.type == "LOC"
                and "Country" not in (x.cls, y.cls)
            ):
                col.by_rule(x, "sisterCityOf", y, sent, "agreement_title_tie")
            break


def _signed(masked: str, lex: Lexicon) -> bool:
    """An agreement noun right before a signing verb ("업무협약(MOU)을 체결", "의향서'에 서명"), or the
    signatories between them ("협약서에는 A 시장과 B 대표가 서명했다")."""
    nouns = lex.words.get("agreement", ())
    if _any_word(nouns).search(masked) is None:
        return False  # most sentences name no agreement: no blanking, no look for a verb
    text = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), masked)
    for noun in nouns:
        i = text.find(noun)
        if i >= 0 and _SIGNED_BY.match(re.sub(r"^[서문]?", "", text[i + len(noun) :])):
            k = text.rfind("서명")
            if not _modal_after(text, k + 2, lex):
                return True
    for noun in nouns:
        i = text.find(noun)
        while i >= 0:
            tail = text[i + len(noun) : i + len(noun) + 14]
            for verb in lex.words.get("sign", ()):
                k = tail.find(verb)
                if 0 <= k <= 10 and not _modal_after(text, i + len(noun) + k + len(verb), lex):
                    return True
            i = text.find(noun, i + 1)
    return False


def _groups(
    sent: Sentence, phrases: list[Phrase], agent: list[Ent], joint: bool = False
) -> tuple[list[Ent], list[Ent]]:
    """The parties on the subject side ("A와 B는") and on the partner side ("C와") of `phrases`; with
    `joint`, bodies named "와 함께" are partners too."""
    subj: list[Ent] = []
    obj: list[Ent] = []

    def add(group: list[Ent], e: Ent | None) -> None:
        if e is not None and e.type in ("ORG", "LOC") and e.cls != "NewsMediaOrganization" and e not in group:
            group.append(e)

    subj_phrases: list[Phrase] = []
    for p in phrases:
        if (p.case == "subj" or (p.particle == "," and p is sent.phrases[0])) and _party_ok(p):
            subj_phrases = [*_list_before(sent, p), p]
            break
    for p in subj_phrases:
        for e in _joined(sent, p):
            add(subj, party_of(e))
    if not subj:
        for e in agent:
            add(subj, party_of(e))
    for p in phrases:
        if p in subj_phrases or not _party_ok(p):
            continue
        together = p.after is not None and p.after.text.startswith("함께")
        # "A는 B, C와 함께 협약을 체결했다": bodies (not people) along with the subject are parties too
        if together and joint and not any(e.type == "PERSON" for e in _head(p)):
            together = False
        if p.case == "comp" and not together:
            for q in [*_list_before(sent, p), p]:
                if q in subj_phrases or not _party_ok(q):
                    continue
                for e in _joined(sent, q):
                    add(obj, party_of(e))
    obj = [e for e in obj if e not in subj]
    return subj, obj


def _party_ok(p: Phrase) -> bool:
    """A phrase that names a party of an agreement or a tie: an agent, or a place's travelling party
    ("B군 우호대표단은 … 협정서를 체결하고": the place signs)."""
    if _agent_ok(p):
        return True
    h = p.head
    if h is None or h.entity is None or h.type != "LOC" or h.entity.cls == "Country":
        return False
    rest = re.sub(r"\([^)]*\)", "", p.text[h.end - p.start :])
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    rest = rest.strip()
    words = tuple(load_lexicon().words.get("delegation", ()))
    return bool(rest) and " " not in rest.strip() and rest.endswith(words)


def _joined(sent: Sentence, p: Phrase) -> list[Ent]:
    """The parties of a phrase: every name of "A·B·C와" (joined by · or a comma), else its head."""
    ms = [m for m in p.mentions if m.entity is not None and not m.extra.get("aside")]
    # a place suffix may be left outside a short place name ("OO도·한빛공사·한빛대와")
    if len(ms) >= 2 and all(
        re.fullmatch(r"[도시군구]?\s*[·ㆍ,]\s*", sent.span_text(a.end, b.start))
        and (not sent.span_text(a.end, b.start)[:1].strip("·ㆍ, ") or a.type == "LOC")
        for a, b in zip(ms, ms[1:], strict=False)
    ):
        out: list[Ent] = []
        for m in ms:
            if m.entity not in out:
                out.append(m.entity)
        return out
    return _head(p)


def _pairs(subj: list[Ent], obj: list[Ent], all_pairs: bool) -> list[tuple[Ent, Ent]]:
    pairs = [(a, b) for a in subj for b in obj]
    if len(subj) >= 2 and not obj or all_pairs:
        everyone = subj + obj
        pairs = [(a, b) for i, a in enumerate(everyone) for b in everyone[i + 1 :]]
    return pairs


def _ok_pair(col: _Collector, a: Ent, b: Ent) -> bool:
    return not (
        a is b or _is_role_target_pair(a, b) or col.has(a, "locatedIn", b) or col.has(b, "locatedIn", a)
    )


def _parties(sent: Sentence, masked: str, col: _Collector, lex: Lexicon, agent: list[Ent]) -> None:
    """signsAgreementWith and sisterCityOf between the sentence's two sides; cooperatesWith by clause."""
    # "…와 업무협약도 체결한다": a signing in the plain present is scheduled (the planned pass reads it)
    sign = _signed(masked, lex) and not (_MODE.get() == "done" and signing_scheduled(masked, lex))
    strong = any(
        not _tie_planned(masked, m.end(), lex)
        for w in _strong_sister()
        if w in masked  # most sentences hold none: no pattern is compiled and run for them
        for m in re.finditer(re.escape(w), masked)
    )
    weak = any(not _tie_planned(masked, m.end(), lex) for m in _WEAK_SISTER.finditer(masked))
    three = _three_way(masked)
    if sign:
        _agreement_title(sent, col, lex)
    if sign or strong or weak:
        # "A는 B와 협력해 C와 협약을 체결했다": B is a partner of the cooperation clause, not a signer
        aside = {
            id(q)
            for c in sent.clauses
            if _COOP_CLAUSE.search(c.text)
            and not _signed(masked[c.start - sent.start : c.end - sent.start], lex)
            for q in c.phrases
            if q.case == "comp"
        }
        subj, obj = _groups(sent, [q for q in sent.phrases if id(q) not in aside], agent, joint=True)
        # "A는 B, C와 함께 … 체결했다": one agreement of all of them, every pair signs
        joint = any(
            p.case == "comp"
            and p.after is not None
            and p.after.text.startswith("함께")
            and _head(p)
            and not any(e.type == "PERSON" for e in _head(p))
            for p in sent.phrases
        )
        # "A 총장과 B 대표 등이 참석한 가운데 … 협약을 체결했다": the bodies of the people present sign,
        # unless the partner is named ("… 가운데 A청은 B사와 협약을"): then they are witnesses
        if sign and not obj and re.search(r"참석한\s?가운데", masked):
            for p in sent.phrases:
                if p.case == "subj" and sent.span_text(p.end, p.end + 12).lstrip().startswith("참석한"):
                    for q in [*_list_before(sent, p), p]:
                        for e in _head(q):
                            b = party_of(e) if e.type == "PERSON" else None
                            if b is not None and b not in subj and b not in obj:
                                obj.append(b)
        if len(subj) >= 2 and not obj and _after_signing(sent, masked, lex):
            subj = []
        listed = len(subj) >= 2 and not obj
        # "A시는 B도·C공사·D대와 협약을 체결했다": one agreement of all of them (not investment deals,
        # which are one company each, nor "각각")
        many = (
            len(obj) >= 2
            and not _INVEST_DEAL.search(masked)
            and "각각" not in masked
            and not all(e.cls == "Company" for e in obj)
            and _one_clause_of_partners(sent)
            # "A시는 B성, C성과 우호협력도시 협약을 맺고": a tie of places is one agreement per partner
            and not ((strong or weak) and all(e.type == "LOC" for e in [*subj, *obj]))
        )
        everyone = three or (joint and len(subj) + len(obj) >= 3)
        # a sister tie is always between two places: "A시는 B, C 등 3개 도시와 자매결연" ties A to each
        bilateral = {(a.id, b.id) for a, b in _pairs(subj, obj, False)}
        for a, b in _pairs(subj, obj, everyone or many):
            # parties listed one by one ("A도와 B시, C사는") sign even when one lies in the other
            if not (listed and sign and a is not b and not _is_role_target_pair(a, b)) and not _ok_pair(
                col, a, b
            ):
                continue
            if (
                (strong or weak)
                and (a.id, b.id) in bilateral
                and a.type == "LOC"
                and b.type == "LOC"
                and "Country" not in (a.cls, b.cls)
            ):
                col.by_rule(
                    a, "sisterCityOf", b, sent, "sister_parties/strong" if strong else "sister_parties"
                )
            if sign:
                col.by_rule(a, "signsAgreementWith", b, sent, "sign_parties")
        # "A도와 B청, C시는 D사와 투자협약을 체결했다": the subjects listed by name sign one agreement
        # with D, so they are its parties with each other too (CONTRACT: all pairs of a many-party
        # signing); the firms of the other side are not ("D사, E사와" are separate deals)
        if sign and obj and "각각" not in masked:
            first = next((p for p in sent.phrases if p.case == "subj" and _party_ok(p)), None)
            heads = [
                h
                for q in ([*_list_before(sent, first), first] if first is not None else [])
                for h in q.mentions[-1:]
                if h.entity is not None and h.type in ("ORG", "LOC") and not h.extra.get("pair")
            ]
            listed_subj = [e for e in subj if any(h.entity is e for h in heads)]
            for i, a in enumerate(listed_subj):
                for b in listed_subj[i + 1 :]:
                    if not _is_role_target_pair(a, b):
                        col.by_rule(a, "signsAgreementWith", b, sent, "co_signers")
    coop_cues = [*lex.cues["cooperatesWith"], "손을 잡", "손잡"]
    coop_masked = non_activity_blanked(_purpose(tuple(coop_cues)).sub(_blank, masked), tuple(coop_cues), lex)
    # "이번 협약을 통해 A와 B는 … 협력을 추진한다": cooperation told as the terms of an agreement
    # they signed is that signing, not a cooperation of its own
    terms = AGREEMENT_TERMS.search(masked) is not None
    # … when the sentence names both ("양 기관은" stands for parties read off other sentences)
    named = {m.entity.id for m in sent.mentions if m.entity is not None and not m.extra.get("pair")}
    for ci, c in enumerate(sent.clauses):
        _joint_activity(sent, ci, masked, col, lex, agent)
        if not _clause_cue(c, sent, coop_masked, coop_cues, lex) or (
            not terms and _ends_planned(masked, c.start - sent.start, lex)
        ):
            continue
        ka = _agent_clause(sent, ci)
        phrases = [p for cl in sent.clauses[ka if ka is not None else ci : ci + 1] for p in cl.phrases]
        subj, obj = _groups(sent, phrases, _agent(sent, ci, agent))
        # "도와 교류하고 있는 A현·B현·C현 등 3개 지방정부": each member of the list the clause modifies
        members = _modified_list(sent, ci)
        if members and not any(p.case == "subj" for p in c.phrases):
            subj = [e for e in members if e not in obj]
        for a, b in _pairs(subj, obj, three):
            if not _ok_pair(col, a, b):
                continue
            if terms and {a.id, b.id} <= named:
                col.by_rule(a, "signsAgreementWith", b, sent, "agreement_terms")
            elif terms:
                continue
            else:
                col.by_rule(a, "cooperatesWith", b, sent, "cooperation_parties")


def _modified_list(sent: Sentence, ci: int) -> list[Ent]:
    """The places or bodies of a ·-list that the relative clause `ci` (or its "있는" after it) modifies."""
    c = sent.clauses[ci]
    rel = c if c.relative else None
    if rel is None and ci + 1 < len(sent.clauses):
        nxt = sent.clauses[ci + 1]
        if nxt.relative and nxt.text.strip() in ("있는", "있던", "온", "왔던"):
            rel = nxt
    if rel is None or rel.next_phrase is None:
        return []
    ms = [m for m in rel.next_phrase.mentions if m.entity is not None and not m.ref]
    out: list[Ent] = []
    for i, m in enumerate(ms):
        if m.type not in ("LOC", "ORG") or m.entity.cls == "Country":
            break
        out.append(m.entity)
        if i + 1 < len(ms) and not re.fullmatch(r"\s?[·ㆍ,]\s?", sent.span_text(m.end, ms[i + 1].start)):
            break
    return out if len(out) >= 2 else []


_JOINT_ACT = re.compile(
    r"(?:개최|주최|주관|운영|진행|마련|펼치|펼쳐|실시|개발|연구|출시|조성|구축)(?:했|하였|한다|하고|해|하며|하는)"
)


def _joint_activity(
    sent: Sentence, ci: int, masked: str, col: _Collector, lex: Lexicon, agent: list[Ent]
) -> None:
    """ "A시는 B대학과 함께 박람회를 개최했다": a body (not a person) named "와 함께" in a clause of a
    joint activity cooperates with the clause's subject (CONTRACT: cooperation stated as an activity)."""
    c = sent.clauses[ci]
    seg = masked[c.start - sent.start : c.end - sent.start]
    if not _JOINT_ACT.search(seg) or _modal_after(masked, c.end - sent.start, lex):
        return
    if _ends_planned(masked, c.start - sent.start, lex):
        return
    if not any(
        p.case == "comp"
        and p.after is not None
        and p.after.text.startswith("함께")
        and _head(p)
        and _head(p)[0].type in ("ORG", "LOC")
        for p in c.phrases
    ):
        return
    ka = _agent_clause(sent, ci)
    phrases = [p for cl in sent.clauses[ka if ka is not None else ci : ci + 1] for p in cl.phrases]
    subj, obj = _groups(sent, phrases, _agent(sent, ci, agent), joint=True)
    for a, b in _pairs(subj, obj, False):
        if _ok_pair(col, a, b):
            col.by_rule(a, "cooperatesWith", b, sent, "joint_activity")


_COOP_CLAUSE = re.compile(r"(?:협력|공조|협업)(?:해|하여|하고)\s*$|손(?:을\s)?잡고\s*$")


_TIE_VERB = re.compile(r"체결|맺|서명|교환")


def _tie_planned(masked: str, pos: int, lex: Lexicon) -> bool:
    """Whether the sister-city cue ending at `pos` is the object of a signing still to come: "B시를
    방문해 자매결연, 양해각서를 잇따라 체결할 예정이다" (the cue itself is planned when its verb is)."""
    if _modal_after(masked, pos, lex):
        return True
    v = _TIE_VERB.search(masked, pos, pos + 30)
    return (
        v is not None and _modal_after(masked, v.end() + 1, lex) and not _PAST.search(masked[pos : v.start()])
    )


_PLANNED_END = re.compile(r"(?:할|될|갈|열|볼)\s?(?:예정|계획|방침)(?:이다|이며|이고|이라|입니다)?[.\s]*$")


def _ends_planned(masked: str, pos: int, lex: Lexicon) -> bool:
    """Whether the sentence from `pos` runs, with no past tense between, into a planned end ("… 협업
    가능분야 등을 토론할 예정이다"): cooperation told of an event still to come is no activity yet."""
    if _MODE.get() != "done" or re.search(r"\d박\s?\d일|일정으로|중인", masked):
        return False  # the program of a trip under way counts (CONTRACT: its scheduled stops are done)
    rest = masked[pos:]
    m = _PLANNED_END.search(rest)
    return m is not None and not _PAST_ANY.search(rest[: m.start()])


# the past tense, with the contracted stems too ("교류해 왔으며", "찾아갔고")
_PAST_ANY = re.compile(r"(?:했|었|았|였|됐|왔|갔|봤|줬|냈|났|섰|쳤|켰|맺었)(?:다|고|으며|으나|는데|던|지만)")


def _after_signing(sent: Sentence, masked: str, lex: Lexicon) -> bool:
    """Whether the sentence's subject comes after its last signing verb: "X를 방문해 협약을 맺었고,
    A군과 B시도 찾았다" lists the places of the next clause, not the parties of that signing."""
    first = next((p for p in sent.phrases if p.case == "subj" and _party_ok(p)), None)
    if first is None:
        return False
    lo = _list_before(sent, first)
    start = (lo[0] if lo else first).start - sent.start
    verbs = [masked.rfind(v) for v in lex.words.get("sign", ())]
    last = max(verbs, default=-1)
    # a comma closes the signing clause; "협약을 체결한 A군과 B시는" is a relative clause of the parties
    return 0 <= last < start and "," in masked[last:start]


def _one_clause_of_partners(sent: Sentence) -> bool:
    """Whether the partners named with 와/과 stand in one clause: "A와 협약을 맺은 데 이어 B와도
    협약을 체결했다" are two agreements, each of the subject with one partner."""
    clauses = {
        ci
        for ci, c in enumerate(sent.clauses)
        for p in c.phrases
        if p.case == "comp" and _head(p) and not (p.after is not None and p.after.text.startswith("함께"))
    }
    return len(clauses) <= 1


def _is_role_target_pair(a: Ent, b: Ent) -> bool:
    return (a.in_place is b) or (b.in_place is a)


def _round_investors(sent: Sentence, masked: str, col: _Collector) -> None:
    """ "이번 투자에는 A 외에 B와 C도 참여했다": the bodies named join the round of the company that
    raised it (the seeker of an investment found earlier in the article)."""
    if not re.search(r"투자(에는|에도|에)\s.*참여", masked):
        return
    raised = [
        f.subject
        for f in col.found.values()
        if f.predicate == "seeksInvestmentFrom" and f.subject.type == "ORG"
    ]
    if not raised:
        return
    company = raised[-1]
    for p in sent.phrases:
        if p.case in ("subj", "comp") or p.particle == ",":
            for e in _head(p):
                if e.type == "ORG" and e is not company and e.cls != "NewsMediaOrganization":
                    col.by_rule(e, "investsIn", company, sent, "round_investor")
                    col.by_rule(company, "seeksInvestmentFrom", e, sent, "round_seeker")


# what follows the company courted: "A사 투자 유치", "A사의 300억원 투자를 유치", "A사를 유치"
_SEEK_TAIL = re.compile(
    r"(의\s)?([\d,.]+\s?(조|억|만|천)*\s?(원|달러|유로|엔|위안)?\s?(규모의?\s)?)?"
    r"(투자\s?유치|유치|투자(를|\s?확대를)\s?(요청|유치|제안|당부|권유|건의|이끌어|끌어))"
    r"|\s?(본사|공장|법인|연구소|생산기지)?(을|를)\s(적극\s)?유치(했|하|해|에|한)"
    # "A사 등 기업 5곳을 유치했다": the company that heads a counted list
    r"|\s?등\s[^.]{0,12}?(기업|업체|개사|곳)(을|를)\s(적극\s)?유치(했|하|해|에|한)"
)


_ATTRACTED = re.compile(
    r"(□|투자|본사|공장|법인|기업|업체|연구소|연구센터|생산기지|물류센터|데이터센터|지사|자본)"
    # a count of the firms attracted: "기업 12곳을", "3개사를", "외국기업 5개를"
    r"(\s?\d+\s?(곳|개|개사|개\s?기업))?\s?(을|를)\s?(적극\s)?$|\d+\s?(개사|개\s?기업|개\s?업체)(을|를)\s?$"
)


def _other_attraction(masked: str, m: re.Match) -> bool:
    """A bare 유치 of something that is no investment ("국제 행사를 유치했다", "대회를 유치")."""
    if "투자" in m.group() or "투자" in masked[max(0, m.start() - 12) : m.start()]:
        return False
    before = masked[: m.start()]
    return bool(re.search(r"[을를]\s?(적극\s)?$", before)) and not _ATTRACTED.search(before)


_SEEK_ASK: dict[tuple[str, ...], re.Pattern[str]] = {}


def _seek_ask_pattern(asks: tuple[str, ...]) -> re.Pattern[str]:
    """The words asking for investment as one regex, longest first (compiled once, not per sentence)."""
    got = _SEEK_ASK.get(asks)
    if got is None:
        got = _SEEK_ASK[asks] = re.compile(alternation(tuple(sorted(asks, key=len, reverse=True))))
    return got


_SEEK_SITE: dict[tuple[str, ...], re.Pattern[str]] = {}
# the words right before a company named by a relative clause of an attraction agreement
_DEAL_MEMBER = re.compile(
    r"투자\s?(유치\s?)?(협약|MOU|양해각서)(을|를)\s(맺은|체결한)\s(기업|업체|회사)(인|으로|은)?\s?$"
)


def _seek_site_pattern(sites: tuple[str, ...]) -> re.Pattern[str]:
    """The tail of a company whose site is sought ("의 4000억 원 규모 생산센터 유치"), compiled once."""
    got = _SEEK_SITE.get(sites)
    if got is None:
        got = _SEEK_SITE[sites] = re.compile(
            r"의\s([\d,.]+\s?(조|억|만|천)*\s?(원|달러|유로|엔|위안)\s?(규모의?|상당의)\s)?"
            r"([가-힣A-Za-z]+\s){0,2}?[가-힣A-Za-z]*" + alternation(sites) + r"\s?유치"
        )
    return got


def _seeks(
    sent: Sentence, masked: str, col: _Collector, lex: Lexicon, agent: list[Ent], focus: Ent | None = None
) -> None:
    m = _SEEK.search(masked)
    asks = tuple(lex.words.get("seek_ask", ()))
    ask = None
    if not m and asks:
        ask = _seek_ask_pattern(asks).search(masked)
        m = ask
    if not m or _modal_after(masked, m.end(), lex):
        return
    if _other_attraction(masked, m):
        return
    seekers: list[Ent] = []
    if ask is not None:
        # "X성 투자 설명회": the place or body named right before the words is the seeker
        cue_at = sent.start + ask.start()
        near = [
            x.entity
            for x in sent.mentions
            if x.entity is not None
            and x.type in ("LOC", "ORG")
            and x.entity.cls != "NewsMediaOrganization"
            and 0 <= cue_at - x.end <= 1
        ]
        seekers.extend(near[-1:])
    first = next((p for p in sent.phrases if p.case == "subj" or p.particle == ","), None)
    if first is not None and first is not sent.phrases[0] and first.particle == ",":
        first = None
    if first is not None and _head(first) and not seekers:
        # "도와 시는 … 유치를 위해": every body listed as the subject seeks
        for q in [*_list_before(sent, first), first]:
            for h in _head(q)[:1]:
                b = h if h.type in ("ORG", "LOC") else body_of(h)
                if b is not None and b not in seekers:
                    seekers.append(b)
    if not seekers:
        for e in agent:
            p = party_of(e)
            if p is not None:
                seekers.append(p)
    sources: list[Ent] = []
    src_phrases = [
        p
        for p in sent.phrases
        if p.case in ("comp", "src")
        and not (p.after is not None and p.after.text.startswith("함께"))
        # "A사에서 5천만달러를 유치했다": the company the money comes from
        or p.particle == "에서"
        and _head(p)
        and _head(p)[0].type == "ORG"
        and _head(p)[0].cls == "Company"
    ]
    for p in src_phrases:
        group = [p]
        if p.case == "comp":
            # "유치한 투자는 A사와 B사 두 곳": the companies listed with the partner
            group += [
                q
                for q in _list_after(sent, p)
                if q.case in ("", "comp")
                or q.particle == ","
                # "A사와 B사 등 기업 12곳을 유치했다": the last member carries the list's object case
                or q.case == "obj"
                and re.search(r"\s등(\s|$)", q.text)
            ]
        for q in group:
            for e in _head(q):
                o = e if e.type == "ORG" else (body_of(e) if e.type == "PERSON" else None)
                if o is not None and p.case == "src" and o.type == "LOC":
                    o = None
                if (
                    o is not None
                    and o.type == "ORG"
                    and o not in sources
                    and o.cls == "Company"
                    or (q is p and o is not None and o.type == "ORG" and o not in sources)
                ):
                    sources.append(o)
    rules: dict[str, str] = {}  # source id → the rule that found it, when not seek_source
    sites = tuple(lex.words.get("seek_site", ()))
    if sites:
        # "솔내시는 가람켐사의 4000억 원 규모 생산센터 유치를 추진 중": the owner of the site sought
        site_tail = _seek_site_pattern(sites)
        for mm in sent.mentions:
            e = mm.entity
            if e is None or e.type != "ORG" or e.cls != "Company" or e in seekers or e in sources:
                continue
            if site_tail.match(sent.span_text(mm.end, mm.end + 60)):
                sources.append(e)
                rules[e.id] = "seek_site_owner"
    for mm in sent.mentions:
        # "군과 투자유치 협약을 맺은 기업인 ㈜가람정밀이": the firm the relative clause names
        e = mm.entity
        if e is None or e.type != "ORG" or e.cls != "Company" or e in seekers or e in sources:
            continue
        if _DEAL_MEMBER.search(sent.span_text(max(sent.start, mm.start - 40), mm.start)):
            sources.append(e)
            rules[e.id] = "seek_deal_member"
    if not sources or ask is not None:
        # "한빛전자 투자 유치를 위해", "청솔전자 유치에 나서", "청솔전자 본사를 찾아 투자를 요청": the
        # company named before the investment word, or the company visited to ask for it
        for mm in sent.mentions:
            e = mm.entity
            if (
                e is None
                or e.type != "ORG"
                or e.cls == "NewsMediaOrganization"
                or e in seekers
                or e in sources
            ):
                continue
            tail = sent.span_text(mm.end, mm.end + 24).lstrip()
            if (
                re.match(_SEEK_TAIL, tail)
                or re.match(r"(을|를)\s상대로", tail)
                or (
                    ("요청" in m.group() or ask is not None)
                    and re.match(r"(본사|본부|공장)?(을|를)\s(직접\s|차례로\s|잇달아\s)?(찾|방문)", tail)
                )
            ):
                sources.append(e)
                if ask is not None:
                    # "A사와 B사를 차례로 방문해 … 투자 설명회": every company of the list
                    ph = next((p for p in sent.phrases if p.start <= mm.start < p.end), None)
                    if ph is not None:
                        for q in _list_before(sent, ph):
                            sources.extend(
                                x
                                for x in _head(q)
                                if x.type == "ORG" and x.cls == "Company" and x not in sources
                            )
    if not sources and ("요청" in m.group() or ask is not None):
        # "A 시장은 B C사 회장을 만나 투자를 요청했다": the company of the person met before the ask
        for p in sent.phrases:
            if p.start - sent.start >= m.start() or p.case not in ("obj", "comp"):
                continue
            if p.after is not None and p.after.text.startswith("함께"):
                continue
            h = _head(p)
            if not h or h[0].type != "PERSON" or h[0] in seekers:
                continue
            b = body_of(h[0])
            firms = [b] if b is not None and b.type == "ORG" else _ents(p, ("ORG",))
            sources.extend(
                e for e in firms if e.cls not in _NOT_FIRMS and e not in sources and e not in seekers
            )
    rule = "seek_source"
    if not sources and focus is not None and re.search(r"이번\s?투자|투자를\s?유치", masked):
        sources, rule = [focus], "seek_source/focus"  # "군은 이번 투자를 유치하고자": the company in focus
    for s in seekers:
        for o in sources:
            if o is not s:
                col.by_rule(s, "seeksInvestmentFrom", o, sent, rules.get(o.id, rule))
                # "A시는 B사로부터 투자를 유치했다": the money came, so B invests in A too
                done = re.search(r"유치(했|한|해\s?왔)|이끌어(냈|낸)", masked) is not None
                if ("로부터" in sent.text or "에서" in sent.text) and (s.type == "ORG" or done):
                    col.by_rule(o, "investsIn", s, sent, "seek_source_invests")


_INVEST_DEAL = re.compile(r"투자\s?(협약|양해각서|MOU|협정|의향서)|투자\s?유치\s?협약")
_FIRM_SOURCE = re.compile(r"(기업|업체|회사)(에서|서|으로부터|로부터)\s")
_COUNT_FIRMS = re.compile(r"\d+\s?(개|곳)\s?(기업|업체|사|회사)|\d+\s?개사")
_ENUM_TAIL = re.compile(r"\s?등(이다|이며|이고|과|와|\s|$)")
_SPEND = re.compile(
    r"(억|만)?\s?(원|달러|유로|엔|위안)(을|를)?\s?(들여|투입|투자|쏟아|써\s)"
    r"|(투자|투입)(해|하여|한다|했|하기로|키로)"
)


class _Deals:
    """Investment agreements of the article: the place or body on one side, the companies listed on
    the other ("A사, B사, C사 등 3개 기업과 투자협약"), also when the list comes in a later sentence
    ("협약에 참여한 기업은 A, B 등이다") or the seeking is said in the headline ("3개 기업서 투자 유치")."""

    def __init__(self) -> None:
        self.party: Ent | None = None
        self.seekers: list[tuple[Ent, Sentence]] = []
        self.companies: list[tuple[Ent, Sentence]] = []
        self.unnamed = False  # the last agreement counted its firms without naming them
        self.counted: list[tuple[Ent, Sentence]] = []  # (party, sentence) of such agreements

    def finish(self, col: _Collector, sents: list[Sentence]) -> None:
        for seeker, sent in self.seekers:
            for co, _s in self.companies:
                if co is not seeker:
                    col.by_rule(seeker, "seeksInvestmentFrom", co, sent, "deal_seeks/later")
        # "A도는 7개 기업과 투자협약을 했다" then "B사는 A도 C군 D단지에 20억원을 투자해 …": each firm
        # the article then says invests in a place the party holds is one of the deal's firms
        known = [m.entity for s in sents for m in s.mentions if m.entity is not None]
        for party, sent in self.counted:
            if party.type != "LOC":
                continue
            for f in list(col.found.values()):
                co = f.subject
                if (
                    f.predicate != "investsIn"
                    or f.sentence.index <= sent.index
                    or co.type != "ORG"
                    or co.cls in _NOT_FIRMS
                    or not (f.object is party or party.id in _holders(col, f.object, known))
                ):
                    continue
                col.by_rule(party, "signsAgreementWith", co, f.sentence, "deal_parties/later")
                col.by_rule(co, "investsIn", party, f.sentence, "deal_invests/later")


_NOT_FIRMS = ("NewsMediaOrganization", "GovernmentOrganization", "University")


def _firms_listed(sent: Sentence, exclude: list[Ent]) -> list[Ent]:
    """Companies of a list in the sentence: two or more joined by commas, 와/과 or ·, or one before 등."""
    firms = []
    for m in sent.mentions:
        e = m.entity
        if e is None or e.type != "ORG" or e in exclude or e in firms:
            continue
        if e.cls in _NOT_FIRMS:
            continue
        firms.append(e)
    if len(firms) >= 2:
        return firms
    if firms and _ENUM_TAIL.search(sent.text):
        return firms
    return []


def _subject_party(sent: Sentence) -> Ent | None:
    """The place or body the sentence itself names as its subject (not one carried from before)."""
    for ph in sent.phrases:
        if ph.case == "subj" and _head(ph) and _agent_ok(ph):
            p = party_of(_head(ph)[0])
            if p is not None and p.type in ("LOC", "ORG"):
                return p
            break
    if sent.phrases and sent.phrases[0].particle == "," and _head(sent.phrases[0]):
        h = _head(sent.phrases[0])[0]
        if h.type in ("LOC", "ORG"):
            return h
    return None


def _invest_agreement(
    sent: Sentence, masked: str, col: _Collector, lex: Lexicon, agent: list[Ent], deals: _Deals
) -> None:
    deal = _INVEST_DEAL.search(masked)
    seek = _SEEK.search(masked)
    counted = _COUNT_FIRMS.search(masked) or (seek and _FIRM_SOURCE.search(masked))
    # "협약에 참여한 기업은 …", "협약에 따라 A·B 등 4개 기업은 …": the firms of the deal made before
    joined = deals.party is not None and re.search(r"(협약|투자)에\s?참여|협약에\s?따라", masked)
    # "4개 기업과 투자협약 …" then "투자 기업은 ▲A사 ▲B사 등이다": the firms the deal counted
    listed = (
        deals.party is not None
        and deals.unnamed
        and not deal
        and any(w in masked for w in lex.words.get("deal_list", ()))
    )
    if not (deal or seek and counted or joined or listed):
        return
    if (deal and _modal_after(masked, deal.end(), lex)) or (seek and _modal_after(masked, seek.end(), lex)):
        return
    party = _subject_party(sent)
    if party is not None and party.type == "ORG" and party.cls == "Company":
        party = None
    if party is None:
        party = deals.party
    if party is None:
        return
    firms = _firms_listed(sent, [party])
    if not firms and deal and _signed(masked, lex):
        # "A도는 B사와 투자협약을 체결했다": the one company the place signs with
        firms = [
            e
            for p in sent.phrases
            if p.case == "comp" and not (p.after is not None and p.after.text.startswith("함께"))
            for e in _head(p)
            if e.type == "ORG" and e.cls == "Company" and e is not party
        ]
    if deal or re.search(r"(협약|투자)에\s?참여", masked):
        deals.party = party
    if deal:
        deals.unnamed = not firms and bool(counted)
        if deals.unnamed:
            deals.counted.append((party, sent))
    if listed:
        for co in firms:
            deals.companies.append((co, sent))
            col.by_rule(party, "signsAgreementWith", co, sent, "deal_parties/later")
            if party.type == "LOC":
                col.by_rule(co, "investsIn", party, sent, "deal_invests/later")
        return
    if seek and not firms and (counted or _FIRM_SOURCE.search(masked)):
        deals.seekers.append((party, sent))  # "3개 기업서 투자 유치": the firms come later
        return
    for co in firms:
        deals.companies.append((co, sent))
        if deal or re.search(r"협약", masked):
            col.by_rule(party, "signsAgreementWith", co, sent, "deal_parties")
        if party.type == "LOC":
            col.by_rule(co, "investsIn", party, sent, "deal_invests")
        if seek:
            col.by_rule(party, "seeksInvestmentFrom", co, sent, "deal_seeks")


def _invest_sites(sent: Sentence, masked: str, col: _Collector, lex: Lexicon, agent: list[Ent]) -> None:
    """ "A사는 경기 평택시 포승국가산업단지에 500억원을 들여 공장을 짓는다": the company invests in the
    site and in each place named with it."""
    m = _SPEND.search(masked)
    if not m or _modal_after(masked, m.end(), lex):
        return
    cue_at = sent.start + m.start()
    # the agent of the clause that spends ("A사가 출자해 세운 B사는 … 투자해": B, not A)
    ci = next((i for i, c in enumerate(sent.clauses) if c.start <= cue_at < c.end), None)
    if ci is not None:
        agent = _agent(sent, ci, agent)
    investors = [e for e in agent if e.type == "ORG" and e.cls not in ("NewsMediaOrganization",)]
    if not investors:
        return
    for p in sent.phrases:
        if p.start >= cue_at or not p.particle.startswith("에") or p.particle.startswith(("에서", "에게")):
            continue
        places = [x.entity for x in _site_mentions(sent, p, lex) if x.entity is not None and x.type == "LOC"]
        after = sent.span_text(p.end, p.end + 10)
        if not places or any(v in after for v in lex.words.get("located", ())) or "본사" in after:
            continue  # "대전에 본사를 둔 A사는 …": where the company is, not where it invests
        c = sent.clauses[ci] if ci is not None else None
        own = _own_investors(sent, c, p) if c is not None else None
        for a in investors if own is None else own:
            for t in places:
                col.by_rule(a, "investsIn", t, sent, "invest_site")
    for p in relocation_phrases(sent, sent.start + m.end()):
        for t in _site_ents(sent, p, lex, ("LOC",)):
            for a in investors:
                col.by_rule(a, "investsIn", t, sent, "invest_relocation")


@lru_cache(maxsize=4)
def _opening_pattern(sites: tuple[str, ...]) -> re.Pattern[str]:
    """The plant-opening pattern of the site words (compiled once, not per sentence)."""
    return re.compile(
        r"^(\(주\)|㈜)?(의\s)?\s?(?P<place>[가-힣]+\s)?(제\d\s?)?[가-힣]{0,6}?"
        + alternation(sites)
        + r"\s?(준공식|준공|개소식|기공식)"
    )


def _plant_opening(sent: Sentence, col: _Collector, lex: Lexicon) -> None:
    """ "솔내산단에서 열린 가람정밀 한별 제2공장 준공식": the company whose plant opens invests in the
    site the ceremony is held at and in the place that names the plant."""
    sites = tuple(lex.words.get("seek_site", ()))
    if not sites:
        return
    opening = _opening_pattern(sites)
    for mm in sent.mentions:
        co = mm.entity
        if co is None or co.type != "ORG" or co.cls != "Company":
            continue
        hit = opening.match(sent.span_text(mm.end, mm.end + 40))
        if hit is None:
            continue
        targets: list[Ent] = []
        if hit.group("place"):
            # "가람정밀 한별 제2공장": the place the plant is named after
            at = mm.end + hit.start("place")
            targets += [
                x.entity
                for x in sent.mentions
                if x.entity is not None and x.type == "LOC" and at <= x.start < at + len(hit.group("place"))
            ]
        for p in sent.phrases:
            # "솔내산단에서 열린 …", "솔내산단 입주기업인 가람정밀": the site of the plant
            if p.end > mm.start:
                break
            tail = sent.span_text(p.end, mm.start)
            if (p.particle.startswith("에서") and re.match(r"\s?열린\s", tail)) or re.search(
                r"입주\s?(기업|업체)(인|인\s)?\s?$", sent.span_text(p.start, mm.start)
            ):
                targets += [e for e in _site_ents(sent, p, lex) if e is not co]
        for t in targets:
            col.by_rule(co, "investsIn", t, sent, "plant_opening")


_MEETING_AT = re.compile(r"(간담회|면담|회동|오찬|만찬|회의|환담)(에는|에도)")
_JOINED = re.compile(r"참석(했|하였|한|해)|자리(를)?\s?함께|함께했")


def _meeting_attendees(sent: Sentence, masked: str, col: _Collector, carry: list[Ent]) -> None:
    """ "이날 간담회에는 A 회장과 B 회장 등이 참석했다": the host of the meeting (the person the article
    followed into it) meets each named participant; sitting in (배석) is no meeting."""
    if (
        not (_MEETING_AT.search(masked) and _JOINED.search(masked) or gathering_joined(masked))
        or "배석" in masked
    ):
        return
    hosts = [e for e in carry if e.type == "PERSON"][:1] or local_host(sent)
    if not hosts:
        return
    for p in sent.phrases:
        if p.case in ("subj", "comp") or p.particle == ",":
            for e in _head(p):
                if e.type == "PERSON" and e is not hosts[0]:
                    col.by_rule(hosts[0], "meets", e, sent, "meeting_attendee")
