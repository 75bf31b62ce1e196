"""Faults (issue 7): a SIGKILL, a full disk or a second process leaves the previous output whole.

Every test runs ``python -m kg`` in real processes on a real store:

- SIGKILL: ``kg build`` (and ``kg export``) is killed at a point of its writing:
  at a random moment after its first write to the store, or while a temporary
  file of ``graph.trig``/``graph.ttl``/``graph.html`` (or of an export) exists,
  i.e. in the middle of writing it. Each output file must then be the previous
  one or the new one, byte for byte; the store must open with every article of
  the previous build; and the next build must finish with the same store as a
  build that was never killed.
- Full disk: the build runs with ``RLIMIT_FSIZE`` (``SIGXFSZ`` ignored, so a
  write past the limit fails with ``EFBIG``), and on a full tmpfs (``ENOSPC``)
  where this machine lets tests mount one.
- Locks: a second writer gets "store locked by another kg process" and exit
  code 1; readers keep working while a writer holds the store.
"""

from __future__ import annotations

import gc
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
import rdflib

from kg.store import Store

OUTPUTS = ("graph.trig", "graph.ttl", "graph.html", "build.json")
FIRST = [
    "Alma",
    "Bruno",
    "Celia",
    "Dario",
    "Elena",
    "Fabio",
    "Greta",
    "Hugo",
    "Irene",
    "Jonas",
    "Klara",
    "Luca",
    "Marta",
    "Nico",
]
LAST = [
    "Abbott",
    "Brandt",
    "Castell",
    "Dumont",
    "Everly",
    "Falk",
    "Garnier",
    "Holm",
    "Ivers",
    "Jansen",
    "Keller",
    "Lund",
]


def _article(i: int) -> dict[str, str]:
    r = random.Random(i)
    family = f"{LAST[i % len(LAST)]}-{FIRST[i % len(FIRST)]}"
    mother, child, spouse = r.sample(FIRST, 3)
    text = (
        f"{mother} {family} is the mother of {child} {family}. "
        f"{child} {family} married {spouse} {LAST[(i + 5) % len(LAST)]} in {2000 + i % 20}. "
        f"People close to the family say {mother} {family} spent the summer of {1990 + i % 30} "
        + "travelling with friends, visiting galleries, theatres and old colleagues, " * 6
        + "and she was happy."
    )
    return {"id": f"art-{i:04d}", "title": f"The {family} family, part {i}", "text": text}


def _jsonl(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps(_article(i)) + "\n" for i in range(count)), "utf-8")
    return path


def kg_popen(*args: object, cwd: Path, **kwargs: object) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *map(str, args)],
        cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True, **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip


def kg_run(*args: object, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    proc = kg_popen(*args, cwd=cwd, **kwargs)
    stdout, stderr = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def one_line_error(proc: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    return lines[0]


def store_quads(out: Path) -> set[str]:
    store = ox.Store(str(out / "store"))
    quads = {str(q) for q in store}
    del store
    gc.collect()
    return quads


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def trig_quads(path: Path) -> set[tuple[object, ...]]:
    ds = rdflib.Dataset()
    ds.parse(data=path.read_bytes(), format="trig")
    return set(ds.quads((None, None, None, None)))


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool]) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; False if it ended first (busy-waits: no sleep)."""
    while proc.poll() is None:
        if ready():
            os.kill(proc.pid, signal.SIGKILL)
            proc.communicate(timeout=60)
            return True
    proc.communicate(timeout=60)
    return False


def temp_of(folder: Path, name: str) -> Callable[[], bool]:
    """True while a temporary file of ``name`` (``.name.XXXX.tmp``) exists in ``folder``."""
    prefix = f".{name}."
    return lambda: any(n.startswith(prefix) and n.endswith(".tmp") for n in os.listdir(folder))


def store_writes_then(store: Path, delay: float) -> Callable[[], bool]:
    """True ``delay`` seconds after the store's write-ahead log first grows."""
    before = {p.name: p.stat().st_size for p in store.glob("*.log")}
    started: list[float] = []

    def ready() -> bool:
        if not started:
            try:
                now = {p.name: p.stat().st_size for p in store.glob("*.log")}
            except FileNotFoundError:  # a log rotated away while listing
                return False
            if any(size > before.get(name, 0) for name, size in now.items()):
                started.append(time.monotonic())
            return False
        return time.monotonic() - started[0] >= delay

    return ready


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """Build A (40 articles), and A then B (80: A's and 40 more) never interrupted."""
    work = tmp_path_factory.mktemp("faults")
    a, b = _jsonl(work / "a.jsonl", 40), _jsonl(work / "b.jsonl", 80)
    proc = kg_run("build", a, "-o", work / "A", cwd=work)
    assert proc.returncode == 0, proc.stderr
    shutil.copytree(work / "A", work / "AB")
    proc = kg_run("build", b, "-o", work / "AB", cwd=work)
    assert proc.returncode == 0, proc.stderr
    with Store.open(work / "A" / "store") as store:
        ids_a = store.article_ids()
    return SimpleNamespace(
        work=work, a=a, b=b, before=snapshot(work / "A"), after=snapshot(work / "AB"),
        quads_after=store_quads(work / "AB"), ids_a=ids_a,
    )  # fmt: skip


def fresh_copy(builds: SimpleNamespace, name: str) -> Path:
    out = builds.work / name
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(builds.work / "A", out)
    return out


def assert_whole_and_recoverable(builds: SimpleNamespace, out: Path) -> None:
    """Each file is the old or the new one; the store opens; the next build finishes as usual."""
    for name in OUTPUTS:
        data = (out / name).read_bytes()
        assert data in (builds.before[name], builds.after[name]), f"{name} is neither"
    assert trig_quads(out / "graph.trig")  # and it parses
    with Store.open(out / "store") as store:
        assert builds.ids_a <= store.article_ids()  # nothing of the previous build lost
        assert len(store) > 0
    proc = kg_run("build", builds.b, "-o", out, cwd=builds.work)
    assert proc.returncode == 0, proc.stderr
    assert store_quads(out) == builds.quads_after
    assert trig_quads(out / "graph.trig") == trig_quads(builds.work / "AB" / "graph.trig")
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == builds.after[name], name


# ================================================================= SIGKILL


@pytest.mark.parametrize("seed", [1, 2])
def test_sigkill_while_the_build_writes_the_store(builds, seed: int) -> None:
    out = fresh_copy(builds, f"kill-store-{seed}")
    delay = random.Random(seed).uniform(0.0, 0.6)
    proc = kg_popen("build", builds.b, "-o", out, cwd=builds.work)
    assert kill_when(proc, store_writes_then(out / "store", delay)), "build ended before the kill"
    assert proc.returncode == -signal.SIGKILL
    assert_whole_and_recoverable(builds, out)


@pytest.mark.parametrize("target", ["graph.trig", "graph.html"])  # graph.ttl: as graph.trig
def test_sigkill_while_a_graph_file_is_written(builds, target: str) -> None:
    out = fresh_copy(builds, f"kill-{target}")
    proc = kg_popen("build", builds.b, "-o", out, cwd=builds.work)
    assert kill_when(proc, temp_of(out, target)), f"no temporary {target} seen"
    assert (out / target).read_bytes() == builds.before[target]  # killed mid-write: the old one
    assert_whole_and_recoverable(builds, out)


@pytest.mark.parametrize(("fmt", "name"), [("trig", "export.trig"), ("neo4j", "neo4j")])
def test_sigkill_during_an_export_keeps_the_previous_file(builds, fmt: str, name: str) -> None:
    work = builds.work / f"export-{fmt}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    target = work / name
    sources = [builds.work / "A", builds.work / "AB"]
    first = kg_run("export", "--format", fmt, "-o", target, "--from", sources[0], cwd=work)
    assert first.returncode == 0, first.stderr
    files = [target] if fmt != "neo4j" else sorted(target.iterdir())
    folder = work if fmt != "neo4j" else target
    caught: list[Path] = []

    def writing() -> bool:  # the file whose temporary copy exists now, if any
        caught[:] = [f for f in files if temp_of(folder, f.name)()]
        return bool(caught)

    for attempt in range(1, 6):  # a small file is written in a moment: try again, other store
        previous = {f: f.read_bytes() for f in files}
        source = sources[attempt % 2]
        proc = kg_popen("export", "--format", fmt, "-o", target, "--from", source, cwd=work)
        if kill_when(proc, writing):
            break
    else:
        pytest.fail("no export was caught writing in 5 tries")
    killed = {f: f.read_bytes() for f in files}
    assert killed[caught[0]] == previous[caught[0]]  # the file being written: the old one
    again = kg_run("export", "--format", fmt, "-o", target, "--from", source, cwd=work)
    assert again.returncode == 0, again.stderr
    for f in files:  # every other file: the old one or the new one, whole
        assert killed[f] in (previous[f], f.read_bytes()), f.name
    assert any(f.read_bytes() != previous[f] for f in files)


# ================================================================= full disk


def _file_size_limit(limit: int) -> Callable[[], None]:
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails: EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


@pytest.fixture(scope="module")
def full_disk_build(builds) -> SimpleNamespace:
    """Build B over A with a 150 kB file size limit: the store's log cannot grow."""
    out = fresh_copy(builds, "full-fsize")
    proc = kg_run(
        "build", builds.b, "-o", out, cwd=builds.work, preexec_fn=_file_size_limit(150_000)
    )
    return SimpleNamespace(out=out, proc=proc)


def test_a_full_disk_leaves_the_previous_output_and_the_store_intact(builds, full_disk_build):
    assert full_disk_build.proc.returncode == 1, full_disk_build.proc.stderr
    assert snapshot(full_disk_build.out) == builds.before
    assert_whole_and_recoverable(builds, full_disk_build.out)


def test_a_full_disk_is_one_clear_line(builds) -> None:
    out = fresh_copy(builds, "full-fsize-message")
    proc = kg_run(
        "build", builds.b, "-o", out, cwd=builds.work, preexec_fn=_file_size_limit(150_000)
    )
    line = one_line_error(proc)
    assert "disk full" in line and "free some space" in line and str(out) in line


def test_a_disk_too_full_to_open_the_store_is_one_line(builds) -> None:
    out = fresh_copy(builds, "full-at-open")
    proc = kg_run(
        "build", builds.b, "-o", out, cwd=builds.work, preexec_fn=_file_size_limit(20_000)
    )
    assert str(out / "store") in one_line_error(proc)
    assert snapshot(out) == builds.before


def test_a_disk_too_full_to_open_the_store_says_so_and_readers_still_read(builds) -> None:
    out = fresh_copy(builds, "full-at-open-read")
    limit = _file_size_limit(20_000)
    proc = kg_run("build", builds.b, "-o", out, cwd=builds.work, preexec_fn=limit)
    assert "disk full" in one_line_error(proc)
    reader = kg_run("query", _COUNT, "--format", "json", "-o", out, cwd=out, preexec_fn=limit)
    assert reader.returncode == 0, reader.stderr
    assert int(json.loads(reader.stdout)[0]["n"]) > 0


@pytest.fixture()
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 MB tmpfs, if this machine lets tests mount one (root, no container ban)."""
    mount = tmp_path / "tmpfs"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as f:  # unbuffered: nothing left to fail on close
        for size in (65536, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError:
                pass
    return filler


def test_a_full_tmpfs_during_an_export_keeps_the_previous_file(builds, tmpfs: Path) -> None:
    target = tmpfs / "graph.trig"
    source = builds.work / "AB"
    first = kg_run("export", "--format", "ttl", "-o", target, "--from", source, cwd=tmpfs)
    assert first.returncode == 0, first.stderr
    previous = target.read_bytes()
    filler = _fill(tmpfs)
    proc = kg_run("export", "--format", "trig", "-o", target, "--from", source, cwd=tmpfs)
    line = one_line_error(proc)
    assert "disk full (no space left on device)" in line and str(tmpfs) in line
    assert target.read_bytes() == previous
    assert sorted(p.name for p in tmpfs.iterdir()) == ["filler", "graph.trig"]  # no temp left
    filler.unlink()
    again = kg_run("export", "--format", "trig", "-o", target, "--from", source, cwd=tmpfs)
    assert again.returncode == 0, again.stderr
    assert trig_quads(target)


def test_a_file_size_limit_during_an_export_keeps_the_previous_file(builds, tmp_path) -> None:
    target = tmp_path / "graph.nq"
    source = builds.work / "AB"
    first = kg_run(
        "export", "--format", "nt", "-o", target, "--from", builds.work / "A", cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr
    previous = target.read_bytes()
    proc = kg_run(
        "export", "--format", "nq", "-o", target, "--from", source, cwd=tmp_path,
        preexec_fn=_file_size_limit(100_000),
    )  # fmt: skip
    line = one_line_error(proc)
    assert "disk full" in line and str(tmp_path) in line
    assert target.read_bytes() == previous
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_full_tmpfs_during_a_build_is_one_line_and_recoverable(builds, tmpfs: Path) -> None:
    out = tmpfs / "out"
    shutil.copytree(builds.work / "A", out)
    filler = _fill(tmpfs)
    proc = kg_run("build", builds.b, "-o", out, cwd=builds.work)
    filler.unlink()
    line = one_line_error(proc)
    assert "disk full (no space left on device)" in line
    assert snapshot(out) == builds.before
    assert_whole_and_recoverable(builds, out)


# ================================================================= locks


def _lock_holder(store: Path) -> int | None:
    """The pid holding the RocksDB lock of ``store`` (from /proc/locks), or None."""
    st = os.stat(store / "LOCK")
    for line in Path("/proc/locks").read_text().splitlines():
        m = re.search(r"(\d+) ([0-9a-f]+):([0-9a-f]+):(\d+) ", line)
        if m and "->" not in line:
            pid, major, minor, inode = m.groups()
            if (int(major, 16), int(minor, 16), int(inode)) == (
                os.major(st.st_dev), os.minor(st.st_dev), st.st_ino,
            ):  # fmt: skip
                return int(pid)
    return None


def _wait(condition: Callable[[], bool], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


_HOLD = """
import sys
from kg.store import Store
store = Store.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()
store.close()
"""


@pytest.fixture()
def held(builds) -> Iterator[Path]:
    """A copy of build A whose store another process holds open for writing."""
    out = fresh_copy(builds, "held")
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(out / "store")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    assert _lock_holder(out / "store") == holder.pid
    try:
        yield out
    finally:
        holder.communicate("", timeout=60)


def test_a_second_writer_gets_store_locked(builds, held: Path) -> None:
    proc = kg_run("build", builds.b, "-o", held, cwd=builds.work)
    line = one_line_error(proc)
    assert f"{held / 'store'}: store locked by another kg process" in line
    assert snapshot(held) == builds.before


_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c a ckg:Claim } }"


@pytest.mark.parametrize(
    "args",
    [
        ("query", _COUNT, "--format", "json"),
        ("export", "--format", "nt"),
        ("validate",),
        ("stats", "--format", "json"),
        ("html", "--path", "again.html"),
    ],
)
def test_readers_keep_working_while_a_writer_holds_the_store(builds, held, args) -> None:
    where = ["--from" if args[0] == "export" else "-o", held]
    proc = kg_run(*args, *where, cwd=held)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    if args[0] == "query":
        assert int(json.loads(proc.stdout)[0]["n"]) > 0


def test_a_reader_works_while_kg_build_writes(builds) -> None:
    out = fresh_copy(builds, "reader-during-build")
    writer = kg_popen("build", builds.b, "-o", out, "--force", cwd=builds.work)
    try:
        _wait(lambda: _lock_holder(out / "store") == writer.pid)
        reader = kg_run("query", _COUNT, "--format", "json", "-o", out, cwd=out)
        still_writing = writer.poll() is None
        second = kg_run("build", builds.a, "-o", out, cwd=builds.work)
    finally:
        writer.communicate(timeout=600)
    assert writer.returncode == 0, writer.stderr
    assert reader.returncode == 0, reader.stderr
    assert int(json.loads(reader.stdout)[0]["n"]) >= 40
    assert still_writing, "the build ended before the reader: inconclusive"
    assert "store locked by another kg process" in one_line_error(second)
