"""Training and evaluation of the CRF NER of :mod:`newskg.extract.ner` (deterministic, offline).

Training data: KLUE-NER sentences (PS → PERSON, OG → ORG, LC → LOC; dates, times and quantities are
left out) plus gold articles in the format of ``CONTRACT.md``, whose entity names and aliases are
projected onto their text by string matching (longest name first, not inside a longer word).
Optional word clusters (:func:`build_clusters`; not in the shipped model) come from unlabeled
text: the KLUE-NER train sentences, KLUE-DP sentences and gold articles' text, never labels.
:func:`train` takes the list of gold articles to use, so cross-validation can train a fold model
without its test articles. ``make train`` runs :func:`main`, which is the thin command line of
this module (it prints; the library functions do not).

Example (a tiny invented set, trained in well under a second):
    >>> import tempfile, pathlib
    >>> art = {"id": "x", "text": "김민준은 한빛전자 대표다. 이서연은 미래상사 대표다.",
    ...        "entities": [{"name": "김민준", "type": "PERSON"}, {"name": "이서연", "type": "PERSON"},
    ...                     {"name": "한빛전자", "type": "ORG"}, {"name": "미래상사", "type": "ORG"}]}
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "m.crfsuite"
    >>> stats = train([art] * 5, out, klue=None, max_iterations=30)
    >>> stats["sequences"], out.is_file()
    (10, True)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newskg.extract.ner import (
    LABELS,
    Lexicon,
    _tokenizer,
    clusters_path,
    doc_sentences,
    find_entities,
    get_tagger,
    lexicon_path,
    token_features,
    token_labels,
    write_clusters,
)
from newskg.ontology.errors import InputError

__all__ = [
    "BLIND",
    "CLUSTER_PARAMS",
    "gold_files",
    "load_articles",
    "project_names",
    "article_examples",
    "klue_examples",
    "build_lexicon",
    "unlabeled_sentences",
    "build_clusters",
    "train",
    "evaluate_klue",
    "evaluate_articles",
    "cross_validate",
    "cross_validate_klue",
    "fold_of",
    "train_folds",
    "main",
]

# Word clusters (build_clusters; optional features, off in the shipped model), chosen by `make
# ner-select` like the CRF's parameters: words seen `min_count` times or more, PPMI of the
# `contexts` most frequent words at each of ±`window` positions, `dim` SVD dimensions, k-means at
# each granularity of `levels`
CLUSTER_PARAMS = {"min_count": 3, "contexts": 3000, "window": 2, "dim": 100, "levels": (32, 128, 512)}
# The blind news articles (COMMON.md): never trained on, never read here.
BLIND = re.compile(r"news-[abcd]1[0-2]\b")
# chosen by 5-fold cross-validation on the KLUE train split (sentence i in fold i mod 5; `make
# ner-select`), never on the dev split: stronger L2 than v2's 0.02 helped every feature set
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.3, "max_iterations": 120, "min_freq": 2}
_WORDCH = re.compile(r"[0-9A-Za-z\uac00-\ud7a3]")


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold ``.json`` files under `paths` (files or folders), sorted, blind articles left out."""
    out: set[Path] = set()
    for p in map(Path, paths):
        files = sorted(p.glob("*.json")) if p.is_dir() else [p]
        out.update(f for f in files if not BLIND.search(f.name))
    return sorted(out)


def load_articles(files: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Gold articles read from `files` (InputError naming the file when one cannot be read)."""
    arts = []
    for f in files:
        try:
            arts.append(json.loads(Path(f).read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise InputError(f"{f}: cannot read the gold article ({exc})") from exc
    return arts


def project_names(article: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Character spans of the article's gold entity names and aliases, with their types.

    Longest names first; an occurrence preceded by a letter or syllable (inside a longer word) or
    overlapping a longer one is skipped.

    >>> project_names({"text": "한빛시와 한빛시청, 또 한빛", "entities": [
    ...     {"name": "한빛시", "type": "LOC", "aliases": ["한빛"]}, {"name": "한빛시청", "type": "LOC"}]})
    [(0, 3, 'LOC'), (5, 9, 'LOC'), (13, 15, 'LOC')]
    """
    text = article["text"]
    names: dict[str, str] = {}
    for e in article.get("entities", []):
        if e.get("type") not in LABELS:
            continue
        for n in (e.get("name"), *e.get("aliases", [])):
            if n and len(n) >= 2 and n.strip() == n:
                names.setdefault(n, e["type"])
    taken = [False] * len(text)
    spans = []
    for n in sorted(names, key=lambda s: (-len(s), s)):
        start = 0
        while (i := text.find(n, start)) >= 0:
            start = i + 1
            j = i + len(n)
            if i > 0 and _WORDCH.match(text[i - 1]) and _WORDCH.match(n[0]):
                continue
            if any(taken[i:j]):
                continue
            taken[i:j] = [True] * len(n)
            spans.append((i, j, names[n]))
    return sorted(spans)


def build_lexicon(clusters: dict[str, tuple[int, ...]] | None = None) -> Lexicon:
    """The lexicon of the model from the gazetteer (unambiguous names of two characters or more,
    places as LOC, bodies as ORG), the surname list (``extract/data/surnames.tsv``), the role
    words of :func:`newskg.extract.lexicon.load_lexicon` and the name endings of
    ``extract/data/org_suffixes.tsv``; `clusters` are the word clusters of :func:`build_clusters`."""
    from importlib import resources

    from newskg.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names: dict[str, str] = {}
    for e in gaz.entries():
        if e.type not in ("LOC", "ORG"):
            continue
        for s in e.surfaces():
            if len(s) >= 2 and not gaz.is_ambiguous(s) and not s.isascii():
                names.setdefault(s, e.type)
    text = resources.files("newskg.extract").joinpath("data", "surnames.tsv").read_text(encoding="utf-8")
    surnames = [ln.split("\t")[0] for ln in text.splitlines() if ln and not ln.startswith("#")]
    from newskg.extract.lexicon import load_lexicon

    data = resources.files("newskg.extract").joinpath("data", "org_suffixes.tsv")
    rows = data.read_text(encoding="utf-8").splitlines()
    endings = [ln.split("\t")[0] for ln in rows if ln.strip() and not ln.startswith("#")]
    return Lexicon(names, [s for s in surnames if len(s) == 1], load_lexicon().roles, endings, clusters)


def unlabeled_sentences(
    klue: Iterable[str | Path] = (), dp: Iterable[str | Path] = (), gold: Iterable[str | Path] = ()
) -> list[list[str]]:
    """Kiwi token texts per sentence of unlabeled Korean text: KLUE-NER files (`klue`, their
    labels unused), KLUE-DP files (`dp`, the ``## id<TAB>sentence`` lines) and gold articles
    (`gold`, files or folders; the blind articles are skipped by name, see :func:`gold_files`)."""
    from newskg.extract.evaluate import read_klue

    tok = _tokenizer()
    texts = [text for path in klue for _sid, text, _spans in read_klue(path)]
    for path in dp:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"{path}: cannot read the KLUE-DP file ({exc.strerror})") from exc
        texts += [ln.split("\t", 1)[1] for ln in lines if ln.startswith("## klue-dp") and "\t" in ln]
    out = [[t.text for t in tok(text) if t.text.strip()] for text in texts]
    for art in load_articles(gold_files(gold)):
        text = art["text"]
        for s, _e, toks in doc_sentences(tok(text)):
            out.append([text[s + a : s + b] for a, b, _t in toks])
    return out


def build_clusters(
    sentences: Sequence[Sequence[str]],
    min_count: int = CLUSTER_PARAMS["min_count"],
    contexts: int = CLUSTER_PARAMS["contexts"],
    window: int = CLUSTER_PARAMS["window"],
    dim: int = CLUSTER_PARAMS["dim"],
    levels: Sequence[int] = CLUSTER_PARAMS["levels"],
) -> dict[str, tuple[int, ...]]:
    """Word clusters of the token texts of unlabeled `sentences`: token → one id per level.

    Every word seen `min_count` times or more is a row of positive PMI with the `contexts` most
    frequent words at each offset ±1…±`window` (context counts smoothed by the power 0.75),
    reduced to `dim` dimensions by a seeded randomized SVD and clustered by spherical k-means
    at each size of `levels`, seeded with evenly spaced frequent words. Deterministic: the same
    sentences give the same table. Plain numpy, about a minute for 10,000 sentences.
    """
    import numpy as np

    counts = Counter(w for sent in sentences for w in sent)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    if len(vocab) < max(levels, default=1) * 2:
        raise InputError(
            f"only {len(vocab)} words occur {min_count} times: too little text for word clusters"
        )
    row = {w: i for i, w in enumerate(vocab)}
    nctx = min(contexts, len(vocab))
    width = 2 * window * nctx
    flat: list[int] = []
    for sent in sentences:
        ids = [row.get(w, -1) for w in sent]
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for d in range(1, window + 1):
                for slot, j in ((d - 1, i - d), (window + d - 1, i + d)):
                    if 0 <= j < len(ids) and 0 <= ids[j] < nctx:
                        flat.append(wi * width + slot * nctx + ids[j])
    cells, hits = np.unique(np.asarray(flat, dtype=np.int64), return_counts=True)
    m = np.zeros(len(vocab) * width, dtype=np.float32)  # float32, in place: ~0.3 GB at 5,000 words
    m[cells] = hits
    m = m.reshape(len(vocab), width)
    total = float(hits.sum())
    pw = m.sum(1, keepdims=True, dtype=np.float64) / total
    pc = m.sum(0, keepdims=True, dtype=np.float64) ** 0.75
    pc /= pc.sum()
    pw[pw == 0] = 1.0  # an empty row or column stays 0 (→ log 0 → 0), never 0/0
    pc[pc == 0] = 1.0
    m /= total
    m /= (pw * pc).astype(np.float32)
    with np.errstate(divide="ignore"):
        np.log(m, out=m)
    np.maximum(m, 0.0, out=m)  # log 0 = -inf → 0: positive PMI
    pmi = m
    # randomized SVD (Halko et al.): two power iterations are plenty for a cluster seed
    rng = np.random.default_rng(0)
    y = pmi @ rng.standard_normal((width, dim + 20))
    for _ in range(2):
        y = pmi @ (pmi.T @ y)
    q, _r = np.linalg.qr(y)
    ub, sv, _vt = np.linalg.svd(q.T @ pmi, full_matrices=False)
    vec = (q @ ub)[:, :dim] * np.sqrt(sv[:dim])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    out: dict[str, list[int]] = {w: [] for w in vocab}
    for k in levels:
        cent = vec[np.linspace(0, min(len(vocab), 4 * k) - 1, k).astype(int)].copy()
        for _ in range(25):
            assign = np.argmax(vec @ cent.T, axis=1)
            for j in range(k):
                members = vec[assign == j]
                if len(members):
                    c = members.sum(0)
                    cent[j] = c / (np.linalg.norm(c) + 1e-9)
        for w, j in zip(vocab, np.argmax(vec @ cent.T, axis=1).tolist(), strict=True):
            out[w].append(j)
    return {w: tuple(ids) for w, ids in out.items()}


def article_examples(
    article: dict[str, Any], lexicon: Lexicon | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per sentence of a gold article, labels from :func:`project_names`."""
    text = article["text"]
    doc = _tokenizer()(text)
    spans = project_names(article)
    out = []
    for s, e, toks in doc_sentences(doc):
        sent = text[s:e]
        toks = [(a, b, t) for a, b, t in toks if sent[a:b].strip()]
        inside = [(a - s, b - s, k) for a, b, k in spans if s <= a and b <= e]
        out.append((token_features(sent, toks, lexicon), token_labels(toks, inside)))
    return out


def klue_examples(
    path: str | Path, lexicon: Lexicon | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per KLUE-NER sentence (the whole sentence is one token sequence)."""
    from newskg.extract.evaluate import read_klue

    tok = _tokenizer()
    out = []
    for _sid, text, spans in read_klue(path):
        doc = tok(text)
        toks = [(t.idx, t.idx + len(t.text), t.tag_) for t in doc if t.text.strip()]
        out.append((token_features(text, toks, lexicon), token_labels(toks, spans)))
    return out


def train(
    articles: Sequence[dict[str, Any]],
    out: str | Path,
    klue: str | Path | None = None,
    c1: float = DEFAULT_PARAMS["c1"],
    c2: float = DEFAULT_PARAMS["c2"],
    max_iterations: int = DEFAULT_PARAMS["max_iterations"],
    min_freq: float = DEFAULT_PARAMS["min_freq"],
    clusters: dict[str, tuple[int, ...]] | None = None,
) -> dict[str, Any]:
    """Train the CRF on KLUE-NER (`klue`, optional) plus the gold `articles`; write it to `out`.

    `clusters` (from :func:`build_clusters`) adds the word-cluster features and is written next
    to the model (``x.clusters.tsv``); without it a stale cluster file there is removed.
    Deterministic: the same data and parameters give the same model file. Returns figures of the
    run (sequences, characters, seconds, model bytes).
    """
    import pycrfsuite

    t0 = time.perf_counter()
    lex = build_lexicon(clusters)
    data = klue_examples(klue, lex) if klue else []
    for art in articles:
        data.extend(article_examples(art, lex))
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in data:
        trainer.append(feats, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    lex.write(lexicon_path(out))
    extra = clusters_path(out)
    if clusters:
        write_clusters(clusters, extra)
    else:
        extra.unlink(missing_ok=True)
    trainer.train(str(out))
    return {
        "sequences": len(data),
        "characters": sum(len(labels) for _f, labels in data),
        "articles": len(articles),
        "seconds": round(time.perf_counter() - t0, 1),
        "bytes": sum(f.stat().st_size for f in (out, lexicon_path(out), extra) if f.is_file()),
    }


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "tp": tp,
        "pred": pred,
        "gold": gold,
    }


def evaluate_klue(path: str | Path, model: str | Path | None = None) -> dict[str, Any]:
    """Mention P/R/F1 (exact span and type) for PERSON/ORG/LOC of the model alone on KLUE-NER."""
    from newskg.extract.evaluate import read_klue

    get_tagger(model)  # load before timing
    c: dict[str, Counter] = defaultdict(Counter)
    t0 = time.perf_counter()
    n = 0
    for _sid, text, gold in read_klue(path):
        n += 1
        pred = {(s, e, k) for s, e, k, _sc in find_entities(text, model, scores=False)}
        for kind in LABELS:
            g = {x for x in gold if x[2] == kind}
            p = {x for x in pred if x[2] == kind}
            c[kind].update(tp=len(g & p), pred=len(p), gold=len(g))
    total = sum(c.values(), Counter())
    return {
        "sentences": n,
        "seconds": round(time.perf_counter() - t0, 2),
        "mentions": _prf(total["tp"], total["pred"], total["gold"]),
        "by_type": {k: _prf(c[k]["tp"], c[k]["pred"], c[k]["gold"]) for k in LABELS},
    }


def evaluate_articles(articles: Sequence[dict[str, Any]], model: str | Path | None = None) -> dict[str, Any]:
    """Mention P/R/F1 of the model alone against the gold names projected onto the articles' text.

    Approximate: gold lists names, not every mention, so a short form the model finds ("임 시장"'s
    임) counts against precision and a name glued into a longer token against both.
    """
    c: dict[str, Counter] = defaultdict(Counter)
    for art in articles:
        gold = set(project_names(art))
        pred = {(s, e, k) for s, e, k, _sc in find_entities(art["text"], model, scores=False)}
        for kind in LABELS:
            g = {x for x in gold if x[2] == kind}
            p = {x for x in pred if x[2] == kind}
            c[kind].update(tp=len(g & p), pred=len(p), gold=len(g))
    total = sum(c.values(), Counter())
    return {
        "articles": len(articles),
        "mentions": _prf(total["tp"], total["pred"], total["gold"]),
        "by_type": {k: _prf(c[k]["tp"], c[k]["pred"], c[k]["gold"]) for k in LABELS},
    }


def fold_of(articles: Sequence[dict[str, Any]], folds: int = 5) -> dict[str, int]:
    """The fold of each article id: articles sorted by id, the j-th in fold ``j % folds``.

    >>> fold_of([{"id": "b"}, {"id": "a"}, {"id": "c"}], folds=2)
    {'a': 0, 'b': 1, 'c': 0}
    """
    ids = sorted(str(a.get("id")) for a in articles)
    return {aid: j % folds for j, aid in enumerate(ids)}


def train_folds(
    articles: Sequence[dict[str, Any]],
    workdir: str | Path,
    klue: str | Path | None = None,
    base: Sequence[dict[str, Any]] = (),
    folds: int = 5,
    **params: Any,
) -> dict[str, Path]:
    """Train one model per fold, each without that fold's articles; article id → its fold model.

    For cross-validation of anything using the NER: score an article with the model of its fold
    (``newskg_ner`` takes it as ``model``). Every fold trains on KLUE, `base` and the articles of
    the other folds; see :func:`fold_of`.
    """
    fold = fold_of(articles, folds)
    models = {}
    for i in range(folds):
        rest = [a for a in articles if fold[str(a.get("id"))] != i]
        out = Path(workdir) / f"fold{i}.crfsuite"
        train([*base, *rest], out, klue=klue, **params)
        models[i] = out
    return {aid: models[i] for aid, i in fold.items()}


def cross_validate(
    articles: Sequence[dict[str, Any]],
    workdir: str | Path,
    klue: str | Path | None = None,
    base: Sequence[dict[str, Any]] = (),
    folds: int = 5,
    **params: Any,
) -> dict[str, Any]:
    """K-fold cross-validation by article of the model alone (:func:`train_folds`, then
    :func:`evaluate_articles` of each fold's articles with its model, figures summed)."""
    model_of = train_folds(articles, workdir, klue=klue, base=base, folds=folds, **params)
    c: dict[str, Counter] = defaultdict(Counter)
    for model in sorted(set(model_of.values())):
        test = [a for a in articles if model_of[str(a.get("id"))] == model]
        res = evaluate_articles(test, model)
        for k, v in res["by_type"].items():
            c[k].update(tp=v["tp"], pred=v["pred"], gold=v["gold"])
    total = sum(c.values(), Counter())
    return {
        "articles": len(articles),
        "folds": folds,
        "mentions": _prf(total["tp"], total["pred"], total["gold"]),
        "by_type": {k: _prf(c[k]["tp"], c[k]["pred"], c[k]["gold"]) for k in LABELS},
    }


def cross_validate_klue(
    path: str | Path,
    folds: int = 5,
    unlabeled: Sequence[Sequence[str]] | None = None,
    **params: Any,
) -> dict[str, Any]:
    """K-fold cross-validation of the model alone on a KLUE-NER file (sentence i in fold i mod
    `folds`; exact token-aligned spans and types, figures summed over the folds).

    With `unlabeled` (token texts per sentence, :func:`unlabeled_sentences`), each fold's model
    gets word clusters built from that text plus the file's sentences outside the fold (never
    from the fold's own text, as the shipped model never saw the dev split's). The model
    selection of the shipped parameters and features runs on the train split this way, so the
    dev split stays an honest final figure.
    """
    import tempfile

    import pycrfsuite
    from newskg.extract.evaluate import read_klue
    from newskg.extract.ner import decode_bio

    lex = build_lexicon()
    tok = _tokenizer()
    raw = []
    for _sid, text, spans in read_klue(path):
        toks = [(t.idx, t.idx + len(t.text), t.tag_) for t in tok(text) if t.text.strip()]
        raw.append((text, toks, spans))
    p = {**DEFAULT_PARAMS, **params}
    c: dict[str, Counter] = defaultdict(Counter)
    sents: list[tuple[list[list[str]], list[tuple[int, int, str]], set[tuple[int, int, str]]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            if unlabeled is not None:
                words = [
                    [text[a:b] for a, b, _t in toks]
                    for i, (text, toks, _s) in enumerate(raw)
                    if i % folds != k
                ]
                lex = build_lexicon(build_clusters([*words, *unlabeled]))
            if unlabeled is not None or not sents:
                sents = [(token_features(text, toks, lex), toks, spans) for text, toks, spans in raw]
            trainer = pycrfsuite.Trainer(verbose=False)
            for i, (feats, toks, spans) in enumerate(sents):
                if i % folds != k:
                    trainer.append(feats, token_labels(toks, spans))
            trainer.set_params(
                {
                    "c1": p["c1"],
                    "c2": p["c2"],
                    "max_iterations": p["max_iterations"],
                    "feature.minfreq": p["min_freq"],
                    "feature.possible_transitions": True,
                }
            )
            model = f"{tmp}/fold{k}.crfsuite"
            trainer.train(model)
            tagger = pycrfsuite.Tagger()
            tagger.open(model)
            for feats, toks, gold in sents[k::folds]:
                pred = {(toks[a][0], toks[b - 1][1], kind) for a, b, kind in decode_bio(tagger.tag(feats))}
                for kind in LABELS:
                    g = {x for x in gold if x[2] == kind}
                    q = {x for x in pred if x[2] == kind}
                    c[kind].update(tp=len(g & q), pred=len(q), gold=len(g))
            tagger.close()
    total = sum(c.values(), Counter())
    return {
        "sentences": len(sents),
        "folds": folds,
        "mentions": _prf(total["tp"], total["pred"], total["gold"]),
        "by_type": {k: _prf(c[k]["tp"], c[k]["pred"], c[k]["gold"]) for k in LABELS},
    }


def _fmt(name: str, v: dict[str, float]) -> str:
    return (
        f"{name:10} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  "
        f"(tp {v['tp']}, pred {v['pred']}, gold {v['gold']})"
    )


def _add_unlabeled(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--unlabeled-dp",
        type=Path,
        nargs="*",
        default=[],
        help="KLUE-DP .tsv files: unlabeled text for word clusters",
    )
    parser.add_argument(
        "--unlabeled-gold",
        type=Path,
        nargs="*",
        default=[],
        help="gold article files or folders whose text (not labels) joins the word clusters' text",
    )


def _unlabeled(args: argparse.Namespace, with_klue: bool) -> list[list[str]] | None:
    """The unlabeled sentences the options name (None: no word clusters)."""
    if not (args.unlabeled_dp or args.unlabeled_gold):
        return None
    klue = [args.klue] if with_klue and args.klue else []
    return unlabeled_sentences(klue, args.unlabeled_dp, args.unlabeled_gold)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newskg.extract.ner_train {train,eval}`` (used by ``make train``)."""
    from newskg.extract.ner import default_model_path

    ap = argparse.ArgumentParser(
        prog="python -m newskg.extract.ner_train", description=__doc__.split("\n")[0]
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    tr = sub.add_parser("train", help="train the CRF and write the model file")
    tr.add_argument("--klue", type=Path, help="KLUE-NER train .tsv")
    tr.add_argument("--gold", type=Path, nargs="*", default=[], help="gold article files or folders")
    tr.add_argument("--out", type=Path, default=default_model_path())
    for k, v in DEFAULT_PARAMS.items():
        tr.add_argument("--" + k.replace("_", "-"), type=type(v), default=v)
    _add_unlabeled(tr)
    ev = sub.add_parser("eval", help="mention P/R/F1 of the model alone on a KLUE-NER .tsv")
    ev.add_argument("klue", type=Path)
    ev.add_argument("--model", type=Path, default=None)
    ea = sub.add_parser("eval-gold", help="mention P/R/F1 of the model alone on gold articles' names")
    ea.add_argument("gold", type=Path, nargs="+")
    ea.add_argument("--model", type=Path, default=None)
    cv = sub.add_parser("cv", help="5-fold cross-validation by article (KLUE + base + 4/5 of the articles)")
    cv.add_argument("gold", type=Path, nargs="+", help="articles to cross-validate")
    cv.add_argument("--klue", type=Path)
    cv.add_argument("--base", type=Path, nargs="*", default=[], help="gold articles in every fold's training")
    cv.add_argument("--workdir", type=Path, required=True, help="where the fold models go")
    _add_unlabeled(cv)
    kc = sub.add_parser("klue-cv", help="5-fold cross-validation of the model alone on a KLUE-NER .tsv")
    kc.add_argument("klue", type=Path)
    for k, v in DEFAULT_PARAMS.items():
        kc.add_argument("--" + k.replace("_", "-"), type=type(v), default=v)
    _add_unlabeled(kc)
    fo = sub.add_parser("folds", help="train the 5 fold models of cross-validation by article")
    fo.add_argument("gold", type=Path, nargs="+", help="articles to split into folds")
    fo.add_argument("--klue", type=Path)
    fo.add_argument("--base", type=Path, nargs="*", default=[], help="gold articles in every fold's training")
    fo.add_argument("--workdir", type=Path, required=True, help="where fold models and folds.json go")
    _add_unlabeled(fo)
    args = ap.parse_args(argv)
    try:
        if args.cmd in ("train", "folds", "cv"):
            text = _unlabeled(args, with_klue=True)
            clusters = build_clusters(text) if text is not None else None
        if args.cmd == "train":
            files = gold_files(args.gold)
            stats = train(
                load_articles(files),
                args.out,
                klue=args.klue,
                c1=args.c1,
                c2=args.c2,
                max_iterations=args.max_iterations,
                min_freq=args.min_freq,
                clusters=clusters,
            )
            print(
                f"trained {args.out} on {stats['sequences']} sequences ({stats['articles']} gold "
                f"articles): {stats['bytes'] / 1e6:.2f} MB in {stats['seconds']} s"
            )
        elif args.cmd == "folds":
            model_of = train_folds(
                load_articles(gold_files(args.gold)),
                args.workdir,
                klue=args.klue,
                base=load_articles(gold_files(args.base)),
                clusters=clusters,
            )
            index = args.workdir / "folds.json"
            index.write_text(
                json.dumps({k: str(v) for k, v in sorted(model_of.items())}, indent=1), encoding="utf-8"
            )
            print(f"{len(set(model_of.values()))} fold models for {len(model_of)} articles; index {index}")
        elif args.cmd == "eval":
            res = evaluate_klue(args.klue, args.model)
            print(f"KLUE-NER {args.klue} ({res['sentences']} sentences, {res['seconds']} s), model alone:")
        elif args.cmd == "klue-cv":
            params = {k: getattr(args, k) for k in DEFAULT_PARAMS}
            res = cross_validate_klue(args.klue, unlabeled=_unlabeled(args, with_klue=False), **params)
            print(f"{res['folds']}-fold CV on {args.klue} ({res['sentences']} sentences), model alone:")
        elif args.cmd == "eval-gold":
            res = evaluate_articles(load_articles(gold_files(args.gold)), args.model)
            print(f"{res['articles']} gold articles, projected names, model alone:")
        else:
            res = cross_validate(
                load_articles(gold_files(args.gold)),
                args.workdir,
                klue=args.klue,
                base=load_articles(gold_files(args.base)),
                clusters=clusters,
            )
            print(f"{res['folds']}-fold CV by article over {res['articles']} gold articles, model alone:")
        if args.cmd not in ("train", "folds"):
            print(_fmt("overall", res["mentions"]))
            for k, v in res["by_type"].items():
                print(_fmt(k, v))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
