"""A slider and its exact box share one value; the server keeps both in step without
sending a widget a value it already shows, and tells a stale copy from the user's change."""

from __future__ import annotations

from typing import Any

from ui.kit.state import EXACT, SLIDER, is_echo, show_in_widget

KEY = "c_sale_price"


class BrowserState(dict[str, Any]):
    """Session state that records which widget keys the server wrote: Streamlit sends a
    written widget its value, and the browser puts it over what the user is doing."""

    def __init__(self, **widgets: float) -> None:
        super().__init__(widgets)
        self.sent: list[str] = []

    def __setitem__(self, key: str, value: Any) -> None:
        if key.endswith((SLIDER, EXACT)):
            self.sent.append(key)
        super().__setitem__(key, value)


def draw(state: BrowserState, value: float, mounted: bool = True) -> None:
    """What a pair's draw does: give both widgets the canonical value."""
    state.sent.clear()
    show_in_widget(state, KEY + SLIDER, value, mounted)
    show_in_widget(state, KEY + EXACT, value, mounted)


def start(value: float) -> BrowserState:
    state = BrowserState(**{KEY + SLIDER: value, KEY + EXACT: value})
    draw(state, value)
    return state


def sends(state: BrowserState, slider: float, box_in_browser: float) -> None:
    """A rerun as the browser asks for it: with the slider and the box as it shows them."""
    dict.__setitem__(state, KEY + SLIDER, slider)
    dict.__setitem__(state, KEY + EXACT, box_in_browser)


def test_a_slider_press_sends_the_box_its_value_and_the_slider_nothing():
    state = start(8500.0)
    assert state.sent == []
    sends(state, 8600.0, 8500.0)
    draw(state, 8600.0)
    assert state.sent == [KEY + EXACT]


def test_a_widget_drawn_anew_is_sent_its_value_even_if_the_state_holds_it():
    # On another page the box is a new widget: it shows only what it is sent.
    state = start(8500.0)
    draw(state, 8500.0, mounted=False)
    assert state.sent == [KEY + SLIDER, KEY + EXACT]


def test_the_box_value_sent_with_the_next_slider_press_is_an_echo():
    state = start(8500.0)
    sends(state, 8600.0, 8500.0)  # its run gives the box 8600
    draw(state, 8600.0)
    # The next press leaves before the box shows 8600: the browser sends the box's 8500.
    sends(state, 8700.0, 8500.0)
    assert is_echo(state, KEY, EXACT)
    assert not is_echo(state, KEY, SLIDER)


def test_every_value_the_box_held_since_the_browser_caught_up_is_an_echo():
    state = start(8500.0)
    sends(state, 8600.0, 8500.0)
    draw(state, 8600.0)
    for pressed, box_in_browser in ((8700.0, 8500.0), (8800.0, 8600.0), (8900.0, 8500.0)):
        sends(state, pressed, box_in_browser)
        assert is_echo(state, KEY, EXACT)
        assert not is_echo(state, KEY, SLIDER)
        draw(state, pressed)


def test_the_user_typing_the_earlier_value_into_the_box_is_not_an_echo():
    state = start(8500.0)
    sends(state, 8600.0, 8500.0)
    draw(state, 8600.0)
    # The box shows 8600, and the user types 8500 back: the slider did not move with it.
    sends(state, 8600.0, 8500.0)
    assert not is_echo(state, KEY, EXACT)


def test_once_the_browser_sends_the_value_back_the_old_ones_are_forgotten():
    state = start(8500.0)
    sends(state, 8600.0, 8500.0)
    draw(state, 8600.0)
    sends(state, 8600.0, 8600.0)  # a later run: the box came back as 8600
    draw(state, 8600.0)
    sends(state, 8700.0, 8500.0)  # so 8500 now is no stale copy
    assert not is_echo(state, KEY, EXACT)


def test_a_value_still_on_its_way_is_sent_again_when_the_browser_holds_the_target_by_chance():
    # The box was given 8700; before it arrives the user steps back to 8600, which the
    # box held: without a second send the arriving 8700 would leave the pair apart.
    state = start(8600.0)
    sends(state, 8700.0, 8600.0)
    draw(state, 8700.0)
    sends(state, 8600.0, 8600.0)  # the browser's box, still at 8600
    draw(state, 8600.0)
    assert state.sent == [KEY + EXACT]
    sends(state, 8700.0, 8700.0)  # the 8700 arrived; with the next press it is an echo
    assert is_echo(state, KEY, EXACT)
