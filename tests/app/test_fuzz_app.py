"""Fuzz the app: hostile URLs, then random and hostile values for every widget on every page.

Each example opens the app with a random URL (known parameter names with hostile
values, plus random names), switches to one registered page and performs a short
sequence of actions, each drawn from the widgets on screen after the previous run:
numbers (negative, 0, NaN, inf, +/-1e308, huge integers), text (empty, unicode, RTL
marks, HTML and script tags, 10,000 characters, misplaced commas, 1E-999999, links and
images pointing at 127.0.0.2, dates out of range), dates, options (the widget's own and
labels that are not among them), clicks, uploads of hostile files, and now and then a
switch to another page. After every run: no exception, no traceback text on screen,
and a number box that was typed into still shows what was typed (or, for a valid
value of a scenario input, the canonical state holds the validated value).

Examples per page: ``FUZZ_EXAMPLES`` (15 by default, 2,000 with ``HYPOTHESIS_PROFILE=full``)::

    HYPOTHESIS_PROFILE=full .venv/bin/pytest tests/app/test_fuzz_app.py
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Element, Widget

from deficiency import InvalidInputError
from deficiency.scenarios import parse_field
from deficiency.state_law import AMOUNT_FACTS, BOOLEAN_FACTS
from tests.helpers import APP, pair, pair_keys
from ui.kit.navigation import all_pages
from ui.kit.scenario_io import url_params
from ui.kit.sides import SIDES, InputSpec
from ui.kit.state import ERROR, EXACT, STATE_KEY, init_state

FULL = os.environ.get("HYPOTHESIS_PROFILE") == "full"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000" if FULL else "15"))
#: Actions per example after the page opens.
MAX_ACTIONS = int(os.environ.get("FUZZ_ACTIONS", "6"))
#: Shrinking an AppTest failure takes minutes; the notes already list every action taken.
PHASES = tuple(Phase) if os.environ.get("FUZZ_SHRINK") else tuple(set(Phase) - {Phase.shrink})

PAGES = [entry.path for entry in all_pages()]
ROOT = APP.parent

# --- values -------------------------------------------------------------------------------------

HOSTILE_NUMBERS: list[float | int] = [
    0,
    -0.0,
    -1,
    -0.01,
    0.005,
    1e-9,
    5e-324,
    float("nan"),
    float("inf"),
    float("-inf"),
    1e308,
    -1e308,
    1e12,
    1e12 + 0.01,
    999_999_999_999.99,
    2**53,
    -(2**53),
    10**15 + 0.5,
]
HOSTILE_TEXT = [
    "",
    " ",
    "0",
    "-1",
    "-$5.00",
    "$1,234.56",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "1e308",
    "-1e308",
    "1e999999999",
    "0x1F",
    "1_000",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>bold</b></div>",
    "\u202eevil\u202c",
    "\u200f123\u200f",
    "١٢٣٫٤٥",
    "𝟙𝟚𝟛",
    "💸💸",
    "Robert'); DROP TABLE cases;--",
    "%s%n{0}{}",
    "a\x00b",
    "\n\n\t",
    "[x](javascript:alert(1)) **bold** $$x$$",
    "a" * 10_000,
    "9" * 10_000,
    # Issue 22: misplaced commas, a percentage of a million places, links and images
    # pointing at another host, dates a picker would refuse.
    "8.500,00",
    "1,00",
    "1,2,3",
    "1E-999999",
    "0.00001",
    "![x](http://127.0.0.2/a.png)",
    "www.example.com",
    "http://127.0.0.2/",
    "me@127.0.0.2.example",
    "13/45/2025",
    "01/01/1902",
    "9" * 5000,
]
DATES = [
    dt.date(1, 1, 1),
    dt.date(1900, 2, 28),
    dt.date(1970, 1, 1),
    dt.date(2000, 2, 29),
    dt.date(2038, 1, 19),
    dt.date(9999, 12, 31),
]

numbers = st.one_of(
    st.sampled_from(HOSTILE_NUMBERS),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=1e7),
    st.integers(min_value=-(10**20), max_value=10**20),
)
#: Integer boxes: the browser keeps them within JavaScript's safe integers (Streamlit
#: replaces anything beyond with the box's default, as it does a non-finite float).
SAFE = 2**53 - 1
integers = st.one_of(
    st.sampled_from([0, -1, 1, 2**31, -(2**31), SAFE, -SAFE]),
    st.integers(min_value=-SAFE, max_value=SAFE),
    st.integers(min_value=0, max_value=1000),
)
texts = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=60),
    st.from_regex(r"-?\$?[0-9,]{0,15}(\.[0-9]{0,4})?", fullmatch=True),
)
dates = st.one_of(
    st.sampled_from(DATES),
    st.dates(),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31)),
)
uploads = st.one_of(
    st.binary(max_size=2_000),
    texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.sampled_from(
        [
            b"",
            b"\xff\xfe\x00",
            b'{"format": "deficiency-scenario", "version": 1, "kind": "auto"}',
            b'{"format": "deficiency-scenario", "version": 999}',
            b"[" * 5_000,
            b"id,kind,exit\n1,auto,voluntary\n" + b"2,mortgage,<script>\n" * 50,
            b"x" * 300_000,
        ]
    ),
)

# --- URL parameters -----------------------------------------------------------------------------


def _known_url_keys() -> list[str]:
    state: dict[str, Any] = {}
    init_state(state)
    keys = set(url_params(state)) | {STATE_KEY}
    for side in SIDES:
        keys |= {side.exit_key, side.resolution_key, side.preset_key}
        keys |= {spec.key for spec in (*side.specs, *side.resolution_specs.values())}
        facts = (*AMOUNT_FACTS, *BOOLEAN_FACTS, "foreclosure_type")
        keys |= {side.key(f"f_{fact}") for fact in facts}
    return sorted(keys)


URL_KEYS = _known_url_keys()
url_values = st.one_of(
    texts,
    numbers.map(str),
    st.sampled_from(
        ["yes", "no", "unknown", "CA", "ca", "TX", "ZZ", "judicial", "short-sale-example"]
    ),
)
url_queries = st.dictionaries(
    st.one_of(
        st.sampled_from(URL_KEYS),
        st.text(min_size=1, max_size=40),
        st.sampled_from(["<script>", "a" * 10_000, "m_f_<b>", "c_f_", "__url_loaded"]),
    ),
    url_values,
    max_size=8,
)

# --- what must never be on screen ---------------------------------------------------------------

TRACEBACK = re.compile(
    r"Traceback \(most recent call last\)"
    r"|File \"[^\"]*\", line \d+"
    r"|\b[A-Z]\w*(Error|Exception): "
    r"|decimal\.InvalidOperation|<class '"
)


def _walk(node: Block | Element) -> Iterator[Block | Element]:
    yield node
    if isinstance(node, Block):
        for child in node.children.values():
            yield from _walk(child)


def _screen_text(at: AppTest) -> Iterator[str]:
    for node in _walk(at._tree):
        if isinstance(node, Block):
            label = getattr(getattr(node, "proto", None), "expandable", None)
            if label is not None and label.label:
                yield label.label
            continue
        for name in ("value", "label", "body", "help", "caption", "placeholder"):
            try:
                found = getattr(node, name, None)
            except Exception:  # a widget whose value AppTest cannot compute has none to show
                continue
            if isinstance(found, str):
                yield found
        proto = getattr(node, "proto", None)
        if node.type == "bidi_component" and proto.component_name.endswith("deficiency_chart"):
            yield json.loads(proto.json)["alt"]  # a chart (ui/kit/chart_view.py): its alt shows
        for name in ("body", "alt", "message", "stack_trace"):
            found = getattr(proto, name, None)
            if isinstance(found, str):
                yield found
            elif found is not None and name == "stack_trace":
                yield "\n".join(found)


def check_screen(at: AppTest) -> None:
    """No exception element and no traceback text anywhere on the page."""
    assert not at.exception, [exception.value for exception in at.exception]
    for text in _screen_text(at):
        found = TRACEBACK.search(text)
        assert found is None, f"traceback text on screen: {text[:500]!r}"


# --- widgets ------------------------------------------------------------------------------------

SCENARIO_SPECS: dict[str, InputSpec] = {
    spec.key: spec for side in SIDES for spec in (*side.specs, *side.resolution_specs.values())
}


def widgets(at: AppTest) -> list[Widget]:
    """Every widget on screen that a user can act on, in page order."""
    found = [
        node
        for node in _walk(at._tree)
        if isinstance(node, Widget) and not getattr(node.proto, "disabled", False)
    ]
    return [widget for widget in found if widget.type != "download_button" or widget.key]


def _number_value(widget: Widget, data: st.DataObject) -> float | int | None:
    is_int = widget.proto.data_type == widget.proto.DataType.INT
    if not widget.proto.HasField("default") and data.draw(st.integers(0, 9)) == 0:
        return None  # a box that may be empty, cleared
    if is_int:
        return data.draw(integers)
    return float(data.draw(numbers))  # a float box sends a double, even for a whole number


def act(at: AppTest, widget: Widget, data: st.DataObject) -> tuple[str, Any]:
    """Give one widget a random or hostile value; return what was done, for the checks."""
    kind = widget.type
    value: Any
    if kind == "number_input":
        value = _number_value(widget, data)
        widget.set_value(value)
        return kind, value
    if kind == "slider":
        low, high = widget.min, widget.max
        inside = (
            st.integers(int(low), int(high))
            if isinstance(high, int)
            else st.floats(float(low), float(high))
        )
        value = data.draw(st.one_of(inside, st.sampled_from([low, high]), numbers))
        if isinstance(high, int) and isinstance(value, float):
            value = int(value) if math.isfinite(value) else high
        widget.set_value(value)
        return kind, value
    if kind in ("text_input", "text_area"):
        value = data.draw(texts)
        widget.set_value(value)
        return kind, value
    if kind == "date_input":
        value = data.draw(st.one_of(dates, st.none()) if not widget.proto.default else dates)
        widget.set_value(value)
        return kind, value
    if kind in ("selectbox", "button_group", "radio"):
        # Options are sent by label, as the browser does; a segmented control also takes
        # labels it does not offer (AppTest cannot send those to a selectbox or radio).
        labels = list(widget.options)
        choices = [st.sampled_from(labels)] if labels else []
        if kind == "button_group":
            choices.append(texts)
        if not getattr(widget.proto, "required", False) and (
            kind == "button_group" or not widget.proto.HasField("default")
        ):
            choices.append(st.none())
        if not choices:
            return kind, None
        label = data.draw(st.one_of(choices))
        widget.set_value(label)
        return kind, label
    if kind in ("toggle", "checkbox"):
        value = data.draw(st.booleans())
        widget.set_value(value)
        return kind, value
    if kind in ("button", "download_button"):
        widget.click()
        return kind, True
    if kind == "file_uploader":
        content = data.draw(uploads)
        extension = data.draw(st.sampled_from(widget.allowed_type or [".txt"]))
        stem = data.draw(st.sampled_from(["s", "<b>x</b>", "a" * 300, "﷽ ‮"]))
        name = stem + extension
        widget.set_value(None if not content else (name, content, "application/octet-stream"))
        return kind, len(content)
    return kind, None


def act_on_pair(at: AppTest, key: str, data: st.DataObject) -> str:
    """Type random or hostile text in a slider-and-box pair's box, or move its range
    (a browser sends any text it is made to); return the entry sent."""
    shown = pair(at, key)
    typed = data.draw(
        st.one_of(texts, numbers.map(repr), st.floats(0, float(shown.view["max"])).map(repr))
    )
    if data.draw(st.booleans()):
        shown.enter(typed)
    else:
        shown.slide(typed)
    return typed


def check_pair_kept(at: AppTest, key: str, typed: str, before: dict[str, Any]) -> None:
    """An entry in a pair is never lost: the box shows it, or its value is canonical."""
    if key not in pair_keys(at):
        return  # the page changed under it
    shown = pair(at, key).entry
    state = at.session_state
    spec = SCENARIO_SPECS.get(key)
    if spec is None:  # a page's own input: refused entries stay as typed
        if key + ERROR in state:
            assert shown == typed, f"{key}: typed {typed!r}, box shows {shown!r}"
        return
    try:
        if not typed.strip():
            raise InvalidInputError(spec.label, "is empty")
        expected = parse_field(spec.info, typed)
    except InvalidInputError:
        assert shown == typed, f"{key}: typed {typed!r}, box shows {shown!r}"
        assert key + ERROR in state, f"{key}: {typed!r} refused without a message"
        assert state[key] == before[key], f"{key}: a bad entry changed the figures"
        return
    assert Decimal(state[key]) == expected, f"{key}: {typed!r} became {state[key]!r}"


def _same(shown: Any, typed: Any) -> bool:
    if isinstance(shown, float) and isinstance(typed, float) and math.isnan(typed):
        return math.isnan(shown)
    return bool(shown == typed)


def check_kept(at: AppTest, key: str, typed: Any, before: dict[str, Any]) -> None:
    """A typed number is never lost: the box shows it, or its validated value is canonical.

    Streamlit itself replaces a non-finite float with the box's default before any
    callback runs (``number_input`` deserialisation), so those are checked for crashes only.
    """
    boxes = [box for box in at.number_input if box.key == key]
    if not boxes or (isinstance(typed, float) and not math.isfinite(typed)):
        return  # the action switched the page or hid the box (a preset, a toggle)
    shown = boxes[0].value
    canonical = key.removesuffix(EXACT)
    spec = SCENARIO_SPECS.get(canonical)
    state = at.session_state
    if spec is None or typed is None:
        if canonical + ERROR in state or typed is None:
            assert _same(shown, typed), f"{key}: typed {typed!r}, box shows {shown!r}"
        return
    try:
        expected = parse_field(spec.info, typed)
    except InvalidInputError:
        assert _same(shown, typed), f"{key}: typed {typed!r}, box shows {shown!r}"
        assert canonical + ERROR in state, f"{key}: {typed!r} refused without a message"
        assert state[canonical] == before[canonical], f"{key}: a bad entry changed the figures"
        return
    assert Decimal(state[canonical]) == expected, f"{key}: {typed!r} became {state[canonical]!r}"


# --- the tests ----------------------------------------------------------------------------------


def open_app(page: str, query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    check_screen(at)
    at.switch_page(page).run()
    check_screen(at)
    return at


@pytest.mark.parametrize("page", PAGES)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(query=url_queries, data=st.data())
def test_fuzz_page(page: str, query: dict[str, str], data: st.DataObject) -> None:
    note(f"URL {sorted(query)!r}")
    at = open_app(page, query)
    for _ in range(data.draw(st.integers(1, MAX_ACTIONS), label="actions")):
        if data.draw(st.integers(0, 11)) == 0:
            target = data.draw(st.sampled_from(PAGES), label="switch to")
            at.switch_page(target).run()
            check_screen(at)
            continue
        on_screen: list[Widget | str] = [*widgets(at), *pair_keys(at)]
        if not on_screen:
            break
        widget = on_screen[data.draw(st.integers(0, len(on_screen) - 1))]
        before = {name: at.session_state[name] for name in SCENARIO_SPECS}
        if isinstance(widget, str):  # a slider-and-box pair, by its canonical key
            typed = act_on_pair(at, widget, data)
            note(f"pair {widget!r} <- {typed!r:.200}")
            check_screen(at)
            check_pair_kept(at, widget, typed, before)
            continue
        key = widget.key or widget.type
        kind, value = act(at, widget, data)
        note(f"{kind} {key!r} <- {value!r:.200}")
        at.run()
        check_screen(at)
        if kind == "number_input" and widget.key:
            check_kept(at, widget.key, value, before)


#: The modules allowed st.html: the answer block and the figure cards, which escape every
#: text they are given (tests/ui/test_answer_block.py, tests/ui/test_cards.py) and draw a
#: whole block as one element.
ESCAPED_HTML = {ROOT / "ui" / "scenario" / "answer.py", ROOT / "ui" / "kit" / "cards.py"}


def test_no_page_renders_raw_html() -> None:
    """Streamlit escapes what it shows unless told not to: nothing in the app tells it to,
    but the answer block and the figure cards, which escape every text themselves."""
    sources = [ROOT / "app.py", *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    assert len(sources) > 3
    for path in sources:
        text = Path(path).read_text()
        for banned in ("unsafe_allow_html", "st.html(", "components.html", "components.v1"):
            if banned == "st.html(" and Path(path) in ESCAPED_HTML:
                continue
            assert banned not in text, f"{path.name} uses {banned}"


# --- regressions the fuzzer found ---------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["m", "c"])
@pytest.mark.parametrize("field", ["unpaid_principal", "sale_price"])
def test_odds_page_explores_a_scenario_with_a_zero_amount(prefix: str, field: str) -> None:
    """A $0 sale price or balance is a real case; the tornado's default range once failed on it."""
    page = "pages/mortgage.py" if prefix == "m" else "pages/car.py"
    at = open_app(page, {})
    pair(at, f"{prefix}_{field}").enter(0.0)
    check_screen(at)
    assert at.session_state[f"{prefix}_{field}"] == "0.00"
    at.switch_page("pages/odds.py").run()
    check_screen(at)
    at.button_group(key="o_side__widget").set_value(prefix).run()
    check_screen(at)
    assert at.selectbox(key=f"o_{prefix}_tornado_field").options
