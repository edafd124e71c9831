"""Fuzzing the reader and the extractor: random articles never raise, and every offset the extractor
emits lies inside the text as read (mentions and evidence both)."""

from __future__ import annotations

import random

import pytest
from newskg.extract.reader import read_text
from newskg.ontology.errors import InputError

pytestmark = pytest.mark.slow

CASES = 400
SEED = 20261202

# invented building blocks of Korean news prose (no gold article's names)
_WORDS = (
    "가나시",
    "다라군",
    "마바구",
    "사아시장",
    "자차대학교",
    "카타전자",
    "파하그룹",
    "김가온",
    "이나래",
    "박다솜",
    "정보",
    "협약",
    "방문",
    "투자",
    "회장",
    "대표",
    "시장",
    "교류",
    "자매결연",
    "체결",
    "(주)",
    "㈜",
    "Seoul",
    "Busan",
    "K-바이오",
    "美",
    "中",
    "日",
)
_PARTICLES = ("은", "는", "이", "가", "을", "를", "와", "과", "의", "에", "에서", "로", "도", "와의", "")
_ENDINGS = ("했다.", "밝혔다.", "맺었다.", "방문했다.", "논의했다.", "합의했다고 밝혔다.", "?", "!", "…", "")
_NOISE = (
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\u3000",
    "·",
    "“",
    "”",
    "‘",
    "’",
    "[",
    "]",
    "(",
    ")",
    "=",
    "/",
    "ⓒ",
    "▲",
    "※",
    "2024.05.03",
    "13일",
    "3억 원",
    "\u200b",
    "\ufeff",
    "😀",
    "é",
    "\u0301",
    "ﾟ",
    "\x07",
)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) + rng.choice(_PARTICLES) for _ in range(rng.randint(1, 9))]
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randint(0, len(words)), rng.choice(_NOISE))
    return " ".join(words) + " " + rng.choice(_ENDINGS)


def _article(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.1:  # arbitrary code points (no surrogates: a str from a file never has them)
        return "".join(
            chr(rng.choice([rng.randint(32, 0xD7FF), rng.randint(0xE000, 0x10FFFF)]))
            for _ in range(rng.randint(1, 300))
        )
    if kind < 0.2:  # raw syllables without spaces or punctuation
        return "".join(chr(rng.randint(0xAC00, 0xD7A3)) for _ in range(rng.randint(1, 300)))
    return "".join(_sentence(rng) + rng.choice(("\n", " ", "\n\n")) for _ in range(rng.randint(1, 8)))


@pytest.fixture(scope="module")
def extractor():
    from newskg.extract.pipeline import get_extractor

    return get_extractor()


def test_random_articles_extract_without_errors_and_with_offsets_inside_the_text(extractor):
    rng = random.Random(SEED)
    mentions = facts = refused = 0
    for n in range(CASES):
        text = _article(rng)
        try:
            art = read_text(text, f"fuzz-{n}", html=rng.random() < 0.1)
        except InputError:
            refused += 1  # no visible text: refused with a reason, which is a right outcome
            continue
        ex = extractor.extract(art)
        size = len(art.text)
        for ent in ex.entities:
            for start, end in ent.mentions:
                assert 0 <= start < end <= size, (n, ent, text)
                mentions += 1
        for t in ex.triples:
            assert 0 <= t.evidence.start < t.evidence.end <= size, (n, t, text)
            facts += 1
    assert mentions > CASES  # the fuzzer reaches the extractor's rules, not only its refusals
    assert refused < CASES // 4


_TAGS = (
    "div",
    "p",
    "span",
    "article",
    "main",
    "nav",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "li",
    "ul",
    "table",
    "td",
    "tr",
    "script",
    "style",
    "figure",
    "figcaption",
    "br",
    "a",
    "b",
    "section",
    "time",
)
_ATTRS = (
    "",
    ' class="related"',
    ' class="article-body"',
    ' id="content"',
    ' datetime="2024-05-03"',
    ' class="ranking list"',
    ' property="og:title" content="제목"',
    " class=x id=y",
    ' data-x="<>"',
)


def _page(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        r = rng.random()
        tag = rng.choice(_TAGS)
        if r < 0.35:
            parts.append(f"<{tag}{rng.choice(_ATTRS)}>")
        elif r < 0.55:
            parts.append(f"</{tag}>")
        elif r < 0.6:
            parts.append(
                rng.choice(("<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<", ">"))
            )
        else:
            parts.append(_sentence(rng))
    return "".join(parts)


def test_random_html_reads_or_is_refused_and_its_spans_lie_in_its_text():
    rng = random.Random(SEED + 1)
    read = 0
    for n in range(CASES):
        try:
            art = read_text(_page(rng), f"fuzz-{n}.html", html=True)
        except InputError:
            continue
        read += 1
        assert all(0 <= s < e <= len(art.text) for s, e in art.body), (n, art)
        assert "\x00" not in art.text and not any("\ud800" <= c <= "\udfff" for c in art.text)
    assert read > CASES // 2
