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
