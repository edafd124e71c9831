"""The extraction pipeline: an Article in, an Extraction (entities and triples with evidence) out.

The spaCy pipeline is described by `pipeline.cfg` (Kiwi tokenizer, then the components
``newskg_mentions``, ``newskg_entities`` and ``newskg_relations``, factories ``*_v1``). Only the
article's body spans are analysed; every offset refers to ``Article.text``.

The components talk through the Doc: the mention step writes ``doc.spans["nkg_mentions"]`` (label_
= PERSON/ORG/LOC, kb_id_ = gazetteer key), the entity step reads its mentions from there and
writes ``doc.ents`` (kb_id_ = the article's entity id). The sentences with their phrases and
clauses (``doc._.nkg_sents``), the entities (``doc._.nkg_ents``) and the relations
(``doc._.nkg_found``) stay extensions: they are richer than spans.

Example:
    >>> from newskg.extract.records import Article
    >>> ex = get_extractor()
    >>> text = "[경기 평택=새길일보 정민호 기자] 평택시는 미국 오스틴과 자매결연을 맺었다."
    >>> art = Article("a1", text)
    >>> out = ex.extract(art)
    >>> found = {(out.entity(t.subject).label_en, t.predicate, out.entity(t.object).label_en)
    ...          for t in out.triples}
    >>> ("Jung Min-ho", "worksFor", "Saegirilbo") in found
    True
    >>> ("Pyeongtaek", "locatedIn", "Gyeonggi Province") in found
    True
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from importlib import resources
from operator import add

from newskg.extract import ner as _ner  # noqa: F401  (registers newskg_ner)
from newskg.extract import tokenizer as _tokenizer  # noqa: F401  (registers newskg.KiwiTokenizer.v1)
from newskg.extract.entities import resolve_entities
from newskg.extract.korean import alternation, load_korean
from newskg.extract.lexicon import load_lexicon
from newskg.extract.mention_base import sounds_foreign
from newskg.extract.mentions import Mention, find_known, find_mentions, is_particle, is_person_name
from newskg.extract.qualify import qualify_triples
from newskg.extract.records import Article, Entity, Evidence, Extraction, Triple
from newskg.extract.relations import find_relations
from newskg.extract.syntax import analyse_sentence, reshape
from newskg.extract.tokenizer import SKIP_TAG, SPACE_TAG, span_text, token_table
from newskg.extract.unrealised import add_unrealised
from newskg.ontology.errors import PipelineError
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

__all__ = ["Extractor", "get_extractor", "EXTRACTOR_VERSION", "MENTIONS_KEY", "mention_group", "mentions_of"]

EXTRACTOR_VERSION = "newskg-rules/0.1.0"
_BYLINE_HEAD = re.compile(
    r"\s*[\[(【][^\]\n)】]{2,40}" + alternation(load_korean().titles_for("head")) + r"\s*[\])】]"
)

# the span group of every mention (label_ = PERSON/ORG/LOC, kb_id_ = gazetteer key or "")
MENTIONS_KEY = "nkg_mentions"

for _name in ("nkg_sents", "nkg_ents", "nkg_found", "nkg_rule_found"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(
    "newskg_mentions_v1",
    assigns=["doc._.nkg_sents", "doc.spans"],
    default_config={
        "second_pass": True,
        "ner_key": "",
        "ner_types": ["PERSON"],
        "ner_min_score": 0.5,
        "ner_type_scores": {},
        "ner_foreign_score": 1.01,
        "ner_acronym_score": 0.9,
    },
)
def make_mentions(
    nlp: Language,
    name: str,
    second_pass: bool,
    ner_key: str,
    ner_types: list[str],
    ner_min_score: float,
    ner_type_scores: dict[str, float],
    ner_foreign_score: float,
    ner_acronym_score: float,
) -> MentionFinder:
    return MentionFinder(
        second_pass,
        ner_key,
        tuple(ner_types),
        ner_min_score,
        dict(ner_type_scores),
        ner_foreign_score,
        ner_acronym_score,
    )


@Language.factory(
    "newskg_entities_v1",
    assigns=["doc._.nkg_ents", "doc.ents"],
    requires=["doc._.nkg_sents", "doc.spans"],
)
def make_entities(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver()


@Language.factory(
    "newskg_relations_v1",
    assigns=["doc._.nkg_found", "doc._.nkg_rule_found"],
    requires=["doc._.nkg_ents"],
    default_config={"min_confidence": 0.5, "learned": False, "status_model": False},
)
def make_relations(
    nlp: Language, name: str, min_confidence: float, learned: bool, status_model: bool
) -> RelationFinder:
    return RelationFinder(min_confidence, learned, status_model)


class MentionFinder:
    """Sentences with their phrases, clauses and mentions (two passes: rules, then the article's names)."""

    def __init__(
        self,
        second_pass: bool = True,
        ner_key: str = "",
        ner_types: tuple[str, ...] = ("PERSON",),
        ner_min_score: float = 0.5,
        ner_type_scores: dict[str, float] | None = None,
        ner_foreign_score: float = 1.01,
        ner_acronym_score: float = 0.9,
    ) -> None:
        self.second_pass = second_pass
        self.lex = load_lexicon()
        # names of the statistical NER (doc.spans[ner_key]) that no rule or gazetteer found
        self.ner_key = ner_key
        self.ner_types = ner_types
        self.ner_min_score = ner_min_score
        # per-type score floors (else ner_min_score); one-word foreign-looking persons need more
        self.ner_type_scores = ner_type_scores or {}
        self.ner_foreign_score = ner_foreign_score
        self.ner_acronym_score = ner_acronym_score

    def __call__(self, doc: Doc) -> Doc:
        sents = []
        table = token_table(doc)
        for span in doc.sents:
            if all(
                table.tags[k] in (SKIP_TAG, SPACE_TAG) or table.texts[k].isspace()
                for k in range(span.start, span.end)
            ):
                continue
            for part in _split_byline(span):
                sents.append(analyse_sentence(part, len(sents)))
        for s in sents:
            s.mentions = find_mentions(s, self.lex)
        ner = self.ner_key and self.ner_key in doc.spans
        # persons of the NER join the article's known names (the second pass finds "김 대표" and
        # the name again); organisations and places are added after it, where nothing else is
        # found, so a doubtful NER name never spreads through the article
        if ner and "PERSON" in self.ner_types:
            self._ner(doc, sents, ("PERSON",))
        if self.second_pass:
            known = find_known([m for s in sents for m in s.mentions])
            if known:
                firsts = _first_words(known)
                for s in sents:
                    if _needs_second_pass(s, known, firsts):
                        s.mentions = find_mentions(s, self.lex, known)
        if ner:
            self._ner(doc, sents, tuple(t for t in self.ner_types if t != "PERSON"))
        for s in sents:
            reshape(s, [(m.start, m.end) for m in s.mentions], is_particle)
            for p in s.phrases:
                p.mentions = [m for m in s.mentions if m.start < p.end and p.start < m.end]
        doc._.nkg_sents = sents
        doc.spans[MENTIONS_KEY] = mention_group(doc, [m for s in sents for m in s.mentions])
        return doc

    def _ner(self, doc: Doc, sents: list, types: tuple[str, ...]) -> None:
        if types:
            _add_ner(
                doc,
                sents,
                self.ner_key,
                types,
                self.ner_min_score,
                self.ner_type_scores,
                self.ner_foreign_score,
                self.ner_acronym_score,
            )


_NER_CLS = {"PERSON": "Person", "ORG": "Organization", "LOC": "Place"}
_FOREIGN_NAME = re.compile(r"^[\uac00-\ud7a3]{1,6}(?: [\uac00-\ud7a3]{1,6}){1,3}$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")
# what may follow a name inside its word: particles, endings, the copula, bound nouns (씨, 측)
_PUNCT = ("SF", "SP", "SS", "SE", "SO", "SW", SPACE_TAG, SKIP_TAG)
_NER_AFTER = ("J", "E", "VCP", "NNB", "XSN", *_PUNCT)


def _add_ner(
    doc: Doc,
    sents: list,
    key: str,
    types: tuple[str, ...],
    min_score: float,
    type_scores: dict[str, float] | None = None,
    foreign_score: float = 1.01,
    acronym_score: float = 0.9,
) -> None:
    """NER names where the rules found nothing: gazetteer and rule mentions win where they overlap.

    A span becomes a mention when its type is in `types`, its score reaches `type_scores[type]`
    (default `min_score`), it is a whole word (a particle, ending or punctuation may follow, not
    another noun) and it passes the type's guard: a PERSON looks like a Korean name or a spaced
    foreign one (one foreign-looking word only from `foreign_score`); an ORG or LOC is no role
    word, descriptor or run of common nouns (Latin letters: an acronym from `acronym_score`).
    A name the gazetteer knows unambiguously becomes that entry's mention.
    """
    from newskg.extract.mentions import Mention, _mk_gaz, gazetteer_index, surnames

    gaz = gazetteer_index()[0]
    lex = load_lexicon()
    group = doc.spans[key]
    chars = group.attrs.get("chars") or [(sp.start_char, sp.end_char) for sp in group]
    scores = group.attrs.get("scores") or [1.0] * len(group)
    thresholds = type_scores or {}
    text = _ner.doc_text(doc)
    for sp, (s, e), score in zip(group, chars, scores, strict=False):
        kind = sp.label_
        if kind not in types or score < thresholds.get(kind, min_score):
            continue
        if kind == "PERSON":
            s, e = _trim_person(sp, s, e, lex)
        name = text[s:e]
        if kind == "PERSON" and name in lex.roles:
            continue  # "부군수": a title, not a name
        glued_role = lex if kind == "PERSON" else None
        if len(name) < 2 or name != name.strip() or not _whole_word(doc, sp, glued_role):
            continue
        hangul = any("\uac00" <= ch <= "\ud7a3" for ch in name)
        if not hangul and not (kind == "ORG" and _ACRONYM.match(name) and score >= acronym_score):
            continue  # Latin letters: only a confident acronym ("KOREA" on a banner is no body)
        entries = gaz.lookup(name)
        if entries and (gaz.is_ambiguous(name) or entries[0].type != kind):
            continue  # the gazetteer knows the word as something else (or as an ordinary word)
        if kind == "PERSON" and name.count(" ") >= 2 and _before_role(doc, sp, lex):
            # "<name> <body> 대표이사": the word before a title is the body the title is of
            e = s + name.rindex(" ")
            name = text[s:e]
            entries = gaz.lookup(name)
            if entries and (gaz.is_ambiguous(name) or entries[0].type != kind):
                continue
        if kind == "PERSON" and " " in name and _korean_then_body(name, lex):
            e = s + name.index(" ")  # "손하람 새길정밀 (대표)": a Korean name has no space
            name = text[s:e]
        if kind == "PERSON":
            korean = is_person_name(name) and (len(name) <= 3 or name[:2] in surnames())
            one = _one_word(name) and (score >= foreign_score or _after_role(doc, sp, lex))
            if not (korean or _FOREIGN_NAME.match(name) or one):
                continue  # one foreign-looking word ("블레이드", "노르드텍") is more often a thing
        elif not _org_loc_name(name, [t.tag_ for t in sp if not t.is_space], lex):
            continue
        m = (
            _mk_gaz(entries[0], s, e, name)
            if entries
            else Mention(s, e, name, name, kind, _NER_CLS[kind], "ner")
        )
        m.extra["ner_score"] = score
        for sent in sents:
            if not (sent.start <= s and e <= sent.end):
                continue
            if not any(x.start < e and s < x.end for x in sent.mentions):
                sent.mentions = sorted([*sent.mentions, m], key=lambda x: x.start)
            break


_PREDICATE = ("VV", "VA", "VX", "XSV", "XSA", "E", "VCP")


def _trim_person(span, s: int, e: int, lex) -> tuple[int, int]:
    """A NER person of several words without a verb form before it ("방문하여 왕즈펑") or, from three
    words, a trailing common noun ("… 명예도민"): the character bounds of the name left."""
    words: list[list] = [[]]
    for t in span:
        if t.is_space:
            continue
        words[-1].append(t)
        if t.whitespace_:
            words.append([])
    words = [w for w in words if w]
    if len(words) < 2:
        return s, e
    while len(words) > 1 and any(t.tag_.startswith(_PREDICATE) for t in words[0]):
        words.pop(0)
    if len(words) >= 3 and all(t.tag_ == "NNG" for t in words[-1]) and words[-1][0].text not in lex.roles:
        words.pop()
    first, last = words[0][0], words[-1][-1]
    return max(s, first.idx), min(e, last.idx + len(last.text))


def _org_loc_name(name: str, tags: list[str], lex) -> bool:
    """Whether an ORG/LOC span of the NER looks like a name rather than common words.

    Kiwi tags dictionary words NNG and names NNP (or leaves them unknown): one or two common nouns
    ("정부", "교류단") are a description; a span of three words or more, or one ending in a
    common noun after a space that is no known name ending ("… 교역액"), is the model running on.
    A role ("연구원") or descriptor ("기업") is no name either.
    """
    heads = [t.split("+", 1)[0] for t in tags]
    if heads and all(t == "NNG" for t in heads) and len(heads) <= 2:
        return False
    if name.rsplit(" ", 1)[-1].endswith(load_korean().generic_body_ends):
        return False  # "한일 지방정부": a kind of body, not a name
    if name.count(" ") >= 2:
        return False
    known_end = any(name.endswith(x.suffix) and len(name) > len(x.suffix) for x in lex.suffixes_for(name))
    if " " in name and heads[-1:] == ["NNG"] and not known_end:
        return False
    return lex.role_suffix(name) is None and not lex.ends_with(name, "descriptor")


def _korean_then_body(name: str, lex) -> bool:
    """Whether a spaced NER person starts with a Korean full name and goes on with words that do not
    sound foreign ("손하람 새길정밀", not "사이토 겐지로")."""
    first = name.split(" ", 1)[0]
    return len(first) == 3 and is_person_name(first, lex) and not sounds_foreign(name)


def _one_word(name: str) -> bool:
    return " " not in name and 2 <= len(name) <= 6


def _whole_word(doc: Doc, span, lex=None) -> bool:
    """Whether nothing but a particle, ending or punctuation is glued to the span on either side
    (with `lex`, also a role word of it glued after: a person written with the title, "…감독이")."""
    if span.start > 0:
        prev = doc[span.start - 1]
        if not prev.whitespace_ and not prev.tag_.startswith(_PUNCT):
            return False
    if span.end < len(doc) and not span[-1].whitespace_:
        nxt = doc[span.end]
        if not nxt.tag_.startswith(_NER_AFTER) and not (lex is not None and nxt.text in lex.roles):
            return False
    return True


def _before_role(doc: Doc, span, lex) -> bool:
    """Whether the word right after the span is a role word ("… 대표이사가")."""
    return span.end < len(doc) and doc[span.end].text in lex.roles


def _after_role(doc: Doc, span, lex) -> bool:
    """Whether a role word stands as the word just before the span ("감독 …", "기자 …"): a title
    before a one-word name makes it a person (after it, "… 대표" follows companies as often)."""
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    return bool(prev.whitespace_) and prev.text in lex.roles


def _first_words(known) -> set[str]:
    """The words of the article's foreign persons that may stand alone before a title."""
    firsts = {
        w
        for s, m in known.items()
        if " " in s and m.type == "PERSON"
        for w in (s.split(" ")[0], s.split(" ")[-1])
    }
    # "린 회장" of "린웨이밍": the surname of a foreign name written in one word
    firsts |= {
        s[:1] + " " for s, m in known.items() if m.type == "PERSON" and " " not in s and not is_person_name(s)
    }
    return firsts


def _needs_second_pass(sent, known, firsts: set[str] | None = None) -> bool:
    """Whether a name of the article occurs in the sentence outside the mentions found so far
    (`firsts`: ``_first_words(known)``, made once per article)."""
    covered = [(m.start - sent.start, m.end - sent.start) for m in sent.mentions]
    text = sent.text
    if firsts is None:
        firsts = _first_words(known)
    if any(f in text for f in firsts):
        return True  # "나카무라 시장": the first name of a foreign person met before
    for surf in known:
        i = text.find(surf)
        while i >= 0:
            if not any(s <= i < e for s, e in covered):
                return True
            i = text.find(surf, i + 1)
    return False


def _split_byline(span):
    """A byline glued to the first sentence ("[경기 평택=새길일보 정민호 기자]평택시는 …") is
    a sentence of its own."""
    text = span_text(span)
    m = _BYLINE_HEAD.match(text)
    if not m or m.end() >= len(text.rstrip()):
        return [span]
    starts = token_table(span.doc).starts
    for i in range(span.start, span.end):
        if starts[i] >= span.start_char + m.end():
            if i == span.start:
                return [span]
            return [span.doc[span.start : i], span.doc[i : span.end]]
    return [span]


class _Offsets:
    """Token start and end characters of a Doc, to map character offsets to tokens by bisection."""

    def __init__(self, doc: Doc) -> None:
        table = token_table(doc)  # the tokenizer's columns: no array to convert
        self.starts = table.starts
        self.ends = list(map(add, table.starts, map(len, table.texts)))

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """The tokens covering the characters [start, end) (spaCy's alignment_mode="expand")."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        if i + 1 < len(self.starts) and start >= self.ends[i]:
            i += 1  # the start is in the whitespace after token i
        j = max(bisect_left(self.starts, end), i + 1)
        return i, j


def mention_group(doc: Doc, mentions: list[Mention]) -> SpanGroup:
    """The span group of the mentions, in order: one Span per mention, label_ its type, kb_id_ its
    gazetteer key ("" for a name no gazetteer knows).

    A Span covers whole tokens while a mention may end inside one ("원주시" of the word "원주시장"),
    so the Mention objects themselves (exact offsets, role, short-form reference) stay in
    ``group.attrs["mentions"]``, parallel to the spans: ``mentions_of(group)`` pairs them up.
    """
    off = _Offsets(doc)
    spans = []
    for m in mentions:
        i, j = off.tokens(m.start, m.end)
        spans.append(Span(doc, i, j, label=m.type, kb_id=m.key or ""))
    return SpanGroup(doc, name=MENTIONS_KEY, attrs={"mentions": list(mentions)}, spans=spans)


def mentions_of(group: SpanGroup) -> list[tuple[Span, Mention]]:
    """The (Span, Mention) pairs of a mention group written by ``mention_group``."""
    ms = group.attrs.get("mentions") or []
    if len(ms) != len(group):
        raise PipelineError(f"span group {group.name!r}: {len(group)} spans but {len(ms)} mentions")
    return list(zip(group, ms, strict=True))


def _entity_spans(doc: Doc, sents: list) -> list[Span]:
    """Non-overlapping spans of the resolved mentions (first and longest win), kb_id_ the entity id."""
    off = _Offsets(doc)
    cands = []
    for s in sents:
        for m in s.mentions:
            if m.entity is not None:
                i, j = off.tokens(m.start, m.end)
                cands.append((i, -j, m.entity.type, m.entity.id))
    out, end = [], 0
    for i, neg_j, label, eid in sorted(cands):
        if i >= end:
            out.append(Span(doc, i, -neg_j, label=label, kb_id=eid))
            end = -neg_j
    return out


class EntityResolver:
    """Mentions → entities of the article (short forms resolved).

    Reads the mentions from ``doc.spans["nkg_mentions"]`` (each sentence gets those starting in
    it) and writes ``doc.ents``: the resolved mentions that do not overlap, label_ the entity type,
    kb_id_ the article's entity id ("ent:gn-1835847"; the gazetteer key stays on the mention span).
    """

    def __call__(self, doc: Doc) -> Doc:
        sents = doc._.nkg_sents or []
        starts = [s.start for s in sents]
        for s in sents:
            s.mentions = []
        for _span, m in mentions_of(doc.spans[MENTIONS_KEY]):
            k = bisect_right(starts, m.start) - 1
            if k < 0:
                raise PipelineError(f"mention {m.text!r} at {m.start} lies before the first sentence")
            sents[k].mentions.append(m)
        doc._.nkg_ents = resolve_entities(sents)
        for s in sents:
            for p in s.phrases:
                p.mentions = [m for m in s.mentions if m.start < p.end and p.start < m.end]
        doc.ents = _entity_spans(doc, sents)
        return doc


class RelationFinder:
    """Entities → triples with evidence."""

    def __init__(
        self, min_confidence: float = 0.5, learned: bool = False, status_model: bool = False
    ) -> None:
        self.min_confidence = min_confidence
        self.lex = load_lexicon()
        self.status = None
        if status_model:
            from newskg.extract.status import load_status_model

            self.status = load_status_model()
        self.scorer = None
        if learned:
            from newskg.extract.relscore import load_scorer

            self.scorer = load_scorer()

    def __call__(self, doc: Doc) -> Doc:
        sents = doc._.nkg_sents or []
        found = [
            f
            for f in add_unrealised(sents, find_relations(sents, doc._.nkg_ents or [], self.lex))
            if f.confidence >= self.min_confidence
        ]
        if self.status is not None:  # the learned status (extract/status.py; pipeline.cfg status_model)
            found = self.status.restatus(sents, found, self.lex, doc.user_data.get("nkg_published"))
        doc._.nkg_rule_found = found
        if self.scorer is not None:
            found = self.scorer.rescore(sents, found, self.lex)
        doc._.nkg_found = found
        return doc


def _config_path() -> str:
    return str(resources.files("newskg.extract").joinpath("pipeline.cfg"))


def rules_fingerprint() -> str:
    """A short hash of the extractor's code, data files and ontology: it changes whenever a rule,
    a gazetteer or a cue word does, so `newskg build` re-extracts articles built by older rules."""
    import hashlib
    from importlib import resources

    digest = hashlib.sha256()
    roots = [resources.files("newskg.extract"), resources.files("newskg.ontology")]
    for root in roots:
        files = [f for f in root.iterdir() if f.is_file()]
        data = root.joinpath("data")
        if data.is_dir():
            files += [f for f in data.iterdir() if f.is_file()]
        for f in sorted(files, key=lambda f: f.name):
            if f.name.endswith((".py", ".tsv", ".cfg", ".ttl")):
                digest.update(f.name.encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()[:12]


class Extractor:
    """Builds the spaCy pipeline once; `extract` turns an Article into an Extraction."""

    def __init__(self, scorer: bool | None = None) -> None:
        """`scorer` overrides the config's choice of the learned relation scorer (False: rules only)."""
        from spacy import util

        try:
            config = util.load_config(_config_path())
            if scorer is not None:
                config["components"]["newskg_relations"]["learned"] = scorer
            self.nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
        except (OSError, ValueError) as exc:
            raise PipelineError(
                f"cannot build the extraction pipeline from {_config_path()}: {exc}; reinstall newskg"
            ) from exc
        self.version = f"{EXTRACTOR_VERSION}+{rules_fingerprint()}"

    def doc(self, article: Article) -> Doc:
        """The analysed spaCy Doc of the article (body spans only)."""
        doc = self.nlp.tokenizer.make_doc(article.text, article.body_spans())
        doc.user_data["nkg_published"] = article.published  # read by the learned status model
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def extract(self, article: Article) -> Extraction:
        """Entities and triples of one article."""
        return self.from_doc(article, self.doc(article))

    def from_doc(self, article: Article, doc: Doc) -> Extraction:
        """The Extraction of an analysed Doc of the article."""
        ents = doc._.nkg_ents or []
        entities: list[Entity] = [e.to_entity() for e in ents]
        triples = []
        for f in sorted(doc._.nkg_found or [], key=lambda f: (f.sentence.start, f.predicate, f.subject.id)):
            s = f.sentence
            raw = s.text
            lead = len(raw) - len(raw.lstrip())
            text = raw.strip()
            ev = Evidence(text, s.start + lead, s.start + lead + len(text))
            # the final Triple records of the article (qualifiers are attached here)
            triples.append(
                Triple(
                    f.subject.id,
                    f.predicate,
                    f.object.id,
                    round(f.confidence, 3),
                    ev,
                    rule=f.rule or None,
                    status=f.status,
                )
            )
        return Extraction(article.id, tuple(entities), qualify_triples(article, entities, triples), article)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions of many articles, in order."""
        for a in articles:
            yield self.extract(a)


_LOCK = threading.Lock()
_INSTANCE: Extractor | None = None


def get_extractor() -> Extractor:
    """The process-wide Extractor (built on first call)."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Extractor()
    return _INSTANCE
