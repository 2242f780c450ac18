"""Place mentions in a parsed sentence, and the role each plays.

Names are found by looking up token n-grams in the gazetteer's name index (one
dict access per n-gram, longest first, only from capitalised tokens or region
words), then filtered with the parse: a match must be a proper noun (or inside
a LOC/GPE entity when the pipeline has a recogniser), must not be inside a
person's name, and must not be the start or end of a longer capitalised name
("George Washington", "Washington Post").

The role (:func:`place_role`) separates the two readings of a place name:

* ``actor``: subject or object of a predicate ("Moscou a expulsé …",
  "Washington warned", "the Kremlin said") — metonymy: the place stands for
  its government;
* ``location``: complement of a locative preposition ("à Moscou", "in
  Kharkiv") or of a noun ("les quartiers de Kharkiv", "the outskirts of
  Kherson") — where the event happens;
* ``other``: anything else (a modifier, an apposition).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from tocsin.places.gazetteer import Gazetteer, Place, inside, place_key

PlaceRole = Literal["actor", "location", "other"]

#: words that make a following or preceding place name a region ("région de Kharkiv")
REGION_WORDS = frozenset({
    "région", "region", "oblast", "province", "gouvernorat", "governorate", "district",
    "département", "state", "état", "bande", "strip", "plateau", "heights", "raion",
})
_REGION_WORD_IDS = frozenset(get_string_id(w) for w in REGION_WORDS)
_SUBJECT = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"})
_OBJECT = frozenset({"obj", "dobj", "iobj", "dative"})
_PERSON_LABELS = frozenset({"PER", "PERSON"})
_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
#: prepositions that make a place the location of the event, both languages
LOCATIVE = frozenset({
    "à", "au", "aux", "en", "dans", "près", "vers", "depuis", "autour", "devant", "au-dessus",
    "in", "at", "near", "around", "outside", "inside", "across", "from", "into", "over",
})
_GENITIVE = frozenset({"de", "du", "des", "d'", "d’", "of"})
_MODIFIER_DEPS = frozenset({"advmod", "amod", "compound", "det", "case", "punct", "flat", "flat:name"})
_OPENING_QUOTES = frozenset({"«", "“", '"', "‘", "'"})
_CLOSING_QUOTES = frozenset({"»", "”", '"', "’", "'"})
#: French articles that come before the name of a group or a region, never before a one-word town
_ARTICLES_BEFORE_GROUPS = frozenset({"le", "la", "les", "du", "des"})
#: "sur Aden", "on Kharkiv": a place acted on (not a country: "sanctions on Russia")
_SURFACE = frozenset({"sur", "on"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a sentence: tokens ``start:end`` of the document."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    #: "Paris, Texas": the places the following ", X" names (restricts the candidates)
    qualifier: tuple[Place, ...] = ()
    #: "région de Kharkiv", "Kharkiv region": the region, not the city
    region: bool = False


def _starts_name(tok: Token) -> bool:
    return _text_starts_name(tok.text)


def _text_starts_name(text: str) -> bool:
    """:func:`_starts_name` of a token's text."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _is_title(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ == "PROPN"


def find_places(sent: Span, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The place names of ``sent``, left to right, without overlaps."""
    doc = sent.doc
    tokens = list(sent)
    texts = [t.text for t in tokens]
    # whether an n-gram may end on each token (not punctuation, not space): read for the
    # tokens n-grams are looked up from, when first needed
    ends: dict[int, bool] = {}
    has_ents = doc.has_annotation("ENT_IOB")
    found: list[PlaceMention] = []
    i = 0
    n_tokens = len(tokens)
    while i < n_tokens:
        tok = tokens[i]
        region_start = tok.lower in _REGION_WORD_IDS  # ``tok.lower_ in REGION_WORDS``, by string id
        if not (_text_starts_name(texts[i]) or region_start) or tok.is_punct:
            i += 1
            continue
        match = None
        widest = min(gazetteer.max_words + 2, n_tokens - i)
        if not _may_start_name(texts[i], gazetteer):
            widest = 0  # no indexed name starts with this word: no n-gram from here can match
        elif widest > 1 and not _may_start_name(texts[i], gazetteer, several=True):
            # no name of several words starts with it: only n-grams adding no word can match
            k = 1
            while k < widest and not _key(texts[i + k]):
                k += 1
            widest = k
        elif widest > 1:
            widest = _widest(texts, i, widest, gazetteer)
        for n in range(widest, 0, -1):
            end = ends.get(i + n - 1)
            if end is None:
                last = tokens[i + n - 1]
                end = ends[i + n - 1] = not (last.is_punct or last.is_space)
            if not end:
                continue
            key = _key(" ".join(texts[i:i + n]).replace("' ", "'").replace("’ ", "’"))
            candidates = gazetteer.lookup_key(key)
            if candidates:
                match = (n, candidates)
                break
        if match is None or not _acceptable(tokens, i, match[0], match[1], has_ents, sent):
            i += 1
            continue
        n, candidates = match
        span = doc[tokens[i].i:tokens[i + n - 1].i + 1]
        region = region_start or _next_lower(tokens, i + n) in REGION_WORDS or _region_before(tokens, i)
        if found and found[-1].qualifier and span.start == found[-1].end + 1 and doc[found[-1].end].text == ",":
            # "Atlanta, Georgia": the qualifier is the region that holds the place before it
            holding = tuple(r for r in found[-1].qualifier if any(inside(c, r) for c in found[-1].candidates))
            candidates = holding or candidates
        found.append(PlaceMention(span.start, span.end, span.text, candidates,
                                  _qualifier(tokens, i + n, gazetteer), region))
        i += n
    return found


#: ``place_key`` remembered: sentences look up the same words and n-grams again and again
_key = lru_cache(maxsize=100_000)(place_key)


_FIRST_WORDS: dict[int, tuple[Gazetteer, frozenset[str], frozenset[str], dict[str, int]]] = {}


def _first_word_tables(gazetteer: Gazetteer) -> tuple[Gazetteer, frozenset[str], frozenset[str], dict[str, int]]:
    """The first words of the gazetteer's index keys (trailing dots removed), those of keys
    of several words, and for each the most words a key starting with it has; built once
    per gazetteer (:class:`~tocsin.coding.coder.Coder` builds them when it loads)."""
    held = _FIRST_WORDS.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        most: dict[str, int] = {}
        for key in gazetteer.index:
            first = key.split(" ", 1)[0].rstrip(".")
            words = key.count(" ") + 1
            if most.get(first, 0) < words:
                most[first] = words
        held = _FIRST_WORDS[id(gazetteer)] = (
            gazetteer, frozenset(most), frozenset(w for w, n in most.items() if n > 1), most)
    return held


def first_words(gazetteer: Gazetteer, several: bool = False) -> frozenset[str]:
    """The first words of the gazetteer's index keys (of those of several words when
    ``several``), trailing dots removed."""
    held = _first_word_tables(gazetteer)
    return held[2] if several else held[1]


def max_words(gazetteer: Gazetteer) -> dict[str, int]:
    """For each first word of the index keys (trailing dots removed), the most words a key
    starting with it has."""
    return _first_word_tables(gazetteer)[3]


def _widest(texts: list[str], i: int, widest: int, gazetteer: Gazetteer) -> int:
    """The longest n-gram from token ``i`` (at most ``widest`` tokens) whose key can have
    no more words than the longest index key starting with the same first word.

    Every later token with a non-empty key of its own, not glued to the token before
    (one ending with an apostrophe), starts a word of its own in the n-gram's key: the
    space before it stays (only "' " is joined), and its characters other than spaces
    and dots are neither collapsed nor stripped. So an n-gram with more such tokens
    than the longest key allows (the first word counts one) matches no key."""
    first = texts[i]
    if first.endswith(("'", "’")):
        return widest  # glued to the next word: its first word is not its own
    key = _key(first)
    if not key:
        return widest
    most = max_words(gazetteer).get(key.split(" ", 1)[0].rstrip("."))
    if most is None:
        return widest
    words = 1
    for k in range(1, widest):
        if _key(texts[i + k]) and not texts[i + k - 1].endswith(("'", "’")):
            words += 1
            if words > most:
                return k  # n-grams of k + 1 tokens or more have too many words
    return widest


def _may_start_name(text: str, gazetteer: Gazetteer, several: bool = False) -> bool:
    """False when no n-gram starting with the token ``text`` can be an index key (with
    ``several``: no key of several words).

    The key of an n-gram (``place_key`` of the words joined by spaces) begins with
    the first word of the token's own key: keys are built character by character,
    apart from spaces collapsed and `` .`` stripped at both ends (hence the trailing
    dots ignored). A token ending with an apostrophe is glued to the next word
    ("L'" + "Ukraine"), and a token whose key is empty starts nothing of its own:
    both may start a name. An n-gram whose other tokens add a word (a non-empty key)
    has a key of several words."""
    if text.endswith(("'", "’")):
        return True
    key = _key(text)
    return not key or key.split(" ", 1)[0].rstrip(".") in first_words(gazetteer, several)


def _next_lower(tokens: list[Token], pos: int) -> str:
    return tokens[pos].lower_ if pos < len(tokens) else ""


def _region_before(tokens: list[Token], pos: int) -> bool:
    """"la région de Kharkiv", "the region of Kursk"."""
    if pos >= 2 and tokens[pos - 1].lower_ in _GENITIVE and tokens[pos - 2].lower_ in REGION_WORDS:
        return True
    return pos >= 1 and tokens[pos - 1].lower_ in ("oblast", "région", "region")


#: common nouns of seas, gulfs and other features whose names hold a word that is also a town
_FEATURE_WORDS = frozenset({"mer", "océan", "golfe", "détroit", "canal", "baie", "lac", "fleuve",
                            "sea", "ocean", "gulf", "strait", "channel", "bay", "lake", "river"})


#: articles and prepositions between a sea's word and its name ("mer de l'Est", "mer du Nord")
_NAME_LINKS = frozenset({"de", "du", "d'", "d’", "l'", "l’", "la", "le", "of", "the"})
#: points of the compass, which name regions of several countries ("Est", "Nord-Ouest", "Western")
_COMPASS = frozenset({"nord", "sud", "est", "ouest", "centre", "north", "south", "east", "west", "central",
                      "northern", "southern", "eastern", "western"})


def _after_feature_word(tokens: list[Token], i: int) -> bool:
    """The name follows a word such as "mer" or "golfe", maybe through "de l'"."""
    j = i - 1
    while j >= 0 and i - j <= 3 and tokens[j].lower_ in _NAME_LINKS:
        j -= 1
    return j >= 0 and tokens[j].lower_ in _FEATURE_WORDS


def _is_compass(word: str) -> bool:
    """"est", "nord-ouest", "centre-nord": a point of the compass or two joined."""
    return all(part in _COMPASS for part in word.replace("‑", "-").split("-"))


def _acceptable(tokens: list[Token], i: int, n: int, candidates: tuple[Place, ...], has_ents: bool,
                sent: Span) -> bool:
    first, last = tokens[i], tokens[i + n - 1]
    if first.lower_ in REGION_WORDS:
        return True  # "bande de Gaza", "région de Koursk": a region's full name
    if has_ents and any(t.ent_type_ in _PERSON_LABELS for t in tokens[i:i + n]):
        return False
    in_place_entity = has_ents and any(t.ent_type_ in _PLACE_LABELS for t in tokens[i:i + n])
    if i > 0 and _is_title(tokens[i - 1]):
        return False  # "George Washington", "Emmanuel Macron"
    if i + n < len(tokens) and _is_title(tokens[i + n]) and not in_place_entity:
        return False  # "Washington Post", "Paris Match"
    if i > 0 and tokens[i - 1].text in _OPENING_QUOTES and i + n < len(tokens) and tokens[i + n].text not in _CLOSING_QUOTES:
        return False  # « Détroit de Tonnerre »: the start of a quoted name (an operation, a title)
    if (i + n + 1 < len(tokens) and tokens[i + n].lower_ in _GENITIVE and _is_title(tokens[i + n + 1])
            and not any(p.kind == "country" or p.capital for p in candidates)):
        return False  # "Golfe du Mexique", "Saint-Jean de Luz": part of a longer name
    if i + n + 1 < len(tokens) and tokens[i + n].text in ("-", "‑") and tokens[i + n + 1].text[:1].isupper():
        return False  # "Asia-Pacific", "Alsace-Moselle": part of a hyphenated name
    if _after_feature_word(tokens, i) and not any(p.kind == "country" for p in candidates):
        return False  # "mer Rouge", "mer de l'Est": the name of a sea, not the town or the region
    if n == 1 and _is_compass(first.lower_) and not any(p.kind == "country" for p in candidates):
        return False  # "l'Est", "le Nord": a part of any country, not Burkina Faso's or Haiti's region
    if i + n < len(tokens) and tokens[i + n].lower_ in _FEATURE_WORDS and tokens[i + n].text[:1].isupper():
        return False  # "Red Sea", "Persian Gulf"
    if (last.lower_ in _FEATURE_WORDS or first.lower_ in _FEATURE_WORDS) and not any(p.kind == "country" for p in candidates):
        return False  # "the Red Sea" is the sea, not Sudan's Red Sea state
    if n == 1 and first.text.isupper() and len(first.text) <= 5 and not sent.text.isupper():
        return False  # "OTAN", "UE", "ONU": acronyms, not places
    single_town = n == 1 and not any(p.kind == "country" or p.capital for p in candidates)
    if (single_town and i > 0 and tokens[i - 1].lower_ in _ARTICLES_BEFORE_GROUPS
            and all(p.kind == "place" for p in candidates)):
        return False  # "du Hamas", "le Hezbollah": a group's name that a town shares, not the town
    if single_town and i + 1 < len(tokens) and tokens[i + 1].pos_ == "ADJ" and tokens[i + 1].text.islower():
        return False  # "l'Union européenne", "la Garde nationale": an institution's name
    if in_place_entity or n > 1:
        return True  # "Le Caire", "La Haye", "New Delhi": a several-word name is specific
    if first.i != sent.start or first.text.isupper():
        # mid-sentence capitals are names whatever the tagger says ("accuse Ankara" tagged VERB)
        return first.pos_ != "DET" and len(first.text) > 2
    if any(p.kind == "country" or p.capital for p in candidates):
        return True  # "Moscou a expulsé …", "Minsk a autorisé …"
    # a sentence's first word is capitalised anyway: only a proper noun with a role in the clause
    return last.pos_ in ("PROPN", "X") and first.head.i != first.i


def _qualifier(tokens: list[Token], pos: int, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """"Paris, Texas" / "Moscow, Idaho": the region or country after a comma."""
    if pos + 1 >= len(tokens) or tokens[pos].text != "," or not _starts_name(tokens[pos + 1]):
        return ()
    for n in (3, 2, 1):
        words = tokens[pos + 1:pos + 1 + n]
        if len(words) < n:
            continue
        places = gazetteer.lookup_key(_key(" ".join(t.text for t in words)))
        regions = tuple(p for p in places if p.kind in ("admin1", "country"))
        if regions:
            return regions
    return ()


def mention_head(mention: PlaceMention, sent: Span) -> Token:
    """The token of the mention whose head lies outside it (its syntactic head)."""
    doc = sent.doc
    outside = [doc[k] for k in range(mention.start, mention.end)
               if not (mention.start <= doc[k].head.i < mention.end) or doc[k].head.i == k]
    # "New Delhi" parsed as advmod + obj: the nominal one carries the role
    nominal = [t for t in outside if t.dep_ not in _MODIFIER_DEPS]
    if len(nominal) > 1:
        # "à Dar es Salaam" split by the parser into "Dar" (with the preposition) and "Salaam"
        # hung elsewhere: the part that carries the preposition carries the role
        marked = [t for t in nominal if any(c.dep_ == "case" for c in t.children)]
        if len(marked) == 1:
            return marked[0]
    return (nominal or outside or [doc[mention.start]])[-1 if nominal else 0]


def preposition(tok: Token) -> str | None:
    """The preposition governing a noun, in the French (case child) and English (pobj) schemes."""
    for child in tok.children:
        if child.dep_ == "case" or (child.dep_ == "fixed" and child.pos_ == "ADP" and child.i < tok.i):
            return child.lower_
    if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
        return tok.head.lower_
    previous = tok.doc[tok.i - 1] if tok.i > 0 else None
    if previous is not None and previous.pos_ == "ADP":
        return previous.lower_
    return None


def place_role(mention: PlaceMention, sent: Span) -> PlaceRole:
    """``actor``, ``location`` or ``other`` (see the module docstring)."""
    head = mention_head(mention, sent)
    while head.dep_ in ("flat", "flat:name", "compound") and head.head.i != head.i:
        head = head.head
    prep = preposition(head)
    while head.dep_ == "conj" and head.head.i != head.i and head.head.i < head.i and prep is None:
        head = head.head  # "Paris and Berlin agreed", "Soumy et Tchernihiv": the first conjunct's role
        prep = preposition(head)
    if prep is not None and prep in LOCATIVE:
        return "location"
    if prep in _SURFACE and not any(p.kind == "country" for p in mention.candidates[:1]):
        return "location"  # "un missile sur Aden" — but "sanctions on Russia" is no place
    if head.dep_ in _SUBJECT or head.dep_ in _OBJECT:
        return "actor" if prep is None or prep not in _GENITIVE else "location"
    if prep in _GENITIVE or (head.dep_ == "nmod" and prep is None):
        if mention.candidates[0].kind == "country":
            return "other"  # "le soutien des États-Unis", "l'invasion de l'Ukraine": an actor
        return "location"  # "quartiers de Kharkiv", "the outskirts of Kherson"
    return "other"
