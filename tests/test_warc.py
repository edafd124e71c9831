"""WARC input: `newskg build crawl.warc.gz` builds one article per HTML response, with the record's
URL and date as provenance (the crawl is written here with warcio)."""

from __future__ import annotations

import base64
import hashlib
import io
from pathlib import Path

import pytest
from newskg.app.cli import main
from newskg.extract.warc import read_warc
from newskg.graph.resolve import article_iri
from newskg.graph.sparql import query
from newskg.graph.store import open_store

STORY = "<p>원주시는 21일 강릉시와 관광 협약을 체결했다고 밝혔다.</p>"


def _sha1(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def write_crawl(path: Path, records: list[tuple[str, str, str, bytes]]) -> None:
    """A gzipped WARC of HTTP responses: (url, status, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, status, ctype, body in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        block = http.to_bytes() + body
        rec = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            length=len(block),
            warc_headers_dict={
                "WARC-Date": "2024-05-03T10:00:00Z",
                "WARC-Payload-Digest": _sha1(body),
                "WARC-Block-Digest": _sha1(block),
            },
        )
        writer.write_record(rec)
    path.write_bytes(buf.getvalue())


@pytest.fixture()
def crawl(tmp_path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    dated = (
        '<html><head><meta property="og:title" content="강릉시, 관광 협약">'
        '<meta property="article:published_time" content="2024-04-30T09:00:00+09:00"></head>'
        f"<body><h1>강릉시, 관광 협약</h1>{STORY}</body></html>"
    )
    write_crawl(
        path,
        [
            (
                "https://news.example/a/1",
                "200 OK",
                "text/html; charset=utf-8",
                f"<html><body>{STORY}</body></html>".encode(),
            ),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
            ("https://news.example/a/2", "200 OK", "text/html; charset=euc-kr", dated.encode("euc-kr")),
            ("https://news.example/a/3", "301 Moved Permanently", "text/html", b"<p>moved</p>"),
        ],
    )
    return path


def test_each_html_response_is_one_article_with_the_record_url_and_date(crawl):
    got = [a for _, a in read_warc(crawl)]
    assert [(a.id, a.url, a.published) for a in got] == [
        ("https://news.example/a/1", "https://news.example/a/1", "2024-05-03"),  # WARC-Date
        ("https://news.example/a/2", "https://news.example/a/2", "2024-04-30"),  # the page's own date
    ]
    assert all("원주시는" in a.text and a.body for a in got)
    assert got[1].title == "강릉시, 관광 협약"


@pytest.mark.slow
def test_newskg_build_reads_a_crawl(crawl, tmp_path, capsys):
    store = str(tmp_path / "kg")
    assert main(["build", str(crawl), "--store", store, "--no-progress"]) == 0
    assert "2 added" in capsys.readouterr().out
    with open_store(store, read_only=True) as s:
        rows = query(
            s,
            "SELECT ?a ?src ?d WHERE { ?a a nkg:NewsArticle ; prov:wasDerivedFrom ?src ; "
            "schema:datePublished ?d } ORDER BY ?src",
        ).rows
    assert rows == [
        (article_iri("https://news.example/a/1"), "https://news.example/a/1", "2024-05-03"),
        (article_iri("https://news.example/a/2"), "https://news.example/a/2", "2024-04-30"),
    ]
