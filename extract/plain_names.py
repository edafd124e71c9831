"""Names without a mark: an unknown name after a descriptor ("물류기업 블루웨이브로지스틱스"), a bare
Korean name Kiwi reads as a proper noun."""

from __future__ import annotations

import re
from functools import lru_cache

from newskg.extract.lexicon import Lexicon
from newskg.extract.mention_base import _KO, Mention, _Builder, _strip_company, is_person_name, sounds_foreign
from newskg.extract.romanize import ends_like_company
from newskg.extract.syntax import Word

__all__: list[str] = []

_HANGUL_ONLY = re.compile(r"^[\uac00-\ud7a3]+$")


def _bare_names(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    for w in words:
        core = w.core
        after = text[w.start - off + 3 : w.start - off + 4]
        if (
            w.kind == "N"
            and len(core) == 3
            and w.tags[:1] == ("NNP",)
            and w.tags.count("NNP") == 1
            and (w.particle or after in ("", ",", ".", "!", "?", "'", '"', ")", "·", "’", "”"))
            and all(t.startswith(("NNP", "J")) for t in w.tags)
            and is_person_name(core, lex)
            and not gaz.lookup(core)
            and b.free(w.start, w.start + 3)
        ):
            b.add(Mention(w.start, w.start + 3, core, core, "PERSON", "Person", "name"))


def _common_noun(name: str, tags: tuple[str, ...]) -> bool:
    """Whether Kiwi reads the word as common nouns only and it ends as words of action or quality do
    (…지원, …협력, …방안, …력, a suffix such as …적 or …별): no company name, unlike "새길음료"."""
    heads = [t for t in tags if not t.startswith("J")]
    if not heads or not all(t.startswith(("NNG", "XSN")) for t in heads) or not _HANGUL_ONLY.match(name):
        return False
    return heads[-1].startswith("XSN") or name.endswith(_KO.common_noun_ends)


def _descriptors(b: _Builder, lex: Lexicon, words: list[Word], off: int, text: str) -> None:
    desc = tuple(lex.words.get("descriptor", ()))
    not_name = lex.words.get("not_name", frozenset())
    for k in range(len(words) - 1):
        w = words[k]
        core = w.core if w.kind in ("N", "M") else w.text
        if core.endswith("인") and w.kind == "P":
            core = core[:-1]
        if not core.endswith(desc) or w.particle:
            continue
        nw = words[k + 1]
        if nw.kind not in ("N",) and not (nw.kind == "P" and _strip_company(nw.text) != nw.text):
            continue
        name = _strip_company(nw.core if nw.kind == "N" else nw.text)
        if not b.free(nw.start, nw.start + len(name)) or len(name) < 2 or name in not_name:
            continue
        if not re.match(r"^[\uac00-\ud7a3A-Za-z][\uac00-\ud7a3A-Za-z0-9&]*$", name) or re.search(r"\d", name):
            continue
        if lex.role_suffix(name) is not None or name.endswith(desc):
            continue
        if len(name) < 3 and not re.match(r"^[A-Z]", name):
            continue
        if name.endswith(("회", "식", "전", "제", "장", "들")):
            continue  # 상담회, 협약식, 박람회: events and places, not names
        if nw.kind == "N" and _common_noun(name, nw.tags):
            continue  # "기업 지원방안", "협력 가운데": common nouns, no name
        cls = "GovernmentOrganization" if core.endswith("당국") else "Company"
        b.add(Mention(nw.start, nw.start + len(name), name, name, "ORG", cls, "descriptor"))


_FIRM_NAME = re.compile(r"^(?:[\uac00-\ud7a3]{3,}|[A-Z][A-Za-z0-9&]+[\uac00-\ud7a3]*)$")


def _facility_owners(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    """An unknown proper noun right before a word of a firm's site or branch is a company
    ("누리웨이퍼스 본사에서", "가람바이오 한국법인"); Kiwi's common nouns ("반도체 공장"), known names
    and places ("솔내시 공장") stay as they are."""
    facilities = _KO.company_facilities
    not_name = lex.words.get("not_name", frozenset())
    for k in range(len(words) - 1):
        w, nw = words[k], words[k + 1]
        if w.kind != "N" or w.particle or nw.kind != "N" or nw.core not in facilities:
            continue
        if "any" not in facilities[nw.core] and not ends_like_company(w.core):
            continue  # "콜드체인 물류센터": a product before a plant; "가온테크 공장": a firm
        if text[w.end - off : nw.start - off].strip():
            continue  # "누리텍(대표 …) 공장": something between the two words
        name = w.core
        if not _FIRM_NAME.match(name) or w.tags[0] not in ("NNP", "SL") or name in not_name:
            continue
        if gaz.lookup(name) or name.endswith(_KO.place_suffixes) or lex.role_suffix(name) is not None:
            continue
        if is_person_name(name, lex) and len(name) == 3:
            continue  # "도해준 공장장": a person's name before a title-like word
        if b.free(w.start, w.start + len(name)):
            b.add(Mention(w.start, w.start + len(name), name, name, "ORG", "Company", "facility"))


_LIST_SEPARATORS = ("·", ",", "、", "ㆍ")


def _listed_firms(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    """Unmarked members of a list closed by "등 … 기업" are companies as its marked ones are
    ("㈜가온전자·누리텍·다솜 등 3개 기업", "가람테크, 솔빛 등 우량기업"); industries and places in
    such a list ("식품·화학 등", "솔내시·가람군 등") stay as they are."""
    desc = tuple(lex.words.get("descriptor", ()))
    not_name = lex.words.get("not_name", frozenset())
    for k, w in enumerate(words):
        if w.core != "등" or w.kind != "N" or k < 2:
            continue
        if not any(x.core.endswith(desc) for x in words[k + 1 : k + 4] if x.kind == "N"):
            continue
        members = [words[k - 1]]
        j = k - 1
        while j > 0 and text[words[j - 1].end - off : words[j].start - off].strip() in _LIST_SEPARATORS:
            j -= 1
            members.insert(0, words[j])
        if len(members) < 2 or any(m.particle or m.kind != "N" for m in members):
            continue
        # a member with a company mark vouches for the others Kiwi reads as one common noun ("누리텍")
        marked = any((x := b.at(m.start, m.end)) is not None and x.cls == "Company" for m in members)
        for m in members:
            name = m.core
            if not re.match(r"^(?:[\uac00-\ud7a3]{2,}|[A-Z][A-Za-z0-9&]*[\uac00-\ud7a3]*)$", name):
                continue
            plain = m.tags == ("NNG",) and (marked or ends_like_company(name))
            if not (m.tags[0] in ("NNP", "SL") or plain) or name in not_name or _common_noun(name, m.tags):
                continue
            if gaz.lookup(name) or name.endswith(_KO.place_suffixes) or lex.role_suffix(name) is not None:
                continue
            if b.free(m.start, m.start + len(name)):
                b.add(Mention(m.start, m.start + len(name), name, name, "ORG", "Company", "listed_firm"))


def _firms_of_heads(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    """An unknown proper noun right before a person and a firm head's title is the person's company
    ("누리텍 도해준 대표는", "가온메디칼 한서윤 대표이사와"); known names and places stay as they are."""
    titles = _KO.firm_head_titles
    not_name = lex.words.get("not_name", frozenset())
    for k in range(len(words) - 2):
        w, p, t = words[k], words[k + 1], words[k + 2]
        if w.kind != "N" or w.particle or t.core not in titles:
            continue
        person = b.at(p.start, p.end)
        if person is None or person.type != "PERSON" or text[w.end - off : p.start - off].strip():
            continue
        name = w.core
        if not _FIRM_NAME.match(name) or name in not_name:
            continue
        if not (w.tags[0] in ("NNP", "SL") or (w.tags == ("NNG",) and ends_like_company(name))):
            continue
        if gaz.lookup(name) or name.endswith(_KO.place_suffixes) or lex.role_suffix(name) is not None:
            continue
        if is_person_name(name, lex) and len(name) == 3:
            continue  # "도해준 한서윤 대표": two people, no company
        if b.free(w.start, w.start + len(name)):
            b.add(Mention(w.start, w.start + len(name), name, name, "ORG", "Company", "head_firm"))


def _foreign_firms(b: _Builder, words: list[Word], gaz) -> None:
    """A foreign-sounding name ending in 사 right after its country is a company ("독일 케르텐사의",
    "미국 로덴社와"); kinds of firms ("미국 통신사") do not sound foreign and stay words."""
    for k in range(1, len(words)):
        prev, w = words[k - 1], words[k]
        country = b.at(prev.start, prev.end)
        if country is None or country.cls != "Country" or prev.particle or w.kind != "N":
            continue
        name = w.core
        end = next((e for e in _KO.foreign_firm_ends if name.endswith(e)), None)
        stem = name[: -len(end)] if end else ""
        if len(stem) < 2 or not _HANGUL_ONLY.match(stem) or not sounds_foreign(stem) or gaz.lookup(stem):
            continue
        if b.free(w.start, w.start + len(name)):
            b.add(
                Mention(
                    w.start,
                    w.start + len(name),
                    name,
                    name,
                    "ORG",
                    "Company",
                    "foreign_firm",
                    aliases=(stem,),
                )
            )


_SUM = r"[\d,.]+\s?(조|억|만|천)[\d,.]*\s?(조|억|만|천)?\s?(원|달러|유로|엔)(을|를)\s"


@lru_cache(maxsize=2)
def _spends_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A sum followed by a verb of investing (compiled once, not per sentence)."""
    return re.compile(_SUM + "(?:" + "|".join(re.escape(v) for v in verbs) + ")")


def _investors(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    """The unknown proper noun leading a sentence or a clause after a comma that spends a sum is a
    company ("누리텍은 솔내시에 80억원을 투자한다", "…, 가온바이오는 가람군에 73억 원을 투자");
    known names, places and people stay as they are."""
    spends = _spends_pattern(_KO.investor_verbs)
    not_name = lex.words.get("not_name", frozenset())
    for k, w in enumerate(words):
        if k and not text[: w.start - off].rstrip().endswith(","):
            continue
        if w.kind != "N" or not w.particle or _KO.case_of(w.particle) != "subj":
            continue
        if spends.search(text[w.end - off :]) is None:
            continue
        name = w.core
        if not _FIRM_NAME.match(name) or name in not_name:
            continue
        if not (w.tags[0] in ("NNP", "SL") or (w.tags[:1] == ("NNG",) and ends_like_company(name))):
            continue
        if gaz.lookup(name) or name.endswith(_KO.place_suffixes) or lex.role_suffix(name) is not None:
            continue
        if is_person_name(name, lex) and len(name) == 3:
            continue
        if b.free(w.start, w.start + len(name)):
            b.add(Mention(w.start, w.start + len(name), name, name, "ORG", "Company", "investor"))
