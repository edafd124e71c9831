"""Namesake places picked by the article's context: 서구 of the city the article names.

Five Korean metropolitan cities have a district called 서구 (and several a 중구, 동구, 남구 or 북구);
the gazetteer's ranking alone would send all of them to one. Where a mention was linked to such
a namesake and the article names the containing place of exactly one other namesake (광역시,
province) but not that of the linked one, the mention is relinked to that namesake. Runs on the
mentions of one article before they become entities, so every mention of the same place ends up
under one gazetteer key.

Example:
    >>> from newskg.extract.gazetteer import load_gazetteer
    >>> from newskg.extract.mentions import Mention
    >>> gaz = load_gazetteer()
    >>> daegu = gaz.lookup("대구광역시")[0]
    >>> seo = gaz.lookup("서구")[0]  # the gazetteer's first choice
    >>> def mention(s, e, g):
    ...     return Mention(s, e, g.name, g.name, "LOC", g.cls, "gazetteer", key=g.key, gaz=g)
    >>> ms = [mention(0, 5, daegu), mention(9, 11, seo)]
    >>> relink_namesakes(ms)
    1
    >>> ms[1].gaz.parent == daegu.key
    True
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["relink_namesakes"]


def relink_namesakes(mentions: Iterable) -> int:
    """Relink gazetteer place mentions to the namesake lying in a place the article names.

    Returns how many mentions changed. Mentions are the extractor's `Mention` objects (fields
    `key`, `gaz`, `label`, `label_en`, `aliases`, `cls`); only LOC mentions with a gazetteer entry
    are considered.
    """
    from newskg.extract.gazetteer import load_gazetteer

    mentions = list(mentions)
    keys = {m.key for m in mentions if m.key}
    if not keys:
        return 0
    gaz = load_gazetteer()
    changed = 0
    for m in mentions:
        g = m.gaz
        if g is None or m.type != "LOC" or not getattr(g, "parent", None) or g.parent in keys:
            continue
        namesakes = [x for x in gaz.lookup(g.name) if x.type == "LOC" and x.name == g.name and x.key != g.key]
        here = [x for x in namesakes if x.parent in keys]
        if len(here) != 1:
            continue
        x = here[0]
        m.key, m.gaz, m.label, m.cls = x.key, x, x.name, x.cls
        m.label_en, m.aliases = x.name_en, tuple(x.aliases)
        changed += 1
    return changed
