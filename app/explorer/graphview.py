"""The interactive network of the Graph page: a bounded view of the projection, drawn by vis-network.

vis-network is served from the app's own static folder (`static/js/vis-network.min.js`), never a
CDN. The component is a Streamlit v2 component: a click on a node comes back to Python as
`result.clicked` (the node's IRI), which the page turns into an expansion of that neighbourhood.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="visits"); g.add_edge("b", "c", key="visits")
    'visits'
    'visits'
    >>> view, note = bounded_view(g, focus=["a"], radius=1, max_nodes=10)
    >>> sorted(view), note is None
    (['a', 'b'], True)
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable

from newskg.ontology import vocab

from .render import OTHER_COLOUR, PREDICATE_COLOURS, TYPE_COLOURS

__all__ = [
    "bounded_view",
    "connected_only",
    "pair_edges",
    "hover_card",
    "vis_data",
    "show_network",
    "VIS_SCRIPT",
]

VIS_SCRIPT = "app/static/js/vis-network.min.js"

_JS = """
export default function(component) {
  const { data, setTriggerValue, parentElement } = component;
  // a rerun with new data mounts again: drop the previous drawing first
  parentElement.querySelectorAll('.nkg-network').forEach((old) => {
    if (old.nkgNetwork) old.nkgNetwork.destroy();
    old.remove();
  });
  const box = document.createElement('div');
  box.className = 'nkg-network';
  box.style.height = data.height + 'px';
  box.style.border = '1px solid #ddd';
  box.style.borderRadius = '6px';
  parentElement.appendChild(box);
  let network = null, dead = false;
  const draw = () => {
    if (dead || network) return;
    const nodes = new vis.DataSet(data.nodes);
    const edges = new vis.DataSet(data.edges);
    network = new vis.Network(box, { nodes, edges }, data.options);
    network.once('stabilizationIterationsDone', () => {
      network.setOptions({ physics: false });
      // fitting a big view shrinks its labels below reading size: zoom in on the centre node instead
      if (network.getScale() < data.minScale && data.center) {
        const pos = network.getPositions([data.center])[data.center];
        network.moveTo({ position: pos, scale: data.minScale });
      }
      box.dataset.stable = '1';
    });
    network.on('click', (p) => { if (p.nodes.length) setTriggerValue('clicked', p.nodes[0]); });
    box.dataset.ready = '1';
    box.nkgNetwork = network;  // for tests and debugging: positions, selection
    box.nkgData = data;  // the view's nodes and edges as drawn
    if (document.fonts) document.fonts.load('14px NanumBarunGothic').then(() => network && network.redraw());
  };
  if (window.vis && window.vis.Network) {
    draw();
  } else {
    let s = document.querySelector('script[data-nkg-vis]');
    if (!s) {
      s = document.createElement('script');
      s.src = data.script;
      s.dataset.nkgVis = '1';
      document.head.appendChild(s);
    }
    s.addEventListener('load', draw);
    const t = setInterval(() => { if (window.vis && window.vis.Network) { clearInterval(t); draw(); } }, 100);
    setTimeout(() => clearInterval(t), 20000);
  }
  return () => { dead = true; if (network) network.destroy(); box.remove(); };
}
"""

_component = None


def _undirected_neighbours(g, n) -> Iterable[str]:
    yield from g.succ[n]
    yield from g.pred[n]


def bounded_view(g, *, focus: Iterable[str] = (), radius: int = 1, max_nodes: int = 150):
    """The subgraph to draw and how it was bounded: (shown, total, "graph"|"neighbourhood"), or None
    when nothing was cut (the page words the note in the interface language).

    With focus nodes: their neighbourhoods up to `radius` hops (edges in either direction); without:
    the whole graph. Past `max_nodes`, the focus nodes stay and the best-connected others fill up.
    """
    focus = [f for f in focus if f in g]
    if focus:
        seen = set(focus)
        frontier = list(focus)
        for _ in range(radius):
            nxt = []
            for n in frontier:
                for m in _undirected_neighbours(g, n):
                    if m not in seen:
                        seen.add(m)
                        nxt.append(m)
            frontier = nxt
        candidates = seen
    else:
        candidates = g.nodes
    total = len(candidates)
    if total <= max_nodes:
        return g.subgraph(candidates), None
    keep = set(focus)
    rest = (n for n in candidates if n not in keep)
    keep.update(heapq.nlargest(max_nodes - len(keep), rest, key=g.degree))
    what = "neighbourhood" if focus else "graph"
    note = (len(keep), total, what)
    return g.subgraph(keep), note


def _label(attrs: dict, lang: str) -> str:
    return str(attrs.get(f"label_{lang}") or attrs.get("label_ko") or attrs.get("label_en") or "?")


def connected_only(g, keep: Iterable[str] = ()):
    """The graph without entities left with no edge (filters can strand them), except `keep`."""
    keep = set(keep)
    return g.subgraph([n for n in g if g.degree(n) > 0 or n in keep])


def pair_edges(view, lang: str = "ko") -> list[dict]:
    """One edge per entity pair: its predicates (local names), their labels joined in one label,
    the directions present, and whether every predicate of the pair is only planned."""
    preds = vocab.predicates()
    pairs: dict[tuple[str, str], dict] = {}
    for s, o, p, a in view.edges(keys=True, data=True):
        a_, b_ = sorted((s, o))
        d = pairs.setdefault(
            (a_, b_),
            {
                "from": a_,
                "to": b_,
                "predicates": [],
                "forward": False,
                "backward": False,
                "planned": True,
                "count": 0,
            },
        )
        pred = preds.get(p)
        if p not in d["predicates"]:
            d["predicates"].append(p)
        if not (pred and pred.symmetric):
            d["forward" if (s, o) == (a_, b_) else "backward"] = True
        d["planned"] = d["planned"] and a.get("status", "done") != "done"
        d["count"] += int(a.get("count", 1) or 1)
    out = []
    for d in pairs.values():
        d["predicates"].sort()
        d["labels"] = [
            (preds[p].label_ko if lang == "ko" else preds[p].label_en) if p in preds else str(p)
            for p in d["predicates"]
        ]
        out.append(d)
    return out


def hover_card(view, n: str, lang: str, limit: int = 5) -> str:
    """Plain text shown on hover: both labels, type and class, and the node's top facts."""
    a = view.nodes[n]
    other = "en" if lang == "ko" else "ko"
    preds = vocab.predicates()
    lines = [f"{_label(a, lang)} · {_label(a, other)}", f"{a.get('type') or ''} {a.get('cls') or ''}".strip()]
    facts = []
    for s, o, p, d in list(view.out_edges(n, keys=True, data=True)) + list(
        view.in_edges(n, keys=True, data=True)
    ):
        pred = preds.get(p)
        label = (pred.label_ko if lang == "ko" else pred.label_en) if pred else str(p)
        arrow = "↔" if pred and pred.symmetric else ("→" if s == n else "←")
        facts.append(  # ties first, then the facts most statements support
            (
                arrow != "↔",
                -int(d.get("count", 1) or 1),
                f"{arrow} {label}: {_label(view.nodes[o if s == n else s], lang)}",
            )
        )
    lines += [text for *_, text in sorted(facts)[:limit]]
    if len(facts) > limit:
        lines.append(f"… +{len(facts) - limit}")
    return "\n".join(lines)


def vis_data(view, *, lang: str = "ko", focus: Iterable[str] = (), height: int = 620) -> dict:
    """Nodes, edges and options for vis-network: labels in `lang`, colours by type, one edge per pair
    (its predicates in one label; dashed when the pair's facts are only planned)."""
    focus = set(focus)
    nodes = []
    for n, a in view.nodes(data=True):
        kind = a.get("type") or ""
        nodes.append(
            {
                "id": n,
                "label": _label(a, lang),
                "title": hover_card(view, n, lang),
                "color": TYPE_COLOURS.get(kind, OTHER_COLOUR),
                "size": 10 + min(14, 2 * view.degree(n)),
                "borderWidth": 4 if n in focus else 1,
                "font": {
                    "face": "NanumBarunGothic, sans-serif",
                    "size": 22 if n in focus else 18,
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
            }
        )
    edges = []
    for d in pair_edges(view, lang):
        arrows = ",".join(x for x, on in (("to", d["forward"]), ("from", d["backward"])) if on)
        colour = (
            PREDICATE_COLOURS.get(d["predicates"][0], "#999999") if len(d["predicates"]) == 1 else "#555555"
        )
        edges.append(
            {
                "id": f"{d['from']}|{d['to']}",
                "from": d["from"],
                "to": d["to"],
                "label": " · ".join(d["labels"]),
                "title": "\n".join(f"{lb} ({p})" for lb, p in zip(d["labels"], d["predicates"], strict=True)),
                "predicates": d["predicates"],
                "arrows": arrows,
                "color": colour,
                "dashes": d["planned"],
                "width": 1 + min(4, d["count"] // 2),
                "font": {
                    "face": "NanumBarunGothic, sans-serif",
                    "size": 14,
                    "align": "middle",
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
            }
        )
    options = {
        "physics": {
            "solver": "forceAtlas2Based",
            "stabilization": {"iterations": 300, "fit": True},
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "springLength": 140,
                "centralGravity": 0.02,
                "avoidOverlap": 0.8,
            },
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "nodes": {"shape": "dot"},
        "edges": {"smooth": {"type": "continuous"}},
    }
    ranked = sorted(view.nodes, key=lambda n: (n not in focus, -view.degree(n), n))
    return {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "height": height,
        "script": VIS_SCRIPT,
        "center": ranked[0] if ranked else None,
        "minScale": 0.8,
    }


def show_network(data: dict, *, key: str = "nkg-network"):
    """Draw the network; returns the component result (`.clicked` = IRI of a clicked node or None)."""
    import streamlit as st

    global _component
    if _component is None:
        _component = st.components.v2.component("newskg.network", js=_JS, isolate_styles=False)
    # a round trip through JSON keeps the payload plain (no numpy or rdflib values)
    return _component(data=json.loads(json.dumps(data)), key=key, on_clicked_change=lambda: None)
