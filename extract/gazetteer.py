"""Known places and organisations with stable ids, Korean and English names and coordinates.

The entries live in `data/places.tsv` (countries, Korean provinces and cities, world cities; built
by `python -m newskg.extract.gazetteer_build`), `data/orgs.tsv` and `data/media.tsv` (hand-written).
Every file has the columns of `COLUMNS`; `aliases` are separated by `|`.

Example:
    >>> gaz = load_gazetteer()
    >>> [e.name_en for e in gaz.lookup("美")]
    ['United States']
    >>> gaz.lookup("원주")[0] == gaz.lookup("원주시")[0] == gaz.lookup("Wonju")[0]
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newskg.ontology.errors import PipelineError

__all__ = ["GazEntry", "Gazetteer", "load_gazetteer", "COLUMNS", "FILES", "AMBIGUOUS", "parse_row"]

COLUMNS = (
    "key",
    "name",
    "name_en",
    "type",
    "cls",
    "aliases",
    "geonames_id",
    "lat",
    "lon",
    "population",
    "country",
    "parent",
)
FILES = ("places.tsv", "orgs.tsv", "media.tsv")
AMBIGUOUS = "ambiguous.tsv"  # surfaces that are also ordinary words (built with places.tsv)


@dataclass(frozen=True)
class GazEntry:
    """One known entity. `key` is stable: "gn:<GeoNames id>", "iso:<country code>", "org:<slug>"."""

    key: str
    name: str  # canonical Korean label
    name_en: str
    type: str  # PERSON | ORG | LOC
    cls: str  # ontology class local name: Country, City, AdministrativeArea, Company, ...
    aliases: tuple[str, ...]  # other full names (Hangul short forms, English, Hanja)
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    country: str | None = None  # ISO 3166-1 alpha-2 code of the country it lies in
    parent: str | None = None  # key of the entry it lies in (a city's province)

    def surfaces(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


def parse_row(fields: list[str]) -> GazEntry:
    """A GazEntry from the tab-separated fields of one data row (see COLUMNS)."""
    if len(fields) < len(COLUMNS):
        fields = fields + [""] * (len(COLUMNS) - len(fields))
    key, name, name_en, type_, cls, aliases, gid, lat, lon, pop, country, parent = fields[: len(COLUMNS)]
    return GazEntry(
        key,
        name,
        name_en or name,
        type_,
        cls,
        tuple(a for a in aliases.split("|") if a),
        int(gid) if gid else None,
        float(lat) if lat else None,
        float(lon) if lon else None,
        int(pop or 0),
        country or None,
        parent or None,
    )


def _rank(surface: str, hangul: bool, e: GazEntry) -> tuple:
    return (
        0 if e.name == surface else 1 if surface in e.aliases[:1] else 2,  # canonical name first
        not (hangul and e.country == "KR"),  # Korean places for Korean short names
        e.type != "LOC",
        -e.population,
        e.key,
    )


class Gazetteer:
    """Exact-surface index over gazetteer entries.

    Example:
        >>> gaz = Gazetteer([GazEntry("iso:KR", "대한민국", "South Korea", "LOC", "Country", ("한국", "韓"))])
        >>> gaz.lookup("韓")[0].key, gaz.get("iso:KR").name, sorted(gaz.surfaces())
        ('iso:KR', '대한민국', ['韓', '대한민국', '한국'])
    """

    def __init__(self, entries: Iterable[GazEntry], ambiguous: Iterable[str] = ()) -> None:
        self._ambiguous = frozenset(ambiguous)
        self._by_key: dict[str, GazEntry] = {}
        index: dict[str, list[GazEntry]] = {}
        for e in entries:
            if e.key in self._by_key:
                continue
            self._by_key[e.key] = e
            for s in dict.fromkeys(e.surfaces()):
                index.setdefault(s, []).append(e)
        self._index: dict[str, tuple[GazEntry, ...]] = {}
        for s, es in index.items():
            if len(es) > 1:
                hangul = any("\uac00" <= c <= "\ud7a3" for c in s)
                es.sort(key=lambda e, s=s, h=hangul: _rank(s, h, e))
            self._index[s] = tuple(es)

    def lookup(self, surface: str) -> list[GazEntry]:
        """Entries whose name or alias is exactly `surface`, best first."""
        return list(self._index.get(surface, ()))

    def surfaces(self) -> Iterable[str]:
        """Every name and alias (for Kiwi user words), less the ambiguous ones."""
        return [s for s in self._index if s not in self._ambiguous]

    def is_ambiguous(self, surface: str) -> bool:
        """True for a name or alias that is also an ordinary Korean word (예산 'budget' for 예산군,
        수단 'means' for Sudan): `lookup` still finds it, but only context should make it a place."""
        return surface in self._ambiguous

    def get(self, key: str) -> GazEntry | None:
        """The entry with this key, or None."""
        return self._by_key.get(key)

    def entries(self) -> Iterable[GazEntry]:
        """Every entry, in file order."""
        return self._by_key.values()

    def __len__(self) -> int:
        return len(self._by_key)


def _read(name: str) -> list[GazEntry]:
    path = resources.files("newskg.extract").joinpath("data", name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PipelineError(
            f"gazetteer file {name} is missing from newskg/extract/data; "
            "rebuild it with `python -m newskg.extract.gazetteer_build`"
        ) from exc
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("key\t"):
            continue
        try:
            out.append(parse_row(line.split("\t")))
        except (ValueError, TypeError) as exc:
            raise PipelineError(
                f"{name}:{n}: malformed gazetteer row ({exc}); expected the columns {', '.join(COLUMNS)}"
            ) from exc
    return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer (cached): places, organisations and news media."""
    entries: list[GazEntry] = []
    for name in FILES:
        entries.extend(_read(name))
    path = resources.files("newskg.extract").joinpath("data", AMBIGUOUS)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    from newskg.extract.korean import load_korean

    # the built list (Kiwi's reading) and the hand list of everyday news words ("코로나")
    amb = [ln for ln in lines if ln and not ln.startswith("#")]
    return Gazetteer(entries, [*amb, *load_korean().common_not_places])
