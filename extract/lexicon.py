"""Word lists of the extraction rules, read once from `data/roles.tsv`, `data/cues.tsv`,
`data/patterns_orgs.tsv` and the ontology's `nkg:cue` lists.

Example:
    >>> lex = load_lexicon()
    >>> lex.roles["시장"].relation, lex.roles["시장"].place, lex.roles["기자"].relation
    ('headOf', '시', 'worksFor')
    >>> "방문" in lex.cues["visits"], "무산" in lex.words["negation"]
    (True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newskg.ontology.errors import PipelineError
from newskg.ontology.vocab import predicates

__all__ = ["Role", "Suffix", "Lexicon", "load_lexicon", "data_entries"]


@dataclass(frozen=True)
class Role:
    """A title: which relation it gives its holder and, for "원주시장"-style titles, the place suffix."""

    name: str
    relation: str  # headOf | worksFor
    place: str = ""


@dataclass(frozen=True)
class Suffix:
    """An ending of organisation or site names."""

    suffix: str
    type: str
    cls: str
    min_stem: int
    in_place: bool
    needs_place: bool


@dataclass
class Lexicon:
    roles: dict[str, Role]
    suffixes: list[Suffix]  # longest first
    words: dict[str, frozenset[str]]  # kind -> words (cues.tsv)
    cues: dict[str, tuple[str, ...]]  # predicate -> cue words (ontology)
    roles_by_len: list[str] = field(default_factory=list)  # role names, longest first

    def role_suffix(self, word: str) -> Role | None:
        """The role `word` is or ends with ("항만국장" → 국장), longest first."""
        r = self.roles.get(word)
        if r is not None:
            return r
        # asked for every word of every sentence, by several rules: each word's answer is kept
        memo = self.__dict__.setdefault("_suffix_memo", {})
        if word in memo:
            return memo[word]
        r = next(
            (
                self.roles[n]
                for n in self._by_last().get(word[-1:], ())
                if len(word) > len(n) and word.endswith(n)
            ),
            None,
        )
        if len(memo) > 50_000:  # bound the memo on endless input
            memo.clear()
        memo[word] = r
        return r

    def _by_last(self) -> dict[str, list[str]]:
        idx = self.__dict__.get("_last_index")
        if idx is None:
            idx = {}
            for name in self.roles_by_len:
                idx.setdefault(name[-1], []).append(name)
            self.__dict__["_last_index"] = idx
        return idx

    def suffixes_for(self, word: str) -> list[Suffix]:
        """Name endings `word` may end with, longest first."""
        idx = self.__dict__.get("_suffix_index")
        if idx is None:
            idx = {}
            for s in self.suffixes:
                idx.setdefault(s.suffix[-1], []).append(s)
            self.__dict__["_suffix_index"] = idx
        return idx.get(word[-1:], [])

    def ends_with(self, word: str, kind: str) -> bool:
        """Whether `word` ends with a word of the cues.tsv list `kind` (e.g. a descriptor)."""
        tup = self.__dict__.setdefault("_tuples", {}).get(kind)
        if tup is None:
            tup = tuple(self.words.get(kind, ()))
            self.__dict__["_tuples"][kind] = tup
        return bool(tup) and word.endswith(tup)


def data_entries(name: str, what: str) -> tuple[Any, list[tuple[int, str]]]:
    """The path of the data file `name` and its entries as (line number, line), comments and blank
    lines left out; a file that cannot be read is a PipelineError naming it and `what` it holds."""
    path = resources.files("newskg.extract").joinpath("data", name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PipelineError(f"{path}: cannot read the {what} ({exc}); reinstall newskg") from exc
    return path, [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    path = resources.files("newskg.extract").joinpath("data", name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PipelineError(
            f"data file {name} is missing from newskg/extract/data; reinstall newskg"
        ) from exc
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The rules' word lists (cached)."""
    roles: dict[str, Role] = {}
    for f in _rows("roles.tsv"):
        f = f + [""] * (3 - len(f))
        roles[f[0]] = Role(f[0], f[1], f[2])
    preds = predicates()
    for rel in ("headOf", "worksFor"):
        for cue in preds[rel].cues:
            roles.setdefault(cue, Role(cue, rel))
    suffixes = []
    for f in _rows("patterns_orgs.tsv"):
        suffixes.append(Suffix(f[0], f[1], f[2], int(f[3]), f[4] == "yes", f[5] == "yes"))
    suffixes.sort(key=lambda s: -len(s.suffix))
    words: dict[str, set[str]] = {}
    for kind, word in _rows("cues.tsv"):
        words.setdefault(kind, set()).add(word)
    cues = {name: p.cues for name, p in preds.items()}
    return Lexicon(
        roles,
        suffixes,
        {k: frozenset(v) for k, v in words.items()},
        cues,
        sorted(roles, key=lambda r: -len(r)),
    )
