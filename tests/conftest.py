"""Shared fixtures: one spaCy-backed extractor per session, the demo articles."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def extractor():
    """The real extractor with the real spaCy model, loaded once per session."""
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The demo articles shipped in ``seeds/``."""
    return Path(__file__).parent.parent / "seeds"


def _post(url: str, data: bytes, content_type: str) -> bytes:
    import urllib.request

    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory):
    """A real ``oxigraph serve`` on 127.0.0.1 (a free port, a tmp directory); yields its base URL.

    One process per session; ``remote_url`` empties it for each test.
    """
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time

    exe = shutil.which("oxigraph") or shutil.which("oxigraph", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.fail("the `oxigraph` server is missing; pip install -e '.[test]'")
    root = tmp_path_factory.mktemp("oxigraph")
    for attempt in range(3):  # the free port may be taken between probe and bind
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        log, db = root / f"server-{attempt}.log", root / f"db-{attempt}"
        args = [exe, "serve", "--location", str(db), "--bind", f"127.0.0.1:{port}"]
        with log.open("wb") as out:
            proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                _post(url + "/query", b"ASK {}", "application/sparql-query")
                break
            except OSError:
                time.sleep(0.05)
        else:
            proc.kill()
            proc.wait()
            continue
        try:
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return
    pytest.fail(f"`oxigraph serve` did not start: {log.read_text(errors='replace')[-500:]}")


@pytest.fixture
def remote_url(oxigraph_server: str) -> str:
    """The base URL of the test ``oxigraph serve``, emptied for this test."""
    _post(oxigraph_server + "/update", b"DROP ALL", "application/sparql-update")
    return oxigraph_server
