"""Sentence structure from Kiwi tags: words, noun phrases with their case particle, and clauses.

A *word* is a run of tokens without whitespace (punctuation stands alone). A *phrase* is a run of
noun words closed by a particle (이/가 subject, 을/를 object, 와/과 companion, 에/에서/로 place,
로부터 source, 의 genitive), a comma or a predicate. A *clause* ends at a connective ending
(-고, -며, -아/어/해) or the end of the sentence; a relative ending (-ㄴ/-는) makes the phrase that
follows the agent of its clause ("캐나다를 방문 중인 한도윤 시장").

Example:
    >>> from newskg.extract.pipeline import get_extractor
    >>> doc = get_extractor().nlp.tokenizer("시장이 미국을 방문해 협약을 맺었다.")
    >>> sent = analyse_sentence(doc[:])
    >>> [(p.text, p.case) for p in sent.phrases]
    [('시장이', 'subj'), ('미국을', 'obj'), ('협약을', 'obj')]
    >>> [c.text for c in sent.clauses]
    ['시장이 미국을 방문해', '협약을 맺었다', '.']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newskg.extract.korean import load_korean
from newskg.extract.tokenizer import SKIP_TAG, SPACE_TAG, span_text, token_table

__all__ = ["Word", "Phrase", "Clause", "Sentence", "analyse_sentence", "case_of", "reshape"]

_PUNCT = {"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW"}
_PRED = {"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA", "EP", "EF", "EC", "ETM"}
_ADV = {"MAG", "MAJ", "IC"}
_KO = load_korean()


def case_of(particle: str) -> str:
    """The case a particle marks: subj, obj, comp, loc, src, gen or '' (none); from data/korean.tsv."""
    return _KO.case_of(particle)


@dataclass
class Word:
    i: int
    start: int
    end: int
    text: str
    tags: tuple[str, ...]
    particle: str = ""  # trailing particle text
    kind: str = "N"  # N noun-ish, P predicate, A adverb, S punctuation, M determiner
    ending: str = ""  # last ending tag of a predicate (EC, ETM, EF, ...)

    @property
    def core(self) -> str:
        return self.text[: len(self.text) - len(self.particle)] if self.particle else self.text


@dataclass
class Phrase:
    start: int
    end: int
    text: str
    words: list[Word]
    particle: str
    case: str
    mentions: list[Any] = field(default_factory=list)  # filled by the mention step
    after: Word | None = None  # the word right after the phrase

    @property
    def head(self):
        """The phrase's main mention: a person if there is one, else the last mention."""
        ms = self.mentions
        if len(ms) < 2:  # the rule below gives a single mention (the most common case) itself
            return ms[0] if ms else None
        # a name in an aside ("한빛정밀(대표 박서준)은") is not what the phrase is about
        main = [m for m in ms if not m.extra.get("aside")] or ms
        for m in main:
            if m.type == "PERSON":
                return m
        return main[-1] if main else None


@dataclass
class Clause:
    start: int
    end: int
    text: str
    phrases: list[Phrase]
    words: list[Word]
    relative: bool = False  # ends with a relative (ETM) ending: it modifies the next phrase
    next_phrase: Phrase | None = None


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    words: list[Word]
    phrases: list[Phrase]
    clauses: list[Clause]
    index: int = 0
    mentions: list[Any] = field(default_factory=list)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start - self.start : end - self.start]


def _words(span) -> list[Word]:
    words: list[Word] = []
    # (idx, text, tag, split tags, trailing space) per token, read from the Doc once
    cur: list[tuple[int, str, str, tuple[str, ...], bool]] = []

    def flush() -> None:
        if not cur:
            return
        last = cur[-1]
        if len(cur) == 1:  # most words are one token: no joins
            tags, text = last[3], last[1]
        else:
            tags, text = tuple(t for tok in cur for t in tok[3]), "".join(tok[1] for tok in cur)
        w = Word(len(words), cur[0][0], last[0] + len(last[1]), text, tags)
        # trailing particle tokens
        n = len(cur)
        while n > 0 and cur[n - 1][3][0].startswith("J"):
            n -= 1
        if 0 < n < len(cur):
            w.particle = "".join(tok[1] for tok in cur[n:])
        elif n == 0:
            w.particle = w.text
        core_tags = {t for tok in cur[:n] for t in tok[3]}
        if tags and _PUNCT.issuperset(tags):
            w.kind = "S"
        elif core_tags & _PRED:
            w.kind = "P"
            ends = [t for t in tags if t[0] == "E"]
            w.ending = ends[-1] if ends else ""
        elif core_tags and core_tags <= _ADV:
            w.kind = "A"
        elif core_tags == {"MM"}:
            w.kind = "M"
        words.append(w)
        cur.clear()

    prev_end = None
    table = token_table(span.doc)  # the Doc's arrays: no Python Token object per token
    for k in range(span.start, span.end):
        tag, text = table.tags[k], table.texts[k]
        if tag in (SPACE_TAG, SKIP_TAG) or text.isspace():
            flush()
            prev_end = None
            continue
        idx = table.starts[k]
        punct = tag in _PUNCT
        if cur and (prev_end != idx or punct or cur[-1][2] in _PUNCT):
            flush()
        cur.append((idx, text, tag, table.tag_parts[k], table.spaces[k]))
        prev_end = idx + len(text)
        if cur[-1][4]:
            flush()
            prev_end = None
    flush()
    return words


def _phrases(words: list[Word], text: str, offset: int) -> list[Phrase]:
    phrases: list[Phrase] = []
    cur: list[Word] = []
    depth = 0

    def close(particle: str, after: Word | None) -> None:
        if cur:
            s, e = cur[0].start, cur[-1].end
            phrases.append(
                Phrase(
                    s, e, text[s - offset : e - offset], list(cur), particle, case_of(particle), after=after
                )
            )
        cur.clear()

    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        if w.kind == "S":
            if w.text in "([{（":
                depth += 1
                if cur:
                    cur.append(w)
                continue
            if w.text in ")]}）":
                depth = max(0, depth - 1)
                if cur:
                    cur.append(w)
                continue
            if depth:
                cur.append(w)
                continue
            if w.text in "'‘’\"“”":  # quotes inside a name
                if cur or (nxt and nxt.kind == "N"):
                    cur.append(w)
                continue
            if w.text in ("㈜", "Ⓡ"):
                cur.append(w)
                continue
            if w.text in "·∙ㆍ":
                if cur:
                    cur.append(w)
                continue
            close("," if w.text == "," else "", w)
            continue
        if depth:
            cur.append(w)
            continue
        if w.kind in ("N", "M"):
            if w.particle == w.text and cur:  # a bare particle after a closing quote or bracket
                cur.append(w)
                close(w.particle, nxt)
                continue
            cur.append(w)
            # no particle stands before "·": "OO도·한빛공사와" lists OO도, it does not say "also"
            if w.particle and not (nxt is not None and nxt.text in "·∙ㆍ" and nxt.start == w.end):
                close(w.particle, nxt)
            continue
        close("", w)
    close("", None)
    return phrases


def _clauses(words: list[Word], phrases: list[Phrase], text: str, offset: int) -> list[Clause]:
    clauses: list[Clause] = []
    start_k = 0
    for k, w in enumerate(words):
        last = k == len(words) - 1
        boundary = w.kind == "P" and w.ending in ("EC", "ETM", "EF")
        if w.ending == "ETM" and (
            w.text in ("지난", "오는", "이러한", "같은", "다른") or w.text.endswith("적인")
        ):
            boundary = False  # "지난 8일", "세계적인": modifiers, not clauses
        if (
            w.kind == "P"
            and w.ending == "EC"
            and w.text.endswith(("하여", "위해", "통해", "따라", "대해", "관련해"))
        ):
            boundary = False  # postposition-like verbs do not end a clause
        if boundary or last:
            ws = words[start_k : k + 1]
            if ws:
                s, e = ws[0].start, ws[-1].end
                ps = [p for p in phrases if s <= p.start < e]
                c = Clause(s, e, text[s - offset : e - offset], ps, ws, relative=w.ending == "ETM")
                clauses.append(c)
            start_k = k + 1
    for c, nxt in zip(clauses, clauses[1:], strict=False):
        if c.relative and nxt.phrases:
            c.next_phrase = nxt.phrases[0]
    return clauses


def analyse_sentence(span, index: int = 0) -> Sentence:
    """Words, phrases and clauses of a spaCy span (a sentence)."""
    start = span.start_char
    end = span.end_char
    text = span_text(span)
    words = _words(span)
    phrases = _phrases(words, text, start)
    clauses = _clauses(words, phrases, text, start)
    return Sentence(start, end, text, words, phrases, clauses, index)


def reshape(sent: Sentence, spans: list[tuple[int, int]], is_particle) -> None:
    """Words that hold a name are nouns whatever Kiwi made of them ("그리다랩과" is not 그리/다/랩):
    their particle is what follows the name. Phrases and clauses are rebuilt."""
    changed = False
    for w in sent.words:
        if w.kind == "S":
            continue
        ends = [e for _s, e in spans if w.start < e <= w.end]
        if not ends:
            continue
        tail = sent.text[max(ends) - sent.start : w.end - sent.start]
        if is_particle(tail) and (w.kind != "N" or w.particle != tail):
            w.kind, w.particle, w.ending = "N", tail, ""
            changed = True
    if changed:
        sent.phrases = _phrases(sent.words, sent.text, sent.start)
        sent.clauses = _clauses(sent.words, sent.phrases, sent.text, sent.start)
