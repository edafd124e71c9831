"""Bad inputs cannot break a build: each is rejected (or read) as the table says, with the file and
the reason, the exit status tells, and the good article given in the same run is built.

Every case runs `newskg build GOOD CASE-FILES --store S` in-process on a fresh store.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from newskg.app.cli import main
from newskg.graph.resolve import article_iri
from newskg.graph.sparql import query
from newskg.graph.store import open_store

pytestmark = pytest.mark.slow

STORY = "시흥시는 샌디에이고와 자매결연을 맺었다고 13일 밝혔다."
OTHER = "원주시는 21일 강릉시와 관광 협약을 체결했다고 밝혔다."


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the inputs into the folder, returns the paths to build
    added: int  # articles of the case that must be built
    rejected: int  # inputs that must be rejected
    reason: str | None = None  # regex the rejection message must match
    args: list[str] = field(default_factory=list)


def _file(name: str, data: bytes | str, encoding: str = "utf-8") -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        p = d / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return [str(p)]

    return make


def _jsonl(*objs: object, raw: str | None = None) -> Callable[[Path], list[str]]:
    lines = [json.dumps(o, ensure_ascii=False) if not isinstance(o, str) else o for o in objs]
    return _file("in.jsonl", raw if raw is not None else "\n".join(lines) + "\n")


def _fifo(d: Path) -> list[str]:
    p = d / "pipe.txt"
    os.mkfifo(p)
    return [str(p)]


def _spellings(d: Path) -> list[str]:
    (d / "sub").mkdir()
    p = d / "sub" / "one.txt"
    p.write_text(OTHER, encoding="utf-8")
    (d / "link.txt").symlink_to(p)
    return [str(p), str(d / "sub" / ".." / "sub" / "one.txt"), str(d / "link.txt")]


def _space_and_underscore(d: Path) -> list[str]:
    (d / "a b.txt").write_text(OTHER, encoding="utf-8")
    (d / "a_b.txt").write_text(OTHER.replace("원주시", "춘천시"), encoding="utf-8")
    return [str(d / "a b.txt"), str(d / "a_b.txt")]


def _nfc_nfd(d: Path) -> list[str]:
    name = "기사.txt"
    nfc, nfd = unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name)
    (d / nfc).write_text(OTHER, encoding="utf-8")
    (d / nfd).write_text(OTHER, encoding="utf-8")
    return [str(d / nfc), str(d / nfd)]


def _dup_across_files(d: Path) -> list[str]:
    (d / "x.jsonl").write_text(
        json.dumps({"id": "same", "text": OTHER}, ensure_ascii=False), encoding="utf-8"
    )
    (d / "y.jsonl").write_text(
        json.dumps({"id": "same", "text": OTHER}, ensure_ascii=False), encoding="utf-8"
    )
    return [str(d / "x.jsonl"), str(d / "y.jsonl")]


def _empty_dir(d: Path) -> list[str]:
    (d / "nothing").mkdir()
    (d / "nothing" / "notes.md").write_text("x", encoding="utf-8")
    return [str(d / "nothing")]


def _broken_link(d: Path) -> list[str]:
    (d / "gone.txt").symlink_to(d / "missing-target.txt")
    return [str(d / "gone.txt")]


def _warc(records: list[tuple[str, str, bytes]], *, cut: bool = False) -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        buf = io.BytesIO()
        w = WARCWriter(buf, gzip=True)
        for url, status_type, body in records:
            status, ctype = status_type.split("|")
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            block = http.to_bytes() + body
            digests = {"WARC-Payload-Digest": _sha1(body), "WARC-Block-Digest": _sha1(block)}
            rec = w.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                length=len(block),
                warc_headers_dict={"WARC-Date": "2024-05-03T10:00:00Z", **digests},
            )
            w.write_record(rec)
        data = buf.getvalue()
        p = d / "crawl.warc.gz"
        p.write_bytes(data[: len(data) * 3 // 4] if cut else data)
        return [str(p)]

    return make


def _sha1(data: bytes) -> str:
    """A WARC digest header value (given, so warcio writes without a temporary file it leaves open)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def _page(body: str) -> bytes:
    return f"<html><head><title>t</title></head><body>{body}</body></html>".encode()


rng = random.Random(7)
NESTED = "<html><body>" + "<div>" * 100_000 + f"<p>{OTHER}</p>" + "</div>" * 100_000 + "</body></html>"
UNCLOSED = "<html><body>" + "<span><b>" * 50_000 + f"<p>{OTHER}</p></body></html>"

CASES = [
    # ---- bytes and encodings
    Case("empty file", _file("e.txt", b""), 0, 1, "empty"),
    Case("ascii whitespace only", _file("w.txt", b"  \n\t\r\n "), 0, 1, "empty"),
    Case("ideographic spaces only", _file("u3000.txt", "\u3000\u3000\n\u3000"), 0, 1, "no visible text"),
    Case("utf-8 bom only", _file("bom.txt", b"\xef\xbb\xbf"), 0, 1, "no visible text"),
    Case("utf-16 bom only", _file("bom16.txt", b"\xff\xfe"), 0, 1, "no visible text"),
    Case("zero-width characters only", _file("zw.txt", "\u200b\u200c\u2060\ufeff"), 0, 1, "no visible text"),
    Case("nul bytes only", _file("nul.txt", b"\x00" * 64), 0, 1, "empty|control|binary|no visible"),
    Case("a few nul bytes in a story", _file("nuls.txt", OTHER.replace("는", "는\x00")), 1, 0),
    Case(
        "random binary",
        _file("rand.txt", bytes(rng.randrange(256) for _ in range(4096))),
        0,
        1,
        "binary|cannot decode|no visible",
    ),
    Case(
        "png bytes named .txt",
        _file("img.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        0,
        1,
        "binary|cannot decode|no visible",
    ),
    Case("utf-8 cut inside its last character", _file("cut.txt", OTHER.encode()[:-2]), 1, 0),
    Case("cp949", _file("cp949.txt", OTHER, "cp949"), 1, 0),
    Case("euc-kr html page", _file("euc.html", f'<meta charset="euc-kr"><p>{OTHER}</p>', "euc-kr"), 1, 0),
    Case("utf-16le with bom", _file("le.txt", b"\xff\xfe" + OTHER.encode("utf-16-le")), 1, 0),
    Case("utf-16be with bom", _file("be.txt", b"\xfe\xff" + OTHER.encode("utf-16-be")), 1, 0),
    Case("utf-16le without bom", _file("le2.txt", OTHER.encode("utf-16-le")), 1, 0),
    Case("utf-8 with bom", _file("bom8.txt", b"\xef\xbb\xbf" + OTHER.encode()), 1, 0),
    Case("bad bytes after a utf-16 bom", _file("badbom.txt", b"\xff\xfe\x00\xd8"), 0, 1, "byte-order mark"),
    Case("ansi escapes and bell", _file("ansi.txt", "\x1b[31m" + OTHER + "\x07\x1b[0m"), 1, 0),
    Case("c1 controls", _file("c1.txt", OTHER.replace(" ", "\x85", 2)), 1, 0),
    Case(
        "mixed line ends",
        _file("crlf.txt", OTHER + "\r\n\r" + STORY.replace("시흥시", "부천시") + "\n"),
        1,
        0,
    ),
    # ---- size
    Case(
        "text over --max-chars",
        _file("long.txt", OTHER * 200),
        0,
        1,
        "over the limit",
        ["--max-chars", "5000"],
    ),
    Case(
        "file far over the limit in bytes",
        _file("huge.txt", b"a" * 2_000_000),
        0,
        1,
        "bytes",
        ["--max-chars", "10000"],
    ),
    Case("20 MB text", _file("20mb.txt", b"\xea\xb0\x80" * 7_000_000), 0, 1, "bytes|over the limit"),
    Case(
        "jsonl line over the limit",
        _jsonl({"id": "big", "text": OTHER * 400}),
        0,
        1,
        "over the limit",
        ["--max-chars", "5000"],
    ),
    Case(
        "html page over the limit",
        _file("big.html", "<p>" + OTHER * 3000 + "</p>"),
        0,
        1,
        "bytes|over the limit",
        ["--max-chars", "5000"],
    ),
    # ---- JSON lines
    Case(
        "one bad json line among good ones",
        _jsonl({"id": "j1", "text": OTHER}, "{oops", {"id": "j3", "text": STORY.replace("시흥", "안산")}),
        2,
        1,
        r"in\.jsonl:2: not valid JSON",
    ),
    Case("numeric title", _jsonl({"id": "t", "text": OTHER, "title": 42}), 0, 1, '"title" is a int'),
    Case("numeric id", _jsonl({"id": 42, "text": OTHER}), 1, 0),
    Case("boolean id", _jsonl({"id": True, "text": OTHER}), 0, 1, '"id" is a bool'),
    Case("object id", _jsonl({"id": {"a": 1}, "text": OTHER}), 0, 1, '"id" is a dict'),
    Case("numeric text", _jsonl({"id": "n", "text": 12345}), 0, 1, '"text" string'),
    Case("missing text", _jsonl({"id": "m"}), 0, 1, '"text" string'),
    Case("array line", _jsonl([OTHER]), 0, 1, "JSON object"),
    Case(
        "numeric published",
        _jsonl({"id": "p", "text": OTHER, "published": 20240503}),
        0,
        1,
        '"published" is a int',
    ),
    Case("lone surrogate in text", _jsonl(raw='{"id": "s1", "text": "' + OTHER + '\\ud800 끝."}\n'), 1, 0),
    Case(
        "lone surrogate in title",
        _jsonl(raw='{"id": "s2", "title": "\\udfff", "text": "' + OTHER + '"}\n'),
        1,
        0,
    ),
    Case("lone surrogate in id", _jsonl(raw='{"id": "s\\ud83d", "text": "' + OTHER + '"}\n'), 1, 0),
    Case("nul escaped in jsonl text", _jsonl(raw='{"id": "z", "text": "' + OTHER + '\\u0000"}\n'), 1, 0),
    Case(
        "duplicate ids in one file",
        _jsonl({"id": "d", "text": OTHER}, {"id": "d", "text": STORY}),
        1,
        1,
        r"in\.jsonl:2: duplicate article id 'd'",
    ),
    Case("duplicate ids across files", _dup_across_files, 1, 1, "duplicate article id 'same'"),
    Case("empty text", _jsonl({"id": "e", "text": ""}), 0, 1, "no visible text"),
    Case("ideographic-space text", _jsonl({"id": "i", "text": "\u3000 \u3000"}), 0, 1, "no visible text"),
    Case("blank lines only", _file("blank.jsonl", "\n\n  \n"), 0, 1, "no articles"),
    Case(
        "json nested 100000 deep",
        _jsonl(raw="[" * 100_000 + "]" * 100_000 + "\n"),
        0,
        1,
        "nested too deeply|JSON object",
    ),
    Case(
        "cp949 bytes in jsonl",
        _file("k.jsonl", json.dumps({"id": "k", "text": OTHER}, ensure_ascii=False), "cp949"),
        0,
        1,
        "not UTF-8",
    ),
    Case(
        "truncated last line",
        _jsonl(
            raw=json.dumps({"id": "a", "text": OTHER}, ensure_ascii=False) + '\n{"id": "b", "text": "원주'
        ),
        1,
        1,
        r"in\.jsonl:2",
    ),
    Case(
        "bom before the first line",
        _file("b.jsonl", b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": OTHER}).encode()),
        1,
        0,
    ),
    # ---- HTML
    Case(
        "script-only page",
        _file("s.html", "<html><script>var a = '시흥시';</script></html>"),
        0,
        1,
        "no visible text",
    ),
    Case("style-only page", _file("st.html", "<style>p { color: red }</style>"), 0, 1, "no visible text"),
    Case(
        "navigation-only page",
        _file("nav.html", "<nav>홈 정치 경제</nav><footer>회사소개</footer>"),
        0,
        1,
        "no visible text",
    ),
    Case("comment-only page", _file("c.html", "<!-- 시흥시는 밝혔다 -->"), 0, 1, "no visible text"),
    Case("100000 nested divs", _file("deep.html", NESTED), 1, 0),
    Case("50000 unclosed elements", _file("open.html", UNCLOSED), 1, 0),
    Case("tag soup", _file("soup.html", f"<<<>>><p <b>{OTHER}</i></p></td>>"), 1, 0),
    Case(
        "character references to nul and surrogates",
        _file("refs.html", f"<p>{OTHER}&#0;&#xD800;&#1;</p>"),
        1,
        0,
    ),
    # ---- files and paths
    Case("fifo named .txt", _fifo, 0, 1, "FIFO"),
    Case("character device", lambda d: ["/dev/null"], 0, 1, "device"),
    Case("directory without articles", _empty_dir, 0, 1, "no .txt"),
    Case("missing path", lambda d: [str(d / "nope.txt")], 0, 1, "no such file"),
    Case("broken symlink", _broken_link, 0, 1, "no such file"),
    Case("one file by three spellings", _spellings, 1, 0),
    Case("space and underscore names", _space_and_underscore, 2, 0),
    Case("nfc and nfd spellings of one name", _nfc_nfd, 1, 1, "duplicate article id"),
    Case("percent, hash and question mark in a name", _file("100%#1?.txt", OTHER), 1, 0),
    # ---- WARC
    Case(
        "warc with html, an image and a 404",
        _warc(
            [
                ("https://news.example/a/1", "200 OK|text/html; charset=utf-8", _page(f"<p>{OTHER}</p>")),
                ("https://news.example/logo.png", "200 OK|image/png", b"\x89PNG"),
                ("https://news.example/gone", "404 Not Found|text/html", _page("<p>없음</p>")),
            ]
        ),
        1,
        0,
    ),
    Case(
        "warc record with a script-only page",
        _warc([("https://news.example/a/2", "200 OK|text/html", _page("<script>x()</script>"))]),
        0,
        1,
        r"crawl\.warc\.gz#1 \(https://news\.example/a/2\): no visible text",
    ),
    Case(
        "truncated warc.gz",
        _warc(
            [
                ("https://news.example/a/3", "200 OK|text/html", _page(f"<p>{OTHER}</p>")),
                ("https://news.example/a/4", "200 OK|text/html", _page(f"<p>{STORY}</p>")),
            ],
            cut=True,
        ),
        1,
        1,
        "cannot be read|truncated",
    ),
]


def test_the_table_has_at_least_fifty_cases():
    assert len(CASES) >= 50 and len({c.name for c in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("good") / "good.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def _graphs(location: str) -> set[str]:
    with open_store(location, read_only=True) as s:
        return {r[0] for r in query(s, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a nkg:NewsArticle } }").rows}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_bad_input_is_handled_and_the_good_article_of_the_run_is_built(case, good, tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    paths = case.make(inputs)
    store = str(tmp_path / "kg")
    status = main(["build", str(good), *paths, "--store", store, "--no-progress", *case.args])
    out = capsys.readouterr().out
    assert status == (1 if case.rejected else 0), out
    summary = re.search(r"(\d+) added, \d+ replaced, \d+ unchanged, (\d+) rejected", out)
    assert summary is not None, out
    assert (int(summary.group(1)), int(summary.group(2))) == (1 + case.added, case.rejected), out
    if case.reason:
        rejects = [line for line in out.splitlines() if line.startswith("  rejected ")]
        assert any(re.search(case.reason, line) for line in rejects), out
        assert all(str(inputs) in line or "/dev/" in line for line in rejects), out  # names the file
    graphs = _graphs(store)
    assert article_iri(str(good)) in graphs
    assert len(graphs) == 1 + case.added


def test_stored_text_has_no_surrogates_or_controls(good, tmp_path, capsys):
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "s", "text": "' + OTHER + '\\ud800\\u0007 끝."}\n', encoding="utf-8")
    store = str(tmp_path / "kg")
    assert main(["build", str(src), "--store", store, "--no-progress"]) == 0
    with open_store(store, read_only=True) as s:
        [(text,)] = query(s, "SELECT ?t WHERE { ?a schema:text ?t }").rows
    assert "\ufffd" in text and "\x07" not in text and len(text) == len(OTHER) + 5


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path, capsys):
    big = tmp_path / "sparse.txt"
    with big.open("wb") as fh:  # 4 GB apparent size, no disk used
        fh.truncate(4 << 30)
    store = str(tmp_path / "kg")
    assert main(["build", str(big), "--store", store, "--no-progress"]) == 1
    assert "bytes" in capsys.readouterr().out


def test_a_gzip_that_is_not_a_warc_is_rejected(tmp_path, capsys):
    p = tmp_path / "x.warc.gz"
    p.write_bytes(gzip.compress(b"not a warc at all"))
    assert main(["build", str(p), "--store", str(tmp_path / "kg"), "--no-progress"]) == 1
    assert "x.warc.gz" in capsys.readouterr().out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_extract_treats_each_bad_input_as_build_does(case, good, tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    paths = case.make(inputs)
    status = main(["extract", str(good), *paths, "--no-progress", *case.args])
    captured = capsys.readouterr()
    docs = [json.loads(line)["doc"] for line in captured.out.splitlines()]
    assert status == (1 if case.rejected else 0), captured.err
    assert docs[0] == str(good) and len(docs) == 1 + case.added, docs
    assert captured.err.count("newskg extract: ") == case.rejected, captured.err
