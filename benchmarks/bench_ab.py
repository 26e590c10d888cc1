"""Two versions of the app on one busy machine: slider moves measured in alternating rounds.

Usage: ``python benchmarks/bench_ab.py BEFORE_DIR AFTER_DIR [--rounds 5] [--presses 6]``

``bench_browser.py`` measures one version at a time, so on a shared machine a change of
load between two runs reads as a change of speed (two runs of the same code differed by
2x). Here the minimal app and both versions (each a checkout, e.g. from ``git archive``)
run at once, and each round measures every page of both versions in turn, the order
reversed every other round, with ``bench_browser.measure_page``: both see the same load.
A page the change does not touch measures the noise left.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from pathlib import Path

from bench_browser import ROOT, measure_page
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(ROOT / "scripts"))
from appserver import CHROMIUM, CHROMIUM_ARGS, running_server

#: The slider pages: Compare, Mortgage exit, Car repossession, Over time, Break-even and
#: odds, Taxes, Paying it off.
PAGES = ("/", "/mortgage", "/car", "/time", "/odds", "/taxes", "/collection")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="checkout of the version before")
    parser.add_argument("after", type=Path, help="checkout of the version after")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--presses", type=int, default=6, help="key presses a page a round")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack, sync_playwright() as playwright:
        minimal = ROOT / "benchmarks" / "minimal_app.py"
        targets = [("minimal", stack.enter_context(running_server(minimal, ROOT)).url + "/")]
        servers = {
            name: stack.enter_context(running_server(tree / "app.py", tree))
            for name, tree in (("before", args.before), ("after", args.after))
        }
        targets += [
            (f"{name} {path}", servers[name].url + path) for path in PAGES for name in servers
        ]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        times: dict[str, list[float]] = {name: [] for name, _url in targets}
        for number in range(args.rounds):
            for name, url in targets if number % 2 == 0 else targets[::-1]:
                try:
                    result = measure_page(browser, url, name, 1, args.presses, 1)
                except RuntimeError as error:  # a press lost under load: said, not counted
                    print(f"{name}: {error}", file=sys.stderr, flush=True)
                    continue
                times[name] += [seconds * 1000 for seconds in result.presses]
            print(f"round {number + 1} of {args.rounds} done", file=sys.stderr, flush=True)
        browser.close()
    base = statistics.median(times["minimal"])
    print(f"minimal app: median {base:.0f} ms over {len(times['minimal'])} presses")
    print(f"{'page':12} {'before ms':>9} {'x min':>6} {'after ms':>9} {'x min':>6} {'ratio':>6}")
    for path in PAGES:
        before = statistics.median(times[f"before {path}"])
        after = statistics.median(times[f"after {path}"])
        print(
            f"{path:12} {before:9.0f} {before / base:6.2f} {after:9.0f} {after / base:6.2f}"
            f" {after / before:6.2f}"
        )


if __name__ == "__main__":
    main()
