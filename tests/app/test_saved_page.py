"""AppTest: the Saved scenarios page keeps every scenario it promises, and loses none."""

from __future__ import annotations

from tests.helpers import chart, rendered, start
from ui.kit.scenario_io import MAX_SAVED
from ui.kit.text import plain

SAVED = "pages/saved.py"


def save(at, prefix: str, name: str):
    at.text_input(key=f"{prefix}_save_name").set_value(name).run()
    at.button(key=f"{prefix}_save").click().run()
    assert not at.exception, at.exception
    return at


def test_every_count_the_page_promises_keeps_its_chart_and_buttons():
    """Issue 22: a fifth saved scenario broke the page for the rest of the visit (only the
    error box was left; every Load and Delete button was gone)."""
    at = start(SAVED)
    assert any(f"Keep up to {MAX_SAVED}" in caption.value for caption in at.caption)
    for count in range(1, MAX_SAVED + 1):
        save(at, "mc"[count % 2], f"Scenario {count}")
        assert not at.error, [error.value for error in at.error]
        figure, alt = chart(at, "saved_outcomes")
        assert len(figure["layout"]["annotations"]) == count
        assert alt.count("Scenario ") == count
        loads = [b for b in at.button if b.key and b.key.startswith("load_")]
        deletes = [b for b in at.button if b.key and b.key.startswith("delete_")]
        assert len(loads) == len(deletes) == count
    save(at, "c", "One too many")
    assert "delete one first" in rendered(at.error[0].value)
    assert len([b for b in at.button if b.key and b.key.startswith("load_")]) == MAX_SAVED


def test_a_name_already_saved_is_refused_across_sides_with_a_message():
    at = save(start(SAVED), "c", "Smith")
    figure, _ = chart(at, "saved_outcomes")
    kept = figure["data"]
    save(at, "m", "Smith")
    message = rendered(at.error[0].value)
    assert message.startswith("Not saved: “Smith” is already saved (the other loan)")
    assert at.text_input(key="m_save_name").value == "Smith"  # what was typed stays
    assert chart(at, "saved_outcomes")[0]["data"] == kept


def test_a_saved_name_is_shown_as_typed_never_as_markdown():
    """Issue 22: a saved name ``![x](http://127.0.0.2/a.png)`` made the "Saved" toast fetch
    from that host."""
    name = "![x](http://127.0.0.2/a.png)"
    at = save(start(SAVED), "c", name)
    assert [toast.value for toast in at.toast] == [f"Saved “{plain(name)}”."]
