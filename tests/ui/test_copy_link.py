"""The "Copy link" component: its markup, and its script run in Node against a stand-in page."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import start
from ui.kit.copy_link import COPY_LINK_HTML, COPY_LINK_KEY

SCRIPT = Path(__file__).resolve().parents[2] / "ui" / "kit" / "copy_link.js"
ADDRESS = "http://127.0.0.1:8501/mortgage?m_preset=short-sale-example&state=CA"

# A stand-in for the few browser objects the script touches; ``clipboard`` decides whether
# the Clipboard API works, ``execCommand`` whether the fallback copy does.
HARNESS = """
const [script, clipboardWorks, commandWorks] = process.argv.slice(1);
const copied = [];
const button = { onclick: null };
const status = { textContent: "" };
const parentElement = {
  querySelector: (selector) => ({ ".deficiency-copy-link": button,
                                  ".deficiency-copy-status": status })[selector],
};
const box = { value: "", style: {}, setAttribute() {}, select() {}, remove() {} };
globalThis.window = { location: { href: "ADDRESS" } };
Object.defineProperty(globalThis, "navigator", { configurable: true, value: { clipboard: {
  writeText: async (text) => {
    if (clipboardWorks !== "yes") throw new Error("denied");
    copied.push(["clipboard", text]);
  } } } });
globalThis.document = {
  createElement: () => box,
  body: { appendChild() {} },
  execCommand: () => { copied.push(["command", box.value]); return commandWorks === "yes"; },
};
const { default: copyLink } = await import(script);
const cleanup = copyLink({ parentElement });
await button.onclick();
cleanup();
console.log(JSON.stringify({ copied, status: status.textContent, after: button.onclick }));
""".replace("ADDRESS", ADDRESS)


def run_script(clipboard: bool, command: bool) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: it runs the component's script here")
    done = subprocess.run(
        [node, "--input-type=module", "-e", HARNESS, SCRIPT.as_uri(),
         "yes" if clipboard else "no", "yes" if command else "no"],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return json.loads(done.stdout)


def test_a_click_puts_the_current_address_on_the_clipboard_and_says_so():
    result = run_script(clipboard=True, command=False)
    assert result["copied"] == [["clipboard", ADDRESS]]
    assert result["status"].startswith("Link copied")
    assert result["after"] is None  # the handler goes with the component


def test_without_the_clipboard_api_the_address_is_copied_by_selection():
    result = run_script(clipboard=False, command=True)
    assert result["copied"] == [["command", ADDRESS]]
    assert result["status"].startswith("Link copied")


def test_when_nothing_can_copy_the_status_says_where_the_address_is():
    result = run_script(clipboard=False, command=False)
    assert "address bar" in result["status"]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs), ""))

    def handle_data(self, data: str) -> None:
        tag, attrs, text = self.found[-1]
        self.found[-1] = (tag, attrs, text + data)


def test_the_markup_is_a_real_button_with_a_status_line_a_screen_reader_announces():
    parser = _Elements()
    parser.feed(COPY_LINK_HTML)
    by_class = {attrs.get("class"): (tag, attrs, text) for tag, attrs, text in parser.found}
    tag, attrs, text = by_class["deficiency-copy-link"]
    assert (tag, attrs.get("type"), text) == ("button", "button", "Copy link")
    tag, attrs, _ = by_class["deficiency-copy-status"]
    assert attrs.get("role") == "status" and attrs.get("aria-live") == "polite"


@pytest.mark.parametrize("page", ["pages/compare.py", "pages/mortgage.py", "pages/learn.py"])
def test_every_page_carries_the_button(page):
    at = start(page)
    names = [element.proto.id for element in at.get("bidi_component")]
    assert any(name.endswith(COPY_LINK_KEY) for name in names), names
