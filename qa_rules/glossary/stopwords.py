"""Words that cannot begin or end a term candidate, per language (our lists).

Function words, plus the verbs and connectors of UN resolution phrasing
(``prie``, ``continuer``, ``notamment``) that recur in every document without
being terminology. Used only by ``candidates``; matching never drops words.
"""

from __future__ import annotations

import re

_FR = """le la les l un une des du de d à au aux en et ou ni que qui quoi dont où ce cet cette ces son sa ses
leur leurs sur sous par pour dans avec sans entre vers chez il elle ils elles on se s y ne pas plus est sont a
ont été être avoir qu n c j m t lui eux nous vous notre nos votre vos tout tous toute toutes autre autres même
aussi ainsi comme si afin cas lors selon notamment également prie invite engage encourage exhorte souligne
continuer continue aider fournir renforcer contribuer promouvoir demande demandent font fait faire prendre prises
cadre matière compte égard conformément particulier ensemble afin mesure mesures rôle question questions
plus moins très toute sorte lesquels lesquelles laquelle lequel tel telle tels telles contre avant après depuis
pendant durant auprès parmi""".split()
_EN = """the a an of to in on for by with and or as at from that which this these those its their it is are be
been was were has have had not no any all such other into under between within without upon than also including
particular requests invites encourages urges calls stresses continue assist provide strengthen contribute
promote request requesting them they its in accordance with regard through well more most against before after
during among""".split()
_ES = """el la los las lo un una unos unas de del al a en y e o u que quien cual cuyo su sus por para con sin
sobre entre hacia desde se es son ha han ser estar como más también así este esta estos estas ese esa esos esas
otro otra otros otras todo toda todos todas le les no ni solicita invita alienta insta exhorta siga seguir
ayudando prestando prestar fortalecer reforzar conformidad particular marco contra ante tras durante mediante""".split()
_RU = """и в во на с со по к ко о об от до из за для при без через между как что чтобы а но или не ни же ли бы
его ее её их свой своей своих своим свои этот эта это эти тот та те все всех также том числе который которые
которых является просит предлагает призывает рекомендует продолжать оказывать""".split()
_AR = """في من إلى الى على عن مع أو او و ثم أن ان إن لا ما هذا هذه ذلك تلك التي الذي الذين كل بين حتى قد لم
لن ب ل ك ف ها هو هي هم منها بما ذلك تطلب يواصل""".split()
_ZH = list("的和及与在对为了等并或是其以中各该")

STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(_FR), "en": frozenset(_EN), "es": frozenset(_ES), "ru": frozenset(_RU),
    "ar": frozenset(_AR), "zh": frozenset(_ZH),
}


def is_stopword(word: str, lang: str) -> bool:
    return word.casefold() in STOPWORDS.get(lang, frozenset())


#: Words no term contains, even inside (relative pronouns, finite verbs, pronouns): an
#: expression holding one spans a clause (``États Membres qui en font la demande``).
BREAKS: dict[str, frozenset[str]] = {
    "fr": frozenset("qui que qu dont où est sont a ont font fait été sera seront ne pas se lui leur leurs en y il "
                    "elle ils elles son sa ses notamment également".split()),
    "en": frozenset("which that who whom whose is are was were has have had be been will would it its their they "
                    "them this these those also including".split()),
    "es": frozenset("que quien quienes cual cuales cuyo es son fue ha han será se su sus le les también incluso".split()),
    "ru": frozenset("который которая которые которых является являются что это его ее её их также".split()),
}


def breaks_term(words: "list[str]", lang: str) -> bool:
    breaks = BREAKS.get(lang)
    return bool(breaks) and any(w.casefold() in breaks for w in words)


#: Verb phrases, not terms: a preposition and an infinitive (``à continuer de coopérer``,
#: ``prévenir et à combattre``, ``a seguir prestando``), a participle and its agent
#: (``menées par l'Office``, ``fournie par``).
VERB_PHRASES: dict[str, re.Pattern] = {
    "fr": re.compile(r"(?:^|\s)(?:à|de|d['’]|pour)\s*\w+(?:er|ir|re|oir)(?:\s|$)|^\w+\s+par\s", re.IGNORECASE),
    "es": re.compile(r"(?:^|\s)(?:a|de|para)\s+\w+(?:ar|er|ir)(?:\s|$)|^\w+\s+por\s", re.IGNORECASE),
    "en": re.compile(r"(?:^|\s)to\s+(?:continue|provide|assist|strengthen|support|promote|prevent|counter|"
                     r"combat|cooperate|ensure|develop|enhance|consider|take)(?:\s|$)", re.IGNORECASE),
}


def is_verb_phrase(text: str, lang: str) -> bool:
    pattern = VERB_PHRASES.get(lang)
    return bool(pattern and pattern.search(text))


#: Coordinating conjunctions: an expression and its rendering hold as many
#: (``infrastructures critiques`` is not ``infrastructure and soft``).
CONJUNCTIONS: dict[str, frozenset[str]] = {
    "fr": frozenset({"et", "ou"}), "en": frozenset({"and", "or"}), "es": frozenset({"y", "e", "o", "u"}),
    "ru": frozenset({"и", "или"}), "ar": frozenset({"أو"}), "zh": frozenset({"和", "及", "与", "或"}),
}


def conjunctions(words: "list[str]", lang: str) -> int:
    conj = CONJUNCTIONS.get(lang, frozenset())
    if lang == "zh":
        return sum(1 for w in words for ch in w if ch in conj)
    return sum(1 for w in words if w.casefold() in conj)
