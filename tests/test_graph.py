"""kg.graph: plain store data -> networkx MultiDiGraph, degrees, layout."""

from __future__ import annotations

import networkx as nx

from kg.graph import degrees, to_networkx

EX = "http://example.org/person/"


def person(key: str, name: str, aliases: tuple[str, ...] = ()) -> dict:
    return {"iri": EX + key, "name": name, "type": "Person", "aliases": list(aliases)}


def rel(
    s: str,
    relation: str,
    o: str,
    *,
    fact=True,
    former=False,
    hedged=False,
    negated=False,
    evidence=(),
) -> dict:
    return {
        "subject": EX + s,
        "relation": relation,
        "object": EX + o,
        "fact": fact,
        "former": former,
        "hedged": hedged,
        "negated": negated,
        "evidence": list(evidence),
    }


def ev(article: str, sentence: str, start: int = 0) -> dict:
    return {
        "sentence": sentence,
        "article_id": article,
        "title": f"Title {article}",
        "url": f"https://news.example/{article}",
        "start": start,
        "end": start + len(sentence),
        "rule": "possessive-kin.v1",
    }


PEOPLE = [
    person("kris", "Kris Jenner", ("Kris", "Momager")),
    person("khloe", "Khloe Kardashian"),
    person("lamar", "Lamar Odom"),
    person("kylie", "Kylie Jenner"),
    person("loner", "Nobody Related"),
]
RELATIONS = [
    rel(
        "kris",
        "motherOf",
        "khloe",
        evidence=[ev("b2", "Kris is Khloe's mom.", 40), ev("a1", "Khloe's mother Kris.", 5)],
    ),
    rel("khloe", "spouseOf", "lamar", former=True, evidence=[ev("a1", "Khloe divorced Lamar.")]),
    rel("kris", "motherOf", "kylie", evidence=[ev("a1", "Kylie's mom Kris.")]),
    rel(
        "lamar",
        "partnerOf",
        "kylie",
        fact=False,
        hedged=True,
        evidence=[ev("c3", "Lamar is reportedly dating Kylie.")],
    ),
    rel(
        "kylie",
        "spouseOf",
        "khloe",
        fact=False,
        negated=True,
        evidence=[ev("c3", "Kylie is not married to Khloe.")],
    ),
]


def test_facts_only_counts_and_isolated_nodes_kept():
    g = to_networkx(PEOPLE, RELATIONS)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == 5
    assert g.number_of_edges() == 3
    assert EX + "loner" in g and g.degree(EX + "loner") == 0


def test_node_attributes():
    g = to_networkx(PEOPLE, RELATIONS)
    assert g.nodes[EX + "kris"] == {
        "name": "Kris Jenner",
        "type": "Person",
        "aliases": ["Kris", "Momager"],
    }


def test_edge_status_evidence_and_sources():
    g = to_networkx(PEOPLE, RELATIONS)
    mother = g.edges[EX + "kris", EX + "khloe", "motherOf"]
    assert mother["relation"] == "motherOf"
    assert mother["status"] == "current"
    assert (mother["fact"], mother["hedged"], mother["negated"]) == (True, False, False)
    assert [e["article_id"] for e in mother["evidence"]] == ["a1", "b2"]  # sorted
    assert mother["evidence"][1]["sentence"] == "Kris is Khloe's mom."
    assert mother["sources"] == ["a1", "b2"]
    assert g.edges[EX + "khloe", EX + "lamar", "spouseOf"]["status"] == "former"


def test_include_claims_adds_hedged_and_negated_relations():
    g = to_networkx(PEOPLE, RELATIONS, include_claims=True)
    assert g.number_of_edges() == 5
    hedged = g.edges[EX + "lamar", EX + "kylie", "partnerOf"]
    negated = g.edges[EX + "kylie", EX + "khloe", "spouseOf"]
    assert (hedged["fact"], hedged["hedged"], hedged["negated"]) == (False, True, False)
    assert (negated["fact"], negated["negated"]) == (False, True)
    assert hedged["sources"] == ["c3"]


def test_unknown_endpoint_gets_a_node_named_after_the_iri():
    g = to_networkx([], [rel("ann", "siblingOf", "bob")])
    assert sorted(g.nodes[n]["name"] for n in g) == ["ann", "bob"]


def test_repeated_relation_keeps_all_evidence():
    g = to_networkx(
        PEOPLE,
        [
            rel("kris", "motherOf", "kylie", evidence=[ev("a1", "one")]),
            rel("kris", "motherOf", "kylie", evidence=[ev("b2", "two")]),
        ],
    )
    data = g.edges[EX + "kris", EX + "kylie", "motherOf"]
    assert g.number_of_edges() == 1
    assert [e["sentence"] for e in data["evidence"]] == ["one", "two"]
    assert data["sources"] == ["a1", "b2"]


def test_degrees_count_distinct_fact_neighbours():
    g = to_networkx(PEOPLE, RELATIONS + [rel("kris", "parentOf", "khloe")], include_claims=True)
    assert degrees(g) == {
        EX + "khloe": 2,
        EX + "kris": 2,
        EX + "kylie": 1,
        EX + "lamar": 1,
        EX + "loner": 0,
    }
    assert degrees(g, facts_only=False)[EX + "kylie"] == 3
