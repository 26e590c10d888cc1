"""User and file text in Markdown and Plotly: shown as typed, never read as markup or a link."""

from __future__ import annotations

import re

import pytest

from tests.helpers import rendered
from ui.kit.tables import markdown_table
from ui.kit.text import plain

#: GitHub-flavoured Markdown's bare-link patterns as Streamlit's Markdown renderer
#: (mdast-util-gfm-autolink-literal, in StreamlitMarkdown.*.js) runs them on the text
#: after escapes are read: a URL, a www. host, an email address.
GFM_BARE_LINKS = (
    re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE),
    re.compile(r"(?<![^\s\W_])([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)"),
)
HOSTILE = [
    "![x](http://127.0.0.2/a.png) [site](http://127.0.0.2) $5 to $7 :red[hi] <b>",
    "www.example.com",
    "see http://127.0.0.2/caseload and HTTPS://127.0.0.2",
    "case_id: mail me@127.0.0.2.example or mailto:x@y.org",
    "<http://127.0.0.2/>",
    "_http://127.0.0.2/ (www.a.b)",
]


def test_an_image_link_maths_and_colour_from_a_file_become_literal_text():
    text = HOSTILE[0]
    escaped = plain(text)
    # Every markup character is backslash-escaped, so no image, link, maths or colour.
    assert not re.search(r"(?<!\\)[!\[\]()$:<>]", escaped)
    assert rendered(escaped) == text  # and a reader sees nothing else change


@pytest.mark.parametrize("text", HOSTILE)
def test_a_bare_url_host_or_email_address_never_becomes_a_link(text):
    """Issue 22: plain() left www.example.com and http://... to be linked by GFM, which
    reads them after the escapes, in caseload and upload errors."""
    as_read = re.sub(r"\\(.)", r"\1", plain(text))  # the text GFM's bare-link pass sees
    assert rendered(plain(text)) == text
    for pattern in GFM_BARE_LINKS:
        assert pattern.search(as_read) is None, (pattern.pattern, as_read)


def test_plain_words_and_numbers_are_left_alone():
    assert plain("Case 12 of Smith") == "Case 12 of Smith"


def test_plotly_text_keeps_tags_as_text():
    from ui.kit.text import plotly_text

    assert plotly_text('<a href="http://127.0.0.2/">x</a>') == (
        '&lt;a href="http://127.0.0.2/"&gt;x&lt;/a&gt;'
    )


def test_a_markdown_table_keeps_each_cell_whole_and_literal():
    # A pipe would split a cell and an asterisk or underscore would turn text bold.
    rows = [{"Way out": "Plan | *A* or _B_", "You pay": "$1,200.00 now; $50.00 later"}]
    table = markdown_table(rows)
    header, rule, row = table.splitlines()
    assert header == "| Way out | You pay |" and rule == "|:--|:--|"
    cells = [rendered(cell.strip()) for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
    assert cells == ["Plan | *A* or _B_", "$1,200.00 now; $50.00 later"]
    assert "\\$1,200.00 now; \\$50.00" in row  # not read as maths between the signs
