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
pendant durant auprès parmi deux trois quatre cinq six sept huit neuf dix""".split()
_EN = """the a an of to in on for by with and or as at from that which this these those its their it is are be
been was were has have had not no any all such other into under between within without upon than also including
particular requests invites encourages urges calls stresses continue assist provide strengthen contribute
promote request requesting them they its in accordance with regard through well more most against before after
during among two three four five six seven eight nine ten""".split()
_ES = """el la los las lo un una unos unas de del al a en y e o u que quien cual cuyo su sus por para con sin
sobre entre hacia desde se es son ha han ser estar como más también así este esta estos estas ese esa esos esas
otro otra otros otras todo toda todos todas le les no ni solicita invita alienta insta exhorta siga seguir
ayudando prestando prestar fortalecer reforzar conformidad particular marco contra ante tras durante mediante dos
tres cuatro cinco seis siete ocho nueve diez""".split()
_RU = """и в во на с со по к ко о об от до из за для при без через между как что чтобы а но или не ни же ли бы
его ее её их свой своей своих своим свои этот эта это эти тот та те все всех также том числе который которые
которых является просит предлагает призывает рекомендует продолжать оказывать""".split()
_AR = """في من إلى الى على عن مع أو او و ثم أن ان إن لا ما هذا هذه ذلك تلك التي الذي الذين كل بين حتى قد لم
لن ب ل ك ف ها هو هي هم منها بما ذلك تطلب يواصل سائر""".split()
_ZH = list("的和及与在对为了等并或是其以中各该")

STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(_FR), "en": frozenset(_EN), "es": frozenset(_ES), "ru": frozenset(_RU),
    "ar": frozenset(_AR), "zh": frozenset(_ZH),
}


#: Arabic proclitics written as part of the next word: ``وسائر`` is ``و`` + ``سائر``.
_AR_PROCLITICS = ("و", "ف")


def is_stopword(word: str, lang: str) -> bool:
    folded = word.casefold()
    stops = STOPWORDS.get(lang, frozenset())
    if lang == "ar" and len(folded) > 2 and folded.startswith(_AR_PROCLITICS) and folded[1:] in stops:
        return True
    return folded in stops


#: Function words that close the phrase before them instead of opening one after it (Chinese
#: postpositions: ``在刑事案件中``, ``恐怖主义等``): a rendering followed by one is not cut.
POSTPOSITIONS: dict[str, frozenset[str]] = {"zh": frozenset("中等")}


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
    "fr": re.compile(r"(?:^|\s)(?:à|de|d['’]|pour)\s*\w+(?:er|ir|re|oir)(?:\s|$)|^\w+\s+par\s"
                     # an infinitive or a present participle and its object (combattre le terrorisme,
                     # mettant l'accent): a noun is not followed by an article
                     r"|^\w+(?:er|ir|re|oir|ant)\s+(?:le|la|les|l['’]|un|une|leur|leurs|ces|cette|ce|son|sa|ses)\b",
                     re.IGNORECASE),
    "es": re.compile(r"(?:^|\s)(?:a|de|para)\s+\w+(?:ar|er|ir)(?:\s|$)|^\w+\s+por\s", re.IGNORECASE),
    "en": re.compile(r"(?:^|\s)to\s+(?:continue|provide|assist|strengthen|support|promote|prevent|counter|"
                     r"combat|cooperate|ensure|develop|enhance|consider|take)(?:\s|$)", re.IGNORECASE),
}


#: A common-noun term (one that does not begin with a capital: not a name) holds at most this
#: many content words: longer lower-case sequences that recur are the resolution's repeated
#: clauses (``liens entre le terrorisme et la criminalité transnationale organisée varient``).
MAX_CONTENT_WORDS = 4


#: Modifiers that say how a thing relates to the text, not what it is: an expression whose
#: specific word is one of them is a generic phrase (``entités compétentes``, ``dispositions
#: applicables``, ``résolutions pertinentes``, ``relatifs à la lutte``), never a term.
EVALUATIVE: dict[str, frozenset[str]] = {
    "fr": frozenset("""compétent compétente compétents compétentes pertinent pertinente pertinents pertinentes
concerné concernée concernés concernées applicable applicables approprié appropriée appropriés appropriées
nécessaire nécessaires relatif relative relatifs relatives existant existante existants existantes intéressé
intéressée intéressés intéressées respectif respective respectifs respectives susmentionné susmentionnés
connexe connexes visé visée visés visées""".split()),
    "en": frozenset("""relevant appropriate applicable concerned competent existing respective necessary related
relating aforementioned""".split()),
    "es": frozenset("""competente competentes pertinente pertinentes aplicable aplicables interesado interesada
interesados interesadas correspondiente correspondientes necesario necesaria necesarios necesarias existente
existentes relativo relativa relativos relativas respectivo respectivos conexo conexos""".split()),
}
#: Prepositions that attach a complement to a phrase rather than build a term: in French a term's
#: complements take de, contre, sur, en (``renforcement des capacités``, ``lutte contre le
#: terrorisme``); à/aux gives the recipient or purpose of a clause (``assistance technique aux
#: États``).
#: So do the prepositions of a clause's circumstances and agent (``efforts déployés par les
#: États Membres``, ``implication d'enfants dans des groupes``, ``liens entre le terrorisme``).
PHRASE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "fr": frozenset("à au aux par dans entre pour avec selon comme".split())}


#: Articles: a word the text ever writes after one is used as a noun there, so a lower-case term
#: may begin with it; a word never seen after one (``compétentes``, ``relatifs``, ``varient``)
#: is an adjective or a verb, and an expression beginning with it is a fragment.
ARTICLES: dict[str, frozenset[str]] = {
    "fr": frozenset("le la les l un une des du au aux".split()),
    "en": frozenset("the a an".split()),
    "es": frozenset("el la los las un una unos unas del al".split()),
}


#: Endings of verb forms (infinitive, present participle, third person plural): a word with one
#: that the text never writes after an article is a verb (``conduire``, ``pouvant``, ``varient``).
VERB_ENDINGS: dict[str, re.Pattern] = {
    "fr": re.compile(r"(?:er|ir|oir|re|ant|ient)$"),
    "es": re.compile(r"(?:ar|er|ir|ando|iendo)$"),
    "en": re.compile(r"ing$"),
}
#: Participles of resolution phrasing: ``action menée``, ``efforts déployés``, ``mesures
#: prises``, ``assistance fournie`` describe what someone did, they name no concept.
PHRASE_PARTICIPLES: dict[str, frozenset[str]] = {
    "fr": frozenset("""mené menée menés menées déployé déployée déployés déployées pris prise prises fourni fournie
fournis fournies entrepris entreprise entreprises réalisé réalisée réalisés réalisées accompli accomplis
accomplie accomplies""".split()),
}


def is_phrase_not_term(words: "list[str]", lang: str) -> bool:
    """Whether an expression of cased script is a phrase rather than a term: in lower case (not
    a name), it joins two expressions with a conjunction (``enquêtes et des poursuites``,
    ``national et international``: each is its own term or none), holds an ``EVALUATIVE``
    modifier, a ``PHRASE_PREPOSITIONS`` complement or a ``PHRASE_PARTICIPLES`` participle, or
    more than ``MAX_CONTENT_WORDS`` content words."""
    if lang in ("zh", "ar") or not words or not words[0][:1].islower():
        return False
    folded = [w.casefold() for w in words]
    if conjunctions(words, lang) or any(w in EVALUATIVE.get(lang, ()) or w in PHRASE_PREPOSITIONS.get(lang, ())
                                        or w in PHRASE_PARTICIPLES.get(lang, ()) for w in folded):
        return True
    return sum(1 for w in words if not is_stopword(w, lang) and len(w) > 1) > MAX_CONTENT_WORDS


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
