"""A load leaves the link before it in the browser's history; that link restores the scenario."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ui.kit.link import restore_link
from ui.kit.load_history import LoadEntry, query, record_load
from ui.kit.scenario_io import url_params
from ui.kit.sides import MORTGAGE
from ui.kit.state import init_state, load_preset
from ui.learn.loading import load_example


def changed() -> dict:
    state: dict = {}
    init_state(state)
    load_preset(state, MORTGAGE, "short-sale-realistic")
    state["m_sale_price"] = "190000.00"
    state["m_exit"] = "foreclosure"
    return state


def test_a_load_that_changes_the_link_asks_for_an_entry_holding_both_links():
    state = changed()
    before = url_params(state)
    load_example(state, MORTGAGE, "short-sale-example")
    record_load(state, before)
    entry = state["__load_entry"]
    assert entry == LoadEntry(1, query(before), query(url_params(state)))
    assert "m_sale_price=190000" in entry.before and "m_sale_price" not in entry.after

    again = url_params(state)
    load_example(state, MORTGAGE, "short-sale-realistic")
    record_load(state, again)
    assert state["__load_entry"].id == 2


def test_a_load_that_leaves_the_link_as_it_was_asks_for_no_entry():
    state: dict = {}
    init_state(state)
    before = url_params(state)
    load_example(state, MORTGAGE, "short-sale-example")
    record_load(state, before)
    assert "__load_entry" not in state


def test_the_link_before_a_load_restores_every_figure_it_replaced():
    state = changed()
    before = url_params(state)
    expected = dict(state)
    load_example(state, MORTGAGE, "short-sale-example")
    record_load(state, before)
    restore_link(state, state["__load_entry"].before)
    assert url_params(state) == before
    assert {key: state[key] for key in expected} == expected
    assert "__url_notice" not in state


# A stand-in for the browser objects the script touches: the history it writes, the
# popstate listener it adds, and the trigger it calls.
HARNESS = """
const [script] = process.argv.slice(1);
const calls = [];
const listeners = [];
class History {
  replaceState(state, title, url) { calls.push(["replace", state, url]); }
  pushState(state, title, url) { calls.push(["push", state, url]); }
}
const history = new History();
history.pushState = () => calls.push(["patched push"]);  // as ui/kit/history.js does
globalThis.History = History;
globalThis.window = {
  history, location: { pathname: "/learn", search: "?after" },
  addEventListener: (type, listener) => listeners.push([type, listener]),
};
const { default: keep } = await import(script);
const triggers = [];
const setTriggerValue = (name, value) => triggers.push([name, value]);
const entry = { id: 1, before: "?before", after: "?after" };
keep({ data: { entry }, setTriggerValue });
keep({ data: { entry }, setTriggerValue });  // a later run sends the same load again
keep({ data: { entry: null }, setTriggerValue });
window.location.search = "?before";
for (const [type, listener] of listeners) {
  listener({ state: { deficiencyScenario: true } });
  listener({ state: { other: 1 } });  // an entry no load made
  listener({ state: null });
}
console.log(JSON.stringify({ calls, triggers, listeners: listeners.map(([type]) => type) }));
"""


def test_the_script_pushes_one_marked_entry_a_load_and_restores_only_marked_ones():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: it runs the component's script here")
    script = Path(__file__).resolve().parents[2] / "ui" / "kit" / "load_history.js"
    done = subprocess.run(
        [node, "--input-type=module", "-e", HARNESS, script.as_uri()],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    result = json.loads(done.stdout)
    marked = {"deficiencyScenario": True}
    assert result["calls"] == [
        ["replace", marked, "/learn?before"],
        ["push", marked, "/learn?after"],
    ]
    assert result["listeners"] == ["popstate"]
    assert result["triggers"] == [["restore", "?before"]]
