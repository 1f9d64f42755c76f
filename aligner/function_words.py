"""A quick confirmation that a Latin-script text is in the language it is declared in.

Checking a declared language with langdetect's n-gram profiles (``aligner.langid``)
costs 0.05-0.25 s of CPU a document (the profiles are read, then every n-gram of
the first 20,000 characters is weighed). Most documents are plainly in their
declared language, and their commonest words say so: in English prose "the",
"of", "and", "to" are one word in four or five. ``confirms(lang, text)`` counts
the words of a few short lists, one per language, and says yes only when the
declared language's list covers a good share of the text and clearly more than
the list of any of its neighbours (the other Latin-script official languages, and
Portuguese, Italian, Catalan, Romanian, German, Dutch: the languages a Spanish,
French or English text is most easily taken for). Anything less (a short text, a
mixed one, one in a neighbour language) is not confirmed, and the n-gram profiles
decide as before: the quick test only ever spares that work, it never warns.
"""

from __future__ import annotations

import re
from collections import Counter

#: The commonest function words of each language (articles, prepositions, conjunctions,
#: pronouns, a few forms of "to be"), lower case, as they stand between spaces.
WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in {
        "en": "the of and to in a is that for on by with as be are its their this which it at from or an "
              "has have was were not all",
        "fr": "le la les de des du et à en un une que qui dans pour par sur au aux est sont ne pas son ses "
              "leur leurs il elle ce cette avec",
        "es": "el la los las de del y en un una que por para con se su sus al es lo como son no este esta",
        "pt": "o a os as de do da dos das e em no na um uma que para com por se não ao aos é são seu sua",
        "it": "il la le gli di del della delle e in un una che per con non si è da al alla dei sono",
        "ca": "el la els les de del i en un una que per amb es no als al seva seu és són",
        "ro": "și si de la în in cu pe care a al ale un o din pentru este nu să se sunt",
        "de": "der die das und in den von zu mit des dem nicht ist sich auf für ein eine im auch er sie "
              "wird werden wie bei aus nach oder zur zum wurde noch über nur einer einen eines einem hat "
              "sind dass daß sein war wurden ihre ihr",
        "nl": "de het een en van in op te dat is voor met niet zijn die aan",
    }.items()
}
#: For each list, against each other one: the words it has and the other has not, and the reverse.
_APART: dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    lang: {other: (own - listed, listed - own) for other, listed in WORDS.items() if other != lang}
    for lang, own in WORDS.items()
}
#: Latin-script words counted at most (the first ones of the text).
MAX_WORDS = 3000
#: Words needed before anything is confirmed.
MIN_WORDS = 60
#: Share of the words the declared language's list must cover.
MIN_SHARE = 0.20
#: How many times the words of any other list the declared language's list must count.
MIN_LEAD = 1.5

_WORD = re.compile(r"[a-zà-öø-ÿăâîșşțţ]+(?:['’][a-zà-öø-ÿ]+)?")
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]")


def confirms(lang: str, text: str) -> bool:
    """Whether the commonest words of ``text`` plainly show it is in ``lang`` (one of ``WORDS``);
    ``False`` means "not shown", never "another language"."""
    own = WORDS.get(lang)
    if own is None:
        return False
    words = [_ELISION.sub("", w) for w in _WORD.findall(text.lower(), 0, 40 * MAX_WORDS)[:MAX_WORDS]]
    if len(words) < MIN_WORDS:
        return False
    counts = Counter(words)
    if sum(counts[w] for w in own) < MIN_SHARE * len(words):
        return False
    # against each neighbour, only the words one list has and the other has not: Spanish and
    # Catalan share «de», «la», «el», «en», «que», which a text of names and little prose
    # (a vote list: «República Democrática del Congo») holds more of than of «y» or «los»
    return all(sum(counts[w] for w in mine) >= MIN_LEAD * sum(counts[w] for w in theirs)
               for mine, theirs in _APART[lang].values())
