"""Where a unit's italics are: the opening phrase and the rest (titles).

UN resolutions italicize the phrase that opens a preambular or operative
paragraph (*Recalling*, *Requests*) and the titles of publications
(*Treaty Series*). The opening span is the italic span with no letter before
it (an operative number ``12.`` may precede it).
"""

from __future__ import annotations

from aligner.model import Span, Unit


def opening_span(unit: Unit) -> Span | None:
    """The italic span that opens ``unit``'s text, if any."""
    first_letter = next((i for i, ch in enumerate(unit.text) if ch.isalpha()), None)
    if first_letter is None:
        return None
    for span in unit.italic:
        if span.start <= first_letter < max(span.end, span.start + 1):
            return span
    return None


def other_spans(unit: Unit) -> tuple[Span, ...]:
    """The italic spans that are not the opening phrase (titles, terms)."""
    opening = opening_span(unit)
    return tuple(span for span in unit.italic if span != opening and span.text.strip())
