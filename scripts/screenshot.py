"""Screenshot app pages in Debian's headless Chromium: ``python scripts/screenshot.py [OUT_DIR]``.

Options: ``--width`` (default 1400) for a phone check use 390; ``--path`` to shoot one page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from appserver import CHROMIUM, CHROMIUM_ARGS, running_app

PAGES = {"compare": "/", "mortgage": "/mortgage", "car": "/car"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots/tmp")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=2400)
    parser.add_argument("--path", action="append", help="page path(s), e.g. /car?x=1")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    targets = (
        {p.strip("/").replace("?", "_") or "compare": p for p in args.path} if args.path else PAGES
    )
    with running_app() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        for name, path in targets.items():
            page.goto(url + path)
            page.wait_for_selector(".deficiency-chart .main-svg", timeout=30000)
            page.wait_for_timeout(1500)
            target = out / f"{name}-{args.width}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target)
        browser.close()


if __name__ == "__main__":
    main()
