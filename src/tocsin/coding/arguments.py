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
from tocsin.coding.qualifiers import Cues
from tocsin.coding.readings import (
    REACTION_TYPES,
    RELATIVE_DAYS,
    RoleReadings,
    _demonstrative,
)
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
    preposition_of,
    subjects,
)
from tocsin.coding.triggers import passive_participle
from tocsin.lang import Predicate
from tocsin.ontology import Ontology
from tocsin.records import Actor

#: types whose recipient may be named as a place ("exercises around Taiwan")
LOCATIVE_TYPES = frozenset({"MOBILIZE", "ASSAULT", "CONSULT", "AID", "COERCE"})


#: types whose recipient may be the country a border is named after ("massé des troupes le long
#: de la frontière arménienne")
BORDER_TYPES = frozenset({"MOBILIZE", "ASSAULT"})


#: types whose passive subject, with no agent named, is moved by its own side: the forces
#: deployed or put on alert belong to whoever deploys them
SELF_MOVED_TYPES = frozenset({"MOBILIZE"})
#: protests aimed at the state an embassy represents ("devant l'ambassade de France")
EMBASSY_TYPES = frozenset({"PROTEST"})


#: nominal events whose "de/of" phrase names who undergoes them
PATIENT_GENITIVE = frozenset({"ASSAULT", "COERCE"})


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


class ArgumentRules(RoleReadings, RecipientRules, PhraseActors):
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


_TARGETED_DEPS = frozenset({"obl:agent", "nmod"})
#: verbs whose object an attack noun as subject killed or wounded
KILLING_VERBS = frozenset({"tuer", "blesser", "kill", "wound"})


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


def complete_first(pairs: list[tuple[Actor | None, Actor | None]]) -> list[tuple[Actor | None, Actor | None]]:
    """When some dyads of a trigger have both actors resolved, drop the partial ones."""
    def full(p: tuple[Actor | None, Actor | None]) -> bool:
        return all(a is not None and a.resolved for a in p)

    if any(full(p) for p in pairs):
        return [p for p in pairs if full(p)]
    return pairs


def _answers(trig: Trigger, cues: Cues) -> bool:
    """Whether an act is an answer: "riposter", "promettre une riposte", "a promis de répondre"."""
    tok = trig.token
    words = cues.response_verbs | cues.response_nouns
    if tok.lemma_.lower() in words:
        return True
    doc = tok.doc
    return any(doc[i].lemma_.lower() in words for i in trig.consumed) or any(
        c.dep_ in ("obj", "dobj", "xcomp") and c.lemma_.lower() in words for c in tok.children)

