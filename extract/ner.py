"""A trained statistical NER: a character-level CRF over character n-grams and Kiwi morpheme tags.

The model (``extract/models/ner-crf.v1.crfsuite``, trained on KLUE-NER and the project's gold
articles by :mod:`newskg.extract.ner_train`; CC BY-SA 4.0, see ``extract/models/README.md``) labels
every character B-/I-/O for PERSON, ORG and LOC. Two ways in:

- :func:`find_entities` — text in, ``[(start, end, label, score)]`` out (tests, evaluation);
- the spaCy component ``newskg_ner`` (factory version ``.v1`` in its model name) — writes
  ``doc.spans["ner"]`` with labels PERSON/ORG/LOC and ``doc.spans["ner"].attrs["scores"]`` (one
  float per span, the mean marginal probability of its characters' labels) and keeps the exact
  character offsets in ``attrs["chars"]``.

Korean particles attach to names ("김민준은"), and Kiwi usually splits them off, so most spans fall
on token boundaries. Where a span ends or starts inside a Kiwi token (a name glued into a longer
user word), the spaCy span is widened to the whole token (``alignment_mode="expand"``) and the
exact character offsets stay in ``attrs["chars"]``; a span whose widened form overlaps one already
written is dropped, so ``doc.spans["ner"]`` never holds two overlapping spans.

The model is loaded lazily, once per process, on the first call (never at import).

Example:
    >>> text = "어제 김민준은 한빛전자 본사를 찾았다."
    >>> ("김민준", "PERSON") in [(text[s:e], lab) for s, e, lab, _ in find_entities(text)]
    True
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from newskg.ontology.errors import PipelineError

__all__ = [
    "LABELS",
    "MODEL_NAME",
    "Lexicon",
    "NerTagger",
    "char_features",
    "decode_bio",
    "find_entities",
    "get_tagger",
    "make_ner",
]

LABELS = ("PERSON", "ORG", "LOC")
MODEL_NAME = "ner-crf.v1.crfsuite"
_SKIP = "_SKIP"
_LOCK = threading.Lock()
_TAGGERS: dict[str, NerTagger] = {}


def _ctype(ch: str) -> str:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3:
        return "H"
    if ch.isspace():
        return "S"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    if 0x4E00 <= o <= 0x9FFF:
        return "C"
    return "P"


class Lexicon:
    """Known names (surface → PERSON/ORG/LOC mark) and surnames, frozen next to the model.

    The CRF sees "this character lies in a known place/organisation name" as a feature; the list
    is written at training time (``<model stem>.lexicon.tsv``) so the model and its lexicon never
    drift apart when the gazetteer files change.
    """

    def __init__(self, names: dict[str, str], surnames: Iterable[str]) -> None:
        self.names = names
        self.surnames = frozenset(surnames)
        self.maxlen = max((len(k) for k in names), default=0)
        # lengths in use and two-character prefixes: most positions start no name at all
        self._lengths = sorted({len(k) for k in names}, reverse=True)
        self._heads = frozenset(k[:2] for k in names)

    @classmethod
    def read(cls, path: str | Path) -> Lexicon:
        names: dict[str, str] = {}
        surnames: list[str] = []
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PipelineError(f"{path}: cannot read the NER lexicon ({exc}); run `make train`") from exc
        for line in lines:
            if not line or line.startswith("#"):
                continue
            surface, _, kind = line.partition("\t")
            if kind == "SURNAME":
                surnames.append(surface)
            else:
                names[surface] = kind
        return cls(names, surnames)

    def write(self, path: str | Path) -> None:
        rows = ["# surface\tmark (LOC, ORG or SURNAME): features of the NER model next to this file"]
        rows += [f"{s}\t{k}" for s, k in sorted(self.names.items())]
        rows += [f"{s}\tSURNAME" for s in sorted(self.surnames)]
        Path(path).write_text("\n".join(rows) + "\n", encoding="utf-8")

    def marks(self, text: str) -> list[str]:
        """Per character: "" or the mark of the longest known name covering it ("LOC-B", "ORG-I")."""
        n = len(text)
        out = [""] * n
        names, heads, lengths = self.names, self._heads, self._lengths
        i = 0
        while i < n:
            if text[i : i + 2] in heads:
                for size in lengths:
                    if size > n - i:
                        continue
                    kind = names.get(text[i : i + size])
                    if kind:
                        out[i] = kind + "-B"
                        for j in range(i + 1, i + size):
                            out[j] = kind + "-I"
                        i += size - 1
                        break
            i += 1
        return out


_EMPTY = Lexicon({}, ())


def char_features(
    text: str, tokens: Sequence[tuple[int, int, str]], lexicon: Lexicon | None = None
) -> list[list[str]]:
    """Features of each character of `text` (a sentence) given its Kiwi tokens.

    `tokens` are ``(start, end, tag)`` with offsets into `text`; characters outside every token
    (spaces) get the tag ``SP``. Features: the character and its neighbours (±2), bigrams and
    trigrams around it, its character class, the Kiwi tag of its token (first morpheme), the
    position in the token, the tags and short texts of the neighbouring tokens, the token's text
    when short, the position in the eojeol (space-separated word) and what follows in it, and
    the `lexicon` marks (known names, a surname at a word start).

    >>> f = char_features("김씨", [(0, 1, "NNP"), (1, 2, "NNB")])
    >>> "t=NNP" in f[0] and "nt=NNB" in f[0] and "p=S" in f[0] and "er=씨" in f[0]
    True
    """
    lex = lexicon or _EMPTY
    n = len(text)
    chars = [" " if c.isspace() else c for c in text]
    tag = ["SP"] * n
    pos = ["O"] * n
    ptag = ["BOS"] * n
    ntag = ["EOS"] * n
    tokw = [""] * n
    pw = [""] * n
    nw = [""] * n
    real = [(s, e, t.split("+", 1)[0]) for s, e, t in tokens if e > s and t not in ("_SP",)]
    for k, (s, e, t) in enumerate(real):
        pt = real[k - 1][2] if k else "BOS"
        nt = real[k + 1][2] if k + 1 < len(real) else "EOS"
        w = text[s:e] if e - s <= 6 else ""
        pws = text[real[k - 1][0] : real[k - 1][1]] if k else ""
        nws = text[real[k + 1][0] : real[k + 1][1]] if k + 1 < len(real) else ""
        pws = pws if len(pws) <= 3 else ""
        nws = nws if len(nws) <= 3 else ""
        for i in range(max(s, 0), min(e, n)):
            tag[i] = t
            pos[i] = "S" if e - s == 1 else ("B" if i == s else ("E" if i == e - 1 else "I"))
            ptag[i] = pt
            ntag[i] = nt
            tokw[i] = w
            pw[i] = pws
            nw[i] = nws
    # eojeol (space-separated word) position and the rest of the word after the character
    epos = [0] * n
    rest = [""] * n
    i = 0
    while i < n:
        if chars[i] == " ":
            i += 1
            continue
        j = i
        while j < n and chars[j] != " ":
            j += 1
        word = text[i:j]
        for k in range(i, j):
            epos[k] = k - i
            r = word[k - i + 1 :]
            rest[k] = r if len(r) <= 3 else "+"
        i = j
    marks = lex.marks(text) if lex.maxlen else [""] * n
    surnames = lex.surnames
    pad = ["^", "^", *chars, "$", "$"]
    out: list[list[str]] = []
    for i in range(n):
        j = i + 2
        c, cm1, cp1, cm2, cp2 = pad[j], pad[j - 1], pad[j + 1], pad[j - 2], pad[j + 2]
        t = tag[i]
        f = [
            "c=" + c,
            "c-1=" + cm1,
            "c+1=" + cp1,
            "c-2=" + cm2,
            "c+2=" + cp2,
            "b-1=" + cm1 + c,
            "b+1=" + c + cp1,
            "b-2=" + cm2 + cm1,
            "b+2=" + cp1 + cp2,
            "g0=" + cm1 + c + cp1,
            "g-=" + cm2 + cm1 + c,
            "g+=" + c + cp1 + cp2,
            "y=" + _ctype(c),
            "t=" + t,
            "p=" + pos[i],
            "tp=" + t + pos[i],
            "pt=" + ptag[i],
            "nt=" + ntag[i],
            "tc=" + t + c,
        ]
        ep = epos[i]
        f.append("ep=" + (str(ep) if ep < 3 else "3"))
        f.append("er=" + rest[i])
        if tokw[i]:
            f.append("w=" + tokw[i])
        if pw[i]:
            f.append("pw=" + pw[i])
        if nw[i]:
            f.append("nw=" + nw[i])
        if marks[i]:
            f.append("gz=" + marks[i])
        if ep == 0 and c in surnames:
            f.append("sn")
        out.append(f)
    return out


def decode_bio(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, TYPE)`` of a B-/I-/O label sequence (a stray I- starts a span).

    >>> decode_bio(["O", "B-PERSON", "I-PERSON", "O", "I-LOC"])
    [(1, 3, 'PERSON'), (4, 5, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for i, lab in enumerate([*labels, "O"]):
        inside = lab.startswith("I-") and lab[2:] == kind and start is not None
        if start is not None and not inside:
            spans.append((start, i, kind))
            start = None
        if lab.startswith("B-") or (lab.startswith("I-") and start is None):
            start, kind = i, lab[2:]
    return spans


class NerTagger:
    """A loaded CRF model; tags sentences given their Kiwi tokens."""

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        if not self.path.is_file():
            raise PipelineError(f"{self.path}: the NER model file is missing; run `make train` to rebuild it")
        self.lexicon = Lexicon.read(lexicon_path(self.path))
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(self.path))
        except Exception as exc:  # pycrfsuite raises a bare ValueError/OSError on a bad file
            raise PipelineError(f"{self.path}: cannot open the NER model ({exc})") from exc

    def tag_sentence(
        self, text: str, tokens: Sequence[tuple[int, int, str]], scores: bool = True
    ) -> list[tuple[int, int, str, float]]:
        """Spans ``(start, end, TYPE, score)`` of one sentence (offsets into `text`)."""
        if not text.strip():
            return []
        labels = self._tagger.tag(char_features(text, tokens, self.lexicon))
        out = []
        for s, e, kind in decode_bio(labels):
            if not text[s:e].strip():
                continue
            # trim whitespace the model swept in at either end
            while text[s].isspace():
                s += 1
            while text[e - 1].isspace():
                e -= 1
            score = 1.0
            if scores:
                score = sum(self._tagger.marginal(labels[i], i) for i in range(s, e)) / (e - s)
            out.append((s, e, kind, round(score, 4)))
        return out


def lexicon_path(model: str | Path) -> Path:
    """The lexicon file that goes with a model file (``x.crfsuite`` → ``x.lexicon.tsv``)."""
    model = Path(model)
    return model.with_name(model.name.removesuffix(".crfsuite") + ".lexicon.tsv")


def default_model_path() -> Path:
    """The model shipped in the package (``newskg/extract/models/ner-crf.v1.crfsuite``)."""
    return Path(str(resources.files("newskg.extract").joinpath("models", MODEL_NAME)))


def get_tagger(path: str | Path | None = None) -> NerTagger:
    """The process-wide tagger for `path` (default: the shipped model), loaded on first use."""
    key = str(path or default_model_path())
    tagger = _TAGGERS.get(key)
    if tagger is None:
        with _LOCK:
            tagger = _TAGGERS.get(key)
            if tagger is None:
                tagger = _TAGGERS[key] = NerTagger(key)
    return tagger


def doc_sentences(doc: Any) -> Iterable[tuple[int, int, list[tuple[int, int, str]]]]:
    """``(start_char, end_char, tokens)`` per analysed sentence of a Kiwi-tokenized Doc.

    Sentences made only of skipped stretches or whitespace are left out; token offsets are
    relative to the sentence start.
    """
    for sent in doc.sents:
        toks = [t for t in sent if t.tag_ != _SKIP and not t.is_space]
        if not toks:
            continue
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        yield s, e, [(t.idx - s, t.idx - s + len(t.text), t.tag_) for t in toks]


def find_entities(
    text: str, model: str | Path | None = None, scores: bool = True
) -> list[tuple[int, int, str, float]]:
    """Named entities of `text`: ``[(start, end, label, score)]`` with character offsets.

    Tokenizes with the project's Kiwi tokenizer (``newskg.KiwiTokenizer.v1``) and tags each
    sentence with the shipped model (or `model`).
    """
    from newskg.extract.tokenizer import KiwiTokenizer

    tok = _tokenizer()
    assert isinstance(tok, KiwiTokenizer)
    return tag_doc(tok(text), model, scores)


def tag_doc(
    doc: Any, model: str | Path | None = None, scores: bool = True
) -> list[tuple[int, int, str, float]]:
    """Entities of a Kiwi-tokenized Doc as ``[(start, end, label, score)]`` (doc character offsets)."""
    tagger = get_tagger(model)
    text = doc.text
    out = []
    for s, e, toks in doc_sentences(doc):
        for a, b, kind, sc in tagger.tag_sentence(text[s:e], toks, scores):
            out.append((s + a, s + b, kind, sc))
    return out


_TOK: list[Any] = []


def _tokenizer() -> Any:
    if not _TOK:
        with _LOCK:
            if not _TOK:
                from newskg.extract.tokenizer import KiwiTokenizer
                from spacy.vocab import Vocab

                _TOK.append(KiwiTokenizer(Vocab(), user_words=True))
    return _TOK[0]


class NerComponent:
    """spaCy component writing ``doc.spans[spans_key]`` from the CRF (see the module docstring)."""

    def __init__(self, model: str | None, spans_key: str, scores: bool) -> None:
        self.model = model or None
        self.spans_key = spans_key
        self.scores = scores

    def __call__(self, doc: Any) -> Any:
        found = tag_doc(doc, self.model, self.scores)
        spans, scores, chars = [], [], []
        taken: set[int] = set()
        for s, e, kind, sc in found:
            span = doc.char_span(s, e, label=kind, alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            spans.append(span)
            scores.append(sc)
            chars.append((s, e))
        doc.spans[self.spans_key] = spans
        group = doc.spans[self.spans_key]
        group.attrs["scores"] = scores
        group.attrs["chars"] = chars
        return doc


def make_ner(nlp: Any, name: str, model: str, spans_key: str, scores: bool) -> NerComponent:
    """Factory of ``newskg_ner``: ``model`` "" means the shipped model (loaded on first call)."""
    return NerComponent(model, spans_key, scores)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("newskg_ner"):
        Language.factory(
            "newskg_ner",
            assigns=["doc.spans"],
            default_config={"model": "", "spans_key": "ner", "scores": True},
        )(make_ner)


_register()
