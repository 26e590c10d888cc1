"""How a structured source from the package's data reads on screen.

On a 390 px phone a raw 90-character URL wraps over three lines of a caption; a link named
by its site reads in a glance and still leads to the same page. Below H, the line says in
plain words how sure the source is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from deficiency import Confidence, Source
from deficiency.narrative import public_source
from ui.markdown import literal_dollars

#: A URL in running text; a trailing full stop or bracket belongs to the sentence, and a
#: comma ends it only before a space (the IRS's own addresses hold commas).
_URL = re.compile(r"https?://(?:[^\s;,<>\"]|,(?=\S))+[^\s;,<>\".)]")


def _link(match: re.Match[str]) -> str:
    url = match.group(0)
    site = url.split("/")[2].removeprefix("www.")
    return f"[{site}]({url})"


def shown_source(text: str) -> str:
    """A citation as Markdown: without the team's notes, each URL a link named by its site,
    and dollar signs kept literal (Streamlit would read ``$...$`` as maths).

    >>> shown_source("NCLC 1.4.9, https://library.nclc.org/repo/010409-0 ; shared/domain.md 1.6")
    'NCLC 1.4.9, [library.nclc.org](https://library.nclc.org/repo/010409-0)'
    >>> shown_source("IRS, http://www.irs.gov/uac/Form-1099-C,-Cancellation-of-Debt, 2024")
    'IRS, [irs.gov](http://www.irs.gov/uac/Form-1099-C,-Cancellation-of-Debt), 2024'
    """
    return _URL.sub(_link, literal_dollars(public_source(text).replace(" ; ", "; ")))


def source_markdown(source: Source) -> str:
    """A structured source as one line of Markdown: the citation and the subsection read,
    a link named by its site, the day it was read, and how sure it is below H.

    >>> from datetime import date
    >>> law = Source("CCP 580e", "https://law.justia.com/x", Confidence.HIGH,
    ...              date(2026, 12, 2), section_read="580e(a)(1)", quote="...")
    >>> print(source_markdown(law))
    CCP 580e, 580e(a)(1) ([law.justia.com](https://law.justia.com/x)), read 2 Dec 2026
    >>> guide = Source("NRS 40.455", "https://nolo.com/y", Confidence.MEDIUM, date(2026, 12, 2))
    >>> print(source_markdown(guide).split("; ")[-1])
    from a trusted guide: the law itself was not read
    """
    cited = literal_dollars(source.citation)
    if source.section_read and source.section_read != source.citation:
        cited += f", {literal_dollars(source.section_read)}"
    if source.url:
        cited += f" ([{source.site}]({source.url}))"
    cited += f", read {source.as_of.day} {source.as_of:%b %Y}"
    if source.confidence is Confidence.MEDIUM:
        cited += "; from a trusted guide: the law itself was not read"
    elif source.confidence.uncertain:
        cited += "; not checked: do not rely on it"
    return cited


def sources_markdown(sources: Iterable[Source]) -> str:
    """Several sources as one Markdown line, separated by semicolons; "" for none.

    >>> from datetime import date
    >>> a = Source("A", "", Confidence.UNVERIFIED, date(2026, 12, 2))
    >>> sources_markdown([a, a]).count("not checked")
    2
    """
    return "; ".join(source_markdown(source) for source in sources)
