"""Nothing a user entered is lost by visiting another page and coming back.

Streamlit keys a widget's value by page: a widget that is not drawn on the page shown
loses its value unless the app keeps it (canonical state keys, or ``persist_state``).
These tests enter a new value in every input of a page, visit another page, return,
and expect every input to show what was entered; and they follow a refused entry (with
its message) from one page to another, as the app fuzzer once found it lost.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

from tests.app.test_fuzz_app import check_screen, open_app, widgets
from tests.helpers import pair, pair_keys
from ui.kit.amount_pair import PAIR_WIDGET
from ui.kit.navigation import all_pages
from ui.kit.state import ERROR

PAGES = [entry.path for entry in all_pages()]
#: Widgets whose value is an action or a file, not an entry that could be kept.
NOT_ENTRIES = {"button", "download_button", "file_uploader", "chat_input"}


def entries(at: AppTest) -> dict[str, Any]:
    """What every keyed input on screen shows, by key (a slider-and-box pair: its box)."""
    shown = {
        widget.key: widget.value
        for widget in widgets(at)
        if widget.key and widget.type not in NOT_ENTRIES
    }
    shown.update({key + PAIR_WIDGET: pair(at, key).entry for key in pair_keys(at)})
    return shown


def _another_option(widget: Widget) -> Any:
    options = list(widget.options)
    current = widget.value
    others = [option for option in options if option != current and option is not None]
    return others[-1] if others else None


def _new_value(widget: Widget) -> Any:
    """A valid value different from the one shown, or None when there is none to pick."""
    kind, value = widget.type, widget.value
    if kind == "number_input":
        step = widget.step or 1
        proto = widget.proto
        candidate = (value or 0) + step
        if proto.has_max and candidate > proto.max:
            candidate = (value or 0) - step
        return candidate
    if kind in ("selectbox", "button_group", "radio"):
        return _another_option(widget)
    if kind in ("toggle", "checkbox"):
        return not value
    if kind == "date_input":
        if isinstance(value, dt.date):
            return value - dt.timedelta(days=1)
        return dt.date(2026, 1, 15) if value is None else None
    if kind in ("text_input", "text_area"):
        return "$1,234.00" if value != "$1,234.00" else "$1,000.00"
    return None


def enter_new_values(at: AppTest) -> None:
    """Give each keyed input of the page, in page order, a new valid value."""
    done: set[str] = set()
    while True:
        pending = [
            widget
            for widget in widgets(at)
            if widget.key
            and widget.key not in done
            and widget.type not in NOT_ENTRIES | {"slider"}  # a slider's box is set instead
        ]
        if not pending:
            break
        widget = pending[0]
        done.add(widget.key)
        value = _new_value(widget)
        if value is None:
            continue
        widget.set_value(value)
        at.run()
        at.run()  # the full page again: a change may have redrawn only its own regions
        check_screen(at)
    for key in pair_keys(at):
        shown = pair(at, key)
        step = float(shown.view["step"])
        new = shown.value + step if shown.value + step <= float(shown.view["max"]) else 0
        shown.enter(f"{new:g}")
        at.run()
        check_screen(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_input_keeps_its_entry_after_a_visit_to_another_page(page: str) -> None:
    at = open_app(page, {})
    enter_new_values(at)
    entered = entries(at)
    elsewhere = "pages/learn.py" if page != "pages/learn.py" else "pages/saved.py"
    at.switch_page(elsewhere).run()
    at.switch_page(page).run()
    check_screen(at)
    shown = entries(at)
    lost = {
        key: (value, shown.get(key)) for key, value in entered.items() if shown.get(key) != value
    }
    assert not lost, f"{page}: entered (then shown after the visit): {lost}"


def test_a_refused_entry_and_its_message_follow_the_input_to_another_page() -> None:
    """The fuzzer's case: "-0.01" refused on Mortgage exit showed as 0.00 on Compare, still
    with its message, and typing 0 there changed nothing (the box already read 0)."""
    key = "m_unpaid_principal"
    at = open_app("pages/mortgage.py", {})
    pair(at, key).enter(-0.01)
    assert at.session_state[key] == "250000.00"
    assert key + ERROR in at.session_state
    at.switch_page("pages/compare.py").run()
    assert pair(at, key).entry_number == -0.01
    assert any("cannot be negative" in error.value for error in at.error)
    pair(at, key).enter(-0.0)
    at.run()
    check_screen(at)
    assert at.session_state[key] == "0.00"
    assert key + ERROR not in at.session_state
    assert not any("cannot be negative" in error.value for error in at.error)


def test_a_refused_optional_amount_stays_in_its_box_after_a_visit() -> None:
    """A box that may stay empty (not known): a refused entry is kept there, not cleared."""
    key = "x_liabilities"
    at = open_app("pages/taxes.py", {})
    at.number_input(key=key + "__exact").set_value(-5.0).run()
    assert key + ERROR in at.session_state
    at.switch_page("pages/learn.py").run()
    at.switch_page("pages/taxes.py").run()
    assert at.number_input(key=key + "__exact").value == -5.0
    assert any("cannot be negative" in error.value for error in at.error)
    at.number_input(key=key + "__exact").set_value(None).run()
    assert at.session_state[key] == ""
    assert key + ERROR not in at.session_state
