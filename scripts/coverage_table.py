"""Write docs/coverage.md, the table of what the law data covers, from deficiency/data/.

Run after changing any law data file: ``.venv/bin/python scripts/coverage_table.py``.
tests/package/test_coverage.py fails while the file is out of date.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deficiency.coverage import coverage_markdown  # noqa: E402

TABLE = ROOT / "docs" / "coverage.md"

if __name__ == "__main__":
    TABLE.write_text(coverage_markdown(), encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}")
