"""AppTest: the credit, taxes, paying-off and Learn pages read the scenario; every control moves."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from tests.helpers import (
    chart,
    chart_keys,
    decode,
    markdown_table,
    metrics,
    pair,
    pair_keys,
    start,
    whole_page,
)
from ui.kit.cache import side_case
from ui.kit.sides import CAR, MORTGAGE
from ui.next_steps.charts import day

CREDIT, TAXES, COLLECTION, LEARN = (
    "pages/credit.py",
    "pages/taxes.py",
    "pages/collection.py",
    "pages/learn.py",
)


def in_order(block) -> list:
    """Every element under ``block``, in page order."""
    children = getattr(block, "children", None)
    if children is None:
        return [block]
    return [element for key in sorted(children) for element in in_order(children[key])]


def metric(at, label: str) -> str:
    found = [value for name, value in metrics(at) if name == label]
    assert found, f"no metric {label!r} in {metrics(at)}"
    return found[0]


def table_rows(at, index: int = 0) -> list[dict[str, str]]:
    return at.table[index].value.to_dict("records")


def waiting_rows(at) -> dict[tuple[str, str], dict[str, str]]:
    """The waiting-period table's rows by (program, event)."""
    for table in at.table:
        if "Program" in table.value.columns:
            rows = table.value.to_dict("records")
            return {tuple(row["Program"].split(", after a ")): row for row in rows}
    raise AssertionError("no waiting-period table")


def worksheet(at) -> dict[str, str]:
    """Worksheet line number -> amount text, from the table laid out like the form."""
    for table in at.table:
        frame = table.value
        if "Line" in frame.columns:
            return dict(zip(frame["Line"], frame["Amount"], strict=True))
    raise AssertionError("no worksheet table")


def small_text(at) -> str:
    """Captions and the small source lines under rules, as one string."""
    return " ".join([caption.value for caption in at.caption] + [m.value for m in at.markdown])


def run(at, element) -> None:
    element.run()
    assert not at.exception, at.exception


def entered(at: AppTest) -> None:
    """After a pair's entry (which runs the app itself)."""
    assert not at.exception, at.exception


# --- Credit report ------------------------------------------------------------------


def timeline_labels(at) -> list[tuple[str, str]]:
    figure, _ = chart(at, "r_timeline_chart")
    pairs = []
    for trace in figure["data"][1:]:
        pairs += list(zip(decode(trace["y"]), decode(trace["text"]), strict=True))
    return sorted(pairs)


def test_credit_timeline_dates_follow_the_first_missed_payment():
    at = start(CREDIT)
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2024, 1, 15)))
    labels = dict(timeline_labels(at))
    assert labels["First missed payment"] == "15 Jan 2024"
    assert labels["Short sale closes"] == "15 Jan 2025"
    assert labels["Form 1099-C expected"] == "2 Feb 2026"  # 31 Jan 2026 is a Saturday
    assert labels["Earliest Fannie Mae mortgage"] == "15 Jan 2029"
    assert labels["Off credit reports"] == "13 Jul 2031"
    assert metric(at, "Off credit reports by") == "13 Jul 2031"
    assert metric(at, "Earliest new mortgage") == "15 Jan 2028"  # FHA, open to anyone
    extenuating = "Earliest Fannie Mae mortgage (extenuating circumstances): 15 Jan 2027."
    assert extenuating in [caption.value for caption in at.caption]
    _, alt = chart(at, "r_timeline_chart")
    assert "13 Jul 2031" in alt and "7 years 6 months" in alt


def test_credit_gap_inputs_move_the_sale_and_drop_the_assumed_mark():
    at = start(CREDIT)
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2024, 1, 15)))
    figure, _ = chart(at, "r_timeline_chart")
    assert any("assumed" in trace["name"] for trace in figure["data"][1:])
    run(at, at.number_input(key="r_months_to_sale__widget").set_value(6))
    labels = dict(timeline_labels(at))
    assert labels["Short sale closes"] == "15 Jul 2024"
    assert labels["Earliest FHA mortgage"] == "15 Jul 2027"
    figure, _ = chart(at, "r_timeline_chart")
    # The gap after the sale is still empty, so the resolution's date is still assumed.
    assert any("assumed" in trace["name"] for trace in figure["data"][1:])
    run(at, at.number_input(key="r_months_to_resolution__widget").set_value(0))
    figure, _ = chart(at, "r_timeline_chart")
    assert not any("assumed" in trace["name"] for trace in figure["data"][1:])
    # The removal date never moves with the sale: it runs from the first missed payment.
    assert labels["Off credit reports"] == "13 Jul 2031"


def test_credit_empty_boxes_mean_assumed_and_the_page_says_which():
    at = start(CREDIT)
    state = at.session_state
    assert (state["r_first_missed"], state["r_months_to_sale"]) == ("", "")
    assert at.number_input(key="r_months_to_sale__widget").value is None
    first = date.today().replace(day=1)
    assert any(
        caption.value.startswith(f"No date entered: the dates below assume {day(first)}")
        for caption in at.caption
    )
    assert all(row["Date"].endswith(", assumed") for row in table_rows(at, 1))
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2024, 1, 15)))
    assert not any(caption.value.startswith("No date entered") for caption in at.caption)
    first_row = table_rows(at, 1)[0]
    assert first_row["Date"] == "15 Jan 2024"
    run(at, at.number_input(key="r_months_to_sale__widget").set_value(6))
    assert state["r_months_to_sale"] == "6"
    # Emptying the box goes back to the assumed gap, not to an error.
    run(at, at.number_input(key="r_months_to_sale__widget").set_value(None))
    assert state["r_months_to_sale"] == ""
    assert dict(timeline_labels(at))["Short sale closes"] == "15 Jan 2025"
    assert not at.error


def test_credit_taxes_and_paying_it_off_read_the_same_case_dates():
    at = start(CREDIT)
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2024, 1, 15)))
    run(at, at.number_input(key="r_months_to_sale__widget").set_value(10))
    case, error = side_case(at.session_state, MORTGAGE, date.today())
    assert error is None and case is not None
    credit_dates = dict(timeline_labels(at))
    case_dates = {event.label: day(event.when) for event in case.events}
    assert credit_dates == case_dates
    run(at, at.switch_page(TAXES))
    discharged = day(case.resolved_on)
    assert any(f"cancelled on **{discharged}**" in block.value for block in at.markdown)
    run(at, at.switch_page(COLLECTION))
    assert any(f"sale is on **{day(case.sold_on)}**" in block.value for block in at.markdown)


def test_credit_path_and_side_choices_change_the_reported_status():
    at = start(CREDIT)
    statuses = table_rows(at)
    assert statuses[1]["What the report shows"].endswith(
        "[Metro 2: no code of its own, special comment AU]"
    )
    run(at, at.radio(key="r_path__widget").set_value("charged_off"))
    assert table_rows(at)[1]["What the report shows"].endswith("[Metro 2: code 97]")
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    codes = [row["What the report shows"].rsplit(" ", 1)[-1] for row in table_rows(at)]
    assert codes == ["96]", "97]"]
    assert "Earliest new mortgage" in dict(metrics(at))
    assert metric(at, "Earliest new mortgage") == "No set wait found"
    run(at, at.radio(key="r_path__widget").set_value("paid"))
    codes = [row["What the report shows"].rsplit(" ", 1)[-1] for row in table_rows(at)]
    assert codes == ["96]", "63]"]


def test_credit_judgment_path_has_no_1099c_and_notes_judgments_are_off_reports():
    at = start(CREDIT)
    run(at, at.radio(key="r_path__widget").set_value("judgment"))
    labels = dict(timeline_labels(at))
    assert not any("1099-C" in label for label in labels)
    assert any("civil judgments" in block.value for block in at.info)


def test_credit_rules_show_their_sources_date_read_and_how_sure_in_plain_words():
    at = start(CREDIT)
    captions = small_text(at)
    assert (
        "15 U.S.C. 1681c(a)(4) (FCRA 605(a)(4)), 15 U.S.C. 1681c(a)(4)-(5) ([checkoutapi.com]"
        in (captions)
    )
    assert "read 2 Dec 2026" in captions
    statuses = table_rows(at)
    assert {row["How sure"] for row in statuses} == {"trusted guide"}
    periods = waiting_rows(at)
    assert periods[("Fannie Mae", "short sale")]["Wait"] == (
        "4 years; with extenuating circumstances: 2 years"
    )
    fha = periods[("FHA", "short sale")]
    assert fha["Wait"].endswith(
        "with extenuating circumstances: case by case: no shorter period is set"
    )
    assert fha["Details"].startswith("Counted from the date title transferred by the short sale.")
    # Rules not confirmed are shown as such, never as a period.
    warnings = " ".join(box.value for box in at.warning)
    assert "**Freddie Mac**" in warnings and "Not checked: only one weak source" in warnings
    assert "**USDA**" in warnings and "Not checked: we could not find a source" in warnings
    assert not any(program in {"USDA", "Freddie Mac"} for program, _ in periods)
    run(at, at.radio(key="r_path__widget").set_value("charged_off"))
    periods = waiting_rows(at)
    assert periods[("Fannie Mae", "charged off")]["Wait"].endswith("circumstances: 2 years")


def test_credit_foreclosure_shows_va_but_never_quotes_it_as_the_earliest_mortgage():
    at = start("pages/mortgage.py")
    run(at, at.segmented_control(key="m_exit__widget").set_value("foreclosure"))
    run(at, at.switch_page(CREDIT))
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2024, 1, 15)))
    labels = dict(timeline_labels(at))
    assert labels["Earliest VA mortgage"] == "15 Jan 2027"
    assert metric(at, "Earliest new mortgage") == "15 Jan 2028"  # FHA, open to anyone
    whole_page(at)
    va = waiting_rows(at)[("VA", "foreclosure")]
    assert va["Wait"].endswith("with extenuating circumstances: 1 year")
    assert "Only for a VA-guaranteed loan." in va["Details"]


# --- Taxes ---------------------------------------------------------------------------


def test_worksheet_opens_on_the_scenario_numbers():
    at = start(TAXES)
    lines = worksheet(at)
    assert lines["1"] == "$250,000.00"
    assert lines["2"] == "$200,000.00"
    assert lines["3"] == "$50,000.00"
    assert metric(at, "Cancelled debt") == "$50,000.00"


def test_worksheet_amount_redraws_its_input_the_worksheet_income_and_taxable_result_only():
    at = start(TAXES)
    entered(pair(at, "x_fmv").slide(180_000.0))
    # The worksheet, the income line and the taxable result ran again; the other inputs,
    # the exclusion controls and the forms did not.
    assert worksheet(at)["2"] == "$180,000.00" and worksheet(at)["3"] == "$70,000.00"
    assert [block.value for block in at.markdown if "ordinary income is" in block.value] == [
        "The worksheet's ordinary income is **$70,000.00**."
    ]
    # The taxable figures stay the case's: the same cancelled debt every page shows.
    assert metric(at, "Cancelled debt") == "$50,000.00"
    assert any("were changed from the scenario's" in caption.value for caption in at.caption)
    assert pair_keys(at) == ["x_fmv"]
    assert not at.toggle and not at.date_input and not at.select_slider
    assert not any("Form 1099-A:" in block.value for block in at.markdown)
    run(at, whole_page(at).select_slider(key="x_rate__widget").set_value("37"))
    assert [label for label, _ in metrics(at)] == [
        "Cancelled debt",
        "Taxable after exclusions",
        "Extra federal tax at 37%",
    ]


def test_worksheet_recourse_example_ordinary_income_and_a_loss_not_deductible():
    at = start(TAXES)
    entered(pair(at, "x_debt_before").enter(100_000.0))
    entered(pair(whole_page(at), "x_fmv").enter(80_000.0))
    entered(pair(whole_page(at), "x_basis").enter(90_000.0))
    lines = worksheet(at)
    assert lines["1"] == "$100,000.00"
    assert lines["3"] == "$20,000.00"
    assert lines["6"] == "$80,000.00"
    assert lines["8"] == "-$10,000.00"
    assert metric(at, "Ordinary income (line 3)") == "$20,000.00"
    assert metric(at, "Loss on the property") == "$10,000.00"
    assert any("$10,000.00 loss is not deductible" in box.value for box in at.warning)
    run(at, whole_page(at).toggle(key="x_personal__widget").set_value(False))
    assert not any("not deductible" in box.value for box in at.warning)


def test_nonrecourse_has_no_ordinary_income_and_bad_combinations_keep_the_last_table():
    at = start(TAXES)
    run(at, at.segmented_control(key="x_debt_type__widget").set_value("nonrecourse"))
    lines = worksheet(at)
    assert lines["3"] == "not used"
    assert lines["4"] == "$250,000.00"
    assert metric(at, "Ordinary income (line 3)") == "$0.00"
    assert metric(at, "Cancelled debt") == "$50,000.00"
    entered(pair(at, "x_still_owed").enter(1_000.0))
    assert any("must be 0 for nonrecourse debt" in box.value for box in at.error)
    whole_page(at)
    assert worksheet(at)["4"] == "$250,000.00"


def test_bad_amount_shows_a_message_beside_the_control_and_keeps_the_figures():
    at = start(TAXES)
    entered(pair(at, "x_fmv").enter(-5.0))
    assert any("Fair market value of the property" in box.value for box in at.error)
    assert worksheet(at)["2"] == "$200,000.00"


def test_marginal_rate_and_exclusions_change_the_extra_tax():
    at = start(TAXES)
    # Sold and waived twelve months after the first missed payment: cancelled 1 March 2026.
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2025, 3, 1)))
    assert any("cancelled on **1 Mar 2026**" in block.value for block in at.markdown)
    assert metric(at, "Extra federal tax at 22%") == "$11,000.00"
    run(at, at.select_slider(key="x_rate__widget").set_value("37"))
    assert metric(at, "Extra federal tax at 37%") == "$18,500.00"
    figure, alt = chart(at, "x_tax_chart")
    assert decode(figure["data"][0]["text"])[-1] == "$18,500.00"
    assert "$18,500.00" in alt
    # Discharged in 2025: the main-home exclusion covers it.
    whole_page(at)
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2024, 6, 30)))
    assert metric(at, "Taxable after exclusions") == "$0.00"
    # In 2026 only under a written agreement made before 2026.
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2025, 3, 1)))
    assert metric(at, "Taxable after exclusions") == "$50,000.00"
    assert any("Consult a tax professional" in box.value for box in at.warning)
    run(at, at.date_input(key="x_written__widget").set_value(date(2025, 11, 20)))
    assert metric(at, "Taxable after exclusions") == "$0.00"


def test_insolvency_and_bankruptcy_exclusions():
    at = start(TAXES)
    run(at, at.toggle(key="x_home_loan__widget").set_value(False))
    run(at, at.number_input(key="x_liabilities__exact").set_value(300_000.0))
    assert any("give both liabilities and assets" in box.value for box in at.error)
    run(at, at.number_input(key="x_assets__exact").set_value(270_000.0))
    assert metric(at, "Taxable after exclusions") == "$20,000.00"
    run(at, at.toggle(key="x_title11__widget").set_value(True))
    assert metric(at, "Taxable after exclusions") == "$0.00"


def test_a_car_is_never_asked_about_a_main_home_and_its_figures_agree_with_the_case():
    at = start("pages/car.py")
    run(at, at.radio(key="c_resolution__widget").set_value("settled"))
    run(at, at.switch_page(TAXES))
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    assert "x_home_loan__widget" not in [toggle.key for toggle in at.toggle]
    # The case's cancelled figure on the card; the worksheet's differs, said in one sentence.
    assert metric(at, "Cancelled debt") == "$1,000.00"
    assert metric(at, "Ordinary income (line 3)") == "$500.00"
    captions = " ".join(caption.value for caption in at.caption)
    assert "puts the income at \\$500.00, not the \\$1,000.00 cancelled" in captions


def page_words(at) -> str:
    """Every text a reader sees on the page: headings, text, captions, notes, labels, help."""
    parts = []
    for element in in_order(whole_page(at).main):
        for name in ("value", "label", "body", "help"):
            value = getattr(element, name, None)
            if isinstance(value, str):
                parts.append(value)
    return " ".join(parts)


def test_the_main_home_questions_only_for_a_mortgage_on_a_main_home():
    at = start(TAXES)
    keys = {toggle.key for toggle in at.toggle} | {box.key for box in at.date_input}
    assert {"x_home_loan__widget", "x_written__widget", "x_elect_insolvency__widget"} <= keys
    run(at, at.toggle(key="x_home_loan__widget").set_value(False))
    keys = {toggle.key for toggle in at.toggle} | {box.key for box in at.date_input}
    assert "x_written__widget" not in keys and "x_elect_insolvency__widget" not in keys
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    keys = {toggle.key for toggle in at.toggle} | {box.key for box in at.date_input}
    assert not keys & {"x_home_loan__widget", "x_written__widget", "x_elect_insolvency__widget"}
    assert "main home" not in page_words(at).lower()
    assert "main-home" not in page_words(at).lower()


def test_the_forms_are_the_cases_and_follow_personal_use():
    at = start("pages/car.py")
    run(at, at.switch_page(TAXES))
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    case, _ = side_case(at.session_state, CAR, date.today())
    assert case is not None and case.case.tax.personal_use
    text = " ".join(block.value for block in at.markdown)
    for form in case.forms:
        assert f"Form {form.form}: {form.status.label}" in text
    assert "Form 1099-A: Not expected" in text  # a personal car
    run(at, whole_page(at).toggle(key="x_personal__widget").set_value(False))
    case, _ = side_case(at.session_state, CAR, date.today())
    assert case is not None and not case.case.tax.personal_use
    text = " ".join(block.value for block in whole_page(at).markdown)
    assert f"Form 1099-A: {case.forms[0].status.label}" in text
    assert "Form 1099-A: Not expected" not in text  # a business car's repossession


def test_forms_follow_the_path():
    at = start(TAXES)
    text = " ".join(block.value for block in at.markdown)
    assert "Form 1099-C: Expected" in text and "Form 1099-A: Not expected" in text
    run(at, at.radio(key="m_resolution__widget").set_value("judgment"))
    text = " ".join(block.value for block in at.markdown)
    assert "Form 1099-C: Not expected" in text


def test_tax_rules_show_their_sources_and_dollars_stay_literal():
    at = start(TAXES)
    captions = small_text(at)
    assert "26 U.S.C. 6050P(b), 6050P(b) Exception ([irc.bloombergtax.com]" in captions
    assert "26 U.S.C. 7503 ([irc.bloombergtax.com]" in captions
    assert "IRS Foreclosure Audit Technique Guide, ch. 2 (Feb 2015)" in captions
    assert "read 2 Dec 2026" in captions
    text = " ".join(block.value for block in at.markdown)
    # Streamlit reads a pair of unescaped dollar signs as maths.
    assert "The lender waives \\$50,000.00, at least \\$600" in text
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2025, 3, 1)))
    warnings = " ".join(box.value for box in at.warning)
    assert "**Not checked.** Consult a tax professional." in warnings
    captions = small_text(at)
    assert "26 U.S.C. 108(a)(1)(E) after 2025" in captions
    assert "not checked: do not rely on it" in captions


# --- Paying it off -------------------------------------------------------------------


def test_settlement_slider_moves_paid_cancelled_and_tax():
    at = start(COLLECTION)
    assert metric(at, "You pay") == "$25,000.00"
    entered(pair(at, "p_settle").slide(30.0))
    assert metric(at, "You pay") == "$15,000.00"
    assert metric(at, "Cancelled") == "$35,000.00"
    assert metric(at, "Extra federal tax") == "$7,700.00"
    assert metric(at, "Form 1099-C") == "Expected"
    figure, _ = chart(at, "p_settlement_chart")
    assert [decode(trace["x"])[0] for trace in figure["data"]] == [15000.0, 35000.0, 7700.0]
    # Only the results that read the share ran again: the settlement's and the planner's.
    assert [label for label, _ in metrics(at)] == [
        "You pay",
        "Cancelled",
        "Form 1099-C",
        "Extra federal tax",
    ]
    assert chart_keys(at) == {
        "p_settlement_chart",
        "p_planner_chart",
    }
    run(at, whole_page(at).select_slider(key="p_tax_rate__widget").set_value("10"))
    assert metric(at, "Extra federal tax") == "$3,500.00"


def test_a_settlements_1099c_year_is_the_cases():
    """The settlement's Form 1099-C is for the year the case would settle, from the same
    dates as the credit timeline, not this calendar year."""
    at = start(COLLECTION)
    case, _ = side_case(at.session_state, MORTGAGE, date.today())
    assert case is not None
    form = case.settlement_form(case.outcome.cancelled)
    caption = " ".join(caption.value for caption in at.caption)
    # Assumed dates: this month's first, a year to the sale, six months to settle.
    assert not form.verified and "last confirmed threshold" in caption
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2023, 1, 15)))
    caption = " ".join(caption.value for caption in at.caption)
    assert "last confirmed threshold" not in caption
    assert metric(at, "Form 1099-C") == "Expected"


def test_car_judgment_garnished_at_the_federal_cap_pays_off_in_23_weeks():
    at = start(COLLECTION)
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    assert metric(at, "Judgment") == "$2,000.00"
    assert metric(at, "Most garnished per paycheck") == "$92.00"
    assert metric(at, "Paychecks to pay off") == "23"
    figure, alt = chart(at, "p_payoff_chart")
    balances = decode(figure["data"][0]["y"])
    assert balances[0] == 2000.0 and balances[-1] == 0.0
    assert "23 weekly paychecks" in alt
    entered(pair(at, "p_earnings").enter(200.0))
    assert metric(at, "Paychecks to pay off") == "Never"
    assert not any(label == "You pay" for label, _ in metrics(at))  # the settlement stayed
    entered(pair(whole_page(at), "p_costs").enter(500.0))
    assert metric(at, "Judgment") == "$2,500.00"


def test_where_the_state_forbids_garnishing_wages_nothing_is_taken_and_it_says_why():
    at = start(COLLECTION)
    at.session_state["state"] = "TX"
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    assert metric(at, "Most garnished per paycheck") == "$0.00"
    assert metric(at, "Paychecks to pay off") == "Never"
    texts = [str(getattr(element, "value", "")) for element in in_order(whole_page(at).main)]
    assert any("Texas does not let a creditor garnish wages" in text for text in texts)


def test_a_state_limit_that_needs_gross_pay_asks_for_it_and_applies_it():
    at = start(COLLECTION)
    at.session_state["state"] = "NY"
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    assert "enter your gross pay" in " ".join(str(m.value) for m in at.markdown)
    entered(pair(at, "p_earnings").enter(600.0))
    run(at, whole_page(at).number_input(key="p_gross__exact").set_value(800.0))
    assert metric(at, "Most garnished per paycheck") == "$80.00"  # 10% of gross, CPLR 5231


def test_the_state_law_sets_the_rate_by_the_judgments_date_and_debt():
    at = start(COLLECTION)
    at.session_state["state"] = "CA"
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    run(at, at.date_input(key="p_judgment_date__widget").set_value(date(2025, 6, 1)))
    captions = small_text(at)
    assert "California: 5% a year, simple" in captions and "685.010(a)(2)" in captions
    run(at, at.date_input(key="p_judgment_date__widget").set_value(date(2022, 6, 1)))
    captions = small_text(at)
    assert "California: 10% a year, simple" in captions
    run(at, at.segmented_control(key="p_debt_type__widget").set_value("business"))
    assert "California: 10% a year" in " ".join(caption.value for caption in at.caption)


def test_a_typed_rate_changes_the_payoff():
    at = start(COLLECTION)
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    entered(pair(at, "p_rate").enter(0.0))
    figure, _ = chart(at, "p_payoff_chart")
    assert len(decode(figure["data"][0]["y"])) == 23  # 21 x $92 + $68 with no interest, + start


def test_planner_compares_four_options_and_plan_months_move_the_plan():
    at = start(COLLECTION)
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    rows = markdown_table(at, "Way out")
    assert [row["Way out"] for row in rows] == [
        "Lump-sum settlement",
        "Payment plan",
        "Judgment collected by wage garnishment",
        "Bankruptcy discharge",
    ]
    # In words, not "None" for the ways out that have no payment period.
    takes = [row["You pay"].split(", ")[1] for row in rows]
    assert takes == ["at once", "24 months", "6 months", "no payments"]
    # Dollars to the cent, read as text: a discharge pays nothing.
    assert all(row["You pay"].startswith("$") and "." in row["You pay"] for row in rows)
    assert rows[3]["You pay"] == "$0.00, no payments"
    run(at, at.number_input(key="p_plan_months__widget").set_value(12))
    rows = markdown_table(at, "Way out")
    assert rows[1]["You pay"].endswith(", 12 months")
    figure, alt = chart(at, "p_planner_chart")
    assert len(figure["data"]) == 4
    assert "Bankruptcy discharge" in alt


def california_home(at) -> None:
    """The issue's California short sale, its state questions answered "yes": barred."""
    state = at.session_state
    amounts = {"unpaid_principal": "312000", "sale_price": "275000"}
    amounts |= {"commission_rate": "6", "seller_closing_costs": "3000"}
    for name, value in amounts.items():
        state[f"m_{name}"] = value
    state["m_resolution"] = "judgment"
    state["state"] = "CA"
    for fact in (
        "purchase_money",
        "owner_occupied",
        "one_to_four_units",
        "secured_only_by_home",
        "individual_borrower",
    ):
        state[f"m_f_{fact}"] = "yes"


def test_a_barred_deficiency_has_nothing_to_pay_off_and_says_why_in_words_not_charts():
    at = start(COLLECTION)
    california_home(at)
    whole_page(at)
    notes = " ".join(box.value for box in at.info)
    assert "California law bars the lender from collecting the \\$56,500.00" in notes
    assert "580" in notes and "nothing to pay off" in notes
    assert chart_keys(at) == set()
    assert "Nothing to chart: the lender has nothing to collect" in notes


def limits_table(at):
    return at.dataframe[0].value


def test_time_limit_to_sue_counts_down_from_the_sale_date():
    at = start("pages/mortgage.py")
    run(at, at.segmented_control(key="m_exit__widget").set_value("foreclosure"))
    run(at, at.radio(key="m_resolution__widget").set_value("judgment"))
    run(at, at.selectbox(key="state__widget").set_value("AZ"))
    run(at, at.switch_page(COLLECTION))
    # Twelve months from the first missed payment to the sale: the case's own sale date.
    run(at, at.date_input(key="r_first_missed__widget").set_value(date(2025, 1, 10)))
    assert any("sale is on **10 Jan 2026**" in block.value for block in at.markdown)
    limits = limits_table(at)
    row = limits[limits["What"].str.contains("33-814")].iloc[0]
    assert row["Time"] == "90 days after the trustee's sale"
    assert str(row["Deadline"])[:10] == "2026-04-10"
    assert row["Checked?"] == "law read"


def test_every_state_gives_its_contract_car_sale_and_judgment_periods():
    at = start("pages/car.py")
    run(at, at.selectbox(key="state__widget").set_value("CO"))
    run(at, at.switch_page(COLLECTION))
    run(at, at.segmented_control(key="n_side__widget").set_value("c"))
    limits = limits_table(at)
    what = list(limits["What"])
    assert "A suit on a written contract or loan" in what
    assert "A suit on a car's sale contract (sale of goods, UCC 2-725)" in what
    assert "How long a judgment can be collected" in what
    contract = limits[limits["What"] == "A suit on a written contract or loan"].iloc[0]
    assert contract["Time"] == "6 years"  # C.R.S. 13-80-103.5(1)(a)


# --- Learn ---------------------------------------------------------------------------


def test_learn_step_slider_builds_the_waterfall_one_line_at_a_time():
    at = start(LEARN)
    figure, _ = chart(at, "l_chart_c")
    assert decode(figure["data"][0]["text"]) == ["$10,000.00"]
    run(at, at.select_slider(key="l_step_c").set_value(6))
    figure, alt = chart(at, "l_chart_c")
    assert decode(figure["data"][0]["text"]) == [
        "$10,000.00",
        "$8,500.00",
        "$1,500.00",
        "$500.00",
        "$0.00",
        "$2,000.00",
    ]
    assert "step 6 of 6" in alt
    assert any("You would still owe $2,000" in box.value for box in at.success)


def test_load_this_example_resets_the_scenario_and_points_the_next_pages_at_it():
    at = start()
    entered(pair(at, "c_sale_price").slide(9_000.0))
    run(at, at.switch_page(LEARN))
    run(at, at.button(key="l_load_c").click())
    assert at.session_state["c_sale_price"] == "8500.00"
    assert at.session_state["n_side"] == "c"
    run(at, at.switch_page(COLLECTION))
    assert metric(at, "Judgment") == "$2,000.00"


def test_glossary_covers_every_term_the_issue_lists():
    at = start(LEARN)
    text = " ".join(block.value for block in at.markdown).lower()
    for term in (
        "collateral",
        "secured loan",
        "deficiency balance",
        "deficiency judgment",
        "short sale",
        "foreclosure",
        "deed in lieu",
        "repossession",
        "charge-off",
        "settlement",
        "loan servicer",
        "recourse and nonrecourse",
        "cancelled debt",
        "form 1099-c",
        "insolvency",
        "upside down",
    ):
        assert f"**{term}" in text, term


# --- A link whose tax fact or date the case refuses ------------------------------------


def test_a_link_with_a_refused_tax_fact_still_lays_out_every_page():
    """Liabilities without assets pass the link's own check but not the case's: on a first
    run there is no last good case, so every page falls back on a new session's tax facts,
    draws in full, and says what is wrong beside the inputs, keeping the typed value."""
    link = {"x_liabilities": "1000", "r_first_missed": "2024-01-15"}
    at = start(TAXES, **link)
    assert at.number_input(key="x_liabilities__exact").value == 1000.0
    assert [box.value for box in at.error] == [
        "Insolvency: give both liabilities and assets, or neither."
    ]
    assert "x_tax_chart" in chart_keys(at) and worksheet(at)["1"] == "$250,000.00"
    at = start(CREDIT, **link)
    # The dates are good, so the Credit page has nothing to say about a tax fact.
    assert not at.error
    assert dict(timeline_labels(at))["First missed payment"] == "15 Jan 2024"
    at = start(COLLECTION, **link)
    assert not at.error
    assert metric(at, "You pay") == "$25,000.00"
    assert any("sale is on **15 Jan 2025**" in block.value for block in at.markdown)
