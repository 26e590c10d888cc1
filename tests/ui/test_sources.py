"""Citations on screen: public sources only, each URL a short link named by its site."""

from __future__ import annotations

from ui.sources import shown_source


def test_a_url_becomes_a_link_named_by_its_site_and_the_sentence_keeps_its_stop():
    text = "Fact sheets at https://www.irs.gov/publications/p4681 and https://a.org/x."
    assert shown_source(text) == (
        "Fact sheets at [irs.gov](https://www.irs.gov/publications/p4681) and "
        "[a.org](https://a.org/x)."
    )


def test_the_teams_notes_go_and_dollars_stay_literal():
    shown = shown_source("About $350 (Winter 2023; shared/domain.md 1.6) ; https://b.gov/c?d=1")
    assert shown == "About \\$350 (Winter 2023); [b.gov](https://b.gov/c?d=1)"


def test_text_without_a_url_is_left_as_it_is():
    assert shown_source("UCC 9-615(a)(1)") == "UCC 9-615(a)(1)"


def test_a_comma_inside_an_address_stays_in_the_link():
    # The IRS's Form 1099-C page: the link stopped at the comma and left the rest as text.
    shown = shown_source("IRS page, http://www.irs.gov/uac/Form-1099-C,-Cancellation-of-Debt, 2024")
    assert (
        shown
        == "IRS page, [irs.gov](http://www.irs.gov/uac/Form-1099-C,-Cancellation-of-Debt), 2024"
    )
