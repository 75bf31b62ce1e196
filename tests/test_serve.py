"""``kg serve`` end to end: the real server, real worker processes, real HTTP clients.

The demo articles are built into a store once per module. The endpoint runs in
a thread of this process, but its queries run in worker processes, so the
timeout is the real one; ``kg serve`` itself runs once as a subprocess, on a
copy of the store (the store lock is per folder).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from xml.dom import minidom

import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.rdf import GRAPH_FACTS
from kg.serve import start
from kg.sparql import uses_service
from kg.sparql_formats import MEDIA_TYPES, solutions

TIMEOUT = 1.5  # seconds, the server's --timeout
MAX_ROWS = 20
KIDS = 'SELECT ?kid WHERE { ?mom rdfs:label "Kris Jenner" ; ckg:parentOf/rdfs:label ?kid }'
NAMES = "SELECT ?name WHERE { ?p rdfs:label ?name } ORDER BY ?name"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[Path, Path]:
    """The demo articles built once, and a copy of the folder for the `kg serve` process."""
    from kg.pipeline import build

    work = tmp_path_factory.mktemp("serve")
    build([seeds_dir], work / "out")
    shutil.copytree(work / "out", work / "spare")
    return work / "out", work / "spare"


@pytest.fixture(scope="module")
def server(built: tuple[Path, Path]) -> Any:
    """The endpoint over the built store, default host, a free port, a short timeout."""
    srv = start(built[0], port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, log=io.StringIO())
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.close()
    thread.join(5)


def request(
    url: str,
    path: str = "/sparql",
    params: dict[str, str] | None = None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, Any, bytes]:
    """(status, headers, body) of one request; GET, or POST when there is a body."""
    target = url.rstrip("/") + path + ("?" + urlencode(params) if params else "")
    req = urllib.request.Request(target, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def post(url: str, query: str, **fields: str) -> tuple[int, Any, bytes]:
    """POST a query=... form."""
    return request(url, body=urlencode({"query": query, **fields}).encode())


def client(server: Any, query: str, fmt: str) -> Any:
    sw = SPARQLWrapper(server.url + "sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setTimeout(30)
    return sw


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---------------------------------------------------------------- the page and the help


def test_binds_127_0_0_1_by_default(server: Any) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


def test_the_page_is_served_at_the_root_with_its_csp(server: Any) -> None:
    status, headers, body = request(server.url, "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert 'http-equiv="Content-Security-Policy"' in page
    assert headers["Content-Security-Policy"] in page
    assert "Kris Jenner" in page


def test_the_endpoint_without_a_query_says_how_to_use_it(server: Any) -> None:
    status, headers, body = request(server.url)
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert "read-only" in text and "--allow-federation" in text and "curl" in text


# ---------------------------------------------------------------- a real SPARQL client


def test_sparqlwrapper_select_json(server: Any) -> None:
    data = client(server, KIDS, JSON).query().convert()
    assert data["head"]["vars"] == ["kid"]
    kids = {b["kid"]["value"] for b in data["results"]["bindings"]}
    assert "Khloe Kardashian" in kids
    assert {b["kid"]["type"] for b in data["results"]["bindings"]} == {"literal"}


def test_sparqlwrapper_select_csv_tsv_and_xml(server: Any) -> None:
    rows = list(csv.reader(io.StringIO(client(server, KIDS, CSV).query().convert().decode())))
    assert rows[0] == ["kid"] and ["Khloe Kardashian"] in rows[1:]
    tsv = client(server, KIDS, TSV).query().convert().decode().splitlines()
    assert tsv[0] == "?kid" and '"Khloe Kardashian"' in tsv[1:]
    doc = client(server, KIDS, XML).query().convert()
    assert isinstance(doc, minidom.Document)
    literals = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert "Khloe Kardashian" in literals and len(literals) == len(rows) - 1


def test_sparqlwrapper_ask(server: Any) -> None:
    assert client(server, "ASK { ?p rdfs:label 'Kris Jenner' }", JSON).queryAndConvert() == {
        "head": {},
        "boolean": True,
    }
    assert client(server, "ASK { ?p rdfs:label 'Nobody' }", XML).queryAndConvert() is not None


def test_sparqlwrapper_construct_turtle(server: Any) -> None:
    query = "CONSTRUCT { ?mom ckg:parentOf ?kid } WHERE { ?mom ckg:parentOf ?kid } LIMIT 5"
    body = client(server, query, TURTLE).query().convert()
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert 0 < len(graph) <= 5
    assert {str(p) for p in graph.predicates()} == {"https://celebrity-kg.org/ontology#parentOf"}


@pytest.mark.parametrize("how", ["form", "direct"])
def test_sparqlwrapper_post(server: Any, how: str) -> None:
    sw = client(server, KIDS, JSON)
    sw.setMethod(POST)
    if how == "direct":
        sw.setRequestMethod(POSTDIRECTLY)  # the query as an application/sparql-query body
    got = sw.query().convert()
    assert got == client(server, KIDS, JSON).query().convert()


# ---------------------------------------------------------------- formats


def test_every_solution_format_carries_the_same_rows(server: Any) -> None:
    query = "SELECT ?p ?name WHERE { ?p rdfs:label ?name } ORDER BY ?name LIMIT 10"
    results = {}
    for fmt in ("json", "xml", "tsv"):
        status, headers, body = request(server.url, params={"query": query, "format": fmt})
        assert status == 200 and headers["Content-Type"] == MEDIA_TYPES[fmt]
        parsed = ox.parse_query_results(body, format=getattr(ox.QueryResultsFormat, fmt.upper()))
        results[fmt] = [list(s) for s in parsed]
    assert len(results["json"]) == 10
    assert results["json"] == results["xml"] == results["tsv"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/csv", "csv"),
        ("text/turtle, text/tab-separated-values;q=0.9", "tsv"),
        ("application/sparql-results+xml;q=0.2, application/json", "json"),
        ("*/*", "json"),
    ],
)
def test_the_accept_header_chooses_the_format(server: Any, accept: str, expected: str) -> None:
    status, headers, _ = request(server.url, params={"query": KIDS}, headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"] == MEDIA_TYPES[expected]


@pytest.mark.parametrize(
    ("fmt", "rdf_format"),
    [("ntriples", ox.RdfFormat.N_TRIPLES), ("jsonld", ox.RdfFormat.JSON_LD), ("turtle", None)],
)
def test_construct_in_other_rdf_formats(server: Any, fmt: str, rdf_format: Any) -> None:
    query = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p rdfs:label ?n } ORDER BY ?n LIMIT 3"
    status, _, body = request(server.url, params={"query": query, "format": fmt})
    assert status == 200
    triples = list(ox.parse(body, format=rdf_format or ox.RdfFormat.TURTLE))
    assert len(triples) == 3


def test_default_graph_uri_chooses_the_default_graph(server: Any) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(**params: str) -> int:
        status, _, body = request(server.url, params={"query": count, **params})
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    facts, everything = n(**{"default-graph-uri": GRAPH_FACTS}), n()
    assert 0 < facts < everything  # by default the facts and the inferences


def test_solution_formats_round_trip_through_oxigraphs_parsers() -> None:
    store = ox.Store()
    result = store.query(
        'SELECT ?a ?b ?c ?d WHERE { VALUES (?a ?b ?c) { (<http://x.org/é> "tab\\t cr\\r '
        'quote\\" <&>"@en-GB 1.5) ("plain" UNDEF "2024-01-01"^^xsd:date) } BIND(BNODE() AS ?d) }',
        prefixes={"xsd": "http://www.w3.org/2001/XMLSchema#"},
    )
    columns, rows = [v.value for v in result.variables], [list(s) for s in result]
    for fmt in ("json", "xml", "tsv"):
        body = solutions(fmt, columns, rows)
        back = ox.parse_query_results(body, format=getattr(ox.QueryResultsFormat, fmt.upper()))
        assert [v.value for v in back.variables] == columns
        assert [list(s) for s in back] == rows, fmt


# ---------------------------------------------------------------- what is refused


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (urlencode({"query": "DROP ALL"}), "application/x-www-form-urlencoded"),
        (urlencode({"query": "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"}), "application/x-www-form-urlencoded"),  # noqa: E501
        (urlencode({"update": "CLEAR DEFAULT"}), "application/x-www-form-urlencoded"),
        ("DELETE WHERE { ?s ?p ?o }", "application/sparql-update"),
    ],
)  # fmt: skip
def test_updates_are_refused(server: Any, body: str, content_type: str) -> None:
    before = post(server.url, COUNT)[2]
    status, headers, text = request(
        server.url, body=body.encode(), headers={"Content-Type": content_type}
    )
    assert status == 403
    assert headers["Content-Type"].startswith("text/plain")
    assert "read-only" in text.decode()
    assert post(server.url, COUNT)[2] == before


def test_there_is_no_update_endpoint(server: Any) -> None:
    assert request(server.url, "/update", body=b"update=DROP%20ALL")[0] == 404


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "select * { ?s ?p ?o FILTER EXISTS { service silent <http://127.0.0.1:{port}/> {} } }",
        "SELECT * WHERE { ?a ?b trueSERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    ],
)  # fmt: skip
def test_service_is_refused(server: Any, query: str) -> None:
    status, _, body = post(server.url, query.replace("{port}", str(closed_port())))
    assert status == 400
    assert "refusing SERVICE" in body.decode()


def test_a_variable_named_service_is_not_refused(server: Any) -> None:
    assert post(server.url, "SELECT ?service WHERE { ?service rdfs:label ?n } LIMIT 1")[0] == 200


@pytest.mark.parametrize(
    ("query", "service"),
    [
        ("SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }", True),
        # what Oxigraph reads as SERVICE though no tokenizer would: true SERVICE, 1 SERVICE
        ("SELECT * WHERE { VALUES ?a { 1 } ?a ?b trueSERVICE <{url}> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { VALUES ?a { 1 } ?a ?b 1SERVICE <{url}> { ?s ?p ?o } }", True),
        ("SELECT ?service WHERE { ?service ?p ?o }", False),
        ('SELECT * WHERE { ?s ?p "\\u0073ervice" }', False),
    ],
)
def test_uses_service_errs_on_the_side_of_refusing(query: str, service: bool) -> None:
    text = query.replace("{url}", f"http://127.0.0.1:{closed_port()}/sparql")
    assert uses_service(text) is service
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal(True)))
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal(1)))
    if service:  # Oxigraph really calls the endpoint: a refused connection, not a syntax error
        with pytest.raises(OSError, match="(?i)refused"):
            list(store.query(text.replace("VALUES ?a { 1 } ?a", "?a")))


def test_oxigraph_does_not_read_an_escaped_keyword() -> None:
    """Why ``uses_service`` need not decode \\u escapes (re-check on a pyoxigraph upgrade)."""
    with pytest.raises(SyntaxError):
        ox.Store().query("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")


# ---------------------------------------------------------------- limits


def test_a_runaway_query_is_stopped_and_others_still_answer(server: Any) -> None:
    answers: dict[str, Any] = {}

    def runaway() -> None:
        started = time.monotonic()
        answers["runaway"] = post(server.url, RUNAWAY)
        answers["took"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    assert post(server.url, KIDS)[0] == 200  # the other worker answers meanwhile
    assert time.monotonic() - started < TIMEOUT
    thread.join(30)
    status, headers, body = answers["runaway"]
    assert status == 504 and "timed out" in body.decode()
    assert answers["took"] < TIMEOUT + 1.0
    assert post(server.url, KIDS)[0] == 200
    assert post(server.url, "ASK {}")[0] == 200


def test_results_are_cut_at_max_rows_with_a_header(server: Any) -> None:
    status, headers, body = post(server.url, NAMES)
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    status, headers, body = post(server.url, "CONSTRUCT WHERE { ?s ?p ?o }", format="ntriples")
    assert len(body.decode().splitlines()) == MAX_ROWS and headers["X-SPARQL-MaxRows"]
    status, headers, body = post(server.url, NAMES + " LIMIT 5")
    assert len(json.loads(body)["results"]["bindings"]) == 5
    assert "X-SPARQL-MaxRows" not in headers


# ---------------------------------------------------------------- hostile input


HOSTILE = "</literal><script>alert(1)</script>]]> & ' \" } ; DROP ALL ; # é\t\r\n\x01"


def test_hostile_text_in_a_literal_comes_back_as_data(server: Any) -> None:
    escaped = (
        HOSTILE.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", "\\t")
        .replace("\r", "\\r")
        .replace("\n", "\\n")
        .replace("\x01", "\\u0001")
    )
    query = f'SELECT ?x WHERE {{ BIND("{escaped}" AS ?x) }}'
    before = post(server.url, COUNT)[2]
    status, headers, body = post(server.url, query)
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == HOSTILE
    doc = client(server, query, XML).query().convert()  # parses: no markup got through
    assert doc.getElementsByTagName("literal")[0].firstChild.data == HOSTILE.replace(
        "\x01", "\ufffd"
    )
    assert not doc.getElementsByTagName("script")
    rows = list(csv.reader(io.StringIO(client(server, query, CSV).query().convert().decode())))
    assert rows[1] == [HOSTILE]
    assert post(server.url, COUNT)[2] == before


def test_hostile_text_in_an_error_stays_plain_text(server: Any) -> None:
    status, headers, body = post(server.url, "SELECT <script>alert(1)</script> WHERE {")
    assert status == 400
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "malformed SPARQL" in body.decode()


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"body": b"SELECT * {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"params": {"query": "ASK {}", "format": "json"}, "path": "/nothing"}, 404),
        ({"params": {"query": "ASK {}"}, "headers": {"Host": "rebound.example:80"}}, 403),
        ({"body": urlencode([("query", "ASK {}"), ("query", "ASK {}")]).encode()}, 400),
    ],
)
def test_bad_requests_get_a_clear_status(server: Any, kwargs: dict[str, Any], status: int) -> None:
    assert request(server.url, **kwargs)[0] == status


def test_the_access_log_has_one_line_per_request(server: Any) -> None:
    before = server.log.getvalue().count("\n")
    post(server.url, KIDS)
    lines = server.log.getvalue().splitlines()
    assert len(lines) == before + 1
    assert '"POST /sparql HTTP/1.1" 200' in lines[-1] and "rows" in lines[-1]


# ---------------------------------------------------------------- the command


def test_kg_serve_runs_allows_federation_locks_the_store_and_stops_on_ctrl_c(
    built: tuple[Path, Path],
) -> None:
    spare = built[1]
    cmd = [sys.executable, "-m", "kg", "serve", "-o", str(spare), "--port", "0"]
    proc = subprocess.Popen([*cmd, "--allow-federation"], stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stderr.readline()  # type: ignore[union-attr]
        assert first.startswith("serving http://127.0.0.1:"), first
        url = first.split()[1]
        assert post(url, KIDS)[0] == 200
        # allowed: not refused, so Oxigraph tries the (closed) endpoint and fails
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{closed_port()}/sparql> {{ }} }}"
        status, _, body = post(url, query)
        assert status == 500 and "refusing" not in body.decode(), body
        # the store is locked while kg serve runs: kg build would fail the same way
        from kg.store import Store

        with pytest.raises(StoreError, match="locked"):
            Store.open(spare / "store")
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=30)[1]
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert "Traceback" not in rest
    assert [line for line in rest.splitlines() if " - [" not in line] == ["stopped"]


def test_kg_serve_help_has_an_example_that_parses() -> None:
    from typer.main import get_command

    command = get_command(app).commands["serve"]  # type: ignore[attr-defined]
    example = (command.help or "").split("Example: kg ")[1].split()
    assert example[0] == "serve"
    command.make_context("serve", example[1:])


def test_a_taken_port_is_a_one_line_error(built: tuple[Path, Path]) -> None:
    from kg import cli_serve, serve

    assert cli_serve.DEFAULT_PORT == serve.DEFAULT_PORT
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "-o", str(built[1]), "--port", str(port)])
    assert result.exit_code == 1
    assert "cannot listen" in result.stderr and "--port" in result.stderr
