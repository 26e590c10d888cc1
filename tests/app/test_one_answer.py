"""One case, one answer: every surface shows the same collectible, owed and cancelled figures.

The California short sale (a $56,500.00 shortfall state law bars) and the car settled at
50% are built once (:mod:`tests.one_case`); their case outcome is the answer. Compare,
Mortgage exit, Car repossession, Taxes, the report's preview and its PDF, a caseload row
(through ``run_batch``), the command line's row and the scenario file (through the
package's serialize) must each show it, so a surface that drops a part of the answer fails.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from deficiency import (
    CaseOutcome,
    DebtType,
    EventKind,
    case_outcome,
    foreclosure_worksheet,
    format_usd,
    from_json,
    to_json,
)
from deficiency.batch import TEMPLATE_COLUMNS, run_batch
from tests.helpers import chart, decode, keyed_markdown, metrics, rendered, start, whole_page
from tests.one_case import CALIFORNIA_FACTS, CALIFORNIA_HOME, TODAY, reference_session
from ui.counselor.report import build_report, report_side
from ui.kit.cache import case_dates, side_case, tax_facts
from ui.kit.scenario_io import side_document
from ui.kit.sides import CAR, MORTGAGE, Side
from ui.kit.text import literal_dollars
from ui.next_steps.charts import day
from ui.scenario.sections import COLLECT, COLLECT_AT_MOST, OWE, OWE_AT_MOST

ROOT = Path(__file__).resolve().parents[2]
SIDES = {"house": MORTGAGE, "car": CAR}
#: The three parts of the answer every surface must show, as the outcome names them.
PARTS = ("collectible", "borrower_owes", "cancelled")


def answer_of(side: Side) -> CaseOutcome:
    """The reference case's outcome for one side, built from the session the pages read."""
    answer, error = side_case(reference_session(), side, TODAY)
    assert error is None and answer is not None
    return answer


@pytest.fixture(scope="module")
def answers() -> dict[str, CaseOutcome]:
    return {name: answer_of(side) for name, side in SIDES.items()}


def shown(answer: CaseOutcome) -> dict[str, str]:
    """The three figures as a page prints them."""
    return {part: format_usd(getattr(answer.outcome, part)) for part in PARTS}


def plain(answer: CaseOutcome) -> dict[str, str]:
    """The three figures as a file holds them."""
    return {part: f"{getattr(answer.outcome, part):f}" for part in PARTS}


def test_the_reference_cases_are_the_issues(answers):
    home, car = answers["house"], answers["car"]
    assert (home.outcome.deficiency, home.outcome.collectible) == (56500, 0)
    assert (home.outcome.borrower_owes, home.outcome.cancelled) == (0, 0)
    assert "580e" in home.headline.rule
    assert (car.outcome.borrower_owes, car.outcome.cancelled) == (1000, 1000)


# --- The pages, through AppTest, opened from the scenario's link --------------------------


def link() -> dict[str, str]:
    """The reference session as the address carries it: the scenario's own keys."""
    query = {"state": "CA", "m_exit": "short_sale", "m_resolution": "waived"}
    query |= {"c_resolution": "settled", "c_settlement_percent": "50"}
    query |= {"m_" + name: value for name, value in CALIFORNIA_HOME.items()}
    query |= {"m_f_" + name: answer for name, answer in CALIFORNIA_FACTS.items()}
    return query


#: How a scenario page's cards label each part (the "at most" labels while questions are open).
METRIC_LABELS = {
    "collectible": (COLLECT, COLLECT_AT_MOST),
    "borrower_owes": (OWE, OWE_AT_MOST),
    "cancelled": ("Cancelled",),
}


def answer_blocks(at: Any) -> Iterator[dict[str, str]]:
    """Each answer block of a scenario page in page order: its part -> value, read from the
    metrics (a block starts again where a part's label repeats)."""
    block: dict[str, str] = {}
    for label, value in metrics(at):
        for part, labels in METRIC_LABELS.items():
            if label.startswith(labels):
                if part in block:
                    yield block
                    block = {}
                block[part] = value
    if block:
        yield block


@pytest.mark.parametrize(
    ("page", "names"),
    [
        ("pages/compare.py", ("house", "car")),
        ("pages/mortgage.py", ("house",)),
        ("pages/car.py", ("car",)),
    ],
)
def test_the_scenario_pages_show_the_answer(answers, page, names):
    at = start(page, **link())
    assert list(answer_blocks(at)) == [shown(answers[name]) for name in names]


def test_the_link_the_app_writes_opens_on_the_same_answer(answers):
    """The address the app writes after a run (the scenario's own keys, the state and its
    answers) opens on the same answer in a new session."""
    written = {
        name: str(value)
        for name, value in start("pages/mortgage.py", **link()).query_params.items()
    }
    assert written["state"] == "CA" and written["m_f_purchase_money"] == "yes"
    at = start("pages/compare.py", **written)
    notices = [rendered(notice.value) for notice in at.warning]
    assert not [text for text in notices if "could not be used" in text], notices
    assert list(answer_blocks(at)) == [shown(answers["house"]), shown(answers["car"])]


@pytest.mark.parametrize("name", ["house", "car"])
def test_taxes_shows_the_cancelled_figure_or_says_why_it_differs(answers, name):
    at = start("pages/taxes.py", **link())
    at.segmented_control(key="n_side__widget").set_value(SIDES[name].prefix).run()
    assert not at.exception
    answer = answers[name]
    figures = dict(metrics(at))
    sentence = answer.reconciliation.sentence if answer.reconciliation else None
    texts = [rendered(block.value) for block in at.markdown]
    assert figures.get("Cancelled debt") == shown(answer)["cancelled"] or sentence in texts


def test_the_report_preview_shows_the_answer(answers):
    at = start("pages/report.py", **link())
    for name, answer in answers.items():
        texts = keyed_markdown(at, f"rp_answer_{name}")
        assert texts[0] == f"**{answer.headline.title}**"
        figures = shown(answer)
        lines = {text.split(": **")[0]: text.split(": **")[1].rstrip("*") for text in texts[2:]}
        assert figures["borrower_owes"] in lines["You would owe"]
        assert lines["Lender may collect"] == figures["collectible"]
        assert lines["Cancelled (lender absorbs)"] == figures["cancelled"]


# --- The PDF, the caseload, the command line and the scenario file ----------------------


def test_the_pdf_headline_holds_the_state_the_rule_and_who_owes_what(answers):
    session = reference_session()
    sides = [report_side(side, session, answer_of(side)) for side in SIDES.values()]
    reader = PdfReader(io.BytesIO(build_report(sides, prepared_on=TODAY)))
    text = " ".join(reader.pages[0].extract_text().split())
    home = answers["house"]
    assert "You would owe nothing California law bars the lender" in text
    assert "Cal. Code Civ. Proc. 580b(a)(3); Cal. Code Civ. Proc. 580e" in text
    assert "State California" in text
    assert "Shortfall before state law $56,500.00 State law bars $56,500.00" in text
    for answer in answers.values():
        figures = shown(answer)
        assert f"Lender may collect {figures['collectible']}" in text
        assert f"Cancelled (lender absorbs) {figures['cancelled']}" in text
    assert f"You would owe {shown(home)['borrower_owes']}" in text
    assert "Deficiency $56,500.00 Borrower owes" not in text  # never the arithmetic as owed


def caseload_rows() -> list[dict[str, str]]:
    """The two reference cases as caseload rows."""
    session = reference_session()
    rows = []
    for name, side in SIDES.items():
        document = side_document(session, side)
        row = {
            "case_id": name,
            "kind": side.kind.value,
            "exit": document.exit.value,
            "resolution": document.resolution.value,
            "state": document.state or "",
            **{field: value for field, value in document.values.items()},
            **{"fact_" + fact: answer for fact, answer in document.facts.items() if answer},
        }
        rows.append(row)
    return rows


def caseload_csv() -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, TEMPLATE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(caseload_rows())
    return buffer.getvalue()


def test_a_caseload_row_holds_the_answer(answers):
    out = io.StringIO()
    run_batch(io.StringIO(caseload_csv()), out)
    for row in csv.DictReader(io.StringIO(out.getvalue())):
        assert row["status"] == "ok", row["errors"]
        assert {part: row[part] for part in PARTS} == plain(answers[row["case_id"]])
        assert row["rule"] == answers[row["case_id"]].headline.rule


def test_the_command_lines_row_holds_the_answer(answers, tmp_path):
    cases = tmp_path / "cases.csv"
    cases.write_text(caseload_csv(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "deficiency", "batch", str(cases)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    for row in csv.DictReader(io.StringIO(done.stdout)):
        assert {part: row[part] for part in PARTS} == plain(answers[row["case_id"]])


def test_the_scenario_file_round_trips_into_the_same_case_outcome(answers):
    session = reference_session()
    for name, side in SIDES.items():
        document = from_json(to_json(side_document(session, side)))
        case = document.case(case_dates(session, TODAY), tax_facts(session, side))
        again = case_outcome(case)
        assert (again.outcome, again.law, again.headline) == (
            answers[name].outcome,
            answers[name].law,
            answers[name].headline,
        )
        assert (again.cancelled_tax, again.forms) == (
            answers[name].cancelled_tax,
            answers[name].forms,
        )
        assert {part: getattr(document.outcome(), part) for part in PARTS} == {
            part: getattr(answers[name].outcome, part) for part in PARTS
        }


# --- What happens next: Credit report, Taxes, Paying it off --------------------------------

#: A first missed payment the link gives, so the pages' dates do not turn on today's date.
FIRST_MISSED = "2025-01-15"


def dated_answer(side: Side) -> CaseOutcome:
    """The reference case with the link's first missed payment."""
    session = reference_session() | {"r_first_missed": FIRST_MISSED}
    answer, error = side_case(session, side, TODAY)
    assert error is None and answer is not None
    return answer


def next_page(page: str, name: str) -> Any:
    at = start(page, **link(), r_first_missed=FIRST_MISSED)
    at.segmented_control(key="n_side__widget").set_value(SIDES[name].prefix).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("name", ["house", "car"])
def test_the_credit_report_shows_the_cases_dates(name):
    answer = dated_answer(SIDES[name])
    at = next_page("pages/credit.py", name)
    figure, _ = chart(at, "r_timeline_chart")
    shown_dates = {}
    for trace in figure["data"][1:]:
        shown_dates |= dict(zip(decode(trace["y"]), decode(trace["text"]), strict=True))
    assert shown_dates == {event.label: day(event.when) for event in answer.events}
    removal = next(event for event in answer.events if event.kind is EventKind.REPORT_REMOVAL)
    assert dict(metrics(at))["Off credit reports by"] == day(removal.when)


@pytest.mark.parametrize("name", ["house", "car"])
def test_taxes_shows_the_cases_forms_cancelled_and_taxable_figures(name):
    answer = dated_answer(SIDES[name])
    at = next_page("pages/taxes.py", name)
    figures = dict(metrics(whole_page(at)))
    assert figures["Cancelled debt"] == format_usd(answer.cancelled_tax.cancelled)
    assert figures["Taxable after exclusions"] == format_usd(answer.cancelled_tax.taxable)
    text = " ".join(rendered(block.value) for block in at.markdown)
    for form in answer.forms:
        assert f"Form {form.form}: {form.status.label}" in text
        assert rendered(literal_dollars(form.explanation)) in text


def test_paying_it_off_shows_the_cases_figures():
    car = dated_answer(CAR)
    at = next_page("pages/collection.py", "car")
    text = " ".join(rendered(block.value) for block in at.markdown)
    assert f"**{format_usd(car.outcome.collectible)}** is the deficiency" in text
    figures = dict(metrics(at))
    # The page starts at the case's settlement share, so a lump sum is the case's settlement.
    assert figures["You pay"] == format_usd(car.outcome.paid_toward_deficiency)
    assert figures["Cancelled"] == format_usd(car.outcome.cancelled)
    assert figures["Form 1099-C"] == car.settlement_form(car.outcome.cancelled).status.label
    assert f"sale is on **{day(car.sold_on)}**" in text
    home = dated_answer(MORTGAGE)
    at = next_page("pages/collection.py", "house")
    notes = " ".join(rendered(box.value) for box in at.info)
    assert home.headline.reason in notes and home.headline.rule in notes
    assert "Nothing is left for the lender to collect" in notes


@pytest.mark.parametrize("name", ["house", "car"])
def test_taxes_worksheet_starts_from_the_cases_own(name):
    """The worksheet's liability, debt and income start where the case's worksheet does:
    the California bar makes the home loan nonrecourse, so no cancellation income, and the
    page never says figures were changed that the user did not change."""
    answer = dated_answer(SIDES[name])
    start_at = answer.worksheet_start
    expected = foreclosure_worksheet(
        debt_before_transfer=start_at.debt_before_transfer,
        fair_market_value=start_at.fair_market_value,
        adjusted_basis=start_at.debt_before_transfer,
        debt_type=start_at.debt_type,
        still_owed_after_transfer=(
            start_at.still_owed_after_transfer if start_at.debt_type is DebtType.RECOURSE else 0
        ),
    ).ordinary_income
    at = next_page("pages/taxes.py", name)
    assert at.session_state["x_debt_type"] == start_at.debt_type.value
    text = " ".join(rendered(block.value) for block in at.markdown)
    assert f"The worksheet's ordinary income is **{format_usd(expected)}**." in text
    captions = " ".join(rendered(block.value) for block in at.caption)
    assert "were changed from the scenario's" not in captions
    if name == "house":
        assert start_at.debt_type is DebtType.NONRECOURSE and expected == 0
