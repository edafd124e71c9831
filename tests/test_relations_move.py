"""Visits, meetings and companions as Korean news tells them (invented sentences only)."""

from __future__ import annotations

from tests.triples import triples_of as _triples


def test_the_reporter_of_a_byline_run_into_the_subject_visits_nothing():
    found = _triples(
        "[가람일보=도해준 기자] 솔내시의회는 지난 2일 몽골 다르항시를 방문해 교류 방안을 협의했다."
    )
    assert ("솔내시의회", "visits", "다르항시") in found
    assert not any(s == "도해준" and p == "visits" for s, p, _o in found)


def test_a_place_written_bare_before_the_visit_word_is_visited():
    found = _triples("한지석 대통령은 베트남 국빈 방문해 정상회담을 가졌다.")
    assert ("한지석", "visits", "베트남") in found


def test_a_body_whose_visit_word_closes_the_phrase_is_visited():
    found = _triples("한지석 시장은 19일 솔내구의회 방문, 의원들과 만찬을 함께했다.")
    assert ("한지석", "visits", "솔내구의회") in found


def test_a_bare_place_before_a_visit_still_to_come_is_no_visit_yet():
    assert ("한지석", "visits", "베트남") not in _triples("한지석 시장은 베트남 방문할 예정이다.")
    assert ("한지석", "visits", "베트남") in _triples("한지석 시장은 베트남 방문할 예정이다.", "planned")


def test_the_host_of_a_received_call_meets_the_caller_in_the_genitive():
    found = _triples("한지석 시장은 15일 집무실에서 이나래 대사의 예방을 받고 교류 확대를 논의했다.")
    assert ("한지석", "meets", "이나래") in found


def test_being_welcomed_by_people_at_the_airport_is_meeting_them():
    found = _triples("한지석 시장은 공항에서 이나래 장관 등의 영접을 받았다.")
    assert ("한지석", "meets", "이나래") in found


def test_the_host_meets_the_head_named_for_the_party_received():
    found = _triples("한지석 시장은 3일 시청을 찾은 이나래 의장을 비롯한 대표단 5명을 맞이했다.")
    assert ("한지석", "meets", "이나래") in found


def test_a_genitive_person_before_an_object_that_is_no_call_is_no_partner():
    found = _triples("한지석 시장은 이나래 대사의 축사를 듣고 협력 방안을 논의했다.")
    assert ("한지석", "meets", "이나래") not in found


_ROSTER = (
    "솔내시 대표단이 15일 몽골 다르항시를 방문했다.\n"
    "방문단은 윤가온 시장, 이나래 의장, 도해준 국장 등 9명으로 다르항시의 개청 기념식에 참석했다.\n"
    "대표단은 이어 다르항시청을 방문했다."
)


def test_the_people_of_a_partys_roster_visit_what_the_party_visits():
    found = _triples(_ROSTER)
    for member in ("윤가온", "이나래", "도해준"):
        assert (member, "visits", "다르항시청") in found


def test_the_members_of_a_roster_accompany_the_first_named():
    found = _triples(_ROSTER)
    assert ("이나래", "accompanies", "윤가온") in found
    assert ("도해준", "accompanies", "윤가온") in found


def test_the_hosts_a_party_is_welcomed_by_are_not_its_members():
    found = _triples(
        "솔내시 대표단이 15일 몽골 다르항시를 방문했다.\n"
        "방문단은 윤가온 시장을 예방하고 이나래 의장 등으로부터 환영을 받았다.\n"
        "대표단은 이어 다르항시청을 방문했다."
    )
    assert ("이나래", "visits", "다르항시청") not in found
    assert ("이나래", "accompanies", "윤가온") not in found


def test_the_local_head_listed_first_at_a_gathering_meets_the_other_attendees():
    found = _triples(
        "간담회에는 윤가온 화순군수, 이나래 솔내협회 이사, 도해준 가람친선협회 회장 등이 참석했다."
    )
    assert ("윤가온", "meets", "이나래") in found
    assert ("윤가온", "meets", "도해준") in found


def test_a_gathering_told_after_its_attendees_is_a_meeting_of_its_host():
    found = _triples(
        "윤가온 화순군수와 이나래 솔내상공회의소 회장, 도해준 가람상공회의소 회장 등 40여 명이 "
        "참석한 가운데 개최한 이번 간담회는 지역 현안을 다뤘다."
    )
    assert ("윤가온", "meets", "도해준") in found


def test_attendees_with_no_local_head_among_them_meet_no_one():
    found = _triples("간담회에는 이나래 솔내협회 이사, 도해준 가람친선협회 회장 등이 참석했다.")
    assert not any(p == "meets" for _s, p, _o in found)


def test_taking_part_in_an_event_held_away_from_home_visits_its_site():
    found = _triples("윤가온 화순군수는 지난 28일 정선군청에서 열린 협약식에서 협약서에 서명했다.")
    assert ("윤가온", "visits", "정선군청") in found


def test_an_event_held_at_home_is_no_visit():
    found = _triples("윤가온 화순군수는 화순군청에서 열린 협약식에서 협약서에 서명했다.")
    assert not any(s == "윤가온" and p == "visits" for s, p, _o in found)


def test_only_the_attendees_from_elsewhere_visit_the_site_of_an_event():
    found = _triples("정선군청에서 열린 협약식에는 윤가온 화순군수와 이나래 정선군수 등이 참석했다.")
    assert ("윤가온", "visits", "정선군청") in found
    assert ("이나래", "visits", "정선군청") not in found


def test_an_event_still_to_be_attended_is_no_visit_yet():
    found = _triples("윤가온 화순군수는 정선군청에서 열린 협약식에 참석할 예정이다.")
    assert ("윤가온", "visits", "정선군청") not in found


def test_a_party_does_not_visit_the_place_it_travels_for():
    found = _triples("화순군 우호대표단은 12일 화순군과 린이시를 차례로 방문했다.")
    assert ("화순군 우호대표단", "visits", "린이시") in found
    assert ("화순군 우호대표단", "visits", "화순군") not in found


def test_a_body_does_not_visit_the_place_it_lies_in():
    found = _triples("정선군의회는 12일 정선군과 화순군을 차례로 방문했다.")
    assert ("정선군의회", "visits", "화순군") in found
    assert ("정선군의회", "visits", "정선군") not in found


def test_the_people_heading_a_counted_subject_are_the_party_later_named_as_such():
    found = _triples(
        "솔내시의회 윤가온 의장과 이나래 위원장을 비롯한 의원 5명은 지난 3일 우호도시인 일본 린이시의 "
        "개항 축제에 참석했다.\n방문단은 이어 린이시청을 방문했다."
    )
    assert ("윤가온", "visits", "린이시청") in found
    assert ("이나래", "visits", "린이시청") in found


def test_the_people_heading_a_counted_object_are_not_of_the_party():
    found = _triples(
        "솔내시 방문단은 지난 8일 윤가온 의장을 비롯한 의원 5명을 만났다.\n방문단은 이어 린이시청을 방문했다."
    )
    assert ("윤가온", "visits", "린이시청") not in found


def test_the_occasion_told_of_a_visit_named_as_subject_is_no_stop():
    found = _triples(
        "솔내시의회는 지난 2일 다르항시를 방문했다. 이번 방문은 한·몽 수교 35주년과 "
        "가람시·다르항시 친선결연 30주년을 기념한 것으로, 다르항시의회의 초청으로 이뤄졌다."
    )
    assert ("솔내시의회", "visits", "다르항시") in found
    assert ("솔내시의회", "visits", "가람시") not in found


def test_the_event_a_return_visit_answers_is_no_stop_of_it():
    found = _triples(
        "솔내시의회는 지난 2일 다르항시를 방문했다. 이번 방문은 지난 5월 솔내시의회 대표단의 "
        "가람시 꽃축제 참석에 대한 답방 형식으로 이뤄졌다."
    )
    assert ("솔내시의회", "visits", "가람시") not in found


def test_a_meeting_in_a_clause_running_into_a_schedule_is_planned_not_done():
    text = "도해준 총리는 30일 솔내국에서 가람 바토 대통령과 면담해 경제 분야 협력 방안을 논의할 예정이다."
    assert ("도해준", "meets", "가람 바토") not in _triples(text)
    assert ("도해준", "meets", "가람 바토") in _triples(text, "planned")


def test_a_meeting_told_in_the_past_before_a_later_schedule_is_done():
    text = "도해준 총리는 30일 가람 바토 대통령과 면담했으며, 다음 날 솔내국을 방문할 예정이다."
    assert ("도해준", "meets", "가람 바토") in _triples(text)


def test_a_meeting_at_a_venue_of_a_korean_city_is_no_visit_abroad():
    found = _triples("도해준 시장은 1일 서울 가람호텔에서 바토 솔내국 대사와 간담회를 가졌다.")
    assert not any(s == "도해준" and p == "visits" for s, p, _o in found)


def test_a_meeting_at_a_venue_abroad_is_still_a_visit():
    found = _triples("도해준 시장은 1일 파리 가람호텔에서 바토 대사와 면담했다.")
    assert ("도해준", "visits", "가람호텔") in found
