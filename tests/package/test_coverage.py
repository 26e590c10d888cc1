"""The law data covers every jurisdiction on every topic, and docs/coverage.md says so."""

from pathlib import Path

from deficiency.coverage import CoverageTopic, coverage, coverage_markdown, gaps
from deficiency.state_law import jurisdiction_names

TABLE = Path(__file__).resolve().parents[2] / "docs" / "coverage.md"


def test_the_data_covers_every_jurisdiction_on_every_topic():
    missing = [
        f"{cell.state} {cell.topic.label}: {', '.join(cell.missing) or 'no row'}" for cell in gaps()
    ]
    assert missing == []
    assert len(coverage()) == 51 * len(CoverageTopic)
    assert len(jurisdiction_names()) == 51


def test_the_coverage_table_in_the_docs_is_generated_from_the_data():
    assert TABLE.read_text(encoding="utf-8") == coverage_markdown(), (
        "docs/coverage.md is out of date: run .venv/bin/python scripts/coverage_table.py"
    )


def test_a_missing_topic_fails_the_check(monkeypatch):
    import deficiency.coverage as module

    monkeypatch.setattr(module, "interest_rules", lambda: ())
    assert {cell.topic for cell in module.gaps()} == {CoverageTopic.INTEREST}
