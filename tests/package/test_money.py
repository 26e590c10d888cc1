from decimal import Decimal

import pytest

from deficiency import InvalidInputError, to_money
from deficiency.money import format_usd, percent_of, round_cents, to_count, to_percent


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (0, "0.00"),
        (10000, "10000.00"),
        ("247318.55", "247318.55"),
        ("$247,318.55", "247318.55"),
        ("  1,000 ", "1000.00"),
        (Decimal("0.005"), "0.01"),
        (Decimal("0.004"), "0.00"),
        (Decimal("2.675"), "2.68"),  # half-up, where float rounding gives 2.67
        (0.1, "0.10"),
        (1e12, "1000000000000.00"),
    ],
)
def test_to_money_accepts_and_rounds_half_up(raw, expected):
    assert to_money(raw, "amount") == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (-1, "negative"),
        ("-0.01", "negative"),
        ("NaN", "finite"),
        (float("nan"), "finite"),
        (float("inf"), "finite"),
        ("Infinity", "finite"),
        ("abc", "not a number"),
        ("", "empty"),
        ("   ", "empty"),
        ("1e13", "trillion"),
        (Decimal("1000000000000.01"), "trillion"),
        (True, "expected an amount"),
        (None, "expected an amount"),
        ([1], "expected an amount"),
        ("9" * 60, "too long"),
    ],
)
def test_to_money_rejects_bad_input_naming_the_field(raw, problem):
    with pytest.raises(InvalidInputError) as caught:
        to_money(raw, "Sale price")
    assert caught.value.field == "Sale price"
    assert str(caught.value).startswith("Sale price: ")
    assert problem in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("raw", [-0.0, "-0", "-0.00", Decimal("-0"), Decimal("-0.000")])
def test_a_typed_negative_zero_is_plain_zero(raw):
    """A box sends -0.0 when someone types "-0": it is $0.00, never "-0.00" in a file or link."""
    for parsed in (to_money(raw, "Sale price"), to_percent(raw, "Commission")):
        assert parsed == 0 and not parsed.is_signed()
    assert str(to_money(raw, "Sale price")) == "0.00"


def test_round_cents_is_half_up_on_negative_values_too():
    assert round_cents(Decimal("-0.005")) == Decimal("-0.01")


def test_percent_and_count_limits():
    assert to_percent("6.5", "Commission") == Decimal("6.5")
    with pytest.raises(InvalidInputError, match="above 100"):
        to_percent(101, "Commission")
    assert to_count("30", "Storage days", maximum=3650) == 30
    with pytest.raises(InvalidInputError, match="whole number"):
        to_count("2.5", "Storage days", maximum=3650)
    with pytest.raises(InvalidInputError, match="above 3650"):
        to_count(4000, "Storage days", maximum=3650)


def test_percent_of_rounds_to_cents():
    assert percent_of(Decimal("247318.55"), Decimal("5.5")) == Decimal("13602.52")


@pytest.mark.parametrize(
    ("amount", "cents", "text"),
    [
        ("2000", False, "$2,000"),
        ("2000.5", False, "$2,000.50"),
        ("2000", True, "$2,000.00"),
        ("0", True, "$0.00"),
        ("-1500", True, "-$1,500.00"),
        ("1000000000000", True, "$1,000,000,000,000.00"),
    ],
)
def test_format_usd(amount, cents, text):
    assert format_usd(Decimal(amount), cents=cents) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,000", "1000.00"),
        ("$1,234,567.89", "1234567.89"),
        ("-$1,234.5", None),  # read as -1234.50, then refused as negative
        ("12,345.", "12345.00"),
        ("999", "999.00"),
    ],
)
def test_commas_between_thousands_are_read(raw, expected):
    if expected is None:
        with pytest.raises(InvalidInputError, match="negative"):
            to_money(raw, "Sale price")
    else:
        assert to_money(raw, "Sale price") == Decimal(expected)


@pytest.mark.parametrize(
    "raw", ["8.500,00", "1,00", "1,2,3", ",500", "1,", "1,0000", "12,34,567", "1.000,5", "$1,00"]
)
def test_a_comma_out_of_place_is_refused_not_read_as_another_amount(raw):
    """Issue 22: "8.500,00" was $8.50, "1,00" $100 and "1,2,3" $123."""
    for parse in (lambda text: to_money(text, "Sale price"), lambda t: to_percent(t, "Rate")):
        with pytest.raises(InvalidInputError, match="comma out of place"):
            parse(raw)


@pytest.mark.parametrize("raw", ["1_000", "١٢٣", "１２３"])
def test_only_plain_ascii_digits_are_read(raw):
    with pytest.raises(InvalidInputError, match="is not a number"):
        to_money(raw, "Sale price")


@pytest.mark.parametrize(
    "raw", ["1E-999999", Decimal("1E-999999"), "0.00001", 1e-39, "5.12345", Decimal("1E-5")]
)
def test_a_percentage_finer_than_four_places_is_refused(raw):
    """One precision rule for every percentage: what the Odds page refused, every input refuses."""
    with pytest.raises(InvalidInputError, match="at most 4 decimal places"):
        to_percent(raw, "Commission")


@pytest.mark.parametrize("raw", ["5.1234", "5.50000000", 0.0001, "1E+1", 6])
def test_a_percentage_to_four_places_is_kept_exactly(raw):
    assert to_percent(raw, "Commission") == Decimal(str(raw))
