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
    char_features,
    doc_sentences,
    find_entities,
    get_tagger,
    lexicon_path,
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
    "main",
]

# The blind news articles (COMMON.md): never trained on, never read here.
BLIND = re.compile(r"news-[abcd]1[0-2]\b")
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 120, "min_freq": 2}
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
    places as LOC, bodies as ORG) and the surname list (``extract/data/surnames.tsv``)."""
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
    return Lexicon(names, [s for s in surnames if len(s) == 1])


def _labels(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    out = ["O"] * n
    for s, e, kind in spans:
        if s < 0 or e > n:
            continue
        out[s] = "B-" + kind
        for i in range(s + 1, e):
            out[i] = "I-" + kind
    return out


def article_examples(
    article: dict[str, Any], lexicon: Lexicon | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per sentence of a gold article, labels from :func:`project_names`."""
    text = article["text"]
    labels = _labels(len(text), project_names(article))
    doc = _tokenizer()(text)
    return [(char_features(text[s:e], toks, lexicon), labels[s:e]) for s, e, toks in doc_sentences(doc)]


def klue_examples(
    path: str | Path, lexicon: Lexicon | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per KLUE-NER sentence (the whole sentence is one sequence)."""
    from newskg.extract.evaluate import read_klue

    tok = _tokenizer()
    out = []
    for _sid, text, spans in read_klue(path):
        doc = tok(text)
        toks = [(t.idx, t.idx + len(t.text), t.tag_) for t in doc if not t.is_space]
        out.append((char_features(text, toks, lexicon), _labels(len(text), spans)))
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
        else:
            res = evaluate_klue(args.klue, args.model)
            print(f"KLUE-NER {args.klue} ({res['sentences']} sentences, {res['seconds']} s), model alone:")
            print(_fmt("overall", res["mentions"]))
            for k, v in res["by_type"].items():
                print(_fmt(k, v))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
