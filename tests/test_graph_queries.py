"""kg.graph / kg.analysis / kg.names on small hand-built graphs: path, neighbours, family, ranks."""

from __future__ import annotations

import pytest

from kg.analysis import centrality, communities, family, stats
from kg.errors import KGError, UnknownNameError
from kg.graph import (
    NoPathError,
    ego_graph,
    facts_view,
    links_between,
    neighbors,
    resolve,
    shortest_path,
    to_networkx,
)
from kg.names import AmbiguousNameError, NameIndex, UnknownPersonError, normalize

EX = "http://example.org/person/"


def person(key, name, *aliases):
    return {"iri": EX + key, "name": name, "type": "Person", "aliases": list(aliases)}


def rel(s, relation, o, fact=True, sentence=None, article="a1", **flags):
    sentence = sentence or f"{s} {relation} {o}."
    evidence = [
        {
            "sentence": sentence,
            "article_id": article,
            "title": f"T {article}",
            "url": f"https://news.example/{article}",
            "start": 0,
            "end": len(sentence),
        }
    ]
    return {"subject": EX + s, "relation": relation, "object": EX + o, "fact": fact,
            "former": False, "hedged": False, "negated": False, "evidence": evidence,
            **flags}  # fmt: skip


# Three generations, a divorce, a second marriage, a rumour and a denial.
PEOPLE = [
    person("mj", "Mary Jenner", "Grandma"),
    person("kris", "Kris Jenner", "Kris", "Momager", "Mom"),
    person("rob", "Robert Kardashian", "Rob"),
    person("cait", "Caitlyn Jenner"),
    person("khloe", "Khloé Kardashian", "Khloe", "Koko"),
    person("kim", "Kim Kardashian", "Kim"),
    person("kylie", "Kylie Jenner", "Kylie"),
    person("lamar", "Lamar Odom", "Lamar"),
    person("true", "True Thompson"),
    person("tristan", "Tristan Thompson", "Tristan"),
    person("margot", "Margot Calloway", "Mom"),
    person("loner", "Nobody Related"),
]
RELATIONS = [
    rel("mj", "motherOf", "kris"),
    rel("kris", "motherOf", "khloe", sentence="Kris is Khloe's mom.", article="b2"),
    rel("kris", "parentOf", "khloe"),
    rel("kim", "childOf", "kris"),
    rel("rob", "fatherOf", "khloe"),
    rel("kris", "spouseOf", "rob", former=True),
    rel("cait", "spouseOf", "kris", former=True),
    rel("cait", "fatherOf", "kylie"),
    rel("kris", "motherOf", "kylie"),
    rel("khloe", "spouseOf", "lamar", former=True, sentence="Khloe divorced Lamar.", article="c3"),
    rel("khloe", "motherOf", "true"),
    rel("tristan", "fatherOf", "true"),
    rel("khloe", "partnerOf", "tristan", former=True),
    rel("lamar", "partnerOf", "kylie", fact=False, hedged=True),
    rel("kim", "engagedTo", "lamar", fact=False, negated=True),
]


@pytest.fixture(scope="module")
def g():
    return to_networkx(PEOPLE, RELATIONS, include_claims=True)


def ids(items, key="iri"):
    return [item[key][len(EX) :] for item in items]


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("Kris Jenner", "kris"),
        ("kris jenner", "kris"),
        ("  KRIS   JENNER ", "kris"),
        ("Kris", "kris"),  # alias
        ("momager", "kris"),
        ("Khloé Kardashian", "khloe"),
        ("Khloe Kardashian", "khloe"),  # accent-insensitive
        ("KHLOÉ", "khloe"),
        ("koko", "khloe"),
        (EX + "true", "true"),  # the IRI
        ("true", "true"),  # the id
    ],
)
def test_names_resolve_through_name_alias_and_id(g, typed, who):
    assert resolve(g, typed) == EX + who


def test_a_full_name_beats_someone_elses_alias():
    index = NameIndex([("a", "Kim", []), ("b", "Kim Kardashian", ["Kim"])])
    assert index.resolve("kim") == "a"
    assert index.resolve("Kim Kardashian") == "b"


def test_a_shared_alias_is_ambiguous(g):
    with pytest.raises(AmbiguousNameError, match="'Mom' could be Kris Jenner or Margot Calloway"):
        resolve(g, "Mom")


def test_people_with_the_same_name_are_told_apart_by_id():
    index = NameIndex([(EX + "ivy-1", "Ivy", []), (EX + "ivy-2", "Ivy", [])])
    with pytest.raises(AmbiguousNameError) as info:
        index.resolve("ivy")
    assert info.value.suggestions == ["Ivy (id ivy-1)", "Ivy (id ivy-2)"]
    assert "or the id" in str(info.value)
    assert index.resolve("ivy-2") == EX + "ivy-2"


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Kriss Jener", ["Kris Jenner"]),
        ("Kardashian", ["Khloé Kardashian", "Kim Kardashian", "Robert Kardashian"]),
        ("Lamarr", ["Lamar Odom"]),
        ("zzzz", []),
    ],
)
def test_unknown_names_suggest_close_ones(g, typed, suggested):
    with pytest.raises(UnknownPersonError) as info:
        resolve(g, typed)
    assert not isinstance(info.value, AmbiguousNameError)
    assert isinstance(info.value, KGError) and info.value.exit_code == 1
    assert info.value.suggestions == suggested
    message = str(info.value)
    assert message.startswith(f"No person named {typed!r}")
    assert ("did you mean" in message) == bool(suggested)


def test_normalize_drops_case_accents_and_punctuation():
    assert (
        normalize("Zoë  Saldaña-Perego") == normalize("zoe saldana perego") == "zoe saldana perego"
    )
    assert normalize("Dominic Reyes Jr.") == normalize("dominic reyes jr")
    assert normalize("ÅSA Ekström") == "asa ekstrom"


# ------------------------------------------------------------------ paths


def test_path_hops_carry_relation_status_and_evidence(g):
    hops = shortest_path(g, EX + "kris", EX + "lamar")
    assert [(h["from_name"], h["to_name"]) for h in hops] == [
        ("Kris Jenner", "Khloé Kardashian"),
        ("Khloé Kardashian", "Lamar Odom"),
    ]
    first, second = hops[0]["links"], hops[1]["links"]
    assert [(x["relation"], x["status"]) for x in first] == [
        ("motherOf", "current"),
        ("parentOf", "current"),
    ]
    assert first[0]["evidence"][0]["sentence"] == "Kris is Khloe's mom."
    assert first[0]["evidence"][0]["article_id"] == "b2"
    assert [(x["subject_name"], x["relation"], x["status"]) for x in second] == [
        ("Khloé Kardashian", "spouseOf", "former")
    ]
    assert second[0]["evidence"][0] == {
        "sentence": "Khloe divorced Lamar.", "article_id": "c3", "title": "T c3",
        "url": "https://news.example/c3", "start": 0, "end": 21,
    }  # fmt: skip


def test_path_walked_backwards_keeps_stated_direction_but_turns_symmetric_facts(g):
    hops = shortest_path(g, EX + "lamar", EX + "kris")
    assert [(x["subject_name"], x["relation"], x["object_name"]) for x in hops[0]["links"]] == [
        ("Lamar Odom", "spouseOf", "Khloé Kardashian")
    ]
    assert hops[1]["links"][0]["subject_name"] == "Kris Jenner"  # motherOf is not reversible


def test_claims_never_connect_people(g):
    # Lamar - Kylie is only a hedged rumour; the real path goes through the family.
    hops = shortest_path(g, EX + "lamar", EX + "kylie")
    assert len(hops) == 3
    assert all(x["relation"] != "partnerOf" for h in hops for x in h["links"])
    assert EX + "kylie" not in facts_view(g)[EX + "lamar"]
    assert links_between(g, EX + "lamar", EX + "kylie") == []


@pytest.mark.parametrize("order", [1, -1])
def test_equally_short_paths_are_chosen_by_name_whatever_the_load_order(order):
    # a - zed - d and a - amy - d are both two hops: the one through "Amy" wins.
    people = [person("a", "Ann"), person("z", "Zed"), person("m", "Amy"), person("d", "Dan")]
    relations = [rel("a", "friendOf", "z"), rel("z", "friendOf", "d"),
                 rel("a", "friendOf", "m"), rel("m", "friendOf", "d")]  # fmt: skip
    g = to_networkx(people[::order], relations[::order])
    assert [h["to_name"] for h in shortest_path(g, EX + "a", EX + "d")] == ["Amy", "Dan"]


def test_no_path_is_a_clear_error(g):
    with pytest.raises(
        NoPathError, match="No connection between 'Kris Jenner' and 'Nobody Related'"
    ):
        shortest_path(g, EX + "kris", EX + "loner")


def test_path_to_oneself_has_no_hops(g):
    assert shortest_path(g, EX + "kim", EX + "kim") == []


def test_neighbors_by_depth(g):
    one = neighbors(g, EX + "lamar")
    assert ids(one) == ["khloe"]
    assert one[0]["distance"] == 1 and one[0]["links"][0]["relation"] == "spouseOf"
    two = neighbors(g, EX + "lamar", depth=2)
    assert ids(two) == ["khloe", "kris", "rob", "tristan", "true"]
    assert {n["via"] for n in two[1:]} == {EX + "khloe"}
    assert [n["distance"] for n in two] == [1, 2, 2, 2, 2]
    with pytest.raises(KGError, match="depth must be 1 or more"):
        neighbors(g, EX + "lamar", depth=0)


def test_ego_graph_keeps_claims_among_the_people_it_keeps(g):
    ego = ego_graph(g, EX + "lamar", 3)
    assert EX + "kylie" in ego and EX + "kim" in ego
    assert ego.has_edge(EX + "lamar", EX + "kylie", "partnerOf")  # the rumour, still a claim
    assert EX + "mj" in ego and EX + "margot" not in ego and EX + "loner" not in ego
    assert EX + "mj" not in ego_graph(g, EX + "lamar", 2)
    assert sorted(ego_graph(g, EX + "loner", 2)) == [EX + "loner"]


# ------------------------------------------------------------------ family


def test_family_roles_stated_and_inferred(g):
    members = family(g, EX + "khloe")
    roles = {(m["role"], m["iri"][len(EX) :], m["via"] and m["via"][len(EX) :]) for m in members}
    assert roles == {
        ("parents", "kris", None),
        ("parents", "rob", None),
        ("siblings", "kim", "kris"),  # sharing a parent
        ("siblings", "kylie", "kris"),  # half-sister, through Kris
        ("exes", "lamar", None),
        ("exes", "tristan", None),  # former partner
        ("children", "true", None),
        ("grandparents", "mj", "kris"),
    }
    parents = [m for m in members if m["role"] == "parents"]
    kris = parents[0]
    assert [x["relation"] for x in kris["links"]] == ["motherOf", "parentOf"]
    assert [m["role"] for m in members] == sorted(
        [m["role"] for m in members],
        key=["parents", "children", "siblings", "spouses", "exes", "partners",
             "grandparents", "grandchildren", "relatives"].index,
    )  # fmt: skip


def test_family_of_a_grandmother(g):
    members = family(g, EX + "mj")
    assert {(m["role"], m["name"]) for m in members} == {
        ("children", "Kris Jenner"),
        ("grandchildren", "Khloé Kardashian"),
        ("grandchildren", "Kim Kardashian"),
        ("grandchildren", "Kylie Jenner"),
    }
    grand = next(m for m in members if m["name"] == "Kim Kardashian")
    assert grand["via_name"] == "Kris Jenner"
    assert [x["relation"] for x in grand["links"]] == ["motherOf", "childOf"]


def test_current_spouses_and_partners_are_not_exes():
    g = to_networkx(
        [person("a", "A"), person("b", "B"), person("c", "C")],
        [rel("a", "spouseOf", "b"), rel("c", "engagedTo", "a")],
    )
    assert [(m["role"], m["name"]) for m in family(g, EX + "a")] == [
        ("spouses", "B"),
        ("partners", "C"),
    ]


def test_hedged_and_negated_claims_are_not_family(g):
    assert "partners" not in {m["role"] for m in family(g, EX + "kylie")}
    assert {m["name"] for m in family(g, EX + "lamar")} == {"Khloé Kardashian"}


# ------------------------------------------------------------------ whole graph


def test_top_by_degree_betweenness_pagerank(g):
    by_degree = centrality(g, "degree", limit=3)
    assert [(r["name"], r["score"]) for r in by_degree] == [
        ("Kris Jenner", 6),
        ("Khloé Kardashian", 5),
        ("Caitlyn Jenner", 2),  # ties by name
    ]
    assert centrality(g, "betweenness", limit=1)[0]["name"] == "Kris Jenner"
    ranks = centrality(g, "pagerank", limit=20)
    assert len(ranks) == g.number_of_nodes()
    assert ranks[0]["name"] in {"Kris Jenner", "Khloé Kardashian"}
    assert ranks[-1]["name"] == "Nobody Related"
    assert abs(sum(r["score"] for r in ranks) - 1) < 1e-3


def test_top_rejects_unknown_measures(g):
    with pytest.raises(UnknownNameError, match="Available: betweenness, degree, pagerank"):
        centrality(g, "closeness")
    with pytest.raises(KGError, match="limit must be 1 or more"):
        centrality(g, "degree", limit=0)


def test_betweenness_is_sampled_on_big_graphs(monkeypatch, g):
    from kg import analysis

    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLE", 4)
    first = centrality(g, "betweenness", limit=5)
    assert first == centrality(g, "betweenness", limit=5)  # seeded


def test_communities_are_seeded_and_sorted():
    people = [person(k, k.upper()) for k in "abcdefgh"]
    clique = [("a", "b"), ("a", "c"), ("b", "c"), ("d", "e"), ("d", "f"), ("e", "f")]
    relations = [rel(s, "friendOf", o) for s, o in clique] + [rel("c", "siblingOf", "d")]
    relations.append(rel("g", "friendOf", "h", fact=False, hedged=True))
    g = to_networkx(people, relations, include_claims=True)
    groups = communities(g)
    assert [c["names"] for c in groups] == [
        ["C", "A", "B"],
        ["D", "E", "F"],
        ["G"],
        ["H"],
    ]
    assert groups == communities(g)
    assert [c["community"] for c in communities(g, min_size=2)] == [1, 2]


def test_stats(g):
    figures = stats(g)
    assert figures["people"] == 12
    assert figures["relations"] == 13
    assert figures["former_relations"] == 4
    assert (figures["hedged_claims"], figures["negated_claims"]) == (1, 1)
    assert figures["articles"] == 3
    assert (figures["components"], figures["largest_component"]) == (3, 10)
    assert figures["isolated_people"] == 2  # Nobody Related, Margot Calloway
    assert figures["relation_types"]["motherOf"] == 4
    assert sum(figures["relation_types"].values()) == 13
    empty = stats(to_networkx([], []))
    assert empty["people"] == 0 and empty["density"] == 0.0
