"""The README says what the code does: its commands parse, its names exist."""

from __future__ import annotations

import ast
import builtins
import re
import shlex
from pathlib import Path

import click
import pytest
from typer.main import get_command

from kg.cli import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def blocks(lang: str | None = None) -> list[str]:
    return [body for kind, body in FENCE.findall(README) if lang is None or kind == lang]


def commands() -> list[str]:
    """The command lines of the shell blocks, in order, without prompts and comments."""
    found = []
    for kind, body in FENCE.findall(README):
        if kind not in {"bash", "console", "sh", "shell"}:
            continue
        for line in body.splitlines():
            line = line.strip()
            if kind == "console":
                if not line.startswith("$ "):
                    continue  # output
                line = line[2:]
            if line and not line.startswith("#"):
                found.append(line)
    return found


def kg_invocations() -> list[list[str]]:
    """Every ``kg ...`` of the README's commands and inline code, as argv after ``kg``."""
    found = []
    inline = re.findall(r"(?<!`)`(kg [^`]+)`(?!`)", README)
    for line in commands() + inline:
        words = shlex.split(line, comments=True)
        segment: list[str] = []
        for word in [*words, "|"]:
            if word in {"|", "&&", ";", ">", "<", "2>"}:
                if segment[:1] == ["kg"]:
                    found.append(segment[1:])
                segment = []
                if word in {">", "<", "2>"}:
                    break  # the rest is a file name
            else:
                segment.append(word)
    return found


def test_the_first_two_readme_commands_build_the_demo_and_run_the_tests() -> None:
    first, second = commands()[:2]
    assert "kg build seeds" in first
    assert "pytest" in second
    assert (ROOT / "seeds").is_dir() and any((ROOT / "seeds").iterdir())


def test_the_install_commands_name_what_pyproject_declares() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python >= 3.11
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["kg"] == "kg.cli:app"
    first, second = commands()[:2]
    assert "pip install -e ." in first
    assert '".[test]"' in second
    assert any(dep.startswith("pytest") for dep in project["optional-dependencies"]["test"])


def test_every_kg_command_of_the_readme_parses() -> None:
    group = get_command(app)
    invocations = kg_invocations()
    assert {argv[0] for argv in invocations} >= {"build", "extract", "query", "html"}
    for argv in invocations:
        assert argv[0] in group.commands, argv  # type: ignore[attr-defined]
        command = group.commands[argv[0]]  # type: ignore[attr-defined]
        try:
            command.make_context(argv[0], argv[1:])
        except click.UsageError as exc:  # pragma: no cover - the failure message
            pytest.fail(f"README: kg {shlex.join(argv)}: {exc}")


@pytest.mark.parametrize("command", ["build", "extract", "query", "html"])
def test_the_help_example_of_every_command_parses(command: str) -> None:
    group = get_command(app)
    sub = group.commands[command]  # type: ignore[attr-defined]
    [example] = re.findall(r"Example: (kg .+)", sub.help or "")
    argv = shlex.split(example)[1:]
    assert argv[0] == command
    sub.make_context(command, argv[1:])


def test_the_files_the_readme_points_to_exist() -> None:
    paths = re.findall(r"`((?:docs|tests|ontology|kg|seeds)/[\w./-]+)`", README)
    paths += re.findall(r"\((kg/[\w./]+)\)", README)  # "ingest (kg/ingest.py)"
    assert len(paths) >= 4
    for path in paths:
        assert (ROOT / path).exists(), path


def readme_rules() -> set[str]:
    return set(re.findall(r"`([a-z-]+\.v\d+)`", README))


def test_every_rule_the_readme_names_is_registered() -> None:
    from kg.extract import rules

    assert readme_rules() and readme_rules() <= set(rules.names())


def test_the_readme_names_every_registered_rule() -> None:
    from kg.extract import rules

    assert set(rules.names()) <= readme_rules()


def test_the_relations_of_the_readme_are_the_ontology_relations() -> None:
    from kg.ontology import load_vocabulary

    vocab = load_vocabulary()
    sentence = re.search(r"defines the relations \(([^)]*)\)", README, re.S)
    assert sentence, "the README no longer lists the relations"
    listed = {w.strip() for w in " ".join(sentence.group(1).split()).split(",")}
    for name in listed:
        assert vocab[name].name == name


def test_the_predeclared_prefixes_of_the_readme_are_predeclared() -> None:
    from kg.sparql import PREFIXES

    sentence = re.search(r"with the prefixes (.*?) predeclared", README, re.S)
    assert sentence
    listed = set(re.findall(r"`(\w+)`", sentence.group(1)))
    assert listed and listed <= set(PREFIXES)


def test_the_python_example_of_the_readme_defines_every_name_it_uses() -> None:
    [code] = blocks("python")
    tree = ast.parse(code)
    defined = set(dir(builtins))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            defined |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    assert used <= defined, used - defined
