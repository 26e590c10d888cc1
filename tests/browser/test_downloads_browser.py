"""Real browser: a scenario download starts no script run.

Streamlit makes a download button's file when it is clicked and sends its address back
over the websocket; a run starting before that reply leaves clears the session's outgoing
messages and drops it. With the click also asking for a run, a busy server lost the reply
now and then, and the button spun forever: the session could download nothing more. With
two other sessions moving sliders on the server, the button stuck in 2 of 4 runs of 15
clicks; in 3 runs once the click asked for no run, never.
"""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.pagewalk import settle

#: Counts the page's finished script runs.
COUNT_RUNS = """
window.__runs = 0;
new MutationObserver(changes => {
  for (const change of changes) {
    if (change.target.getAttribute('data-test-script-state') === 'notRunning') window.__runs += 1;
  }
}).observe(document, {attributes: true, subtree: true,
  attributeFilter: ['data-test-script-state']});
"""


def test_a_scenario_download_starts_no_run(page: Page, app_url: str) -> None:
    page.add_init_script(COUNT_RUNS)
    page.goto(app_url + "/car")
    settle(page)
    page.get_by_text("Save, share or load this scenario").click()
    settle(page)
    runs = page.evaluate("window.__runs")
    for name in ("Download scenario (JSON)", "Download statement (CSV)"):
        with page.expect_download(timeout=20_000) as saved:
            page.get_by_role("button", name=name).click()
        assert saved.value.failure() is None
        settle(page)
    assert page.evaluate("window.__runs") == runs
