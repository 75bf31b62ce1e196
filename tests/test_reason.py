"""Kinship inference (kg.reason) and its explanations (kg.explain, ``kg why``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.explain import explain, render
from kg.model import Article, Claim, Evidence, Extraction
from kg.ontology import load_vocabulary
from kg.pipeline import build
from kg.rdf import GRAPH_INFERENCES, statement_iri
from kg.reason import infer
from kg.store import IRI, Store, entity_iri

VOCAB = load_vocabulary()
MARGOT_MOTHER = "Margot is Sienna Calloway's mother"
IVY_DAUGHTER = "Sienna's daughter, Ivy,"


def kg(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------- rules, pure python


@pytest.mark.parametrize(
    ("facts", "expected", "rule", "premises"),
    [
        (
            {("kris", "motherOf", "kim"), ("kim", "spouseOf", "kanye")},
            ("kris", "parentInLawOf", "kanye"),
            "parent-in-law.v1",
            (("kris", "parentOf", "kim"), ("kim", "spouseOf", "kanye")),
        ),
        (
            {("kris", "motherOf", "kim"), ("kanye", "spouseOf", "kim")},
            ("kanye", "childInLawOf", "kris"),
            "inverse.v1",
            (("kris", "parentInLawOf", "kanye"),),
        ),
        (
            {("kim", "siblingOf", "khloe"), ("khloe", "spouseOf", "lamar")},
            ("kim", "siblingInLawOf", "lamar"),
            "sibling-in-law.v1",
            (("kim", "siblingOf", "khloe"), ("khloe", "spouseOf", "lamar")),
        ),
        (  # the spouse of a sibling, from the symmetric closure
            {("kim", "siblingOf", "khloe"), ("khloe", "spouseOf", "lamar")},
            ("lamar", "siblingInLawOf", "kim"),
            "symmetric.v1",
            (("kim", "siblingInLawOf", "lamar"),),
        ),
        (  # both parents known, the new spouse of one is a step-parent
            {("kris", "motherOf", "kim"), ("robert", "fatherOf", "kim"),
             ("caitlyn", "spouseOf", "kris")},
            ("caitlyn", "stepParentOf", "kim"),
            "step-parent.v1",
            (("caitlyn", "spouseOf", "kris"), ("kris", "parentOf", "kim"),
             ("robert", "parentOf", "kim")),
        ),
        (  # the other parent unknown: the spouse may be them, so only a relative
            {("kris", "motherOf", "kim"), ("caitlyn", "spouseOf", "kris")},
            ("caitlyn", "relativeOf", "kim"),
            "parent-spouse.v1",
            (("caitlyn", "spouseOf", "kris"), ("kris", "parentOf", "kim")),
        ),
    ],
)  # fmt: skip
def test_in_law_and_step_rules(facts, expected, rule, premises) -> None:
    inferred = infer(facts, VOCAB)
    assert inferred[expected].rule == rule
    assert inferred[expected].premises == premises


def test_no_step_parent_when_the_spouse_is_the_other_parent() -> None:
    facts = {
        ("kris", "motherOf", "kim"),
        ("robert", "fatherOf", "kim"),
        ("robert", "spouseOf", "kris"),
    }
    inferred = infer(facts, VOCAB)
    assert not {t for t in inferred if t[1] in {"stepParentOf", "relativeOf", "parentInLawOf"}}


def test_an_ended_marriage_makes_no_in_laws_or_step_parents() -> None:
    facts = {
        ("kris", "motherOf", "khloe"),
        ("khloe", "spouseOf", "lamar"),
        ("kim", "siblingOf", "khloe"),
        ("khloe", "motherOf", "true"),
    }
    ended = {("lamar", "spouseOf", "khloe")}  # either direction
    inferred = infer(facts, VOCAB, ended)
    assert not [t for t in inferred if "lamar" in (t[0], t[2]) and t[1] != "spouseOf"]
    assert ("kris", "grandparentOf", "true") in inferred


def test_every_inference_has_premises_that_hold() -> None:
    facts = {
        ("a", "motherOf", "b"), ("b", "fatherOf", "c"), ("b", "spouseOf", "d"),
        ("e", "siblingOf", "b"), ("f", "childOf", "a"),
    }  # fmt: skip
    inferred = infer(facts, VOCAB)
    assert inferred
    for triple, derivation in inferred.items():
        assert derivation.premises
        for premise in derivation.premises:
            assert premise in facts or premise in inferred, (triple, premise)
    assert not any(r in {"ancestorOf", "descendantOf"} for _, r, _ in inferred)


# ---------------------------------------------------------------- store: claims -> inferences

TEXT = (
    "Kris Jenner is Kim Kardashian's mom. Kim Kardashian married Kanye West. "
    "Kim reportedly dates Pete Davidson. Kim is not Pete Davidson's sister. "
    "Kanye West is reportedly the father of Saint West."
)


def _claim(s: str, rel: str, o: str, sentence: str, **kw: bool) -> Claim:
    start = TEXT.index(sentence)
    return Claim(
        s, rel, o, Evidence("k", sentence, start, start + len(sentence)), rule="r.v1", **kw
    )


CLAIMS = (
    _claim("Kris Jenner", "motherOf", "Kim Kardashian", "Kris Jenner is Kim Kardashian's mom."),
    _claim("Kim Kardashian", "spouseOf", "Kanye West", "Kim Kardashian married Kanye West."),
    _claim(
        "Kim Kardashian",
        "partnerOf",
        "Pete Davidson",
        "Kim reportedly dates Pete Davidson.",
        hedged=True,
    ),
    _claim(
        "Kim Kardashian",
        "siblingOf",
        "Pete Davidson",
        "Kim is not Pete Davidson's sister.",
        negated=True,
    ),
    _claim(
        "Kanye West",
        "fatherOf",
        "Saint West",
        "Kanye West is reportedly the father of Saint West.",
        hedged=True,
    ),
)
KRIS, KIM, KANYE, PETE, SAINT = (
    entity_iri(n, "k")
    for n in ("Kris Jenner", "Kim Kardashian", "Kanye West", "Pete Davidson", "Saint West")
)


@pytest.fixture
def store():
    with Store.open() as s:
        s.add(Extraction(Article("k", TEXT, title="Kim"), claims=CLAIMS))
        s.recompute()
        yield s


def _inferred(store: Store) -> set[tuple[str, str, str]]:
    rows = store.query(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(ckg:))) } }",
        {"g": IRI(GRAPH_INFERENCES)},
    ).rows
    return {(str(s), str(p).rsplit("#", 1)[-1], str(o)) for _g, s, p, o in rows}


def test_negated_and_hedged_claims_infer_nothing(store: Store) -> None:
    inferred = _inferred(store)
    assert (KRIS, "parentInLawOf", KANYE) in inferred
    assert (KANYE, "childInLawOf", KRIS) in inferred
    for who in (PETE, SAINT):
        assert not [t for t in inferred if who in (t[0], t[2])], who


def test_the_in_law_is_linked_to_its_premises_and_their_claims(store: Store) -> None:
    rows = store.query(
        """SELECT ?i ?rule ?premise ?claim WHERE {
             ?i prov:wasGeneratedBy ?rule ; prov:wasDerivedFrom ?premise .
             OPTIONAL { ?premise prov:wasDerivedFrom ?claim } }""",
        {"i": IRI(statement_iri(KRIS, "parentInLawOf", KANYE))},
    ).rows
    assert {r[1].rsplit("/", 1)[-1] for r in rows} == {"parent-in-law.v1"}
    assert {r[2] for r in rows} == {
        statement_iri(KRIS, "parentOf", KIM),
        statement_iri(KIM, "spouseOf", KANYE),
    }
    step = explain(store, KRIS, "parentInLawOf", KANYE)
    assert step is not None and step.kind == "inferred"
    assert step.sentences() == [
        "Kris Jenner is Kim Kardashian's mom.",
        "Kim Kardashian married Kanye West.",
    ]


def test_explain_a_fact_and_a_missing_triple(store: Store) -> None:
    step = explain(store, KANYE, "spouseOf", KIM)  # stored the other way round
    assert step is not None and step.kind == "fact"
    assert [s.sentence for s in step.sources] == ["Kim Kardashian married Kanye West."]
    assert render(step).startswith("Kanye West spouseOf Kim Kardashian  (fact)")
    assert explain(store, KIM, "partnerOf", PETE) is None  # only hedged


# ---------------------------------------------------------------- kg why, real extraction


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("why") / "out"
    build([seeds_dir], out)
    return out


def test_why_explains_the_seeds_grandmother_with_both_evidence_sentences(seeds_out: Path) -> None:
    code, stdout, stderr = kg("why", "Margot Calloway", "grandparentOf", "Ivy", "-o", seeds_out)
    assert code == 0, stderr
    lines = stdout.splitlines()
    assert lines[0] == "Margot Calloway grandparentOf Ivy  (inferred: grandparent.v1)"
    mother = next(line for line in lines if MARGOT_MOTHER in line)
    daughter = next(line for line in lines if IVY_DAUGHTER in line)
    for line in (mother, daughter):
        assert '"Margot Calloway Celebrates 70 With a Star-Studded Bash in Malibu"' in line
        assert "chars " in line
    seed = (
        Path(__file__).parent.parent / "seeds" / "margot-calloway-70th-birthday.txt"
    ).read_text()
    assert MARGOT_MOTHER in seed and IVY_DAUGHTER in seed


def test_why_json_and_the_inverse(seeds_out: Path) -> None:
    code, stdout, _ = kg(
        "why", "Ivy", "grandchildOf", "margot calloway", "-o", seeds_out, "--format", "json"
    )
    assert code == 0
    data = json.loads(stdout)
    assert (data["kind"], data["rule"]) == ("inferred", "inverse.v1")
    [grand] = data["premises"]
    assert grand["relation"] == "grandparentOf"
    sentences = json.dumps(grand)
    assert MARGOT_MOTHER in sentences and "Sienna's daughter, Ivy" in sentences


def test_why_from_a_hand_written_article(tmp_path: Path) -> None:
    article = tmp_path / "family.txt"
    article.write_text(
        "Birthday\n\nMargot Calloway is Sienna Calloway's mother. "
        "Sienna's daughter, Ivy, sang at the party.\n",
        encoding="utf-8",
    )
    build([article], tmp_path / "out")
    code, stdout, _ = kg("why", "Margot Calloway", "grandparentOf", "Ivy", "-o", tmp_path / "out")
    assert code == 0
    assert "Margot Calloway is Sienna Calloway's mother." in stdout
    assert "Sienna's daughter, Ivy, sang at the party." in stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("Margot Calloway", "grandmaOf", "Ivy"), 2, "Unknown relation 'grandmaOf'. Available: "),
        (("Margott Caloway", "grandparentOf", "Ivy"), 1, "did you mean Margot Calloway"),
        (("Ivy", "grandparentOf", "Margot Calloway"), 1, "neither a fact nor an inference"),
    ],
)
def test_why_errors_are_one_clear_line(seeds_out: Path, args, code: int, message: str) -> None:
    got, stdout, stderr = kg("why", *args, "-o", seeds_out)
    assert got == code and stdout == ""
    assert message in stderr and len(stderr.strip().splitlines()) == 1
