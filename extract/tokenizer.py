"""Kiwi morphological analysis as a spaCy tokenizer that keeps the text.

Kiwi splits Korean words into morphemes; morphemes that share characters (했 = 하 + 었) are merged
into one spaCy token whose tag joins theirs ("XSV+EP"). Every character of the input belongs to
exactly one token, so ``doc.text == text`` and ``token.idx`` is the source offset. Sentence
boundaries come from Kiwi. Gazetteer names are added to Kiwi as proper nouns (NNP).

Example:
    >>> import spacy
    >>> from newskg.extract.tokenizer import KiwiTokenizer
    >>> nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "newskg.KiwiTokenizer.v1",
    ...                                                        "user_words": False}}})
    >>> doc = nlp("시장이 방문했다.")
    >>> [(t.text, t.tag_) for t in doc]
    [('시장', 'NNG'), ('이', 'JKS'), ('방문', 'NNG'), ('했', 'XSV+EP'), ('다', 'EF'), ('.', 'SF')]
    >>> doc.text
    '시장이 방문했다.'
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

__all__ = [
    "KiwiTokenizer",
    "create_kiwi_tokenizer",
    "token_table",
    "TokenTable",
    "doc_text",
    "span_text",
    "SKIP_TAG",
    "SPACE_TAG",
]

SKIP_TAG = "_SKIP"  # a stretch of text outside the article body (menus, rankings, footers)
SPACE_TAG = "_SP"  # whitespace beyond a token's single trailing space
_WS = re.compile(r"\s+")
_RUNS = re.compile(r"\s+|\S+")
_KIWI: dict[bool, Any] = {}
_LOCK = threading.Lock()


class TokenTable(NamedTuple):
    """Per-token columns of a Doc: start offset, text, tag, trailing space, and the tag split at "+"."""

    starts: list[int]
    texts: list[str]
    tags: list[str]
    spaces: list[bool]
    tag_parts: list[tuple[str, ...]]


_TABLE_KEY = "newskg_tokens"
_TAG_PARTS: dict[str, tuple[str, ...]] = {}


def token_table(doc: Doc) -> TokenTable:
    """The token columns of `doc`, read once from its attribute arrays and kept in ``doc.user_data``.

    The sentence analysis reads every token's offset, text, tag and space; spaCy makes a Python
    Token object per access (a fifth of the mention step's time), the arrays do not.
    """
    got = doc.user_data.get(_TABLE_KEY)
    if got is not None and len(got.starts) == len(doc):
        return got
    from spacy.attrs import IDX, ORTH, SPACY, TAG

    strings = doc.vocab.strings
    names: dict[int, tuple[str, tuple[str, ...]]] = {}
    starts, texts, tags, spaces, parts = [], [], [], [], []
    for idx, orth, tag_id, sp in doc.to_array([IDX, ORTH, TAG, SPACY]).tolist():
        tag = names.get(tag_id)
        if tag is None:
            name = strings[tag_id] if tag_id else ""
            tag = names[tag_id] = (name, tuple(name.split("+")))
        starts.append(idx)
        texts.append(strings[orth])
        tags.append(tag[0])
        spaces.append(bool(sp))
        parts.append(tag[1])
    got = doc.user_data[_TABLE_KEY] = TokenTable(starts, texts, tags, spaces, parts)
    return got


_TEXT_KEY = "newskg_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc from its arrays and kept in ``doc.user_data``.

    spaCy's ``Doc.text`` makes a Python Token object per word each time it is read (about 10 ms
    for a 2,000-character article); the NER and the mention merge both need the text.
    """
    got = doc.user_data.get(_TEXT_KEY)
    if got is None:
        from spacy.attrs import ORTH, SPACY

        strings = doc.vocab.strings
        parts = [strings[o] + " " if sp else strings[o] for o, sp in doc.to_array([ORTH, SPACY]).tolist()]
        got = doc.user_data[_TEXT_KEY] = "".join(parts)
    return got


def span_text(span: Any) -> str:
    """``span.text`` (the span's characters without the last token's trailing space) from the
    Doc's cached text."""
    if not len(span):
        return span.text
    return doc_text(span.doc)[span.start_char : span.end_char]


def _hangul_name(s: str) -> bool:
    return 2 <= len(s) <= 20 and " " not in s and all("\uac00" <= c <= "\ud7a3" for c in s)


def get_kiwi(user_words: bool = True):
    """The process-wide Kiwi instance (created on first use; gazetteer names as NNP user words)."""
    kiwi = _KIWI.get(user_words)
    if kiwi is not None:
        return kiwi
    with _LOCK:
        if user_words not in _KIWI:
            from kiwipiepy import Kiwi

            kiwi = Kiwi(num_workers=-1)  # one thread, no pool (kiwipiepy ≥ 0.21)
            if user_words:
                for surface in user_word_list():
                    kiwi.add_user_word(surface, "NNP")
            _KIWI[user_words] = kiwi
    return _KIWI[user_words]


def user_word_list() -> list[str]:
    """Gazetteer names Kiwi learns as proper nouns: the Korean places and bodies (names of three
    syllables or more; world cities Kiwi mostly knows, and thousands of words slow its start)."""
    from newskg.extract.gazetteer import load_gazetteer

    out = set()
    for e in load_gazetteer().entries():
        if e.type == "ORG" or getattr(e, "country", None) == "KR" or e.cls == "Country":
            out.update(s for s in e.surfaces() if _hangul_name(s) and len(s) >= 3)
    return sorted(out)


class KiwiTokenizer:
    """spaCy tokenizer over Kiwi. Picklable: only the settings travel, Kiwi is rebuilt lazily."""

    def __init__(self, vocab: Vocab, user_words: bool = True) -> None:
        self.vocab = vocab
        self.user_words = user_words

    def __reduce__(self):
        return (type(self), (self.vocab, self.user_words))

    @property
    def kiwi(self):
        return get_kiwi(self.user_words)

    def __call__(self, text: str) -> Doc:
        return self.make_doc(text)

    def make_doc(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> Doc:
        """A Doc of the whole text where only `spans` (default: all of it) are analysed.

        Text outside the spans becomes one token tagged ``_SKIP`` per stretch, so offsets still
        refer to the full text.
        """
        if spans is None:
            spans = ((0, len(text)),)
        pieces: list[tuple[int, int, str, str, bool]] = []  # start, end, tag, lemma, sent_start
        pos = 0
        for s, e in sorted(spans):
            s, e = max(s, pos), min(e, len(text))
            if s >= e:
                continue
            if s > pos:
                pieces.append((pos, s, SKIP_TAG, "", True))
            pieces.extend(self._analyse(text, s, e))
            pos = e
        if pos < len(text):
            pieces.append((pos, len(text), SKIP_TAG, "", True))
        return self._doc(text, pieces)

    def _analyse(self, text: str, start: int, end: int) -> list[tuple[int, int, str, str, bool]]:
        chunk = text[start:end]
        out: list[tuple[int, int, str, str, bool]] = []
        if not chunk.strip():
            return out
        for sent in self.kiwi.tokenize(chunk, split_sents=True):
            first = True
            merged: list[list[Any]] = []
            for tok in sent:
                s = tok.start
                e = s + tok.len
                if e <= s:  # a morpheme without characters of its own (restored ending)
                    if merged:
                        merged[-1][2] = f"{merged[-1][2]}+{tok.tag}"
                    continue
                if merged and s < merged[-1][1]:
                    m = merged[-1]
                    m[1] = max(m[1], e)
                    m[2] = f"{m[2]}+{tok.tag}"
                else:
                    merged.append([s, e, tok.tag, tok.lemma])
            for s, e, tag, lemma in merged:
                out.append((start + s, start + e, tag, lemma, first))
                first = False
        return out

    def _doc(self, text: str, pieces: list[tuple[int, int, str, str, bool]]) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        lemmas: list[str] = []
        starts: list[bool] = []
        offsets: list[int] = []
        skipped: list[int] = []  # indices of the _SKIP tokens
        pos = 0

        def gap(upto: int, sent_start: bool) -> None:
            # characters between tokens: one trailing space, else whitespace (or stray) tokens
            nonlocal pos
            if pos >= upto:
                return
            g = text[pos:upto]
            if g == " " and words and not spaces[-1]:
                spaces[-1] = True
                pos = upto
                return
            for m in _RUNS.finditer(g):
                offsets.append(pos + m.start())
                words.append(m.group())
                spaces.append(False)
                is_ws = m.group().isspace()
                tags.append(SPACE_TAG if is_ws else "SW")
                lemmas.append(m.group())
                starts.append(not words[:-1] or (sent_start and not is_ws))
            pos = upto

        for s, e, tag, lemma, sent_start in pieces:
            if s < pos:  # overlapping analysis (should not happen); fold into the previous token
                s = pos
                if s >= e:
                    continue
            gap(s, False)
            if tag == SKIP_TAG:
                skipped.append(len(words))
            offsets.append(s)
            words.append(text[s:e])
            spaces.append(False)
            tags.append(tag)
            lemmas.append(lemma or text[s:e])
            starts.append(sent_start or not starts)
            pos = e
        gap(len(text), False)
        # a token right after a skipped stretch starts a sentence
        for i in skipped:
            if i + 1 < len(tags) and tags[i + 1] != SPACE_TAG:
                starts[i + 1] = True
        if starts:
            starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas, sent_starts=starts)
        # the columns the later steps read, known here for free (see token_table)
        for tag in set(tags).difference(_TAG_PARTS):
            _TAG_PARTS[tag] = tuple(tag.split("+"))
        parts = list(map(_TAG_PARTS.__getitem__, tags))
        doc.user_data[_TABLE_KEY] = TokenTable(offsets, words, tags, spaces, parts)
        doc.user_data[_TEXT_KEY] = text
        return doc


@registry.tokenizers("newskg.KiwiTokenizer.v1")
def create_kiwi_tokenizer(user_words: bool = True) -> Callable[[Any], KiwiTokenizer]:
    """Registered factory: ``[nlp.tokenizer] @tokenizers = "newskg.KiwiTokenizer.v1"``."""

    def make(nlp) -> KiwiTokenizer:
        # the installed module's class, even when this file was imported again under another name
        # (pytest --doctest-modules re-registers this factory)
        from newskg.extract.tokenizer import KiwiTokenizer as Tok

        return Tok(nlp.vocab, user_words=user_words)

    return make
