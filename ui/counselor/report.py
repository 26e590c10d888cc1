"""The printable one-page report: both scenarios' answers, inputs, statements and charts as a PDF.

Each scenario's headline is its case outcome's (:func:`deficiency.case_outcome`): the state,
the rule that applied, what the lender may collect and who owes what, with the deficiency
before state law shown as the arithmetic it is, never as an amount owed.

Pure: the date is an argument, nothing reads Streamlit. Charts are rendered to PNG by
kaleido with the system's Chromium, started for the one PDF and kept to this machine and
a temporary folder (:func:`figure_pngs`); a rendering failure raises :class:`ReportError`
instead of leaving an image out. The page is US letter with half-inch margins and the
layout is sized so that any one scenario pair fits on one page.
"""

from __future__ import annotations

import asyncio
import io
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import kaleido  # type: ignore[import-untyped]  # ships no type information
import plotly
import plotly.graph_objects as go
from babel.dates import format_date
from choreographer.browsers.chromium import Chromium
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from deficiency import (
    LOCALES,
    AnswerKind,
    AutoExit,
    CaseOutcome,
    LoanKind,
    MortgageExit,
    Outcome,
    Resolution,
    current_language,
    fact_question,
    format_usd,
    preset,
)
from ui.kit.figures import outcome_figure, waterfall_figure
from ui.kit.i18n import N_, _, ngettext
from ui.kit.sides import Side
from ui.kit.state import State
from ui.kit.tables import statement_rows
from ui.scenario.sections import NOT_ADVICE

TITLE = N_("Deficiency balance report")
PAGE_WIDTH_MM = 215.9  # US letter
PAGE_HEIGHT_MM = 279.4
MARGIN_MM = 12.7  # half an inch
CONTENT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM
COLUMN_GAP_MM = 6.0
INK = (31, 41, 51)
MUTED = (82, 96, 109)
RULE = (203, 210, 217)

# Core PDF fonts cover Latin-1 only (Spanish's accents, ñ, ¿ and ¡ are in it); these are
# the characters our texts use beyond it.
_PLAIN = str.maketrans(
    {
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u2264": "<=",
        "\u2265": ">=",
        "\u00a0": " ",
        "\u2192": "->",
        "\u202f": " ",
        "\u2011": "-",
    }
)


#: A chart's render that gave back no image.
NO_PNG = N_("a chart could not be drawn as an image (no PNG came back)")


def who_pays_title() -> str:
    """The who-pays chart's title, in the reader's language."""
    return _("What the sale covers, what the borrower pays, what is cancelled")


def long_date(day: date) -> str:
    """A date as the reader writes it in full: "December 3, 2026", "3 de diciembre de 2026"."""
    return format_date(day, format="long", locale=LOCALES[current_language()])


class ReportError(RuntimeError):
    """The report could not be built, e.g. a chart could not be rendered to an image."""


@dataclass(frozen=True)
class ReportSide:
    """One scenario as the report prints it."""

    name: str
    collateral: str
    answer: CaseOutcome
    inputs: tuple[tuple[str, str], ...]
    preset_title: str
    assumptions: tuple[tuple[str, str], ...]
    #: A name for keys, the same in every language: ``house`` or ``car``.
    slug: str = ""

    @property
    def outcome(self) -> Outcome:
        """The statement and who pays what, after state law."""
        return self.answer.outcome


def _shown(kind: str, text: str) -> str:
    value = Decimal(text)
    if kind == "money":
        return format_usd(value)
    if kind == "percent":
        return f"{value.normalize():f}%"
    count = value.normalize()
    return ngettext("{count} day", "{count} days", int(count) if count == int(count) else 2).format(
        count=f"{count:f}"
    )


def report_side(side: Side, state: State, answer: CaseOutcome) -> ReportSide:
    """Collect what the report prints for one side from the canonical state and its case outcome.

    Inputs that are zero are left out (the statement lists every amount that applies);
    the exit and who bears the deficiency come first, the state's answers last.
    """
    exit, resolution = str(state[side.exit_key]), str(state[side.resolution_key])
    # The labels read now, in the reader's language (the side's tuples were read at import).
    exits = MortgageExit if side.kind is LoanKind.MORTGAGE else AutoExit
    exit_label = exits(exit).label
    resolution_label = Resolution(resolution).label
    inputs = [(_("Exit"), exit_label), (_("Who bears the deficiency"), resolution_label)]
    # Only what this exit and resolution read: a waived deficiency has no settlement share.
    for spec in (*side.specs_for(exit), *side.resolution_specs_for(resolution)):
        text = str(state[spec.key])
        if Decimal(text) != 0:
            inputs.append((spec.label, _shown(spec.info.kind, text)))
    inputs.extend(
        (fact_question(name), answer)
        for name, answer in answer.case.facts.items()
        if str(answer).strip().lower() not in ("", "unknown")
    )
    chosen = preset(str(state[side.preset_key]))
    labels = {spec.info.name: spec.label for spec in side.specs}
    assumptions = tuple((labels.get(name, name), note) for name, note in chosen.assumptions.items())
    return ReportSide(
        name=_("{loan}: {exit}").format(loan=_(side.title), exit=exit_label.lower()),
        collateral=_(side.collateral),
        answer=answer,
        inputs=tuple(inputs),
        preset_title=chosen.title,
        assumptions=assumptions,
        slug="house" if side.kind is LoanKind.MORTGAGE else "car",
    )


#: Seconds one chart may take to render; a PDF renders three.
RENDER_TIMEOUT_S = 30
#: The plotly.js the charts are rendered with: the copy the plotly package ships, read
#: from disk, never a CDN.
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
#: Chromium switches that keep a render on this machine: no background services (time,
#: search preconnects, reports, pings) and no name resolution (every host, an address
#: too, resolves to nothing, so no request can leave even if one is made).
PRIVATE_SWITCHES = (
    "--disable-background-networking",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-features="
    + ",".join(
        (
            "NetworkTimeServiceQuerying",  # clients2.google.com/time
            "PreconnectToSearch",  # the default search engine, preconnected at start
            "MediaRouter",
            "OptimizationHints",
            "Translate",
            "AutofillServerCommunication",
        )
    ),
    "--dns-prefetch-disable",
    "--no-pings",
    # The component updater runs despite --disable-component-update: it asked
    # update.googleapis.com. An empty data: URL as its server leaves it nothing to fetch.
    "--component-updater=url-source=data:text/plain,",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


class _PrivateChromium(Chromium):
    """kaleido's Chromium, kept to this machine and to one temporary folder.

    Its profile, caches and HOME are inside the folder the render made and deletes, so
    nothing of a user's stays (the default left a 2.5 MB profile in the temp folder and
    files under HOME).
    """

    def get_cli(self) -> list[str]:
        # about:blank: the first tab opened the default search engine's page otherwise.
        return [*super().get_cli(), *PRIVATE_SWITCHES, "about:blank"]

    def get_env(self) -> dict[str, str]:
        env = dict(super().get_env())
        # The render's folder (the profile is inside it): Chromium's sockets go under TMPDIR.
        folder = str(self.tmp_dir.path.parent)
        for name in ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            env[name] = folder
        return env


#: Chromium puts a Unix socket under its temporary folder, and a socket's path is limited
#: to 107 bytes: under a long TMPDIR (a test's) the browser could not start. A longer
#: temporary root gives way to /tmp.
MAX_TEMP_ROOT = 40


def _temp_root() -> str:
    root = tempfile.gettempdir()
    return root if len(root) <= MAX_TEMP_ROOT else "/tmp"


_ONE_RENDER = threading.Lock()
#: Debian's Chromium behind its launcher script: the script adds remote extensions, whose
#: update checks asked update.googleapis.com.
DEBIAN_CHROMIUM = Path("/usr/lib/chromium/chromium")


def _browser_path() -> str | None:
    """The Chromium binary to run: Debian's own behind its launcher, else choreographer's
    choice of the browsers installed."""
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.is_file() else None


def figure_pngs(charts: Sequence[tuple[go.Figure, int, int]], scale: float = 2.0) -> list[bytes]:
    """Each (figure, width, height) as PNG bytes, rendered by kaleido with the system's
    Chromium in one private session: MathJax off and plotly.js from disk (kaleido's
    defaults load both from CDNs), no request beyond this machine, and every file in a
    temporary folder deleted before returning.

    Raises :class:`ReportError` if Chromium cannot render one.
    """
    result: list[list[bytes] | BaseException] = []

    def run() -> None:
        try:
            result.append(asyncio.run(_render(charts, scale)))
        except BaseException as error:  # handed to the caller's thread
            result.append(error)

    # A thread of its own, as the caller may be inside a running event loop; one render at
    # a time, so sessions building PDFs together start one browser, not one each.
    worker = threading.Thread(target=run, name="report-charts")
    with _ONE_RENDER:
        worker.start()
        worker.join()
    outcome = result[0]
    if isinstance(outcome, BaseException):
        raise ReportError(_render_problem(outcome)) from outcome
    return outcome


def _render_problem(error: BaseException) -> str:
    if isinstance(error, ReportError):
        # Raised in the render's thread, where the reader's language is not known.
        return _(str(error))
    if isinstance(error, TimeoutError | asyncio.TimeoutError):
        return _("a chart took longer than {seconds} seconds to draw").format(
            seconds=RENDER_TIMEOUT_S
        )
    return _("a chart could not be drawn as an image (the browser that draws it failed)")


async def _render(charts: Sequence[tuple[go.Figure, int, int]], scale: float) -> list[bytes]:
    with tempfile.TemporaryDirectory(prefix="pdf-", dir=_temp_root()) as folder:
        index = Path(folder) / "index.html"
        index.write_text(
            kaleido.PageGenerator(plotly=PLOTLY_JS, mathjax=False).generate_index(),
            encoding="utf-8",
        )
        images = []
        async with kaleido.Kaleido(
            n=1,
            timeout=RENDER_TIMEOUT_S,
            page_generator=index,
            browser_cls=_PrivateChromium,
            path=_browser_path(),
            enable_extensions=False,
            tmp_dir=folder,
        ) as renderer:
            for figure, width, height in charts:
                options = {"format": "png", "width": width, "height": height, "scale": scale}
                image = await renderer.calc_fig(figure, opts=options)
                if not isinstance(image, bytes) or not image.startswith(b"\x89PNG"):
                    raise ReportError(NO_PNG)
                images.append(image)
        return images


def figure_png(figure: go.Figure, *, width: int, height: int, scale: float = 2.0) -> bytes:
    """One Plotly figure as PNG bytes (see :func:`figure_pngs`)."""
    return figure_pngs([(figure, width, height)], scale)[0]


#: Chart pixels per millimetre of paper: a 13 px chart font prints at about 5 pt.
PX_PER_MM = 7.5


#: Print pixels above the plot for a title: its first line, then each line it wraps onto,
#: with a gap to the axis's highest label.
PRINT_TITLE_PX = 30
PRINT_TITLE_LINE_PX = 20


def _for_print(figure: go.Figure) -> go.Figure:
    """The screen figure with room for its axis labels and every line of its title at print
    size, so a title never runs into the axis's highest label."""
    title = figure.layout.title.text or ""
    top = PRINT_TITLE_PX + PRINT_TITLE_LINE_PX * (title.count("<br>") + 1)
    figure.update_layout(
        font={"size": 13},
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        height=None,
        yaxis={"automargin": True},
        xaxis={"automargin": True},
    )
    return figure


def _plain(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


class _Report(FPDF):
    """An FPDF page with the report's text helpers; ``fit`` scales every size to fit one page."""

    fit = 1.0
    notes_end = 0.0

    def text_line(self, text: str, size: float, *, style: str = "", width: float = 0) -> None:
        self.set_font("Helvetica", style, size * self.fit)
        self.multi_cell(
            width,
            size * self.fit * 0.45,
            _plain(text),
            align="L",
            new_x=XPos.LEFT,
            new_y=YPos.NEXT,
        )

    def font(self, style: str, size: float) -> None:
        self.set_font("Helvetica", style, size * self.fit)

    def rule(self, y: float) -> None:
        self.set_draw_color(*RULE)
        self.line(MARGIN_MM, y, PAGE_WIDTH_MM - MARGIN_MM, y)


@dataclass(frozen=True)
class Answer:
    """A scenario's answer as the report and its preview print it: the case outcome's words."""

    title: str
    reason: str
    figures: tuple[tuple[str, str], ...]


def answer_of(answer: CaseOutcome) -> Answer:
    """The headline of one case outcome: its title, its reason with the state's rule, and
    the figures: what is owed, the state, what the lender may collect, the shortfall before
    state law, what state law bars and what is cancelled."""
    headline, outcome, law = answer.headline, answer.outcome, answer.law
    reason = headline.reason
    if headline.rule:
        reason += f" ({headline.rule})"
    if headline.kind is AnswerKind.DEPENDS and headline.open_questions:
        asked = "; ".join(fact_question(name) for name in headline.open_questions)
        reason += " " + _("Still to answer: {questions}").format(questions=asked)
    owes = (
        headline.title.split(":")[0]
        if headline.kind is AnswerKind.DEPENDS
        else format_usd(outcome.borrower_owes)
    )
    figures = [
        (_("You would owe"), owes),
        (
            _("State"),
            law.state_name if law is not None else _("None chosen (no state law applied)"),
        ),
    ]
    if outcome.surplus > 0:
        figures.append(
            (_("Surplus (yours, after any later lienholder)"), format_usd(outcome.surplus))
        )
    else:
        figures.append((_("Shortfall before state law"), format_usd(outcome.deficiency)))
        figures.append((_("State law bars"), format_usd(outcome.barred)))
        figures.append((_("Lender may collect"), format_usd(outcome.collectible)))
    figures.append((_("Cancelled (lender absorbs)"), format_usd(outcome.cancelled)))
    return Answer(headline.title, reason, tuple(figures))


def _fit_font(pdf: _Report, style: str, size: float, text: str, width: float) -> None:
    """Set the font at ``size``, smaller (to 6 pt) where ``text`` would run past ``width`` mm:
    a long value ("None chosen (no state law applied)") stays in its half of the column."""
    pdf.font(style, size)
    while size > 6.0 and pdf.get_string_width(text) > width:
        size -= 0.5
        pdf.font(style, size)


def _side_column(pdf: _Report, side: ReportSide, x: float, y: float, width: float) -> float:
    """Draw one scenario in a column; return where the column ends."""
    fit = pdf.fit
    pdf.set_xy(x, y)
    pdf.set_text_color(*INK)
    pdf.text_line(side.name, 11.5, style="B", width=width)
    pdf.set_x(x)
    pdf.set_text_color(*MUTED)
    pdf.text_line(_("Starting scenario: {title}").format(title=side.preset_title), 7.5, width=width)
    pdf.set_y(pdf.get_y() + 1.5 * fit)
    answer = answer_of(side.answer)
    pdf.set_x(x)
    pdf.set_text_color(*INK)
    pdf.text_line(answer.title, 11, style="B", width=width)
    pdf.set_x(x)
    pdf.text_line(answer.reason, 7.5, width=width)
    pdf.set_y(pdf.get_y() + 1.0 * fit)
    pairs = answer.figures  # two label/value pairs per row
    half = width / 2
    for first in range(0, len(pairs), 2):
        row_y = pdf.get_y()
        for column, (label, value) in enumerate(pairs[first : first + 2]):
            pdf.set_xy(x + column * half, row_y)
            pdf.set_text_color(*MUTED)
            pdf.font("", 7)
            pdf.cell(half, 3.2 * fit, _plain(label), new_x=XPos.LEFT, new_y=YPos.NEXT)
            pdf.set_x(x + column * half)
            pdf.set_text_color(*INK)
            _fit_font(pdf, "B", 10.5, _plain(value), half - 1.0)
            pdf.cell(half, 5.0 * fit, _plain(value), new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_y(pdf.get_y() + 0.8 * fit)
    pdf.set_xy(x, pdf.get_y() + 0.5 * fit)
    pdf.set_text_color(*INK)
    pdf.text_line(_("Inputs"), 8.5, style="B", width=width)
    pdf.set_x(x)
    pdf.set_text_color(*MUTED)
    pdf.text_line("; ".join(f"{label}: {value}" for label, value in side.inputs), 7, width=width)
    pdf.set_xy(x, pdf.get_y() + 1.5 * fit)
    pdf.set_text_color(*INK)
    pdf.text_line(statement_heading(side.outcome), 8.5, style="B", width=width)
    amount_width = 26.0
    for row in statement_rows(side.outcome.statement):
        # The line, item and amount, in that order (read by place: the headers are words).
        line, item, amount = (str(value) for value in row.values())
        item = item.strip()
        is_line = bool(line)
        pdf.set_x(x)
        pdf.font("B" if line == "6" else "", 7.5 if is_line else 7)
        pdf.set_text_color(*(INK if is_line else MUTED))
        label = f"{line}. {item}" if is_line else f"      {item.lstrip('· ').strip()}"
        pdf.cell(width - amount_width, 3.6 * fit, _plain(label))
        pdf.cell(
            amount_width,
            3.6 * fit,
            _plain(amount),
            align="R",
            new_x=XPos.LEFT,
            new_y=YPos.NEXT,
        )
    return pdf.get_y()


def statement_heading(outcome: Outcome) -> str:
    """The statement's heading, naming the order its lines follow (a car's UCC 9-616(c), a
    home's servicer payoff order)."""
    if outcome.surplus > 0:
        heading = _("How the surplus is worked out ({order})")
    else:
        heading = _("How the shortfall is worked out ({order})")
    return heading.format(order=outcome.statement.order)


@dataclass(frozen=True)
class _Images:
    waterfalls: tuple[bytes, ...]
    who_pays: bytes
    column_width: float


WATERFALL_HEIGHT_MM = 48.0
NOT_ADVICE_HEIGHT_MM = 9.0
#: Scales tried in turn until the page fits: long statements and notes print smaller.
FITS = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6)


def _outcome_height(count: int) -> float:
    return 14.0 + 15.0 * count


def _images(sides: Sequence[ReportSide]) -> _Images:
    column_width = (CONTENT_WIDTH_MM - COLUMN_GAP_MM * (len(sides) - 1)) / len(sides)
    charts: list[tuple[go.Figure, int, int]] = []
    for side in sides:
        figure = _for_print(
            waterfall_figure(
                side.outcome.statement,
                _("How the {name} figure builds").format(name=side.name.lower()),
            )
        )
        charts.append(
            (
                figure,
                round(column_width * PX_PER_MM),
                round(WATERFALL_HEIGHT_MM * PX_PER_MM),
            )
        )
    rows = [(side.name, side.outcome) for side in sides]
    who_pays = _for_print(outcome_figure(rows, who_pays_title()))
    charts.append(
        (
            who_pays,
            round(CONTENT_WIDTH_MM * PX_PER_MM),
            round(_outcome_height(len(sides)) * PX_PER_MM),
        )
    )
    *waterfalls, who_pays_png = figure_pngs(charts)
    return _Images(tuple(waterfalls), who_pays_png, column_width)


def _draw(sides: Sequence[ReportSide], images: _Images, prepared_on: date, fit: float) -> _Report:
    """Lay out the page at one scale; ``pdf.notes_end`` says whether it fitted."""
    pdf = _Report(orientation="portrait", unit="mm", format="letter")
    pdf.fit = fit
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(False)
    title = _(TITLE)
    pdf.set_title(title)
    pdf.set_creator("Deficiency balance explorer")
    pdf.set_lang(current_language())
    pdf.add_page()

    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "B", 17)
    pdf.cell(CONTENT_WIDTH_MM * 0.6, 8, _plain(title))
    pdf.set_font("Helvetica", "", 9.5)
    pdf.set_text_color(*MUTED)
    pdf.cell(
        CONTENT_WIDTH_MM * 0.4,
        8,
        _plain(_("Prepared {date}").format(date=long_date(prepared_on))),
        align="R",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.text_line(
        _(
            "What is still owed after the sale: {scenarios}. Every figure is exact to the cent."
        ).format(scenarios="; ".join(side.name for side in sides)),
        8.5,
    )
    top = pdf.get_y() + 2.0
    pdf.rule(top - 1.0)

    width = images.column_width
    bottom = top
    for index, side in enumerate(sides):
        x = MARGIN_MM + index * (width + COLUMN_GAP_MM)
        bottom = max(bottom, _side_column(pdf, side, x, top + 1.0, width))
    chart_y = bottom + 2.0
    chart_width, chart_height = width * fit, WATERFALL_HEIGHT_MM * fit
    for index, image in enumerate(images.waterfalls):
        x = MARGIN_MM + index * (width + COLUMN_GAP_MM)
        pdf.image(io.BytesIO(image), x=x, y=chart_y, w=chart_width, h=chart_height)
    outcome_y = chart_y + chart_height + 2.0
    outcome_height = _outcome_height(len(sides)) * fit
    pdf.image(
        io.BytesIO(images.who_pays),
        x=MARGIN_MM,
        y=outcome_y,
        w=CONTENT_WIDTH_MM * fit,
        h=outcome_height,
    )

    pdf.set_xy(MARGIN_MM, outcome_y + outcome_height + 2.0)
    pdf.rule(pdf.get_y())
    pdf.set_y(pdf.get_y() + 1.5)
    pdf.set_text_color(*INK)
    pdf.text_line(_("Assumptions"), 8.5, style="B")
    notes = [
        _('{scenario} starts from "{preset}"; figures you changed replace it.').format(
            scenario=side.name, preset=side.preset_title
        )
        for side in sides
    ]
    notes += [f"{label}: {note}" for side in sides for label, note in side.assumptions]
    pdf.set_text_color(*MUTED)
    pdf.text_line(" ".join(notes), 6.5)
    pdf.notes_end = pdf.get_y()

    pdf.set_xy(MARGIN_MM, PAGE_HEIGHT_MM - MARGIN_MM - NOT_ADVICE_HEIGHT_MM)
    pdf.rule(pdf.get_y() - 1.0)
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "I", 7.5)
    pdf.multi_cell(0, 3.4, _plain(_(NOT_ADVICE)), new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf


def build_report(sides: Sequence[ReportSide], *, prepared_on: date) -> bytes:
    """The one-page PDF report of the given scenarios (one or two), dated ``prepared_on``.

    Contents: the title and date; per scenario its headline figures, inputs, itemised
    statement (the six lines of UCC 9-616(c)) and waterfall chart; the who-pays chart of
    all scenarios; the assumptions behind the starting scenarios; the not-advice line.
    Long statements print at a smaller scale so the page never spills onto a second one.

    Raises
    ------
    ReportError
        A chart could not be rendered, or the content does not fit on one page even
        at the smallest scale.
    """
    if not 1 <= len(sides) <= 2:
        raise ReportError(_("the report prints one or two scenarios"))
    images = _images(sides)
    limit = PAGE_HEIGHT_MM - MARGIN_MM - NOT_ADVICE_HEIGHT_MM - 2.0
    for fit in FITS:
        pdf = _draw(sides, images, prepared_on, fit)
        if pdf.page_no() == 1 and pdf.notes_end <= limit:
            return bytes(pdf.output())
    raise ReportError(_("the report does not fit on one page"))
