"""``kg serve``: the SPARQL endpoint and the graph page over HTTP (see :mod:`kg.serve`).

Registered on ``kg.cli.app`` when ``kg.cli`` is imported.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli import OutDir, _friendly, app, err

__all__ = ["serve"]

DEFAULT_PORT = 8000  # kg.serve.DEFAULT_PORT, without importing pyoxigraph for every kg command


@app.command()
@_friendly
def serve(
    out_dir: OutDir = Path("output"),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", "-p", help="Port (0: any free one).", min=0, max=65535)
    ] = DEFAULT_PORT,
    timeout: Annotated[
        float,
        typer.Option("--timeout", help="Seconds a query may run before it is stopped.", min=0.1),
    ] = 10.0,
    max_rows: Annotated[
        int,
        typer.Option(
            "--max-rows", help="Rows or triples per answer; more are cut (0: no limit).", min=0
        ),
    ] = 10_000,
    allow_federation: Annotated[
        bool,
        typer.Option(
            "--allow-federation", help="Let SERVICE call other endpoints (refused by default)."
        ),
    ] = False,
) -> None:
    """Serve the store read-only: a SPARQL endpoint at /sparql and the graph page at /.

    Results by content negotiation (JSON, XML, CSV, TSV; Turtle for CONSTRUCT).
    While it runs the store is locked: stop it before kg build -o on the same folder.
    Ctrl-C stops it.

    Example: kg serve -o output --port 8000 --timeout 5
    """
    from kg.serve import start

    server = start(
        out_dir,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        allow_federation=allow_federation,
    )
    main = threading.current_thread() is threading.main_thread()
    # `kill` stops it as cleanly as Ctrl-C
    previous = signal.signal(signal.SIGTERM, _interrupt) if main else None
    try:
        err.print(
            f"serving {server.url} (SPARQL: {server.url}sparql); Ctrl-C stops", highlight=False
        )
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
        server.close()
    err.print("stopped", highlight=False)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
