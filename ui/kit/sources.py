"""How a structured source from the package's data reads on screen.

On a 390 px phone a raw 90-character URL wraps over three lines of a caption; a link named
by its site reads in a glance and still leads to the same page. Below H, the line says in
plain words how sure the source is.
"""

from __future__ import annotations

from collections.abc import Iterable

from deficiency import Source
from ui.kit.i18n import _
from ui.kit.text import literal_dollars


def _adds_detail(section: str, citation: str) -> bool:
    """Whether the subsection read says more than the citation already does: "CCP
    685.010(a)(1)" adds nothing to "Cal. Code Civ. Proc. 685.010(a)(1)"."""
    last = section.split()[-1] if section.split() else ""
    return bool(section) and last not in citation


def source_markdown(source: Source) -> str:
    """A structured source as one line of Markdown: the citation and the subsection read,
    a link named by its site, the day it was read, and how sure it is below H.

    >>> from datetime import date
    >>> from deficiency import Confidence
    >>> law = Source("CCP 580e", "https://law.justia.com/x", Confidence.HIGH,
    ...              date(2026, 12, 2), section_read="580e(a)(1)", quote="...")
    >>> print(source_markdown(law))
    CCP 580e, 580e(a)(1) ([law.justia.com](https://law.justia.com/x)), read 2 Dec 2026
    >>> guide = Source("NRS 40.455", "https://nolo.com/y", Confidence.MEDIUM, date(2026, 12, 2))
    >>> print(source_markdown(guide).split("; ")[-1])
    from a trusted guide: the law itself was not read
    """
    cited = literal_dollars(source.citation)
    if _adds_detail(source.section_read, source.citation):
        cited += f", {literal_dollars(source.section_read)}"
    if source.url:
        cited += f" ([{source.site}]({source.url}))"
    # Translators: after a source's citation: the day it was read, e.g. "read 2 Dec 2026".
    cited += ", " + _("read {date}").format(date=source.read_on)
    if source.confidence.caveat:
        cited += f"; {source.confidence.caveat}"
    return cited


def sources_markdown(sources: Iterable[Source]) -> str:
    """Several sources as one Markdown line, separated by semicolons; "" for none.

    >>> from datetime import date
    >>> from deficiency import Confidence
    >>> a = Source("A", "", Confidence.UNVERIFIED, date(2026, 12, 2))
    >>> sources_markdown([a, a]).count("not checked")
    2
    """
    return "; ".join(source_markdown(source) for source in sources)


def source_note(sources: Iterable[Source], label: str | None = None) -> str:
    """Sources as a small line of Markdown for ``st.markdown``: not ``st.caption``, whose
    60% opacity leaves a link below the 4.5:1 contrast text needs (axe color-contrast).

    >>> from datetime import date
    >>> from deficiency import Confidence
    >>> source_note([Source("A", "", Confidence.UNVERIFIED, date(2026, 12, 2))], "Source")
    ':small[Source: A, read 2 Dec 2026; not checked: do not rely on it]'
    """
    label = _("Sources") if label is None else label
    return f":small[{label}: {sources_markdown(sources)}]"
