"""The schema versions this code knows, by name and in order (read without sqlite-utils).

core/migrations.py holds what each version does; opening a file whose applied versions are
exactly these needs nothing more than this list, so the app starts without sqlite-utils.
"""

from __future__ import annotations

MIGRATION_SET = "afterword"
SCHEMA = (
    "0001_foundation",
    "0003_meta",
    "0002_plan",
    "0004_notes",
    "0005_search",
    "0006_list_indexes",
    "0007_contact_indexes",
    "0008_due_lines",
    "0009_known_text",
    "0010_contact_page",
    "0011_email_facts",
    "0012_company_votes",
)
