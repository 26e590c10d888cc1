"""Text put into Markdown as written: the package's (dollar signs) and anyone's (all of it)."""

from __future__ import annotations

import html
import re

#: Every character CommonMark, GFM, HTML, Streamlit's maths ($), colours and icons (:)
#: could read as markup. Backslash escapes of ASCII punctuation always render literally.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def literal_dollars(text: str) -> str:
    """``text`` with its dollar signs kept literal: Streamlit's Markdown reads ``$...$`` as
    maths, so "$500 and $350" would lose both signs and italicise what lies between."""
    return text.replace("$", "\\$")


#: An invisible character that joins the letters beside it: put inside "http:", "www."
#: and after "@", it keeps GitHub-flavoured Markdown from seeing a bare URL or an email
#: address. That autolinking runs on the text after escapes are read, so a backslash
#: cannot stop it: "www.example.com" in a file's error would become a link.
WORD_JOINER = "\u2060"
_BARE_LINK = re.compile(r"(?i)https?(?=:)|www(?=\.)|@")


def plain(text: str) -> str:
    """``text`` shown exactly as typed, for anything a user or a file supplied (a case id, a
    scenario name, a JSON key in an error): as Markdown, ``![x](http://host/)`` fetches an
    image from that host, links and maths render, and a bare ``www.host`` or
    ``http://host`` becomes a link. It reads the same; only invisible joiners are added.

    >>> print(plain("![x](http://10.9.9.9/a.png) costs $5").replace(WORD_JOINER, "+"))
    \\!\\[x\\]\\(http+\\://10\\.9\\.9\\.9/a\\.png\\) costs \\$5
    >>> plain("www.example.com or a@b.org").replace(WORD_JOINER, "+")
    'www+\\\\.example\\\\.com or a@+b\\\\.org'
    """
    return _MARKUP.sub(r"\\\1", _BARE_LINK.sub(lambda found: found[0] + WORD_JOINER, text))


def plotly_text(text: str) -> str:
    """``text`` for a Plotly label, hover or annotation, shown as typed: Plotly reads a
    subset of HTML there, and ``<a href=...>`` in a lender's expense name would become a link.

    >>> plotly_text('<a href="http://10.9.9.9/">fee</a> & tax')
    '&lt;a href="http://10.9.9.9/"&gt;fee&lt;/a&gt; &amp; tax'
    """
    return html.escape(text, quote=False)
