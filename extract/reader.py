"""Read articles from .txt, .html/.htm and .jsonl files or directories, in any common Korean encoding.

`Article.text` is the text exactly as decoded (for HTML: the visible text the reader produces);
every offset the extractor emits refers to it. `Article.body` marks the spans of it that are the
story, leaving out what a Korean news page dump carries around it: menus, ranking and related-news
lists, counters, captions, share buttons, copyright and syndication lines (see `find_body`).

Example:
    >>> a = read_text("주요 메뉴 바로가기\\n\\n평택시, 美 오스틴과 협력\\n\\n"
    ...               "[평택=새길일보 정민호 기자] 평택시는 21일 협약을 체결했다고 밝혔다.\\n\\n"
    ...               "랭킹 뉴스\\n  • 다른 기사 제목\\n")
    >>> a.title, len(a.body), a.text[a.body[0][0]:a.body[0][1]].endswith("체결했다고 밝혔다.")
    ('평택시, 美 오스틴과 협력', 1, True)
"""

from __future__ import annotations

import dataclasses
import html as htmlmod
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from newskg.extract.records import Article
from newskg.ontology.errors import InputError

__all__ = [
    "read_file",
    "read_paths",
    "read_text",
    "decode",
    "find_body",
    "find_published",
    "html_to_text",
    "canonical_id",
    "SUFFIXES",
    "DEFAULT_MAX_CHARS",
    "HTML_METHODS",
    "HTML_METHOD",
]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")

# ---------------------------------------------------------------------------------------------- decoding

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


_COMMON_SYLLABLES = frozenset("이가은는을를의에서와과로도다고하한했시군구기자년월일대사정국주원장인수상전")


def _plausible(text: str) -> float:
    """Share of characters that Korean news text is made of (Hangul, ASCII, common punctuation)."""
    if not text:
        return 0.0
    ok = sum(
        1
        for c in text
        if c.isascii()
        or "\uac00" <= c <= "\ud7a3"
        or "\u3000" <= c <= "\u303f"
        or "\u2000" <= c <= "\u206f"
        or "\uff00" <= c <= "\uffef"
        or "\u3130" <= c <= "\u318f"
        or c in "·※△▲▶◆■□○●ⓒ©㈜…"
    )
    return ok / len(text)


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Bytes to text: BOM, UTF-16 without BOM, UTF-8, CP949/EUC-KR, then charset-normalizer.

    Raises InputError naming `name` and what was tried.

    Example:
        >>> decode("천안시".encode("cp949")), decode("천안시".encode("utf-16-le"))
        ('천안시', '천안시')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: cannot decode as {enc} although it starts with a {enc} "
                    f"byte-order mark ({exc.reason} at byte {exc.start}); "
                    "re-save the file as UTF-8"
                ) from exc
    tried = []
    nuls = data.count(0)
    if len(data) % 2 == 0 and nuls and nuls * 10 >= len(data):
        best = None
        for enc in ("utf-16-le", "utf-16-be"):
            tried.append(enc)
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            score = _plausible(text)
            if score >= 0.9 and (best is None or score > best[0]):
                best = (score, text)
        if best:
            return best[1]
    tried.append("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")  # a file cut inside its last character
    tried.append("cp949")
    cp949 = None
    try:
        cp949 = data.decode("cp949")
        if _plausible(cp949) >= 0.9:
            return cp949
    except UnicodeDecodeError:
        pass
    if len(data) % 2 == 0 and not nuls:
        # all-Hangul UTF-16 has no NUL byte; take it when it reads as Korean and CP949 did not.
        # Byte-swapped Hangul is often Hangul too, so the byte order with more everyday syllables wins.
        readings = []
        for enc in ("utf-16-le", "utf-16-be"):
            tried.append(enc)
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text) >= 0.9:
                readings.append((sum(c in _COMMON_SYLLABLES for c in text), enc == "utf-16-le", text))
        if readings:
            return max(readings)[2]
    tried.append("charset-normalizer")
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is not None:
        return str(guess)
    if cp949 is not None:
        return cp949
    raise InputError(
        f"{name}: cannot decode the file (tried {', '.join(tried)}); save it as UTF-8 or CP949/EUC-KR"
    )


# ------------------------------------------------------------------------------------------------ HTML

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "svg",
        "iframe",
        "button",
        "select",
        "option",
        "form",
        "head",
        "title",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "main",
        "blockquote",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "dl",
        "hr",
        "pre",
        "address",
        "caption",
        "tbody",
        "thead",
        "td",
        "th",
    }
)
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    }
)
_JUNK_ATTR = re.compile(
    r"(?:^|[-_\s])(related|ranking|rank|popular|best|hot|recommend|comment|reply|share|"
    r"sns|social|banner|ad|ads|advert|advertisement|menu|gnb|lnb|snb|breadcrumb|footer|"
    r"copyright|sidebar|side|aside|widget|toolbar|util|login|subscribe|tag|tags|"
    r"more|list_news|newsflash|photo_caption|caption)(?:$|[-_\s\d])",
    re.I,
)


class _Html(HTMLParser):
    """Visible text and metadata in one pass; linear in the page size at any nesting depth (the open
    elements are counted by tag, so neither a start nor an end tag scans the stack)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, bool]] = []  # (text, junk) ; "\n" for block breaks
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skip, junk)
        self.open: dict[str, int] = {}  # tag -> how many of the stack's elements have it
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.time_datetime: str | None = None

    def _state(self) -> tuple[bool, bool]:
        if not self.stack:
            return False, False
        return self.stack[-1][1], self.stack[-1][2]

    def _inside(self, *tags: str) -> bool:
        return any(self.open.get(t, 0) for t in tags)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        skip, junk = self._state()
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
            return
        if tag == "time" and a.get("datetime") and self.time_datetime is None:
            self.time_datetime = a["datetime"]
        if tag in _BLOCK:
            self.parts.append(("\n", False))
        if tag in _VOID:
            return
        attr_text = f"{a.get('class', '')} {a.get('id', '')}"
        in_story = self._inside("article", "main")
        skips = tag in _SKIP and not (tag == "header" and in_story)  # a story's own header has its headline
        marks = (bool(_JUNK_ATTR.search(attr_text)) and tag not in ("h1", "h2")) or tag == "figcaption"
        self.stack.append((tag, skip or skips, junk or marks))
        self.open[tag] = self.open.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.open.get(tag, 0):  # close it and everything left open inside it (amortised O(1))
            while self.stack:
                top = self.stack.pop()[0]
                self.open[top] -= 1
                if top == tag:
                    break
        if tag in _BLOCK:
            self.parts.append(("\n", False))

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "title":
            self.title_parts.append(data)
            return
        skip, junk = self._state()
        if junk and self._inside("h1", "h2"):
            junk = False  # a headline inside a box classed "header"
        if not skip:
            self.parts.append((data, junk))


def html_to_text(source: str) -> tuple[str, dict[str, str | None], list[tuple[int, int]]]:
    """Visible text of an HTML page, its metadata (title, published, url) and the spans of the text
    that lie in elements whose class or id marks them as boilerplate (related, ranking, share …).

    Example:
        >>> text, meta, junk = html_to_text("<html><head><title>제목</title></head><body><nav>메뉴</nav>"
        ...     "<p>원주시는&nbsp;밝혔다.</p><div class='related'>다른 기사</div></body></html>")
        >>> text, meta["title"], [text[s:e] for s, e in junk]
        ('원주시는 밝혔다.\\n다른 기사', '제목', ['다른 기사'])
    """
    p = _Html()
    p.feed(source)
    p.close()
    out: list[str] = []
    junk: list[tuple[int, int]] = []
    pos = 0
    line_has_text = False
    for text, is_junk in p.parts:
        if text == "\n":
            if line_has_text:
                out.append("\n")
                pos += 1
                line_has_text = False
            continue
        text = re.sub(r"[ \t\r\n\f\v\u00a0]+", " ", text)
        if not line_has_text:
            text = text.lstrip()
        if not text:
            continue
        if is_junk:
            junk.append((pos, pos + len(text)))
        out.append(text)
        pos += len(text)
        line_has_text = True
    raw = "".join(out).rstrip("\n")
    # strip trailing spaces of lines, keeping junk offsets valid: rebuild line by line
    text, mapping = _strip_lines(raw)
    junk = [(mapping[s], mapping[min(e, len(raw))]) for s, e in junk if s < len(raw)]
    junk = [(s, e) for s, e in junk if e > s]
    meta = p.meta
    page_title = re.split(r"\s+(?:\||::|<|-)\s+", htmlmod.unescape(" ".join(p.title_parts)).strip())[0]
    title = (meta.get("og:title") or meta.get("twitter:title") or page_title).strip()
    published = (
        meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("pubdate")
        or meta.get("date")
        or _jsonld_date(source)
        or p.time_datetime
    )
    return (
        text,
        {
            "title": title or None,
            "published": _iso_date(published) if published else None,
            "url": meta.get("og:url") or meta.get("canonical"),
        },
        junk,
    )


def _strip_lines(raw: str) -> tuple[str, list[int]]:
    """Remove trailing spaces on each line; map every old offset (0..len) to the new one."""
    mapping = [0] * (len(raw) + 1)
    out = []
    pos = 0
    i = 0
    for line in raw.split("\n"):
        keep = len(line.rstrip())
        for j in range(len(line) + 1):
            mapping[i + j] = pos + min(j, keep)
        out.append(line[:keep])
        pos += keep + 1
        i += len(line) + 1
    return "\n".join(out), mapping


_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _jsonld_date(source: str) -> str | None:
    m = _JSONLD_DATE.search(source)
    return m.group(1) if m else None


# ------------------------------------------------------------------------------------------- dates

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[.\-/]\s*|년\s*)(\d{1,2})\s*(?:[.\-/]\s*|월\s*)"
    r"(\d{1,2})(?!\d)"
)
_DATE_LABEL = re.compile(
    r"(입력|등록|기사입력|최초입력|게재|발행|승인|작성|송고|Published|Posted|Date)", re.I
)
_DATE_FILLER = re.compile(r"[\s()\[\]|:.\-/년월일시분초화수목금토일\d]|오전|오후|AM|PM", re.I)


def _iso_date(value: str) -> str | None:
    m = _DATE.search(value)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def find_published(text: str) -> str | None:
    """The publication date (YYYY-MM-DD) of a text dump: a labelled date line ("입력 2024.03.13"),
    else a line that is mostly a date ("2024-03-13 10:00"), else None.

    Example:
        >>> find_published("제목\\n기자명 홍길동   입력 2024.03.13 10:41\\n본문")
        '2024-03-13'
        >>> find_published("2024-03-13 10:00\\n본문"), find_published("본문만 있다.")
        ('2024-03-13', None)
    """
    fallback = None
    for line in text.splitlines():
        s = line.strip()
        if not s or len(s) > 120:
            continue
        m = _DATE.search(s)
        if not m:
            continue
        iso = _iso_date(m.group(0))
        if iso is None:
            continue
        before = s[: m.start()]
        if _DATE_LABEL.search(before[-12:]):
            return iso
        if fallback is None and len(_DATE_FILLER.sub("", _DATE.sub("", s))) <= 4:
            fallback = iso
    return fallback


# -------------------------------------------------------------------------------------- body finding

_END = re.compile(r"[.?!。][\"'”’」』)\]]*$")
_SENTENCE_END = re.compile(r"[.。][\"'”’」』)\]]*$")
_HEADING = re.compile(
    r"랭킹|인기뉴스|인기기사|인기글|추천뉴스|추천기사|많이본|많이읽은|관련기사|관련뉴스|"
    r"함께보면|함께본|지금뜨는|주요기사|주요뉴스|최신기사|최신뉴스|포토뉴스|공감뉴스|핫이슈|"
    r"핫뉴스|이시각|오늘의뉴스|다른기사|실시간|화제의|댓글많은|베스트|이기사와관련|추천영상|"
    r"뉴스랭킹|HOT|BEST",
    re.I,
)
_COPYRIGHT = re.compile(r"무단\s*전재|재배포\s*금지|All\s+rights\s+reserved|저작권자|Copyright\s*[©ⓒ(]", re.I)
_CAPTION = re.compile(
    r"^\s*[▲△▷◁▼]|[/\[(<]\s*(사진|그래픽|영상|자료|제공)\s*[=:]|사진\s*제공\s*[=:]|"
    r"사진\s*=|ⓒ|©|[^\s/]\s+/\s?[\w가-힣]{2,12}(\s*제공)?$"
)  # "… 악수하고 있다. /평택시"
# a clause that ends a Korean sentence ("… 체결하고 있다.", "… 말했다."): a caption or credit line
# that has one states a fact the story may not repeat, so it stays in the body
_STATEMENT = re.compile(r"[가-힣]다[.。](?![\w.])")
# a caption that names who is in the photo ("왼쪽부터 …", "(좌측부터) …") or dates the event shown
# ("▲ 24일, … 협약 체결"): it states who met whom, so it stays in the body like a sentence
_NAMING_CAPTION = re.compile(
    r"(?:왼쪽|좌측|오른쪽|우측)\s*(?:부터|에서부터|두\s*번째)|^\S{0,8}\s*▲\s*\d{1,2}일\s*,"
)
_BULLET = re.compile(r"^\s*[•·▶☞▷►◦‣∙ㆍ\-–]\s*\S")
_LINK = re.compile(r"^\s*[•▶☞►]")  # link and promo markers: never story text
_PHOTO = re.compile(
    r"^[\[(<【].{0,30}(사진|자료사진|제공|캡처|이미지|그래픽)[\])>】]$|"
    r"^(사진|이미지)\s*(확대|크게\s*보기)$|"
    r"^(기사|음성으로)\s*듣기$|^(번역|본문\s*듣기|글자\s*크기\s*변경)$"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# a reporter's byline with the address ("광주=박서준 기자 psj@…"): the story's last line, not furniture
_REPORTER_EMAIL = re.compile(r"[가-힣]{2,4}\s?(?:기자|특파원|통신원)\s*[(<\[]?[\w.+-]+@[\w-]+\.")
# a reporter's sign-off line on its own ("• 도해준 기자", "doh@… 도해준 기자", "도해준 doh@…"): it names the
# reporter, whom the gold annotates, so the link-marker and address rules do not drop it
_SIGN_OFF = re.compile(
    r"^[•·]?\s*(?:[\w.+-]+@[\w-]+\.[\w.-]+\s+)?[가-힣]{2,4}\s?(?:기자|특파원|통신원)"
    r"(?:\s+[\w.+-]+@[\w-]+\.[\w.-]+|\s*다른\s*기사\s*보기)?$|"
    r"^[•·]?\s*[가-힣]{2,4}\s+[\w.+-]+@[\w-]+\.[\w.-]+$"
)
_NAV = re.compile(
    r"바로가기|메뉴|로그인|로그아웃|회원가입|구독|검색|글자\s*크기|글씨|인쇄|스크랩|공유|"
    r"페이스북|트위터|카카오|밴드|URL\s*복사|링크\s*복사|기사\s*제보|광고\s*문의|제휴\s*문의|"
    r"개인정보|청소년\s*보호|이용\s*약관|회사\s*소개|전체\s*기사|뉴스\s*홈|^HOME\b|댓글|좋아요|"
    r"조회|기자명|입력|수정|승인|이전\s*기사|다음\s*기사|맨\s*위로|^TOP$|목록|대표\s*전화|"
    r"등록\s*번호|발행\s*인|편집\s*인|Tel\b|Fax\b|팩스|주소",
    re.I,
)
_BYLINE = re.compile(r"^\s*[\[(【].{0,40}(기자|특파원|통신원)\s*[\])】]\s*$|(기자|특파원)\s*$")
_COUNTER = re.compile(r"^(댓글|좋아요|추천|공유|조회수?|싫어요|스크랩)?\s*[\d,]+\s*$")


def _prose(s: str) -> bool:
    """A paragraph of running text: ends like a sentence (a headline seldom ends with a period)."""
    return (len(s) >= 30 and bool(_SENTENCE_END.search(s))) or len(s) >= 100


def _segments(s: str) -> list[str]:
    return [p for p in re.split(r"\s*\|\s*|\s{2,}|\s+>\s+", s) if p]


def _junk_line(s: str) -> bool:
    """A line that is page furniture whatever surrounds it."""
    if _SIGN_OFF.match(s):
        return False
    if _COUNTER.match(s) or (_EMAIL.search(s) and len(s) < 100 and not _REPORTER_EMAIL.search(s)):
        return True
    if _LINK.match(s) or (_BULLET.match(s) and not _prose(s)) or _PHOTO.match(s):
        return True
    if _CAPTION.search(s) and len(s) < 150 and not (_STATEMENT.search(s) or _NAMING_CAPTION.search(s)):
        return True
    if _COPYRIGHT.search(s):
        return True
    if not _END.search(s) and len(s) <= 80 and _NAV.search(s):
        return True
    segs = _segments(s)
    if len(segs) >= 3 and all(len(p) <= 14 for p in segs):
        return True  # menu bar, footer links, breadcrumbs
    return bool(_DATE.search(s) and len(s) <= 60 and not _prose(s))


def find_body(
    text: str, junk: Iterable[tuple[int, int]] = (), title: str | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of `text` that are the story: from the headline to the end of the article, leaving out
    page furniture. `junk` marks spans known to be boilerplate (HTML elements classed so); `title`
    (a page's og:title) marks the headline line when the text has it.

    Rules (general, for Korean news page dumps): menu, share, counter, date and caption lines go;
    a list heading ("랭킹 뉴스", "관련기사", …) drops what follows until a prose paragraph; a
    copyright or syndication line ends the story; the story starts at the headline, the last short
    line before the first paragraph.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    junk = sorted(junk)
    keep = [False] * len(lines)
    in_list = kept_any = False
    for n, (s, e) in enumerate(lines):
        raw = text[s:e]
        line = raw.strip()
        if not line:
            continue
        if junk and _covered(s + (len(raw) - len(raw.lstrip())), s + len(raw.rstrip()), junk):
            continue
        if _COPYRIGHT.search(line) and kept_any:
            keep[n] = True  # the notice names the publisher ("저작권자 © 가람일보 …"); the story ends here
            after = next(
                (m for m in range(n + 1, len(lines)) if text[lines[m][0] : lines[m][1]].strip()), None
            )
            if after is not None and _SIGN_OFF.match(text[lines[after][0] : lines[after][1]].strip()):
                keep[after] = True  # … but for the reporter's sign-off that some pages print under it
            break
        if len(line) <= 40 and not _END.search(line) and _HEADING.search(re.sub(r"\s+", "", line)):
            in_list = True
            continue
        if in_list:
            if not _prose(line) or _BULLET.match(line):
                continue
            in_list = False
        keep[n] = not _junk_line(line)
        kept_any = kept_any or keep[n]
    # the story starts at the headline: the last kept non-prose, non-caption line before the first prose line,
    # or up to two lines above it when they are headline-long and nothing was dropped between (a deck)
    first_prose = next(
        (n for n, k in enumerate(keep) if k and _prose(text[lines[n][0] : lines[n][1]].strip())), None
    )
    if first_prose is not None:
        head = next(
            (
                n
                for n in range(first_prose - 1, -1, -1)
                if keep[n]
                and len(text[lines[n][0] : lines[n][1]].strip()) >= 8
                and not _BYLINE.search(text[lines[n][0] : lines[n][1]])
                and not _SIGN_OFF.match(text[lines[n][0] : lines[n][1]].strip())  # a kept byline
                and not _CAPTION.search(text[lines[n][0] : lines[n][1]])  # a kept photo caption
                and not _STATEMENT.search(text[lines[n][0] : lines[n][1]])  # a sentence, not a headline
            ),
            first_prose,
        )
        for _ in range(2):
            above = next(
                (n for n in range(head - 1, -1, -1) if text[lines[n][0] : lines[n][1]].strip()), None
            )
            if above is None or not keep[above] or len(text[lines[above][0] : lines[above][1]].strip()) < 15:
                break
            head = above
        if title and title.strip():
            named = next(
                (
                    n
                    for n in range(first_prose - 1, -1, -1)
                    if text[lines[n][0] : lines[n][1]].strip() == title.strip()
                ),
                None,
            )
            if named is not None and named < head:
                head = named
                keep[named] = True
        for n in range(head):
            keep[n] = False
    spans: list[tuple[int, int]] = []
    for n, (s, e) in enumerate(lines):
        if not keep[n]:
            if text[s:e].strip():
                spans.append((-1, -1))  # a dropped line breaks the span
            continue
        raw = text[s:e]
        s2, e2 = s + len(raw) - len(raw.lstrip()), s + len(raw.rstrip())
        if spans and spans[-1][0] >= 0:
            spans[-1] = (spans[-1][0], e2)
        else:
            spans.append((s2, e2))
    return tuple(sp for sp in spans if sp[0] >= 0)


def _covered(s: int, e: int, junk: list[tuple[int, int]]) -> bool:
    inside = sum(max(0, min(e, je) - max(s, js)) for js, je in junk)
    return e > s and inside * 2 >= e - s


def _title(text: str, body: tuple[tuple[int, int], ...]) -> str | None:
    if not body:
        return None
    first = text[body[0][0] : body[0][1]].split("\n", 1)[0].strip()
    return first if first and not _prose(first) and len(first) <= 150 else None


# ------------------------------------------------------------------------------------------ reading

DEFAULT_MAX_CHARS = 100_000
"""Longest article text read (characters): about 20 times a long news story (extracting one this long
takes some 15 s); `--max-chars` changes it."""
_BYTES_PER_CHAR = 8  # how much larger than its text a file may be (UTF-16, CP949) before it is refused
_HTML_BYTES_PER_CHAR = 32  # the same for an HTML page (markup, scripts, inline styles)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(text: str, where: str, max_chars: int) -> str:
    """The text with lone surrogates and control characters replaced one for one (U+FFFD, space), so
    offsets keep their meaning; InputError when it is too long, binary, or has no visible text."""
    if len(text) > max_chars:
        raise InputError(
            f"{where}: the article has {len(text):,} characters, over the limit of "
            f"{max_chars:,}; split it, or raise the limit with --max-chars"
        )
    controls = len(_CONTROL.findall(text))
    if controls * 10 > len(text):
        raise InputError(
            f"{where}: {controls} of {len(text)} characters are control characters (NUL …): "
            f"this is binary data, not article text"
        )
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        raise InputError(
            f"{where}: no visible text (only spaces, marks or markup); give a file with article text"
        )
    return text


def _checked(article: Article, where: str, max_chars: int) -> Article:
    text = _clean(article.text, where, max_chars)
    return article if text == article.text else dataclasses.replace(article, text=text)


def read_text(
    text: str,
    id: str = "stdin",
    *,
    html: bool = False,  # noqa: A002 - API name
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """An Article from text in memory (HTML when `html`), with its body spans, title and date.

    Raises:
        InputError: the text is too long, binary, or has no visible text.

    Example:
        >>> read_text("<p>원주시는 21일 발표했다.</p>", "x.html", html=True).text
        '원주시는 21일 발표했다.'
    """
    if html:
        if len(text) > max_chars * _HTML_BYTES_PER_CHAR:
            raise InputError(
                f"{id}: the page has {len(text):,} characters, over the limit of "
                f"{max_chars * _HTML_BYTES_PER_CHAR:,} for HTML; raise it with --max-chars"
            )
        return _checked(_from_html(text, id, None), id, max_chars)
    text = _clean(text, id, max_chars)
    body = find_body(text)
    return Article(id=id, text=text, title=_title(text, body), published=find_published(text), body=body)


HTML_METHODS = ("readability", "trafilatura+rules", "trafilatura", "rules")
"""Ways to find an HTML page's story: readability-lxml's main block read by this module's parser
and line rules (`find_body`); trafilatura's main text with the line rules run over it; trafilatura
alone; or this module's parser and rules alone. Each falls back to the next that finds a story
(readability → trafilatura+rules → rules). `tests/bench/reader_body.py` measures them on saved
pages in Korean CMS layouts: readability F1 1.000, trafilatura+rules 0.983, rules 0.926,
trafilatura 0.817 (8 pages, 30 paragraphs)."""
HTML_METHOD = "readability"
"""The method `read_file` and `read_text` use (the best measured; see `HTML_METHODS`)."""


def _from_html(source: str, id: str, path: Path | None, method: str | None = None) -> Article:  # noqa: A002
    """The article of an HTML page by `method` (default `HTML_METHOD`): text, body spans, headline
    and date (page metadata first: og/article meta, JSON-LD, <time>; then the text)."""
    method = method or HTML_METHOD
    if method not in HTML_METHODS:
        raise ValueError(f"unknown HTML method {method!r}; one of {', '.join(HTML_METHODS)}")
    _, meta, _ = html_to_text(source) if method != "rules" else (None, None, None)
    art = None
    if method == "readability":
        art = _by_readability(source, id, meta)
    if art is None and method != "rules" and method != "trafilatura":  # fallback chain
        art = _by_trafilatura(source, id, meta, rules=True)
    if art is None and method == "trafilatura":
        art = _by_trafilatura(source, id, meta, rules=False)
    if art is None:  # no library found a story (or method "rules")
        text, meta, junk = html_to_text(source)
        body = find_body(text, junk, meta["title"])
        art = Article(
            id=id,
            text=text,
            title=meta["title"] or _title(text, body),
            published=meta["published"] or find_published(text),
            url=meta["url"],
            body=body,
        )
    return dataclasses.replace(art, source=str(path.resolve()) if path else None)


def _by_trafilatura(source: str, id: str, meta: dict, *, rules: bool) -> Article | None:  # noqa: A002
    """Headline and main text by trafilatura; `Article.text` is exactly what it returned (headline
    line first), so every offset points into the text as read."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            source,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, RecursionError):  # lxml gives up on some broken pages
        return None
    story = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not story:
        return None
    title = (meta.get("title") or getattr(doc, "title", None) or "").strip() or None
    text = f"{title}\n\n{story}" if title and not story.startswith(title) else story
    body = find_body(text, (), title) if rules else ()
    if rules and not body:
        body = ((0, len(text)),)
    published = meta.get("published") or _iso_date(getattr(doc, "date", None) or "") or find_published(text)
    return Article(id=id, text=text, title=title, published=published, url=meta.get("url"), body=body)


def _by_readability(source: str, id: str, meta: dict) -> Article | None:  # noqa: A002
    """The page's main block by readability-lxml (an optional dependency), read by `html_to_text`."""
    try:
        from readability import Document
    except ImportError:
        return None
    try:
        summary = Document(source).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - readability raises its own Unparseable and lxml errors
        return None
    text, _, junk = html_to_text(summary)
    if not text.strip():
        return None
    title = meta.get("title")
    if title and not text.startswith(title):
        shift = len(title) + 2
        text = f"{title}\n\n{text}"
        junk = [(s + shift, e + shift) for s, e in junk]
    body = find_body(text, junk, title)
    return Article(
        id=id,
        text=text,
        title=title or _title(text, body),
        published=meta.get("published") or find_published(text),
        url=meta.get("url"),
        body=body,
    )


def canonical_id(path: str | Path, root: str | Path | None = None) -> str:
    """The article id of a file: its absolute path with ``.`` and ``..`` resolved, relative to `root`
    (default: the working directory) when inside it; '/'-separated, Unicode NFC. Every spelling of
    a path gives one id; a symlink keeps its own name (`read_paths` reads the file it points to once).

    >>> canonical_id("/r/a/../a/./b.txt", "/r") == canonical_id("/r/a/b.txt", "/r") == "a/b.txt"
    True
    """
    base = os.path.abspath(root if root is not None else os.getcwd())
    full = os.path.abspath(os.path.join(base, path))
    rel = os.path.relpath(full, base)
    out = Path(full if rel == ".." or rel.startswith("../") else rel).as_posix()
    return unicodedata.normalize("NFC", out)


def _regular(path: Path) -> os.stat_result:
    """The file's status; InputError for what is not a regular file (opening a FIFO would block)."""
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file; check the path") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory; pass it to read_paths")
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
        )
        raise InputError(f"{path}: is {kind}, not a regular file; save the articles to a file first")
    return st


def _read_bytes(path: Path, max_chars: int) -> bytes:
    st = _regular(path)
    html = path.name.lower().endswith((".html", ".htm"))
    if st.st_size > max_chars * (_HTML_BYTES_PER_CHAR if html else _BYTES_PER_CHAR):
        raise InputError(
            f"{path}: the file has {st.st_size:,} bytes, more than an article of "
            f"{max_chars:,} characters can take; split it, or raise the limit with --max-chars"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(f"{path}: the file is empty; give a file with article text")
    return data


_JSONL_HINT = 'each line must be one object like {"id": "...", "text": "..."}'


def _jsonl_article(path: Path, n: int, line: str, max_chars: int) -> Article:
    where = f"{path}:{n}"
    if len(line) > max_chars * _BYTES_PER_CHAR:
        raise InputError(
            f"{where}: the line has {len(line):,} characters, over the limit; raise it with --max-chars"
        )
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); {_JSONL_HINT}") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: JSON nested too deeply; {_JSONL_HINT}") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f'{where}: a line must be a JSON object with a "text" string; {_JSONL_HINT}')
    for key in ("title", "published", "url"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(
                f'{where}: "{key}" is a {type(obj[key]).__name__}, not a string; '
                f'write it as "…" or leave it out'
            )
    doc = obj.get("id")
    if doc is not None and (isinstance(doc, bool) or not isinstance(doc, str | int)):
        raise InputError(f'{where}: "id" is a {type(doc).__name__}; give a string (or a number)')
    text = _clean(obj["text"], where, max_chars)
    fields = {
        k: _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", obj[k])) if isinstance(obj.get(k), str) else None
        for k in ("title", "published", "url")
    }
    doc = (
        unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", str(doc)))
        if doc not in (None, "")
        else f"{canonical_id(path)}:{n}"
    )
    body = find_body(text)
    published = fields["published"]
    return Article(
        id=doc,
        text=text,
        title=fields["title"] or _title(text, body),
        published=(_iso_date(published) if published else None) or find_published(text),
        source=str(path.resolve()),
        url=fields["url"],
        body=body,
    )


def _iter_jsonl(path: Path, max_chars: int) -> Iterator[tuple[str, Article | InputError]]:
    try:
        _regular(path)
    except InputError as exc:
        yield str(path), exc
        return
    found = False
    try:
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                found = True
                where = f"{path}:{n}"
                if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]  # a byte-order mark some editors put first
                try:
                    yield where, _jsonl_article(path, n, raw.decode("utf-8"), max_chars)
                except UnicodeDecodeError as exc:
                    yield (
                        where,
                        InputError(
                            f"{where}: not UTF-8 ({exc.reason} at byte {exc.start}); JSON lines are UTF-8"
                        ),
                    )
                except InputError as exc:
                    yield where, exc
    except OSError as exc:
        yield str(path), InputError(f"{path}: cannot read the file ({exc.strerror or exc})")
        return
    if not found:
        yield str(path), InputError(f"{path}: no articles in the file (only blank lines)")


def _iter_file(
    path: Path, max_chars: int, root: str | Path | None
) -> Iterator[tuple[str, Article | InputError]]:
    """(where, article) for each article of one file, an InputError in place of each one that cannot
    be read; `where` is the file, ``file:line`` or ``file#record``."""
    name = path.name.lower()
    if name.endswith(".jsonl"):
        yield from _iter_jsonl(path, max_chars)
        return
    if name.endswith(WARC_SUFFIXES):
        from newskg.extract.warc import read_warc

        try:
            _regular(path)
        except InputError as exc:
            yield str(path), exc
            return
        yield from read_warc(path, max_chars=max_chars, clean=_checked)
        return
    yield str(path), _read_one(path, name, max_chars, root)


def _read_one(path: Path, name: str, max_chars: int, root: str | Path | None) -> Article | InputError:
    try:
        data = _read_bytes(path, max_chars)
        text = decode(data, str(path))
        doc = canonical_id(path, root)
        if name.endswith((".html", ".htm")):
            return _checked(_from_html(text, doc, path), str(path), max_chars)
        text = _clean(text, str(path), max_chars)
        body = find_body(text)
        return Article(
            id=doc,
            text=text,
            title=_title(text, body),
            published=find_published(text),
            source=str(path.resolve()),
            body=body,
        )
    except InputError as exc:
        return exc


def read_file(
    path: str | Path, *, max_chars: int = DEFAULT_MAX_CHARS, root: str | Path | None = None
) -> list[Article]:
    """The articles of one file: one for .txt/.html/.htm (and other suffixes, read as text), one per
    line for .jsonl, one per HTML response for .warc/.warc.gz. Raises InputError naming the file (and
    line) and the reason at the first article that cannot be read.

    `Article.id` is `canonical_id` of the file (the CONTRACT `doc`), the jsonl `id`, or a WARC record's
    URL; `source` the absolute path.
    """
    out = []
    for _where, item in _iter_file(Path(path), max_chars, root):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(SUFFIXES))
            if not files:
                yield InputError(f"{p}: no .txt, .html, .htm, .jsonl or .warc files in this directory")
            yield from files
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield InputError(f"{p}: no such file or directory; check the path")


def read_paths(
    paths: Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS, root: str | Path | None = None
) -> Iterator[Article | InputError]:
    """Every article under `paths` (files and directories, recursively, sorted). An article (a file,
    a JSONL line, a WARC record) that cannot be read yields an InputError in its place and the rest
    still go through. A file named twice (``a.txt``, ``./a.txt``) is read once; two articles with one
    id are an error for the second.
    """
    files_seen: set[str] = set()
    ids: dict[str, str] = {}
    for item in _expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        real = os.path.realpath(item)
        if real in files_seen:
            continue
        files_seen.add(real)
        for where, art in _iter_file(item, max_chars, root):
            if isinstance(art, Article):
                if art.id in ids:
                    yield InputError(
                        f"{where}: duplicate article id {art.id!r} (first read at "
                        f"{ids[art.id]}); give every article its own id"
                    )
                    continue
                ids[art.id] = where
            yield art
