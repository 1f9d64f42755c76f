"""SP06: a half-width punctuation mark between Chinese characters, where Chinese writes the full-width one."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.punctuation.pu05_script_form import form_findings


class FullWidthForms(Rule):
    """A half-width punctuation mark between Chinese characters, where Chinese writes the full-width form.

    Chinese punctuation is full-width (``，；：（）！？``): each mark fills a
    character cell and carries its own space. A half-width ``,`` or ``(`` with
    Chinese characters or marks on both sides leaves the line cramped; next to
    digits or Latin text (``第2133(2014)号决议``, a URL) it is not judged. The
    forms are language data (``[typography] full_width_forms``); Arabic's own
    marks are the punctuation rule PU05's.

    Flags:
        fr: l'Ensemble de règles minima (Règles Nelson Mandela), pour élaborer des outils
        zh: 《囚犯待遇最低限度标准规则》(《纳尔逊·曼德拉规则》)，以制定工具

    Passes:
        fr: l'Ensemble de règles minima (Règles Nelson Mandela), pour élaborer des outils
        zh: 《囚犯待遇最低限度标准规则》（《纳尔逊·曼德拉规则》），以制定工具

        fr: les résolutions 2133 (2014) et 2178 (2014) du Conseil de sécurité,
        zh: 安全理事会第2133(2014)号和第2178(2014)号决议，
    """

    code = "SP06"
    name = "spacing.full_width_forms"
    category = "spacing"
    severity = "warning"
    #: The languages with ``[typography] full_width_forms`` data.
    languages = ("zh",)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        yield from form_findings(self, pair, "full_width_forms", "half-width punctuation between {lang} characters")

    def pattern(self, finding: Finding) -> str | None:
        """Half-width marks throughout a version are one systematic finding (the marks are in its messages)."""
        return finding.message.partition(": ")[0]
