"""Body finding on invented news dumps: caption and credit lines that state facts stay in the body."""

from __future__ import annotations

import pytest
from newskg.extract.reader import read_text


def _body_text(text: str) -> str:
    a = read_text(text, "dump.txt")
    return "\n".join(a.text[s:e] for s, e in a.body)


CAPTIONED = (
    "솔내일보\n\n정치 | 경제 | 사회 | 지역\n\n"
    "솔내시, 가람전자와 배터리 공장 투자협약\n\n"
    "기자명 도해준 기자   입력 2024.05.02 10:00   댓글 0\n\n"
    "도윤희 솔내시장(왼쪽)이 2일 시청에서 나래온 가람전자 대표와 협약서에 서명하고 있다. /사진=솔내시\n"
    "[사진=솔내시]\n\n"
    "[솔내=솔내일보 도해준 기자] 솔내시는 가람전자가 300억원을 들여 공장을 짓기로 했다고 2일 밝혔다.\n\n"
    '도윤희 시장은 "지역 일자리가 늘어날 것"이라고 말했다. ⓒ 솔내일보\n'
)


def test_a_caption_that_states_a_fact_stays_in_the_body() -> None:
    body = _body_text(CAPTIONED)
    assert "나래온 가람전자 대표와 협약서에 서명하고 있다." in body


def test_a_story_line_ending_in_a_credit_mark_stays_in_the_body() -> None:
    assert "이라고 말했다. ⓒ 솔내일보" in _body_text(CAPTIONED)


def test_a_credit_only_caption_is_still_dropped() -> None:
    assert "[사진=솔내시]" not in _body_text(CAPTIONED)


def test_a_kept_caption_under_the_byline_does_not_push_out_the_headline() -> None:
    body = _body_text(CAPTIONED)
    assert body.startswith("솔내시, 가람전자와 배터리 공장 투자협약")
    assert "기자명" not in body


def test_the_copyright_notice_naming_the_publisher_is_the_last_body_line() -> None:
    text = (
        "가람전자, 솔내시에 연구소 건립\n\n"
        "[솔내=솔내일보 도해준 기자] 가람전자는 솔내시에 연구소를 짓는다고 3일 밝혔다.\n\n"
        "저작권자 © 솔내일보 무단전재 및 재배포 금지\n\n"
        "많이 본 뉴스\n나래온 새 단지 분양 시작\n"
    )
    body = _body_text(text)
    assert body.endswith("저작권자 © 솔내일보 무단전재 및 재배포 금지")
    assert "나래온" not in body


@pytest.mark.parametrize(
    "sign_off",
    ["• 도해준 기자", "doh@solnae.example.kr 도해준 기자", "도해준 doh@solnae.example.kr"],
)
def test_a_reporter_sign_off_line_stays_in_the_body(sign_off: str) -> None:
    text = (
        "가람전자, 솔내시에 연구소 건립\n\n"
        "가람전자는 솔내시 산업단지에 연구소를 짓는다고 3일 밝혔다.\n\n"
        f"{sign_off}\n\n"
        "ad@solnae.example.kr\n"
    )
    body = _body_text(text)
    assert body.endswith(sign_off)
    assert "ad@" not in body


@pytest.mark.parametrize(
    "caption",
    [
        "왼쪽부터 도윤희 솔내시장, 나래온 가람전자 대표./ 사진=솔내시",
        "▲ (좌측부터)도윤희 솔내시장, 나래온 가람전자 대표.ⓒ솔내시",
        "큰사진보기 ▲ 2일, 솔내시와 가람전자 투자협약 체결 ⓒ 솔내시",
    ],
)
def test_a_caption_naming_who_met_whom_stays_in_the_body(caption: str) -> None:
    text = (
        "솔내시, 가람전자와 배터리 공장 투자협약\n\n"
        "[솔내=솔내일보 도해준 기자] 솔내시는 가람전자가 공장을 짓기로 했다고 2일 밝혔다.\n\n"
        f"{caption}\n\n"
        "협약식에는 시 관계자와 기업 임원 등 20여 명이 참석해 협약서에 서명했다.\n"
    )
    assert caption in _body_text(text)


def test_an_unmarked_caption_above_the_lead_is_not_taken_for_the_headline() -> None:
    text = (
        "솔내일보>\n\n도해준 기자\n\n등록 : 2024.05.02 10:00\n\n"
        "솔내시, 가람전자와 배터리 공장 투자협약\n\n"
        "등록 : 2024.05.02 10:00\n\n"
        "도윤희(오른쪽) 솔내시장이 나래온 가람전자 대표와 협약서를 들어 보이고 있다. 솔내시 제공\n\n"
        "솔내시는 2일 시청 회의실에서 가람전자와 배터리 공장 건립 투자협약을 체결했다고 밝혔다.\n"
    )
    body = _body_text(text)
    assert body.startswith("솔내시, 가람전자와 배터리 공장 투자협약")
    assert "들어 보이고 있다." in body and "등록" not in body


def test_a_kept_sign_off_above_the_lead_is_not_taken_for_the_headline() -> None:
    text = (
        "솔내시\n\n"
        "솔내시-가람전자, 배터리 협력 초석 마련\n\n"
        "연구개발·인력양성 등 협력 강화\n\n"
        "  • 입력 : 2024. 05.02(목) 10:00\n"
        "  • 도해준 기자 doh@solnae.example.kr\n"
        "솔내시는 2일 시청에서 가람전자와 배터리 분야 협력 의향서를 교환했다고 밝혔다.\n"
    )
    body = _body_text(text)
    assert body.startswith("솔내시-가람전자, 배터리 협력 초석 마련")
    assert "• 도해준 기자 doh@solnae.example.kr" in body and "입력 :" not in body


def test_a_sign_off_printed_under_the_copyright_notice_stays_in_the_body() -> None:
    text = (
        "가람전자, 솔내시에 연구소 건립\n\n"
        "가람전자는 솔내시 산업단지에 연구소를 짓는다고 3일 밝혔다.\n"
        "<저작권자 ⓒ 솔내일보, 무단 전재 및 재배포 금지>\n"
        "도해준 기자 다른기사보기\n"
        "많이 본 뉴스\n나래온 새 단지 분양 시작\n"
    )
    body = _body_text(text)
    assert body.endswith("도해준 기자 다른기사보기")
    assert "나래온" not in body
