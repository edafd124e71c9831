"""Qualifiers attached to finished triples: when, amount and tie kind (invented articles)."""

from __future__ import annotations

import re

import pytest
from newskg.extract.qualify import qualify_triples
from newskg.extract.records import Amount, Article, Entity, Evidence, Triple, When

PUB = "2024-08-14"
NAMES = {  # id: (label, type)
    "hb": ("한빛시", "LOC"),
    "bs": ("보스턴", "LOC"),
    "us": ("미국", "LOC"),
    "tr": ("토론토", "LOC"),
    "kim": ("김도윤", "PERSON"),
    "lee": ("이서연", "PERSON"),
    "ga": ("㈜가온", "ORG"),
    "na": ("㈜나래", "ORG"),
    "da": ("㈜다솜", "ORG"),
    "mr": ("마루시", "LOC"),
}


def article(
    *sentences: str, published: str | None = PUB
) -> tuple[Article, tuple[Entity, ...], list[Evidence]]:
    text = " ".join(sentences)
    evs, pos = [], 0
    for s in sentences:
        evs.append(Evidence(s, pos, pos + len(s)))
        pos += len(s) + 1
    ents = []
    for eid, (label, typ) in NAMES.items():
        short = label.lstrip("㈜")
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(short), text))
        if spans:
            cls = "Country" if eid == "us" else "Entity"
            ents.append(Entity(eid, label, label, typ, cls, (short,), spans))
    return Article("doc", text, published=published), tuple(ents), evs


def qualified(art, ents, *triples: Triple) -> list[Triple]:
    return list(qualify_triples(art, ents, triples))


def test_the_seed_pattern_gives_the_drive_its_sum_and_the_trip_its_span():
    art, ents, (lead, trip) = article(
        "한빛시는 김도윤 시장이 보스턴을 방문해 ㈜가온과 1000억원 규모의 투자유치에 나선다고 13일 밝혔다.",
        "시는 13일부터 19일까지 4박 7일 일정으로 미국을 방문한다.",
    )
    seeks, visit = qualified(
        art,
        ents,
        Triple("hb", "seeksInvestmentFrom", "ga", 0.9, lead),
        Triple("hb", "visits", "us", 0.9, trip),
    )
    assert seeks.amount == Amount(1e11, "KRW")
    assert seeks.when is None  # only the reporting day is named before it: no date of its own
    assert visit.when == When("2024-08-13", "2024-08-19")


def test_the_reporting_day_is_not_the_event_day():
    art, ents, (s,) = article("한빛시는 12일 마루시와 협약을 체결했다고 14일 밝혔다.")
    (t,) = qualified(art, ents, Triple("hb", "signsAgreementWith", "mr", 0.9, s))
    assert t.when == When("2024-08-12")


@pytest.mark.parametrize("predicate", ["headOf", "worksFor", "locatedIn"])
def test_standing_relations_take_no_date(predicate):
    art, ents, (s,) = article("김도윤 한빛시장은 13일 보스턴을 방문했다.")
    (t,) = qualified(art, ents, Triple("kim", predicate, "hb", 0.9, s))
    assert t.when is None


def test_the_date_nearest_before_the_place_governs_its_visit():
    art, ents, (s,) = article("김 시장은 12일 보스턴을 방문한 데 이어 13일 토론토를 찾았다.")
    boston, toronto = qualified(
        art, ents, Triple("kim", "visits", "bs", 0.9, s), Triple("kim", "visits", "tr", 0.9, s)
    )
    assert (boston.when, toronto.when) == (When("2024-08-12"), When("2024-08-13"))


def test_a_sentence_without_a_date_takes_the_day_the_story_is_at():
    art, ents, (first, then) = article(
        "김 시장은 12일 보스턴에 도착했다.", "김 시장은 이어 ㈜가온 본사를 찾았다."
    )
    _, visit = qualified(
        art, ents, Triple("kim", "visits", "bs", 0.9, first), Triple("kim", "visits", "ga", 0.9, then)
    )
    assert visit.when == When("2024-08-12")


def test_an_earlier_experience_without_a_date_gets_none():
    art, ents, (first, then) = article(
        "김 시장은 12일 보스턴에 도착했다.", "김 시장은 취임 이후 토론토를 방문한 바 있다."
    )
    _, visit = qualified(
        art, ents, Triple("kim", "visits", "bs", 0.9, first), Triple("kim", "visits", "tr", 0.9, then)
    )
    assert visit.when is None


def test_companions_visit_each_stop_on_its_date():
    art, ents, (first, second, company) = article(
        "김 시장은 12일 보스턴을 방문했다.",
        "김 시장은 13일 토론토로 이동했다.",
        "이번 순방에는 이서연 의장이 동행했다.",
    )
    triples = [
        Triple("kim", "visits", "bs", 0.9, first),
        Triple("kim", "visits", "tr", 0.9, second),
        Triple("lee", "visits", "bs", 0.8, company),
        Triple("lee", "visits", "tr", 0.8, company),
        Triple("lee", "accompanies", "kim", 0.8, company),
    ]
    out = qualified(art, ents, *triples)
    assert [t.when for t in out[2:]] == [When("2024-08-12"), When("2024-08-13"), None]


def test_a_companion_takes_the_day_the_story_gave_the_leaders_visit():
    art, ents, (arrive, company) = article(
        "김 시장은 12일 토론토에 도착했다. 김 시장은 이어 보스턴을 찾았다.",
        "대표단에는 이서연 의장도 포함됐다.",
    )
    out = qualified(
        art,
        ents,
        Triple("kim", "visits", "bs", 0.9, arrive),
        Triple("lee", "visits", "bs", 0.8, company),
        Triple("lee", "accompanies", "kim", 0.8, company),
    )
    assert [t.when for t in out] == [When("2024-08-12"), When("2024-08-12"), None]


def test_a_tie_takes_the_year_written_before_its_word_in_another_sentence_not_the_renewal_day():
    art, ents, (head, renew, history) = article(
        "한빛시와 마루시가 우호교류 협정서를 갱신했다.",
        "한빛시는 12일 마루시와 협정서 갱신 체결식을 열었다.",
        "양측은 1994년 우호교류 협정을 맺은 뒤 교류를 이어 왔다.",
    )
    tie, sign = qualified(
        art,
        ents,
        Triple("hb", "sisterCityOf", "mr", 0.9, head),
        Triple("hb", "signsAgreementWith", "mr", 0.9, renew),
    )
    assert (tie.when, sign.when) == (When("1994"), When("2024-08-12"))


def test_a_year_of_another_tie_of_the_same_place_is_not_this_ties():
    art, ents, (head, others) = article(
        "한빛시는 12일 마루시와 자매결연을 맺었다.",
        "한빛시는 2009년 자매결연을 맺은 토론토와도 교류하고 있다.",
    )
    (tie,) = qualified(art, ents, Triple("hb", "sisterCityOf", "mr", 0.9, head))
    assert tie.when == When("2024-08-12")


def test_a_visit_told_again_later_is_dated_by_the_first_day_the_story_puts_the_visitor_there():
    art, ents, (first, then) = article(
        "김도윤 시장은 지난 12일 보스턴에서 ㈜가온 대표를 만났다.",
        "김 시장은 이튿날 보스턴 인근 도시를 찾았다.",
    )
    (visit,) = qualified(art, ents, Triple("kim", "visits", "bs", 0.9, then))
    assert visit.when == When("2024-08-12")


def test_an_earlier_experience_does_not_date_this_visit():
    art, ents, (before, now) = article(
        "김도윤 시장은 지난 2일 보스턴을 방문한 바 있다.",
        "김도윤 시장은 12일 보스턴을 다시 찾았다.",
    )
    (visit,) = qualified(art, ents, Triple("kim", "visits", "bs", 0.9, now))
    assert visit.when == When("2024-08-12")


def test_the_date_of_an_earlier_event_a_visit_counts_from_is_not_the_visits():
    art, ents, (s,) = article("김도윤 시장이 보스턴을 찾은 것은 지난해 11월 취임 이후 처음이다.")
    (visit,) = qualified(art, ents, Triple("kim", "visits", "bs", 0.9, s))
    assert visit.when is None


def test_a_tie_counted_from_keeps_its_year():
    art, ents, (s,) = article("한빛시와 마루시는 2009년 자매결연 이후 교류를 이어 왔다.")
    (tie,) = qualified(art, ents, Triple("hb", "sisterCityOf", "mr", 0.9, s))
    assert tie.when == When("2009")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "한빛시는 12일 ㈜가온과 투자협약을 체결하고, 내년 상반기 공장을 착공하기로 했다.",
            When("2024-08-12"),
        ),
        ("한빛시는 ㈜가온과 투자협약을 체결하고, 내년 상반기 공장을 착공하기로 했다.", None),
    ],
)
def test_a_date_still_to_come_in_a_later_clause_is_not_the_done_facts(text, expected):
    art, ents, (s,) = article(text)
    (t,) = qualified(art, ents, Triple("hb", "signsAgreementWith", "ga", 0.9, s))
    assert t.when == expected


def test_a_trip_under_way_gives_no_date_to_the_visit_of_its_country():
    art, ents, (s,) = article("미국을 방문 중인 김도윤 시장이 12일 보스턴에서 ㈜가온 대표를 만났다.")
    country, city = qualified(
        art, ents, Triple("kim", "visits", "us", 0.9, s), Triple("kim", "visits", "bs", 0.9, s)
    )
    assert (country.when, city.when) == (None, When("2024-08-12"))


def test_a_plan_takes_only_a_date_of_its_own():
    art, ents, (first, plan, later) = article(
        "김 시장은 12일 보스턴을 방문했다.",
        "김 시장은 이어 토론토를 찾을 계획이다.",
        "시는 오는 11월 마루시와 협약을 맺을 예정이다.",
    )
    _, stop, sign = qualified(
        art,
        ents,
        Triple("kim", "visits", "bs", 0.9, first),
        Triple("kim", "visits", "tr", 0.8, plan, status="planned"),
        Triple("hb", "signsAgreementWith", "mr", 0.8, later, status="planned"),
    )
    assert (stop.when, sign.when) == (None, When("2024-11"))


def test_several_investors_each_get_the_sum_after_their_name_and_a_total_is_nobodys():
    art, ents, (lead, split) = article(
        "한빛시는 12일 ㈜가온, ㈜나래와 총 300억원 규모의 투자협약을 맺었다.",
        "가온은 200억원을, 나래는 100억원을 투자한다.",
    )
    out = qualified(
        art,
        ents,
        Triple("ga", "investsIn", "hb", 0.9, lead),
        Triple("na", "investsIn", "hb", 0.9, lead),
        Triple("ga", "investsIn", "hb", 0.9, split),
        Triple("na", "investsIn", "hb", 0.9, split),
    )
    assert [t.amount for t in out] == [Amount(2e10, "KRW"), Amount(1e10, "KRW")] * 2


def test_a_single_investors_total_is_its_amount():
    art, ents, (s,) = article("㈜다솜은 한빛시에 총 2조원을 투자하기로 했다.")
    (t,) = qualified(art, ents, Triple("da", "investsIn", "hb", 0.9, s))
    assert t.amount == Amount(2e12, "KRW")


def test_a_companys_one_sum_holds_for_the_city_that_courts_it():
    art, ents, (drive, plant) = article(
        "한빛시는 ㈜다솜의 투자 유치에 힘써 왔다.", "다솜은 한빛시에 3억달러를 투자해 공장을 짓는다."
    )
    seeks, invest = qualified(
        art,
        ents,
        Triple("hb", "seeksInvestmentFrom", "da", 0.9, drive),
        Triple("da", "investsIn", "hb", 0.9, plant),
    )
    assert seeks.amount == invest.amount == Amount(3e8, "USD")


def test_amounts_are_only_for_investment_facts():
    art, ents, (s,) = article("한빛시는 12일 마루시와 1000억원 규모의 협약을 맺었다.")
    (t,) = qualified(art, ents, Triple("hb", "signsAgreementWith", "mr", 0.9, s))
    assert t.amount is None


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("한빛시는 마루시와 자매결연을 맺었다.", "sister"),
        ("한빛시는 마루시와 우호교류 협약을 맺었다.", "friendship"),
        ("한빛시는 보스턴과 자매결연을, 마루시와 우호협력 관계를 맺었다.", "friendship"),
        ("한빛시와 마루시는 교류를 이어 왔다.", None),
    ],
)
def test_the_tie_kind_comes_from_the_cue_nearest_the_partner(sentence, kind):
    art, ents, (s,) = article(sentence)
    (t,) = qualified(art, ents, Triple("hb", "sisterCityOf", "mr", 0.9, s))
    assert t.tie_kind == kind


def test_a_tie_is_dated_by_its_own_year_not_by_a_visit_in_the_same_sentence():
    art, ents, (visit, tie) = article(
        "김 시장은 12일 자매도시인 마루시를 방문했다.", "두 도시는 2009년 자매결연을 맺었다."
    )
    first, second = qualified(
        art,
        ents,
        Triple("hb", "sisterCityOf", "mr", 0.9, visit),
        Triple("hb", "sisterCityOf", "mr", 0.9, tie),
    )
    assert first.when == second.when == When("2009")


def test_a_tie_anniversary_dates_the_tie():
    art, ents, (s,) = article("한빛시, 마루시와 자매결연 15주년 기념식")
    (t,) = qualified(art, ents, Triple("hb", "sisterCityOf", "mr", 0.9, s))
    assert t.when == When("2009")


def test_a_tie_signed_now_takes_the_agreements_date():
    art, ents, (head, lead) = article(
        "한빛시와 마루시가 자매도시가 됐다.", "한빛시는 12일 마루시와 자매결연 협약을 체결했다."
    )
    tie, sign = qualified(
        art,
        ents,
        Triple("hb", "sisterCityOf", "mr", 0.9, head),
        Triple("hb", "signsAgreementWith", "mr", 0.9, lead),
    )
    assert tie.when == sign.when == When("2024-08-12")


def test_relative_dates_need_the_publication_date():
    art, ents, (s,) = article("한빛시는 12일 마루시와 협약을 맺었다.", published=None)
    (t,) = qualified(art, ents, Triple("hb", "signsAgreementWith", "mr", 0.9, s))
    assert t.when is None


def test_qualifiers_a_triple_already_has_are_kept():
    art, ents, (s,) = article("한빛시는 12일 ㈜가온과 500억원 규모의 투자협약을 맺었다.")
    given = Triple("ga", "investsIn", "hb", 0.9, s, when=When("2024"), amount=Amount(1.0, "USD"))
    (t,) = qualified(art, ents, given)
    assert (t.when, t.amount) == (When("2024"), Amount(1.0, "USD"))


def test_a_sentence_following_a_named_event_takes_that_events_day():
    art, ents, (talks, arrival, after) = article(
        "김 시장은 12일 마루시 시장과 회담을 가졌다.",
        "이서연 의장은 지난 11일 마루시에 도착했다.",
        "김 시장은 회담 뒤 ㈜가온 본사를 찾았다.",
    )
    *_, visit = qualified(
        art,
        ents,
        Triple("kim", "meets", "mr", 0.9, talks),
        Triple("lee", "visits", "mr", 0.9, arrival),
        Triple("kim", "visits", "ga", 0.9, after),
    )
    assert visit.when == When("2024-08-12")


def test_a_country_is_visited_from_the_start_of_its_leg_to_the_trips_end():
    art, ents, (leg, end) = article(
        "김 시장은 12일 미국 보스턴으로 이동해 ㈜가온 대표를 만났다.", "김 시장은 15일 귀국한다."
    )
    country, city = qualified(
        art, ents, Triple("kim", "visits", "us", 0.9, leg), Triple("kim", "visits", "bs", 0.9, leg)
    )
    assert (country.when, city.when) == (When("2024-08-12", "2024-08-15"), When("2024-08-12"))


def test_a_city_stay_whose_length_the_sentence_tells_is_a_span():
    art, ents, (s,) = article("대표단은 12일 보스턴으로 이동해 이틀간 머문 뒤 13일 출국한다.")
    (t,) = qualified(art, ents, Triple("kim", "visits", "bs", 0.9, s))
    assert t.when == When("2024-08-12", "2024-08-13")


def test_a_sum_listed_after_an_investors_name_is_its_amount():
    art, ents, (lead, listing, site) = article(
        "한빛시는 12일 2개 기업과 총 300억원 규모의 투자협약을 맺었다.",
        "투자 기업과 규모는 ▲㈜가온(대표 김도윤) 200억원 ▲㈜나래 100억원 등이다.",
        "가온과 나래는 한빛시에 각각 공장을 짓는다.",
    )
    ga, na = qualified(
        art, ents, Triple("ga", "investsIn", "hb", 0.9, site), Triple("na", "investsIn", "hb", 0.9, site)
    )
    assert (ga.amount, na.amount) == (Amount(2e10, "KRW"), Amount(1e10, "KRW"))
