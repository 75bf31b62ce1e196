"""Graph commands of ``kg`` (path, neighbors, family, top, communities, stats).

Registered on ``kg.cli.app`` when ``kg.cli`` is imported.
"""

from __future__ import annotations
