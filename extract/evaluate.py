"""Score extractions against gold annotations, as CONTRACT "Scoring" says (the same figures as
`tests/data/score.py`, the project's reference scorer).

Gold articles are JSON files (`{"id", "text", "entities", "relations"}`); a prediction belongs to
the gold article whose id equals the stem of its `doc`. Entities match when a predicted `label` or
`label_en` equals the gold `name`, `en` or an alias after folding case, width, spaces, punctuation
and company marks; triples when both ends match and the predicate is equal (either order for
symmetric predicates).

Example:
    >>> norm("㈜다온 모빌리티"), prf(3, 4, 6)["f1"]
    ('다온모빌리티', 0.6)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newskg.ontology.errors import InputError
from newskg.ontology.vocab import predicates

__all__ = ["norm", "prf", "score_articles", "score_klue", "read_gold", "read_klue", "format_result"]

TYPES = ("PERSON", "ORG", "LOC")
KLUE_TYPES = {"PS": "PERSON", "OG": "ORG", "LC": "LOC"}
_COMPANY = re.compile(r"㈜|\(주\)|（주）|주식회사")


def norm(name: str | None) -> str:
    """A name folded for comparison (case, width, spaces, punctuation, company marks)."""
    s = unicodedata.normalize("NFKC", name or "")
    s = _COMPANY.sub("", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall and F1 (rounded to 4 places) with the counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def read_gold(gold_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Gold articles of a folder by file stem (and by their `id`)."""
    golds: dict[str, dict[str, Any]] = {}
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise InputError(f"{gold_dir}: no gold *.json files found; give a folder like tests/data/dev")
    for f in files:
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{f}: cannot read gold article ({exc})") from exc
        golds[f.stem] = g
        golds.setdefault(g.get("id", f.stem), g)
    return golds


def _key(doc: Any) -> str:
    return Path(str(doc)).stem


def _triple_key(s: str, p: str, o: str, symmetric: dict[str, bool]) -> tuple[str, str, str]:
    if symmetric[p] and o < s:
        s, o = o, s
    return (s, p, o)


def score_articles(golds: dict[str, dict[str, Any]], preds: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Entity (typed) and triple scores, overall and by predicate."""
    symmetric = {name: p.symmetric for name, p in predicates().items()}
    by_doc = {_key(p["doc"]): p for p in preds}
    ent: Counter = Counter()
    tri: dict[str, Counter] = defaultdict(Counter)
    unreal: Counter = Counter()
    qual: Counter = Counter()
    seen: set[int] = set()
    for key, gold in golds.items():
        if id(gold) in seen:
            continue
        seen.add(id(gold))
        pred = by_doc.get(key) or by_doc.get(gold.get("id")) or {"entities": [], "triples": []}
        names: dict[str, str] = {}
        for e in gold["entities"]:
            for n in [e["name"], e.get("en")] + e.get("aliases", []):
                if n and norm(n):
                    names.setdefault(norm(n), e["id"])
        gtype = {e["id"]: e["type"] for e in gold["entities"]}
        ptype = {e["id"]: e.get("type") for e in pred.get("entities", [])}
        mapped: dict[str, str] = {}
        for e in pred.get("entities", []):
            for label in (e.get("label"), e.get("label_en")):
                if label and norm(label) in names:
                    mapped[e["id"]] = names[norm(label)]
                    break
        ent["pred"] += len(pred.get("entities", []))
        ent["gold"] += len(gold["entities"])
        ent["tp"] += len(set(mapped.values()))
        ent["typed_tp"] += len({g for p, g in mapped.items() if gtype[g] == ptype[p]})
        gold_triples = {
            _triple_key(r["subject"], r["predicate"], r["object"], symmetric)
            for r in gold["relations"]
            if r["predicate"] in symmetric
        }
        gold_unreal = {
            _triple_key(r["subject"], r["predicate"], r["object"], symmetric)
            for r in gold.get("unrealised", [])
            if r["predicate"] in symmetric
        }
        gold_qual = {
            _triple_key(r["subject"], r["predicate"], r["object"], symmetric): r
            for r in gold["relations"]
            if r["predicate"] in symmetric
        }
        pred_triples: set[tuple[str, str, str]] = set()
        pred_unreal: set[tuple[str, str, str]] = set()
        pred_qual: dict[tuple[str, str, str], dict[str, Any]] = {}
        for t in pred.get("triples", []):
            if t.get("predicate") not in symmetric:
                continue
            s = mapped.get(t["subject"], "?" + t["subject"])
            o = mapped.get(t["object"], "?" + t["object"])
            key3 = _triple_key(s, t["predicate"], o, symmetric)
            if t.get("status", "done") in ("planned", "failed"):
                pred_unreal.add(key3)
            else:
                pred_triples.add(key3)
                pred_qual.setdefault(key3, t)
        for p in symmetric:
            gp = {t for t in gold_triples if t[1] == p}
            pp = {t for t in pred_triples if t[1] == p}
            tri[p]["tp"] += len(gp & pp)
            tri[p]["pred"] += len(pp)
            tri[p]["gold"] += len(gp)
        unreal.update(tp=len(gold_unreal & pred_unreal), pred=len(pred_unreal), gold=len(gold_unreal))
        for key3 in gold_triples & pred_triples:
            g, t = gold_qual[key3], pred_qual[key3]
            if "when" in g:
                qual["when_gold"] += 1
                qual["when_right"] += _same_when(g["when"], t.get("when"))
            if "amount" in g:
                qual["amount_gold"] += 1
                qual["amount_right"] += _same_amount(g["amount"], t.get("amount"))
            qual["when_pred"] += "when" in t
            qual["when_pred_wrong_or_extra"] += "when" in t and not (
                "when" in g and _same_when(g["when"], t["when"])
            )
    total: Counter = Counter()
    for c in tri.values():
        total.update(c)
    return {
        "articles": len(seen),
        "entities": prf(ent["tp"], ent["pred"], ent["gold"]),
        "entities_typed": prf(ent["typed_tp"], ent["pred"], ent["gold"]),
        "triples": prf(total["tp"], total["pred"], total["gold"]),
        "by_predicate": {p: prf(c["tp"], c["pred"], c["gold"]) for p, c in tri.items()},
        "unrealised": prf(unreal["tp"], unreal["pred"], unreal["gold"]),
        "qualifiers": {
            "when": f"{qual['when_right']}/{qual['when_gold']} right on matched triples whose gold has a "
            f"when; {qual['when_pred_wrong_or_extra']} of {qual['when_pred']} predicted whens wrong or extra",
            "amount": f"{qual['amount_right']}/{qual['amount_gold']} right on matched triples whose gold has "
            "an amount",
        },
    }


def _when_parts(when: Any) -> tuple[Any, Any] | None:
    if isinstance(when, str):
        return (when, when)
    if isinstance(when, dict):
        return (when.get("start"), when.get("end") or when.get("start"))
    return None


def _same_when(gold: Any, pred: Any) -> bool:
    """A stated span must match both ends; a single value matches a span that starts and ends there."""
    return _when_parts(gold) is not None and _when_parts(gold) == _when_parts(pred)


def _same_amount(gold: dict[str, Any], pred: Any) -> bool:
    if not isinstance(pred, dict) or pred.get("currency") != gold.get("currency"):
        return False
    try:
        value = float(pred.get("value"))
    except (TypeError, ValueError):
        return False
    return abs(value - gold["value"]) <= 0.005 * abs(gold["value"])


def read_klue(path: str | Path) -> Iterator[tuple[str, str, set[tuple[int, int, str]]]]:
    """(id, text, {(start, end, TYPE)}) for each sentence of a KLUE-NER .tsv file."""
    block: list[str] = []
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{path}: cannot read the KLUE-NER file ({exc.strerror})") from exc
    with fh:
        for line in [*fh, "\n"]:
            line = line.rstrip("\n")
            if line:
                block.append(line)
                continue
            if any(not b.startswith("##") for b in block):
                yield _klue_block(block)
            block = []


def _klue_block(block: list[str]) -> tuple[str, str, set[tuple[int, int, str]]]:
    head = next((b for b in block if b.startswith("## klue")), "## ?")
    sid = head[3:].split("\t")[0]
    chars, tags = [], []
    for b in block:
        if b.startswith("##"):
            continue
        ch, _, tag = b.rpartition("\t")
        chars.append(ch if ch else " ")
        tags.append(tag)
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    kind: str | None = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            if kind in KLUE_TYPES:
                spans.add((start, i, KLUE_TYPES[kind]))
            start = kind = None
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return sid, "".join(chars), spans


def score_klue(path: str | Path, preds: Iterable[dict[str, Any]], model_alone: bool = True) -> dict[str, Any]:
    """Mention P/R/F1 for PERSON/ORG/LOC on KLUE-NER sentences of the extractions `preds`.

    ``mentions``, ``by_type`` and ``by_source`` are the pipeline's figures (the headline; the
    ``figures`` line says so in the printed table). Two more, each ``{"mentions", "by_type"}``:
    ``ner_model_alone`` — the trained NER alone on the same sentences
    (:func:`newskg.extract.ner.find_entities`; skipped when `model_alone` is false);
    ``analysis_places_merged`` — an ANALYSIS figure, not a result: the pipeline's
    mentions with places next to each other (nothing or one space between) merged into one
    place, as KLUE writes "나라 도시" or "시 구 동" where CONTRACT wants each place apart; the
    difference to ``mentions`` is the part of the gap that is that labelling convention.

    >>> _merge_places("한빛 새솔구", {(0, 2, "LOC"), (3, 6, "LOC")})
    {(0, 6, 'LOC')}
    """
    by_doc = {_key(p["doc"]): p for p in preds}
    counts: dict[str, dict[str, Counter]] = {k: defaultdict(Counter) for k in ("pipe", "merged", "model")}
    by_source: dict[str, Counter] = defaultdict(Counter)
    find = None
    if model_alone:
        from newskg.extract.ner import find_entities as find
    for sid, text, gold in read_klue(path):
        pred = set()
        for e in by_doc.get(_key(sid), {}).get("entities", []):
            if e.get("type") in TYPES:
                pred.update((s, t, e["type"]) for s, t in e.get("mentions", []))
        by_source[sid.rsplit("-", 1)[-1]].update(tp=len(gold & pred), pred=len(pred), gold=len(gold))
        _count(counts["pipe"], gold, pred)
        _count(counts["merged"], gold, _merge_places(text, pred))
        if find is not None:
            _count(counts["model"], gold, {(s, e, k) for s, e, k, _sc in find(text, scores=False)})
    legend = [_LEGEND[0], *([_LEGEND[1]] if find is not None else []), _LEGEND[2]]
    out: dict[str, Any] = {"figures": "; ".join(legend)}
    out.update(_figures(counts["pipe"]))
    out["by_source"] = {k: prf(c["tp"], c["pred"], c["gold"]) for k, c in sorted(by_source.items())}
    if find is not None:
        out["ner_model_alone"] = _figures(counts["model"])
    out["analysis_places_merged"] = _figures(counts["merged"])
    return out


_LEGEND = (
    "mentions/by_type/by_source: the whole pipeline (rules, gazetteers, NER merged)",
    "ner_model_alone: the trained NER alone",
    "analysis_places_merged: the pipeline with places next to each other merged as KLUE writes "
    "them (an analysis of the convention gap, not a result)",
)


def _count(by_type: dict[str, Counter], gold: set, pred: set) -> None:
    for kind in TYPES:
        g = {x for x in gold if x[2] == kind}
        p = {x for x in pred if x[2] == kind}
        by_type[kind].update(tp=len(g & p), pred=len(p), gold=len(g))


def _figures(by_type: dict[str, Counter]) -> dict[str, Any]:
    total = sum(by_type.values(), Counter())
    return {
        "mentions": prf(total["tp"], total["pred"], total["gold"]),
        "by_type": {k: prf(by_type[k]["tp"], by_type[k]["pred"], by_type[k]["gold"]) for k in TYPES},
    }


def _merge_places(text: str, spans: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """`spans` with runs of places separated by at most one space joined into one place."""
    out: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(spans):
        if out and kind == "LOC" == out[-1][2] and text[out[-1][1] : s] in ("", " "):
            out[-1] = (out[-1][0], e, "LOC")
        else:
            out.append((s, e, kind))
    return set(out)


def format_result(result: dict[str, Any]) -> str:
    """The result as the readable table score.py prints."""
    rows = []
    for name, v in result.items():
        if isinstance(v, dict) and "f1" in v:
            rows.append(
                f"{name:22} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  "
                f"(tp {v['tp']}, pred {v['pred']}, gold {v['gold']})"
            )
        elif isinstance(v, dict):
            rows.append(f"{name}:")
            rows.extend("  " + line for line in format_result(v).splitlines())
        else:
            rows.append(f"{name:22} {v}")
    return "\n".join(rows)
