"""The reader: formats, encodings, errors that name the file, body spans and dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newskg.extract.reader import decode, find_body, find_published, read_file, read_paths, read_text
from newskg.extract.records import Article
from newskg.ontology.errors import InputError

STORY = (
    "시흥시, 美 샌디에이고와 바이오 협력 논의\n\n"
    "[경기 시흥=데일리임팩트 이상묵 기자]시흥시는 임병택 시장이 미국 샌디에이고를 방문해 협력 방안을 "
    "논의했다고 13일 밝혔다.\n\n"
    "임 시장은 현지 기업 관계자들과 만나 투자 유치 방안을 협의했다.\n"
)

DUMP = (
    "주요 메뉴 바로가기 (상단) 본문 컨텐츠 바로가기 주요 메뉴 바로가기 (하단)\n\n"
    "정치  경제  사회  지역  문화\n\n"
    "홈 > 지역 > 경기\n\n" + STORY.split("\n\n")[0] + "\n\n"
    "입력 2024.03.13 10:41  |  수정 2024.03.13 11:05  |  댓글 0\n\n"
    "데일리임팩트 조회수  \n\n" + "\n\n".join(STORY.strip().split("\n\n")[1:2]) + "\n\n"
    "임병택 시흥시장/사진=이상묵 기자\n"
    "▲ 임병택 시장이 협약서에 서명하고 있다.\n"
    "[사진=시흥시 제공]\n\n" + STORY.strip().split("\n\n")[2] + "\n\n"
    "홍길동 기자 hong@example.co.kr\n\n"
    "<저작권자 © 데일리임팩트, 무단 전재 및 재배포 금지>\n\n"
    "댓글0\n\n300\n\n"
    "[경제] 랭킹 뉴스\n\n"
    "  • 삼성전자, 美 텍사스에 반도체 공장 착공\n"
    "  • 서울 아파트값 3주 연속 상승\n\n"
    "함께 보면 좋은 뉴스\n\n"
    "  • 1\n    부산시, 日 후쿠오카와 관광 교류 확대 방안 모색했다?\n\n    뉴스 \n\n"
    "페이스북  트위터  카카오톡  URL 복사\n\n"
    "회사소개 | 광고문의 | 개인정보처리방침 | 청소년보호정책\n"
)


def _body_text(a: Article) -> str:
    return "\n".join(a.text[s:e] for s, e in a.body_spans())


# ------------------------------------------------------------------------------------ formats


def test_txt_file_keeps_text_exactly_as_decoded(tmp_path: Path) -> None:
    raw = "첫 줄\r\n둘째 줄  \r\n"
    p = tmp_path / "a.txt"
    p.write_bytes(raw.encode("utf-8"))
    [a] = read_file(p)
    assert a.text == raw
    assert a.id == str(p) and a.source == str(p.resolve())


def test_article_id_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "seed.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [a] = read_file("dir/seed.txt")
    assert a.id == "dir/seed.txt"
    assert Path(a.source).is_absolute()


def test_jsonl_gives_one_article_per_line_with_its_id_and_date(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    rows = [
        {"id": "dev-01", "text": STORY, "published": "2024-03-13T10:00:00+09:00", "title": "제목"},
        {"id": "dev-02", "text": "부산시는 14일 협약을 체결했다고 밝혔다."},
    ]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    arts = read_file(p)
    assert [a.id for a in arts] == ["dev-01", "dev-02"]
    assert arts[0].published == "2024-03-13" and arts[0].title == "제목"
    assert arts[1].text == rows[1]["text"]


def test_jsonl_bad_line_names_file_and_line_number(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "a", "text": "좋다."}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not valid JSON"):
        read_file(p)


def test_jsonl_line_without_text_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "notext.jsonl"
    p.write_text('{"id": "a", "body": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"notext\.jsonl:1: .*\"text\""):
        read_file(p)


HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>사이트 제목 | 데일리임팩트</title>
<meta property="og:title" content="시흥시, 美 샌디에이고와 바이오 협력 논의">
<meta property="article:published_time" content="2024-03-13T10:41:00+09:00">
<meta property="og:url" content="https://news.example/article/1">
<style>.x{color:red}</style><script>var a = "스크립트 문자열";</script>
</head><body>
<header><a href="/">홈</a> 로그인</header><nav><ul><li>정치</li><li>경제</li></ul></nav>
<article><h1>시흥시, 美 샌디에이고와 바이오 협력 논의</h1>
<p>[경기 시흥=데일리임팩트 이상묵 기자]시흥시는 임병택 시장이 미국 샌디에이고를 방문해
협력 방안을 논의했다고 13일 밝혔다.</p>
<p>임 시장은 현지 기업 관계자들과 만나 &quot;투자&quot; 유치 방안을 협의했다&#46;</p></article>
<div class="related-news"><h3>관련 뉴스</h3><ul><li>다른 기사 제목 하나</li></ul></div>
<aside>광고 영역</aside><footer>Copyright © 데일리임팩트</footer>
</body></html>"""


def test_html_visible_text_title_date_and_url(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    [a] = read_file(p)
    assert a.title == "시흥시, 美 샌디에이고와 바이오 협력 논의"
    assert a.published == "2024-03-13" and a.url == "https://news.example/article/1"
    for gone in ("스크립트", "color:red", "로그인", "정치", "광고 영역", "Copyright"):
        assert gone not in a.text
    assert '"투자" 유치 방안을 협의했다.' in a.text  # entities unescaped
    lines = a.text.split("\n")
    assert lines[0] == "시흥시, 美 샌디에이고와 바이오 협력 논의"  # block elements become lines
    body = _body_text(a)
    assert "임병택 시장" in body and "다른 기사 제목" not in body and "관련 뉴스" not in body


def test_html_story_header_keeps_headline_and_byline() -> None:
    page = (
        "<body><header class='site-header'>사이트 메뉴</header><article>"
        "<header class='article-header'><h1>부산시, 싱가포르서 투자 유치</h1>"
        "<p>[부산=한국뉴스 윤서진 기자]</p></header>"
        "<p>부산시는 싱가포르 기업과 투자협약을 체결했다고 14일 밝혔다.</p></article></body>"
    )
    a = read_text(page, "p.html", html=True)
    body = _body_text(a)
    assert "사이트 메뉴" not in a.text
    assert "부산시, 싱가포르서 투자 유치" in body and "[부산=한국뉴스 윤서진 기자]" in body
    assert a.title == "부산시, 싱가포르서 투자 유치"


def test_html_title_without_og_drops_the_site_name() -> None:
    page = "<title>시흥시, 샌디에이고 방문 | 데일리임팩트</title><p>본문이다.</p>"
    a = read_text(page, "t.html", html=True)
    assert a.title == "시흥시, 샌디에이고 방문"


def test_html_of_a_typical_news_cms_keeps_headline_and_story_only(data_dir: Path) -> None:
    [a] = read_file(data_dir / "reader" / "cms-page.html")
    assert (a.title, a.published) == ("목포시, 가오슝과 해양관광 협력", "2024-05-09")
    body = _body_text(a)
    assert body.startswith("목포시, 가오슝과 해양관광 협력")
    assert "[목포=남도해양일보 박소연 기자] 전남 목포시는" in body and "협력 방안을 논의했다." in body
    assert "박소연 기자 syp@example.kr" in body  # the reporter's closing line belongs to the story
    for dropped in (
        "본문 바로가기",
        "입력 2024",
        "페이스북",
        "악수하고 있다",
        "무단전재",
        "많이 본 뉴스",
        "완도 앞바다",
        "관련기사",
        "벳푸시",
        "회사소개",
    ):
        assert dropped not in body, dropped


def test_html_date_from_time_tag_and_jsonld() -> None:
    a = read_text("<p>본문이다.</p><time datetime='2023-11-02T09:00'>11월 2일</time>", "t.html", html=True)
    b = read_text(
        '<script type="application/ld+json">{"datePublished": "2022-05-06"}</script><p>본문.</p>',
        "j.html",
        html=True,
    )
    assert (a.published, b.published) == ("2023-11-02", "2022-05-06")


# ----------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_every_common_korean_encoding_reads_back(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / f"story-{encoding}.txt"
    p.write_bytes(STORY.encode(encoding))
    [a] = read_file(p)
    assert a.text == STORY


@pytest.mark.parametrize("text", ["원주시", "원주시와 평택시는", "강릉시청"])
def test_all_hangul_utf16_without_bom_or_nul_bytes_reads_back(tmp_path: Path, text: str) -> None:
    # Hangul code points have no zero byte, so a NUL count cannot tell such a file is UTF-16
    p = tmp_path / "short.txt"
    p.write_bytes(text.encode("utf-16-le"))
    [a] = read_file(p)
    assert a.text == text


def test_euc_kr_html_page_reads(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    p.write_bytes(HTML.replace('charset="utf-8"', 'charset="euc-kr"').replace("©", "(c)").encode("euc-kr"))
    [a] = read_file(p)
    assert "임병택 시장" in a.text


def test_undecodable_bytes_name_the_file_and_what_was_tried(tmp_path: Path) -> None:
    p = tmp_path / "garbage.txt"
    p.write_bytes(b"\xff\xfe" + "\ud800".encode("utf-16-le", "surrogatepass") * 3 + b"\x00")
    with pytest.raises(InputError, match=r"garbage\.txt: cannot decode"):
        read_file(p)


def test_decode_prefers_utf8_and_falls_back_to_cp949() -> None:
    assert decode("경기도 시흥시".encode()) == "경기도 시흥시"
    assert decode("경기도 시흥시 임병택 시장".encode("cp949")) == "경기도 시흥시 임병택 시장"


# -------------------------------------------------------------------------------------- errors


def test_missing_and_empty_files_raise_input_error_naming_them(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_file(tmp_path / "nope.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty"):
        read_file(empty)


def test_directory_with_a_broken_file_yields_the_rest_and_an_error_in_place(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(STORY, encoding="utf-8")
    (d / "b.jsonl").write_text('{"id": "b1", "text": "좋다."}\n{oops}\n', encoding="utf-8")
    (d / "sub" / "c.html").write_text(HTML, encoding="utf-8")
    (d / "notes.md").write_text("not an article", encoding="utf-8")
    out = list(read_paths([d]))
    assert [type(x).__name__ for x in out] == ["Article", "Article", "InputError", "Article"]
    assert out[0].id.endswith("a.txt") and out[1].id == "b1" and out[3].id.endswith("c.html")
    assert "b.jsonl:2" in str(out[2])


def test_read_paths_reports_a_missing_path_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(STORY, encoding="utf-8")
    out = list(read_paths([tmp_path / "missing.txt", good]))
    assert isinstance(out[0], InputError) and "missing.txt" in str(out[0])
    assert isinstance(out[1], Article)


# --------------------------------------------------------------------------------- body finding


def test_body_of_a_news_dump_keeps_the_story_and_drops_the_furniture() -> None:
    a = read_text(DUMP, "dump.txt")
    body = _body_text(a)
    for kept in (
        "시흥시, 美 샌디에이고와 바이오 협력 논의",
        "[경기 시흥=데일리임팩트 이상묵 기자]",
        "논의했다고 13일 밝혔다.",
        "투자 유치 방안을 협의했다.",
        "홍길동 기자 hong@example.co.kr",  # the reporter's closing line belongs to the story
        "협약서에 서명하고 있다.",  # a caption that states a fact is story text too
    ):
        assert kept in body
    for dropped in (
        "바로가기",
        "정치  경제",
        "홈 > 지역",
        "입력 2024",
        "조회수",
        "/사진=",
        "[사진=",
        "댓글0",
        "300",
        "랭킹 뉴스",
        "삼성전자",
        "아파트값",
        "함께 보면",
        "후쿠오카",
        "페이스북",
        "회사소개",
    ):
        assert dropped not in body, dropped
    assert a.title == "시흥시, 美 샌디에이고와 바이오 협력 논의"
    assert a.published == "2024-03-13"


AGENCY_DUMP = (
    "기사 듣기\n번역\n글자 크기 변경\n\n"
    "부산시, 싱가포르 물류기업과 투자협약\n\n"
    "송고2024-03-14 10:00\n\n"
    "[연합뉴스 자료사진]\n\n"
    "(부산=연합뉴스) 윤서진 기자 = 부산시는 싱가포르 물류기업과 1억달러 규모의 투자협약을 "
    "체결했다고 14일 밝혔다.\n\n"
    "협약에 따라 이 회사는 부산에 콜드체인 물류센터를 짓는다.\n\n"
    "▶ 제보는 카카오톡 okjebo, 공감언론 독자 여러분의 소중한 제보를 기다립니다.\n"
    "☞ 관련 기사를 더 보려면 여기를 누르세요.\n\n"
    "sjyoon@yna.co.kr\n\n"
    "저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지\n\n"
    "좋아요0 슬퍼요0 화나요0 후속요청0\n"
)


def test_body_of_an_agency_dump_drops_promos_and_photo_credits() -> None:
    a = read_text(AGENCY_DUMP, "agency.txt")
    body = _body_text(a)
    assert body.startswith("부산시, 싱가포르 물류기업과 투자협약")
    assert "(부산=연합뉴스) 윤서진 기자 = 부산시는" in body and "물류센터를 짓는다." in body
    for dropped in (
        "기사 듣기",
        "자료사진",
        "송고",
        "제보",
        "여기를 누르세요",
        "sjyoon",
        "좋아요",
    ):
        assert dropped not in body, dropped
    assert a.published == "2024-03-14"


def test_body_spans_are_offsets_into_the_text_as_read() -> None:
    a = read_text(DUMP, "dump.txt")
    assert a.body
    prev_end = -1
    for s, e in a.body:
        assert prev_end < s < e <= len(a.text)
        assert a.text[s:e] == a.text[s:e].strip()
        prev_end = e
    start = a.text.index("[경기 시흥=")
    assert any(s <= start < e for s, e in a.body)


def test_a_deck_under_the_headline_keeps_the_headline_in_the_body() -> None:
    text = (
        "뉴스홈 | 정치 | 경제 | 사회\n\n경제\n\n울산시, 이차전지 양극재 공장 유치…1조원 투자\n\n"
        "2027년까지 온산산단에 생산라인 구축\n\n"
        "[울산=한국뉴스 배수아 기자] 울산시는 양극재 공장 건립 투자협약을 체결했다고 22일 밝혔다.\n"
    )
    a = read_text(text)
    body = _body_text(a)
    assert body.startswith("울산시, 이차전지 양극재 공장 유치") and "2027년까지 온산산단" in body
    assert "뉴스홈" not in body and not body.startswith("경제")


def test_plain_story_is_all_body() -> None:
    a = read_text(STORY)
    assert a.body == ((0, len(STORY.rstrip("\n"))),)


def test_a_related_box_inside_the_story_does_not_end_it() -> None:
    text = (
        "제목 한 줄\n\n첫 문단은 여기서 시작해 충분히 긴 문장으로 끝이 난다고 밝혔다.\n\n"
        "관련기사\n  • 다른 기사\n\n"
        "둘째 문단도 충분히 긴 문장으로 이어져 마지막에 말했다고 전했다.\n"
    )
    body = _body_text(read_text(text))
    assert "둘째 문단" in body and "다른 기사" not in body


def test_every_gold_evidence_of_the_dev_set_lies_in_the_body(data_dir: Path) -> None:
    files = sorted((data_dir / "dev").glob("*.json"))
    assert len(files) >= 15
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        a = read_text(gold["text"], f.stem)
        parts = [a.text[s:e] for s, e in a.body_spans()]
        for rel in gold["relations"]:
            assert any(rel["evidence"] in p for p in parts), (f.name, rel["evidence"][:60])
        assert sum(e - s for s, e in a.body_spans()) <= len(a.text)


def test_dev_dumps_lose_their_ranking_lists(data_dir: Path) -> None:
    gold = json.loads((data_dir / "dev" / "dev-00-siheung.json").read_text(encoding="utf-8"))
    a = read_text(gold["text"], "dev-00")
    body = _body_text(a)
    assert "랭킹 뉴스" in a.text and "랭킹 뉴스" not in body
    assert "•" not in body
    assert a.title and a.title.startswith("임병택 시흥시장")


# ---------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("제목\n입력 2024.03.13 10:41\n본문", "2024-03-13"),
        ("제목\n기자명 홍길동  |  승인 2024.07.16 09:30  |  댓글 0\n본문", "2024-07-16"),
        ("제목\n2024-03-13 10:00\n본문", "2024-03-13"),
        ("제목\n2024년 07월 16일 (화)\n본문", "2024-07-16"),
        ("본문에 2019년 한 행사를 계기로 인연을 맺었다는 말만 있다.", None),
    ],
)
def test_published_date_from_a_text_dump(text: str, date: str | None) -> None:
    assert find_published(text) == date


def test_find_body_marks_nothing_in_an_empty_text() -> None:
    assert find_body("") == ()


# ------------------------------------------------------------------------- libraries and limits


def test_the_default_html_method_measures_best_on_korean_cms_pages() -> None:
    from newskg.extract.reader import HTML_METHOD, HTML_METHODS

    from tests.bench.reader_body import score

    figures = {m: score(m) for m in HTML_METHODS}
    best = figures[HTML_METHOD]
    assert best["pages"] >= 8
    assert all(best["f1"] >= f["f1"] for f in figures.values()), figures
    assert best["headline"] == 1.0 and best["date"] == 1.0
    assert best["f1"] > figures["rules"]["f1"]  # the library beats the hand-written rules


def test_html_offsets_point_into_the_text_as_read(data_dir: Path) -> None:
    for page in sorted((data_dir / "reader" / "body").glob("*.html")):
        [a] = read_file(page)
        assert a.body and all(0 <= s < e <= len(a.text) for s, e in a.body)
        assert a.text.startswith(a.title)


def test_html_parsing_time_grows_linearly_with_nesting_depth() -> None:
    import time

    from newskg.extract.reader import html_to_text

    def took(depth: int) -> float:
        page = "<body>" + "<div><span>" * depth + "<p>원주시는 밝혔다.</p>" + "</span></div>" * depth
        started = time.perf_counter()
        text, _, _ = html_to_text(page)
        assert text == "원주시는 밝혔다."
        return time.perf_counter() - started

    took(1000)  # warm up
    small, large = min(took(5_000) for _ in range(3)), min(took(20_000) for _ in range(3))
    assert large / small < 8  # 4x the depth: about 4x the time (quadratic would be 16x)


def test_one_file_by_any_spelling_has_one_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "l.txt").symlink_to(tmp_path / "d" / "a.txt")
    monkeypatch.chdir(tmp_path)
    spellings = ["d/a.txt", "./d/a.txt", "d/../d/a.txt", str(tmp_path / "d" / "a.txt"), "d//a.txt"]
    assert {read_file(p)[0].id for p in spellings} == {"d/a.txt"}
    assert read_file("l.txt")[0].id == "l.txt"  # a symlink keeps its name
    assert [a.id for a in read_paths([*spellings, "l.txt"])] == ["d/a.txt"]  # one file, read once


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        read_file(fifo)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("\u3000\u3000", "no visible text"),
        ("\ufeff", "no visible text"),
        ("가" * 101, "over the limit"),
        ("\x00" * 20 + "가", "control characters"),
    ],
)
def test_read_text_refuses_what_is_not_an_article(text: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_text(text, "x", max_chars=100)


def test_control_characters_and_surrogates_are_replaced_one_for_one() -> None:
    a = read_text("가나다라마바사\x07아자\ud800차카타파하", "x")
    assert a.text == "가나다라마바사 아자\ufffd차카타파하"
