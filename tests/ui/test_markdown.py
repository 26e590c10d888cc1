"""User and file text in Markdown: shown as typed, never read as markup."""

from __future__ import annotations

import re

from ui.markdown import plain


def test_an_image_link_maths_and_colour_from_a_file_become_literal_text():
    text = "![x](http://10.9.9.9/a.png) [site](http://ev.il) $5 to $7 :red[hi] <b>"
    escaped = plain(text)
    # Every markup character is backslash-escaped, so no image, link, maths or colour.
    assert not re.search(r"(?<!\\)[!\[\]()$:<>]", escaped)
    assert re.sub(r"\\(.)", r"\1", escaped) == text  # and nothing else changes


def test_plain_words_and_numbers_are_left_alone():
    assert plain("Case 12 of Smith") == "Case 12 of Smith"
