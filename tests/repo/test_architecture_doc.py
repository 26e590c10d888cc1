"""docs/architecture.md's registry of session keys names every key prefix and suffix the
code uses, so a new page's keys or a new derived key cannot go unlisted.

A key counts by its prefix (``cl_`` covers ``cl_upload``), or whole when it has no
underscore (``state``); a suffix (``__seen``) and a session-only key (``__page_shown``)
count whole. Keys made from a side's prefix (``f"{side.prefix}_more"``) fall under the
``m_``, ``c_`` row. Only literal text is read: keys built wholly at run time are the
reviewer's to list.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = ROOT / "docs" / "architecture.md"
#: Where session keys are made: the page scripts, the entrypoint and every ui module.
SOURCES = sorted([ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py")])
#: Literal text that opens a key: a widget's key=, a state read or write, a key constant.
KEY_HEADS = (
    re.compile(r"\bkey=f?\"([^\"{]*)"),
    re.compile(r"\b(?:state|session_state)\[f?\"([^\"{]*)"),
    re.compile(r"\b(?:state|session_state)\.(?:get|pop|setdefault)\(f?\"([^\"{]*)"),
    # A constant holding a key: one named ..._KEY, or a value shaped like one (``t_gap``).
    re.compile(r"^[A-Z_]*KEY(?:: [\w\[\], ]+)? = \"([a-z][a-z0-9_]*)\"$", re.MULTILINE),
    re.compile(r"^[A-Z][A-Z_]*(?:: [\w\[\], ]+)? = \"([a-z]+_[a-z0-9_]*)\"$", re.MULTILINE),
)
#: A derived key's suffix or a session-only key: two underscores, in a string.
DUNDER = re.compile(r"(?<!\w)(__[a-z][a-z0-9_]*)(?=[\"'{])")


def key_heads(text: str) -> set[str]:
    """The literal start of every session key made in ``text`` (empty when it starts with a
    run-time value)."""
    return {head for pattern in KEY_HEADS for head in pattern.findall(text)}


def derived(text: str) -> set[str]:
    """Every key suffix and session-only key (two leading underscores) in ``text``."""
    return {name for name in DUNDER.findall(text) if not name.endswith("__")}


def prefix(head: str) -> str:
    """What the registry must list for a key: up to its first underscore, or all of it."""
    return head[: head.index("_") + 1] if "_" in head else head


def listed(name: str, registry: str) -> bool:
    """Whether the registry names ``name`` (a prefix, a whole key) in a code span."""
    return f"`{name}" in registry


def test_the_readers_find_keys_suffixes_and_prefixes() -> None:
    code = (
        'st.slider("x", key="cl_rows")\nstate[f"l_step_{side.prefix}"] = 1\n'
        'SIDE_KEY = "n_side"\nSTATE_KEY = "state"\nGAP = "t_gap"\nGAP: Final = "medium"\n'
        'PAIR = "__pair"\nf"{section}__slot_{field}"\n'
        'st.button("y", key=f"{side.prefix}_more")\nif __name__ == "__main__":\n'
    )
    assert key_heads(code) == {"cl_rows", "l_step_", "n_side", "state", "t_gap", ""}
    assert derived(code) == {"__pair", "__slot_"}
    assert [prefix(head) for head in ("cl_rows", "state", "l_step_")] == ["cl_", "state", "l_"]
    assert listed("cl_", "| `cl_` | Caseload |") and not listed("cl_", "| `rp_` |")


def test_every_key_prefix_in_the_code_is_in_the_registry() -> None:
    registry = REGISTRY.read_text(encoding="utf-8")
    missing: dict[str, str] = {}
    for path in SOURCES:
        for head in key_heads(path.read_text(encoding="utf-8")):
            if head and not head.startswith("__") and not listed(prefix(head), registry):
                missing[head] = str(path.relative_to(ROOT))
    assert missing == {}, f"keys whose prefix docs/architecture.md does not list: {missing}"


def test_every_key_suffix_and_session_only_key_is_in_the_registry() -> None:
    registry = REGISTRY.read_text(encoding="utf-8")
    found = {name: path for path in SOURCES for name in derived(path.read_text(encoding="utf-8"))}
    assert {"__seen", "__exact", "__last_good"} <= set(found)
    missing = {
        name: str(path.relative_to(ROOT))
        for name, path in found.items()
        if not listed(name, registry)
    }
    assert missing == {}, f"suffixes docs/architecture.md does not list: {missing}"
