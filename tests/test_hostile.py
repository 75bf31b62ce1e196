"""Hostile input (issue 7): nothing lost, nothing injected, nothing leaked.

Inputs, SPARQL, RDF input, names and the property tests; crashes, full disks
and concurrent processes are in ``test_faults.py``. ``docs/hostile-input.md``
lists every case with its observed behaviour and the test that checks it.

Everything runs on real components: the real spaCy model, real Oxigraph
stores, ``python -m kg`` in real processes, a real HTTP server on 127.0.0.1
that counts the requests a query would make.
"""

from __future__ import annotations

import ast
import csv
import gc
import http.server
import io
import itertools
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from helpers import plain, rdf_graph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.chunks import MAX_CHARS, chunk_spans, split_article
from kg.clean import clean_text
from kg.cli import app
from kg.errors import InputError, OntologyError, QueryError
from kg.export import FORMATS, export
from kg.export_rdf import xml_safe
from kg.ingest import Skipped, read_articles
from kg.model import Article, Claim, Entity, Evidence, Extraction
from kg.ontology import ONTOLOGY_DIR, load_vocabulary
from kg.rdf import BASE, entity_iri
from kg.rdf_input import read_rdf
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- helpers


def kg_process(*args: object, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m kg ARGS`` as a script runs it: pipes, no terminal, no stdin."""
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


def kg_inproc(*args: object, input: str | None = None) -> SimpleNamespace:
    """``kg ARGS`` in this process (faster); keeps only the text, so the store lock goes."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    run = SimpleNamespace(
        exit_code=result.exit_code,
        stdout=result.stdout,
        stderr=result.stderr,
        exception=None if result.exception is None else type(result.exception).__name__,
    )
    del result
    gc.collect()
    return run


def one_line_error(stderr: str, returncode: int, code: int = 1) -> str:
    """The single ``error:`` line of a clean failure (no traceback, exit ``code``)."""
    assert returncode == code, stderr
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def all_quads(store_dir: Path) -> set[str]:
    """Every quad of the store in ``store_dir`` (opened exclusively, then let go)."""
    store = ox.Store(str(store_dir))
    quads = {str(q) for q in store}
    del store
    gc.collect()
    return quads


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture()
def web() -> Iterator[SimpleNamespace]:
    """A real HTTP server on 127.0.0.1 that records every request it gets.

    It answers like a SPARQL endpoint (one row, ``"from the network"``), so a query
    that reached it would succeed: only a refusal keeps ``hits`` empty.
    """
    hits: list[str] = []
    body = json.dumps(
        {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal",
         "value": "from the network"}}]}}
    ).encode()  # fmt: skip

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            hits.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_address[1]}", hits=hits)
    finally:
        server.shutdown()
        server.server_close()


# ================================================================= inputs

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
HTML = """<!DOCTYPE html><html><head><title>Ventura family news</title>
<style>body { color: red }
.x:after { content: "Quentin Varga is the husband of Rhea Varga" }</style>
<script>var s = "Zebulon Quark is the father of Yardley Quark"; alert("pwned");</script>
</head><body>
<nav><a href="/">Home</a> | Hortense Blackwood married Ignatius Blackwood | Celebrities</nav>
<header>Subscribe to our newsletter for more gossip</header>
<div class="cookie-banner">We use cookies. Accept all cookies to continue.</div>
<article><h1>Ventura family news</h1>
<p>Marisol Ventura is the mother of Teodoro Ventura. The family lives in Seville,
where Marisol Ventura runs a small bakery that her own mother opened decades ago.</p>
<p>Teodoro Ventura married Lucinda Ferro in 2018, and the couple still visits the
bakery every Sunday morning with their friends from the neighbourhood.</p>
<p>Neighbours say the bakery is the heart of the street and that the Venturas
are the kind of family everyone wants to have next door.</p>
</article>
<aside>Trending: Octavia Pell is the sister of Ruben Pell</aside>
<footer>Copyright 2024 Gossip Inc. All rights reserved. Privacy policy.</footer>
<script src="https://tracker.example/t.js"></script>
</body></html>"""
BROKEN_JSONL = [
    json.dumps({"id": "rec-1", "text": "Tobias Wexford and Ingrid Solberg tied the knot in 2019."}),
    '{"id": "rec-2", "text": "Mira Castellane is the sister of',  # cut off
    json.dumps({"id": "rec-3", "title": "a record without text"}),
    json.dumps({"id": "rec-4", "text": 42}),
    json.dumps(["not", "an", "object"]),
    "",
    json.dumps({"id": "rec-5", "text": "Pippa Lindqvist is the sister of Jasper Lindqvist."}),
]
#: file (or file:line) -> a word the warning must hold
BAD_ITEMS = {
    "empty.txt": "empty file",
    "blank.md": "empty file",
    "photo.png": "unsupported file type",
    "photo.txt": "binary file",
    "nul.txt": "binary file",
    "news.jsonl:2": "not valid JSON",
    "news.jsonl:3": "no 'text' field",
    "news.jsonl:4": "'text' is not a non-empty string",
    "news.jsonl:5": "not a JSON object",
}


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A folder of every kind of bad input next to good ones, built once by ``kg build``."""
    work = tmp_path_factory.mktemp("inbox")
    folder = work / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \n\t\r\n")
    (folder / "photo.png").write_bytes(PNG)
    (folder / "photo.txt").write_bytes(PNG)  # a picture with a text name
    (folder / "nul.txt").write_bytes(b"Kim\x00Kanye\x00" * 40)
    windows = (
        "Ren\u00e9e Falkenrath is the mother of Bastien Falkenrath. "
        "\u201cWe are close,\u201d she said."
    )
    (folder / "windows.txt").write_bytes(windows.encode("cp1252"))
    bom = "Odile Marchetti is the sister of Paulo Marchetti. They grew up in Turin."
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + bom.encode("utf-8"))
    (folder / "news.jsonl").write_text("\n".join(BROKEN_JSONL) + "\n", encoding="utf-8")
    (folder / "page.html").write_text(HTML, encoding="utf-8")
    out = work / "out"
    proc = kg_process("build", folder, "-o", out, cwd=work)
    with Store.open(out / "store") as store:
        people = {p["name"] for p in store.people()}
        literals = {q.object.value for q in store.oxigraph if isinstance(q.object, ox.Literal)}
        ids = store.article_ids()
    return SimpleNamespace(
        work=work, folder=folder, out=out, proc=proc, people=people, literals=literals, ids=ids
    )


def test_bad_items_in_a_folder_are_one_warning_each_and_the_build_goes_on(inbox) -> None:
    proc = inbox.proc
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("skipped ")]
    assert len(warnings) == len(BAD_ITEMS), proc.stderr
    for where, problem in BAD_ITEMS.items():
        [line] = [w for w in warnings if f"{os.sep}{where}: " in w]
        assert problem in line, line
        assert "; " in line.split(f"{where}: ", 1)[1], f"no fix in {line!r}"
    for good in ("windows.txt", "bom.txt", "page.html", "news.jsonl:1", "news.jsonl:7"):
        assert good not in proc.stderr
    assert f"skipped {len(BAD_ITEMS)} bad items" in proc.stderr
    # stdout carries only the written paths
    assert [Path(p).name for p in proc.stdout.split()] == ["graph.trig", "graph.ttl", "graph.html"]


def test_cp1252_and_bom_files_are_read_as_the_text_they_are(inbox) -> None:
    assert {"Ren\u00e9e Falkenrath", "Bastien Falkenrath"} <= inbox.people
    assert {"Odile Marchetti", "Paulo Marchetti"} <= inbox.people
    assert not any("\ufeff" in text or "\ufffd" in text for text in inbox.literals)
    [windows] = list(read_articles([inbox.folder / "windows.txt"]))
    assert "\u201cWe are close,\u201d she said." in windows.text


def test_jsonl_good_lines_are_read_around_the_broken_ones(inbox) -> None:
    assert {"rec-1", "rec-5"} <= inbox.ids
    assert not {"rec-2", "rec-3", "rec-4"} & inbox.ids
    assert {"Pippa Lindqvist", "Jasper Lindqvist", "Ingrid Solberg"} <= inbox.people


def test_html_gives_only_the_main_text(inbox) -> None:
    assert {"Marisol Ventura", "Teodoro Ventura"} <= inbox.people
    text = "\n".join(inbox.literals)
    for debris in ("Zebulon", "Quentin", "Hortense", "Octavia", "alert(", "cookies",
                   "Copyright", "newsletter", "color: red", "tracker.example"):  # fmt: skip
        assert debris not in text, debris


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("photo.png", PNG, "unsupported file type"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_a_bad_file_named_on_the_command_line_is_a_clean_error(
    inbox, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    (tmp_path / name).write_bytes(content)
    before = all_quads(inbox.out / "store")
    trig = (inbox.out / "graph.trig").read_bytes()
    proc = kg_process("build", tmp_path / name, "-o", inbox.out, cwd=tmp_path)
    line = one_line_error(proc.stderr, proc.returncode)
    assert name in line and problem in line and "; use " in line
    assert all_quads(inbox.out / "store") == before
    assert (inbox.out / "graph.trig").read_bytes() == trig


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("nul.txt", b"Kim\x00Kanye\x00" * 40, "binary file, not text; remove it or convert it"),
        ("picture.md", PNG, "binary file"),
        ("utf16.jsonl", '{"text": "Kim"}'.encode("utf-16"), "UTF-16/UTF-32 file; convert it to"),
    ],
)
def test_an_unreadable_file_named_on_the_command_line_is_one_warning(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    """Observed: like a bad item of a folder, a warning naming the file and the fix, exit 0."""
    (tmp_path / name).write_bytes(content)
    run = kg_inproc("extract", tmp_path / name)
    assert run.exit_code == 0, run.stderr
    assert run.exception is None
    assert run.stdout == ""
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("skipped ") and name in lines[0], lines
    assert problem in lines[0]


def test_a_line_that_breaks_later_does_not_delete_its_stored_article(tmp_path: Path) -> None:
    """A JSONL file re-read with a damaged line keeps the article that line held."""
    good = [
        {"id": "rec-1", "text": "Tobias Wexford and Ingrid Solberg tied the knot in 2019."},
        {"id": "rec-2", "text": "Mira Castellane is the sister of Nadia Castellane."},
        {"id": "rec-3", "text": "Pippa Lindqvist is the sister of Jasper Lindqvist."},
    ]
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in good), encoding="utf-8")
    out = tmp_path / "out"
    assert kg_process("build", news, "-o", out, cwd=tmp_path).returncode == 0
    lines = news.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][:40]  # a disk error or a bad edit cuts the line
    news.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = kg_process("build", news, "-o", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "news.jsonl:2" in proc.stderr
    with Store.open(out / "store") as store:
        assert store.article_ids() == {"rec-1", "rec-2", "rec-3"}


# ---------------------------------------------------------------- 5 MB articles


def _prose(size: int) -> str:
    sentence = "Kris Jenner is the mother of Khloe Kardashian and they were seen in Paris. "
    paragraph = sentence * 12
    return "\n\n".join(itertools.repeat(paragraph.strip(), size // (len(paragraph) + 2) + 1))


def test_a_5mb_article_is_read_whole_and_cut_into_pieces_that_cover_it(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(_prose(5_000_000), encoding="utf-8")
    [article] = list(read_articles([path]))
    assert isinstance(article, Article) and len(article.text) > 4_900_000
    pieces = split_article(article)
    assert len(pieces) >= 50
    assert "".join(piece.text for _, piece in pieces) == article.text
    for offset, piece in pieces:
        assert 0 < len(piece.text) <= MAX_CHARS
        assert article.text[offset : offset + len(piece.text)] == piece.text
        assert piece.id == article.id
    # every cut falls at a paragraph break
    assert all(piece.text.endswith("\n\n") for _, piece in pieces[:-1])


@pytest.mark.parametrize(
    "text",
    ["x" * 250, "word " * 60, "One. Two! Three? " * 20, "a\nb\n" * 80, "\n\n" * 90, "é😀" * 100],
)
def test_chunks_cover_any_text_in_order(text: str) -> None:
    spans = chunk_spans(text, 37)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(0 < end - start <= 37 for start, end in spans)


def _long_token_article(size: int) -> str:
    """Prose at both ends and ``size`` characters of long tokens between (fast for spaCy)."""
    word = "".join("abcdefghij"[(i * 7) % 10] for i in range(1999)) + "."
    filler = "\n\n".join(itertools.repeat(word, size // (len(word) + 2)))
    return (
        "Kris Jenner is the mother of Khloe Kardashian.\n\n"
        + filler
        + "\n\nLamar Odom was married to Khloe Kardashian until 2016."
    )


def test_kg_extract_reads_a_5mb_article_end_to_end(tmp_path: Path) -> None:
    """Through the real CLI and spaCy: no length error, claims from both ends, right offsets.

    The middle is long tokens, so spaCy's per-token work stays small and the test
    takes seconds; the pieces are cut exactly as for prose (see the test above).
    """
    path = tmp_path / "huge.txt"
    path.write_text(_long_token_article(5_000_000), encoding="utf-8")
    start = time.monotonic()
    proc = kg_process("extract", path, cwd=tmp_path, timeout=600)
    elapsed = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    [article] = list(read_articles([path]))
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    relations = {
        (r["subject"], r["relation"], r["object"]): r for r in records if r["kind"] == "relation"
    }
    assert ("Kris Jenner", "motherOf", "Khloe Kardashian") in relations
    assert ("Khloe Kardashian", "spouseOf", "Lamar Odom") in relations
    for r in relations.values():
        assert article.text[r["start"] : r["end"]] == r["evidence"]
    assert relations[("Khloe Kardashian", "spouseOf", "Lamar Odom")]["start"] > 4_900_000
    assert elapsed < 180, f"{elapsed:.0f} s"


def test_an_article_over_spacys_limit_is_extracted_in_pieces(extractor, monkeypatch) -> None:
    """The real extractor with spaCy's own limit lowered: claims from every piece, offsets whole."""
    monkeypatch.setattr(extractor.nlp, "max_length", 3_000)
    parts = [
        "Kris Jenner is the mother of Khloe Kardashian.",
        "Lamar Odom was married to Khloe Kardashian until 2016.",
        "Kourtney Kardashian is the sister of Kim Kardashian.",
    ]
    filler = "They were seen at a party in Paris on a sunny Tuesday afternoon. " * 20
    text = "\n\n".join(f"{p} {filler}" for p in parts)
    assert len(text) > 3 * 1_000
    result = extractor.extract(Article("long", text))
    found = {(c.subject, c.relation, c.object) for c in result.claims}
    assert ("Kris Jenner", "motherOf", "Khloe Kardashian") in found
    assert ("Khloe Kardashian", "spouseOf", "Lamar Odom") in found
    assert ("Kim Kardashian", "siblingOf", "Kourtney Kardashian") in found
    for c in result.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.sentence


# ---------------------------------------------------------------- 100,000 lines, flat memory

_RSS = """
import resource, sys
from kg.ingest import read_articles
n = sum(1 for _ in read_articles([sys.argv[1]]))
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _jsonl(path: Path, lines: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(lines):
            text = f"Person{i} Alpha is the mother of Person{i} Beta, a source says. " * 2
            f.write(json.dumps({"id": f"r{i}", "title": f"Story {i}", "text": text}) + "\n")
    return path


@pytest.fixture(scope="module")
def lines_100k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _jsonl(tmp_path_factory.mktemp("jsonl") / "100k.jsonl", 100_000)


def test_a_100k_line_jsonl_streams_in_flat_memory(lines_100k: Path, tmp_path: Path) -> None:
    """Reading 100,000 records costs no more memory than reading 10,000 (the file is ~20 MB).

    Measured on the reader (``kg.ingest``) in its own process: spaCy on 100,000
    records would take ~10 minutes here. That ``kg extract`` and ``kg build``
    consume the reader lazily is checked by the next test.
    """
    small = _jsonl(tmp_path / "10k.jsonl", 10_000)
    peaks = {}
    for path, lines in ((small, 10_000), (lines_100k, 100_000)):
        proc = subprocess.run(
            [sys.executable, "-c", _RSS, str(path)], capture_output=True, text=True, timeout=300
        )
        count, rss_kb = map(int, proc.stdout.split())
        assert count == lines, proc.stderr
        peaks[lines] = rss_kb
    assert lines_100k.stat().st_size > 15_000_000
    assert peaks[100_000] - peaks[10_000] < 8_000, peaks  # KB: far below the file's size


def _file_position(path: Path) -> int | None:
    """Where this process's open handle on ``path`` stands (Linux /proc), or None."""
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                info = Path(f"/proc/self/fdinfo/{fd}").read_text()
                return int(re.search(r"pos:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        except OSError:
            continue
    return None


def test_extraction_reads_the_jsonl_lazily(lines_100k: Path) -> None:
    """The first extractions come while the reader has read only the start of the file."""
    from kg.pipeline import extract

    stream = extract([lines_100k])
    first = list(itertools.islice(stream, 40))
    assert [ex.article.id for ex in first] == [f"r{i}" for i in range(40)]
    position = _file_position(lines_100k)
    assert position is not None and position < lines_100k.stat().st_size // 20, position
    stream.close()


# ================================================================= names

HOSTILE_NAMES = {
    "quotes": 'Ann "Ace" O\'Neil',
    "newline": "Bo\nLee Line",
    "control": "Cy\x01\x1b[31m Red",
    "emoji": "Dee \U0001f600 Star",
    "rtl override": "\u202eEve Lee\u202c",
    "hebrew": "\u05e4\u05e8\u05d7 \u05db\u05d4\u05df",
    "iri": "http://evil.example/x> <http://evil.example/y",
    "relative path": "../../etc/passwd",
    "absolute path": "/tmp/kg-evil-abs",
    "sparql": 'x" } ; DROP ALL ; {',
    "html": "</script><script>alert(1)</script>",
    "shell": "$(touch kg-pwned) `id`",
    "rich markup": "[/] [bold]Kim[/bold] [link=file:///etc/passwd]x[/link]",
}
NAMES = list(HOSTILE_NAMES.values())
_RELS = ["motherOf", "spouseOf", "siblingOf", "fatherOf", "friendOf", "partnerOf"]
SENTENCE = "They are family [/caption] \x1b[2J."


def _hostile_extraction() -> Extraction:
    ev = Evidence("../../hostile\n\x00id", SENTENCE, 0, len(SENTENCE))
    claims = tuple(
        Claim(NAMES[i], _RELS[i % len(_RELS)], NAMES[i + 1], ev, rule="r.v1")
        for i in range(len(NAMES) - 1)
    )
    article = Article(
        ev.article_id,
        SENTENCE,
        title="</title><script>alert(2)</script>",
        url="javascript:alert(3)",
    )
    return Extraction(article, tuple(Entity(n) for n in NAMES), claims)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A build folder whose store holds the hostile names, relations between them in a chain."""
    work = tmp_path_factory.mktemp("names")
    out = work / "out"
    with Store.open(out / "store") as store:
        store.add(_hostile_extraction())
        store.recompute()
    return SimpleNamespace(work=work, out=out, quads=all_quads(out / "store"))


def test_hostile_names_are_stored_and_read_back_exactly(hostile_out) -> None:
    run = kg_inproc(
        "query", "SELECT ?n WHERE { ?e rdfs:label ?n }", "--format", "json", "-o", hostile_out.out
    )
    assert run.exit_code == 0, run.stderr
    assert sorted(r["n"] for r in json.loads(run.stdout)) == sorted(NAMES)
    with Store.open(hostile_out.out / "store") as store:
        iris = {p["name"]: p["iri"] for p in store.people()}
    assert set(iris) == set(NAMES)
    for iri in iris.values():  # a name never escapes its IRI
        assert iri.startswith(BASE + "person/") and ox.NamedNode(iri).value == iri
        assert not re.search(r"[\s<>\"{}|\\^`]", iri), iri


@pytest.mark.parametrize("name", ["sparql", "quotes", "relative path", "iri", "newline"])
def test_a_hostile_name_on_the_command_line_is_a_value(hostile_out, name: str) -> None:
    """Names given to path/family/why/neighbors are looked up, never pasted into a query."""
    who = HOSTILE_NAMES[name]
    other = NAMES[0] if who != NAMES[0] else NAMES[1]
    runs = [
        kg_inproc("path", who, other, "--format", "json", "-o", hostile_out.out),
        kg_inproc("family", who, "--format", "json", "-o", hostile_out.out),
        kg_inproc("neighbors", who, "--format", "json", "-o", hostile_out.out),
    ]
    for run in runs:
        assert run.exit_code == 0, run.stderr
        assert run.exception in (None, "SystemExit")
    hops = json.loads(runs[0].stdout)
    assert (hops["from"], hops["to"]) == (who, other)
    assert all_quads(hostile_out.out / "store") == hostile_out.quads


def _outputs(work: Path) -> set[str]:
    return {n for n in files_under(work) if not n.startswith("out/store/")}


def test_a_focus_name_never_becomes_a_path(hostile_out) -> None:
    before = _outputs(hostile_out.work)
    for name in ("relative path", "absolute path", "shell", "html"):
        run = kg_inproc("html", "-o", hostile_out.out, "--focus", HOSTILE_NAMES[name])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.strip() == str(hostile_out.out / "focus.html")
    assert _outputs(hostile_out.work) - before <= {"out/focus.html"}
    assert (hostile_out.out / "focus.html").is_file()
    assert not Path("/tmp/kg-evil-abs").exists() and not (hostile_out.work / "kg-pwned").exists()
    page = (hostile_out.out / "focus.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in page and "</title><script>" not in page
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert data is not None and "<" not in data.group(1)  # every < escaped as \u003c
    assert json.loads(data.group(1))["focus"] == entity_iri(HOSTILE_NAMES["html"], "")


@pytest.mark.parametrize("command", ["query", "extract"])
def test_article_text_is_never_read_as_terminal_markup(hostile_out, tmp_path, command) -> None:
    """Rich markup ("[/]", "[link=...]") and escapes in names and sentences are shown as typed."""
    if command == "query":
        run = kg_inproc("query", "SELECT ?n WHERE { ?e rdfs:label ?n }", "-o", hostile_out.out)
    else:
        run = kg_inproc("extract", "-", "--format", "table",
                        input="Kim Lee is the mother of Bo Lee [/], a singer.\n")  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert run.exception is None
    assert "\x1b" not in run.stdout
    shown = "[bold]Kim[/bold]" if command == "query" else "[/],"
    assert shown in run.stdout


def test_hostile_article_ids_never_become_paths(tmp_path: Path) -> None:
    records = [
        {"id": "../../kg-pwned-id", "title": "../../kg-pwned-title.html",
         "text": "Ann Lee is the mother of Bo Lee."},
        {"id": "/tmp/kg-pwned-abs", "url": "file:///etc/passwd",
         "text": "Cy Lee is the father of Di Lee."},
        {"id": "a> } ; DROP ALL ; INSERT DATA { <x> <y> <z> } #",
         "text": "Ed Lee is the brother of Flo Lee."},
        {"id": "nul\x00and\nnewline", "text": "Gil Lee is the husband of Hana Lee."},
    ]  # fmt: skip
    news = tmp_path / "in" / "news.jsonl"
    news.parent.mkdir()
    news.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    proc = kg_process("build", news, "-o", tmp_path / "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    names = files_under(tmp_path)
    assert {n for n in names if not n.startswith(("out/store/", "in/"))} == {
        "in", "out", "out/store", "out/graph.trig", "out/graph.ttl", "out/graph.html",
        "out/build.json",
    }  # fmt: skip
    assert not any("pwned" in n for n in names)
    assert not Path("/tmp/kg-pwned-abs").exists()
    assert not (tmp_path.parent / "kg-pwned-id").exists()
    with Store.open(tmp_path / "out" / "store") as store:
        assert store.article_ids() == {r["id"] for r in records}
        graphs = {g.value for g in store.oxigraph.named_graphs()}
    assert all(g.startswith(BASE + "graph/") for g in graphs), graphs
    assert len(graphs) == len(records) + 2  # the articles, the facts, the inferences


# ================================================================= SPARQL


@pytest.fixture()
def small_store() -> Iterator[Store]:
    text = "Kris Jenner is the mother of Khloe Kardashian."
    ev = Evidence("a1", text, 0, len(text))
    claim = Claim("Kris Jenner", "motherOf", "Khloe Kardashian", ev, rule="r.v1")
    with Store.open() as store:
        store.add(Extraction(Article("a1", text), claims=(claim,)))
        yield store


SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "select * where { service <{url}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <{url}/sparql> { ?s ?p ?o } }",
    "PREFIX r: <{url}/> SELECT * WHERE { SERVICE r:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c SERVICE<{url}/sparql>{ ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } } } }",
    "ASK { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "# a comment\nSELECT * WHERE { OPTIONAL { SERVICE <{url}/sparql> { ?s ?p ?o } } }",
    'SELECT * WHERE { BIND("x" AS ?y) SERVICE <{url}/sparql> { ?s ?p ?o } }',
    "SELECT * WHERE { ?a ?b true SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b trueSERVICE <{url}/sparql> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_service_is_refused_and_nothing_reaches_the_network(small_store, web, template) -> None:
    with pytest.raises(QueryError, match="refusing SERVICE"):
        small_store.query(template.replace("{url}", web.url))
    assert web.hits == []


def test_the_refusal_is_needed_oxigraph_would_call_the_server(web) -> None:
    """The control: the same query on a bare Oxigraph store does reach the server."""
    rows = list(
        ox.Store().query(f"SELECT ?s WHERE {{ SERVICE <{web.url}/sparql> {{ ?s ?p ?o }} }}")
    )
    assert [r["s"].value for r in rows] == ["from the network"]
    assert len(web.hits) == 1


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <{url}/data.ttl>",
        "LOAD SILENT <{url}/data.ttl> INTO GRAPH <urn:g>",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> } ; LOAD <{url}/data.ttl>",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    ],
)
def test_load_and_service_are_refused_even_when_updates_are_allowed(
    small_store, web, update: str
) -> None:
    before = len(small_store)
    with pytest.raises(QueryError, match="refusing (LOAD|SERVICE)"):
        small_store.query(update.replace("{url}", web.url), allow_update=True)
    assert web.hits == [] and len(small_store) == before


def test_from_names_a_graph_and_fetches_nothing(small_store, web) -> None:
    result = small_store.query(f"SELECT * FROM <{web.url}/g> WHERE {{ ?s ?p ?o }}")
    assert result.kind == "select" and web.hits == []


def test_a_variable_or_string_named_like_a_keyword_is_a_plain_query(small_store) -> None:
    result = small_store.query("SELECT ?load ?Service WHERE { ?load ckg:motherOf ?Service }")
    assert len(result.rows) == 1
    assert small_store.query('ASK { FILTER("DROP ALL" != "LOAD") }').boolean is True


def test_kg_query_refuses_service_in_one_line(hostile_out, web) -> None:
    proc = kg_process(
        "query", f"SELECT * WHERE {{ SERVICE <{web.url}/sparql> {{ ?s ?p ?o }} }}",
        "-o", hostile_out.out, cwd=hostile_out.work,
    )  # fmt: skip
    line = one_line_error(proc.stderr, proc.returncode)
    assert "refusing SERVICE" in line and "never reach the network" in line
    assert web.hits == []


@pytest.mark.parametrize("value", NAMES + ['"', "\\", "'''", '"""', "}", "\n} ; DROP ALL ; #"])
def test_a_bound_value_never_changes_the_query(small_store, value: str) -> None:
    before = len(small_store)
    result = small_store.query(
        "SELECT ?name ?kid WHERE { ?e rdfs:label ?name ; ckg:parentOf/rdfs:label ?kid }",
        {"name": value},
    )
    assert result.rows == [] and len(small_store) == before
    echoed = small_store.query("SELECT ?v WHERE {}", {"v": value})
    assert echoed.rows == [[value]]


def test_a_hostile_article_id_stays_inside_its_graph_iri(small_store) -> None:
    evil = "a> } ; DROP ALL ; INSERT DATA { GRAPH <urn:g> { <urn:x> <urn:y> <urn:z> } } #"
    text = "Ann Lee is the mother of Bo Lee."
    ev = Evidence(evil, text, 0, len(text))
    small_store.add(Extraction(Article(evil, text), claims=(
        Claim("Ann Lee", "motherOf", "Bo Lee", ev, rule="r.v1"),)))  # fmt: skip
    assert small_store.article_ids() == {"a1", evil}
    assert small_store.query("ASK { GRAPH <urn:g> { ?s ?p ?o } }").boolean is False
    assert small_store.remove(evil) and small_store.article_ids() == {"a1"}


def test_kg_query_is_read_only(hostile_out) -> None:
    run = kg_inproc("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "-o", hostile_out.out)
    assert run.exit_code == 1 and "read-only" in run.stderr
    assert all_quads(hostile_out.out / "store") == hostile_out.quads


def test_kg_query_update_edits_claims_and_the_facts_follow(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store.open(out / "store") as store:
        store.add(_hostile_extraction())
        store.recompute()
    drop = "DELETE WHERE { GRAPH ?g { ?c a ckg:Claim ; rdf:predicate ckg:motherOf ; ?p ?o } }"
    run = kg_inproc("query", "--update", drop, "-o", out)
    assert run.exit_code == 0, run.stderr
    ask = kg_inproc("query", "ASK { ?a ckg:motherOf ?b }", "--format", "json", "-o", out)
    assert json.loads(ask.stdout) == {"boolean": False}


# ================================================================= RDF input

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + ']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:ex="http://ex/"><rdf:Description rdf:about="http://ex/s">'
    "<ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>"
)


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        ("xml", BILLION_LAUGHS),
        ("xml", BILLION_LAUGHS.encode("utf-8")),
        ("xml", '<!doctype x SYSTEM "file:///etc/passwd"><x/>'),
        ("turtle", '<!ENTITY a "b">\n<http://ex/a> <http://ex/b> "c" .'),
        ("jsonld", '{"@id": "http://ex/a", "http://ex/b": "<!DOCTYPE x>"}'),
    ],
)
def test_a_doctype_or_entity_declaration_is_refused(fmt: str, data: str | bytes) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="DOCTYPE or ENTITY declaration, which kg refuses"):
        read_rdf(data, fmt, "hostile.rdf")
    assert time.monotonic() - start < 1


def test_the_billion_laughs_would_expand_without_the_refusal() -> None:
    """The control: Oxigraph's RDF/XML parser does expand entities (here three levels)."""
    small = (
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/">'
        '<rdf:Description rdf:about="http://ex/s"><ex:p>&c;</ex:p></rdf:Description></rdf:RDF>'
    )
    [quad] = ox.parse(small.encode(), format=ox.RdfFormat.RDF_XML)
    assert len(quad.object.value) == 1000


def test_rdf_is_read_from_content_never_from_a_path_or_url(tmp_path: Path, web) -> None:
    real = tmp_path / "real.ttl"
    real.write_text('<http://ex/a> <http://ex/b> "c" .', encoding="utf-8")
    with pytest.raises(InputError, match="not valid Turtle"):
        read_rdf(str(real), "turtle", "arg")  # the path's text, not the file
    with pytest.raises(InputError, match="not valid"):
        read_rdf(f"{web.url}/data.ttl", "turtle", "arg")
    with pytest.raises(TypeError, match="reads content"):
        read_rdf(real, "turtle", "arg")  # type: ignore[arg-type]
    context = json.dumps({"@context": f"{web.url}/context.jsonld", "@id": "http://ex/a"})
    with pytest.raises(InputError):
        read_rdf(context, "jsonld", "remote-context.jsonld")
    assert web.hits == []
    assert [str(t) for t in read_rdf(real.read_bytes(), "turtle", "ok").items] == [
        '<http://ex/a> <http://ex/b> "c"'
    ]


def test_parsing_rdf_has_a_time_limit() -> None:
    data = "".join(f'<http://ex/s{i}> <http://ex/p> "{i}" .\n' for i in range(100_000))
    with pytest.raises(InputError, match=r"parsing took longer than 0\.01 seconds"):
        read_rdf(data, "nt", "slow.nt", timeout=0.01)
    assert len(read_rdf(data, "nt", "slow.nt").items) == 100_000


def test_the_ontology_loader_refuses_a_doctype(tmp_path: Path) -> None:
    text = (ONTOLOGY_DIR / "celebrity.ttl").read_text(encoding="utf-8")
    bad = tmp_path / "celebrity.ttl"
    bad.write_text('<!DOCTYPE x [<!ENTITY a "a">]>\n' + text, encoding="utf-8")
    with pytest.raises(OntologyError, match="DOCTYPE or ENTITY") as info:
        load_vocabulary(bad)
    assert "\n" not in str(info.value) and str(bad) in str(info.value)
    good = tmp_path / "good.ttl"
    good.write_text(text, encoding="utf-8")
    assert load_vocabulary(good).names() == load_vocabulary().names()


_PARSERS_OF_DATA = {"json", "ox", "pyoxigraph", "ast", "email", "urllib"}


def test_no_rdf_parser_in_kg_is_handed_a_path_or_a_url() -> None:
    """Every ``.parse(...)`` of rdflib in ``kg/`` gets ``data=``; Oxigraph's gets no ``path=``."""
    offenders = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in {"parse", "load", "bulk_load"}:
                continue
            receiver = node.func.value
            name = receiver.id if isinstance(receiver, ast.Name) else ""
            keywords = {k.arg for k in node.keywords}
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in _PARSERS_OF_DATA or node.func.attr != "parse":
                if {"path", "source", "location", "file"} & keywords:
                    offenders.append(where)
            elif node.args or "data" not in keywords:
                offenders.append(where)
    assert offenders == []


# ================================================================= property tests

# Characters that break naive code: quotes, escapes, brackets, controls, bidi, emoji,
# combining marks, line and paragraph separators.
_NASTY = st.sampled_from(
    list("\"'\\<>{}[]()#;:/.?&%$`|^~*") + ["\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85",
    "\u2028", "\u2029", "\u202e", "\u200f", "\ufeff", "\u0301", "\U0001f600", "\u05d0", "\ud800"]
)  # fmt: skip
_TEXT = st.text(alphabet=st.one_of(st.characters(), _NASTY), max_size=60)
_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "id": _JSON_VALUE, "text": _TEXT | _JSON_VALUE, "title": _JSON_VALUE,
                "url": _TEXT, "published": _TEXT,
            },
        ),
        max_size=5,
    ),
    garbage=st.lists(st.binary(max_size=30), max_size=2),
)  # fmt: skip
def test_ingest_never_crashes_and_what_it_reads_can_be_stored(records, garbage) -> None:
    lines = [json.dumps(r) for r in records] + [g.decode("latin-1") for g in garbage]
    stream = io.StringIO("\n".join(lines))
    items = list(read_articles(["-"], stdin=stream))
    assert all(isinstance(i, (Article, Skipped)) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    with Store.open() as store:
        for article in articles:
            for field in (article.id, article.text, article.title, article.url):
                field.encode("utf-8")  # no lone surrogates: every output can hold it
            assert article.text == clean_text(article.text)
            store.add(Extraction(article))
        assert store.article_ids() == {a.id for a in articles}


_NAME = st.text(alphabet=st.one_of(st.characters(exclude_categories=["Cs"]), _NASTY.filter(
    lambda c: c != "\ud800")), min_size=1, max_size=25).filter(lambda s: s.strip())  # fmt: skip


@st.composite
def hostile_extractions(draw: st.DrawFn) -> Extraction:
    article_id = draw(_NAME)
    names = draw(
        st.lists(_NAME, min_size=2, max_size=5, unique_by=lambda n: entity_iri(n, article_id))
    )
    vocab = load_vocabulary()
    claims = []
    for _ in range(draw(st.integers(1, 6))):
        s, o = draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
        sentence = draw(_NAME)
        start = draw(st.integers(0, 5000))
        claims.append(Claim(
            s, draw(st.sampled_from(vocab.names())), o,
            Evidence(article_id, sentence, start, start + len(sentence)),
            rule=draw(_NAME), confidence=draw(st.sampled_from([0.0, 0.25, 0.5, 0.9, 1.0])),
            former=draw(st.booleans()), negated=draw(st.booleans()), hedged=draw(st.booleans()),
            start=draw(st.none() | st.sampled_from(["2014", "2020-05-01"]) | _NAME),
        ))  # fmt: skip
    article = Article(article_id, "text", title=draw(_NAME), url=draw(_NAME))
    return Extraction(article, tuple(Entity(n) for n in names), tuple(claims))


def _claims_back(store: Store) -> set[Claim]:
    """The claims of the store, rebuilt from ``relations()``."""
    back = set()
    for r in store.relations():
        for ev in r["evidence"]:
            back.add(Claim(
                r["subject_name"], r["relation"], r["object_name"],
                Evidence(ev["article_id"], ev["sentence"], ev["start"], ev["end"]),
                rule=ev["rule"], confidence=ev["confidence"], former=ev["former"],
                negated=ev["negated"], hedged=ev["hedged"], start=ev["start_time"],
                end=ev["end_time"],
            ))  # fmt: skip
    return back


def _as_stored(claim: Claim, article_id: str) -> Claim:
    """A symmetric relation is kept smaller IRI first (DESIGN: facts keep one direction)."""
    rel = load_vocabulary()[claim.relation]
    s, o = claim.subject, claim.object
    if rel.symmetric and entity_iri(o, article_id) < entity_iri(s, article_id):
        return Claim(o, claim.relation, s, claim.evidence, claim.rule, claim.confidence,
                     claim.former, claim.negated, claim.hedged, claim.start, claim.end)  # fmt: skip
    return claim


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_extractions())
def test_claims_to_rdf_to_claims_is_the_identity(extraction: Extraction) -> None:
    with Store.open() as store:
        store.add(extraction)
        back = _claims_back(store)
        people = {p["name"] for p in store.people()}
    aid = extraction.article.id
    assert back == {_as_stored(c, aid) for c in extraction.claims}
    assert people == {e.name for e in extraction.entities}


_RDF_READERS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "nq": "nquads", "trig": "trig",
                "jsonld": "json-ld"}  # fmt: skip


def _read_back(fmt: str, path: Path) -> tuple[set[str], int]:
    """The names and the number of relations (or quads) an independent reader finds."""
    if fmt in ("graphml", "gexf"):
        g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        return {d["label"] for _, d in g.nodes(data=True)}, g.number_of_edges()
    if fmt == "cyjs":
        data = json.loads(path.read_text(encoding="utf-8"))
        return {n["data"]["name"] for n in data["elements"]["nodes"]}, len(
            data["elements"]["edges"]
        )
    if fmt == "neo4j":
        with (path / "people.csv").open(encoding="utf-8", newline="") as f:
            people = list(csv.DictReader(f))
        with (path / "relations.csv").open(encoding="utf-8", newline="") as f:
            relations = list(csv.DictReader(f))
        name = next(k for k in people[0] if k.startswith("name"))
        return {p[name] for p in people}, len(relations)
    raise AssertionError(fmt)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(hostile_extractions())
def test_every_export_round_trips(tmp_path: Path, extraction: Extraction) -> None:
    folder = Path(tmp_path) / f"x{abs(hash(extraction)) % 10**9}"
    with Store.open() as store:
        store.add(extraction)
        store.recompute()
        names = {p["name"] for p in store.people()}
        facts = sum(1 for r in store.relations() if r["fact"])
        graph = store.merged_graph(claims=False)
        quads = len(store)
        dataset = {
            (s, p, plain(o), g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in store.dataset.quads((None, None, None, None))
        }
        for fmt in FORMATS:
            if fmt == "quickstatements":
                continue  # needs Wikidata ids: tests/test_export.py
            path = folder / ("neo4j" if fmt == "neo4j" else f"graph.{fmt}")
            export(store, fmt, path)
            if fmt in ("ttl", "nt", "xml"):
                back = rdflib.Graph().parse(data=path.read_bytes(), format=_RDF_READERS[fmt])
                assert isomorphic(rdf_graph(back, fmt == "xml"), rdf_graph(graph, fmt == "xml")), (
                    fmt
                )
            elif fmt in ("nq", "trig", "jsonld"):
                ds = rdflib.Dataset()
                ds.parse(data=path.read_bytes(), format=_RDF_READERS[fmt])
                got = {(s, p, plain(o), g) for s, p, o, g in ds.quads((None, None, None, None))}
                assert got == dataset and len(got) == quads, fmt
            else:
                found, relations = _read_back(fmt, path)
                xml = fmt in ("graphml", "gexf")
                assert found == ({xml_safe(n) for n in names} if xml else names), fmt
                assert relations == facts, fmt
    assert not list(folder.rglob(".*.tmp"))
