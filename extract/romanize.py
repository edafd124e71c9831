"""Revised Romanization of Hangul, and English forms of Korean person and organisation names.

Place names follow Revised Romanization with the common sound changes at syllable boundaries;
person names follow how people write them (surname table in `data/surnames.tsv`, given name
syllable by syllable, hyphenated); organisation names are a romanised or looked-up stem plus a
translated suffix (`data/org_suffixes.tsv`).

Example:
    >>> romanize("안양"), romanize("경기"), romanize("종로"), romanize("신라")
    ('Anyang', 'Gyeonggi', 'Jongno', 'Silla')
    >>> person_name_en("임서율"), person_name_en("남궁민수")
    ('Lim Seo-yul', 'Namgoong Min-su')
    >>> org_name_en("평택시의회")
    'Pyeongtaek City Council'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "romanize",
    "romanize_syllables",
    "person_name_en",
    "org_name_en",
    "split_person_name",
    "org_suffix",
    "is_hangul",
    "ends_like_company",
]

_INITIALS = (
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
)
_VOWELS = (
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
)
# Final consonant (jongseong index 1..27) as pronounced at the end of a syllable.
_FINALS = (
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
)
# Final consonant carried over to the next syllable when it starts with ㅇ (liaison).
_LIAISON = (
    "",
    "g",
    "kk",
    "gs",
    "n",
    "nj",
    "n",
    "d",
    "r",
    "lg",
    "lm",
    "lb",
    "ls",
    "lt",
    "lp",
    "r",
    "m",
    "b",
    "bs",
    "s",
    "ss",
    "ng",
    "j",
    "ch",
    "k",
    "t",
    "p",
    "",
)
_K_CLASS, _T_CLASS, _P_CLASS = "k", "t", "p"
_INI_N, _INI_R, _INI_M, _INI_O, _INI_H = 2, 5, 6, 11, 18
_FIN_N, _FIN_L, _FIN_NG, _FIN_H = 4, 8, 21, 27
_ASPIRATE = {0: "k", 3: "t", 12: "ch"}  # ㄱ ㄷ ㅈ after final ㅎ


def is_hangul(ch: str) -> bool:
    """True for a precomposed Hangul syllable (가 … 힣)."""
    return "\uac00" <= ch <= "\ud7a3"


def _parts(ch: str) -> tuple[int, int, int]:
    code = ord(ch) - 0xAC00
    return code // 588, (code % 588) // 28, code % 28


def romanize_syllables(hangul: str) -> list[str]:
    """Romanise syllable by syllable with no sound changes (how given names are written).

    Example:
        >>> romanize_syllables("병택")
        ['byeong', 'taek']
    """
    out = []
    for ch in hangul:
        if is_hangul(ch):
            i, v, f = _parts(ch)
            out.append(_INITIALS[i] + _VOWELS[v] + _FINALS[f])
        else:
            out.append(ch)
    return out


def romanize(hangul: str) -> str:
    """Revised Romanization of a word or phrase, capitalised; non-Hangul characters pass through.

    Sound changes at syllable boundaries: liaison before ㅇ, nasalisation before ㄴ/ㅁ, ㄹ after
    ㄴ/ㄹ as ll, ㄹ after other consonants as n, ㅎ aspiration of a following ㄱ/ㄷ/ㅈ.

    Example:
        >>> romanize("울릉"), romanize("백마"), romanize("대한민국"), romanize("부산 해운대")
        ('Ulleung', 'Baengma', 'Daehanminguk', 'Busan Haeundae')
    """
    out: list[str] = []
    chars = list(hangul)
    for n, ch in enumerate(chars):
        if not is_hangul(ch):
            out.append(ch)
            continue
        i, v, f = _parts(ch)
        prev = chars[n - 1] if n and is_hangul(chars[n - 1]) else None
        nxt = chars[n + 1] if n + 1 < len(chars) and is_hangul(chars[n + 1]) else None
        # initial, as changed by the previous final
        ini = _INITIALS[i]
        if prev is not None:
            pf = _parts(prev)[2]
            if i == _INI_O and pf not in (0, _FIN_NG):
                ini = _LIAISON[pf]
            elif i == _INI_R and pf in (_FIN_N, _FIN_L):
                ini = "l"
            elif i == _INI_R and pf != 0:
                ini = "n"
            elif pf == _FIN_H and i in _ASPIRATE:
                ini = _ASPIRATE[i]
        # final, as changed by the next initial
        fin = _FINALS[f]
        if nxt is not None and f:
            ni = _parts(nxt)[0]
            if ni == _INI_O and f != _FIN_NG:
                fin = ""  # carried over as the next initial
            elif f == _FIN_H and ni in _ASPIRATE:
                fin = ""
            elif ni in (_INI_N, _INI_M) or (ni == _INI_R and f not in (_FIN_N, _FIN_L)):
                fin = {_K_CLASS: "ng", _T_CLASS: "n", _P_CLASS: "m"}.get(fin, fin)
            elif ni == _INI_R and f == _FIN_N:
                fin = "l"
        out.append(ini + _VOWELS[v] + fin)
    text = "".join(out)
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _data(name: str) -> str:
    return resources.files("newskg.extract").joinpath("data", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data(name).splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _surnames() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("surnames.tsv")}


# Two-syllable surnames taken as such in a three-syllable name; others (선우, 동방) only in 4+.
_SURE_DOUBLE = frozenset({"남궁", "황보", "제갈", "독고", "사공", "서문"})


def split_person_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a Korean name written in Hangul.

    Example:
        >>> split_person_name("황보영수"), split_person_name("김서윤"), split_person_name("박")
        (('황보', '영수'), ('김', '서윤'), ('박', ''))
    """
    name = name.strip().replace(" ", "")
    table = _surnames()
    two = name[:2]
    if two in table and (len(name) >= 4 or (len(name) == 3 and two in _SURE_DOUBLE)):
        return two, name[2:]
    return name[:1], name[1:]


def person_name_en(name: str) -> str:
    """A Korean person's name as commonly written in English: "Surname Given-name".

    Example:
        >>> person_name_en("한도윤"), person_name_en("이채원"), person_name_en("최")
        ('Han Do-yun', 'Lee Chae-won', 'Choi')
        >>> person_name_en("에밀리 하퍼")  # foreign names: romanised, not restored
        'Emilli Hapeo'

    """
    name = name.strip()
    if not name or not all(is_hangul(c) for c in name.replace(" ", "")):
        return name
    surname, given = split_person_name(name)
    if " " in name.strip() and len(name.split()[0]) > 1 or surname not in _surnames() or len(given) > 3:
        # a foreign name in Hangul (에밀리 하퍼): romanised word by word, as nothing better is known
        return " ".join(romanize(w) for w in name.split())
    sur = _surnames()[surname]
    if not given:
        return sur
    parts = romanize_syllables(given)
    return f"{sur} {'-'.join(parts).capitalize()}"


@dataclass(frozen=True)
class _Suffix:
    suffix: str
    english: str
    cls: str


@lru_cache(maxsize=1)
def _suffixes() -> tuple[_Suffix, ...]:
    rows = [_Suffix(r[0], r[1], r[2]) for r in _rows("org_suffixes.tsv")]
    return tuple(sorted(rows, key=lambda s: -len(s.suffix)))


def org_suffix(name: str) -> tuple[str, str, str] | None:
    """(stem, suffix, ontology class) for a name ending in a known suffix, else None.

    Example:
        >>> org_suffix("한밭대학교")
        ('한밭', '대학교', 'University')
    """
    for s in _suffixes():
        if name.endswith(s.suffix) and len(name) - len(s.suffix) >= (2 if len(s.suffix) == 1 else 1):
            return name[: -len(s.suffix)].strip(), s.suffix, s.cls
    return None


def _stem_en(stem: str) -> str:
    from newskg.extract.gazetteer import load_gazetteer  # same layer; lazy to keep imports cheap

    if " " in stem.strip():
        # "서울대학교 시흥캠퍼스" → stem "서울대학교 시흥": each word on its own
        return " ".join(_stem_en(word) for word in stem.split())
    gaz = load_gazetteer()
    for cand in (stem, stem.removesuffix("시"), stem.removesuffix("도"), stem.removesuffix("군")):
        for e in gaz.lookup(cand) if cand else ():
            # Korean places read best romanised inside a name (평택대학교 → Pyeongtaek University,
            # 경기도의회 → Gyeonggi Provincial Council); foreign ones by their English name.
            if e.type == "LOC" and e.country != "KR" or e.type == "ORG":
                return e.name_en
    cleaned = stem.replace("㈜", "").replace("(주)", "").replace("주식회사", "").strip()
    if cleaned.startswith(("한국", "대한")) and len(cleaned) > 2:
        return f"Korea {romanize(cleaned[2:])}"  # 한국목재협회 → Korea Mokjae Association
    return compound_en(cleaned) or (romanize(cleaned) if cleaned else stem)


def _all_hangul(text: str) -> bool:
    return all(is_hangul(ch) for ch in text)


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """Known pieces of company names: loanwords (data/loanwords.tsv) and gazetteer organisations."""
    from newskg.extract.gazetteer import load_gazetteer

    out = {}
    for e in load_gazetteer().entries():
        if e.type == "ORG" and e.country in ("KR", None, "") and len(e.name) >= 2 and _all_hangul(e.name):
            out.setdefault(e.name, e.name_en)
    out.update({row[0]: row[1] for row in _rows("loanwords.tsv") if len(row[0]) >= 2})
    return out


@lru_cache(maxsize=1)
def _loanwords() -> tuple[str, ...]:
    return tuple(row[0] for row in _rows("loanwords.tsv") if len(row[0]) >= 2)


def ends_like_company(word: str) -> bool:
    """Whether a word ends in an English word as company names write it ("누리링크", "가온테크").

    >>> ends_like_company("누리링크"), ends_like_company("레몰로")
    (True, False)
    """
    return any(word.endswith(x) and len(word) > len(x) for x in _loanwords())


def compound_en(name: str) -> str | None:
    """A readable English name for a compound company name made of known pieces (an organisation
    the gazetteer knows, English words written in Hangul); unknown runs are romanised. None when no
    known piece of two syllables or more is found, or the name is not all Hangul.

    Example:
        >>> compound_en("한빛모빌리티"), compound_en("블루웨이브로지스틱스"), compound_en("한결")
        ('Hanbit Mobility', 'Blue Wave Logistics', None)
    """
    if len(name) < 3 or not _all_hangul(name):
        return None
    pieces = _pieces()
    longest = max(map(len, pieces))
    n = len(name)
    # best[i]: (unknown syllables, pieces) for name[:i], with the split that achieves it
    best: list[tuple[int, int, list[tuple[str, bool]]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for i in range(n):
        if best[i] is None:
            continue
        unknown, count, parts = best[i]
        for j in range(i + 2, min(n, i + longest) + 1):
            if name[i:j] in pieces:
                cand = (unknown, count + 1, parts + [(name[i:j], True)])
                if best[j] is None or cand[:2] < best[j][:2]:
                    best[j] = cand
        # one unknown syllable, glued to a preceding unknown run
        if parts and not parts[-1][1]:
            cand = (unknown + 1, count, parts[:-1] + [(parts[-1][0] + name[i], False)])
        else:
            cand = (unknown + 1, count + 1, parts + [(name[i], False)])
        if best[i + 1] is None or cand[:2] < best[i + 1][:2]:
            best[i + 1] = cand
    unknown, _, parts = best[n]
    if not any(known for _, known in parts):
        return None
    return " ".join(pieces[p] if known else romanize(p).capitalize() for p, known in parts)


def org_name_en(name: str) -> str:
    """English name of a Korean organisation or facility: the gazetteer's if it knows the name,
    else the romanised (or looked-up) stem with its suffix translated.

    Honest, not idiomatic: 공주교육대학교 gives "Gongjugyoyuk University" (its own English name
    is "Gongju National University of Education"), unless the gazetteer lists it.

    Example:
        >>> org_name_en("평택시의회"), org_name_en("원주상공회의소")
        ('Pyeongtaek City Council', 'Wonju Chamber of Commerce and Industry')
    """
    from newskg.extract.gazetteer import load_gazetteer

    name = name.strip()
    for e in load_gazetteer().lookup(name):
        if e.type != "PERSON":
            return e.name_en
    split = org_suffix(name)
    if split is None:
        return _stem_en(name)
    stem, suffix, _ = split
    template = next(s.english for s in _suffixes() if s.suffix == suffix)
    if suffix in ("시의회", "시청") and _is_metropolitan(stem):
        template = {"시의회": "{} Metropolitan Council", "시청": "{} Metropolitan Government"}[suffix]
    elif suffix in ("도의회", "도청") and _is_province(stem + "도"):
        return template.format(f"{romanize(stem)}-do")  # 충청남도의회 → Chungcheongnam-do Provincial Council
    return template.format(_stem_en(stem))


def _is_province(name: str) -> bool:
    from newskg.extract.gazetteer import load_gazetteer

    # the province's own name ("충청남도"), not a short form of it ("충남도")
    return any(
        e.country == "KR" and e.cls == "AdministrativeArea" and e.parent == "iso:KR" and e.name == name
        for e in load_gazetteer().lookup(name)
    )


def _is_metropolitan(stem: str) -> bool:
    """A Korean first-level city (서울, 부산 …): its council is a Metropolitan Council."""
    from newskg.extract.gazetteer import load_gazetteer

    return any(
        e.country == "KR" and e.cls == "City" and e.parent == "iso:KR" for e in load_gazetteer().lookup(stem)
    )
