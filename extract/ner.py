"""A trained statistical NER: a CRF over Kiwi morpheme tokens, their characters and tags.

The model (``extract/models/ner-crf.v3.crfsuite``, trained on KLUE-NER and gold articles by
:mod:`newskg.extract.ner_train`; CC BY-SA 4.0, see ``extract/models/README.md``) labels every Kiwi
token B-/I-/O for PERSON, ORG and LOC. Two ways in:

- :func:`find_entities` — text in, ``[(start, end, label, score)]`` out (tests, evaluation);
- the spaCy component ``newskg_ner`` — writes ``doc.spans["ner"]`` with labels PERSON/ORG/LOC,
  ``doc.spans["ner"].attrs["scores"]`` (one float per span: the mean marginal probability of its
  tokens' labels) and ``attrs["chars"]`` (the character offsets the tagger gave).

Alignment: Kiwi splits particles off names ("김민준은" → 김민준 + 은), so spans are whole tokens of
the Doc and ``doc.char_span`` finds them exactly. Where a KLUE or gold name starts or ends inside a
Kiwi token (a name glued into a longer word), training labels the whole token, so the model
predicts the token: spans never cut a token; at worst they include a glued syllable. Should a
Doc's tokens differ from the tagger's (another tokenizer), the span is widened to whole tokens
(``alignment_mode="expand"``) and spans overlapping one already written are dropped.

Wiring: ``import newskg.extract.ner`` registers the factory (as ``extract/pipeline.py`` imports the
tokenizer module); in ``pipeline.cfg`` put ``"newskg_ner"`` in ``[nlp] pipeline`` before the
components reading ``doc.spans["ner"]`` and add ``[components.newskg_ner]`` with
``factory = "newskg_ner"`` (options: ``model`` = a model path, "" for the shipped one;
``spans_key`` = "ner"; ``scores`` = true — false skips the marginals, a little faster).

The model is version 3 of the file name (v1 labelled characters: 2.5× more items, slower at
the same accuracy; v3 added word pairs, shapes and the role/ending marks of the lexicon to v2).
A model trained with word clusters learned from unlabeled text (``make train NER_TEXT=…``)
carries them in ``x.clusters.tsv`` beside it; the shipped one has none (they did not pay: see
the README). It is loaded lazily, once per process, on the first call (never at import).

Example:
    >>> text = "어제 김민준은 한빛전자 본사를 찾았다."
    >>> ("김민준", "PERSON") in [(text[s:e], lab) for s, e, lab, _ in find_entities(text)]
    True
"""

from __future__ import annotations

import re
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
    "read_clusters",
    "write_clusters",
    "clusters_path",
    "token_features",
    "token_labels",
    "decode_bio",
    "find_entities",
    "get_tagger",
    "doc_text",
    "make_ner",
]

LABELS = ("PERSON", "ORG", "LOC")
MODEL_NAME = "ner-crf.v3.crfsuite"
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
    """Known names (surface → PERSON/ORG/LOC mark), surnames, role words and name endings, frozen
    next to the model.

    The CRF sees "this character lies in a known place/organisation name", "a role word follows",
    "the token ends like an organisation name" as features; the lists are written at training
    time (``<model stem>.lexicon.tsv``) so the model and its lexicon never drift apart when the
    data files change.
    """

    def __init__(
        self,
        names: dict[str, str],
        surnames: Iterable[str],
        roles: Iterable[str] = (),
        suffixes: Iterable[str] = (),
        clusters: dict[str, tuple[int, ...]] | None = None,
    ) -> None:
        self.names = names
        self.surnames = frozenset(surnames)
        self.roles = frozenset(roles)
        self.suffixes = frozenset(suffixes)
        # token text → its word-cluster ids, coarse to fine (learned from unlabeled text by
        # newskg.extract.ner_train.build_clusters; empty: no cluster features)
        self.clusters = clusters or {}
        # the neighbour features of each clustered word, made once (tagging makes no strings)
        self.near = {w: (f"-1c={c[1]}", f"+1c={c[1]}") for w, c in self.clusters.items() if len(c) > 1}
        # endings of two characters or more ("대학교", "전자"): one syllable ends too many words
        self._long_suffixes = tuple(sorted((x for x in self.suffixes if len(x) >= 2), key=len, reverse=True))
        self.maxlen = max((len(k) for k in names), default=0)
        # by two-character prefix, the name lengths in use (longest first): most positions start
        # no name, the others only a few lengths
        heads: dict[str, set[int]] = {}
        for k in names:
            heads.setdefault(k[:2], set()).add(len(k))
        self._heads = {h: tuple(sorted(ls, reverse=True)) for h, ls in heads.items()}
        self._static: dict[tuple[str, str], tuple[str, ...]] = {}

    @classmethod
    def read(cls, path: str | Path, clusters: str | Path | None = None) -> Lexicon:
        """The lexicon written by :meth:`write`; with `clusters`, also that cluster file."""
        names: dict[str, str] = {}
        lists: dict[str, list[str]] = {"SURNAME": [], "ROLE": [], "SUFFIX": []}
        for line in _data_lines(path, "lexicon"):
            surface, _, kind = line.partition("\t")
            if kind in lists:
                lists[kind].append(surface)
            else:
                names[surface] = kind
        table = read_clusters(clusters) if clusters is not None else None
        return cls(names, lists["SURNAME"], lists["ROLE"], lists["SUFFIX"], table)

    def write(self, path: str | Path) -> None:
        rows = ["# surface\tmark (LOC, ORG, SURNAME, ROLE or SUFFIX): features of the NER model beside it"]
        rows += [f"{s}\t{k}" for s, k in sorted(self.names.items())]
        rows += [f"{s}\tSURNAME" for s in sorted(self.surnames)]
        rows += [f"{s}\tROLE" for s in sorted(self.roles)]
        rows += [f"{s}\tSUFFIX" for s in sorted(self.suffixes)]
        Path(path).write_text("\n".join(rows) + "\n", encoding="utf-8")

    def marks(self, text: str) -> list[str]:
        """Per character: "" or the mark of the longest known name covering it ("LOC-B", "ORG-I")."""
        n = len(text)
        out = [""] * n
        names, heads = self.names, self._heads
        i = 0
        while i < n:
            lengths = heads.get(text[i : i + 2])
            if lengths:
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

    def static(self, w: str, t: str) -> list[str]:
        """The features of a token that depend on its text, tag and this lexicon alone (cached:
        tokens repeat)."""
        got = self._static.get((w, t))
        if got is None:
            if len(self._static) > 200_000:  # bound the cache on endless input
                self._static.clear()
            f = [
                "w=" + w,
                "t=" + t,
                "wt=" + w + "/" + t,
                "p1=" + w[:1],
                "p2=" + w[:2],
                "s1=" + w[-1:],
                "s2=" + w[-2:],
                "l=" + str(min(len(w), 5)),
                "y=" + _ctype(w[0]) + _ctype(w[-1]),
                "sh=" + _shape(w),
            ]
            if self.clusters:
                ids = self.clusters.get(w)
                if ids is None:
                    f.append("c=none")  # a rare word: none of the unlabeled text's frequent ones
                else:
                    f += [f"c{level}={c}" for level, c in enumerate(ids)]
            if len(w) > 2 and w.endswith(self._long_suffixes):
                f.append("osfx")  # "…대학교", "…전자": ends like an organisation or facility name
            if t != "NNP" and 2 <= len(w) <= 3 and w[0] in self.surnames:
                f.append("sn2=" + t)  # a name Kiwi took for a common word ("이수진" as NNG)
            got = self._static[(w, t)] = tuple(f)
        return list(got)


def _data_lines(path: str | Path, what: str) -> list[str]:
    """The lines of a model's data file, without blank and comment lines."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PipelineError(f"{path}: cannot read the NER {what} ({exc}); run `make train`") from exc
    return [line for line in lines if line and not line.startswith("#")]


def read_clusters(path: str | Path) -> dict[str, tuple[int, ...]]:
    """The word-cluster file of a model: ``token text<TAB>id id id`` per line (coarse to fine)."""
    table: dict[str, tuple[int, ...]] = {}
    for line in _data_lines(path, "word clusters"):
        word, _, ids = line.partition("\t")
        try:
            table[word] = tuple(int(x) for x in ids.split())
        except ValueError as exc:
            raise PipelineError(f"{path}: a bad cluster line {line!r}; run `make train`") from exc
    return table


def write_clusters(table: dict[str, tuple[int, ...]], path: str | Path) -> None:
    """Write `table` as :func:`read_clusters` reads it (sorted: the file is byte-reproducible)."""
    rows = ["# token text\tword-cluster ids, coarse to fine (unlabeled text; newskg.extract.ner_train)"]
    rows += [w + "\t" + " ".join(map(str, ids)) for w, ids in sorted(table.items())]
    Path(path).write_text("\n".join(rows) + "\n", encoding="utf-8")


_EMPTY = Lexicon({}, ())
_RUNS = re.compile(r"(.)\1+")


def _shape(w: str) -> str:
    """Character classes of `w`, runs cut to two, at most four ("HHHH" → "HH", "LLDD" → "LLDD")."""
    return _RUNS.sub(r"\1\1", "".join(_ctype(ch) for ch in w))[:4]


def token_features(
    text: str, tokens: Sequence[tuple[int, int, str]], lexicon: Lexicon | None = None
) -> list[list[str]]:
    """Features of each Kiwi token of `text` (a sentence); `tokens` are ``(start, end, tag)``.

    The CRF labels tokens (morphemes), not characters: Kiwi splits particles off names, so a
    token sequence is two to three times shorter than the characters at about the same
    accuracy. Features: the token's text, tag (first morpheme) and both together, its first and
    last one or two characters, length, character classes and shape, whether a space precedes
    or follows it, its position in the eojeol, the texts and tags of the tokens around it (±1,
    word pairs ±1, tags ±2), and the `lexicon` marks: inside a known place/organisation name
    (itself and its neighbours), a surname starting a short word, a role word just before or
    after (``role-1``/``role+1``; ``role+2`` across one NNP), an organisation ending on the token
    or as the next token; with word clusters, the token's cluster at each granularity (``c=none``
    for a word too rare to have one) and the middle one of its neighbours (``-1c``/``+1c``).

    >>> f = token_features("김민준 씨", [(0, 3, "NNP"), (4, 5, "NNB")], Lexicon({}, ["김"]))
    >>> "w=김민준" in f[0] and "+1w=씨" in f[0] and "sa" in f[0] and "sn" in f[0]
    True
    >>> f = token_features("대표 박서준", [(0, 2, "NNG"), (3, 6, "NNP")], Lexicon({}, ["박"], ["대표"]))
    >>> "role-1" in f[1], "role+1" in f[0]
    (True, False)
    """
    lex = lexicon or _EMPTY
    n = len(tokens)
    if not n:
        return []
    words = [text[s:e] for s, e, _t in tokens]
    tags = [t.split("+", 1)[0] for _s, _e, t in tokens]
    marks = lex.marks(text) if lex.maxlen else None
    surnames, roles, suffixes = lex.surnames, lex.roles, lex.suffixes
    is_role = [w in roles for w in words]
    # the middle granularity of the neighbours' clusters ("a verb of saying follows")
    near = [lex.near.get(w) for w in words] if lex.near else None
    out: list[list[str]] = []
    ep = 0
    for i, (s, e, _t) in enumerate(tokens):
        w, t = words[i], tags[i]
        before = s == 0 or text[s - 1].isspace()
        after = e >= len(text) or text[e].isspace()
        ep = 0 if before else ep + 1
        pw, pt = (words[i - 1], tags[i - 1]) if i else ("^", "BOS")
        nw, nt = (words[i + 1], tags[i + 1]) if i + 1 < n else ("$", "EOS")
        f = lex.static(w, t)
        f += [
            "ep=" + str(min(ep, 2)),
            "-1w=" + pw,
            "-1t=" + pt,
            "+1w=" + nw,
            "+1t=" + nt,
            "-2t=" + (tags[i - 2] if i > 1 else "BOS"),
            "+2t=" + (tags[i + 2] if i + 2 < n else "EOS"),
            "tt-=" + pt + t,
            "tt+=" + t + nt,
            "ww-=" + pw + "|" + w,
            "ww+=" + w + "|" + nw,
        ]
        if before:
            f.append("sb")
        if after:
            f.append("sa")
        if i + 1 < n:
            if is_role[i + 1]:
                f.append("role+1")
            if i + 2 < n and is_role[i + 2] and nt == "NNP":
                f.append("role+2")
            if nw in suffixes:
                f.append("osfx+1")
        if i and is_role[i - 1]:
            f.append("role-1")
        if marks is not None:
            if marks[s]:
                f.append("gz=" + marks[s])
                if e - 1 > s and marks[e - 1][:3] != marks[s][:3]:
                    f.append("gz=part")
            if i and marks[tokens[i - 1][0]]:
                f.append("-1gz=" + marks[tokens[i - 1][0]][:3])
            if i + 1 < n and marks[tokens[i + 1][0]]:
                f.append("+1gz=" + marks[tokens[i + 1][0]][:3])
        if t == "NNP" and w[0] in surnames and 2 <= len(w) <= 4:
            f.append("sn")
        if near is not None:
            if i and near[i - 1] is not None:
                f.append(near[i - 1][0])
            if i + 1 < n and near[i + 1] is not None:
                f.append(near[i + 1][1])
        out.append(f)
    return out


def token_labels(tokens: Sequence[tuple[int, int, str]], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """B-/I-/O per token from character spans: the first token a span touches is B, the rest I.

    A span starting or ending inside a token takes the whole token (the tagger then predicts
    token-aligned spans; see the module docstring).

    >>> token_labels([(0, 3, "NNP"), (3, 4, "JKS"), (5, 7, "NNG")], [(0, 3, "PERSON")])
    ['B-PERSON', 'O', 'O']
    """
    out = ["O"] * len(tokens)
    for a, b, kind in sorted(spans):
        first = True
        for i, (s, e, _t) in enumerate(tokens):
            if s < b and a < e and out[i] == "O":
                out[i] = ("B-" if first else "I-") + kind
                first = False
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
        clusters = clusters_path(self.path)
        self.lexicon = Lexicon.read(lexicon_path(self.path), clusters if clusters.is_file() else None)
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
        toks = [(a, b, t) for a, b, t in tokens if b > a and text[a:b].strip()]
        if not toks:
            return []
        labels = self._tagger.tag(token_features(text, toks, self.lexicon))
        out = []
        for i, j, kind in decode_bio(labels):
            s, e = toks[i][0], toks[j - 1][1]
            score = 1.0
            if scores:
                score = sum(self._tagger.marginal(labels[k], k) for k in range(i, j)) / (j - i)
            out.append((s, e, kind, round(score, 4)))
        return out


def lexicon_path(model: str | Path) -> Path:
    """The lexicon file that goes with a model file (``x.crfsuite`` → ``x.lexicon.tsv``)."""
    model = Path(model)
    return model.with_name(model.name.removesuffix(".crfsuite") + ".lexicon.tsv")


def clusters_path(model: str | Path) -> Path:
    """The word-cluster file that goes with a model file (``x.crfsuite`` → ``x.clusters.tsv``);
    a model trained without clusters has none."""
    model = Path(model)
    return model.with_name(model.name.removesuffix(".crfsuite") + ".clusters.tsv")


def default_model_path() -> Path:
    """The model shipped in the package (``newskg/extract/models/``, :data:`MODEL_NAME`)."""
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

    A line break also ends a sequence (headlines, captions and bylines stand on lines of their
    own, and a name never spans two lines). Skipped stretches and whitespace are left out; token
    offsets are relative to the sequence start. Reads the Doc's attribute arrays, not Token
    objects (building a Python Token per word cost the component a quarter of its time), and the
    token columns the tokenizer keeps (``tokenizer.token_table``).
    """
    from newskg.extract.tokenizer import token_table
    from spacy.attrs import SENT_START

    if not len(doc):
        return
    text = doc_text(doc)
    table = token_table(doc)
    chunk: list[tuple[int, int, str]] = []
    rows = zip(table.starts, table.texts, table.tags, doc.to_array(SENT_START).tolist(), strict=True)
    for idx, word, tag, start in rows:
        if start == 1 and chunk:
            yield _chunk(chunk)
            chunk = []
        end = idx + len(word)
        if tag == _SKIP or not word.strip():
            if chunk and "\n" in word:
                yield _chunk(chunk)
                chunk = []
            continue
        if chunk and "\n" in text[chunk[-1][1] : idx]:
            yield _chunk(chunk)
            chunk = []
        chunk.append((idx, end, tag))
    if chunk:
        yield _chunk(chunk)


def doc_text(doc: Any) -> str:
    """``doc.text`` from the Doc's arrays, built once (see ``tokenizer.doc_text``)."""
    from newskg.extract.tokenizer import doc_text as text_of

    return text_of(doc)


def _chunk(toks: list[tuple[int, int, str]]) -> tuple[int, int, list[tuple[int, int, str]]]:
    s, e = toks[0][0], toks[-1][1]
    return s, e, [(a - s, b - s, t) for a, b, t in toks]


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
    text = doc_text(doc)
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
