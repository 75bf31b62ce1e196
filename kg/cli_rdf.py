"""RDF commands of ``kg`` (validate, why, export).

Registered on ``kg.cli.app`` when ``kg.cli`` is imported.
"""

from __future__ import annotations
