"""Training and evaluation of the CRF NER of :mod:`newskg.extract.ner` (deterministic, offline).

Training data: KLUE-NER sentences (PS → PERSON, OG → ORG, LC → LOC; dates, times and quantities are
left out) plus gold articles in the format of ``CONTRACT.md``, whose entity names and aliases are
projected onto their text by string matching (longest name first, not inside a longer word).
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
    doc_sentences,
    find_entities,
    get_tagger,
    lexicon_path,
    token_features,
    token_labels,
)
from newskg.ontology.errors import InputError

__all__ = [
    "BLIND",
    "gold_files",
    "load_articles",
    "project_names",
    "article_examples",
    "klue_examples",
    "build_lexicon",
    "train",
    "evaluate_klue",
    "evaluate_articles",
    "cross_validate",
    "cross_validate_klue",
    "fold_of",
    "train_folds",
    "main",
]

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


def build_lexicon() -> Lexicon:
    """The lexicon of the model from the gazetteer (unambiguous names of two characters or more,
    places as LOC, bodies as ORG), the surname list (``extract/data/surnames.tsv``), the role
    words of :func:`newskg.extract.lexicon.load_lexicon` and the name endings of
    ``extract/data/org_suffixes.tsv``."""
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
    return Lexicon(names, [s for s in surnames if len(s) == 1], load_lexicon().roles, endings)


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
) -> dict[str, Any]:
    """Train the CRF on KLUE-NER (`klue`, optional) plus the gold `articles`; write it to `out`.

    Deterministic: the same data and parameters give the same model file. Returns figures of the
    run (sequences, characters, seconds, model bytes).
    """
    import pycrfsuite

    t0 = time.perf_counter()
    lex = build_lexicon()
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
    trainer.train(str(out))
    return {
        "sequences": len(data),
        "characters": sum(len(labels) for _f, labels in data),
        "articles": len(articles),
        "seconds": round(time.perf_counter() - t0, 1),
        "bytes": out.stat().st_size + lexicon_path(out).stat().st_size,
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


def cross_validate_klue(path: str | Path, folds: int = 5, **params: Any) -> dict[str, Any]:
    """K-fold cross-validation of the model alone on a KLUE-NER file (sentence i in fold i mod
    `folds`; exact token-aligned spans and types, figures summed over the folds).

    The model selection of the shipped parameters and features runs on the train split this way,
    so the dev split stays an honest final figure.
    """
    import tempfile

    import pycrfsuite
    from newskg.extract.evaluate import read_klue
    from newskg.extract.ner import decode_bio

    lex = build_lexicon()
    tok = _tokenizer()
    sents = []
    for _sid, text, spans in read_klue(path):
        toks = [(t.idx, t.idx + len(t.text), t.tag_) for t in tok(text) if t.text.strip()]
        sents.append((token_features(text, toks, lex), toks, spans))
    p = {**DEFAULT_PARAMS, **params}
    c: dict[str, Counter] = defaultdict(Counter)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
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
    kc = sub.add_parser("klue-cv", help="5-fold cross-validation of the model alone on a KLUE-NER .tsv")
    kc.add_argument("klue", type=Path)
    for k, v in DEFAULT_PARAMS.items():
        kc.add_argument("--" + k.replace("_", "-"), type=type(v), default=v)
    fo = sub.add_parser("folds", help="train the 5 fold models of cross-validation by article")
    fo.add_argument("gold", type=Path, nargs="+", help="articles to split into folds")
    fo.add_argument("--klue", type=Path)
    fo.add_argument("--base", type=Path, nargs="*", default=[], help="gold articles in every fold's training")
    fo.add_argument("--workdir", type=Path, required=True, help="where fold models and folds.json go")
    args = ap.parse_args(argv)
    try:
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
            res = cross_validate_klue(args.klue, **params)
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
