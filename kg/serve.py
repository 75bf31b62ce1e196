"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, and the graph page.

``/sparql`` (or ``/query``) answers GET and POST (a ``query=`` form or an
``application/sparql-query`` body) with the same dataset as ``kg query``: the
default graph is the facts plus the inferences, claims sit in the article
graphs, and ``kg.rdf.PREFIXES`` are predeclared. ``/`` is the graph page,
drawn from the store at start.

How a runaway query is stopped: Oxigraph cannot cancel a query in its
thread, so queries run in a few worker processes, each holding the store open
read-only (``pyoxigraph.Store.read_only``). A worker that overruns ``--timeout``
is killed and replaced, and the client gets 504. Meanwhile the server itself
holds the store open read-write (``Store.open``), which keeps the lock: no
``kg build`` can change the files under the read-only workers (Oxigraph calls
that undefined behaviour); it fails with "store locked" until the server stops.

Examples:
    >>> import pyoxigraph as ox
    >>> reply = execute(ox.Store(), Job("ASK { }", ["text/csv"]))
    >>> reply.status, reply.content_type, reply.body
    (200, 'text/csv; charset=utf-8', b'true\\n')
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import KGError, StoreError
from kg.rdf import GRAPH_FACTS, GRAPH_INFERENCES, PREFIXES
from kg.sparql import _syntax_message, is_update, uses_service
from kg.sparql_formats import MEDIA_TYPES, boolean, choose, graph, preferences, solutions

__all__ = ["DEFAULT_PORT", "Job", "Reply", "Server", "execute", "start"]

DEFAULT_PORT = 8000  # not Oxigraph's 7878: an `oxigraph serve` may be the remote store
MAX_BODY = 1 << 20  # bytes of a POSTed query
WORKER_START = 60.0  # seconds a new worker may take to open the store
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
_CSP = re.compile(rb'http-equiv="Content-Security-Policy" content="([^"]*)"')
_TEXT = "text/plain; charset=utf-8"


@dataclass
class Job:
    """One query for a worker: the text, the formats the client asked for, the dataset."""

    query: str
    asked: list[str] = field(default_factory=list)
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    max_rows: int = 0  # 0: no limit


@dataclass
class Reply:
    """An HTTP answer; ``rows`` counts solutions or triples, ``truncated`` says it was cut."""

    status: int
    content_type: str
    body: bytes
    rows: int | None = None
    truncated: bool = False

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        """A plain-text message, e.g. an error."""
        return cls(status, _TEXT, (message.rstrip("\n") + "\n").encode())


def execute(store: ox.Store, job: Job) -> Reply:
    """Run ``job`` on ``store`` and serialize the answer; errors become 400/500 replies."""
    try:
        result = store.query(
            job.query,
            prefixes=PREFIXES,
            default_graph=[ox.NamedNode(g) for g in job.default_graphs]
            or [ox.NamedNode(GRAPH_FACTS), ox.NamedNode(GRAPH_INFERENCES)],
            named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None,
        )
        if isinstance(result, ox.QueryBoolean):
            fmt = choose("boolean", job.asked)
            return Reply(200, MEDIA_TYPES[fmt], boolean(fmt, bool(result)))
        limit = job.max_rows + 1 if job.max_rows else None
        items = list(islice(result, limit))  # the extra row only tells that there were more
        cut = bool(job.max_rows) and len(items) > job.max_rows
        if cut:
            items = items[: job.max_rows]
        if isinstance(result, ox.QuerySolutions):
            fmt = choose("solutions", job.asked)
            columns = [v.value for v in result.variables]
            body = solutions(fmt, columns, [list(s) for s in items])
        else:
            fmt = choose("graph", job.asked)
            body = graph(fmt, items, PREFIXES)
        return Reply(200, MEDIA_TYPES[fmt], body, len(items), cut)
    except SyntaxError as exc:
        return Reply.text(400, _syntax_message(job.query, exc))
    except ValueError as exc:  # e.g. a default-graph-uri that is not an IRI
        return Reply.text(400, f"bad request: {' '.join(str(exc).split())}")
    except (OSError, RuntimeError) as exc:
        return Reply.text(500, f"SPARQL query failed: {' '.join(str(exc).split())}")


def _worker_main() -> None:  # pragma: no cover - runs in the worker processes
    """A worker: ``python -c ... JOBS_FD REPLIES_FD STORE_PATH``; one Job in, one Reply out."""
    jobs = Connection(int(sys.argv[1]), writable=False)
    replies = Connection(int(sys.argv[2]), readable=False)
    try:
        store = ox.Store.read_only(sys.argv[3])
    except OSError as exc:
        replies.send(("error", f"{sys.argv[3]}: cannot open the store read-only ({exc})"))
        return
    replies.send(("ready", ""))
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):  # the server is gone
            return
        replies.send(execute(store, job))


class _Worker:
    """A worker process and the two pipes to it."""

    def __init__(self, store_path: str) -> None:
        job_r, job_w = os.pipe()
        reply_r, reply_w = os.pipe()
        code = "from kg.serve import _worker_main; _worker_main()"
        try:
            # its own session: a Ctrl-C in the terminal reaches the server only
            self.proc = subprocess.Popen(
                [sys.executable, "-c", code, str(job_r), str(reply_w), store_path],
                pass_fds=(job_r, reply_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                start_new_session=True,
            )
        except BaseException:
            os.close(job_w)
            os.close(reply_r)
            raise
        finally:
            os.close(job_r)
            os.close(reply_w)
        self.jobs = Connection(job_w, readable=False)
        self.replies = Connection(reply_r, writable=False)
        self.ready = False

    def ask(self, job: Job, timeout: float) -> Reply | None:
        """The reply, or None after ``timeout`` seconds (the worker is then still busy)."""
        if not self.ready:
            if not self.replies.poll(WORKER_START):
                raise OSError(f"a query worker did not start within {WORKER_START:g} s")
            state, message = self.replies.recv()
            if state != "ready":
                raise StoreError(message)
            self.ready = True
        self.jobs.send(job)
        if not self.replies.poll(timeout):
            return None
        reply: Reply = self.replies.recv()
        return reply

    def stop(self) -> None:
        """Kill the process (a runaway query cannot be stopped otherwise) and close the pipes."""
        self.proc.kill()
        self.proc.wait()
        self.jobs.close()
        self.replies.close()


class Pool:
    """``size`` workers; a query waits at most ``timeout`` for one, and runs at most ``timeout``."""

    def __init__(self, store_path: str, size: int, timeout: float) -> None:
        self.store_path, self.size, self.timeout = store_path, size, timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        try:
            for _ in range(size):
                self._idle.put(self._spawn())
            for worker in list(self._workers):  # fail now if the store cannot be read
                if worker.ask(Job("ASK {}"), WORKER_START) is None:
                    raise StoreError(f"{store_path}: a query worker hangs on ASK {{}}")
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        worker = _Worker(self.store_path)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _recycle(self, worker: _Worker) -> None:
        """Kill ``worker`` and put a fresh one in its place (it starts in the background)."""
        worker.stop()
        with self._lock:
            self._workers.discard(worker)
            if self._closed:
                return
        self._idle.put(self._spawn())

    def run(self, job: Job) -> Reply:
        """Run ``job`` in a free worker: its reply, or 503 (all busy) or 504 (timed out)."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Reply.text(
                503, f"all {self.size} query workers are busy; try again in a few seconds"
            )
        try:
            reply = worker.ask(job, self.timeout)
        except (EOFError, OSError, KGError) as exc:
            self._recycle(worker)
            return Reply.text(500, f"the query worker failed ({exc or 'it died'}); try again")
        except BaseException:
            self._recycle(worker)
            raise
        if reply is None:
            self._recycle(worker)
            return Reply.text(
                504,
                f"query timed out after {self.timeout:g} s and was stopped; add LIMIT, "
                "narrow the patterns, or restart kg serve with a larger --timeout",
            )
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        """Kill every worker, busy or not."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            worker.stop()


_HELP = """kg serve: a read-only SPARQL 1.1 endpoint over the knowledge graph in {out}.

  GET  {url}sparql?query=...
  POST {url}sparql   with a query=... form, or the query as an application/sparql-query body

SELECT and ASK answer in JSON (the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE in
Turtle (the default), N-Triples, RDF/XML or JSON-LD. Ask with the Accept header or
format=json|xml|csv|tsv|turtle|ntriples|rdfxml|jsonld.

The default graph holds the facts and the inferences; claims are in the article graphs
(GRAPH ?g {{ ?c a ckg:Claim }}); default-graph-uri and named-graph-uri choose others.
Predeclared prefixes: {prefixes}.

Limits: a query runs at most {timeout:g} s (then 504); at most {max_rows} rows or triples
are returned ({cut});
updates are refused (403); SERVICE is {federation}.

Example:
  curl -H 'Accept: text/csv' --data-urlencode \\
    'query=SELECT ?name WHERE {{ ?p rdfs:label ?name }} LIMIT 5' {url}sparql
"""


class Server(ThreadingHTTPServer):
    """The HTTP server: one thread per request, queries in the worker ``pool``."""

    daemon_threads = True  # a client waiting on a slow query does not hold up the exit

    def __init__(
        self,
        address: tuple[str, int],
        *,
        timeout: float,
        max_rows: int,
        allow_federation: bool,
        log: TextIO | None,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.query_timeout, self.max_rows = timeout, max_rows
        self.allow_federation = allow_federation
        self.log = log
        self.page = b""
        self.pool: Pool | None = None
        self.store: Any = None
        self.out = Path()
        self._serving = False

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:8000/``."""
        host, port = str(self.server_address[0]), self.server_address[1]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    @property
    def loopback(self) -> bool:
        """Bound to this machine only: then Host headers must name it (DNS rebinding)."""
        host = str(self.server_address[0])
        return host.startswith("127.") or host == "::1"

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Answer requests until ``shutdown`` (another thread) or KeyboardInterrupt."""
        self._serving = True
        super().serve_forever(poll_interval)

    def close(self) -> None:
        """Stop answering, kill the workers and release the store. Closing twice is harmless."""
        if self._serving:
            self.shutdown()
            self._serving = False
        self.server_close()
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self.store is not None:
            self.store.close()
            self.store = None


def start(
    out: Path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    timeout: float = 10.0,
    max_rows: int = 10_000,
    allow_federation: bool = False,
    workers: int = 2,
    log: TextIO | None = None,
) -> Server:
    """Open the store under ``out``, draw the page, start the workers, bind: ready to serve.

    Call ``serve_forever()`` on the result, and ``close()`` at the end. ``port`` 0
    picks a free port (see ``Server.url``); ``log`` (default stderr) gets the access log.

    Raises:
        KGError: the port is taken, or there is no store under ``out``.
        StoreError: the store is locked by another kg process.
    """
    from kg.pipeline import _existing_store, render
    from kg.store import Store

    path = _existing_store(out)
    try:
        server = Server(
            (host, port),
            timeout=timeout,
            max_rows=max_rows,
            allow_federation=allow_federation,
            log=log,
        )
    except OSError as exc:
        raise KGError(
            f"{host}:{port}: cannot listen ({exc.strerror or exc}); choose another --port"
        ) from None
    try:
        server.out = out
        with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
            server.page = render(out, Path(tmp) / "graph.html").read_bytes()
        # held open read-write until the end: the lock keeps writers out (see the module doc)
        server.store = Store.open(path)
        server.store.oxigraph.flush()  # facts fresh and on disk for the read-only workers
        server.pool = Pool(str(path), workers, timeout)
    except BaseException:
        server.close()
        raise
    return server


class _Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "kg-serve"

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        """The graph page at /, the endpoint at /sparql."""
        self._started = time.monotonic()
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path in ("/", "/graph.html"):
            csp = _CSP.search(self.server.page)
            headers = {"Content-Security-Policy": csp.group(1).decode()} if csp else {}
            self._send(Reply(200, "text/html; charset=utf-8", self.server.page), headers)
        elif url.path in ("/sparql", "/query"):
            params = parse_qs(url.query, keep_blank_values=True)
            if "query" not in params and "update" not in params:
                self._send(Reply.text(200, self._help()))
            else:
                self._answer(params)
        else:
            self._not_found(url.path)

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        """The endpoint: a query=... form, or an application/sparql-query body."""
        self._started = time.monotonic()
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/query"):
            self._not_found(url.path)
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._send(Reply.text(411, "send a Content-Length header with the query"))
            return
        if length > MAX_BODY or length < 0:
            self._send(Reply.text(413, f"the request body is over {MAX_BODY} bytes"))
            return
        body = self.rfile.read(length)
        params = parse_qs(url.query, keep_blank_values=True)
        kind = self.headers.get_content_type()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(Reply.text(400, "the request body is not UTF-8"))
            return
        if kind == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif kind == "application/sparql-query":
            params["query"] = [text]
        elif kind == "application/sparql-update":
            params["update"] = [text]
        else:
            self._send(
                Reply.text(
                    415,
                    f"cannot read a {kind} body; send application/x-www-form-urlencoded "
                    "(query=...) or application/sparql-query",
                )
            )
            return
        self._answer(params)

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params or is_update(params.get("query", [""])[0]):
            self._send(
                Reply.text(
                    403,
                    "refusing a SPARQL update: this endpoint is read-only; use SELECT, ASK, "
                    "CONSTRUCT or DESCRIBE (kg build writes the store, once kg serve stops)",
                )
            )
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._send(Reply.text(400, "send exactly one non-empty query= parameter"))
            return
        query = queries[0]
        if uses_service(query) and not self.server.allow_federation:
            self._send(
                Reply.text(
                    400,
                    "refusing SERVICE (a federated query): this endpoint does not call other "
                    "endpoints unless kg serve runs with --allow-federation. The check is "
                    "textual: 'service' outside a ?variable counts; in a string or IRI, "
                    'escape a letter ("\\u0073ervice")',
                )
            )
            return
        fmt = next((params[k][0] for k in ("format", "output", "results") if k in params), None)
        job = Job(
            query,
            preferences(self.headers.get("Accept"), fmt),
            params.get("default-graph-uri", []),
            params.get("named-graph-uri", []),
            self.server.max_rows,
        )
        assert self.server.pool is not None
        reply = self.server.pool.run(job)
        headers = {}
        if reply.truncated:
            # Virtuoso's header for the same thing: the client can tell a cut result
            headers["X-SPARQL-MaxRows"] = str(self.server.max_rows)
        self._send(reply, headers)

    def _help(self) -> str:
        server = self.server
        return _HELP.format(
            out=server.out,
            url=server.url,
            prefixes=", ".join(PREFIXES),
            timeout=server.query_timeout,
            max_rows=server.max_rows or "unlimited",
            cut="more are cut, with an X-SPARQL-MaxRows header; page with LIMIT/OFFSET",
            federation="allowed (--allow-federation)"
            if server.allow_federation
            else "refused (400); kg serve --allow-federation allows it",
        )

    def _host_ok(self) -> bool:
        """On a loopback address, only requests naming this machine (no DNS rebinding)."""
        if not self.server.loopback:
            return True
        host = self.headers.get("Host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if not host or name.strip("[]").lower() in _LOOPBACK_NAMES:  # browsers always send one
            return True
        self._send(Reply.text(403, f"Host {host!r} is not this machine; use {self.server.url}"))
        return False

    def _not_found(self, path: str) -> None:
        self._send(Reply.text(404, f"nothing at {path}; the endpoint is /sparql, the page /"))

    def _send(self, reply: Reply, headers: dict[str, str] | None = None) -> None:
        self._reply = reply
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            if reply.status == 503:
                self.send_header("Retry-After", "5")
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client left

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """One access-log line: request, status, bytes, milliseconds, rows."""
        reply = getattr(self, "_reply", None)
        took = (time.monotonic() - getattr(self, "_started", time.monotonic())) * 1000
        extra = f" {len(reply.body)} {took:.0f}ms" if reply else ""
        if reply and reply.rows is not None:
            extra += f" {reply.rows} rows" + (" (cut at --max-rows)" if reply.truncated else "")
        self.log_message('"%s" %s%s', self.requestline, str(code), extra)

    def log_message(self, format: str, *args: Any) -> None:
        """To ``server.log`` (default stderr), control characters escaped."""
        message = (format % args).translate(self._control_char_table)  # type: ignore[attr-defined]
        line = f"{self.address_string()} - [{self.log_date_time_string()}] {message}\n"
        stream = self.server.log or sys.stderr
        stream.write(line)
        stream.flush()
