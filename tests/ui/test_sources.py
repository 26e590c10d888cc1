"""Sources on screen: citation, subsection, a short link named by its site, the date read,
and how sure in plain words below H."""

from __future__ import annotations

from datetime import date

from deficiency import Confidence, Source
from ui.kit.sources import source_markdown, sources_markdown

READ = date(2026, 12, 2)


def test_a_source_reads_as_citation_subsection_short_link_and_date():
    law = Source(
        "26 U.S.C. 6050P(b)",
        "https://irc.bloombergtax.com/public/uscode/doc/irc/section_6050p",
        Confidence.HIGH,
        READ,
        section_read="6050P(b) Exception",
        quote="Subsection (a) shall not apply to any discharge of less than $600.",
    )
    assert source_markdown(law) == (
        "26 U.S.C. 6050P(b), 6050P(b) Exception ([irc.bloombergtax.com]"
        "(https://irc.bloombergtax.com/public/uscode/doc/irc/section_6050p)), read 2 Dec 2026"
    )


def test_dollars_in_a_citation_stay_literal():
    shown = source_markdown(
        Source(
            "About $350 (Winter 2023)",
            "https://b.gov/c",
            Confidence.HIGH,
            READ,
            section_read="2.2",
            quote="$350",
        )
    )
    assert shown.startswith("About \\$350 (Winter 2023), 2.2 ([b.gov](https://b.gov/c))")


def test_a_comma_inside_an_address_stays_in_the_link():
    # The IRS's Form 1099-C page: a link that stopped at the comma left the rest as text.
    url = "http://www.irs.gov/uac/Form-1099-C,-Cancellation-of-Debt"
    shown = source_markdown(Source("IRS page", url, Confidence.MEDIUM, READ))
    assert f"([irs.gov]({url}))" in shown


def test_how_sure_is_said_in_plain_words_below_h():
    guide = Source("NCLC 1.4.9", "https://library.nclc.org/x", Confidence.MEDIUM, READ)
    weak = Source("One article", "https://legalclarity.org/x", Confidence.LOW, READ)
    missing = Source("7 CFR 3555.151(i)", "", Confidence.UNVERIFIED, READ, "looked for; not found")
    assert source_markdown(guide).endswith("from a trusted guide: the law itself was not read")
    assert source_markdown(weak).endswith("not checked: do not rely on it")
    assert source_markdown(missing) == (
        "7 CFR 3555.151(i), looked for; not found, read 2 Dec 2026; not checked: do not rely on it"
    )
    assert sources_markdown([guide, weak]) == (f"{source_markdown(guide)}; {source_markdown(weak)}")
    assert sources_markdown([]) == ""
