"""Property-graph exports: GraphML, GEXF, Cytoscape JSON, Neo4j import files.

Nodes are the entities of the facts graph; edges are the facts (relations an
asserted, stated claim supports), symmetric ones once. Each edge carries its
relation, whether it is former, the best confidence of its claims, the
articles behind it and one evidence sentence. Lists (aliases, sources) are
JSON arrays in GraphML and GEXF, arrays in Cytoscape JSON and Neo4j.

XML 1.0 cannot carry most C0 control characters: GraphML and GEXF write them
as control pictures (see ``kg.export_rdf.xml_safe``); JSON and CSV keep them.

Examples:
    >>> nodes = [Node("ex:a", "Ann \\"A\\", 1", "Person"), Node("ex:b", "Bo", "Person")]
    >>> edges = [Edge("e0", "ex:a", "ex:b", "motherOf")]
    >>> import io
    >>> buf = io.BytesIO(); write_cyjs(nodes, edges, buf)
    >>> import json; json.loads(buf.getvalue())["elements"]["edges"][0]["data"]["interaction"]
    'motherOf'
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lxml import etree

from kg.export_rdf import xml_safe

__all__ = [
    "Node",
    "Edge",
    "graph_data",
    "write_graphml",
    "write_gexf",
    "write_cyjs",
    "write_neo4j",
    "NEO4J_FILES",
    "ARRAY_DELIMITER",
]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2draft"
NEO4J_FILES = ("people.csv", "relations.csv", "import.cypher")
#: between the items of a Neo4j array field: the ASCII unit separator, never in a name
ARRAY_DELIMITER = "\x1f"
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*\Z")


@dataclass(frozen=True, slots=True)
class Node:
    """An entity: its IRI, name, class local name, aliases and Wikidata id ("" if none)."""

    id: str
    name: str
    type: str = "Person"
    aliases: tuple[str, ...] = ()
    wikidata: str = ""


@dataclass(frozen=True, slots=True)
class Edge:
    """A fact: ``source relation target`` and what supports it."""

    id: str
    source: str
    target: str
    relation: str
    symmetric: bool = False
    former: bool = False
    confidence: float = 0.0
    sources: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    evidence: str = ""


def graph_data(store: Any) -> tuple[list[Node], list[Edge]]:
    """The nodes and edges of the facts graph of ``store`` (a ``kg.store.Store``)."""
    from kg.ontology import load_vocabulary

    vocab = load_vocabulary()
    ids = store.wikidata_ids()
    nodes = [
        Node(p["iri"], p["name"], p["type"], tuple(p["aliases"]), ids.get(p["iri"], ""))
        for p in store.people()
    ]
    known = {n.id for n in nodes}
    edges: list[Edge] = []
    for rel in store.relations():
        if not rel["fact"] or rel["subject"] not in known or rel["object"] not in known:
            continue
        support = [e for e in rel["evidence"] if not e["negated"] and not e["hedged"]]
        name = rel["relation"]
        edges.append(
            Edge(
                id=f"e{len(edges)}",
                source=rel["subject"],
                target=rel["object"],
                relation=name,
                symmetric=name in vocab and vocab[name].symmetric,
                former=bool(rel["former"]),
                confidence=max((e["confidence"] for e in support), default=0.0),
                sources=tuple(sorted({e["article_id"] for e in support})),
                urls=tuple(sorted({e["url"] for e in support if e["url"]})),
                evidence=support[0]["sentence"] if support else "",
            )
        )
    return nodes, edges


def _node_fields(n: Node) -> dict[str, Any]:
    return {"type": n.type, "aliases": list(n.aliases), "wikidata": n.wikidata}


def _edge_fields(e: Edge) -> dict[str, Any]:
    return {
        "relation": e.relation, "symmetric": e.symmetric, "former": e.former,
        "confidence": e.confidence, "sources": list(e.sources), "urls": list(e.urls),
        "evidence": e.evidence,
    }  # fmt: skip


def _xml_value(value: Any) -> tuple[str, str]:
    """(GraphML/GEXF type, text) of an attribute value."""
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if isinstance(value, float):
        return "double", repr(value)
    if isinstance(value, list):
        return "string", xml_safe(json.dumps(value, ensure_ascii=False))
    return "string", xml_safe(str(value))


def _write_xml(root: etree._Element, f: IO[bytes]) -> None:
    f.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def write_graphml(nodes: Sequence[Node], edges: Sequence[Edge], f: IO[bytes]) -> None:
    """GraphML (yEd, Gephi, networkx.read_graphml): node ``label`` is the name."""
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap={None: GRAPHML_NS})
    sample_node = {"label": "", **_node_fields(Node("", ""))}
    sample_edge = {"label": "", **_edge_fields(Edge("", "", "", ""))}
    for kind, sample in (("node", sample_node), ("edge", sample_edge)):
        for key, value in sample.items():
            etree.SubElement(
                root, f"{{{GRAPHML_NS}}}key", id=f"{kind[0]}_{key}",
                attrib={"for": kind, "attr.name": key, "attr.type": _xml_value(value)[0]},
            )  # fmt: skip
    graph = etree.SubElement(
        root, f"{{{GRAPHML_NS}}}graph", id="celebrity-kg", edgedefault="directed"
    )
    for n in nodes:
        el = etree.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=xml_safe(n.id))
        for key, value in {"label": n.name, **_node_fields(n)}.items():
            data = etree.SubElement(el, f"{{{GRAPHML_NS}}}data", key=f"n_{key}")
            data.text = _xml_value(value)[1]
    for e in edges:
        el = etree.SubElement(
            graph,
            f"{{{GRAPHML_NS}}}edge",
            id=e.id,
            source=xml_safe(e.source),
            target=xml_safe(e.target),
        )
        for key, value in {"label": e.relation, **_edge_fields(e)}.items():
            data = etree.SubElement(el, f"{{{GRAPHML_NS}}}data", key=f"e_{key}")
            data.text = _xml_value(value)[1]
    _write_xml(root, f)


def write_gexf(nodes: Sequence[Node], edges: Sequence[Edge], f: IO[bytes]) -> None:
    """GEXF 1.2 (Gephi, networkx.read_gexf): node label = name, edge label = relation."""
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS}, version="1.2")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "celebrity-kg"
    graph = etree.SubElement(root, f"{{{GEXF_NS}}}graph", mode="static", defaultedgetype="directed")
    samples = {"node": _node_fields(Node("", "")), "edge": _edge_fields(Edge("", "", "", ""))}
    ids: dict[str, dict[str, str]] = {}
    for kind, sample in samples.items():
        attrs = etree.SubElement(graph, f"{{{GEXF_NS}}}attributes", attrib={"class": kind})
        ids[kind] = {}
        for i, (key, value) in enumerate(sample.items()):
            ids[kind][key] = f"{kind[0]}{i}"
            etree.SubElement(
                attrs,
                f"{{{GEXF_NS}}}attribute",
                id=ids[kind][key],
                title=key,
                type=_xml_value(value)[0],
            )

    def attvalues(parent: etree._Element, kind: str, values: dict[str, Any]) -> None:
        box = etree.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
        for key, value in values.items():
            etree.SubElement(
                box,
                f"{{{GEXF_NS}}}attvalue",
                attrib={"for": ids[kind][key], "value": _xml_value(value)[1]},
            )

    node_box = etree.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for n in nodes:
        el = etree.SubElement(
            node_box, f"{{{GEXF_NS}}}node", id=xml_safe(n.id), label=xml_safe(n.name)
        )
        attvalues(el, "node", _node_fields(n))
    edge_box = etree.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for e in edges:
        el = etree.SubElement(
            edge_box, f"{{{GEXF_NS}}}edge", id=e.id, source=xml_safe(e.source),
            target=xml_safe(e.target), label=e.relation, weight=repr(max(e.confidence, 0.0) or 1.0),
        )  # fmt: skip
        attvalues(el, "edge", _edge_fields(e))
    _write_xml(root, f)


def write_cyjs(nodes: Sequence[Node], edges: Sequence[Edge], f: IO[bytes]) -> None:
    """Cytoscape JSON (Cytoscape desktop, cytoscape.js, networkx.cytoscape_graph)."""
    data = {
        "format_version": "1.0",
        "generated_by": "celebrity-kg",
        "target_cytoscapejs_version": "~2.1",
        "data": {"name": "celebrity-kg", "directed": True, "multigraph": True},
        "elements": {
            "nodes": [
                {"data": {"id": n.id, "value": n.id, "name": n.name, **_node_fields(n)}}
                for n in nodes
            ],
            "edges": [
                {
                    "data": {
                        "id": e.id,
                        "source": e.source,
                        "target": e.target,
                        "key": e.relation,
                        "interaction": e.relation,
                        "name": e.relation,
                        **_edge_fields(e),
                    }
                }  # fmt: skip
                for e in edges
            ],
        },
    }
    f.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def neo4j_type(relation: str) -> str:
    """A relation local name as a Neo4j relationship type.

    Always letters, digits and ``_``, starting with a letter, so it is safe to
    write into Cypher.

    Examples:
        >>> neo4j_type("grandparentOf"), neo4j_type("odd-name'"), neo4j_type("9x")
        ('GRANDPARENT_OF', 'ODD_NAME', 'R_9X')
    """
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation)
    name = re.sub(r"[^A-Za-z0-9]+", "_", snake).strip("_").upper() or "RELATED"
    return name if name[0].isalpha() else "R_" + name


def _csv(rows: Iterable[Sequence[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _array(items: Iterable[str]) -> str:
    # the delimiter itself is shown as its control picture inside an item
    return ARRAY_DELIMITER.join(i.replace(ARRAY_DELIMITER, "\u241f") for i in items)


def neo4j_files(nodes: Sequence[Node], edges: Sequence[Edge]) -> dict[str, bytes]:
    """The three files of the Neo4j export, by name (see ``NEO4J_FILES``)."""
    people = _csv(
        [["id:ID", "name", "type", "aliases:string[]", "wikidata", ":LABEL"]]
        + [
            [n.id, n.name, n.type, _array(n.aliases), n.wikidata, _array(["Entity", n.type])]
            for n in nodes
        ]
    )
    relations = _csv(
        [[":START_ID", ":END_ID", ":TYPE", "relation", "symmetric:boolean", "former:boolean",
          "confidence:float", "sources:string[]", "urls:string[]", "evidence"]]
        + [[e.source, e.target, neo4j_type(e.relation), e.relation, str(e.symmetric).lower(),
            str(e.former).lower(), repr(e.confidence), _array(e.sources), _array(e.urls),
            e.evidence]
           for e in edges]
    )  # fmt: skip
    return {
        "people.csv": people,
        "relations.csv": relations,
        "import.cypher": _cypher(nodes, edges),
    }


def _cypher(nodes: Sequence[Node], edges: Sequence[Edge]) -> bytes:
    """A Cypher script that loads the two CSV files into a running database.

    It holds no text from articles: every value comes from the CSV files.
    """
    labels = sorted({n.type for n in nodes if _NAME.match(n.type)} | {"Person"})
    split = "split(row.`{c}`, '\\u001F')"
    lines = [
        "// celebrity-kg export for Neo4j.",
        "// Offline import into an empty database (files in this folder):",
        "//   neo4j-admin database import full --nodes=people.csv --relationships=relations.csv \\",
        "//     --multiline-fields=true --array-delimiter=U+001F neo4j",
        "// Or, with a running database: copy people.csv and relations.csv into its import/",
        "// folder and run this script (cypher-shell -f import.cypher).",
        "",
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (p:Entity) REQUIRE p.id IS UNIQUE;",
        "",
        "LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row",
        "MERGE (p:Entity {id: row.`id:ID`})",
        "SET p.name = row.name, p.type = row.type, p.wikidata = row.wikidata,",
        "    p.aliases = CASE row.`aliases:string[]` WHEN '' THEN [] ELSE "
        + split.format(c="aliases:string[]")
        + " END;",
    ]
    for label in labels:
        lines.append(f"MATCH (p:Entity {{type: '{label}'}}) SET p:{label};")
    for rel_type in sorted({neo4j_type(e.relation) for e in edges}):
        lines += [
            "",
            "LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{rel_type}'",
            "MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})",
            f"MERGE (a)-[r:{rel_type}]->(b)",
            "SET r.relation = row.relation, r.symmetric = row.`symmetric:boolean` = 'true',",
            "    r.former = row.`former:boolean` = 'true',",
            "    r.confidence = toFloat(row.`confidence:float`),",
            "    r.sources = " + split.format(c="sources:string[]") + ",",
            "    r.urls = CASE row.`urls:string[]` WHEN '' THEN [] ELSE "
            + split.format(c="urls:string[]")
            + " END,",
            "    r.evidence = row.evidence;",
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_neo4j(nodes: Sequence[Node], edges: Sequence[Edge], directory: Path) -> list[Path]:
    """Write the Neo4j files into ``directory`` (created), each atomically."""
    from kg.store import _atomic_write

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in neo4j_files(nodes, edges).items():
        paths.append(_atomic_write(directory / name, _writer(data)))
    return paths


def _writer(data: bytes) -> Callable[[IO[bytes]], object]:
    return lambda f: f.write(data)
