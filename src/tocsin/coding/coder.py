"""The rule-based event coder: predicates from the lexicon, arguments from the parse.

For each sentence the coder

1. finds predicate triggers (verbs and event nouns of ``lang/<iso>/predicates.tsv``),
2. reads each trigger's source, target and dyad arguments from the dependency parse,
   borrowing the subject of a governing verb where the trigger has none,
3. resolves argument phrases to actors (knowledge base; light coreference),
4. sets negation, modality, attribution and the event date,
5. expands coordinated actors into events and drops self-dyads and duplicates.

Every event records the lexicon entry (``pattern``) and coder version that made it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from tocsin.actors import Resolver
from tocsin.coding.context import DocumentContext
from tocsin.coding.dates import NO_DATE, DateMatch, resolve_date
from tocsin.coding.qualifiers import (
    Cues,
    attribution_phrases,
    is_negated,
    modality,
    reporting_speaker,
)
from tocsin.coding.syntax import (
    OBJECT,
    PASSIVE_SUBJECT,
    RELATIVE_PRONOUNS,
    SUBJECT,
    Argument,
    arguments,
    conjuncts,
    is_passive,
    phrase_text,
    phrase_tokens,
    subjects,
)
from tocsin.lang import LanguageData, Predicate
from tocsin.ontology import Ontology
from tocsin.records import Actor, Article, Event, Location, stable_id
from tocsin.version import CODER_NAME

#: triggers whose embedded predicates are not events of their own ("refused to meet")
EMBEDDING_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE"})
DEFAULT_TARGETS = {
    "VERB": ("obj", "iobj", "à", "avec", "contre", "to", "with", "against"),
    "NOUN": ("avec", "contre", "à", "sur", "envers", "with", "against", "on", "to", "toward", "towards"),
}


@dataclass(frozen=True)
class CoderOptions:
    """Settings of the coder (one object instead of many keyword arguments)."""

    #: keep events none of whose actors resolved to a code (off: precision first)
    keep_unresolved: bool = False
    #: fill the missing recipient of AID/COOPERATE/SANCTION… from the document's main actors
    infer_required_targets: bool = True
    #: drop events under this confidence
    min_confidence: float = 0.0
    coder: str = CODER_NAME


@dataclass(frozen=True)
class LanguageResources:
    data: LanguageData
    cues: Cues


@dataclass
class _Args:
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    pair: list[Actor] = field(default_factory=list)
    inferred: bool = False
    #: "soutien mutuel", "joint exercises": the actors act on each other
    reciprocal: bool = False


@dataclass(frozen=True)
class _Trigger:
    token: Token
    predicate: Predicate
    consumed: frozenset[int]


class Coder:
    """Codes parsed documents into events. Build once; call :meth:`code_document` per article."""

    def __init__(self, ontology: Ontology, resolver: Resolver, languages: dict[str, LanguageData],
                 options: CoderOptions | None = None):
        self.ontology = ontology
        self.resolver = resolver
        self.options = options or CoderOptions()
        self.languages = {
            iso: LanguageResources(data=data, cues=Cues.from_mapping(data.cues))
            for iso, data in languages.items()
        }

    # ------------------------------------------------------------------ documents
    def code_article(self, article: Article, lang: str, text: str,
                     sentences: Iterable[tuple[int, Doc]], offsets: Mapping[int, int] | None = None) -> list[Event]:
        """Code the parsed sentences of one article.

        ``text`` is the article's full text (for document context); ``sentences``
        are ``(sentence_index, parsed sentence)`` pairs in order — the pre-filter
        may have left some indices out; ``offsets`` gives where each sentence starts
        in ``text`` (the article's actor mentions are then found once, not per sentence).
        """
        res = self.languages[lang]
        ctx = DocumentContext()
        mentions = self.resolver.find_mentions(text, lang=lang, when=article.published)
        for mention in mentions:
            ctx.add_mention(mention.actor)
        if offsets is not None:
            ctx.mentions = tuple((m.start, m.actor.country) for m in mentions if m.actor.country)
            ctx.offsets = dict(offsets)
        events: list[Event] = []
        previous: list[Event] = []
        previous_index = -2
        for index, doc in sentences:
            sent = doc[:]
            if not sent.text.strip():
                continue
            found = self.code_sentence(sent, index, article, lang, res, ctx)
            if not found and previous and index == previous_index + 1:
                self._apply_report_back(sent, previous, article, lang, res, ctx)
            events.extend(found)
            previous, previous_index = found, index
        return [e for e in events if e.confidence >= self.options.min_confidence]

    def code_document(self, doc: Doc, article: Article, lang: str) -> list[Event]:
        """Code a document parsed in one piece (its spaCy sentences in order)."""
        return self.code_article(article, lang, doc.text, ((i, s.as_doc()) for i, s in enumerate(doc.sents)))

    # ------------------------------------------------------------------ sentences
    def code_sentence(self, sent: Span, index: int, article: Article, lang: str,
                      res: LanguageResources, ctx: DocumentContext) -> list[Event]:
        cues = res.cues
        attribution_heads = attribution_phrases(sent, cues)
        excluded: set[int] = set()
        for head in attribution_heads:
            excluded.update(t.i for t in head.subtree)
        triggers = self._find_triggers(sent, res, excluded)
        if triggers:
            start = ctx.offsets.get(index) if ctx.offsets else None
            if start is not None:
                end = start + len(sent.text)
                ctx.sentence_countries = tuple(c for pos, c in ctx.mentions if start <= pos < end)
            else:
                ctx.sentence_countries = tuple(
                    m.actor.country for m in self.resolver.find_mentions(sent.text, lang=lang, when=article.published)
                    if m.actor.country)
        by_index = {t.token.i: t for t in triggers}
        sentence_attribution = None
        for head in attribution_heads:  # the first resolved "selon X", else the first one
            found = self._actor_for_phrase(head, lang, article.published, ctx)
            if sentence_attribution is None or (found.resolved and not sentence_attribution.resolved):
                sentence_attribution = found

        events: list[Event] = []
        seen: set[tuple] = set()
        if not triggers:
            self._remember_subject(sent, [], lang, article.published, ctx)
            return []
        for trig in triggers:
            governor = self._governing_trigger(trig.token, by_index)
            pred = trig.predicate
            if governor is not None and governor.predicate.type in EMBEDDING_TYPES:
                continue
            if _background(trig.token, by_index):
                continue
            args = self._arguments(trig, res, lang, article.published, ctx, by_index)
            if (governor is not None and governor.predicate.type == pred.type
                    and trig.token.pos_ in ("NOUN", "PROPN") and not args.pair):
                continue  # "arrived … for a state visit": one event, coded on the verb
            if governor is None:
                self._borrow_embedded(trig, args, triggers, res, lang, article.published, ctx)
            pairs = _complete_first(self._dyads(pred, args, ctx))
            if not pairs:
                continue
            negated = is_negated(trig.token, cues)
            mood = modality(trig.token, cues)
            pred = _reinterpret(pred, args, mood, self.ontology)
            if pred.type == "CONSULT" and _hosts_an_event(trig.token, by_index):
                continue  # "Doha a accueilli des négociations entre …": the talks are the event
            speaker_tok = reporting_speaker(trig.token, cues)
            attribution = sentence_attribution
            if speaker_tok is not None:
                speaker = self._actor_for_phrase(speaker_tok, lang, article.published, ctx)
                if attribution is None or (speaker.resolved and not attribution.resolved):
                    attribution = speaker
            for source, target in pairs:
                if source is not None and target is not None and _same_actor(source, target):
                    continue
                if not self.options.keep_unresolved and not ((source and source.resolved) or (target and target.resolved)):
                    continue
                key = (pred.type, _key(source), _key(target), negated)
                if key in seen:
                    continue
                seen.add(key)
                date_match = _event_date(_clause_text(trig.token, sent), lang, article.published)
                event = self._event(sent, index, article, lang, trig, source, target, negated, mood,
                                    attribution, date_match, args.inferred)
                event.location = self._location(trig.token, res, lang, article.published, ctx)
                events.append(event)
        self._remember_subject(sent, events, lang, article.published, ctx)
        return events

    def _remember_subject(self, sent: Span, events: list[Event], lang: str, when: date | None,
                          ctx: DocumentContext) -> None:
        """Keep the sentence's subject (or first event actor) for pronouns in the next sentences."""
        root = sent.root
        heads = [c for c in subjects(root, self.languages[lang].cues.unaccusative_verbs) if c.pos_ != "PRON"]
        actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved] if heads else []
        for e in events:
            if e.source is not None and e.source.resolved:
                ctx.event_actors[_trigger_lemma(sent, e)] = e.source
        participants = [a for e in events for a in (e.source, e.target) if a is not None and a.resolved]
        ctx.remember(participants + actors if actors else participants)

    # ------------------------------------------------------------------ triggers
    def _find_triggers(self, sent: Span, res: LanguageResources, excluded: set[int]) -> list[_Trigger]:
        found: list[_Trigger] = []
        consumed: set[int] = set()
        candidates: list[tuple[Token, Predicate, frozenset[int]]] = []
        for tok in sent:
            if tok.i in excluded or tok.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN"):
                continue
            if tok.pos_ == "ADJ" and "Part" not in tok.morph.get("VerbForm"):
                continue  # only participles tagged as adjectives ("a gelé") can be verbs
            if _bare_participle(tok):
                continue  # "des hommes armés": an attribute, not an act
            pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB"
            entries = res.data.by_lemma.get((tok.lemma_.lower(), pos)) or res.data.by_lemma.get((tok.lower_, pos))
            if not entries and pos == "VERB" and res.data.iso == "fr":
                # "Il demande à Téhéran …": the verb lemmatised as the noun "demande"
                lemma = tok.lemma_.lower()
                entries = res.data.by_lemma.get((lemma + "r", pos)) or res.data.by_lemma.get((lemma + "er", pos))
            if not entries:
                continue
            best = _best_entry(tok, entries)
            if best is None:
                continue
            entry, used = best
            candidates.append((tok, entry, used))
            consumed.update(used)
        for tok, entry, used in candidates:
            if tok.i in consumed and not used:
                continue  # the object of a collocation ("lever les sanctions")
            found.append(_Trigger(tok, entry, used))
        return found

    @staticmethod
    def _governing_trigger(token: Token, by_index: dict[int, _Trigger]) -> _Trigger | None:
        current = token
        for _ in range(5):
            head = current.head
            if head.i == current.i:
                return None
            if head.i in by_index and current.dep_ not in ("conj", "parataxis", "advcl", "nsubj"):
                return by_index[head.i]
            if current.dep_ not in ("xcomp", "ccomp", "obj", "dobj", "obl", "obl:arg", "nmod", "pobj", "prep", "pcomp", "acl", "mark", "case"):
                return None
            current = head
        return None

    # ------------------------------------------------------------------ arguments
    def _arguments(self, trig: _Trigger, res: LanguageResources, lang: str, when: date | None,
                   ctx: DocumentContext, by_index: dict[int, _Trigger], borrow: bool = True) -> _Args:
        tok = trig.token
        pred = trig.predicate
        cues = res.cues
        spec = tuple(pred.target) or DEFAULT_TARGETS[pred.pos]
        args = list(arguments(tok, cues.unaccusative_verbs))
        out = _Args()
        source_heads: list[Token] = []
        target_heads: list[tuple[int, Token]] = []
        pair_heads: list[Token] = []
        genitive: list[Token] = []
        passive = pred.pos == "VERB" and (is_passive(tok, cues.unaccusative_verbs) or _passive_participle(tok))
        if passive and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
            target_heads.append((0, tok.head))  # "les entreprises accusées de …": the noun undergoes it
        for consumed in (tok.doc[i] for i in trig.consumed):
            # "a lancé une attaque contre Israël": the collocation's noun carries the recipient
            args.extend(a for a in arguments(consumed)
                        if a.role == "oblique" and (a.prep in DEFAULT_TARGETS["NOUN"] or a.prep in spec))
        for arg in args:
            role, prep = arg.role, arg.prep
            if prep and prep in cues.attribution_prepositions:
                continue
            if pred.pos == "VERB":
                if (role == "subject" and not passive) or role == "agent":
                    source_heads.append(arg.head)
                elif role == "passive_subject":
                    target_heads.append((0, arg.head))
                elif prep in cues.dyad_prepositions:
                    pair_heads.append(arg.head)
                else:
                    rank = _target_rank(arg, spec)
                    if rank is not None:
                        target_heads.append((rank, arg.head))
            else:
                if role == "modifier" and arg.head.dep_ == "appos" and arg.head.pos_ != "PROPN":
                    continue  # "a visit, his first trip to Russia": a re-description
                if role == "possessive" and arg.head.lower_ in cues.possessive_determiners:
                    possessor = self._possessor(tok, lang, when, ctx)
                    out.sources.extend(possessor)
                    continue
                if role == "oblique" and prep in cues.source_prepositions and pred.type in PATIENT_GENITIVE:
                    genitive.append(arg.head)  # "l'invasion de l'Ukraine", "the arrest of Navalny"
                    continue
                if role == "possessive" or (role == "oblique" and prep in cues.source_prepositions | cues.agent_prepositions) or role == "modifier":
                    if arg.head.i not in by_index:
                        source_heads.append(arg.head)
                elif role == "oblique" and prep in cues.dyad_prepositions:
                    pair_heads.append(arg.head)
                else:
                    rank = _target_rank(arg, spec)
                    if rank is not None:
                        target_heads.append((rank, arg.head))

        if pred.pos == "VERB" and tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.i < tok.i and not passive:
            source_heads.insert(0, tok.head)  # "Poutine et Xi ont signé" parsed with the verb under "Poutine"
        if pred.pos == "VERB" and not source_heads and not passive:
            source_heads = subjects(tok, cues.unaccusative_verbs)  # includes a subject split off by the parser
        out.reciprocal = any(c.lower_ in cues.reciprocal_words for c in tok.children)
        if pred.pos == "NOUN" and not out.sources:
            for c in tok.children:
                if c.dep_ in ("det", "det:poss") and c.lower_ in cues.possessive_determiners:
                    out.sources.extend(self._possessor(tok, lang, when, ctx))
        out.sources = out.sources + self._resolve_heads(source_heads, lang, when, ctx)
        target_heads.extend((len(spec), h) for h in genitive)
        out.pair = self._resolve_heads(pair_heads, lang, when, ctx)
        for _, group in itertools.groupby(sorted(target_heads, key=lambda x: x[0]), key=lambda x: x[0]):
            actors = self._resolve_heads([h for _, h in group], lang, when, ctx)
            if any(a.resolved for a in actors):
                out.targets = actors
                break
            if not out.targets:
                out.targets = actors

        if (borrow and pred.pos == "NOUN" and not out.pair and tok.dep_ in PASSIVE_SUBJECT
                and tok.head.lemma_.lower() in cues.light_verbs and is_passive(tok.head)):
            # "Arrest warrants were issued by the ICC": the agent of the light verb acts
            agents = [a.head for a in arguments(tok.head) if a.role == "agent"]
            actors = [a for a in self._resolve_heads(agents, lang, when, ctx) if a.resolved]
            if actors:
                own = [a for a in out.sources if a.resolved and not any(_same_actor(a, b) for b in actors)]
                out.sources = actors
                if own and not any(t.resolved for t in out.targets):
                    out.targets = own
        if (borrow and pred.pos == "NOUN" and not out.pair
                and tok.dep_ in OBJECT and tok.head.lemma_.lower() in cues.light_verbs):
            # "les États-Unis ont annoncé un boycott des JO de Pékin": the light verb's subject acts,
            # the noun's own "de/of" phrase is what it acts on
            actors = [a for a in self._borrowed_subject(tok, res, lang, when, ctx, False, by_index) if a.resolved]
            if actors:
                own = [a for a in out.sources if a.resolved and not any(_same_actor(a, b) for b in actors)]
                out.sources = actors
                if own and not any(t.resolved for t in out.targets):
                    out.targets = own
        if not any(a.resolved for a in out.targets):
            heads = [h for _, h in target_heads]
            heads += [t for t in tok.subtree if t.lemma_.lower() in cues.counterpart_words and t not in heads]
            self._targets_from_heads(out, heads, trig, res, lang, when, ctx, by_index)
        if borrow and not any(a.resolved for a in out.sources) and not any(a.resolved for a in out.pair):
            borrowed = self._borrowed_subject(tok, res, lang, when, ctx, passive, by_index)
            if borrowed:
                out.sources = borrowed
            elif pred.pos == "NOUN":
                window = self._window_actors(tok, res, lang, when, ctx)
                if len(window) >= 2 and pred.symmetric:
                    out.pair = window
                elif window:
                    out.sources = window[:1]
        if not any(a.resolved for a in out.targets) and not out.pair and pred.pos == "NOUN":
            out.targets = (self._governor_targets(tok, spec, lang, when, ctx)
                           or self._window_target(tok, spec, lang, when, ctx) or out.targets)
        self._locative_or_civilian_target(tok, pred, out, args, res, lang, when, ctx)
        return out

    def _locative_or_civilian_target(self, tok: Token, pred: Predicate, out: _Args, args: list[Argument],
                                     res: LanguageResources, lang: str, when: date | None,
                                     ctx: DocumentContext) -> None:
        """Last resorts for the recipient: a place named after a locative preposition
        ("drills around Taiwan", "troupes envoyées en Ukraine"), or civilians as a group
        ("arrested dozens", "tué des civils") of the country where it happens."""
        cues = res.cues
        source_country = next((a.country for a in out.sources if a.resolved), None)
        if out.pair or any(a.resolved for a in out.targets):
            self._crowd_source(out, cues, ctx)
            return
        if pred.type in LOCATIVE_TYPES:
            heads = [a.head for a in args if a.role == "oblique" and a.prep in cues.locative_prepositions]
            for actor in self._resolve_heads(heads, lang, when, ctx):
                if actor.resolved and actor.country != source_country:
                    out.targets = [actor]
                    return
        self._crowd_source(out, cues, ctx)
        for actor in out.targets:
            head = actor.text.lower().split()
            if not actor.resolved and head and set(head) & cues.civilian_words and pred.type in CIVILIAN_TYPES:
                country = next((c for c in ctx.sentence_countries if c != source_country), source_country)
                if country:
                    out.targets = [Actor(text=actor.text, code=country + "CVL", country=country, sector="CVL")]
                return

    def _location(self, tok: Token, res: LanguageResources, lang: str, when: date | None,
                  ctx: DocumentContext) -> Location | None:
        """Where it happened: a place after a locative preposition on the trigger or its verb
        ("reçu … à Moscou", "talks in Beijing"), when the knowledge base knows the place."""
        for owner in (tok, tok.head):
            for arg in arguments(owner):
                if arg.role != "oblique" or arg.prep not in res.cues.locative_prepositions:
                    continue
                text = phrase_text(arg.head)
                actor = self.resolver.resolve(text, lang=lang, when=when, guess_country=False)
                if actor is not None and actor.country and not actor.sector and not actor.name:
                    return Location(text=text, country=actor.country, name=arg.head.text)
            if owner.pos_ in ("VERB", "AUX"):
                break
        return None

    @staticmethod
    def _crowd_source(out: _Args, cues: Cues, ctx: DocumentContext) -> None:
        """"Des manifestants ont envahi le Parlement kényan": civilians of the country named."""
        crowd = [a for a in out.sources if not a.resolved and set(a.text.lower().split()) & cues.civilian_words]
        if not crowd or any(a.resolved for a in out.sources):
            return
        target_country = next((a.country for a in out.targets if a.resolved), None)
        country = target_country or next(iter(ctx.sentence_countries), None)
        if country:
            out.sources = [Actor(text=crowd[0].text, code=country + "CVL", country=country, sector="CVL")]

    def _possessor(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """Who "son"/"his" in "son entretien avec Xi" refers to: the subject or speaker of
        the clause around the noun, else the last actor of the document."""
        current = tok
        for _ in range(5):
            head = current.head
            if head.i == current.i:
                break
            if head.pos_ in ("VERB", "AUX"):
                heads = subjects(head, self.languages[lang].cues.unaccusative_verbs) or [c for c in head.children if c.dep_ in ("obj", "dobj") and c.pos_ == "PROPN" and c.i > head.i]
                heads = [h for h in heads if h.i != tok.i and h.pos_ != "PRON"]
                if heads:
                    actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                    if actors:
                        return actors
            current = head
        return ctx.pronoun(tok.text, plural=False)

    def _targets_from_heads(self, out: _Args, heads: list[Token], trig: _Trigger, res: LanguageResources,
                            lang: str, when: date | None, ctx: DocumentContext,
                            by_index: dict[int, _Trigger]) -> None:
        """Recipients named indirectly: "son homologue" (the other main actor), or an event noun
        whose own actor is the recipient ("a condamné l'attaque de la Russie")."""
        cues = res.cues
        for head in heads:
            if head.lemma_.lower() in cues.counterpart_words or head.lower_ in cues.counterpart_words:
                first = next((a for a in out.sources if a.resolved), None)
                other = ctx.other_than(first.country if first else None, text=phrase_text(head))
                if other is not None and first is not None:
                    out.targets = [other]
                    return
            inner = next((by_index[t.i] for t in (head, *head.children)
                          if t.i in by_index and (t.i == head.i or t.dep_ == "appos")), None)
            if inner is not None and inner is not trig and by_index:
                nested = self._arguments(inner, res, lang, when, ctx, {}, borrow=False)
                actors = [a for a in nested.sources + nested.pair if a.resolved]
                if not actors:
                    # "a condamné ce tir": the actor of the event this noun points back to
                    earlier = ctx.event_actors.get(inner.token.lemma_.lower())
                    actors = [earlier] if earlier is not None else []
                if actors:
                    out.targets = actors
                    return

    def _borrowed_subject(self, tok: Token, res: LanguageResources, lang: str, when: date | None,
                          ctx: DocumentContext, passive: bool, by_index: dict[int, _Trigger]) -> list[Actor]:
        """The subject of the verb that controls ``tok`` (xcomp, conjunct verb, light verb, relative clause).

        A noun does not take the subject of a verb that is an event of its own
        ("l'UA a salué l'accord signé à Pretoria": the accord is not the AU's).
        """
        current = tok
        for step in range(4):
            head = current.head
            if head.pos_ == "ADP" and current.dep_ == "pobj":  # English: noun under a preposition
                current, head = head, head.head
            if step == 0 and tok.pos_ in ("NOUN", "PROPN") and head.i in by_index:
                return []
            if head.i == current.i:
                return []
            dep = current.dep_
            if dep in ("relcl", "acl:relcl", "acl"):
                return self._resolve_heads([head], lang, when, ctx)
            if dep not in ("xcomp", "conj", "obj", "dobj", "obl:arg", "obl:mod", "pcomp", "prep", "pobj", "advcl", "obl", "nsubj") and not (current.pos_ in ("NOUN",) and dep in SUBJECT):
                return []
            if dep in SUBJECT:
                return []
            if current.pos_ in ("NOUN", "PROPN") and dep not in OBJECT and head.lemma_.lower() not in res.cues.light_verbs:
                return []  # "contribuera … sur les attaques": an oblique noun is not the verb's act
            heads = [c for c in subjects(head, res.cues.unaccusative_verbs) if c.i != current.i]
            if not heads:
                heads = [c for c in head.children if c.dep_ == "agent" or c.dep_ == "obl:agent"]
                heads = [next((g for g in h.children if g.dep_ == "pobj"), h) if h.dep_ == "agent" else h for h in heads]
            if heads:
                actors = self._resolve_heads(heads, lang, when, ctx)
                if any(a.resolved for a in actors):
                    return actors
            current = head
        return []

    def _governor_targets(self, tok: Token, spec_in: Sequence[str], lang: str, when: date | None,
                          ctx: DocumentContext) -> list[Actor]:
        head = tok.head
        if head.i == tok.i or tok.dep_ not in OBJECT | SUBJECT | {"obl", "obl:arg", "obl:mod", "pobj"}:
            return []
        if head.pos_ == "ADP":  # English: noun under a preposition of the verb
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return []
        spec = set(DEFAULT_TARGETS["NOUN"]) | set(spec_in)
        heads = [a.head for a in arguments(head) if a.role == "oblique" and a.prep in spec and a.head.i != tok.i]
        return [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]

    def _window_actors(self, tok: Token, res: LanguageResources, lang: str, when: date | None,
                       ctx: DocumentContext) -> list[Actor]:
        """Actors named right after a nominal trigger, when the parse lost them."""
        sent = tok.sent
        end = tok.i + 1
        while end < sent.end:
            t = tok.doc[end]
            if t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text not in ("-", "'")) or end - tok.i > 25:
                break
            end += 1
        if end <= tok.i + 1 or tok.doc[tok.i + 1].lower_ not in _GENITIVES:
            return []  # only "la réunion du président … et du chef …": a genitive names the actors
        span_text = tok.doc[tok.i + 1:end].text
        chunks = [c for c in _split_conjuncts(span_text, lang) if c.strip()]
        actors: list[Actor] = []
        for chunk in chunks:
            actor = self.resolver.resolve(chunk.strip(" ,"), lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
            if actor is not None and actor.resolved:
                actors.append(actor)
        return actors

    def _window_target(self, tok: Token, spec: Sequence[str], lang: str, when: date | None,
                       ctx: DocumentContext) -> list[Actor]:
        """"son entretien avec le président Xi" when the parser hung the phrase elsewhere."""
        doc = tok.doc
        start = tok.i + 1
        if start >= tok.sent.end or doc[start].lower_ not in spec:
            return []
        end = start + 1
        while end < tok.sent.end and not (doc[end].pos_ in ("VERB", "AUX") or doc[end].is_punct) and end - start < 12:
            end += 1
        text = doc[start + 1:end].text
        return [a for a in self.resolver.resolve_many(text, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False) if a.resolved]

    def _borrow_embedded(self, trig: _Trigger, args: _Args, triggers: Sequence[_Trigger], res: LanguageResources,
                         lang: str, when: date | None, ctx: DocumentContext) -> None:
        """A REQUEST/REJECT/THREATEN about an embedded event takes that event's actors as its target."""
        if trig.predicate.type not in EMBEDDING_TYPES or any(a.resolved for a in args.targets):
            return
        for other in triggers:
            if other is trig or self._governing_trigger(other.token, {trig.token.i: trig}) is None:
                continue
            inner = self._arguments(other, res, lang, when, ctx, {})
            candidates = [a for a in inner.pair + inner.targets + inner.sources if a.resolved]
            source_codes = {a.code for a in args.sources}
            candidates = [a for a in candidates if a.code not in source_codes]
            if candidates:
                args.targets = candidates
                return

    def _resolve_heads(self, heads: Iterable[Token], lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        actors: list[Actor] = []
        for head in heads:
            for conj in conjuncts(head):
                actors.extend(self._actors_for_conjunct(conj, lang, when, ctx))
        return actors

    def _actors_for_conjunct(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        cues = self.languages[lang].cues
        text = tok.text if tok.pos_ == "ADJ" else phrase_text(tok)  # "russe", "Chinese": the adjective alone
        low = text.lower()
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.i != tok.i:
            antecedent = tok.head.head if tok.head.dep_ in ("relcl", "acl:relcl", "acl") else None
            if antecedent is not None:
                return self._resolve_heads([antecedent], lang, when, ctx)
        for phrase in cues.pair_phrases:
            if low == phrase or low.endswith(" " + phrase) or low.startswith(phrase):
                return ctx.recent_pair(text) or ctx.main_pair(text)
        if tok.pos_ == "PRON":
            if low in cues.pronouns_singular or low in cues.pronouns_plural:
                antecedent = self._clause_antecedent(tok, lang, when, ctx)
                if antecedent:
                    return [Actor(text=text, code=a.code, country=a.country, sector=a.sector, name=a.name,
                                  entity_id=a.entity_id) for a in antecedent]
                return ctx.pronoun(text, plural=low in cues.pronouns_plural)
            if not tok.text[:1].isupper():
                return [Actor(text=text)]  # other pronouns; a capitalised one ("Kiev") may be a name
        actors = ctx.resolved.get(text)
        if actors is None:  # the same phrases recur within an article: resolve each once
            actors = ctx.resolved[text] = self.resolver.resolve_many(
                text, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
        if len(set(ctx.sentence_countries)) == 1:
            # "la police a ouvert le feu" in a sentence about Kenya only: the Kenyan police
            country = ctx.sentence_countries[0]
            actors = [Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector)
                      if not a.resolved and a.sector and a.sector not in ("IGO",) else a for a in actors]
        if tok.dep_ in ("amod", "compound", "nummod", "advmod") and not any(a.resolved for a in actors):
            return []  # "violents heurts", "ground offensive": a modifier that names no actor
        if actors and not self._names_an_actor(tok, actors, cues):
            return [Actor(text=text)]  # "le cours du blé russe": a thing, not an actor
        if not any(a.resolved for a in actors) and tok.dep_ in OBJECT | {"obl:arg", "obl", "nmod", "pobj", "iobj", "dative"}:
            # "a salué le plan présenté par Pékin": the actor behind the object
            whole = " ".join(tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text.split())
            if whole != text:
                wider = self.resolver.resolve(whole, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
                if wider is not None and wider.resolved:
                    return [wider]
        return actors or [Actor(text=text)]

    def _clause_antecedent(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """A pronoun in a subordinate clause stands for the subject of the clause above
        ("Trump a annoncé qu'il allait ordonner …" → Trump)."""
        current = tok.head
        for _ in range(4):
            if current.head.i == current.i:
                return []
            current = current.head
            if current.pos_ in ("VERB", "AUX") and current.i < tok.i:
                heads = [h for h in subjects(current, self.languages[lang].cues.unaccusative_verbs)
                         if h.pos_ != "PRON" and h.i < tok.i]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                if actors:
                    return actors
        return []

    def _names_an_actor(self, tok: Token, actors: list[Actor], cues: Cues) -> bool:
        """False when a subject noun is tied to a country only by an adjective ("Russian wheat
        prices fell", "le cours du blé russe a reculé"); names, sectors, people and actor nouns
        pass, and so do places as recipients ("la frontière ukrainienne")."""
        if tok.pos_ != "NOUN" or tok.dep_ not in SUBJECT or any(a.sector or a.name or not a.resolved for a in actors):
            return True
        if tok.lemma_.lower() in cues.actor_nouns or tok.lower_ in cues.actor_nouns:
            return True
        if any(t.pos_ == "PROPN" for t in phrase_tokens(tok)):
            return True
        return bool(self.resolver.kb.lookup(tok.text))

    def _actor_for_phrase(self, head: Token, lang: str, when: date | None, ctx: DocumentContext) -> Actor:
        """The actor a phrase names; falls back to the whole subtree ("selon, le 17 avril, le porte-parole …")."""
        text = phrase_text(head)
        actor = self.resolver.resolve(text, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
        if actor is None or not actor.resolved:
            whole = " ".join(head.doc[head.left_edge.i:head.right_edge.i + 1].text.split())
            if whole != text:
                wider = self.resolver.resolve(whole, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
                if wider is not None and wider.resolved:
                    return wider
        return actor if actor is not None else Actor(text=text)

    # ------------------------------------------------------------------ dyads
    def _dyads(self, pred: Predicate, args: _Args, ctx: DocumentContext) -> list[tuple[Actor | None, Actor | None]]:
        symmetric = bool(pred.symmetric) or self.ontology.is_symmetric(pred.type) or args.reciprocal
        sources, targets, pair = args.sources, args.targets, args.pair
        resolved_sources = _unique([a for a in sources if a.resolved])
        if symmetric and (not targets or len(resolved_sources) >= 2):
            group = _unique(sources + pair)
            if len(group) >= 2:
                return list(itertools.combinations(group, 2))
        if pair:
            if sources and any(a.resolved for a in sources):
                return [(s, t) for s in sources for t in pair]
            group = _unique(pair)
            return list(itertools.combinations(group, 2)) if len(group) >= 2 else [(None, group[0])]
        if not any(t.resolved for t in targets):
            targets = self._inferred_target(pred, sources, args, ctx) or targets
        if not sources:
            return [(None, t) for t in targets]
        if not targets:
            return [(s, None) for s in sources]
        return [(s, t) for s in sources for t in targets]

    def _inferred_target(self, pred: Predicate, sources: list[Actor], args: _Args, ctx: DocumentContext) -> list[Actor]:
        if not self.options.infer_required_targets or not sources or not sources[0].resolved:
            return []
        info = self.ontology.type_info(pred.type)
        if not info.requires_target:
            return []
        other = ctx.other_than(sources[0].country, text="")
        if other is None:
            return []
        args.inferred = True
        return [other]

    # ------------------------------------------------------------------ records
    def _event(self, sent: Span, index: int, article: Article, lang: str, trig: _Trigger,
               source: Actor | None, target: Actor | None, negated: bool, mood: str,
               attribution: Actor | None, date_match, inferred: bool) -> Event:
        pred = trig.predicate
        tok = trig.token
        start = tok.idx - sent.start_char
        cameo = pred.cameo
        mapping = self.ontology.plover_for_cameo(cameo)
        context = list(mapping.context) if mapping else []
        if date_match.date is not None:
            when, precision, date_text = date_match.date, date_match.precision, date_match.text
        elif date_match.text is not None:
            when, precision, date_text = None, "none", date_match.text
        elif article.published is not None:
            when, precision, date_text = article.published, "day", None
        else:
            when, precision, date_text = None, "none", None
        confidence = 0.45
        if source is not None and source.resolved:
            confidence += 0.2
        if target is not None and target.resolved:
            confidence += 0.2
        if inferred:
            confidence -= 0.15
        if (source is not None and source.text.lower() != (source.name or "").lower() and not source.resolved):
            confidence -= 0.05
        return Event(
            event_id=stable_id(article.id, index, start, pred.id, _key(source), _key(target), self.options.coder),
            article_id=article.id,
            sentence_index=index,
            sentence=sent.text.rstrip(),
            trigger=tok.text,
            trigger_span=(start, start + len(tok.text)),
            type=pred.type,
            mode=pred.mode,
            context=context,
            cameo=cameo,
            quad_class=self.ontology.quad_class(cameo),
            goldstein=self.ontology.goldstein(cameo),
            source=source,
            target=target,
            negated=negated,
            modality=mood,  # type: ignore[arg-type]
            attribution=attribution,
            date=when,
            date_precision=precision,
            date_text=date_text,
            location=None,
            language=lang,
            confidence=round(max(0.05, min(confidence, 0.95)), 2),
            coder=self.options.coder,
            pattern=pred.id,
        )

    def _apply_report_back(self, sent: Span, previous: list[Event], article: Article, lang: str,
                           res: LanguageResources, ctx: DocumentContext) -> None:
        """"Cela a été signalé le 19 avril par Global Times." dates and attributes the sentence before."""
        cues = res.cues
        root = sent.root
        if root.lemma_.lower() not in cues.reporting_verbs:
            return
        subjects = [c for c in root.children if c.dep_ in SUBJECT | {"nsubj:pass", "nsubjpass"}]
        if not subjects or subjects[0].lower_ not in cues.report_back_subjects:
            return
        match = resolve_date(sent.text, lang, article.published)
        agents = [a.head for a in arguments(root) if a.role == "agent"]
        source = self._actor_for_phrase(agents[0], lang, article.published, ctx) if agents else None
        for event in previous:
            if match.date is not None and event.date_text is None:
                event.date, event.date_precision, event.date_text = match.date, match.precision, match.text
            if source is not None and (event.attribution is None or not event.attribution.resolved):
                event.attribution = source


def _best_entry(tok: Token, entries: Sequence[Predicate]) -> tuple[Predicate, frozenset[int]] | None:
    """The most specific lexicon entry whose constraints hold, and the tokens it uses.

    ``object`` constraints look at the direct object and at obliques/noun modifiers
    ("mis en garde", "levée des sanctions"); ``particle`` constraints at the
    children of the trigger and the prepositions of its dependents ("appeler à",
    reflexive "se").
    """
    objects = [c for c in tok.children if c.dep_ in COLLOCATION_DEPS]
    objects += [g for c in tok.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    particles: set[str] = set()
    for child in tok.children:
        particles.add(_PARTICLE_FORMS.get(child.lower_, child.lower_))
        for grandchild in child.children:
            if grandchild.dep_ in ("case", "mark", "fixed"):
                particles.add(_PARTICLE_FORMS.get(grandchild.lower_, grandchild.lower_))
    best: tuple[int, Predicate, frozenset[int]] | None = None
    for entry in entries:
        score = 0
        used: frozenset[int] = frozenset()
        if entry.object:
            hits = [o for o in objects for c in _object_words(o) if c.lemma_.lower() in entry.object or c.lower_ in entry.object]
            if not hits:
                continue
            score += 2
            used = frozenset(o.i for o in hits)
        if entry.particle:
            if entry.particle.lower() not in particles:
                continue
            score += 1
        if best is None or score > best[0]:
            best = (score, entry, used)
    return (best[1], best[2]) if best else None


#: quantity nouns whose complement carries the meaning ("une partie des sanctions")
_QUANTIFIERS = frozenset({
    "partie", "ensemble", "série", "majorité", "plupart", "totalité", "nombre", "paquet", "vague", "salve",
    "part", "series", "number", "majority", "set", "package", "wave", "round", "batch",
})

COLLOCATION_DEPS = frozenset({
    "obj", "dobj", "obl:arg", "obl", "nmod", "nsubj:pass", "nsubjpass", "pobj", "attr", "xcomp",
    "compound", "amod", "oprd", "acomp",
})
_PARTICLE_FORMS = {"s'": "se", "s’": "se", "au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}


CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "parataxis", "ccomp"})


#: words before a date that make it the start of a period, not the event's date
_SINCE = frozenset({"depuis", "since", "dès", "from"})


def _event_date(text: str, lang: str, published: date | None) -> DateMatch:
    """The sentence's date expression, skipping "depuis février 2022" / "since 2014"."""
    for _ in range(3):
        match = resolve_date(text, lang, published)
        if match.start is None:
            return match
        before = text[:match.start].split()
        if not before or before[-1].lower() not in _SINCE:
            return match
        text = text[:match.start] + " " * (match.end - match.start) + text[match.end:]
    return NO_DATE


def _clause_text(trigger: Token, sent: Span) -> str:
    """The sentence with embedded clauses that do not contain the trigger blanked out,
    so "le plan présenté en février" does not date an event of today."""
    chars = list(sent.text)
    start = sent.start_char
    above = {trigger.i, *(t.i for t in trigger.ancestors)}
    for tok in sent:
        if tok.dep_ == "acl" and not any(c.dep_ in ("obl:agent", "agent", "nsubj") for c in tok.children):
            continue  # "les ministres, réunis lundi, ont adopté …": the participle shares the time
        if tok.dep_ in CLAUSE_DEPS and tok.i not in above:
            for t in tok.subtree:
                for k in range(t.idx - start, min(t.idx - start + len(t.text), len(chars))):
                    chars[k] = " "
    return "".join(chars).rstrip()


def _object_words(obj: Token) -> list[Token]:
    """The object and the nominal words of its phrase ("Prime Minister Viktor Orban"), and
    the complement of a quantity noun ("une partie des sanctions", "a series of agreements")."""
    words = [obj, *obj.conjuncts]
    words += [c for c in obj.children if c.dep_ in ("compound", "amod", "appos", "flat:name", "nmod") and c.i < obj.i + 1]
    if obj.lemma_.lower() in _QUANTIFIERS:
        for c in obj.children:
            if c.dep_ == "nmod":
                words.append(c)
            elif c.dep_ == "prep":
                words.extend(g for g in c.children if g.dep_ == "pobj")
    return words


#: types whose recipient may be named as a place ("exercises around Taiwan")
LOCATIVE_TYPES = frozenset({"MOBILIZE", "ASSAULT", "CONSULT", "AID", "COERCE"})
#: types whose recipient may be civilians as a group
CIVILIAN_TYPES = frozenset({"ASSAULT", "COERCE", "AID"})
#: nominal events whose "de/of" phrase names who undergoes them
PATIENT_GENITIVE = frozenset({"ASSAULT", "COERCE"})


def _passive_participle(tok: Token) -> bool:
    """A past participle modifying a noun ("les entreprises accusées", "troops deployed")."""
    return tok.dep_ in ("acl", "amod") and "Part" in tok.morph.get("VerbForm") and "Pres" not in tok.morph.get("Tense") or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")


def _background(tok: Token, by_index: dict[int, _Trigger]) -> bool:
    """Events mentioned in passing: a noun describing another event noun ("l'offre d'aide",
    "the ban on supplying weapons"), or a bare participle describing a noun ("les produits importés")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok.dep_ in ("nmod", "pobj") and (
            tok.head.i in by_index or (tok.head.dep_ == "prep" and tok.head.head.i in by_index))
    if _passive_participle(tok):
        return not any(c.dep_ in ("obl:agent", "agent") for c in tok.children)
    return False


def _bare_participle(tok: Token) -> bool:
    """A participle used as a plain modifier, with no dependents of its own."""
    if tok.dep_ not in ("amod", "acl") or "Part" not in tok.morph.get("VerbForm"):
        return False
    return not any(c.dep_ not in ("punct", "advmod", "det") for c in tok.children)


def _target_rank(arg: Argument, spec: Sequence[str]) -> int | None:
    if arg.role == "object":
        key = "obj"
    elif arg.role == "iobj":
        key = "iobj"
    elif arg.role == "oblique" and arg.prep:
        key = arg.prep
    else:
        return None
    return spec.index(key) if key in spec else None


_GENITIVES = frozenset({"de", "du", "des", "d'", "d’", "of", "by", "between", "entre"})


def _split_conjuncts(text: str, lang: str) -> list[str]:
    import re

    word = r"\bet\b" if lang == "fr" else r"\band\b"
    return re.split(rf"{word}|,", text)


#: negative acts that, stated as conditional or hypothetical, are threats (PLOVER THREATEN)
_THREAT_IF_CONDITIONAL = frozenset({"SANCTION", "ASSAULT", "COERCE"})


def _reinterpret(pred: Predicate, args: _Args, mood: str, ontology: Ontology) -> Predicate:
    """Type changes that depend on the arguments or the modality, not on the word alone:
    exercises by two countries together are COOPERATE; a conditional sanction or strike
    ("prepared to impose sanctions if …") is a THREATEN."""
    if pred.type == "MOBILIZE" and not any(t.resolved for t in args.targets):
        countries = {a.country for a in args.sources + args.pair if a.resolved and a.country}
        if len(countries) >= 2:
            return replace(pred, type="COOPERATE", mode=None, cameo="062", id=pred.id + "+joint")
    if pred.type in _THREAT_IF_CONDITIONAL and mood in ("conditional", "hypothetical"):
        return replace(pred, type="THREATEN", mode=None, cameo=ontology.cameo_for_plover("THREATEN"), id=pred.id + "+conditional")
    return pred


def _hosts_an_event(tok: Token, by_index: dict[int, _Trigger]) -> bool:
    """A verb of hosting whose object is itself a meeting noun."""
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in OBJECT and c.i in by_index and by_index[c.i].predicate.type == "CONSULT"
        for c in tok.children)


def _trigger_lemma(sent: Span, event: Event) -> str:
    start = sent.start_char + event.trigger_span[0]
    for tok in sent:
        if tok.idx == start:
            return tok.lemma_.lower()
    return event.trigger.lower()


def _complete_first(pairs: list[tuple[Actor | None, Actor | None]]) -> list[tuple[Actor | None, Actor | None]]:
    """When some dyads of a trigger have both actors resolved, drop the partial ones."""
    def full(p: tuple[Actor | None, Actor | None]) -> bool:
        return all(a is not None and a.resolved for a in p)

    if any(full(p) for p in pairs):
        return [p for p in pairs if full(p)]
    return pairs


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.code and b.code:
        return a.code == b.code or (a.country is not None and a.country == b.country and (a.sector is None or b.sector is None or a.sector == b.sector))
    return a.text.lower() == b.text.lower()


def _key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return actor.code or actor.text.lower()


def _unique(actors: list[Actor]) -> list[Actor]:
    """Actors without repeats; of two with the same code, the one that names a person wins."""
    out: list[Actor] = []
    for a in actors:
        for i, b in enumerate(out):
            if _key(a) == _key(b):
                if a.name and not b.name:
                    out[i] = a
                break
        else:
            out.append(a)
    return out
