"""Korean time expressions resolved against the publication date (invented sentences)."""

from __future__ import annotations

import pytest
from newskg.extract.when import anniversary, find_times

PUB = "2024-08-14"


def events(text: str, published: str | None = PUB) -> list:
    return [t.when.to_json() for t in find_times(text, published) if t.role in ("event", "since", "anaphor")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("한빛시는 13일 협약을 맺었다.", ["2024-08-13"]),
        ("한빛시는 지난달 17일 협약을 맺었다.", ["2024-07-17"]),
        ("두 도시는 지난해 10월 협약을 맺었다.", ["2023-10"]),
        ("대표단은 오는 11월 방문한다.", ["2024-11"]),
        ("공장은 내년 상반기 착공한다.", [{"start": "2025-01", "end": "2025-06"}]),
        ("대표단은 2∼3일 머물렀다.", [{"start": "2024-08-02", "end": "2024-08-03"}]),
        ("대표단은 13일부터 19일까지 미국을 방문한다.", [{"start": "2024-08-13", "end": "2024-08-19"}]),
        (
            "시는 13일부터 19일까지 4박 7일 일정으로 미국을 방문한다.",
            [{"start": "2024-08-13", "end": "2024-08-19"}],
        ),
        ("대표단은 지난 9일부터 3박 4일 일정으로 방문했다.", [{"start": "2024-08-09", "end": "2024-08-12"}]),
        ("대표단은 지난 7일부터 사흘 일정으로 방문했다.", [{"start": "2024-08-07", "end": "2024-08-09"}]),
        (
            "대통령은 2박 3일간의 국빈 방문 일정으로 12일 도착했다.",
            [{"start": "2024-08-12", "end": "2024-08-14"}],
        ),
        ("두 도시는 2009년 자매결연을 맺었다.", ["2009"]),
        ("두 도시는 지난 2019년 협약을 맺었다.", ["2019"]),
        ("시는 지난해 10월 31일 협약을 체결한 바 있다.", ["2023-10-31"]),
        ("도는 지난해부터 실무진을 보냈다.", ["2023"]),
        ("시는 올해 하반기 설명회를 연다.", [{"start": "2024-07", "end": "2024-12"}]),
        ("지사가 12일(현지시간) 공장을 찾았다.", ["2024-08-12"]),
        (
            "대표단은 오는 23일까지 열흘간 세 나라를 차례로 방문한다.",
            [{"start": "2024-08-14", "end": "2024-08-23"}],
        ),
    ],
)
def test_a_time_expression_resolves_to_the_precision_the_text_gives(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("한빛시는 협약을 체결했다고 14일 밝혔다.", "report"),
        ("한빛시는 협약을 체결했다고 14일(현지시간) 전했다.", "report"),
        ("12일 한빛시에 따르면 대표단은 시청을 찾았다.", "source"),
        ("회사는 2027년까지 공장을 짓는다.", "deadline"),
        ("대사가 시청을 찾은 것은 지난해 11월 부임 이후 처음이다.", "prior"),
    ],
)
def test_reporting_days_and_deadlines_are_no_event_dates(text, role):
    (t,) = find_times(text, PUB)
    assert t.role == role


@pytest.mark.parametrize(
    "text",
    [
        "4박 7일 일정으로 미국을 방문한다.",  # a trip length: no 7th of the month
        "20년 전 첫 교류가 시작됐다.",  # an age, not the year 2004
        "두 도시는 20년 교류를 기념했다.",  # a count of years, not the year 2020
        "교역액은 1년 전보다 30% 늘었다.",
        "입력 2024.08.14 10:41",  # a timestamp
    ],
)
def test_lengths_ages_and_timestamps_are_no_dates(text):
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "김 지사는 12일 후쿠오카시를 찾았다.",  # 후 starts a name, not "12 days later"
        "김 지사는 12일 만나 협약을 맺었다.",  # 만나다, not "after 12 days"
        "김 지사는 12일 간담회를 열었다.",  # 간담회, not "for 12 days"
    ],
)
def test_a_day_before_a_word_that_begins_like_a_length_word_is_a_date(text):
    assert events(text) == ["2024-08-12"]


@pytest.mark.parametrize(
    "text", ["그는 3일 전에 출국했다.", "그는 10년 만에 찾았다.", "교류는 5일 간의 일정이었다."]
)
def test_a_length_word_with_its_particle_is_still_no_date(text):
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("대표단은 12일 도착했다. 이날 오후 시청을 찾았다.", ["2024-08-12", "2024-08-12"]),
        ("대표단은 12일 도착했다. 이튿날 공장을 찾았다.", ["2024-08-12", "2024-08-13"]),
        ("14일 시에 따르면 대표단은 전날 시청을 방문했다.", ["2024-08-13"]),
        ("대표단은 이날 시청을 찾았다.", ["2024-08-14"]),  # no day named before: the publication day
    ],
)
def test_anaphors_take_the_day_last_named(text, expected):
    assert events(text) == expected


def test_without_a_publication_date_only_dates_naming_their_year_are_kept():
    assert events("2009년 자매결연을 맺었고 13일 방문했다.", None) == ["2009"]
    assert events("지난해 10월 협약을 맺었다.", None) == []


def test_an_anniversary_dates_the_tie_back_from_the_publication_year():
    assert [w.to_json() for _, w in anniversary("자매결연 20주년 기념식", PUB)] == ["2004"]
    assert anniversary("자매결연 20주년 기념식", None) == []


@pytest.mark.parametrize(
    "text",
    [
        "가나시는 지난 3일부터 5일까지 대표단을 보냈고, 다음 달 말 협약을 맺을 예정이다.",
        "2024.03.08 11:05 송고. 올해 상반기 중 오후 3시께 발표하며 내년 2월 완공한다.",
        "오는 15일(현지시간) 열리는 행사는 2박 3일 일정이며, 오늘저녁 7시 시작한다.",
    ],
)
def test_the_fast_date_scanner_finds_the_same_tokens_as_the_library(text):
    from korean_datetime.core.scanner import Scanner
    from newskg.extract.when import _parser

    fast = _parser()._scanner
    assert type(fast) is not Scanner  # the fast one is in use
    assert fast.scan(text) == Scanner(fast.rules).scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "가나시는 지난 3일부터 5일까지 대표단을 보냈고, 다음 달 말 협약을 맺을 예정이다.",
        "오는 15일(현지시간) 오후 3시께, 이듬해 설날 무렵과 크리스마스 이브에 PM 7:30 만난다.",
        "  \n13일 오전 아침 일찍 이번 주말 재작년 3개월 동안 스물다섯 번째 2024.03.08",
    ],
)
def test_rules_are_tried_only_where_their_first_character_stands_and_found_everywhere(text):
    from newskg.extract.when import _parser

    fast = _parser()._scanner
    # nearly every rule has a class of first characters (a rule without one keeps the full scan)
    assert sum(f is not None for f in fast._first) >= len(fast.rules) - 2
    brute = [{p for p in range(len(text) + 1) if r.pattern.match(text, p)} for r in fast.rules]
    assert fast._starts(text) == brute
    assert any(brute)
