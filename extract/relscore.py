"""Learned relation scoring: the rules and the cue words propose candidate triples, a small logistic
regression over features of the pair decides which hold.

Candidates are every triple a rule found plus, in each sentence, every pair of entities whose types
fit a predicate whose cue word the sentence contains. Features: the predicate, the proposing rule
and its confidence, the types and classes of the two ends, their case particles, order and
distance, where the cue stands, whether an end is part of a list, negation or plan words, the
number of entities in the sentence. The model (weights by feature name, JSON) is trained by
`python -m newskg.extract.relscore train` on gold articles and loaded once per process.

Example:
    >>> sorted(features_of_text("pred", "visits"))
    ['pred=visits']
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newskg.ontology.errors import PipelineError

__all__ = ["Scorer", "load_scorer", "candidates", "train", "features_of_text"]

MODEL_FILE = "relation_scorer.json"
_LIST_GAP = re.compile(r"^\s*[,·ㆍ/]\s*$|^\s*(와|과|및)\s*$")


def features_of_text(kind: str, value: str) -> dict[str, float]:
    """One indicator feature (a helper for doctests and callers building their own)."""
    return {f"{kind}={value}": 1.0}


@dataclass
class Candidate:
    subject: Any  # entities.Ent
    predicate: str
    object: Any
    sentence: Any  # syntax.Sentence
    found: Any = None  # relations.Found of the rule that proposed it, if any
    features: dict[str, float] | None = None


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _cues(lex: Any) -> dict[str, tuple[str, ...]]:
    cues = dict(lex.cues)
    roles = tuple(lex.roles)
    cues["headOf"] = tuple(r for r in roles if lex.roles[r].relation == "headOf")
    cues["worksFor"] = tuple(r for r in roles if lex.roles[r].relation == "worksFor")
    return cues


def _phrase_of(sent: Any, m: Any) -> Any:
    for p in sent.phrases:
        if p.start <= m.start < p.end:
            return p
    return None


def candidates(sents: list, found: list, lex: Any) -> list[Candidate]:
    """Rule triples (done ones) and the cue-word pairs of each sentence, one candidate per triple key."""
    from newskg.ontology.vocab import predicates

    preds = predicates()
    cues = _cues(lex)
    out: dict[tuple[str, str, str], Candidate] = {}

    def key(s: Any, p: str, o: Any) -> tuple[str, str, str]:
        if preds[p].symmetric and o.id < s.id:
            return (o.id, p, s.id)
        return (s.id, p, o.id)

    for f in found:
        if f.status != "done":
            continue
        out[key(f.subject, f.predicate, f.object)] = Candidate(
            f.subject, f.predicate, f.object, f.sentence, f
        )
    for sent in sents:
        ms = [m for m in sent.mentions if m.entity is not None]
        if len(ms) < 2:
            continue
        text = sent.text
        with_cue = [p for p, cs in cues.items() if p in preds and any(c and c in text for c in cs)]
        if not with_cue:
            continue
        for i, a in enumerate(ms):
            for b in ms:
                if a is b or a.entity is b.entity:
                    continue
                for p in with_cue:
                    pr = preds[p]
                    if a.type not in pr.domain or b.type not in pr.range:
                        continue
                    k = key(a.entity, p, b.entity)
                    if k not in out:
                        out[k] = Candidate(a.entity, p, b.entity, sent)
            del i
    return list(out.values())


def featurize(c: Candidate, lex: Any) -> dict[str, float]:
    """Indicator and numeric features of a candidate triple."""
    p = c.predicate
    sent = c.sentence
    f: dict[str, float] = {"bias": 1.0, f"pred={p}": 1.0}
    rule = c.found.rule if c.found is not None else "none"
    f[f"rule={rule}"] = 1.0
    f[f"{p}|ruled={c.found is not None}"] = 1.0
    if c.found is not None:
        f["rule_conf"] = float(c.found.confidence)
    s, o = c.subject, c.object
    f[f"{p}|types={s.type}>{o.type}"] = 1.0
    f[f"{p}|scls={s.cls}"] = 1.0
    f[f"{p}|ocls={o.cls}"] = 1.0
    sm = [m for m in sent.mentions if m.entity is s]
    om = [m for m in sent.mentions if m.entity is o]
    if sm and om:
        a, b = sm[0], om[0]
        f[f"{p}|order={'so' if a.start < b.start else 'os'}"] = 1.0
        gap = abs((b.start if a.start < b.start else a.start) - (a.end if a.start < b.start else b.end))
        f[f"{p}|dist{_bucket(gap, (0, 2, 8, 20, 40, 80))}"] = 1.0
        pa, pb = _phrase_of(sent, a), _phrase_of(sent, b)
        f[f"{p}|scase={pa.case if pa else '?'}"] = 1.0
        f[f"{p}|ocase={pb.case if pb else '?'}"] = 1.0
        f[f"{p}|spart={(pa.particle if pa else '')[:2]}"] = 1.0
        f[f"{p}|opart={(pb.particle if pb else '')[:2]}"] = 1.0
        if pa is pb:
            f[f"{p}|same_phrase"] = 1.0
        lo, hi = (a, b) if a.start < b.start else (b, a)
        between = sent.span_text(lo.end, hi.start)
        if _LIST_GAP.match(between):
            f[f"{p}|listed_together"] = 1.0
        if a.role_target is not None and a.role_target.entity is o:
            f[f"{p}|title_of"] = 1.0
        if a.role is not None:
            f[f"{p}|srole={a.role.relation}"] = 1.0
        cues = _cues(lex).get(p, ())
        text = sent.text
        pos = [(text.find(cw), cw) for cw in cues if cw and cw in text]
        if pos:
            at, cw = min(pos)
            at += sent.start
            where = "before" if at < lo.start else ("between" if at < hi.start else "after")
            f[f"{p}|cue_{where}"] = 1.0
            f[f"{p}|cue={cw}"] = 1.0
        else:
            f[f"{p}|no_cue"] = 1.0
    else:
        f[f"{p}|cross_sentence"] = 1.0
    n = len({m.entity.id for m in sent.mentions if m.entity is not None})
    f[f"n_ents{_bucket(n, (2, 3, 5, 8))}"] = 1.0
    if any(w in sent.text for w in lex.words.get("negation", ())):
        f[f"{p}|negation"] = 1.0
    if any(w in sent.text for w in lex.words.get("modality", ())):
        f[f"{p}|modality"] = 1.0
    return f


class Scorer:
    """A logistic regression over named features, with the decision threshold."""

    def __init__(self, weights: dict[str, float], threshold: float = 0.5, meta: dict | None = None) -> None:
        self.weights = weights
        self.threshold = threshold
        self.meta = meta or {}

    def prob(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def rescore(self, sents: list, found: list, lex: Any) -> list:
        """The done triples the model keeps (rule ones and new cue pairs), plus the planned and failed
        ones unchanged; a kept triple's confidence is the model's probability."""
        from newskg.extract.relations import Found

        kept = [f for f in found if f.status != "done"]
        for c in candidates(sents, found, lex):
            pr = self.prob(featurize(c, lex))
            if pr < self.threshold:
                continue
            if c.found is not None:
                kept.append(replace(c.found, confidence=pr))
            else:
                kept.append(Found(c.subject, c.predicate, c.object, pr, c.sentence, "learned:" + c.predicate))
        return kept

    def to_json(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "meta": self.meta, "weights": self.weights}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(
            json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
        )


@lru_cache(maxsize=1)
def load_scorer() -> Scorer:
    """The shipped model (extract/data/relation_scorer.json), loaded once per process."""
    path = resources.files("newskg.extract").joinpath("data", MODEL_FILE)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PipelineError(
            f"cannot read the relation scorer {path}: {exc}; run `make train` to rebuild it"
        ) from exc
    return Scorer(d["weights"], float(d.get("threshold", 0.5)), d.get("meta"))


def fit(
    rows: list[tuple[dict[str, float], int]], l2: float = 1.0, epochs: int = 300, lr: float = 0.5
) -> dict:
    """Weights of an L2-regularised logistic regression (full-batch gradient descent, numpy)."""
    import numpy as np

    names = sorted({k for f, _y in rows for k in f})
    index = {k: i for i, k in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    y = np.zeros(len(rows))
    for r, (f, lab) in enumerate(rows):
        for k, v in f.items():
            X[r, index[k]] = v
        y[r] = lab
    w = np.zeros(len(names))
    n = max(1, len(rows))
    for _ in range(epochs):
        z = np.clip(X @ w, -30, 30)
        p = 1 / (1 + np.exp(-z))
        grad = X.T @ (p - y) / n + l2 * w / n
        w -= lr * grad
    return {k: round(float(w[i]), 5) for k, i in index.items() if abs(w[i]) > 1e-6}


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


def article_rows(gold: dict, stem: str, ex: Any, lex: Any) -> list[tuple[dict[str, float], int]]:
    """Featurised candidates of one gold article with their labels (1 = the gold has the triple)."""
    from newskg.extract.evaluate import norm
    from newskg.ontology.vocab import predicates

    preds = predicates()
    doc = ex.doc(gold_article(gold, stem))
    sents, ents = doc._.nkg_sents or [], doc._.nkg_ents or []
    names = _gold_names(gold)
    mapped: dict[str, str] = {}
    for e in ents:
        ent = e.to_entity()
        for label in (ent.label, ent.label_en):
            if label and norm(label) in names:
                mapped[e.id] = names[norm(label)]
                break
    truth = set()
    for r in gold["relations"]:
        s, p, o = r["subject"], r["predicate"], r["object"]
        truth.add((s, p, o))
        if p in preds and preds[p].symmetric:
            truth.add((o, p, s))
    rows = []
    for c in candidates(sents, doc._.nkg_rule_found or [], lex):
        s, o = mapped.get(c.subject.id), mapped.get(c.object.id)
        label = int(s is not None and o is not None and (s, c.predicate, o) in truth)
        rows.append((featurize(c, lex), label))
    return rows


def train(gold_dirs: Iterable[str | Path], exclude: Iterable[str] = (), threshold: float = 0.5) -> Scorer:
    """A scorer trained on every gold article of the folders (minus the stems in `exclude`)."""
    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.pipeline import Extractor

    ex = Extractor(scorer=False)
    lex = load_lexicon()
    skip = set(exclude)  # and the blind part of the news set, always
    rows: list[tuple[dict[str, float], int]] = []
    n = 0
    for d in gold_dirs:
        for f in sorted(Path(d).glob("*.json")):
            if f.stem in skip or BLIND.match(f.stem):
                continue
            rows += article_rows(json.loads(f.read_text(encoding="utf-8")), f.stem, ex, lex)
            n += 1
    weights = fit(rows)
    return Scorer(
        weights, threshold, {"articles": n, "candidates": len(rows), "positives": sum(y for _f, y in rows)}
    )


BLIND = re.compile(r"^news-[a-d]1[0-2]$")  # the blind part of the news set: never trained on


def cross_validate(tune_dir: str | Path, extra_dirs: Iterable[str | Path] = (), folds: int = 5) -> dict:
    """Scores by `folds`-fold cross-validation by article over the gold articles of `tune_dir`: each
    fold's model is trained on the other folds (plus every article of `extra_dirs`) and never sees its
    test articles. Returns the rules-only and the learned scores of the same articles."""
    from newskg.extract.evaluate import score_articles
    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.pipeline import Extractor

    ex = Extractor(scorer=False)
    lex = load_lexicon()
    files = [f for f in sorted(Path(tune_dir).glob("*.json")) if not BLIND.match(f.stem)]
    extra_rows: list[tuple[dict[str, float], int]] = []
    for d in extra_dirs:
        for f in sorted(Path(d).glob("*.json")):
            if not BLIND.match(f.stem):
                extra_rows += article_rows(json.loads(f.read_text(encoding="utf-8")), f.stem, ex, lex)
    golds, rows, docs, arts = {}, {}, {}, {}
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        golds[f.stem] = g
        rows[f.stem] = article_rows(g, f.stem, ex, lex)
        arts[f.stem] = gold_article(g, f.stem)
        docs[f.stem] = ex.doc(arts[f.stem])
    rules_pred, learned_pred = [], []
    for k in range(folds):
        test = [f.stem for i, f in enumerate(files) if i % folds == k]
        train_rows = extra_rows + [r for st in rows if st not in test for r in rows[st]]
        model = Scorer(fit(train_rows))
        for st in test:
            doc = docs[st]
            doc._.nkg_found = doc._.nkg_rule_found
            rules_pred.append(ex.from_doc(arts[st], doc).to_json())
            doc._.nkg_found = model.rescore(doc._.nkg_sents or [], doc._.nkg_rule_found or [], lex)
            learned_pred.append(ex.from_doc(arts[st], doc).to_json())
            doc._.nkg_found = doc._.nkg_rule_found
    return {
        "folds": folds,
        "articles": len(files),
        "rules": score_articles(golds, rules_pred),
        "learned": score_articles(golds, learned_pred),
    }


def main(argv: list[str] | None = None) -> int:
    """`python -m newskg.extract.relscore train --gold DIR [--gold DIR] [--out FILE]`."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newskg.extract.relscore")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train the relation scorer on gold articles")
    t.add_argument("--gold", action="append", required=True, help="a folder of gold *.json articles")
    t.add_argument("--out", default=str(Path(__file__).parent / "data" / MODEL_FILE))
    t.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args(argv)
    scorer = train(args.gold, threshold=args.threshold)
    scorer.save(args.out)
    print(f"relation scorer: {scorer.meta} -> {args.out}")  # noqa: T201  (a command's report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
