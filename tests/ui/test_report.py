"""The printable report: a valid one-page letter PDF with the figures, date and not-advice line."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from tests.one_case import TODAY, reference_session
from ui.counselor.report import ReportError, build_report, figure_png, report_side
from ui.kit.cache import side_case
from ui.kit.sides import CAR, MORTGAGE
from ui.kit.state import load_preset
from ui.scenario.sections import NOT_ADVICE


def sides_for(mortgage_preset: str, car_preset: str, fill: str | None = None):
    state: dict[str, str] = {}
    load_preset(state, MORTGAGE, mortgage_preset)
    load_preset(state, CAR, car_preset)
    result = []
    for side in (MORTGAGE, CAR):
        if fill is not None:  # every input non-zero: the longest statement there can be
            for spec in (*side.specs, *side.resolution_specs.values()):
                if spec.info.kind == "money" and state[spec.key] in ("0", "0.00"):
                    state[spec.key] = fill
        answer, error = side_case(state, side, TODAY)
        assert error is None and answer is not None
        result.append(report_side(side, state, answer))
    return result


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(scope="module")
def example_pdf() -> bytes:
    return build_report(
        sides_for("short-sale-example", "car-example"), prepared_on=date(2026, 3, 14)
    )


def test_the_report_is_one_letter_page_with_the_figures_date_and_not_advice(example_pdf):
    assert example_pdf.startswith(b"%PDF")
    reader, text = text_of(example_pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # 8.5 x 11 in
    for figure in ("$2,000.00", "$50,000.00", "$250,000.00", "$200,000.00", "$8,500.00"):
        assert figure in text, figure
    assert "Prepared March 14, 2026" in text
    assert " ".join(NOT_ADVICE.split()) in text
    assert "Mortgage: short sale" in text and "Car loan: repossession" in text


def test_the_charts_are_embedded_as_images(example_pdf):
    reader, _ = text_of(example_pdf)
    images = reader.pages[0].images
    assert len(images) == 3, "two waterfalls and the who-pays chart"
    for image in images:
        assert image.image is not None and image.image.width > 300


@pytest.mark.parametrize("fill", [None, "1234.56"], ids=["realistic", "every-line"])
def test_long_statements_and_assumptions_still_fit_one_page(fill):
    pdf = build_report(
        sides_for("short-sale-realistic", "car-realistic", fill), prepared_on=date(2026, 1, 2)
    )
    reader, text = text_of(pdf)
    assert len(reader.pages) == 1
    assert "$74,525.00" in text or fill is not None
    assert "Assumptions" in text and "CFPB examiners" in text


def test_a_single_scenario_prints_too():
    pdf = build_report(
        sides_for("short-sale-example", "car-example")[1:], prepared_on=date(2026, 3, 14)
    )
    _, text = text_of(pdf)
    assert "$2,000.00" in text and "Mortgage" not in text


def test_kaleido_renders_a_png_or_fails_loudly():
    from ui.kit.figures import waterfall_figure

    sides = sides_for("short-sale-example", "car-example")
    image = figure_png(waterfall_figure(sides[1].outcome.statement, "t"), width=400, height=300)
    assert image.startswith(b"\x89PNG")


def test_report_side_lists_the_exit_resolution_and_non_zero_inputs_only():
    side = sides_for("short-sale-example", "car-example")[1]
    labels = [label for label, _ in side.inputs]
    assert labels[:2] == ["Exit", "Who bears the deficiency"]
    assert ("Sale price", "$8,500.00") in side.inputs
    assert not any("GAP" in label for label in labels)
    assert side.name == "Car loan: repossession"


def test_more_than_two_scenarios_are_refused():
    sides = sides_for("short-sale-example", "car-example")
    with pytest.raises(ReportError):
        build_report([*sides, sides[0]], prepared_on=date(2026, 3, 14))


def test_the_california_pdf_says_who_owes_what_under_the_state_rule():
    """Issue 21: the headline read "Deficiency $56,500.00", with no word of the state's bar."""
    session = reference_session()
    sides = [report_side(side, session, side_case(session, side, TODAY)[0]) for side in (MORTGAGE,)]
    _, text = text_of(build_report(sides, prepared_on=TODAY))
    assert "You would owe nothing" in text and "You would owe $0.00" in text
    assert "State California" in text
    assert "California law bars the lender from collecting the $56,500.00" in text
    assert "(Cal. Code Civ. Proc. 580b(a)(3); Cal. Code Civ. Proc. 580e)" in text
    assert "Shortfall before state law $56,500.00" in text
    assert "Lender may collect $0.00" in text
    # A home's statement keeps a servicer's payoff order; Article 9 covers the car only.
    assert "How the shortfall is worked out (a servicer's payoff order)" in text
    assert "9-616" not in text


def test_the_car_statement_names_the_ucc_order(example_pdf):
    _, text = text_of(example_pdf)
    assert "How the shortfall is worked out (UCC 9-616(c) order)" in text
    assert "How the shortfall is worked out (a servicer's payoff order)" in text


def test_every_waterfall_bar_has_its_label_and_the_title_its_room():
    """The print figure keeps the axis's labels (one per bar) and room above for the title."""
    from ui.counselor.report import _for_print
    from ui.kit.figures import waterfall_figure

    side = sides_for("short-sale-example", "car-example")[0]
    figure = _for_print(waterfall_figure(side.outcome.statement, "A title long enough to wrap"))
    bars = list(figure.data[0].x)
    assert list(figure.layout.xaxis.tickvals) == bars
    assert len(figure.layout.xaxis.ticktext) == len(bars)
    lines = figure.layout.title.text.count("<br>") + 1
    assert figure.layout.margin.t >= 30 + 20 * lines
