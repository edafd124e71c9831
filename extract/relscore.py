"""Learned relation scoring: the rules and general sentence and article shapes propose candidate
triples (extract/relfeatures.py), two small logistic regressions over features of the pair decide.

- The *add* model scores the candidates no rule found (cue pairs, enumeration members, carried
  agents, article-level investment pairs); a candidate joins the output when its probability
  reaches its predicate's threshold. Predicates without a threshold get nothing added.
- The *keep* model scores the rules' own triples; one is dropped only below its predicate's keep
  threshold (0 for most: the rules' precision is high).

Each model is trained on the other candidates of its kind only, so the rules' verdict cannot swamp
the features of the pairs they missed. Thresholds are chosen per predicate by an inner
cross-validation by article on the training articles alone: the predicate's F1 on those articles
(rules plus additions) is maximised, with the additions' own precision at least `MIN_ADD_P`.
The model file (extract/data/relation_scorer.json: weights by feature name, thresholds) is built by
`python -m newskg.extract.relscore train` and loaded once per process. `... ceiling` prints where
recall is lost; `... cv` the 5-fold cross-validation by article.

Example:
    >>> sorted(features_of_text("pred", "visits"))
    ['pred=visits']
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newskg.extract.relfeatures import Candidate, article_context, candidates, featurize
from newskg.ontology.errors import PipelineError

__all__ = [
    "Scorer",
    "load_scorer",
    "candidates",
    "featurize",
    "fit",
    "train",
    "cross_validate",
    "ceiling",
    "features_of_text",
    "Candidate",
]

MODEL_FILE = "relation_scorer.json"
MIN_ADD_P = 0.7  # an addition set below this precision on the inner folds is not worth its noise
_GRID = tuple(round(0.05 * i, 2) for i in range(2, 20))
_KEEP_GRID = (0.0, 0.05, 0.1, 0.2, 0.3)
BLIND = re.compile(r"^news-[a-d]1[0-2]$")  # the blind part of the news set: never trained on


def features_of_text(kind: str, value: str) -> dict[str, float]:
    """One indicator feature (a helper for doctests and callers building their own)."""
    return {f"{kind}={value}": 1.0}


def _prob(weights: dict[str, float], feats: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Scorer:
    """The add and keep models (weights by feature name) with their per-predicate thresholds."""

    def __init__(
        self,
        add: dict[str, float],
        keep: dict[str, float] | None = None,
        add_at: dict[str, float] | None = None,
        keep_at: dict[str, float] | None = None,
        meta: dict | None = None,
    ) -> None:
        self.add = add
        self.keep = keep or {}
        self.add_at = add_at or {}
        self.keep_at = keep_at or {}
        self.meta = meta or {}

    def prob(self, feats: dict[str, float], ruled: bool = False) -> float:
        """The probability that the candidate holds, by the keep model for a rule's triple."""
        return _prob(self.keep if ruled else self.add, feats)

    def decide(self, c: Candidate, feats: dict[str, float]) -> float | None:
        """The candidate's probability when it is kept, else None."""
        if c.found is not None:
            pr = self.prob(feats, True)
            return pr if pr >= self.keep_at.get(c.predicate, 0.0) else None
        pr = self.prob(feats)
        return pr if pr >= self.add_at.get(c.predicate, 1.01) else None

    def rescore(self, sents: list, found: list, lex: Any) -> list:
        """The rule triples the keep model keeps (with the rules' confidence), the candidates the add
        model adds (confidence = its probability, rule "learned:<shape>"), and the planned and
        failed triples unchanged."""
        from newskg.extract.relations import Found

        if not self.add_at and not any(self.keep_at.values()):
            return list(found)  # nothing to add or drop: skip the candidates (speed)
        kept = [f for f in found if f.status != "done"]
        ctx = article_context(sents, found)
        for c in candidates(sents, found, lex, only=set(self.add_at)):
            if c.found is not None and self.keep_at.get(c.predicate, 0.0) <= 0.0:
                kept.append(c.found)
                continue
            if c.found is None and c.predicate not in self.add_at:
                continue
            pr = self.decide(c, featurize(c, lex, ctx))
            if pr is None:
                continue
            if c.found is not None:
                kept.append(c.found)
            else:
                kept.append(Found(c.subject, c.predicate, c.object, pr, c.sentence, f"learned:{c.shape}"))
        return kept

    def to_json(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "add_at": self.add_at,
            "keep_at": self.keep_at,
            "add": self.add,
            "keep": self.keep,
        }

    def save(self, path: str | Path) -> None:
        Path(path).write_text(
            json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
        )

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Scorer:
        return cls(d["add"], d.get("keep"), d.get("add_at"), d.get("keep_at"), d.get("meta"))


@lru_cache(maxsize=1)
def load_scorer() -> Scorer:
    """The shipped model (extract/data/relation_scorer.json), loaded once per process."""
    path = resources.files("newskg.extract").joinpath("data", MODEL_FILE)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        return Scorer.from_json(d)
    except (OSError, ValueError, KeyError) as exc:
        raise PipelineError(
            f"cannot read the relation scorer {path}: {exc}; run `make train` to rebuild it"
        ) from exc


def fit(
    rows: list[tuple[dict[str, float], int]], l2: float = 1.0, epochs: int = 300, lr: float = 0.05
) -> dict:
    """Weights of an L2-regularised logistic regression over sparse rows (full-batch Adam, numpy).
    Plain gradient descent at the old step size stopped far from the optimum (in-sample top
    probability 0.39 on the add rows): the model then only echoed which rule had fired."""
    import numpy as np

    if not rows:
        return {}
    names = sorted({k for f, _y in rows for k in f})
    index = {k: i for i, k in enumerate(names)}
    row_ids, cols, vals = [], [], []
    for r, (f, _lab) in enumerate(rows):
        for k, v in f.items():
            row_ids.append(r)
            cols.append(index[k])
            vals.append(v)
    ri, ci, vv = np.array(row_ids), np.array(cols), np.array(vals, dtype=float)
    y = np.array([lab for _f, lab in rows], dtype=float)
    n, d = len(rows), len(names)
    w, m1, m2 = np.zeros(d), np.zeros(d), np.zeros(d)
    for t in range(1, epochs + 1):
        z = np.clip(np.bincount(ri, weights=vv * w[ci], minlength=n), -30, 30)
        p = 1 / (1 + np.exp(-z))
        grad = np.bincount(ci, weights=vv * (p - y)[ri], minlength=d) / n + l2 * w / n
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad * grad
        w -= lr * (m1 / (1 - 0.9**t)) / (np.sqrt(m2 / (1 - 0.999**t)) + 1e-8)
    return {k: round(float(w[i]), 4) for k, i in index.items() if abs(w[i]) > 1e-4}


# ---- gold articles -------------------------------------------------------------------------------


def _gold_names(gold: dict) -> dict[str, str]:
    from newskg.extract.evaluate import norm

    names: dict[str, str] = {}
    for e in gold["entities"]:
        for n in [e["name"], e.get("en"), *e.get("aliases", [])]:
            if n and norm(n):
                names.setdefault(norm(n), e["id"])
    return names


def gold_article(gold: dict, stem: str) -> Any:
    """The Article of a gold file, with the publication date its metadata would give."""
    import dataclasses

    from newskg.extract.reader import read_text

    art = read_text(gold["text"], stem)
    if gold.get("published"):
        art = dataclasses.replace(art, published=gold["published"])
    return art


@dataclass
class Row:
    """One candidate of a gold article: features, label, and the key the scorer would count it by."""

    feats: dict[str, float]
    label: int
    ruled: bool
    predicate: str
    gkey: tuple[str, str, str]


@dataclass
class GoldDoc:
    """A gold article analysed once: its rows, the gold triple keys and the rules' keys."""

    stem: str
    gold: dict
    rows: list[Row]
    truth: set[tuple[str, str, str]]
    ruled: set[tuple[str, str, str]]
    mapped: dict[str, str]
    found_gold: set[str]
    cand_keys: set[tuple[str, str, str]]
    base_keys: set[tuple[str, str, str]]  # candidates of the rules and same-sentence cue pairs only


def _sym(s: str, p: str, o: str) -> tuple[str, str, str]:
    from newskg.ontology.vocab import predicates

    if predicates()[p].symmetric and o < s:
        s, o = o, s
    return (s, p, o)


def analyse_gold(gold: dict, stem: str, ex: Any, lex: Any) -> GoldDoc:
    """The candidates of one gold article with their labels (1 = the gold has the triple), keyed
    the scorer's way (entity names through the gold's names and aliases)."""
    from newskg.extract.evaluate import norm
    from newskg.ontology.vocab import predicates

    preds = predicates()
    doc = ex.doc(gold_article(gold, stem))
    sents, ents = doc._.nkg_sents or [], doc._.nkg_ents or []
    found = doc._.nkg_rule_found or []
    names = _gold_names(gold)
    mapped: dict[str, str] = {}
    for e in ents:
        ent = e.to_entity()
        for label in (ent.label, ent.label_en):
            if label and norm(label) in names:
                mapped[e.id] = names[norm(label)]
                break

    def gk(s: Any, p: str, o: Any) -> tuple[str, str, str]:
        return _sym(mapped.get(s.id, "?" + s.id), p, mapped.get(o.id, "?" + o.id))

    truth = {
        _sym(r["subject"], r["predicate"], r["object"]) for r in gold["relations"] if r["predicate"] in preds
    }
    ruled = {gk(f.subject, f.predicate, f.object) for f in found if f.status == "done"}
    ctx = article_context(sents, found)
    rows, base = [], set()
    for c in candidates(sents, found, lex):
        k = gk(c.subject, c.predicate, c.object)
        rows.append(Row(featurize(c, lex, ctx), int(k in truth), c.found is not None, c.predicate, k))
        if c.shape in ("rule", "cue"):
            base.add(k)
    keys = {r.gkey for r in rows}
    return GoldDoc(stem, gold, rows, truth, ruled, mapped, set(mapped.values()), keys, base)


def _gold_files(dirs: Iterable[str | Path], exclude: Iterable[str] = ()) -> list[Path]:
    skip = set(exclude)
    out = []
    for d in dirs:
        for f in sorted(Path(d).glob("*.json")):
            # the blind part of the news set is skipped by name, never opened
            if f.stem not in skip and not BLIND.match(f.stem):
                out.append(f)
    return out


def analyse_files(files: Iterable[Path], ex: Any = None) -> dict[str, GoldDoc]:
    """Every gold file analysed by the rules-only extractor."""
    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.pipeline import Extractor

    ex = ex or Extractor(scorer=False)
    lex = load_lexicon()
    out = {}
    for f in files:
        out[f.stem] = analyse_gold(json.loads(f.read_text(encoding="utf-8")), f.stem, ex, lex)
    return out


# ---- training with thresholds from inner folds ---------------------------------------------------


def folds_of(stems: list[str], k: int) -> list[list[str]]:
    """`k` folds of the article stems (sorted, every k-th): an article is in exactly one fold."""
    ordered = sorted(stems)
    return [[s for i, s in enumerate(ordered) if i % k == j] for j in range(k)]


def _fit_pair(docs: list[GoldDoc]) -> tuple[dict, dict]:
    add_rows = [(r.feats, r.label) for d in docs for r in d.rows if not r.ruled]
    keep_rows = [(r.feats, r.label) for d in docs for r in d.rows if r.ruled]
    return fit(add_rows), fit(keep_rows)


def _f1(tp: int, pred: int, gold: int) -> float:
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def choose_thresholds(
    scored: list[tuple[GoldDoc, list[float]]], min_add_p: float = MIN_ADD_P
) -> tuple[dict[str, float], dict[str, float]]:
    """Per-predicate keep and add thresholds maximising each predicate's F1 on these articles,
    given out-of-fold probabilities of their rows (`scored`: the doc and one probability a row)."""
    by_pred: dict[str, list[tuple[str, Row, float]]] = defaultdict(list)
    gold_n: Counter = Counter()
    for d, probs in scored:
        for r, pr in zip(d.rows, probs, strict=True):
            by_pred[r.predicate].append((d.stem, r, pr))
        for t in d.truth:
            gold_n[t[1]] += 1
    add_at: dict[str, float] = {}
    keep_at: dict[str, float] = {}
    for p, items in sorted(by_pred.items()):
        rule_items = [(st, r, pr) for st, r, pr in items if r.ruled]
        best_keep, best = 0.0, -1.0
        for t in _KEEP_GRID:
            keys = {(st, r.gkey): r.label for st, r, pr in rule_items if pr >= t}
            tp = sum(keys.values())
            f = _f1(tp, len(keys), gold_n[p])
            if f > best + 1e-9:
                best, best_keep = f, t
        keep_at[p] = best_keep
        kept = {(st, r.gkey): r.label for st, r, pr in rule_items if pr >= best_keep}
        tp0, n0 = sum(kept.values()), len(kept)
        best_add, best_f = None, _f1(tp0, n0, gold_n[p])
        extra = [(st, r, pr) for st, r, pr in items if not r.ruled]
        for t in _GRID:
            new = {(st, r.gkey): r.label for st, r, pr in extra if pr >= t and (st, r.gkey) not in kept}
            if not new:
                continue
            tp_new = sum(new.values())
            if tp_new / len(new) < min_add_p:
                continue
            f = _f1(tp0 + tp_new, n0 + len(new), gold_n[p])
            if f > best_f + 1e-9:
                best_f, best_add = f, t
        if best_add is not None:
            add_at[p] = best_add
    return keep_at, add_at


def train_docs(docs: list[GoldDoc], inner: int = 4, min_add_p: float = MIN_ADD_P) -> Scorer:
    """A scorer trained on these articles, thresholds by `inner`-fold cross-validation among them."""
    by_stem = {d.stem: d for d in docs}
    scored = []
    for test in folds_of(list(by_stem), inner):
        add, keep = _fit_pair([d for s, d in by_stem.items() if s not in test])
        for s in test:
            d = by_stem[s]
            scored.append((d, [_prob(keep if r.ruled else add, r.feats) for r in d.rows]))
    keep_at, add_at = choose_thresholds(scored, min_add_p)
    add, keep = _fit_pair(docs)
    rows = [r for d in docs for r in d.rows]
    meta = {
        "articles": len(docs),
        "candidates": len(rows),
        "positives": sum(r.label for r in rows),
        "min_add_p": min_add_p,
        "inner_folds": inner,
        "trained_on": sorted(d.stem for d in docs),
    }
    return Scorer(add, keep, add_at, keep_at, meta)


def train(gold_dirs: Iterable[str | Path], exclude: Iterable[str] = ()) -> Scorer:
    """A scorer trained on every gold article of the folders (minus `exclude` and the blind part)."""
    return train_docs(list(analyse_files(_gold_files(gold_dirs, exclude)).values()))


# ---- evaluation ----------------------------------------------------------------------------------


def decisions(model: Scorer, d: GoldDoc) -> set[tuple[str, str, str]]:
    """The gold-keyed triples the model outputs for an article (rules kept + additions)."""
    out = set()
    for r in d.rows:
        at = model.keep_at.get(r.predicate, 0.0) if r.ruled else model.add_at.get(r.predicate, 1.01)
        if _prob(model.keep if r.ruled else model.add, r.feats) >= at:
            out.add(r.gkey)
    return out


def _counts(pairs: Iterable[tuple[GoldDoc, set]]) -> dict[str, dict[str, Any]]:
    from newskg.extract.evaluate import prf

    c: dict[str, Counter] = defaultdict(Counter)
    for d, pred in pairs:
        for t in d.truth:
            c[t[1]]["gold"] += 1
            c[t[1]]["tp"] += t in pred
        for t in pred:
            c[t[1]]["pred"] += 1
    total: Counter = Counter()
    for v in c.values():
        total.update(v)
    return {
        "triples": prf(total["tp"], total["pred"], total["gold"]),
        "by_predicate": {p: prf(v["tp"], v["pred"], v["gold"]) for p, v in sorted(c.items())},
    }


def cross_validate_docs(
    docs: dict[str, GoldDoc], extra: list[GoldDoc], folds: int = 5, min_add_p: float = MIN_ADD_P
) -> dict[str, Any]:
    """Rules alone and rules + learned on the same articles, each fold's model trained (thresholds
    included) on the other folds plus `extra` only. Returns the gold-keyed predictions too."""
    rules, learned, models = {}, {}, []
    for test in folds_of(list(docs), folds):
        model = train_docs(extra + [d for s, d in docs.items() if s not in test], min_add_p=min_add_p)
        models.append(
            {
                "test": test,
                "add_at": model.add_at,
                "keep_at": model.keep_at,
                "trained_on": model.meta["trained_on"],
            }
        )
        for s in test:
            rules[s] = docs[s].ruled
            learned[s] = decisions(model, docs[s])
    return {"folds": models, "rules": rules, "learned": learned}


def cross_validate(tune_dir: str | Path, extra_dirs: Iterable[str | Path] = (), folds: int = 5) -> dict:
    """Scores by `folds`-fold cross-validation by article over the gold articles of `tune_dir`: each
    fold's model is trained on the other folds (plus every article of `extra_dirs`) and never sees its
    test articles. Returns the rules-only and the learned scores of the same articles, as
    `evaluate.score_articles` gives them (entities, triples, by predicate, unrealised)."""
    from newskg.extract.evaluate import score_articles
    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.pipeline import Extractor

    ex = Extractor(scorer=False)
    lex = load_lexicon()
    files = _gold_files([tune_dir])
    docs = analyse_files(files, ex)
    extra = list(analyse_files(_gold_files(extra_dirs), ex).values())
    rules_pred, learned_pred = [], []
    for test in folds_of(list(docs), folds):
        model = train_docs(extra + [d for s, d in docs.items() if s not in test])
        for st in test:
            g = docs[st].gold
            art = gold_article(g, st)
            doc = ex.doc(art)
            rules_pred.append(ex.from_doc(art, doc).to_json())
            doc._.nkg_found = model.rescore(doc._.nkg_sents or [], doc._.nkg_rule_found or [], lex)
            learned_pred.append(ex.from_doc(art, doc).to_json())
    golds = {s: d.gold for s, d in docs.items()}
    return {
        "folds": folds,
        "articles": len(files),
        "rules": score_articles(golds, rules_pred),
        "learned": score_articles(golds, learned_pred),
    }


def ceiling(docs: dict[str, GoldDoc]) -> dict[str, Counter]:
    """Where each gold triple is lost, by predicate: (a) an end not found as an entity, (b) both
    found but no candidate, (c) a candidate the rules did not take, ok = the rules found it; b0 is
    (b) with the rules' and same-sentence cue candidates only (before the widened shapes)."""
    out: dict[str, Counter] = defaultdict(Counter)
    for d in docs.values():
        for t in d.truth:
            s, p, o = t
            if s not in d.found_gold or o not in d.found_gold:
                cls = "a"
            elif t not in d.cand_keys:
                cls = "b"
            elif t not in d.ruled:
                cls = "c"
            else:
                cls = "ok"
            b0 = cls != "a" and t not in d.base_keys
            for key in (p, "ALL"):
                out[key][cls] += 1
                out[key]["b0"] += b0
    return out


def _format_prf(title: str, res: dict[str, Any]) -> list[str]:
    def row(name: str, v: dict[str, Any]) -> str:
        counts = f"(tp {v['tp']}, pred {v['pred']}, gold {v['gold']})"
        return f"{name:36} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f} {counts}"

    return [row(title, res["triples"])] + [row("  " + p, v) for p, v in res["by_predicate"].items()]


def timing(files: list[Path], rounds: int = 3) -> list[str]:
    """Mean extraction time per article with the rules alone and with the shipped scorer on."""
    import time

    from newskg.extract.pipeline import Extractor

    arts = [gold_article(json.loads(f.read_text(encoding="utf-8")), f.stem) for f in files]
    out = []
    for name, ex in (("rules", Extractor(scorer=False)), ("rules + learned", Extractor(scorer=True))):
        ex.extract(arts[0])  # warm caches
        t0 = time.perf_counter()
        for _ in range(rounds):
            for a in arts:
                ex.extract(a)
        ms = 1000 * (time.perf_counter() - t0) / (rounds * len(arts))
        out.append(f"extraction time, {name}: {ms:.1f} ms per article ({len(arts)} articles x {rounds})")
    return out


def main(argv: list[str] | None = None) -> int:
    """`python -m newskg.extract.relscore {train,ceiling,cv}` (see --help)."""
    import argparse

    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared" / "data"
    ap = argparse.ArgumentParser(prog="python -m newskg.extract.relscore")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train the relation scorer on gold articles")
    t.add_argument("--gold", action="append", required=True, help="a folder of gold *.json articles")
    t.add_argument("--out", default=str(Path(__file__).parent / "data" / MODEL_FILE))
    for name in ("ceiling", "cv"):
        c = sub.add_parser(name, help=f"print the {name} table over the news articles (blind part skipped)")
        c.add_argument("--news", type=Path, default=shared / "news")
        c.add_argument("--dev", type=Path, default=shared / "dev")
        c.add_argument("--folds", type=int, default=5)
        c.add_argument("--min-add-p", type=float, default=MIN_ADD_P)
        c.add_argument("--only", default="", help="a regex of stems whose CV rows to report as well")
    args = ap.parse_args(argv)
    if args.cmd == "train":
        scorer = train(args.gold)
        scorer.save(args.out)
        print(f"relation scorer: {scorer.meta} add at {scorer.add_at} -> {args.out}")  # noqa: T201
        return 0
    docs = analyse_files(_gold_files([args.news]))
    lines: list[str] = []
    if args.cmd == "ceiling":
        lines.append(f"where gold triples are lost, {len(docs)} news articles (rules' candidates widened)")
        lines.append(
            f"{'predicate':22} {'gold':>5} {'ok':>5} {'a:ends':>7} {'b0:rules+cue':>13} {'b:widened':>10} "
            f"{'c:rejected':>11}"
        )
        for p, c in sorted(ceiling(docs).items()):
            n = c["ok"] + c["a"] + c["b"] + c["c"]
            lines.append(f"{p:22} {n:5} {c['ok']:5} {c['a']:7} {c['b0']:13} {c['b']:10} {c['c']:11}")
    else:
        extra = list(analyse_files(_gold_files([args.dev])).values())
        cv = cross_validate_docs(docs, extra, args.folds, args.min_add_p)
        for name in ("rules", "learned"):
            lines += _format_prf(
                f"{args.folds}-fold CV, {name}", _counts((docs[s], cv[name][s]) for s in docs)
            )
        if args.only:
            keep = [s for s in docs if re.search(args.only, s)]
            for name in ("rules", "learned"):
                lines += _format_prf(
                    f"{args.only} rows, {name}", _counts((docs[s], cv[name][s]) for s in keep)
                )
        for f in cv["folds"]:
            dropped = {p: t for p, t in f["keep_at"].items() if t}
            lines.append(f"fold {f['test'][0]}..: add at {f['add_at']} keep at {dropped or 'all'}")
        # dev is training data of every fold; its honest check is a model trained on the news alone
        model = train_docs(list(docs.values()), min_add_p=args.min_add_p)
        lines += _format_prf("dev, rules", _counts((d, d.ruled) for d in extra))
        lines += _format_prf(
            "dev, learned (trained on the news)", _counts((d, decisions(model, d)) for d in extra)
        )
        lines += timing(sorted(Path(args.dev).glob("*.json")))
    print("\n".join(lines))  # noqa: T201  (a command's report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
