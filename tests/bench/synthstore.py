"""A synthetic newskg store of any size, generated from the SHAPES of the gold articles, bulk-loaded.

The shapes (``tests/data/bigstore/shapes.json``) keep only the structure of each gold article: its
length, whether it is dated, its entities as (type, aliases, mentions, English label?) and its facts
as (subject index, predicate, object index, status, kind of date, currency, evidence length). No
name, sentence or number of a gold article is in them. `synthetic_extractions` fills shape after
shape with invented entities (syllable names drawn from a pool with skewed popularity, so that hubs
exist as in a real archive) and filler text, and `write_nquads` turns each into the very statements
`newskg build` writes (`graph.build.article_ntriples`: one named graph per article, nkg:Statement
with provenance, nkg:when / nkg:startDate, schema:MonetaryAmount, nkg:status), streamed to an
N-Quads file that `bulk_load` loads with Oxigraph's bulk loader. No extractor is involved.

Regenerate the shapes (only when the gold format changes) with
``python -m tests.bench.synthstore --shapes-from ../shared/data/dev ../eval/tune``.

Example:
    >>> exs = list(synthetic_extractions(3, seed=1))
    >>> [len(e.entities) > 0 and len(e.triples) > 0 for e in exs]
    [True, True, True]
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newskg.extract.records import Amount, Article, Entity, Evidence, Extraction, Triple, When
from newskg.graph.build import article_ntriples, content_hash

SHAPES = Path(__file__).resolve().parents[1] / "data" / "bigstore" / "shapes.json"
GENERATED_AT = "2026-01-01T00:00:00Z"
VERSION = "newskg synthetic"

# invented names: syllables spelling the entity's pool index (base 24), then a type suffix
_SYLLABLES = "가나다라마바사아자차카타파하고노루로모보소오조초"  # no 도, 시, 군, 구, 주: place suffixes
_SURNAMES = "김이박최정윤"
_SUFFIX = {
    "PERSON": ("",),
    "ORG": ("전자", "재단", "공사", "대학교", "상사", "은행"),
    "LOC": ("시", "군", "도", "구", "주"),
}
_CLASSES = {
    "PERSON": ("Person",),
    "ORG": ("Company", "Company", "GovernmentOrganization", "University"),
    "LOC": ("City", "City", "AdministrativeArea", "Country"),
}
_CURRENCIES = ("KRW", "USD", "JPY", "EUR", "CNY")
_FILLER = "합성 문장의 본문은 뜻 없는 낱말로 채워졌다. "


# ---------------------------------------------------------------------- shapes of the gold articles
def _when_kind(when: object) -> str | None:
    if when is None:
        return None
    if isinstance(when, dict):
        if when.get("end") and when.get("end") != when.get("start"):
            return "span"
        when = when.get("start")
    return {10: "date", 7: "month", 4: "year"}.get(len(str(when)))


def extract_shapes(paths: Sequence[Path]) -> list[dict]:
    """The structure of each gold article file in `paths` (JSON in CONTRACT.md's format), names dropped."""
    out = []
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        index = {e["id"]: i for i, e in enumerate(gold["entities"])}
        text = gold["text"]
        entities = []
        for e in gold["entities"]:
            mentions = sum(text.count(n) for n in {e["name"], *e.get("aliases", [])} if n)
            entities.append(
                [e["type"], len(e.get("aliases", [])), max(1, min(mentions, 6)), bool(e.get("en"))]
            )
        facts = []
        for status, rels in (("done", gold["relations"]), (None, gold.get("unrealised", []))):
            for r in rels:
                amount = r.get("amount")
                facts.append(
                    [
                        index[r["subject"]],
                        r["predicate"],
                        index[r["object"]],
                        status or r.get("status", "planned"),
                        _when_kind(r.get("when")),
                        amount["currency"] if amount else None,
                        len(r["evidence"]),
                    ]
                )
        out.append(
            {"chars": len(text), "dated": bool(gold.get("published")), "entities": entities, "facts": facts}
        )
    return out


def load_shapes(path: Path = SHAPES) -> list[dict]:
    """The stored article shapes."""
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------- invented articles
def _spell(i: int) -> str:
    out = ""
    i += len(_SYLLABLES)  # at least two syllables
    while i:
        i, r = divmod(i, len(_SYLLABLES))
        out = _SYLLABLES[r] + out
    return out


@dataclass(frozen=True)
class _Invented:
    label: str
    label_en: str
    cls: str
    aliases: tuple[str, ...]
    geonames_id: int | None
    lat: float | None
    lon: float | None


def _invented(kind: str, i: int) -> _Invented:
    """The invented entity number `i` of type `kind`: the same every time it is drawn."""
    rng = random.Random(f"{kind}-{i}")
    # a person's name starts with a surname syllable no place or body name starts with, so that
    # no person's IRI key meets a place's once the place suffix is stripped
    base = _SURNAMES[i % len(_SURNAMES)] + _spell(i // len(_SURNAMES)) if kind == "PERSON" else _spell(i)
    suffix = _SUFFIX[kind][i % len(_SUFFIX[kind])]
    label = base + suffix
    label_en = f"Synth {kind.title()} {i}"
    aliases = (base,) if kind != "PERSON" and suffix else ()
    cls = _CLASSES[kind][i % len(_CLASSES[kind])]
    located = kind == "LOC" and i % 3 != 0
    return _Invented(
        label,
        label_en,
        cls,
        aliases,
        90_000_000 + i if kind == "LOC" and i % 5 == 0 else None,
        round(rng.uniform(-60, 60), 4) if located else None,
        round(rng.uniform(-180, 180), 4) if located else None,
    )


def _draw(rng: random.Random, size: int) -> int:
    # skewed popularity: a third of the draws from a Pareto head (hubs), the rest uniform
    if rng.random() < 0.3:
        return min(int(rng.paretovariate(1.1)) - 1, size - 1)
    return rng.randrange(size)


def _text(rng: random.Random, chars: int) -> str:
    reps = chars // len(_FILLER) + 2
    start = rng.randrange(len(_FILLER))
    return (_FILLER * reps)[start : start + max(chars, 80)]


def _when(rng: random.Random, kind: str | None, year: int) -> When | None:
    if kind is None:
        return None
    month, day = rng.randint(1, 12), rng.randint(1, 26)
    if kind == "year":
        return When(f"{year}")
    if kind == "month":
        return When(f"{year}-{month:02d}")
    if kind == "span":
        return When(f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day + 2:02d}")
    return When(f"{year}-{month:02d}-{day:02d}")


def _window(rng: random.Random, shape: dict, window: int) -> tuple[list[list], list[list]]:
    """The shape's entities and facts, or a run of `window` consecutive facts and their entities only."""
    if not window or len(shape["facts"]) <= window:
        return shape["entities"], shape["facts"]
    start = rng.randrange(len(shape["facts"]) - window + 1)
    facts = shape["facts"][start : start + window]
    used = sorted({i for f in facts for i in (f[0], f[2])})
    renum = {old: new for new, old in enumerate(used)}
    entities = [[*shape["entities"][i][:2], 1, shape["entities"][i][3]] for i in used]  # one mention each
    return entities, [[renum[f[0]], f[1], renum[f[2]], *f[3:]] for f in facts]


def synthetic_extractions(
    n: int, *, seed: int = 7, window: int = 4, shapes: list[dict] | None = None
) -> Iterator[Extraction]:
    """`n` invented articles as Extractions, one gold shape after another with new names and text.

    `window` > 0 makes each article a run of that many consecutive facts of its gold shape, with
    their entities (one mention each) and a text as long as their evidence: a short news item of
    ~80 quads instead of a whole gold article's ~500, so that 100,000 of them load in minutes here.
    `window=0` takes whole shapes.
    """
    shapes = shapes if shapes is not None else load_shapes()
    rng = random.Random(seed)
    pool = {"PERSON": max(200, n // 2), "ORG": max(100, n // 4), "LOC": max(100, n // 6)}
    for k in range(n):
        shape = shapes[k % len(shapes)]
        ents, facts = _window(rng, shape, window)
        chars = shape["chars"] if not window or ents is shape["entities"] else sum(f[6] for f in facts) + 60
        text = _text(rng, chars)
        year = 2000 + k % 26
        taken: set[tuple[str, int]] = set()
        entities = []
        for j, (kind, n_aliases, n_mentions, has_en) in enumerate(ents):
            i = _draw(rng, pool[kind])
            while (kind, i) in taken:  # two entities of one article are two nodes
                i = rng.randrange(pool[kind])
            taken.add((kind, i))
            inv = _invented(kind, i)
            mentions = set()
            for _ in range(n_mentions):
                start = rng.randrange(0, len(text) - len(inv.label))
                mentions.add((start, start + len(inv.label)))
            entities.append(
                Entity(
                    f"e{j + 1}",
                    inv.label,
                    inv.label_en if has_en else inv.label,
                    kind,
                    inv.cls,
                    inv.aliases[:n_aliases],
                    tuple(sorted(mentions)),
                    inv.geonames_id,
                    inv.lat,
                    inv.lon,
                )
            )
        triples = []
        for s, pred, o, status, when_kind, currency, ev_len in facts:
            start = rng.randrange(0, max(1, len(text) - ev_len))
            end = min(len(text), start + ev_len)
            amount = (
                Amount(float(rng.randrange(1, 900)) * 10 ** rng.randint(5, 9), currency) if currency else None
            )
            triples.append(
                Triple(
                    f"e{s + 1}",
                    pred,
                    f"e{o + 1}",
                    round(rng.uniform(0.5, 1.0), 2),
                    Evidence(text[start:end], start, end),
                    status=status,
                    when=_when(rng, when_kind, year),
                    amount=amount,
                    tie_kind=("sister", "friendship")[k % 2] if pred == "sisterCityOf" else None,
                )
            )
        doc = f"synthetic/{k:07d}.txt"
        published = f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}" if shape["dated"] else None
        art = Article(doc, text, f"합성 기사 {k}", published, doc)
        yield Extraction(doc, tuple(entities), tuple(triples), art)


# ---------------------------------------------------------------------- statements and bulk load
@dataclass
class Written:
    """What `write_nquads` wrote: articles, quads, warnings of the build functions, seconds."""

    articles: int = 0
    quads: int = 0
    warnings: int = 0
    seconds: float = 0.0


def write_nquads(extractions: Iterator[Extraction], out: Path, *, chunk: int = 2000) -> Written:
    """Write the extractions' graphs, as `newskg build` makes them, to an N-Quads file, streaming."""
    done = Written()
    t = time.perf_counter()
    warnings: list[str] = []
    buf: list[str] = []
    with open(out, "w", encoding="utf-8") as fh:
        for ex in extractions:
            g, lines = article_ntriples(
                ex,
                generated_at=GENERATED_AT,
                extractor_version=VERSION,
                digest=content_hash(ex),
                warnings=warnings,
            )
            name = f" <{g}> ."
            buf.extend(line[:-2] + name for line in lines)
            done.articles += 1
            done.quads += len(lines)
            if done.articles % chunk == 0:
                fh.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            fh.write("\n".join(buf) + "\n")
    done.warnings = len(warnings)
    done.seconds = time.perf_counter() - t
    return done


def bulk_load(store_path: Path, nquads: Path) -> float:
    """Bulk-load an N-Quads file into the on-disk store at `store_path`; the seconds it took."""
    import pyoxigraph as ox
    from newskg.graph.store import open_store

    t = time.perf_counter()
    with open_store(store_path) as store:
        db = store.require_ox()
        db.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        db.flush()
    return time.perf_counter() - t


def build_store(
    store_path: Path, n: int, *, seed: int = 7, work: Path | None = None
) -> tuple[Written, float]:
    """Generate `n` articles and bulk-load them into `store_path`; what was written and the load time."""
    nq = (work or store_path.parent) / f"synthetic-{n}.nq"
    written = write_nquads(synthetic_extractions(n, seed=seed), nq)
    try:
        load = bulk_load(store_path, nq)
    finally:
        nq.unlink(missing_ok=True)
    return written, load


def main(argv: list[str]) -> int:
    if argv[:1] == ["--shapes-from"]:
        files = sorted(p for d in argv[1:] for p in Path(d).glob("*.json"))
        SHAPES.parent.mkdir(parents=True, exist_ok=True)
        shapes = extract_shapes(files)
        SHAPES.write_text(
            "[\n" + ",\n".join(json.dumps(s, ensure_ascii=False) for s in shapes) + "\n]\n", encoding="utf-8"
        )
        print(f"wrote {len(shapes)} article shapes to {SHAPES}")
        return 0
    print("usage: python -m tests.bench.synthstore --shapes-from DIR...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
