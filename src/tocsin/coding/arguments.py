"""Who did it to whom: the roles of a trigger read from the dependency parse, with
the fallbacks that news text needs (borrowed subjects, light verbs, coreference,
names the parser attached elsewhere), and their expansion into dyads.

:class:`ArgumentRules` is mixed into :class:`tocsin.coding.coder.Coder`; it
needs the coder's ``resolver``, ``languages``, ``ontology`` and ``options``. The rules
for constructions whose actors lie outside the clause are in ``recipients.py``
(:class:`RecipientRules`), the reading of a phrase as actors in ``phrases.py``
(:class:`PhraseActors`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from tocsin.actors import Resolver
from tocsin.coding.context import DocumentContext
from tocsin.coding.model import (
    DEFAULT_TARGETS,
    EMBEDDING_TYPES,
    CoderOptions,
    LanguageResources,
    Roles,
    Trigger,
    same_actor,
    unique_actors,
)
from tocsin.coding.phrases import PhraseActors
from tocsin.coding.qualifiers import Cues, reporting_speaker
from tocsin.coding.recipients import (
    RecipientRules,
    domestic_target,
    names_a_resolution,
    stray_prepositional_heads,
)
from tocsin.coding.syntax import (
    DURATION_UNITS,
    OBJECT,
    PASSIVE_SUBJECT,
    SUBJECT,
    Argument,
    arguments,
    is_duration,
    is_passive,
    phrase_text,
    preposition_of,
    subjects,
)
from tocsin.coding.triggers import accused_in_apposition, apposed_role, passive_participle
from tocsin.lang import Predicate
from tocsin.ontology import Ontology
from tocsin.places import PlaceContext, choose, find_places, place_role
from tocsin.records import Actor

#: types whose recipient may be named as a place ("exercises around Taiwan")
LOCATIVE_TYPES = frozenset({"MOBILIZE", "ASSAULT", "CONSULT", "AID", "COERCE"})


#: types whose recipient may be the country a border is named after ("massé des troupes le long
#: de la frontière arménienne")
BORDER_TYPES = frozenset({"MOBILIZE", "ASSAULT"})


#: types whose recipient may be civilians as a group
CIVILIAN_TYPES = frozenset({"ASSAULT", "COERCE", "AID"})
#: types whose passive subject, with no agent named, is moved by its own side: the forces
#: deployed or put on alert belong to whoever deploys them
SELF_MOVED_TYPES = frozenset({"MOBILIZE"})
#: protests aimed at the state an embassy represents ("devant l'ambassade de France")
EMBASSY_TYPES = frozenset({"PROTEST"})
EMBASSY_NOUNS = frozenset({"ambassade", "consulat", "embassy", "consulate"})


#: nominal events whose "de/of" phrase names who undergoes them
PATIENT_GENITIVE = frozenset({"ASSAULT", "COERCE"})


#: reactions to an act: praise, criticism, refusal ("un geste salué par Varsovie")
REACTION_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
#: acts of a state on people within its borders (arrests, pardons, bans, attacks)
DOMESTIC_TYPES = frozenset({"COERCE", "CONCEDE", "SANCTION", "ASSAULT"})
#: reactions an actor can draw on itself ("drew condemnation from", "s'attirer les critiques de")
DRAWN_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "SUPPORT", "SANCTION"})
#: two-sided acts coded once per side (a truce, an exchange of prisoners: guideline §3)
TWO_SIDED_TYPES = frozenset({"RETREAT"})
#: reactions to an act named by a noun ("soutien à l'octroi du statut à l'Ukraine")
BENEFICIARY_TYPES = frozenset({"SUPPORT"})
#: types whose recipient may be named inside what is threatened or agreed ("menacé d'annexer
#: l'Essequibo", "agree to open membership talks with Ukraine")
#: offers and calls whose object is an act between two parties: each party is a recipient
PARTIES_OF_CONTENT_TYPES = frozenset({"AGREE", "REQUEST"})
CONTENT_TARGET_TYPES = frozenset({"THREATEN", "AGREE", "ACCUSE", "CONCEDE"})
#: types whose recipient may be named only by the nationality of what is acted on ("Russian
#: drones shot down"); not AID or MOBILIZE, where it is the origin of what is sent
NATIONALITY_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "REJECT", "SUPPORT",
                                      "REQUEST", "THREATEN", "RETREAT", "CONCEDE"})


#: "à la demande de", "sur demande de", "at the request of", "on X's request"
REQUEST_PREPOSITIONS = frozenset({"à", "sur", "at", "on", "upon"})


GENITIVES = frozenset({"de", "du", "des", "d'", "d’", "of", "by", "between", "entre"})


def counterpart_sector(out: Roles, counterpart_words: frozenset[str]) -> None:
    """A counterpart holds the other side's office: "le ministre russe de la Défense a rencontré
    son homologue chinois" meets the Chinese defence minister (CHNMIL), not China. A counterpart
    placed only by its nationality takes the sector of the first placed actor of the other side
    when that actor is of another country."""

    def is_counterpart(actor: Actor) -> bool:
        return (actor.resolved and actor.country is not None and actor.sector is None
                and actor.code == actor.country
                and any(w in counterpart_words for w in re.findall(r"\w+", actor.text.lower())))

    def reference(actors: list[Actor]) -> Actor | None:
        return next((a for a in actors if a.resolved and a.country and a.sector and not is_counterpart(a)), None)

    for own, other in ((out.targets, out.sources), (out.sources, out.targets), (out.pair, out.pair)):
        ref = reference(other)
        if ref is None:
            continue
        for i, actor in enumerate(own):
            if is_counterpart(actor) and actor.country != ref.country:
                own[i] = dataclasses.replace(actor, sector=ref.sector, code=f"{actor.country}{ref.sector}")


class ArgumentRules(RecipientRules, PhraseActors):
    """Argument reading and dyad expansion (mixed into the coder)."""

    resolver: Resolver
    ontology: Ontology
    options: CoderOptions
    languages: dict[str, LanguageResources]

    def _arguments(self, trig: Trigger, res: LanguageResources, lang: str, when: date | None,
                   ctx: DocumentContext, by_index: dict[int, Trigger], borrow: bool = True) -> Roles:
        tok = trig.token
        pred = trig.predicate
        cues = res.cues
        spec = tuple(pred.target) or DEFAULT_TARGETS[pred.pos]
        args = list(arguments(tok, cues.unaccusative_verbs))
        out = Roles()
        source_heads: list[Token] = []
        target_heads: list[tuple[int, Token]] = []
        pair_heads: list[Token] = []
        genitive: list[Token] = []
        passive = pred.pos == "VERB" and (is_passive(tok, cues.unaccusative_verbs) or passive_participle(tok))
        if passive and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in trig.consumed:
            target_heads.append((0, tok.head))  # "les entreprises accusées de …": the noun undergoes it
        for consumed in (tok.doc[i] for i in trig.consumed):
            # "a lancé une attaque contre Israël": the collocation's noun carries the recipient
            args.extend(a for a in arguments(consumed)
                        if a.role == "oblique" and (a.prep in DEFAULT_TARGETS["NOUN"] or a.prep in spec
                                                    or a.prep in cues.locative_prepositions))
        if pred.pos == "NOUN":
            for acl in tok.children:
                if (acl.dep_ == "acl" and acl.pos_ == "VERB" and "Pres" in acl.morph.get("Tense")
                        and "Part" in acl.morph.get("VerbForm") and acl.lemma_.lower() not in cues.targeting_verbs
                        and not any(c.dep_ in OBJECT | SUBJECT for c in acl.children)):
                    # "un soutien écrasant à la demande de …": a present participle used as an
                    # adjective, on which the parser hangs the noun's own complement
                    args.extend(a for a in arguments(acl, cues.unaccusative_verbs) if a.role == "oblique")
        for owner in [tok, *(tok.doc[i] for i in trig.consumed)]:
            nouns = [owner, *(c for c in owner.children if c.dep_ in ("nmod", "obj", "dobj"))]
            if pred.pos == "VERB":
                # "lève les restrictions à l'exportation imposées à Séoul": the participle hung on
                # a noun of the verb's own phrases, one step below the object or beside it
                nouns += [g for c in owner.children if c.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg") and c.pos_ == "NOUN"
                          for g in (c, *c.children) if g.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and g.pos_ == "NOUN"
                          and g not in nouns]
            for noun in nouns:
                # "les sanctions visant la Syrie", "measures targeting Iran"
                for acl in noun.children:
                    if acl.dep_ == "acl" and acl.lemma_.lower() in cues.targeting_verbs:
                        args.extend(Argument("object", None, c) for c in acl.children if c.dep_ in OBJECT)
                        # whatever the row's target column says, what the act aims at is its recipient
                        target_heads.extend((0, c) for c in acl.children if c.dep_ in OBJECT)
                    if acl.dep_ == "acl" and acl.lemma_.lower() in cues.imposing_verbs:
                        # "les restrictions imposées à Séoul", "tariffs imposed on Australian wine"
                        for arg in arguments(acl, cues.unaccusative_verbs):
                            if arg.role == "oblique" and arg.prep in IMPOSED_ON:
                                target_heads.append((0, arg.head))
        if pred.pos == "VERB" and is_passive(tok, cues.unaccusative_verbs) and not any(a.role == "agent" for a in args):
            # "a été libéré jeudi par Moscou": a "par/by" phrase the parser hung on another word
            # (not one inside the subject: "la condamnation d'un opposant par un tribunal iranien a
            # été dénoncée par Paris")
            inside_subject = {t.i for c in tok.children if c.dep_ in SUBJECT | PASSIVE_SUBJECT for t in c.subtree}
            for t in tok.subtree:
                if t.i in inside_subject:
                    continue
                if t.i != tok.i and preposition_of(t) in cues.agent_prepositions and t.head.dep_ not in SUBJECT | PASSIVE_SUBJECT:
                    args.append(Argument("agent", preposition_of(t), t))
                    break
        nested_agent: Token | None = None
        if pred.pos == "NOUN" and not any(a.role == "oblique" and a.prep in cues.agent_prepositions for a in args):
            # "la libération de deux otages par le Hamas": the agent the parser hung on the
            # noun's "de" phrase, the nearer noun
            for arg in list(args):
                if arg.role == "oblique" and arg.prep in cues.source_prepositions and arg.head.i not in by_index:
                    agent = next((c for c in arg.head.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:agent")
                                  and (c.pos_ == "PROPN" or c.dep_ == "obl:agent")
                                  and preposition_of(c) in cues.agent_prepositions), None)
                    if agent is not None:
                        args.append(Argument("oblique", preposition_of(agent), agent))
                        nested_agent = agent
                        break
        # "l'expulsion par Alger de douze agents": with a "par/by" agent, the noun's genitive
        # names what undergoes the act, whatever its type
        agent_named = pred.pos == "NOUN" and (nested_agent is not None or any(
            a.role == "oblique" and a.prep in cues.agent_prepositions
            and (a.head.pos_ == "PROPN" or a.head.text[:1].isupper()) for a in args))
        for arg in args:
            role, prep = arg.role, arg.prep
            if prep and prep in cues.attribution_prepositions:
                continue
            if role == "agent" and arg.head.lemma_.lower() in cues.manner_nouns:
                continue  # "condamnée par contumace", "élu par acclamation": how, not by whom
            if pred.pos == "VERB":
                if (role == "subject" and not passive) or role == "agent":
                    source_heads.append(arg.head)
                elif role == "passive_subject" and pred.type in SELF_MOVED_TYPES and not any(a.role == "agent" for a in args):
                    source_heads.append(arg.head)  # "des troupes russes ont été déployées": Russia deploys them
                elif role == "passive_subject":
                    target_heads.append((0, arg.head))
                elif prep in cues.dyad_prepositions:
                    pair_heads.append(arg.head)
                else:
                    rank = target_rank(arg, spec)
                    if rank is not None:
                        target_heads.append((rank, arg.head))
            else:
                if role == "modifier" and arg.head.dep_ == "appos" and arg.head.pos_ != "PROPN":
                    continue  # "a visit, his first trip to Russia": a re-description
                if role == "possessive" and arg.head.lower_ in cues.possessive_determiners:
                    possessor = self._possessor(tok, lang, when, ctx)
                    out.sources.extend(possessor)
                    continue
                if role == "oblique" and prep in cues.source_prepositions and is_duration(arg.head):
                    continue  # "une visite de deux jours": how long, not who
                if role == "oblique" and prep in cues.source_prepositions and (
                        pred.type in PATIENT_GENITIVE or (agent_named and prep not in cues.agent_prepositions)):
                    genitive.append(arg.head)  # "l'invasion de l'Ukraine", "the arrest of Navalny"
                    continue
                if role == "possessive" or (role == "oblique" and prep in cues.source_prepositions | cues.agent_prepositions) or role == "modifier":
                    if arg.head.i not in by_index:
                        source_heads.append(arg.head)
                elif role == "oblique" and prep in cues.dyad_prepositions:
                    pair_heads.append(arg.head)
                else:
                    rank = target_rank(arg, spec)
                    if rank is not None:
                        target_heads.append((rank, arg.head))

        if (pred.pos == "VERB" and tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.i < tok.i
                and not passive and not any(c.dep_ == "case" for c in tok.head.children)):
            # "Poutine et Xi ont signé" parsed with the verb under "Poutine" (not "… à Beyrouth et
            # promis de financer", where the verb is hung on a place)
            source_heads.insert(0, tok.head)
        if (pred.pos == "VERB" and not source_heads and not passive and tok.dep_ == "acl"
                and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in cues.statement_nouns):
            # "a adopté une résolution appelant à un cessez-le-feu", "issued a statement condemning
            # …": the text speaks for whoever adopted or published it
            source_heads = _author_of_text(tok.head, cues)
        if pred.pos == "VERB" and not source_heads and not passive:
            source_heads = subjects(tok, cues.unaccusative_verbs)  # includes a subject split off by the parser
        out.reciprocal = any(c.lower_ in cues.reciprocal_words for c in tok.children)
        out.mutual = tok.lemma_.lower() in cues.reciprocal_verbs
        if pred.pos == "NOUN" and not out.sources:
            for c in tok.children:
                if c.dep_ in ("det", "det:poss") and c.lower_ in cues.possessive_determiners:
                    out.sources.extend(self._possessor(tok, lang, when, ctx))
        if (pred.pos == "NOUN" and tok.head.lemma_.lower() in cues.targeting_verbs and tok.head.pos_ == "VERB"
                and preposition_of(tok) in cues.agent_prepositions and is_passive(tok.head, cues.unaccusative_verbs)):
            # "des villages ont été visés par des frappes israéliennes": what the act's means aimed
            # at undergoes it
            target_heads.extend((0, c) for c in tok.head.children if c.dep_ in PASSIVE_SUBJECT)
        if cues.ascribing_verbs:
            # "des frappes attribuées à l'armée soudanaise ont tué …", "l'attentat, revendiqué par
            # l'EI": whoever the act, or what did it, is ascribed to carries it out
            authors = [a for h in ([tok] if pred.pos == "NOUN" else source_heads) for a in _ascribed_to(h, cues)]
            if authors:
                source_heads = authors
        source_heads = [h for h in source_heads if not _is_time_phrase(h, cues)]  # "quelques heures avant le sommet"
        act_targets: list[Actor] = []
        acts = [by_index[h.i] for h in source_heads if pred.pos == "VERB" and h.i in by_index
                and by_index[h.i].predicate.type == pred.type and h.pos_ in ("NOUN", "PROPN")]
        if acts:
            # "Russian shelling killed four civilians", "des frappes israéliennes ont tué …": the act
            # named as the subject is this one; its own source (a nationality, a "de/of" phrase) acts
            for act in acts:
                named = self._arguments(act, res, lang, when, ctx, by_index, borrow=False)
                if named.sources:  # (else the noun's phrase is read as it stands: "des paramilitaires")
                    out.sources.extend(named.sources)
                    source_heads = [h for h in source_heads if h.i != act.token.i]
                act_targets.extend(t for t in named.targets if t.resolved)  # "strikes on Iran … hit …"
                town = None if any(t.resolved for t in named.targets) else self._town_country(act.token, ctx)
                if town:  # "les frappes … sur Kharkiv ont tué …": the town struck
                    act_targets.append(Actor(text=act.token.text, code=town, country=town))
        out.sources = out.sources + self._resolve_heads(source_heads, lang, when, ctx)
        if (genitive and pred.type == "ASSAULT" and pred.pos == "NOUN"
                and tok.lemma_.lower() in cues.agentive_attack_nouns and not any(a.resolved for a in out.sources)
                and not any(a.role == "oblique" and a.prep in cues.agent_prepositions for a in args)):
            # "l'offensive de l'armée russe dans la région de Kharkiv": armed forces in the "de"
            # phrase of an attack are who attacks; where it strikes is read from the place
            # "de l'armée", "des FSR", "du Hamas", not a kind of weapon ("des tirs d'artillerie")
            named = all(g.pos_ == "PROPN" or any(c.dep_ == "det" for c in g.children)
                        or (g.i > 0 and g.doc[g.i - 1].lower_ in ("du", "des")) for g in genitive)
            forces = [] if not named or any(preposition_of(t) in cues.agent_prepositions for g in genitive for t in g.subtree) \
                else self._resolve_heads(genitive, lang, when, ctx)
            if forces and all(a.resolved and a.sector in ARMED_SECTORS for a in forces):
                out.sources = out.sources + forces
                source_heads = source_heads + genitive
                genitive = []
        target_heads.extend((len(spec), h) for h in genitive)
        if pred.type in AUTHORED_OBJECT_TYPES and pred.pos == "VERB":
            # "a décliné l'invitation de Moscou au sommet de l'OTSC": what is refused is the
            # author's (its "de/of" phrase) before any other complement
            refused = [tok.doc[i] for i in trig.consumed] + [c for c in tok.children if c.dep_ in OBJECT]
            target_heads.extend((-1, g) for noun in refused if noun.pos_ == "NOUN" for g in noun.children
                                if g.dep_ == "nmod" and g.pos_ == "PROPN" and preposition_of(g) in cues.source_prepositions)
        # "a abattu cette nuit 47 drones", "n'a pas exclu mardi …": a time phrase is no recipient
        target_heads = [(r, h) for r, h in target_heads if not _is_time_phrase(h, cues)]
        out.pair = self._resolve_heads(pair_heads, lang, when, ctx)
        if pred.pos == "NOUN" and pred.symmetric and not out.pair and any(
                c.dep_ in ("det", "det:poss", "poss") and c.lower_ in cues.plural_possessives for c in tok.children):
            # "a demandé à Netanyahu …, lors de leur entretien": the two of the clause met
            out.pair = self._plural_possessors(tok, lang, when, ctx)
            if out.pair:
                out.sources = []
        authored = False
        for rank, group in itertools.groupby(sorted(target_heads, key=lambda x: x[0]), key=lambda x: x[0]):
            group_heads = list(group)
            actors = self._resolve_heads([h for _, h in group_heads], lang, when, ctx)
            if any(a.resolved for a in actors):
                out.targets = actors
                authored = rank < 0
                out.object_target = (
                    (pred.symmetric or self.ontology.is_symmetric(pred.type)) and sum(a.resolved for a in out.sources) >= 2
                    and all(h.head.i == tok.i and h.dep_ in OBJECT and self._object_names_an_actor(h, lang, when, ctx)
                            for _, h in group_heads))
                break
            if not out.targets:
                out.targets = actors
        if nested_agent is not None and out.targets and all(
                not a.resolved or any(same_actor(a, s) for s in out.sources if s.resolved) for a in out.targets):
            # "deux otages par le Hamas" names the agent, not who undergoes the act
            out.targets = []
            target_heads = [(r, h) for r, h in target_heads if h.i != nested_agent.head.i]

        attack = self._attack_behind_harm(tok, by_index) if pred.type == "ASSAULT" and passive and by_index else None
        if attack is not None:
            # "Dix civils ont été tués dans une frappe israélienne à Gaza", "tués par une frappe
            # russe à Kharkiv": who dies in an attack was killed by whoever made it, and the
            # victims are the people of the place struck, not the attackers' own
            if not any(a.resolved for a in out.sources):
                out.sources = self._authors_of_the_attack(attack, by_index[attack.i], res, lang, when, ctx) or out.sources
                target_heads = [(r, h) for r, h in target_heads if h.i != attack.i]
            attackers = {a.country for a in out.sources if a.resolved and a.country}
            if attackers:
                struck = self._place_of_the_attack(attack, cues, lang, when, ctx)
                victims = [t for t in out.targets if t.resolved and t.country not in attackers]
                if struck is not None and struck not in attackers and not victims:
                    victims = [Actor(text=attack.text, code=struck + "CVL", country=struck, sector="CVL")]
                out.targets = victims or [t for t in out.targets if not t.resolved]
        if pred.type == "ASSAULT" and pred.pos == "VERB" and out.sources and not any(a.resolved for a in out.sources):
            # "tué par un policier à Nanterre", "des soldats ont ouvert le feu à Kinshasa": the
            # police or the army using force in a place, with no country named, are that place's
            # (an arrest of suspects by "police in Marseille" is no political act: left alone)
            forces = [a for a in out.sources if a.sector in PLACED_FORCES and a.country is None]
            country = (self._place_country(args, res, lang, when, ctx) or self._town_country(tok, ctx)) if forces else None
            if country is not None:
                out.sources = [Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector)
                               for a in forces]
        if (borrow and pred.pos == "NOUN" and not out.pair and tok.dep_ in PASSIVE_SUBJECT
                and tok.head.lemma_.lower() in cues.light_verbs and is_passive(tok.head)):
            # "Arrest warrants were issued by the ICC": the agent of the light verb acts
            agents = [a.head for a in arguments(tok.head) if a.role == "agent"] or [
                a.head for a in arguments(tok.head) if a.role == "oblique" and a.prep in cues.agent_prepositions
                and a.head.i > tok.head.i]  # "… ont été prolongées par l'UE" read as an adverbial
            actors = [a for a in self._resolve_heads(agents, lang, when, ctx) if a.resolved]
            if actors:
                own = [a for a in out.sources if a.resolved and not any(same_actor(a, b) for b in actors)]
                out.sources = actors
                if own and not any(t.resolved for t in out.targets):
                    out.targets = own
        if (borrow and pred.pos == "NOUN" and not out.pair
                and (tok.dep_ in OBJECT or (tok.dep_ in ("obl:arg", "obl") and preposition_of(tok) == "à"))
                and tok.head.lemma_.lower() in cues.light_verbs):
            # (also "ont procédé à un échange", "a participé à des exercices")
            # "les États-Unis ont annoncé un boycott des JO de Pékin": the light verb's subject acts,
            # the noun's own "de/of" phrase is what it acts on
            actors = [a for a in self._borrowed_subject(tok, res, lang, when, ctx, False, by_index) if a.resolved]
            agents = [a for a in out.sources if a.resolved]
            if actors and agent_named and agents:
                # "le Qatar a annoncé la libération d'otages par le Hamas": the noun's own agent acts;
                # the subject only says who it is when it is of the agent's country ("Pedro Sánchez
                # a annoncé la reconnaissance par l'Espagne …")
                if all(any(a.country == b.country for b in agents) for a in actors):
                    out.sources = actors
            elif actors:
                own = [a for a in out.sources if a.resolved and not any(same_actor(a, b) for b in actors)]
                out.sources = actors
                if own and not any(t.resolved for t in out.targets):
                    out.targets = own
        if not any(a.resolved for a in out.targets):
            heads = [h for _, h in target_heads]
            heads += [t for t in tok.subtree if t.lemma_.lower() in cues.counterpart_words and t not in heads]
            if pred.type in REACTION_TYPES:
                # "Berlin s'est félicité de ce geste": the act pointed back to, in an oblique
                heads += [c for c in tok.children if c.dep_ in ("obl:arg", "obl") and c.pos_ == "NOUN"
                          and c not in heads and _demonstrative(c, cues)]
            self._targets_from_heads(out, heads, trig, res, lang, when, ctx, by_index)
        if (pred.pos == "NOUN" and not out.pair and not any(a.resolved for a in out.targets)
                and any(a.resolved for a in out.sources)):
            # "la visite du président français au Maroc", "l'attaque des rebelles houthis contre un
            # pétrolier grec", "le retrait des troupes françaises du Sénégal": the parser hangs the
            # recipient on the author's "de" phrase, the nearer noun
            hung = _recipient_on_the_author(tok, source_heads, spec, cues)
            if hung:
                found = [a for a in self._resolve_heads(hung, lang, when, ctx) if a.resolved
                         and not any(same_actor(a, s) for s in out.sources if s.resolved)]
                if found:
                    out.targets = found
        elif (pred.type in REACTION_TYPES and not authored
              and any(h.i in by_index and h.pos_ == "NOUN" for _, h in target_heads)):
            # "la rupture avec Israël, annoncée par Petro, a été saluée par le Hamas": the praise
            # goes to who acted, not to the country named inside the act
            self._targets_from_heads(out, [h for _, h in target_heads if h.i in by_index], trig, res,
                                     lang, when, ctx, by_index)
        if pred.pos == "VERB" and pred.symmetric and not out.pair and not any(a.resolved for a in out.targets):
            # the partner of a meeting, hung by the parser on a noun of the verb's adverbials (not
            # the partner of an act named there: "… pour des pourparlers sur un cessez-le-feu avec la
            # Russie")
            stray = [h for h in stray_prepositional_heads(tok, tuple(p for p in spec if p in cues.partner_prepositions))
                     if not any(a.i in by_index and a.i != tok.i for a in _ancestors_below(h, tok))]
            if stray:
                partners = [a for a in self._resolve_heads(stray, lang, when, ctx) if a.resolved]
                if partners:
                    out.pair = partners
        if (borrow and pred.type == "CONSULT" and pred.pos == "NOUN" and not any(a.resolved for a in out.sources)
                and not any(a.resolved for a in out.pair + out.targets)):
            out.pair = self._parties_of_the_outcome(tok, res, lang, when, ctx, by_index) or out.pair
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
        if (borrow and pred.pos == "NOUN" and pred.cameo == MEDIATION_CAMEO and out.pair
                and not any(a.resolved for a in out.sources) and tok.dep_ in OBJECT
                and tok.head.lemma_.lower() in cues.light_verbs):
            # "Le Qatar a mené une médiation entre Moscou et Kiev": the one who mediates meets each
            # party, the two parties do not meet each other
            parties = {a.country for a in out.pair if a.resolved}
            mediators = [a for a in self._borrowed_subject(tok, res, lang, when, ctx, False, by_index)
                         if a.resolved and a.country not in parties]
            if mediators:
                out.sources = mediators
        if (borrow and pred.pos == "NOUN" and not any(a.resolved for a in out.sources)
                and (out.pair or (pred.symmetric and any(a.resolved for a in out.targets)))):
            out.sources = self._party_of_the_clause(tok, out, res, lang, when, ctx) or out.sources
        if not any(a.resolved for a in out.targets) and not out.pair and pred.pos == "NOUN":
            out.targets = (self._governor_targets(tok, spec, lang, when, ctx)
                           or (nested_agent is None and self._window_target(tok, spec, lang, when, ctx)) or out.targets)
        if pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._target_inside_object(tok, spec, lang, when, ctx) or out.targets
        if pred.type in NATIONALITY_TARGET_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            owners = self._nationality_of_things([h for _, h in sorted(target_heads, key=lambda x: x[0])],
                                                 lang, when, ctx)
            if owners:
                out.targets = owners
        if pred.type in EMBASSY_TYPES:
            self._embassy_protested(tok, out, res, lang, when, ctx)
        if (passive and pred.type in ("ACCUSE", "SANCTION") and tok.lemma_.lower() in cues.envoy_verbs
                and not out.pair and not any(a.resolved for a in out.sources)):
            # "l'ambassadeur d'Israël a été convoqué à Ankara", "le consul de France au Niger a été
            # expulsé": the state where it happens (or where the envoy serves) summons or expels
            self._state_of_the_post(tok, out, args, res, lang, when, ctx, summons=pred.type == "ACCUSE")
        if not ((pred.type == "COERCE" or pred.mode == "convict") and passive
                and self._state_of_the_place(out, args, res, lang, when, ctx)):
            self._locative_or_civilian_target(tok, pred, out, args, res, lang, when, ctx)
        if borrow and pred.type == "MOBILIZE" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._warned_by_deployment(tok, out, res, lang, when, ctx, by_index) or out.targets
        if pred.type == "ASSAULT" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._held_by_whom_it_retakes(tok, out, res, lang, when, ctx) or out.targets
        if (pred.type in ("ASSAULT", "COERCE") and pred.pos == "VERB" and not out.pair
                and tok.lemma_.lower() in cues.retaking_verbs and not any(a.resolved and a.sector for a in out.targets)):
            out.targets = self._whom_ground_is_taken_from(tok, out, lang, when, ctx) or out.targets
        if pred.type == "ASSAULT" and pred.pos == "NOUN" and not out.pair and tok.dep_ in _TARGETED_DEPS:
            self._targeted_by_the_attack(tok, out, cues, lang, when, ctx)
        if (pred.type == "ASSAULT" and pred.pos == "NOUN" and not out.pair and tok.dep_ == "nsubj"
                and tok.head.lemma_.lower() in KILLING_VERBS and not any(a.resolved for a in out.targets)):
            # "Une frappe israélienne a tué trois membres du Hezbollah": who the attack killed
            killed = [c for c in tok.head.children if c.dep_ in OBJECT]
            sides = {a.country for a in out.sources if a.resolved}
            out.targets = [a for a in self._resolve_heads(killed, lang, when, ctx)
                           if a.resolved and (a.country not in sides or a.sector)] or out.targets
        if pred.mode == "visit" and out.targets and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._host_of_the_venue(tok, out, [h for _, h in target_heads], ctx) or out.targets
        if pred.type in BORDER_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._facing_the_border(tok, out, res, lang, when, ctx, by_index) or out.targets
        if (pred.pos == "NOUN" and pred.type in DRAWN_TYPES and tok.dep_ in OBJECT
                and tok.head.lemma_.lower() in cues.drawing_verbs):
            self._drawn_reaction(tok, out, res, lang, when, ctx, by_index)
        if borrow and pred.type in REACTION_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._reaction_to_governing_act(tok, out, res, lang, when, ctx, by_index) or out.targets
        if (borrow and ctx.acts and not out.pair and not any(a.resolved for a in out.targets)
                and _answers(trig, cues)):
            # "Moscou a expulsé deux diplomates britanniques. Londres a promis une riposte": the
            # answer goes to whoever acted on the one who answers
            first = next((a for a in out.sources if a.resolved), None)
            answered = ctx.acted_on(first.country) if first is not None else None
            if answered is not None:
                out.targets = [answered]
        if pred.pos == "VERB" and tok.dep_ in ("acl:relcl", "relcl", "acl") and not passive:
            self._object_relative_roles(tok, out, res, lang, when, ctx, pred.target)
        if pred.type == "AID" and tok.lemma_.lower() in cues.receiving_verbs and not passive:
            self._received_aid_roles(args, out, res, lang, when, ctx)
        if (pred.type == "COOPERATE" and passive and tok.lemma_.lower() in cues.extradition_verbs
                and not any(a.resolved for a in out.sources)):
            self._extradition_roles(args, out, res, lang, when, ctx)
        if pred.type == "REJECT" and (
                any(names_a_resolution(h, cues) for _, h in target_heads)
                # "la résolution …, bloquée par le veto américain": a veto that blocks a resolution
                # named anywhere in the sentence, wherever the parser hung the two
                or (pred.cameo == VETO_CAMEO and not any(a.resolved for a in out.targets)
                    and any(t.pos_ == "NOUN" and names_a_resolution(t, cues) for t in tok.sent))):
            # "ont mis leur veto à un projet de résolution américain": what is blocked is a decision
            # of the Security Council
            un = self.resolver.kb.organisations.get(UN_KEY)
            if un is not None:
                out.targets = [Actor(un.name, un.code, un.country, un.sector, un.name, un.entity_id)]
        if pred.type == "THREATEN" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._threatened_on_condition(tok, out, lang, when, ctx) or out.targets
        if pred.type == "REQUEST" and pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._actor_of_requested_act(tok, trig, out, res, lang, when, ctx) or out.targets
        if pred.type in PARTIES_OF_CONTENT_TYPES and pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._parties_of_proposed_act(tok, out, cues, lang, when, ctx) or out.targets
        if pred.type in CONTENT_TARGET_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._target_in_content(tok, out, lang, when, ctx) or out.targets
        if pred.type == "ACCUSE" and pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._author_of_the_occasion(tok, out, lang, when, ctx) or out.targets
        if pred.type == "SUPPORT" and pred.pos == "VERB" and not out.pair:
            out.targets = self._country_of_the_reason(tok, out, res, lang, when, ctx) or out.targets
        if pred.type in BENEFICIARY_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._beneficiary_of_supported_act(target_heads, out, lang, when, ctx) or out.targets
        if pred.type == "ACCUSE" and pred.pos == "VERB":
            self._accusation_in_apposition(tok, out, lang, when, ctx)
        if pred.type == "ASSAULT" and passive and not any(a.resolved for a in out.sources):
            out.sources = self._interceptor_who_reports(tok, out, lang, when, ctx) or out.sources
        if pred.type in DOMESTIC_TYPES:
            domestic_target(out, ctx, cues.civilian_words)
        self._participle_agent_source(tok, pred, out, res, lang, when, ctx)
        if pred.type == "PROTEST":
            self._protest_roles(tok, pred, out, args, res, lang, when, ctx)
        self._resumed_act_target(tok, pred, out, res, lang, when, ctx)
        self._at_the_request_target(tok, pred, out, res, lang, when, ctx)
        own = {a.country for a in out.sources if a.resolved}
        if act_targets and not out.pair and not any(a.resolved and a.country not in own for a in out.targets):
            # (the people killed, placed by no country of their own, are the attacked place's)
            out.targets = [Actor(text=t.text, code=a.country + t.sector, country=a.country, sector=t.sector)
                           if t.sector and t.country in own and a.country else a
                           for a in act_targets for t in (out.targets or [a])][:len(act_targets)]
        counterpart_sector(out, cues.counterpart_words)
        return out

    def _town_country(self, tok: Token, ctx: DocumentContext) -> str | None:
        """The country of a town named as where the clause of ``tok`` happens ("à Nanterre"),
        read from the gazetteer (its most likely place, given the article's countries)."""
        gazetteer = getattr(self, "gazetteer", None)
        if gazetteer is None:
            return None
        inside = {t.i for t in tok.subtree}
        context = PlaceContext(dateline_country=ctx.dateline.place.country if ctx.dateline else None,
                               countries=ctx.sentence_countries + ctx.salient_countries())
        for mention in find_places(tok.sent, gazetteer):
            if mention.start not in inside or place_role(mention, tok.sent) != "location":
                continue
            chosen = choose(mention, context)
            if chosen is not None and chosen.country:
                return chosen.country
        return None

    def _host_of_the_venue(self, tok: Token, out: Roles, heads: list[Token], ctx: DocumentContext) -> list[Actor]:
        """"se rendre au sommet des Amériques de Los Angeles", "travelled to Lviv": the host of a
        visit to a town named inside the destination is the town's country (its most likely
        reading), unless it is the visitor's own."""
        gazetteer = getattr(self, "gazetteer", None)
        if gazetteer is None or not heads:
            return []
        inside = {t.i for h in heads for t in h.subtree}
        own = {a.country for a in out.sources if a.resolved}
        for mention in find_places(tok.sent, gazetteer):
            if mention.start not in inside or not tok.doc[mention.start].text[:1].isupper():
                continue
            chosen = choose(mention, PlaceContext(countries=ctx.sentence_countries + ctx.salient_countries()))
            # a town (most likely reading), not a region whose name many countries share ("le Nord")
            if chosen is not None and chosen.kind == "place" and chosen.country and chosen.country not in own:
                return [Actor(text=mention.text, code=chosen.country, country=chosen.country)]
        return []

    def _at_the_request_target(self, tok: Token, pred: Predicate, out: Roles, res: LanguageResources,
                               lang: str, when: date | None, ctx: DocumentContext) -> None:
        """"Israël a autorisé … à la demande de Washington", "at Washington's request": the one
        asked is whoever acts in the clause the request is attached to."""
        if pred.type != "REQUEST" or pred.pos != "NOUN" or out.pair or any(a.resolved for a in out.targets):
            return
        head = tok.head
        if tok.dep_ == "pobj" and head.pos_ == "ADP":
            prep, head = head.lower_, head.head
        else:
            prep = preposition_of(tok)
        if prep not in REQUEST_PREPOSITIONS or tok.dep_ in OBJECT:
            return
        for _ in range(4):  # the verb the phrase hangs on, through nouns the parser put between
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            # a root the parser split off ("… camions-citernes …, à la demande de"): the sentence's verb
            head = next((t for t in tok.doc if t.dep_ == "ROOT" and t.pos_ == "VERB"), head)
        heads = [h for h in subjects(head, res.cues.unaccusative_verbs) if h.pos_ != "PRON"]
        while not heads and head.dep_ in ("xcomp", "conj") and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "agreed to let … at Washington's request": the subject of "agreed"
            heads = [h for h in subjects(head, res.cues.unaccusative_verbs) if h.pos_ != "PRON"]
        actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved
                  and not any(same_actor(a, s) for s in out.sources if s.resolved)]
        if actors:
            out.targets = actors

    def _participle_agent_source(self, tok: Token, pred: Predicate, out: Roles, res: LanguageResources,
                                 lang: str, when: date | None, ctx: DocumentContext) -> None:
        """"la rupture des relations, annoncée par le président colombien", "the offensive
        launched by Russia": the agent of an announcing or light verb acts the noun's event."""
        cues = res.cues
        dated = tok.dep_ == "nmod" and tok.head.lemma_.lower() in DAYS_OF_AN_EVENT  # "au premier jour d'une grève"
        if pred.pos != "NOUN" or out.pair or (tok.dep_ not in SUBJECT | PASSIVE_SUBJECT | OBJECT | {"ROOT", "appos"}
                                              and not dated):
            return  # an act named in passing ("inquiets des droits de douane annoncés par …") is not coded
        # ("une grève de trois jours lancée par …": the participle hung on the duration)
        durations = [c for c in tok.children if c.dep_ in ("nmod", "prep", "pobj") and is_duration(c)]
        for acl in [*tok.children, *(g for d in durations for g in d.children)]:
            lemma = acl.lemma_.lower()
            if acl.dep_ != "acl" or (lemma not in cues.light_verbs and lemma not in cues.reporting_verbs):
                continue
            agents = [a.head for a in arguments(acl, cues.unaccusative_verbs) if a.role == "agent"]
            actors = [a for a in self._resolve_heads(agents, lang, when, ctx) if a.resolved]
            if actors:
                out.sources = actors
                return

    def _resumed_act_target(self, tok: Token, pred: Predicate, out: Roles, res: LanguageResources, lang: str,
                            when: date | None, ctx: DocumentContext) -> None:
        """"…, un geste salué par Varsovie" / "…, a gesture that Ankara welcomed": the praise
        or criticism of a noun that sums up the clause before goes to that clause's actors."""
        cues = res.cues
        if not cues.resumptive_nouns or out.pair or pred.type not in REACTION_TYPES:
            return
        candidates = [tok.head, *(c for c in tok.children if c.dep_ in OBJECT | PASSIVE_SUBJECT)]
        noun = next((t for t in candidates if t.i != tok.i and t.pos_ == "NOUN"
                     and t.lemma_.lower() in cues.resumptive_nouns), None)
        if noun is None:
            return
        after_comma = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
        if noun.dep_ not in ("appos", "npadvmod", "obl:mod", "dep", "parataxis") and not (noun.dep_ in OBJECT and after_comma):
            return  # only a noun set beside a clause, not "la décision de Paris"
        if any(a.resolved and not any(same_actor(a, s) for s in out.sources if s.resolved) for a in out.targets):
            return  # a recipient of its own ("une décision saluée par Bruxelles" is read as Brussels' own)
        current = noun
        for _ in range(5):
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                heads = [h for h in subjects(current, cues.unaccusative_verbs) if h.pos_ != "PRON"]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved
                          and not any(same_actor(a, s) for s in out.sources if s.resolved)]
                if actors:
                    out.targets = actors
                    return
            if current.head.i == current.i:
                return

    def _whom_ground_is_taken_from(self, tok: Token, out: Roles, lang: str, when: date | None,
                                   ctx: DocumentContext) -> list[Actor]:
        """"ont repris le contrôle de Kidal aux rebelles touareg": ground taken back is taken from
        whom the "à" phrase names, on the verb or on its object."""
        heads = [tok, *(c for c in tok.children if c.dep_ in OBJECT)]
        holders = [c for h in heads for c in h.children
                   if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "iobj") and preposition_of(c) in ("à", "au", "aux")]
        own = {a.country for a in out.sources if a.resolved}
        found = self._resolve_heads(holders, lang, when, ctx)
        country = next((a.country for a in out.sources if a.resolved and a.country), None)
        if country is not None:
            # "aux rebelles touareg": rebels of no named country hold ground of the first side's own
            found = [Actor(text=a.text, code=country + "REB", country=country, sector="REB")
                     if not a.resolved and a.sector == "REB" else a for a in found]
        return [a for a in found
                if a.resolved and a.country and not (a.country in own and a.sector is None)
                and not any(same_actor(a, s) for s in out.sources if s.resolved)]

    def _targeted_by_the_attack(self, tok: Token, out: Roles, cues: Cues, lang: str, when: date | None,
                                ctx: DocumentContext) -> None:
        """"Kiev a été visée par une attaque de missiles russes", "Le Hezbollah a été visé par une
        série de frappes israéliennes", "Une base américaine a été la cible de tirs": the
        subject of the targeting verb or of "la cible" undergoes the attack, and the
        nationality of the attack, of its series or of its weapons names who made it."""
        node = tok
        if node.dep_ == "nmod" and node.head.lemma_.lower() in cues.quantifier_nouns:
            node = node.head  # "une série de frappes"
        governor = node.head
        if node.dep_ == "obl:agent" and governor.lemma_.lower() in TARGETING_VERBS:
            patients = [c for c in governor.children if c.dep_ in ("nsubj:pass", "nsubjpass")]
        elif node.dep_ == "nmod" and governor.lemma_.lower() in TARGET_NOUNS:
            patients = [c for c in governor.children if c.dep_ == "nsubj"]
        else:
            return
        victims = [a for a in self._resolve_heads(patients, lang, when, ctx) if a.resolved]
        if not victims:
            return
        if not any(a.resolved for a in out.sources):
            weapons = cues.aerial_weapons | cues.weapon_nouns
            adjectives = [c for c in node.children if c.dep_ == "amod" and c.pos_ == "ADJ"]
            adjectives += [g for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in weapons
                           for g in c.children if g.dep_ == "amod" and g.pos_ == "ADJ"]
            makers = [a for a in self._resolve_heads(adjectives, lang, when, ctx) if a.resolved and a.country]
            if makers:
                out.sources = makers
        sides = {a.country for a in out.sources if a.resolved}
        out.targets = [a for a in victims if a.country not in sides or a.sector] or out.targets

    def _locative_or_civilian_target(self, tok: Token, pred: Predicate, out: Roles, args: list[Argument],
                                     res: LanguageResources, lang: str, when: date | None,
                                     ctx: DocumentContext) -> None:
        """Last resorts for the recipient: a place named after a locative preposition
        ("drills around Taiwan", "troupes envoyées en Ukraine"), or civilians as a group
        ("arrested dozens", "tué des civils") of the country where it happens."""
        cues = res.cues
        source_country = next((a.country for a in out.sources if a.resolved), None)
        if pred.type in CIVILIAN_TYPES and not out.pair:
            # "des dizaines d'écoliers au Burkina Faso": civilians read as the country of the
            # place inside their phrase are that country's civilians
            out.targets = [Actor(text=a.text, code=a.country + "CVL", country=a.country, sector="CVL")
                           if a.resolved and a.country and a.sector is None
                           and set(_WORD_SPLIT.split(a.text.lower())) & cues.civilian_words else a
                           for a in out.targets]
        if out.pair or any(a.resolved for a in out.targets):
            self._crowd_source(out, cues, ctx)
            return
        if pred.type in LOCATIVE_TYPES:
            heads = [a.head for a in args if a.role == "oblique" and a.prep in cues.locative_prepositions]
            civilians = pred.type in CIVILIAN_TYPES and any(
                not a.resolved and set(_WORD_SPLIT.split(a.text.lower())) & cues.civilian_words for a in out.targets)
            for actor in self._resolve_heads(heads, lang, when, ctx):
                if actor.resolved and actor.country != source_country:
                    if civilians and actor.country and actor.sector is None:
                        # "ont tué une dizaine de fidèles dans une mosquée du Niger": its civilians
                        actor = Actor(text=actor.text, code=actor.country + "CVL", country=actor.country, sector="CVL")
                    out.targets = [actor]
                    return
        self._crowd_source(out, cues, ctx)
        for actor in out.targets:
            # "une centaine d'élèves": the words split on elisions too
            head = _WORD_SPLIT.split(actor.text.lower())
            if not actor.resolved and head and set(head) & cues.civilian_words and pred.type in CIVILIAN_TYPES:
                country = next((c for c in ctx.sentence_countries if c != source_country), source_country)
                if country:
                    out.targets = [Actor(text=actor.text, code=country + "CVL", country=country, sector="CVL")]
                return

    def _embassy_protested(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                           when: date | None, ctx: DocumentContext) -> None:
        """"Des manifestants se sont rassemblés devant l'ambassade de France à Niamey",
        "Manifestation devant l'ambassade d'Israël à Amman": a protest at an embassy is aimed
        at the state the embassy represents, and the crowd belongs to the country where it
        stands (the town named, else another country of the sentence), not to the embassy's."""
        cues = res.cues
        embassy = next((t for t in tok.subtree if t.lemma_.lower() in EMBASSY_NOUNS and t.i != tok.i
                        and t.head.i in (tok.i, *(c.i for c in tok.children))), None)
        if embassy is None:
            return
        owner_heads = [c for c in embassy.children
                       if (c.dep_ in ("nmod", "prep") and preposition_of(c) in cues.source_prepositions | {"of"})
                       or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"))]
        owners = [a for a in self._resolve_heads(owner_heads, lang, when, ctx) if a.resolved and a.country]
        if not owners or any(a.resolved for a in out.targets) or out.pair:
            return
        owner = owners[0].country
        out.targets = [Actor(text=owners[0].text, code=owner + "GOV", country=owner, sector="GOV")]
        crowd = [a for a in out.sources if not a.resolved or (a.country == owner and a.sector in (None, "CVL"))]
        if len(crowd) != len(out.sources):
            return
        crowd = crowd or [Actor(text=tok.text)]  # "Manifestation devant l'ambassade …": nobody named
        near = (*embassy.children, *tok.children)
        towns = [c for c in near if c.pos_ == "PROPN" and preposition_of(c) in cues.locative_prepositions]
        towns += [g for c in near if c.dep_ == "prep" and c.lower_ in cues.locative_prepositions
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]  # "in Baghdad"
        hosts = [a.country for a in self._resolve_heads(towns, lang, when, ctx) if a.resolved and a.country]
        host = next((c for c in (*hosts, *ctx.sentence_countries) if c and c != owner), None)
        if host:
            out.sources = [Actor(text=crowd[0].text, code=host + "CVL", country=host, sector="CVL")]
        elif all(a.resolved for a in crowd):
            out.sources = []  # the embassy's own country is not the crowd's

    @staticmethod
    def _crowd_source(out: Roles, cues: Cues, ctx: DocumentContext) -> None:
        """"Des manifestants ont envahi le Parlement kényan": civilians of the country named."""
        crowd = [a for a in out.sources if not a.resolved and set(a.text.lower().split()) & cues.civilian_words]
        if not crowd or any(a.resolved for a in out.sources):
            return
        target_country = next((a.country for a in out.targets if a.resolved), None)
        country = target_country or next(iter(ctx.sentence_countries), None)
        if country:
            out.sources = [Actor(text=crowd[0].text, code=country + "CVL", country=country, sector="CVL")]

    def _interceptor_who_reports(self, tok: Token, out: Roles, lang: str, when: date | None,
                                 ctx: DocumentContext) -> list[Actor]:
        """"« 41 drones ukrainiens ont été interceptés et détruits », a affirmé le ministère russe
        de la Défense", "… abattus dans la nuit, selon l'armée de l'air ukrainienne": drones or
        missiles brought down, with no agent, by the account of another country's armed forces
        or government, were brought down by them."""
        cues = self.languages[lang].cues
        undergoers = [a.head for a in arguments(tok, cues.unaccusative_verbs) if a.role == "passive_subject"]
        if not any(u.lemma_.lower() in cues.aerial_weapons for u in undergoers):
            return []
        current = tok
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head  # "interceptés et détruits": the speaker of the first
        speaker_tok = reporting_speaker(current, cues) or next(iter(ctx.sentence_sources), None)
        if speaker_tok is None:
            return []  # ("…, selon l'armée de l'air ukrainienne": the account of the sentence)
        speaker = self._actor_for_phrase(speaker_tok, lang, when, ctx)
        owners = {a.country for a in out.targets if a.resolved}
        if not speaker.resolved or speaker.sector not in ("MIL", "GOV") or not owners or speaker.country in owners:
            return []
        return [speaker]

    def _accusation_in_apposition(self, tok: Token, out: Roles, lang: str, when: date | None,
                                  ctx: DocumentContext) -> None:
        """"Londres a gelé les avoirs d'Itamar Ben Gvir, accusé d'inciter à la violence": who
        acts in the clause accuses; the one described is accused."""
        accused = accused_in_apposition(tok)
        if accused is None:
            return
        cues = self.languages[lang].cues
        verb = next((a for a in accused.ancestors if a.pos_ in ("VERB", "AUX") and a.i != tok.i
                     and subjects(a, cues.unaccusative_verbs)), None)
        if verb is None:
            return
        accusers = [a for a in self._resolve_heads(subjects(verb, cues.unaccusative_verbs), lang, when, ctx)
                    if a.resolved]
        targets = [a for a in self._resolve_heads([accused], lang, when, ctx) if a.resolved]
        if not targets:
            # "… du ministre israélien de la Sécurité nationale, Itamar Ben Gvir, accusé …"
            role = apposed_role(accused)
            targets = [a for a in self._resolve_heads([role], lang, when, ctx) if a.resolved] if role else []
        if accusers and targets:
            out.sources, out.targets, out.pair = accusers, targets, []

    def _targets_from_heads(self, out: Roles, heads: list[Token], trig: Trigger, res: LanguageResources,
                            lang: str, when: date | None, ctx: DocumentContext,
                            by_index: dict[int, Trigger]) -> None:
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
                    if earlier is None and _demonstrative(head, cues):
                        # "l'Iran a libéré … Paris a salué cette libération": the same kind of act
                        earlier = ctx.type_actors.get(inner.predicate.type)
                        if earlier is None and trig.predicate.type in REACTION_TYPES:
                            # "… a expulsé un diplomate. Ottawa a dénoncé cette expulsion": the act
                            # before, named by a noun of another type
                            earlier = ctx.last_event_actor
                    actors = [earlier] if earlier is not None else []
                if actors:
                    out.targets = actors
                    return
            elif (inner is None and trig.predicate.type in REACTION_TYPES and ctx.last_event_actor is not None
                  and head.pos_ == "NOUN" and _demonstrative(head, cues)):
                # "Paris a regretté cette décision", "Washington a salué ce geste": the act of the
                # sentences before, whose author is the recipient
                out.targets = [ctx.last_event_actor]
                return

    def _borrowed_subject(self, tok: Token, res: LanguageResources, lang: str, when: date | None,
                          ctx: DocumentContext, passive: bool, by_index: dict[int, Trigger]) -> list[Actor]:
        """The subject of the verb that controls ``tok`` (xcomp, conjunct verb, light verb, relative clause).

        A noun does not take the subject of a verb that is an event of its own
        ("l'UA a salué l'accord signé à Pretoria": the accord is not the AU's).
        """
        current = tok
        for step in range(4):
            head = current.head
            if head.pos_ == "ADP" and current.dep_ == "pobj":  # English: noun under a preposition
                current, head = head, head.head
            if current.dep_ == "nmod" and head.lemma_.lower() in res.cues.quantifier_nouns and head.head.i != head.i:
                current, head = head, head.head  # "adopter leur paquet de sanctions"
            if step == 0 and tok.pos_ in ("NOUN", "PROPN") and head.i in by_index and not (
                    head.lemma_.lower() in res.cues.decision_verbs
                    and by_index[head.i].predicate.type in ("AGREE", "SUPPORT")):
                return []  # (but "EU leaders agreed new sanctions": the decision is the sanction)
            if head.i == current.i:
                return []
            dep = current.dep_
            if dep == "acl" and head.lemma_.lower() in res.cues.statement_nouns and head.head.i != head.i:
                current = head  # "a adopté une résolution exigeant …": whoever adopted it demands
                continue
            if dep in ("relcl", "acl:relcl", "acl"):
                return self._resolve_heads([head], lang, when, ctx)
            if dep not in ("xcomp", "conj", "obj", "dobj", "obl:arg", "obl:mod", "pcomp", "prep", "pobj", "advcl", "obl", "nsubj", "acomp") and not (current.pos_ in ("NOUN",) and dep in SUBJECT):
                return []
            if dep in SUBJECT:
                return []
            if current.pos_ in ("NOUN", "PROPN") and dep not in OBJECT and head.lemma_.lower() not in res.cues.light_verbs:
                return []  # "contribuera … sur les attaques": an oblique noun is not the verb's act
            heads = []
            if dep in ("xcomp", "advcl") and head.lemma_.lower() in res.cues.object_control_verbs:
                # "accuse Washington de livrer des armes": the object does the embedded act
                heads = [c for c in head.children if c.dep_ in OBJECT and c.i != current.i]
            heads = heads or [c for c in subjects(head, res.cues.unaccusative_verbs) if c.i != current.i]
            if not heads and dep == "xcomp" and lang == "fr":
                # "le Mali est disposé à coopérer", "X a été autorisé à rencontrer": the passive
                # subject of the governing verb does the embedded act
                heads = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT and c.i != current.i]
            if not heads:
                heads = [c for c in head.children if c.dep_ == "agent" or c.dep_ == "obl:agent"]
                heads = [next((g for g in h.children if g.dep_ == "pobj"), h) if h.dep_ == "agent" else h for h in heads]
            if heads:
                actors = self._resolve_heads(heads, lang, when, ctx)
                if any(a.resolved for a in actors):
                    return actors
            current = head
        return []

    def _party_of_the_clause(self, tok: Token, out: Roles, res: LanguageResources, lang: str, when: date | None,
                             ctx: DocumentContext) -> list[Actor]:
        """"L'Arménie a décrété la loi martiale après des affrontements avec l'Azerbaïdjan",
        "India closed the border after clashes with Pakistan": a fight with someone, named in
        an adverbial of a clause, is fought by that clause's subject."""
        head = tok.head
        if tok.dep_ == "pobj" and head.pos_ == "ADP":
            head = head.head
        elif tok.dep_ not in ("obl", "obl:mod", "advcl"):
            return []
        if head.pos_ not in ("VERB", "AUX") or head.i == tok.i:
            return []
        partners = {a.country for a in out.pair + out.targets if a.resolved}
        heads = [h for h in subjects(head, res.cues.unaccusative_verbs) if h.pos_ != "PRON"]
        actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved and a.country]
        return actors if actors and not any(a.country in partners for a in actors) else []

    def _target_inside_object(self, tok: Token, spec: Sequence[str], lang: str, when: date | None,
                              ctx: DocumentContext) -> list[Actor]:
        """"ont dépêché des équipes de secouristes en Turquie": the recipient's phrase, by its
        preposition one of the verb's own ("en", "à", "contre"), hung by the parser inside the
        object rather than on the verb."""
        preps = {p for p in spec if p not in ("obj", "iobj", "dobj")} - GENITIVES
        if not preps:
            return []
        for obj in (c for c in tok.children if c.dep_ in OBJECT or (c.dep_ == "obl:arg" and _partitive(c))):
            layer = [obj]
            for _ in range(3):
                layer = [c for t in layer for c in t.children if c.dep_ in ("nmod", "prep", "pobj")]
                heads = [t for t in layer if preposition_of(t) in preps]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                if actors:
                    return actors
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
        if end <= tok.i + 1 or tok.doc[tok.i + 1].lower_ not in GENITIVES:
            return []  # only "la réunion du président … et du chef …": a genitive names the actors
        span_text = tok.doc[tok.i + 1:end].text
        chunks = [c for c in split_conjuncts(span_text, lang) if c.strip()]
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

    def _borrow_embedded(self, trig: Trigger, args: Roles, triggers: Sequence[Trigger], res: LanguageResources,
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

    # ------------------------------------------------------------------ dyads
    def _dyads(self, pred: Predicate, args: Roles, ctx: DocumentContext) -> list[tuple[Actor | None, Actor | None]]:
        symmetric = bool(pred.symmetric) or self.ontology.is_symmetric(pred.type) or args.reciprocal or args.mutual
        sources, targets, pair = args.sources, args.targets, args.pair
        resolved_sources = unique_actors([a for a in sources if a.resolved])
        if symmetric and args.object_target and len(resolved_sources) >= 2 and not pair:
            named = unique_actors([t for t in targets if t.resolved])
            if named and not any(same_actor(s, t) for s in resolved_sources for t in named):
                # "la France et l'Allemagne ont rencontré le président ukrainien": each party met
                # the one named as its partner, not each other
                return [(s, t) for s in resolved_sources for t in named]
        if symmetric and (not targets or len(resolved_sources) >= 2) and not (pair and resolved_sources):
            group = unique_actors(sources + pair)
            if len(group) >= 2:
                pairs = list(itertools.combinations(group, 2))
                if not self.ontology.is_symmetric(pred.type) and (args.mutual or args.reciprocal
                                                                  or pred.type in TWO_SIDED_TYPES):
                    # "l'Inde et le Pakistan ont échangé des tirs", "la trêve entre Israël et le
                    # Hamas": each side acts on the other, one event per side (guideline §3)
                    pairs += [(b, a) for a, b in pairs]
                return pairs
        if pair:
            if sources and any(a.resolved for a in sources):
                return [(s, t) for s in sources for t in pair]
            group = unique_actors(pair)
            if len(group) < 2:
                return [(None, group[0])]
            # "la trêve entre Israël et le Hamas": a two-sided act is one event per side
            # (annotation guideline §3); symmetric types need only one
            return list(itertools.combinations(group, 2) if symmetric else itertools.permutations(group, 2))
        if not any(t.resolved for t in targets):
            targets = self._inferred_target(pred, sources, args, ctx) or targets
        if not sources:
            return [(None, t) for t in targets]
        if not targets:
            return [(s, None) for s in sources]
        return [(s, t) for s in sources for t in targets]

    @staticmethod
    def _attack_behind_harm(verb: Token, by_index: dict[int, Trigger]) -> Token | None:
        """The attack noun hung on a passive verb of harm: "tués dans une frappe israélienne",
        "blessés lors d'une attaque", "tués par une frappe russe", "killed in an Israeli strike"."""
        nouns = [c for c in verb.children if c.dep_ in ("obl", "obl:mod", "obl:arg", "obl:agent", "nmod")]
        nouns += [g for c in verb.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
        for noun in nouns:
            attack = by_index.get(noun.i) if noun.pos_ == "NOUN" else None
            if attack is not None and attack.predicate.type == "ASSAULT":
                return noun
        return None

    def _authors_of_the_attack(self, noun: Token, attack: Trigger, res: LanguageResources, lang: str,
                               when: date | None, ctx: DocumentContext) -> list[Actor]:
        """Who made an attack named by a noun: its own source, else the country of its adjective."""
        nested = self._arguments(attack, res, lang, when, ctx, {}, borrow=False)
        found = [a for a in nested.sources if a.resolved]
        if not found:
            own = self._nationality_of(noun, lang, when, ctx)
            found = [own] if own is not None else []
        return found

    def _place_of_the_attack(self, noun: Token, cues: Cues, lang: str, when: date | None,
                             ctx: DocumentContext) -> str | None:
        """The country of the place an attack noun names ("une frappe russe à Kharkiv")."""
        heads = [c for c in noun.children if c.dep_ in ("nmod", "obl", "obl:mod")
                 and preposition_of(c) in cues.locative_prepositions]
        for actor in self._resolve_heads(heads, lang, when, ctx):
            if actor.resolved and actor.country:
                return actor.country
        for head in heads:  # a town: its country, from the gazetteer
            country = self._town_country(head, ctx)
            if country is not None:
                return country
        return None

    def _parties_of_proposed_act(self, tok: Token, out: Roles, cues: Cues, lang: str, when: date | None,
                                 ctx: DocumentContext) -> list[Actor]:
        """"l'Égypte a proposé une nouvelle trêve entre Israël et le Hamas", "a appelé à un
        cessez-le-feu entre l'Inde et le Pakistan": an offer or a call of an act between two
        parties goes to each party (not to the one who offers or calls)."""
        own = [a for a in out.sources if a.resolved]
        # also the object of the verb offered or called for ("a proposé d'accueillir des
        # pourparlers entre la Russie et l'Ukraine")
        heads = [tok, *(c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
        for noun in (n for h in heads for n in h.children):
            if noun.pos_ != "NOUN" or not (noun.dep_ in OBJECT or preposition_of(noun) in ("à", "to", "for")):
                continue
            between = [c for c in noun.children if preposition_of(c) in cues.dyad_prepositions]
            if not between:
                continue
            parties = [a for a in self._resolve_heads(between, lang, when, ctx)
                       if a.resolved and not any(same_actor(a, s) for s in own)]
            if len(parties) >= 2:
                return parties
        return []

    def _object_names_an_actor(self, head: Token, lang: str, when: date | None, ctx: DocumentContext) -> bool:
        """Whether a phrase names an actor by its own words: a name or a word for an actor ("la
        délégation ukrainienne"), not a thing with a clause or a phrase hung on it ("un
        cessez-le-feu négocié sous l'égide de Washington" names no one)."""
        cues = self.languages[lang].cues
        if head.pos_ != "PROPN" and head.lemma_.lower() not in cues.actor_nouns | cues.counterpart_words \
                and head.lower_ not in cues.actor_nouns:
            return False  # "ont accepté un cessez-le-feu … sous médiation qatarie": a thing, not a partner
        cut = {t.i for c in head.children if c.dep_ in ("acl", "acl:relcl", "relcl") for t in c.subtree}
        text = " ".join("".join(t.text_with_ws for t in head.subtree if t.i not in cut).split())
        actor = self.resolver.resolve(text, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
        return actor is not None and actor.resolved

    def _inferred_target(self, pred: Predicate, sources: list[Actor], args: Roles, ctx: DocumentContext) -> list[Actor]:
        if not self.options.infer_required_targets or not sources or not sources[0].resolved:
            return []
        info = self.ontology.type_info(pred.type)
        if not info.requires_target:
            return []
        other = ctx.other_than(sources[0].country, text="")
        if other is None or any(s.country == other.country for s in sources):
            return []  # not one of the act's own sources ("l'Algérie, la Grèce et Israël ont dépêché …")
        args.inferred = True
        return [other]

    # ------------------------------------------------------------------ records

def _recipient_on_the_author(noun: Token, source_heads: Sequence[Token], spec: Sequence[str], cues: Cues) -> list[Token]:
    """The phrases of an event noun's "de" phrase (its author) that open with one of the
    row's recipient prepositions; a "de" phrase there counts only when it is a name (a country
    left: "le retrait des troupes françaises du Sénégal")."""
    preps = {p for p in spec if p not in ("obj", "iobj")}
    found: list[Token] = []
    for author in source_heads:
        if author.head.i != noun.i or preposition_of(author) not in cues.source_prepositions:
            continue
        # down the author's own "de" phrases and adjectives ("la visite d'État du roi Charles III
        # en France", "des troupes américaines d'Irak"), two steps at most
        reach = [(author, 0)]
        while reach:
            word, depth = reach.pop()
            for child in word.children:
                if child.i < author.i:
                    continue
                prep = preposition_of(child) if child.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") else None
                if prep in preps and (prep not in cues.source_prepositions or child.pos_ == "PROPN"):
                    found.append(child)
                elif depth < 2 and (prep in cues.source_prepositions or (child.dep_ == "amod" and child.pos_ == "ADJ")):
                    reach.append((child, depth + 1))
    return sorted(found, key=lambda t: t.i)


def _author_of_text(text: Token, cues: Cues) -> list[Token]:
    """Who adopted, published or signed a text: the subject of the verb the text is the object
    of, or the agent of that verb when the text is its passive subject."""
    verb = text.head
    if verb.i == text.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    if text.dep_ in OBJECT:
        return subjects(verb, cues.unaccusative_verbs)
    if text.dep_ in PASSIVE_SUBJECT:
        return [a.head for a in arguments(verb, cues.unaccusative_verbs) if a.role == "agent"]
    return []


#: types whose object is someone's act or offer: its author is the recipient ("a décliné
#: l'invitation de Moscou")
AUTHORED_OBJECT_TYPES = frozenset({"REJECT"})

#: sectors of armed forces, state or not: the "de" phrase of an attack that names them is its author
ARMED_SECTORS = frozenset({"MIL", "REB", "COP"})

#: sectors of the forces a state deploys where it rules: named with no country, they are the
#: place's ("un policier à Nanterre")
PLACED_FORCES = frozenset({"COP", "MIL"})

#: the CAMEO codes of a veto and of a mediation
VETO_CAMEO = "129"
MEDIATION_CAMEO = "045"

#: the United Nations in the knowledge base's organisations (whose Security Council votes resolutions)
UN_KEY = "united nations"

def _ascribed_to(noun: Token, cues: Cues) -> list[Token]:
    """The phrase a participle of ascribing hung on ``noun`` names as the author: "attribuée
    (par l'armée) aux jihadistes", "claimed by Islamic State", "blamed on Russia"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    for acl in noun.children:
        if acl.dep_ not in ("acl", "amod") or acl.lemma_.lower() not in cues.ascribing_verbs:
            continue
        phrases = [c for c in acl.children if c.pos_ in ("NOUN", "PROPN")] + [
            g for c in acl.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        to = [p for p in phrases if preposition_of(p) in cues.ascribed_to_prepositions]
        by = [p for p in phrases if preposition_of(p) in cues.agent_prepositions]
        return to or (by if acl.lemma_.lower() in cues.claiming_verbs else [])
    return []


#: nouns of a day relative to an event ("au lendemain du séisme", "à la veille du sommet")
RELATIVE_DAYS = frozenset({"lendemain", "veille", "surlendemain", "aftermath", "eve"})
#: days that date a clause by an ongoing event ("au premier jour d'une grève lancée par …")
DAYS_OF_AN_EVENT = RELATIVE_DAYS | {"jour", "day"}
#: partitive articles a parser reads as the preposition "de" ("a dépêché des équipes")
_PARTITIVE_ARTICLES = frozenset({"des", "du"})
#: verbs whose passive subject undergoes the attack named as their agent ("a été visé par une frappe")
TARGETING_VERBS = frozenset({"viser", "cibler", "toucher", "frapper", "target", "hit"})
#: nouns whose subject undergoes the attack named in their complement ("a été la cible de tirs")
TARGET_NOUNS = frozenset({"cible"})
_TARGETED_DEPS = frozenset({"obl:agent", "nmod"})
#: verbs whose object an attack noun as subject killed or wounded
KILLING_VERBS = frozenset({"tuer", "blesser", "kill", "wound"})
#: splits a phrase into words at spaces and elisions ("d'élèves", "l'armée")
_WORD_SPLIT = re.compile(r"[\s'’]+")


def _partitive(tok: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in _PARTITIVE_ARTICLES for c in tok.children)
#: prepositions that name on whom an imposed measure weighs
IMPOSED_ON = frozenset({"à", "sur", "contre", "on", "against", "to"})

def _ancestors_below(tok: Token, top: Token) -> list[Token]:
    """The heads between ``tok`` and its ancestor ``top`` (neither included)."""
    found: list[Token] = []
    for head in tok.ancestors:
        if head.i == top.i:
            break
        found.append(head)
    return found



def _is_time_phrase(tok: Token, cues: Cues) -> bool:
    lemma = tok.lemma_.lower()
    return (lemma in cues.time_nouns or tok.lower_ in cues.time_nouns or lemma in DURATION_UNITS
            or lemma in RELATIVE_DAYS)




def target_rank(arg: Argument, spec: Sequence[str]) -> int | None:
    if arg.role == "object":
        key = "obj"
    elif arg.role == "iobj":
        key = "iobj"
    elif arg.role == "oblique" and arg.prep:
        key = arg.prep
    else:
        return None
    return spec.index(key) if key in spec else None


def split_conjuncts(text: str, lang: str) -> list[str]:
    word = r"\bet\b" if lang == "fr" else r"\band\b"
    return re.split(rf"{word}|,", text)


def complete_first(pairs: list[tuple[Actor | None, Actor | None]]) -> list[tuple[Actor | None, Actor | None]]:
    """When some dyads of a trigger have both actors resolved, drop the partial ones."""
    def full(p: tuple[Actor | None, Actor | None]) -> bool:
        return all(a is not None and a.resolved for a in p)

    if any(full(p) for p in pairs):
        return [p for p in pairs if full(p)]
    return pairs


def _demonstrative(head: Token, cues: Cues) -> bool:
    """Whether a noun opens on a demonstrative ("cette décision", "ce geste", "this move")."""
    return any(c.dep_ == "det" and c.lower_ in cues.demonstrative_determiners for c in head.children)


def _answers(trig: Trigger, cues: Cues) -> bool:
    """Whether an act is an answer: "riposter", "promettre une riposte", "a promis de répondre"."""
    tok = trig.token
    words = cues.response_verbs | cues.response_nouns
    if tok.lemma_.lower() in words:
        return True
    doc = tok.doc
    return any(doc[i].lemma_.lower() in words for i in trig.consumed) or any(
        c.dep_ in ("obj", "dobj", "xcomp") and c.lemma_.lower() in words for c in tok.children)

