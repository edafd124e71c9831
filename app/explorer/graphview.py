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

__all__ = ["bounded_view", "vis_data", "show_network", "VIS_SCRIPT"]

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
      box.dataset.stable = '1';
    });
    network.on('click', (p) => { if (p.nodes.length) setTriggerValue('clicked', p.nodes[0]); });
    box.dataset.ready = '1';
    box.nkgNetwork = network;  // for tests and debugging: positions, selection
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
    """The subgraph to draw and a note saying how it was bounded (None when nothing was cut).

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
    note = (f"Showing {len(keep)} of {total} entities of the {what}: the best connected. "
            "Filter, search or click a node to focus.")
    return g.subgraph(keep), note


def _label(attrs: dict, lang: str) -> str:
    return str(attrs.get(f"label_{lang}") or attrs.get("label_ko") or attrs.get("label_en") or "?")


def vis_data(view, *, lang: str = "ko", focus: Iterable[str] = (), height: int = 620) -> dict:
    """Nodes, edges and options for vis-network (labels in `lang`, colours by type and predicate)."""
    focus = set(focus)
    preds = vocab.predicates()
    nodes = []
    for n, a in view.nodes(data=True):
        kind = a.get("type") or ""
        other = _label(a, "en" if lang == "ko" else "ko")
        title = f"{_label(a, lang)} · {other}\n{kind} {a.get('cls') or ''}".strip()
        nodes.append({
            "id": n, "label": _label(a, lang), "title": title,
            "color": TYPE_COLOURS.get(kind, OTHER_COLOUR),
            "size": 14 + min(16, 2 * view.degree(n)),
            "borderWidth": 4 if n in focus else 1,
            "font": {"face": "NanumBarunGothic, sans-serif", "size": 15 if n in focus else 13},
        })
    edges = []
    parallel: dict[tuple[str, str], int] = {}
    for s, o, p, a in view.edges(keys=True, data=True):
        k = parallel[tuple(sorted((s, o)))] = parallel.get(tuple(sorted((s, o))), -1) + 1
        pred = preds.get(p)
        label = (pred.label_ko if lang == "ko" else pred.label_en) if pred else str(p)
        conf = a.get("confidence")
        title = f"{label} ({p})" + (f"\nconfidence {float(conf):.2f}" if conf not in (None, "") else "")
        edges.append({
            "from": s, "to": o, "label": label, "title": title,
            "arrows": "" if pred and pred.symmetric else "to",
            "color": PREDICATE_COLOURS.get(p, "#999999"),
            "font": {"face": "NanumBarunGothic, sans-serif", "size": 11, "align": "middle"},
            # parallel edges of one pair bend apart instead of hiding each other
            "smooth": {"type": "curvedCW" if k % 2 else "curvedCCW", "roundness": 0.12 + 0.14 * (k // 2)}
            if k else {"type": "continuous"},
        })
    options = {
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150, "fit": True},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "nodes": {"shape": "dot"},
        "edges": {"smooth": {"type": "continuous"}},
    }
    return {"nodes": nodes, "edges": edges, "options": options, "height": height, "script": VIS_SCRIPT}


def show_network(data: dict, *, key: str = "nkg-network"):
    """Draw the network; returns the component result (`.clicked` = IRI of a clicked node or None)."""
    import streamlit as st

    global _component
    if _component is None:
        _component = st.components.v2.component("newskg.network", js=_JS, isolate_styles=False)
    # a round trip through JSON keeps the payload plain (no numpy or rdflib values)
    return _component(data=json.loads(json.dumps(data)), key=key, on_clicked_change=lambda: None)
