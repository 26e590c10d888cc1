"""A Streamlit session driven over its websocket, as the page does it, without a browser.

A browser draws every move, and on a small machine its drawing takes more CPU than the
server's run: a load test made of browsers measures the browsers. A :class:`WireSession`
sends what the page sends for a slider move (one ``rerun_script`` message naming the
slider's new value, its region and the page) and reads the server's reply messages, so
the server does exactly the work a page's move causes and nothing is drawn.

The session opens Compare with its own car loan and sale price in the link and moves the
car's sale-price slider one step right, then left, ... (as ``benchmarks/bench_load.py``
does in a browser); a move ends when the reply shows the session's own new deficiency and
the run has finished. A figure card showing a figure of another session is a leak.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from decimal import Decimal

import websockets
from bench_load import EXPENSES, OWED, STEP, Result, usd
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: The car sale price's slider-and-box pair (ui/kit/amount_pair.py), by its key's end.
SLIDER_KEY = "-c_sale_price-pair"
#: A figure in a block of figure cards (``ui.kit.cards``): one HTML element per block.
FIGURE = re.compile(r'<dd class="figure-value">([^<]*)</dd>')
#: A run that finished: the whole page, or only regions.
FINISHED = {
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}


class WireSession:
    """One browserless session on ``url`` (``http://127.0.0.1:PORT``) with the car loan
    ``owed`` and the sale price ``result.sale_price``."""

    def __init__(self, url: str, result: Result, owed: Decimal = OWED) -> None:
        self.url = url
        self.result = result
        self.owed = owed
        self.others: set[str] = set()
        self.query = f"c_unpaid_principal={owed}&c_sale_price={result.sale_price}"
        self.page_hash = ""
        self.slider_id = ""
        self.fragment_id = ""
        self.entries = 0
        self.socket: websockets.ClientConnection | None = None

    async def open(self, timeout: float = 120.0) -> None:
        """Connect and run the page once, as a browser opening the link does."""
        self.socket = await websockets.connect(
            self.url.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=[websockets.Subprotocol("streamlit")],
            max_size=None,
        )
        await self._send(fragment_id="", widgets={})
        await self._until(self.result.price, timeout, whole_page=True)
        if not self.slider_id:
            raise RuntimeError("the page drew no car sale-price slider")

    async def move(self, timeout: float = 30.0) -> float:
        """One slider step (right, then left, ...); the seconds until the reply shows it."""
        self.result.steps = 1 - self.result.steps
        started = time.perf_counter()
        self.entries += 1
        await self._send(self.fragment_id, {self.slider_id: f"{self.result.price}"})
        await self._until(self.result.price, timeout)
        elapsed = time.perf_counter() - started
        self.result.latencies.append(elapsed)
        return elapsed

    def figure(self, price: Decimal) -> str:
        """The car deficiency the page shows at ``price``."""
        return usd(max(Decimal(0), self.owed + EXPENSES - price))

    def figures(self) -> set[str]:
        """Every deficiency this session may show: at its price and one step right."""
        return {self.figure(self.result.sale_price + d) for d in (0, STEP)}

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def _send(self, fragment_id: str, widgets: dict[str, str]) -> None:
        """A rerun with each pair's entry (its range moved to the text given), as the
        pair's component sends it: its state value ``entry``."""
        assert self.socket is not None
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.fragment_id = fragment_id
        for widget_id, text in widgets.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            entry = {"n": self.entries, "text": text, "source": "slider"}
            widget.json_value = json.dumps({"entry": entry})
        await self.socket.send(message.SerializeToString())

    async def _until(self, price: Decimal, timeout: float, whole_page: bool = False) -> None:
        """Read replies until one shows ``price``'s deficiency and a run has finished."""
        assert self.socket is not None
        want = self.figure(price)
        seen = False
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"sale price {price}: {want} not shown within {timeout} s")
            message = ForwardMsg()
            message.ParseFromString(await asyncio.wait_for(self.socket.recv(), remaining))
            kind = message.WhichOneof("type")
            if kind == "navigation":
                self.page_hash = message.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            elif kind == "delta":
                seen = want in self._read(message) or seen
            elif kind == "script_finished" and message.script_finished in FINISHED:
                done_page = message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                if seen and (done_page or not whole_page):
                    return

    def _read(self, message: ForwardMsg) -> list[str]:
        """Note the slider's id and region; return a figure card block's figures (checked for
        leaks)."""
        element = message.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "bidi_component" and element.bidi_component.id.endswith(SLIDER_KEY):
            self.slider_id = element.bidi_component.id
            self.fragment_id = message.delta.fragment_id
        if kind != "html":
            return []
        figures = FIGURE.findall(element.html.body)
        for figure in figures:
            if figure in self.others:
                self.result.mismatches.append(f"sale price {self.result.sale_price} shows {figure}")
        return figures
