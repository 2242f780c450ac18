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

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache

from spacy.parts_of_speech import ADJ, NOUN, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from tocsin.actors import Resolver
from tocsin.coding.arguments import ArgumentRules, complete_first
from tocsin.coding.armed_groups import local_armed_group, place_armed_groups
from tocsin.coding.context import DocumentContext
from tocsin.coding.dates import NO_DATE, DateMatch, resolve_date
from tocsin.coding.headline_topics import settle_headline_topic
from tocsin.coding.lexicon_match import best_entry
from tocsin.coding.locations import (
    NAMED_COUNTRY_MODES,
    PLACE_TARGET_MODES,
    PLACE_TARGET_TYPES,
    SentencePlace,
    crowd_of_the_place,
    event_place,
    own_place_civilians,
    place_target,
    sentence_places,
)
from tocsin.coding.lookalikes import looks_alike
from tocsin.coding.model import (
    CoderOptions,
    LanguageResources,
    Trigger,
    actor_key,
    same_actor,
)
from tocsin.coding.policies import (
    accepts_to_give_way,
    answer_to_a_protest,
    crowd_as_civilians,
    decided,
    launches_a_missile,
    not_an_act_of_its_own,
    not_coded_given_arguments,
    not_coded_given_dyads,
    one_sided,
    order_to_foreign_forces,
    outside_questions,
    retyped,
)
from tocsin.coding.qualifiers import (
    Cues,
    attribution_phrases,
    is_negated,
    may_hold_attribution,
    modality,
    reporting_speaker,
)
from tocsin.coding.readings import unplaced_group_object
from tocsin.coding.repair_words import _dep_ids, _word_codes
from tocsin.coding.repairs import repair_parse
from tocsin.coding.self_dyads import (
    ARMED_GROUP_TYPES,
    downs_aerial_weapons,
    settle_self_dyad,
    shot_down_over,
)
from tocsin.coding.symmetric_twins import merge_symmetric_twin
from tocsin.coding.syntax import (
    BETWEEN,
    PASSIVE_SUBJECT,
    SUBJECT,
    arguments,
    morph_values,
    phrase_text,
    subjects,
)
from tocsin.coding.threat_readings import (
    promises_harm,
    ready_to_strike,
    rules_out_no_option,
    withholds_recognition,
)
from tocsin.coding.triggers import (
    CROWD_DEMAND,
    CROWD_DEMAND_TARGETS,
    NEGOTIATE_CAMEO,
    VOICED_TYPES,
    bare_participle,
    hosts_an_event,
    in_the_object,
    receives_a_thing,
    receives_an_event,
    reinterpret,
    voiced_by_a_crowd,
)
from tocsin.lang import LanguageData, Predicate
from tocsin.ontology import Ontology
from tocsin.places import PlaceContext, find_dateline, load_gazetteer
from tocsin.places.match import first_words
from tocsin.records import Actor, Article, Event, Location, stable_id

__all__ = ["Coder", "CoderOptions"]


#: verbs of condemning that, said of a court, are a conviction
_CONVICTING_VERBS = frozenset({"condamner", "condemn"})


class Coder(ArgumentRules):
    """Codes parsed documents into events. Build once; call :meth:`code_article` per article."""

    def __init__(self, ontology: Ontology, resolver: Resolver, languages: dict[str, LanguageData],
                 options: CoderOptions | None = None):
        self.ontology = ontology
        self.resolver = resolver
        self.options = options or CoderOptions()
        self.languages = {
            iso: LanguageResources(data=data, cues=Cues.from_mapping(data.cues))
            for iso, data in languages.items()
        }
        self.gazetteer = load_gazetteer()
        self._cameo_memo: dict[str, tuple[tuple[str, ...], int, float]] = {}
        #: by language: the lexicon entries of each (lemma id, lower-case id, part of speech)
        self._lexicon_memo: dict[str, dict[tuple[int, int, int], tuple[Predicate, ...]]] = {}
        first_words(self.gazetteer)  # the first-word tables of place matching, built once here

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
        ctx.dateline = find_dateline(article.text, self.gazetteer)
        mentions = self.resolver.find_mentions(text, lang=lang, when=article.published)
        for mention in mentions:
            ctx.add_mention(mention.actor)
        if offsets is not None:
            ctx.mentions = tuple((m.start, m.actor.country) for m in mentions if m.actor.country)
            ctx.offsets = dict(offsets)
            ctx.name_spans = tuple((m.start, m.end) for m in mentions if m.actor.name and " " in m.text.strip())
        events: list[Event] = []
        previous: list[Event] = []
        previous_index = -2
        for index, doc in sentences:
            sent = doc[:]
            if not _doc_text(doc).strip():
                continue
            found = self.code_sentence(sent, index, article, lang, res, ctx)
            if not found and previous and index == previous_index + 1:
                self._apply_report_back(sent, previous, article, lang, res, ctx)
            events.extend(found)
            previous, previous_index = found, index
        return [e for e in events if e.confidence >= self.options.min_confidence]


    # ------------------------------------------------------------------ sentences
    def code_sentence(self, sent: Span, index: int, article: Article, lang: str,
                      res: LanguageResources, ctx: DocumentContext) -> list[Event]:
        cues = res.cues
        ctx.conjunct_actors = {}
        if _span_text(sent).rstrip(_CLOSING).endswith("?"):
            return []  # "Et si la Chine envahissait Taïwan ?": a question commits no one to anything
        repair_parse(sent, cues)
        # most sentences hold no "selon", "d'après" or "according to": their words are not walked
        attribution_heads = attribution_phrases(sent, cues) if may_hold_attribution(_doc_text(sent.doc), cues) else []
        ctx.sentence_sources = tuple(attribution_heads)
        excluded: set[int] = set()
        for head in attribution_heads:
            excluded.update(t.i for t in head.subtree)
        triggers = self._find_triggers(sent, res, excluded)
        if triggers:
            triggers = outside_questions(triggers, sent)
        if triggers and ctx.name_spans:
            triggers = _outside_names(triggers, sent, ctx.offsets.get(index), ctx.name_spans)
        if triggers:
            start = ctx.offsets.get(index) if ctx.offsets else None
            if start is not None:
                end = start + len(_span_text(sent))
                ctx.sentence_countries = tuple(c for pos, c in ctx.mentions if start <= pos < end)
            else:
                ctx.sentence_countries = tuple(
                    m.actor.country for m in self.resolver.find_mentions(sent.text, lang=lang, when=article.published)
                    if m.actor.country)
        by_index = {t.token.i: t for t in triggers}
        # the "selon X" phrases are resolved when a trigger first gets that far (most
        # sentences have none, and many triggers are dropped before)
        sentence_attribution: Actor | None = None
        attribution_read = False

        events: list[Event] = []
        seen: set[tuple] = set()
        places: list[SentencePlace] | None = None
        if not triggers:
            self._remember_subject(sent, [], lang, article.published, ctx)
            return []
        for trig in triggers:
            governor = self._governing_trigger(trig.token, by_index)
            pred = trig.predicate
            if not_an_act_of_its_own(trig, governor, sent, cues, by_index):
                continue
            if pred.type in VOICED_TYPES and voiced_by_a_crowd(trig.token, cues.protester_words):
                # "des manifestants exigent la destitution de Yoon": the demand is the protest
                pred = retyped(pred, "PROTEST", CROWD_DEMAND, self.ontology, mode="demo", target=CROWD_DEMAND_TARGETS)
                trig = by_index[trig.token.i] = replace(trig, predicate=pred)
            if pred.type in ("AGREE", "SUPPORT") and any(
                    other is not trig and decided(other, trig, cues) and in_the_object(other.token, trig.token)
                    for other in triggers):
                continue  # "agreed new sanctions": the sanctions are the act (policies.decided)
            args = self._arguments(trig, res, lang, article.published, ctx, by_index)
            if pred.type == "CONSULT" and pred.pos == "NOUN":
                self.meeting_as_occasion(trig.token, args, res, lang, article.published, ctx)
            elif pred.pos == "VERB" and lang == "fr" and trig.token.i < trig.token.head.i:
                self.fronted_participle_patient(trig.token, args, res, lang, article.published, ctx)
            if not_coded_given_arguments(trig, governor, args, cues, by_index):
                continue
            if lang == "fr" and sent.doc[sent.start].pos_ == "PROPN":
                settle_headline_topic(sent, args, self.resolver, lang, article.published)
            if governor is None:
                self._borrow_embedded(trig, args, triggers, res, lang, article.published, ctx)
            group = unplaced_group_object(trig.token, cues)
            if group is not None and not args.pair and not any(
                    a.resolved for a in self.resolver.resolve_many(phrase_text(group), lang=lang, when=article.published,
                                                                   guess_country=False)):
                # "Lavrov a accusé l'Occident de prolonger la guerre en Ukraine": the group accused
                # stands for no country, and the country of what it is accused of is not accused
                args.targets = [Actor(text=group.text)]
            negated = is_negated(trig.token, cues)
            if pred.type == "THREATEN" and trig.token.lemma_.lower() in cues.rule_out_verbs:
                negated = not negated  # "n'a pas exclu le recours à la force": not ruling force out is the threat
            if (pred.type == "REJECT" and negated and trig.token.lemma_.lower() in cues.rule_out_verbs
                    and rules_out_no_option(trig.token)):
                # "Washington n'exclut aucune option face à Caracas": refusing to rule anything
                # out is a threat (guideline §4), asserted
                pred, negated = retyped(pred, "THREATEN", "+no-option", self.ontology), False
            if withholds_recognition(trig.token, pred, negated, cues):
                # "ne reconnaît pas la réélection de Maia Sandu": a refusal, asserted (guideline §5)
                pred, negated = retyped(pred, "REJECT", "+withheld", self.ontology), False
            mood = modality(trig.token, cues)
            if (pred.type == "ACCUSE" and pred.pos == "VERB" and trig.token.lemma_.lower() in _CONVICTING_VERBS
                    and args.sources and all(a.resolved and a.sector == "JUD" for a in args.sources)
                    and any(t.resolved for t in args.targets)):
                # "La Cour suprême argentine a condamné Cristina Kirchner pour corruption": a court
                # that condemns someone convicts them (as "condamner à N ans")
                pred = replace(pred, type="SANCTION", mode="convict", cameo="116", id=pred.id + "+court")
            if pred.type == "PROTEST":
                args.sources = [crowd_as_civilians(a, cues) for a in args.sources]
            pred = reinterpret(pred, args, mood, self.ontology, ready_to_strike(trig.token))
            if pred.id.endswith("+crowd"):
                if places is None:
                    places = sentence_places(sent, self.gazetteer)
                args.sources = crowd_of_the_place(args.sources, args.targets, places, self.resolver, lang, article.published)
            if pred.type == "THREATEN" and (mood == "hypothetical" or pred.id.endswith("+ready")):
                # "imposera des sanctions si …", "a menacé … en cas de récidive": the condition is
                # the threat's content, the threat itself was made (guideline §6)
                mood = "asserted"
            if (pred.type == "THREATEN" and mood in ("future", "conditional") and negated is False
                    and trig.token.lemma_.lower() in cues.rule_out_verbs):
                # "Athènes « n'hésitera pas » à défendre ses îles", "n'exclurait pas une frappe":
                # the stance is taken now, only what it threatens lies ahead (guideline §6)
                mood = "asserted"
            if (pred.type == "AGREE" and trig.token.lemma_.lower() not in cues.acceptance_verbs
                    and promises_harm(trig.token, by_index, cues)):
                # "Trump promet des droits de douane de 25 %": promising a sanction or a strike threatens
                pred = retyped(pred, "THREATEN", "+harm", self.ontology)
            if (pred.type == "AGREE" and trig.token.lemma_.lower() in cues.acceptance_verbs
                    and accepts_to_give_way(trig.token, by_index)
                    and any(a.resolved for a in args.targets + args.pair)):
                # "le Niger a accepté de laisser entrer les observateurs": yielding to someone (guideline §4)
                pred = retyped(pred, "CONCEDE", "+yield", self.ontology)
            if pred.type == "MOBILIZE" and trig.consumed and not args.pair:
                pred = order_to_foreign_forces(trig, pred, args, self.resolver, self.ontology, lang, article.published)
            if pred.type == "CONSULT" and hosts_an_event(trig.token, by_index):
                continue  # "Doha a accueilli des négociations entre …": the talks are the event
            if (pred.type == "CONSULT" and pred.cameo != NEGOTIATE_CAMEO
                    and receives_an_event(trig.token, by_index, cues.quantifier_nouns)):
                continue  # "Kiev a reçu une tranche d'aide de l'UE": the aid is the event
            if pred.type == "CONSULT" and receives_a_thing(trig.token, pred, args, cues.civilian_words):
                continue  # "L'Ukraine reçoit ses premiers F-16": no one was received
            if (self.ontology.is_symmetric(pred.type) and not args.pair
                    and not any(a.resolved for a in args.sources)
                    and sum(1 for a in args.targets if a.resolved) >= 2
                    and any(t.lower_ in BETWEEN for t in sent)):
                # "L'accord entre l'Inde et le Royaume-Uni a été signé": with no agent, the two
                # sides of the agreement are its parties, not two recipients of no one
                args.pair, args.targets = [a for a in args.targets if a.resolved], []
            pairs = complete_first(self._dyads(pred, args, ctx))
            if not pairs:
                continue
            if (not_coded_given_dyads(trig, pred, args, pairs, sent, cues)
                    or looks_alike(trig, pred, args, pairs, sent, cues, article.published)):
                continue
            if places is None:
                places = sentence_places(sent, self.gazetteer)
            known = tuple(a.country for a in args.sources + args.targets + args.pair if a.country)
            place_context = PlaceContext(
                dateline_country=ctx.dateline.place.country if ctx.dateline else None,
                countries=known + ctx.sentence_countries + ctx.salient_countries())
            placed = event_place(trig.token, pred.type, places, place_context, ctx.dateline,
                                 frozenset(by_index), frozenset(excluded))
            location = placed.location
            place_inferred = False
            downed = pred.type == "ASSAULT" and pred.pos == "VERB" and downs_aerial_weapons(trig, cues)
            if (location is not None and placed.from_predicate and not downed
                    and (pred.type in PLACE_TARGET_TYPES or pred.mode in PLACE_TARGET_MODES
                         or (pred.type == "RETREAT" and pred.mode in NAMED_COUNTRY_MODES
                             and location.country in ctx.sentence_countries))
                    and not args.pair and not any(t is not None and t.resolved for _, t in pairs)):
                # "a bombardé plusieurs quartiers de Kharkiv": the place's country undergoes it
                target = (place_target(placed, [s for s, _ in pairs])
                          or own_place_civilians(placed, pred.type, [s for s, _ in pairs], pred.cameo))
                if target is not None:
                    pairs = [(s, target) for s in dict.fromkeys(s for s, _ in pairs)]
                    if pred.type in ARMED_GROUP_TYPES:
                        pairs = [local_armed_group(s, t) for s, t in pairs]
                    place_inferred = True
            if downed:
                pairs = shot_down_over(pairs, location)
            pairs = place_armed_groups(pairs, location)  # "le JNIM … à Djibo" → the rebels of Burkina
            if (pred.type == "ASSAULT" and not any(t is not None and t.resolved for _, t in pairs)
                    and launches_a_missile(trig, cues)):
                # "a tiré un missile balistique en mer du Japon": a launch at no one is a test
                pred = retyped(pred, "MOBILIZE", "+test", self.ontology)
                pairs = [(s, None) for s in dict.fromkeys(s for s, _ in pairs)]
            if not self.options.keep_one_sided and one_sided(pred.type, pairs):
                continue  # "tout en promettant de poursuivre ses achats": an agreement with no one
            speaker_tok = reporting_speaker(trig.token, cues)
            if not attribution_read:
                sentence_attribution = self._sentence_attribution(attribution_heads, lang, article.published, ctx)
                attribution_read = True
            attribution = sentence_attribution
            if speaker_tok is not None:
                speaker = self._actor_for_phrase(speaker_tok, lang, article.published, ctx)
                if attribution is None or (speaker.resolved and not attribution.resolved):
                    attribution = speaker
            date_match: DateMatch | None = None  # read when the trigger's first event is made
            # "Biélorussie : Loukachenko gracie …": a country also named with its sector
            sectored = {s.country for s, _ in pairs if s is not None and s.sector and s.country}
            for source, target in pairs:
                if source is not None and target is not None and same_actor(source, target):
                    if source.sector is None and source.country in sectored:
                        continue  # the country once more beside its government: no event of its own
                    settled = settle_self_dyad(source, target, pred.type, location, self.resolver, lang,
                                               article.published)
                    if settled is None:
                        continue
                    source, target = settled
                if not self.options.keep_unresolved and not ((source and source.resolved) or (target and target.resolved)):
                    continue
                key = (pred.type, actor_key(source), actor_key(target), negated)
                # the same act, or the same act already coded with a recipient: "to protest a
                # finance bill" after "took to the streets" against the government
                if key in seen or ((target is None or not target.resolved)
                                   and (pred.type, actor_key(source), "+", negated) in seen):
                    continue
                if (self.ontology.is_symmetric(pred.type)
                        and (pred.type, actor_key(target), actor_key(source), negated) in seen):
                    continue  # "la conclusion d'un accord entre le Kenya et la Somalie": one act both ways
                seen.add(key)
                if target is not None:
                    seen.add((pred.type, actor_key(source), "+", negated))
                if date_match is None:
                    date_match = _event_date(_clause_text(trig.token, sent), lang, article.published)
                event = self._event(sent, index, article, lang, trig, pred, source, target, negated, mood,
                                    attribution, date_match, args.inferred)
                event.location = location
                event.target_inferred = target is not None and (
                    args.inferred or place_inferred
                    or (not placed.from_object and _names_the_place(target, location, pred.type)))
                if not (self.ontology.is_symmetric(pred.type) and merge_symmetric_twin(events, event)):
                    events.append(event)
        answer_to_a_protest(events)
        self._remember_subject(sent, events, lang, article.published, ctx)
        return events

    def _sentence_attribution(self, heads: list[Token], lang: str, when: date | None,
                              ctx: DocumentContext) -> Actor | None:
        """The first resolved "selon X" of the sentence, else the first one."""
        found: Actor | None = None
        for head in heads:
            actor = self._actor_for_phrase(head, lang, when, ctx)
            if found is None or (actor.resolved and not found.resolved):
                found = actor
        return found

    def _actors_for_conjunct(self, tok: Token, lang: str, when: date | None,
                             ctx: DocumentContext) -> list[Actor]:
        """The actors a conjunct names, read once per token of the sentence being coded
        (several triggers and the subject memory ask for the same words)."""
        found = ctx.conjunct_actors.get(tok.i)
        if found is None:
            found = ctx.conjunct_actors[tok.i] = tuple(super()._actors_for_conjunct(tok, lang, when, ctx))
        return list(found)

    def _remember_subject(self, sent: Span, events: list[Event], lang: str, when: date | None,
                          ctx: DocumentContext) -> None:
        """Keep the sentence's subject (or first event actor) for pronouns in the next sentences."""
        root = sent.root
        cues = self.languages[lang].cues
        if root.lemma_.lower() in cues.reporting_verbs:
            # "Xi told Biden …, Chinese state media reported": the one reported on, not the reporter
            root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")
                         and subjects(c, cues.unaccusative_verbs)), root)
        heads = [c for c in subjects(root, cues.unaccusative_verbs) if c.pos_ != "PRON"] or [
            # "X a été reçu par Y. Il a ensuite …": the grammatical subject of a passive
            c for c in root.children if c.dep_ in PASSIVE_SUBJECT and c.pos_ != "PRON"]
        actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved] if heads else []
        for e in events:
            if e.source is not None and e.source.resolved:
                ctx.event_actors[_trigger_lemma(sent, e)] = e.source
                ctx.type_actors[e.type] = e.source
                ctx.last_event_actor = e.source
                if e.target is not None and e.target.resolved:
                    ctx.acts.append((e.source, e.target))
        participants = [a for e in events for a in (e.source, e.target) if a is not None and a.resolved]
        # "Les forces russes ont intensifié leurs attaques … Elles ont bombardé": one plural subject
        plural = actors if len(heads) == 1 and "Plur" in heads[0].morph.get("Number") else None
        ctx.remember(actors + participants if actors else participants, plural)

    # ------------------------------------------------------------------ triggers
    def _find_triggers(self, sent: Span, res: LanguageResources, excluded: set[int]) -> list[Trigger]:
        found: list[Trigger] = []
        consumed: set[int] = set()
        candidates: list[tuple[Token, Predicate, frozenset[int]]] = []
        doc = sent.doc
        pos_codes, lemma_ids, lower_ids = _word_codes(doc)
        known = self._lexicon_memo.setdefault(res.data.iso, {})
        for i in range(sent.start, sent.end):
            if pos_codes[i] not in _TRIGGER_POS or i in excluded:
                continue  # read from the parse's array: no Token object for the other words
            # the lexicon is asked first: the tests below only read the token (their order
            # does not change which words pass), and most words are in no lexicon entry;
            # its answer depends on the word's lemma, lower case and part of speech alone
            key = (lemma_ids[i], lower_ids[i], pos_codes[i])
            entries = known.get(key)
            if entries is None:
                entries = known[key] = _lexicon_entries(res.data, doc.vocab.strings[key[0]],
                                                        doc.vocab.strings[key[1]], pos_codes[i])
            if not entries:
                continue
            tok = doc[i]
            if pos_codes[i] == ADJ and "Part" not in morph_values(tok, "VerbForm"):
                continue  # only participles tagged as adjectives ("a gelé") can be verbs
            if bare_participle(tok):
                continue  # "des hommes armés": an attribute, not an act
            best = best_entry(tok, entries, res.cues.quantifier_nouns)
            if best is None:
                continue
            entry, used = best
            candidates.append((tok, entry, used))
            consumed.update(used)
        for tok, entry, used in candidates:
            if tok.i in consumed:
                continue  # the object of a collocation ("lever les sanctions")
            found.append(Trigger(tok, entry, used))
        return found

    @staticmethod
    def _governing_trigger(token: Token, by_index: dict[int, Trigger]) -> Trigger | None:
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
    def _event(self, sent: Span, index: int, article: Article, lang: str, trig: Trigger, pred: Predicate,
               source: Actor | None, target: Actor | None, negated: bool, mood: str,
               attribution: Actor | None, date_match: DateMatch, inferred: bool) -> Event:
        tok = trig.token
        start = tok.idx - sent.start_char
        cameo = pred.cameo
        context, quad_class, goldstein = self._cameo_facts(cameo)
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
            event_id=stable_id(article.id, index, start, pred.id, actor_key(source), actor_key(target), self.options.coder),
            article_id=article.id,
            sentence_index=index,
            sentence=_span_text(sent).rstrip(),
            trigger=tok.text,
            trigger_span=(start, start + len(tok.text)),
            type=pred.type,
            mode=pred.mode,
            context=list(context),
            cameo=cameo,
            quad_class=quad_class,
            goldstein=goldstein,
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

    def _cameo_facts(self, cameo: str) -> tuple[tuple[str, ...], int, float]:
        """The PLOVER context, quad class and Goldstein value of a CAMEO code, read from the
        ontology once per code (a few hundred codes make every event)."""
        found = self._cameo_memo.get(cameo)
        if found is None:
            mapping = self.ontology.plover_for_cameo(cameo)
            found = self._cameo_memo[cameo] = (
                mapping.context if mapping else (), self.ontology.quad_class(cameo), self.ontology.goldstein(cameo))
        return found

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


CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "parataxis", "ccomp"})
_CLAUSE_DEP_IDS = frozenset(get_string_id(d) for d in CLAUSE_DEPS)


#: words before a date that make it the start of a period, not the event's date
_SINCE = frozenset({"depuis", "since", "dès", "from"})


#: quotes and brackets that may close a sentence after its final punctuation
_CLOSING = " \t»”\"’')]"


@lru_cache(maxsize=4096)
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
    text = _span_text(sent)
    chars: list[str] | None = None
    start = sent.start_char
    above: set[int] | None = None
    doc = sent.doc
    deps = _dep_ids(doc)
    for i in range(sent.start, sent.end):
        if deps[i] not in _CLAUSE_DEP_IDS:
            continue  # read from the parse's array: no Token object for the other words
        tok = doc[i]
        if tok.dep_ == "acl" and not any(c.dep_ in ("obl:agent", "agent", "nsubj") for c in tok.children):
            continue  # "les ministres, réunis lundi, ont adopté …": the participle shares the time
        if above is None:
            above = {trigger.i, *(t.i for t in trigger.ancestors)}
        if tok.i not in above:
            if chars is None:
                chars = list(text)
            for t in tok.subtree:
                for k in range(t.idx - start, min(t.idx - start + len(t.text), len(chars))):
                    chars[k] = " "
    return ("".join(chars) if chars is not None else text).rstrip()


def _outside_names(triggers: list[Trigger], sent: Span, start: int | None,
                   spans: tuple[tuple[int, int], ...]) -> list[Trigger]:
    """The triggers that are not words of an organisation's or a person's name ("the
    Asia-Pacific Economic Cooperation meeting", "les Forces de soutien rapide")."""
    if start is None:
        return triggers
    end = start + len(_span_text(sent))
    near = [(a, b) for a, b in spans if a < end and b > start]
    if not near:
        return triggers
    return [t for t in triggers
            if not any(a <= start + t.token.idx - sent.start_char < b for a, b in near)]


def _span_text(sent: Span) -> str:
    """The text of ``sent``; a whole parsed sentence reads it from the ``Doc`` (much faster)."""
    doc = sent.doc
    return _doc_text(doc) if sent.start == 0 and sent.end == len(doc) else sent.text


#: universal part-of-speech ids of the words that can be triggers (VERB, NOUN, ADJ, PROPN)
_TRIGGER_POS = frozenset({VERB, NOUN, ADJ, PROPN})
#: of those, the ones read as event nouns (``Token.pos_`` "NOUN" or "PROPN")
_NOMINAL_POS = frozenset({NOUN, PROPN})


def _lexicon_entries(data: LanguageData, lemma: str, lower: str, pos_code: int) -> tuple[Predicate, ...]:
    """The lexicon entries a word with this lemma, lower-case form and part of speech may
    trigger (empty when none): the coder remembers them by (lemma, lower case, part of speech)."""
    pos = "NOUN" if pos_code in _NOMINAL_POS else "VERB"
    lemma = lemma.lower()
    entries = data.by_lemma.get((lemma, pos)) or data.by_lemma.get((lower, pos))
    if not entries and pos == "VERB" and data.iso == "fr":
        # "Il demande à Téhéran …": the verb lemmatised as the noun "demande"
        entries = data.by_lemma.get((lemma + "r", pos)) or data.by_lemma.get((lemma + "er", pos))
    if not entries and pos == "NOUN" and lemma == lower and lower[-1:] in ("s", "x"):
        # "Frappes américaines contre les Houthis": a headline's capitalised plural, tagged
        # as a name and left unlemmatised
        entries = data.by_lemma.get((lower[:-1], pos))
    return entries or ()


def _doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per parsed sentence (spaCy rebuilds it on every access)."""
    found = doc.user_data.get("tocsin.text")
    if found is None:
        found = doc.user_data["tocsin.text"] = doc.text
    return found


def _names_the_place(target: Actor, location: Location | None, event_type: str) -> bool:
    """"troupes déployées à Kyiv": a recipient read from the place of an attack or a
    deployment is inferred from that place."""
    return (location is not None and event_type in PLACE_TARGET_TYPES and target.sector is None
            and target.name is None and target.text.lower().endswith(location.text.lower()))


def _trigger_lemma(sent: Span, event: Event) -> str:
    """The lemma of the sentence's word that starts where the event's trigger does."""
    start = sent.start_char + event.trigger_span[0]
    doc = sent.doc
    # the word holding that character (words never overlap): the one that starts there, if any
    found = doc.char_span(start, start + 1, alignment_mode="expand") if 0 <= start < len(_doc_text(doc)) else None
    if found is not None and len(found) and sent.start <= found.start < sent.end and found[0].idx == start:
        return found[0].lemma_.lower()
    for tok in sent:  # no word of the sentence starts there (none does, as a rule)
        if tok.idx == start:
            return tok.lemma_.lower()
    return event.trigger.lower()
