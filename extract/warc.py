"""Articles from a web crawl in WARC (``.warc``, ``.warc.gz``; CC-NEWS is distributed so), via warcio.

Each HTTP response record with an HTML body and a 2xx status is one article: its id and
``Article.url`` are the record's target URL, its date the page's own publication date, else the
day of the record's ``WARC-Date``. Requests, metadata, redirects and non-HTML responses (images,
robots.txt) are not articles and are passed over. A record that cannot be read is an InputError
naming the file and the record number; a truncated archive ends with one.

Example (tests/test_warc.py writes a crawl with warcio and builds it):
    newskg build crawl.warc.gz
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from newskg.extract.records import Article
from newskg.ontology.errors import InputError

__all__ = ["read_warc", "iter_warc"]

_HTML = re.compile(r"^\s*(text/html|application/xhtml\+xml)", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def _decode(body: bytes, content_type: str, where: str) -> str:
    from newskg.extract.reader import decode

    m = _CHARSET.search(content_type)
    if m:
        try:
            return body.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset label: sniff as for a file
    return decode(body, where)


def iter_warc(
    stream: BinaryIO,
    name: str,
    *,
    max_chars: int | None = None,
    clean: Callable[[Article, str, int], Article] | None = None,
) -> Iterator[tuple[str, Article | InputError]]:
    """(where, article) for every HTML response of the WARC stream; an InputError in place of each
    record that cannot be read (``where`` is ``name#record-number``)."""
    from newskg.extract.reader import DEFAULT_MAX_CHARS, read_text
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = max_chars or DEFAULT_MAX_CHARS
    n = pages = 0
    try:
        for record in ArchiveIterator(stream):
            n += 1
            where = f"{name}#{n}"
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            content_type = record.http_headers.get_header("Content-Type") or ""
            if not status.startswith("2") or not _HTML.match(content_type):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or where
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            try:
                body = record.content_stream().read(limit * 32 + 1)
                if len(body) > limit * 32:
                    raise InputError(
                        f"{where} ({url}): the page is over {limit * 32:,} bytes; raise the "
                        f"limit with --max-chars"
                    )
                art = read_text(_decode(body, content_type, where), url, html=True, max_chars=limit)
                art = Article(
                    id=url,
                    text=art.text,
                    title=art.title,
                    published=art.published or date,
                    source=name,
                    url=url,
                    body=art.body,
                )
                yield where, (clean(art, where, limit) if clean else art)
            except InputError as exc:
                yield where, InputError(f"{where} ({url}): {str(exc).split(': ', 1)[-1]}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, IndexError) as exc:
        # warcio fails on a cut-off archive with whatever its parser hit (an AttributeError, say)
        yield (
            f"{name}#{n + 1}",
            InputError(
                f"{name}#{n + 1}: the WARC file cannot be read from record "
                f"{n + 1} on ({exc}); it may be truncated"
            ),
        )
        return
    if not n:
        yield name, InputError(f"{name}: no WARC records in the file; is it a WARC (or .warc.gz) crawl?")
    elif not pages:
        yield name, InputError(f"{name}: no HTML responses among its {n} WARC records")


def read_warc(
    path: str | Path,
    *,
    max_chars: int | None = None,
    clean: Callable[[Article, str, int], Article] | None = None,
) -> Iterator[tuple[str, Article | InputError]]:
    """`iter_warc` over a file (gzip-compressed or not: warcio tells them apart)."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        yield str(path), InputError(f"{path}: cannot read the file ({exc.strerror or exc})")
        return
    with fh:
        yield from iter_warc(fh, str(path), max_chars=max_chars, clean=clean)
