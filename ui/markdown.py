"""Text put into Markdown as written: the package's (dollar signs) and anyone's (all of it)."""

from __future__ import annotations

import re

#: Every character CommonMark, GFM, HTML, Streamlit's maths ($), colours and icons (:)
#: could read as markup. Backslash escapes of ASCII punctuation always render literally.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def literal_dollars(text: str) -> str:
    """``text`` with its dollar signs kept literal: Streamlit's Markdown reads ``$...$`` as
    maths, so "$500 and $350" would lose both signs and italicise what lies between."""
    return text.replace("$", "\\$")


def plain(text: str) -> str:
    """``text`` shown exactly as typed, for anything a user or a file supplied (a case id, a
    scenario name, a JSON key in an error): as Markdown, ``![x](http://host/)`` fetched an
    image from that host, and links and maths rendered.

    >>> print(plain("![x](http://10.9.9.9/a.png) costs $5"))
    \\!\\[x\\]\\(http\\://10\\.9\\.9\\.9/a\\.png\\) costs \\$5
    """
    return _MARKUP.sub(r"\\\1", text)
