"""Learned status of a fact: done, planned, failed, or no fact, from the clause around its cue.

The rule passes of `relations.find_relations` (modes done, planned, failed) and
`unrealised.add_unrealised` propose the candidate facts; this module reads, for each, the words
after its cue (plan, review, forecast, decision, failure, postponement, negation, condition, hope
words of ``data/status_cues.tsv``), the Kiwi tags of the next predicate and of the sentence's last
one (past ``EP``, an ``ㄹ`` adnominal as in "할 예정"), whether the sentence is a quote, where it stands
in the article, words dating it before or after the story, the predicate and the rule's own status.
A small multinomial logistic regression (numpy, weights by feature name in
``data/status_model.json``) gives the four probabilities; `StatusModel.restatus` applies them.

Commands (gold folders; the blind part of the news set is always skipped):
    python -m newskg.extract.status train --gold DIR [--gold DIR]
    python -m newskg.extract.status cv --tune DIR --extra DIR [--subset DIR]
    python -m newskg.extract.status diagnose --gold DIR

Example:
    >>> sorted(k for k in cue_features("체결할 예정이다", "a") if k.startswith("a:"))
    ['a:plan']
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newskg.extract.lexicon import data_entries
from newskg.ontology.errors import PipelineError

__all__ = [
    "STATUSES",
    "StatusModel",
    "cue_features",
    "featurize",
    "fit",
    "folds_by_article",
    "load_status_model",
]

STATUSES = ("none", "done", "planned", "failed")
MODEL_FILE = "status_model.json"
BLIND = re.compile(r"^news-[a-d]1[0-2]$")  # the blind part of the news set: never read here
_CLASSES = (
    "plan", "review", "prospect", "decided", "failed", "postponed", "negation", "condition",
    "hope", "will", "ongoing", "pastword", "futureword", "telling",
)  # fmt: skip
_NEAR = 16  # characters after the cue that make up its own clause's ending


@lru_cache(maxsize=1)
def _cue_words() -> tuple[tuple[str, str], ...]:
    """(word, class) of data/status_cues.tsv, longest word first."""
    path, entries = data_entries("status_cues.tsv", "status cue words")
    out = []
    for n, line in entries:
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in _CLASSES or not parts[1]:
            raise PipelineError(f"{path}:{n}: bad entry {line!r}; see the comment at the top of the file")
        out.append((parts[1], parts[0]))
    return tuple(sorted(out, key=lambda e: len(e[0]), reverse=True))


def cue_features(text: str, window: str) -> dict[str, float]:
    """`window:class` for each class of status word in `text` (a longer word hides the shorter
    inside it: "추진 중" is ongoing, not a plan)."""
    out: dict[str, float] = {}
    taken: list[tuple[int, int]] = []
    for word, cls in _cue_words():
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if not any(a < j and i < b for a, b in taken):
                taken.append((i, j))
                out[f"{window}:{cls}"] = 1.0
            i = text.find(word, i + 1)
    return out


def _future_adnominal(word: Any) -> bool:
    """A predicate ending in an ㄹ adnominal ("할", "맺을", "갈"): what it qualifies is to come."""
    if word.ending != "ETM" or not word.text:
        return False
    last = word.core[-1:] or word.text[-1]
    return "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 == 8


def _predicate_features(word: Any, name: str) -> dict[str, float]:
    out = {f"{name}_end={word.ending or '-'}": 1.0}
    if "EP" in word.tags:
        out[f"{name}_past"] = 1.0
    if _future_adnominal(word):
        out[f"{name}_adn_l"] = 1.0
    return out


def _pair_spans(f: Any) -> list[tuple[int, int]]:
    """Sentence offsets of the mentions of the fact's two ends (or of the persons standing for them)."""
    from newskg.extract.relations import body_of

    sent = f.sentence
    ends = {id(f.subject), id(f.object)}
    out = []
    for m in sent.mentions:
        e = m.entity
        if e is None:
            continue
        if id(e) in ends or (e.type == "PERSON" and id(body_of(e)) in ends):
            out.append((m.start - sent.start, m.end - sent.start))
    return out


def _cue_span(f: Any, lex: Any, lo: int) -> tuple[int, int] | None:
    """The predicate's cue word the fact is read from: the first at or after the pair's first mention."""
    from newskg.extract.unrealised import _words

    text = f.sentence.text
    words = list(lex.cues.get(f.predicate, ())) + [w for w, _k in _words().events]
    best: tuple[int, int] | None = None
    for w in words:
        if not w:
            continue
        i = text.find(w, lo)
        if i < 0:
            i = text.find(w)
        if i >= 0 and (
            best is None or (i >= lo) > (best[0] >= lo) or ((i >= lo) == (best[0] >= lo) and i < best[0])
        ):
            best = (i, i + len(w))
    return best


def _dated(text: str, published: str | None) -> set[str]:
    """ "future", "past" or "today" for each event date of `text` against the publication date."""
    from newskg.extract.when import find_times

    if not published:
        return set()
    out = set()
    for t in find_times(text, published):
        if t.role != "event":
            continue
        d = t.when.start
        pub = published[: len(d)]
        out.add("future" if d > pub else "past" if d < pub else "today")
    return out


class _Context:
    """What the features read of the whole article: its sentence count and the dates of its sentences."""

    def __init__(self, sents: list, published: str | None) -> None:
        self.n = len(sents)
        self.published = published
        self._dates: dict[int, set[str]] = {}
        self.lead = "none"  # how the article's first dated sentence stands to the story
        for s in sents:
            d = self.dates(s)
            if d:
                self.lead = "future" if d == {"future"} else "past" if "future" not in d else "mixed"
                break

    def dates(self, sent: Any) -> set[str]:
        if id(sent) not in self._dates:
            self._dates[id(sent)] = _dated(sent.text, self.published)
        return self._dates[id(sent)]


def featurize(f: Any, lex: Any, ctx: _Context) -> dict[str, float]:
    """Indicator features of a candidate fact (a `relations.Found`) in its sentence."""
    n_sents = ctx.n
    sent = f.sentence
    text = sent.text
    p, rs = f.predicate, f.status
    rule = (f.rule or "").split(":", 1)[-1] or "-"
    feats: dict[str, float] = {
        "bias": 1.0,
        f"pred={p}": 1.0,
        f"rule_status={rs}": 1.0,
        f"rule={rule}": 1.0,
        f"{p}|rule_status={rs}": 1.0,
    }
    spans = _pair_spans(f)
    lo = min((a for a, _b in spans), default=0)
    hi = max((b for _a, b in spans), default=0)
    cue = _cue_span(f, lex, lo)
    anchor = cue[1] if cue is not None else hi
    feats["cue_found" if cue is not None else "no_cue"] = 1.0
    windows = {
        "before": text[max(0, (cue[0] if cue else lo) - _NEAR) : cue[0] if cue else lo],
        "near": text[anchor : anchor + _NEAR],
        "far": text[anchor + _NEAR :],
        "end": text.rstrip()[-_NEAR:],
        "sent": text,
    }
    for name, w in windows.items():
        for k in cue_features(w, name):
            feats[k] = 1.0
            if name in ("near", "before"):
                feats[f"{k}|rule_status={rs}"] = 1.0
    # Kiwi's reading of the predicates: the first one after the cue, and the sentence's last one
    preds = [w for w in sent.words if w.kind == "P"]
    after = [w for w in preds if w.start - sent.start >= anchor]
    if after:
        feats.update(_predicate_features(after[0], "next"))
    if preds:
        feats.update(_predicate_features(preds[-1], "last"))
    quoted = any(q in text for q in '"“”')
    if quoted:
        feats["quote"] = 1.0
        opens = [i for i, ch in enumerate(text) if ch in '"“”']
        if len(opens) >= 2 and opens[0] <= anchor <= opens[-1]:
            feats["cue_in_quote"] = 1.0
    at = sent.index
    feats[f"sent_pos={'0' if at == 0 else '1-2' if at <= 2 else '3-5' if at <= 5 else '6+'}"] = 1.0
    if n_sents > 1:
        feats[f"sent_third={min(2, 3 * at // n_sents)}"] = 1.0
    for d in ctx.dates(sent):
        feats[f"date_{d}"] = 1.0
        feats[f"date_{d}|rule_status={rs}"] = 1.0
    feats[f"lead_dates={ctx.lead}"] = 1.0
    nonpast = bool(preds) and "EP" not in preds[-1].tags
    if nonpast:
        feats[f"last_nonpast|lead_dates={ctx.lead}"] = 1.0
        feats[f"last_nonpast|rule_status={rs}"] = 1.0
    return feats


class StatusModel:
    """Multinomial logistic regression over named features (one weight table per status)."""

    def __init__(
        self,
        weights: dict[str, dict[str, float]],
        threshold: float = 0.5,
        meta: dict | None = None,
        mode: str = "promote",
    ) -> None:
        """`mode` "promote": the model only moves rule done facts to planned/failed; "prune": it also
        drops the rule planned/failed facts it does not find unrealised; "full": it turns those into
        done ones where it finds done likelier than no fact, and drops the others."""
        self.weights = weights
        self.threshold = threshold
        self.meta = meta or {}
        self.mode = mode

    def probs(self, feats: dict[str, float]) -> dict[str, float]:
        z = {s: sum(self.weights.get(s, {}).get(k, 0.0) * v for k, v in feats.items()) for s in STATUSES}
        top = max(z.values())
        e = {s: math.exp(max(-50.0, v - top)) for s, v in z.items()}
        tot = sum(e.values())
        return {s: v / tot for s, v in e.items()}

    def decide(self, f: Any, pr: dict[str, float]) -> str | None:
        """The status the model gives a rule fact, or None to drop it: planned or failed when their
        share reaches the threshold; a rule done fact otherwise stays done (the model does not judge
        whether a done fact holds: that is the relation scorer's job); a rule planned or failed fact
        otherwise becomes done if the model finds that likelier than no fact, else is dropped."""
        unreal = pr["planned"] + pr["failed"]
        if unreal >= self.threshold:
            return "planned" if pr["planned"] >= pr["failed"] else "failed"
        if f.status == "done":
            return "done"
        if self.mode == "promote":
            return f.status
        if self.mode == "prune":
            return None
        return "done" if pr["done"] > pr["none"] else None

    def restatus(self, sents: list, found: list, lex: Any, published: str | None = None) -> list:
        """`found` with each fact's status decided by the model (facts it drops left out)."""
        ctx = _Context(sents, published)
        out = []
        for f in found:
            st = self.decide(f, self.probs(featurize(f, lex, ctx)))
            if st is not None:
                out.append(f if st == f.status else replace(f, status=st))
        return out

    def to_json(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "mode": self.mode, "meta": self.meta, "weights": self.weights}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(
            json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path: str | Path) -> StatusModel:
        """A model saved by `save`; a missing or damaged file is a PipelineError naming it."""
        try:
            d = json.loads(Path(str(path)).read_text(encoding="utf-8"))
            return cls(
                {s: dict(d["weights"].get(s, {})) for s in STATUSES},
                float(d.get("threshold", 0.5)),
                d.get("meta"),
                str(d.get("mode", "promote")),
            )
        except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
            raise PipelineError(
                f"cannot read the status model {path}: {exc}; run `make train` to rebuild it"
            ) from exc


@lru_cache(maxsize=1)
def load_status_model() -> StatusModel:
    """The shipped model (extract/data/status_model.json), loaded once per process."""
    return StatusModel.load(str(resources.files("newskg.extract").joinpath("data", MODEL_FILE)))


def fit(
    rows: list[tuple[dict[str, float], str]], l2: float = 1.0, epochs: int = 400, lr: float = 0.5
) -> dict[str, dict[str, float]]:
    """Weights of an L2-regularised multinomial logistic regression (full-batch gradient descent)."""
    import numpy as np

    names = sorted({k for f, _y in rows for k in f})
    index = {k: i for i, k in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    Y = np.zeros((len(rows), len(STATUSES)))
    for r, (f, lab) in enumerate(rows):
        for k, v in f.items():
            X[r, index[k]] = v
        Y[r, STATUSES.index(lab)] = 1.0
    W = np.zeros((len(names), len(STATUSES)))
    n = max(1, len(rows))
    for _ in range(epochs):
        Z = X @ W
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        W -= lr * (X.T @ (P - Y) / n + l2 * W / n)
    return {
        s: {k: round(float(W[i, j]), 5) for k, i in index.items() if abs(W[i, j]) > 1e-6}
        for j, s in enumerate(STATUSES)
    }


def folds_by_article(stems: Iterable[str], folds: int = 5) -> list[list[str]]:
    """The articles of each fold: sorted stems dealt round-robin, so no article is in two folds."""
    ordered = sorted(set(stems))
    return [[s for i, s in enumerate(ordered) if i % folds == k] for k in range(folds)]


# --- gold articles -------------------------------------------------------------------------------


def _gold_key(s: str, p: str, o: str) -> tuple[str, str, str]:
    from newskg.ontology.vocab import predicates

    pr = predicates().get(p)
    if pr is not None and pr.symmetric and o < s:
        s, o = o, s
    return (s, p, o)


@dataclass
class _Art:
    """One gold article analysed by the rules: its Doc, candidates and the gold ids of its entities."""

    stem: str
    gold: dict
    article: Any
    doc: Any
    mapped: dict[str, str]  # extractor entity id -> gold entity id
    done: set
    unreal: dict  # gold key -> status

    def key(self, f: Any) -> tuple[str, str, str]:
        """The gold key of a Found or a Triple (unmapped ends keep their own ids)."""
        s = f.subject if isinstance(f.subject, str) else f.subject.id
        o = f.object if isinstance(f.object, str) else f.object.id
        return _gold_key(self.mapped.get(s, "?" + s), f.predicate, self.mapped.get(o, "?" + o))

    def label(self, f: Any) -> str:
        k = self.key(f)
        if k in self.unreal and (k not in self.done or f.status != "done"):
            return self.unreal[k]
        return "done" if k in self.done else ("planned" if k in self.unreal else "none")


def _analyse(path: Path, ex: Any) -> _Art:
    from newskg.extract.evaluate import norm
    from newskg.extract.relscore import gold_article

    g = json.loads(path.read_text(encoding="utf-8"))
    art = gold_article(g, path.stem)
    doc = ex.doc(art)
    names: dict[str, str] = {}
    for e in g["entities"]:
        for n in [e["name"], e.get("en"), *e.get("aliases", [])]:
            if n and norm(n):
                names.setdefault(norm(n), e["id"])
    mapped = {}
    for e in doc._.nkg_ents or []:
        ent = e.to_entity()
        for label in (ent.label, ent.label_en):
            if label and norm(label) in names:
                mapped[e.id] = names[norm(label)]
                break
    done = {_gold_key(r["subject"], r["predicate"], r["object"]) for r in g["relations"]}
    unreal = {
        _gold_key(r["subject"], r["predicate"], r["object"]): r.get("status", "planned")
        for r in g.get("unrealised", [])
    }
    return _Art(path.stem, g, art, doc, mapped, done, unreal)


def _rules_extractor() -> Any:
    """An Extractor whose relations are the rules' alone (no relation scorer, no status model)."""
    from newskg.extract.pipeline import Extractor

    ex = Extractor(scorer=False)
    ex.nlp.get_pipe("newskg_relations").status = None
    return ex


def _gold_files(dirs: Iterable[str | Path]) -> list[Path]:
    out = []
    for d in dirs:
        out += [f for f in sorted(Path(d).glob("*.json")) if not BLIND.match(f.stem)]
    return out


def _rows(a: _Art, lex: Any, dated: bool = True) -> list[tuple[dict[str, float], str]]:
    found = a.doc._.nkg_rule_found or []
    ctx = _Context(a.doc._.nkg_sents or [], a.article.published if dated else None)
    return [(featurize(f, lex, ctx), a.label(f)) for f in found]


def train(
    gold_dirs: Iterable[str | Path], exclude: Iterable[str] = (), threshold: float = 0.5
) -> StatusModel:
    """A model trained on every gold article of the folders (minus `exclude` and the blind part)."""
    from newskg.extract.lexicon import load_lexicon

    ex = _rules_extractor()
    lex = load_lexicon()
    skip = set(exclude)
    rows: list[tuple[dict[str, float], str]] = []
    n = 0
    for f in _gold_files(gold_dirs):
        if f.stem in skip:
            continue
        rows += _rows(_analyse(f, ex), lex)
        n += 1
    counts = Counter(y for _f, y in rows)
    return StatusModel(
        fit(rows), threshold, {"articles": n, "candidates": len(rows), "labels": dict(sorted(counts.items()))}
    )


def _predict(ex: Any, a: _Art, found: list) -> dict:
    a.doc._.nkg_found = found
    try:
        return ex.from_doc(a.article, a.doc).to_json()
    finally:
        a.doc._.nkg_found = a.doc._.nkg_rule_found


def cross_validate(
    tune_dir: str | Path,
    extra_dirs: Iterable[str | Path] = (),
    subset: Iterable[str] = (),
    folds: int = 5,
    thresholds: tuple[float, ...] = (0.5,),
    modes: tuple[str, ...] = ("promote", "prune", "full"),
    dated: bool = True,
) -> dict:
    """Rules vs the model by `folds`-fold cross-validation by article over the gold articles of
    `tune_dir` (each fold's model trained on the other folds plus `extra_dirs`): scores of all the
    articles and of the `subset` stems, for each mode and decision threshold. `dated` False leaves
    out the features that need the publication date."""
    from newskg.extract.evaluate import score_articles
    from newskg.extract.lexicon import load_lexicon

    ex = _rules_extractor()
    lex = load_lexicon()
    arts = {f.stem: _analyse(f, ex) for f in _gold_files([tune_dir])}
    extra = [r for f in _gold_files(extra_dirs) for r in _rows(_analyse(f, ex), lex, dated)]
    rows = {st: _rows(a, lex, dated) for st, a in arts.items()}
    rules = {st: _predict(ex, a, a.doc._.nkg_rule_found or []) for st, a in arts.items()}
    variants = [(m, t) for m in modes for t in thresholds]
    learned: dict[tuple[str, float], dict[str, dict]] = {v: {} for v in variants}
    for test in folds_by_article(arts, folds):
        weights = fit(extra + [r for st in arts if st not in test for r in rows[st]])
        for m, t in variants:
            model = StatusModel(weights, t, mode=m)
            for st in test:
                a = arts[st]
                found = model.restatus(
                    a.doc._.nkg_sents or [],
                    a.doc._.nkg_rule_found or [],
                    lex,
                    a.article.published if dated else None,
                )
                learned[m, t][st] = _predict(ex, a, found)
    sub = set(subset)

    def score(preds: dict[str, dict], stems: Iterable[str]) -> dict:
        stems = list(stems)
        s = score_articles({st: arts[st].gold for st in stems}, [preds[st] for st in stems])
        return {"triples": s["triples"], "unrealised": s["unrealised"]}

    out: dict[str, Any] = {"folds": folds, "articles": len(arts), "rules": score(rules, arts)}
    if sub:
        out["rules_subset"] = score(rules, [st for st in arts if st in sub])
    for m, t in variants:
        out[f"{m}@{t}"] = score(learned[m, t], arts)
        if sub:
            out[f"{m}@{t}_subset"] = score(learned[m, t], [st for st in arts if st in sub])
    return out


def diagnose(gold_dirs: Iterable[str | Path], verbose: bool = False) -> tuple[Counter, list[str]]:
    """Why each gold unrealised fact is missed and each predicted planned/failed one is wrong:
    (a) no candidate in any mode (or an end not found as an entity), (b) a candidate with the wrong
    status (done, or dropped by the confidence floor), (c) a false planned/failed fact."""
    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.pipeline import Extractor
    from newskg.extract.relations import _MODE, _find, find_relations
    from newskg.extract.unrealised import add_unrealised

    ex = Extractor(scorer=False)
    lex = load_lexicon()
    table: Counter = Counter()
    lines: list[str] = []
    for path in _gold_files(gold_dirs):
        a = _analyse(path, ex)
        sents, ents = a.doc._.nkg_sents or [], a.doc._.nkg_ents or []
        # the statuses of the finished extraction (qualify can date a done fact ahead: planned)
        out = ex.from_doc(a.article, a.doc)
        final = {a.key(t): t for t in out.triples}
        raw = {a.key(f): f for f in add_unrealised(sents, find_relations(sents, ents, lex))}
        modes: dict[tuple, str] = {}
        for mode in ("failed", "planned", "done"):
            token = _MODE.set(mode)
            try:
                for f in _find(sents, ents, lex):
                    modes[a.key(f)] = mode
            finally:
                _MODE.reset(token)
        got = set(a.mapped.values())
        for k, st in sorted(a.unreal.items()):
            f = final.get(k)
            if f is not None and f.status != "done":
                cat = "hit"
            elif f is not None:
                cat = "(b) proposed, status done"
            elif k in raw:
                cat = "(b) proposed, under the confidence floor"
            elif k in modes:
                cat = f"(b) proposed by the {modes[k]} pass only, not kept"
            elif k[0] not in got or k[2] not in got:
                cat = "(a) an end is no extracted entity"
            else:
                cat = "(a) never proposed in any mode"
            table[f"gold {k[1]} {st}: {cat}"] += 1
            table[f"gold unrealised: {cat}"] += 1
            if verbose and cat != "hit":
                lines.append(f"{a.stem}\t{k}\t{st}\t{cat}")
        for k, f in sorted(final.items()):
            if f.status == "done" or k in a.unreal:
                continue
            cat = "(c) false: gold has it done" if k in a.done else "(c) false: no gold fact"
            table[f"pred {f.status}: {cat}"] += 1
            table[f"pred unrealised: {cat}"] += 1
            if verbose:
                lines.append(f"{a.stem}\t{k}\t{f.status} ({f.rule})\t{cat}\t{f.evidence.sentence[:90]}")
    return table, lines


def main(argv: list[str] | None = None) -> int:
    """The `train`, `cv` and `diagnose` commands (module docstring)."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newskg.extract.status")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train the status model on gold articles")
    t.add_argument("--gold", action="append", required=True, help="a folder of gold *.json articles")
    t.add_argument("--out", default=str(Path(__file__).parent / "data" / MODEL_FILE))
    t.add_argument("--threshold", type=float, default=0.5)
    c = sub.add_parser("cv", help="rules vs the model by 5-fold cross-validation by article")
    c.add_argument("--tune", required=True, help="the folder of the articles to cross-validate")
    c.add_argument(
        "--extra", action="append", default=[], help="gold articles added to every fold's training"
    )
    c.add_argument("--subset", help="a folder whose article stems are also scored apart (no text is read)")
    c.add_argument("--threshold", type=float, action="append", help="decision thresholds (default 0.5)")
    c.add_argument("--undated", action="store_true", help="leave out the publication-date features")
    d = sub.add_parser("diagnose", help="why unrealised facts are missed or wrong (readable folders only)")
    d.add_argument("--gold", action="append", required=True)
    d.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "train":
        model = train(args.gold, threshold=args.threshold)
        model.save(args.out)
        print(f"status model: {model.meta} -> {args.out}")  # noqa: T201  (a command's report)
    elif args.cmd == "cv":
        subset = [f.stem for f in Path(args.subset).glob("*.json")] if args.subset else []
        res = cross_validate(
            args.tune, args.extra, subset, thresholds=tuple(args.threshold or [0.5]), dated=not args.undated
        )
        print(json.dumps(res, indent=1))  # noqa: T201
    else:
        table, lines = diagnose(args.gold, args.verbose)
        for line in lines:
            print(line)  # noqa: T201
        for k, v in sorted(table.items()):
            print(f"{v:4d}  {k}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
