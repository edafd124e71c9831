"""Body finding on invented news dumps: caption and credit lines that state facts stay in the body."""

from __future__ import annotations

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
