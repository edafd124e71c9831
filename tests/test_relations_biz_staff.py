"""The staff listed after the side they belong to ("가람협회에서는 A 부회장, B 본부장") work for it, and
a head title with a unit's name glued before it ("미래기술센터장") heads that unit, not the body
(invented names)."""

from __future__ import annotations

from tests.triples import triples_of as _done


def test_the_staff_after_the_side_they_belong_to_work_for_it() -> None:
    found = _done("가람협회에서는 도해준 부회장, 나윤서 사업본부장, 강다온 기획실장 등이 참석했다.")
    assert ("도해준", "worksFor", "가람협회") in found
    assert ("나윤서", "worksFor", "가람협회") in found
    assert ("강다온", "worksFor", "가람협회") in found


def test_a_unit_head_in_the_list_of_one_side_is_a_post_at_it() -> None:
    found = _done("이날 협약식에 한빛대학교 측에서는 나윤서 기획팀장, 강다온 디자인연구소장 등이 참석했다.")
    assert ("나윤서", "worksFor", "한빛대학교") in found
    assert ("강다온", "worksFor", "한빛대학교") in found
    assert ("강다온", "headOf", "한빛대학교") not in found


def test_a_unit_head_title_does_not_head_the_body() -> None:
    found = _done(
        "이날 협약식에 한빛대학교 측에서는 도해준 산학협력단장, 나윤서 미래기술센터장, "
        "강다온 기획팀장 등이 참석했다."
    )
    assert ("나윤서", "headOf", "한빛대학교") not in found


def test_a_bare_head_title_still_heads_the_body() -> None:
    found = _done("이날 협약식에 한빛대학교 측에서는 나윤서 총장과 강다온 기획팀장 등이 참석했다.")
    assert ("나윤서", "headOf", "한빛대학교") in found
    assert ("강다온", "worksFor", "한빛대학교") in found


def test_a_one_syllable_rank_before_a_title_is_no_unit() -> None:
    found = _done("한빛그룹을 찾은 도해준 부총리 겸 미래혁신부 장관은 투자 확대를 당부했다.")
    assert ("도해준", "headOf", "미래혁신부") in found
    assert ("도해준", "worksFor", "미래혁신부") not in found
