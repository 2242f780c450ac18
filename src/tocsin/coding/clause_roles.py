"""The roles a trigger's own clause names: its subject, agent, objects and obliques sorted
into sources, recipients and a pair, with the phrases of the act the parser hung on other words,
the author of a text the act is a participle of, the act named as a verb's subject, armed forces
in an attack's genitive, the victims of an attack, the forces of a place.

:class:`ClauseRoles` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`, whose
``_arguments`` runs its steps in order on one :class:`RoleReading`; the readings for a role the
clause leaves empty follow in ``role_fallbacks.py``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from tocsin.coding.context import DocumentContext
from tocsin.coding.lexicon_match import passive_participle
from tocsin.coding.model import (
    DEFAULT_TARGETS,
    LanguageResources,
    Roles,
    Trigger,
    same_actor,
    unique_actors,
)
from tocsin.coding.qualifiers import Cues
from tocsin.coding.readings import RELATIVE_DAYS
from tocsin.coding.recipient_phrases import names_the_recipient, target_rank
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
from tocsin.coding.texts import author_of_text
from tocsin.lang import Predicate
from tocsin.records import Actor

#: types whose passive subject, with no agent named, is moved by its own side: the forces
#: deployed or put on alert belong to whoever deploys them
SELF_MOVED_TYPES = frozenset({"MOBILIZE"})

#: nominal events whose "de/of" phrase names who undergoes them
PATIENT_GENITIVE = frozenset({"ASSAULT", "COERCE"})

#: types whose object is someone's act or offer: its author is the recipient ("a décliné
#: l'invitation de Moscou")
AUTHORED_OBJECT_TYPES = frozenset({"REJECT"})

#: sectors of armed forces, state or not: the "de" phrase of an attack that names them is its author
ARMED_SECTORS = frozenset({"MIL", "REB", "COP"})

#: sectors of the forces a state deploys where it rules: named with no country, they are the
#: place's ("un policier à Nanterre")
PLACED_FORCES = frozenset({"COP", "MIL"})

#: prepositions that name on whom an imposed measure weighs
IMPOSED_ON = frozenset({"à", "sur", "contre", "on", "against", "to"})


#: sectors of a state's own forces, which it mobilises
_OWN_FORCES = frozenset({"MIL", "REB", "COP"})

#: nouns of talks a visit is made for ("pour des entretiens avec …")
_TALK_NOUNS = frozenset({"entretien", "discussion", "rencontre", "pourparler", "pourparlers", "négociation",
                         "réunion", "consultation", "échange"})
_PURPOSE_PREPOSITIONS = frozenset({"pour", "afin"})

#: attack nouns whose "de" phrase names the weapon fired ("une frappe de missile russe sur …")
_STRIKE_NOUNS = frozenset({"frappe", "tir", "attaque", "salve", "vague", "raid", "bombardement", "barrage", "pluie"})
#: prepositions of what such a strike is aimed at
_AIMED_AT = frozenset({"sur", "contre"})


@dataclasses.dataclass(slots=True)
class RoleReading:
    """One trigger's roles while they are read, passed from step to step.

    The clause's words for each role are kept as heads (``source_heads``, ``target_heads`` with
    their rank in the row's ``target`` column, ``pair_heads``, ``genitive``) until a step
    resolves them; ``out`` holds the actors found so far. Later steps see what earlier ones
    left: most fill a role only while it has no resolved actor.
    """

    trig: Trigger
    res: LanguageResources
    lang: str
    when: date | None
    ctx: DocumentContext
    by_index: dict[int, Trigger]
    #: whether roles may be borrowed from outside the clause (not when reading a nested act)
    borrow: bool
    tok: Token
    pred: Predicate
    cues: Cues
    #: the row's recipient complements, in order of preference
    spec: Sequence[str]
    args: list[Argument]
    passive: bool
    out: Roles = dataclasses.field(default_factory=Roles)
    source_heads: list[Token] = dataclasses.field(default_factory=list)
    target_heads: list[tuple[int, Token]] = dataclasses.field(default_factory=list)
    pair_heads: list[Token] = dataclasses.field(default_factory=list)
    #: an event noun's "de/of" phrases that name who undergoes it
    genitive: list[Token] = dataclasses.field(default_factory=list)
    #: the agent found inside an event noun's "de" phrase
    nested_agent: Token | None = None
    #: whether an event noun names its "par/by" agent
    agent_named: bool = False
    #: the recipients of an act of the same type named as the subject
    act_targets: list[Actor] = dataclasses.field(default_factory=list)
    #: whether the recipient is the author of what is refused
    authored: bool = False

    @classmethod
    def start(cls, trig: Trigger, res: LanguageResources, lang: str, when: date | None,
              ctx: DocumentContext, by_index: dict[int, Trigger], borrow: bool) -> RoleReading:
        """The reading before any step: the trigger's arguments as the parse gives them."""
        tok = trig.token
        pred = trig.predicate
        cues = res.cues
        spec = tuple(pred.target) or DEFAULT_TARGETS[pred.pos]
        args = list(arguments(tok, cues.unaccusative_verbs))
        passive = pred.pos == "VERB" and (is_passive(tok, cues.unaccusative_verbs) or passive_participle(tok))
        return cls(trig=trig, res=res, lang=lang, when=when, ctx=ctx, by_index=by_index, borrow=borrow,
                   tok=tok, pred=pred, cues=cues, spec=spec, args=args, passive=passive)


class ClauseRoles:
    """The steps that read the roles the trigger's own clause names (mixed into the coder)."""

    def _phrases_hung_elsewhere(self, reading: RoleReading) -> None:
        """Phrases of the act that the parser hung on another word, added to the arguments.

        The noun a passive participle describes undergoes the act ("les entreprises accusées
        de …"); a collocation's noun carries the recipient ("a lancé une attaque contre
        Israël"); a present participle used as an adjective holds the noun's own complement;
        a participle of targeting or imposing on one of the act's nouns names its recipient
        ("les sanctions visant la Syrie", "les restrictions imposées à Séoul")."""
        trig, tok, pred, cues = reading.trig, reading.tok, reading.pred, reading.cues
        args = reading.args
        target_heads = reading.target_heads
        if reading.passive and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in trig.consumed:
            target_heads.append((0, tok.head))  # "les entreprises accusées de …": the noun undergoes it
        for consumed in (tok.doc[i] for i in trig.consumed):
            # "a lancé une attaque contre Israël": the collocation's noun carries the recipient
            args.extend(a for a in arguments(consumed)
                        if a.role == "oblique" and (a.prep in DEFAULT_TARGETS["NOUN"] or a.prep in reading.spec
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

    def _agent_hung_elsewhere(self, reading: RoleReading) -> None:
        """The "par/by" agent the parser hung on another word: on a word of a passive verb's
        clause outside its subject, or inside an event noun's "de" phrase (``nested_agent``).
        Also notes whether an event noun names its agent (``agent_named``), which the sorting
        of arguments needs: with an agent named, the noun's genitive is what undergoes the act."""
        tok, pred, cues, args = reading.tok, reading.pred, reading.cues, reading.args
        nested_agent, agent_named = reading.nested_agent, reading.agent_named
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
        if pred.pos == "NOUN" and not any(a.role == "oblique" and a.prep in cues.agent_prepositions for a in args):
            # "la libération de deux otages par le Hamas": the agent the parser hung on the
            # noun's "de" phrase, the nearer noun
            for arg in list(args):
                if arg.role == "oblique" and arg.prep in cues.source_prepositions and arg.head.i not in reading.by_index:
                    agent = next((c for c in arg.head.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:agent")
                                  and (c.pos_ == "PROPN" or c.dep_ == "obl:agent" or _determined_noun(c))
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
        reading.nested_agent = nested_agent
        reading.agent_named = agent_named

    def _sort_arguments(self, reading: RoleReading) -> None:
        """Each argument to its role: for a verb, the subject or agent is a source, the passive
        subject and the complements of the row's ``target`` column are recipients (ranked by
        that column's order), "entre/between" names a pair; for a noun, possessives, genitives
        and modifiers are sources, except a genitive that names who undergoes the act
        (``genitive``, an attack's or one with an agent named). Attributions, manner, durations
        and re-descriptions are no role."""
        pred, cues, spec, args = reading.pred, reading.cues, reading.spec, reading.args
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        source_heads, target_heads, pair_heads = reading.source_heads, reading.target_heads, reading.pair_heads
        for arg in args:
            role, prep = arg.role, arg.prep
            if prep and prep in cues.attribution_prepositions:
                continue
            if role == "agent" and arg.head.lemma_.lower() in cues.manner_nouns:
                continue  # "condamnée par contumace", "élu par acclamation": how, not by whom
            if pred.pos == "VERB":
                if (role == "subject" and not reading.passive) or role == "agent":
                    source_heads.append(arg.head)
                elif role == "passive_subject" and pred.type in SELF_MOVED_TYPES:
                    if not any(a.role == "agent" for a in args):
                        source_heads.append(arg.head)  # "des troupes russes ont été déployées": Russia deploys them
                    # ("a carrier group has been ordered to the region by the Pentagon": the forces
                    # moved are no recipient)
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
                    possessor = self._possessor(reading.tok, lang, when, ctx)
                    reading.out.sources.extend(possessor)
                    continue
                if role == "oblique" and prep in cues.source_prepositions and is_duration(arg.head):
                    continue  # "une visite de deux jours": how long, not who
                if (role == "oblique" and prep in cues.source_prepositions and pred.type == "ASSAULT"
                        and pred.pos == "NOUN" and reading.tok.lemma_.lower() in _STRIKE_NOUNS
                        and arg.head.lemma_.lower() in cues.aerial_weapons
                        and any(c.dep_ == "amod" for c in arg.head.children)
                        and any(preposition_of(c) in _AIMED_AT for c in reading.tok.children)):
                    # "une frappe de missile russe sur Dnipro": the weapon's nationality is who
                    # strikes, not what is struck (not "l'abattage d'un drone américain")
                    source_heads.append(arg.head)
                    continue
                if (role == "oblique" and prep in cues.source_prepositions and prep not in cues.agent_prepositions
                        and (pred.type in PATIENT_GENITIVE or reading.agent_named)):
                    # "l'invasion de l'Ukraine", "the arrest of Navalny" (but "killings by Russian
                    # troops": the agent)
                    reading.genitive.append(arg.head)
                    continue
                if role == "possessive" or (role == "oblique" and prep in cues.source_prepositions | cues.agent_prepositions) or role == "modifier":
                    if (role == "oblique" and arg.head.i in reading.trig.consumed
                            and any(t.dep_ == "acl" and t.lemma_.lower() in cues.imposing_verbs | cues.targeting_verbs
                                    for t in arg.head.subtree)):
                        # "la levée des sanctions imposées à l'Iran": the row's own noun, described
                        # by a participle, is what is acted on, and the participle's complement
                        # is no author; only the noun's own "de" phrase names one ("des
                        # sanctions de l'UE imposées à …")
                        source_heads.extend(c for c in arg.head.children if c.dep_ in ("nmod", "obl:arg", "obl:mod")
                                            and preposition_of(c) in cues.source_prepositions
                                            and c.i not in reading.by_index)
                    elif arg.head.i not in reading.by_index:
                        source_heads.append(arg.head)
                elif role == "oblique" and prep in cues.dyad_prepositions:
                    pair_heads.append(arg.head)
                else:
                    rank = target_rank(arg, spec)
                    if rank is not None:
                        target_heads.append((rank, arg.head))

    def _subject_heads(self, reading: RoleReading) -> None:
        """A verb's source when no argument named one: a subject the verb was hung under
        ("Poutine et Xi ont signé"), the adopter of a text the verb is a participle of
        (:func:`~tocsin.coding.texts.author_of_text`), else the subject the parser split off.
        The text comes before the split-off subject: it speaks for whoever adopted it."""
        tok, pred, cues, passive = reading.tok, reading.pred, reading.cues, reading.passive
        source_heads = reading.source_heads
        if (pred.pos == "VERB" and tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.i < tok.i
                and not passive and not any(c.dep_ == "case" for c in tok.head.children)):
            # "Poutine et Xi ont signé" parsed with the verb under "Poutine" (not "… à Beyrouth et
            # promis de financer", where the verb is hung on a place)
            source_heads.insert(0, tok.head)
        if (pred.pos == "VERB" and not source_heads and not passive and tok.dep_ == "acl"
                and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in cues.statement_nouns):
            # "a adopté une résolution appelant à un cessez-le-feu", "issued a statement condemning
            # …": the text speaks for whoever adopted or published it
            source_heads = author_of_text(tok.head, cues)
        if pred.pos == "VERB" and not source_heads and not passive:
            source_heads = subjects(tok, cues.unaccusative_verbs)  # includes a subject split off by the parser
        reading.source_heads = source_heads

    def _host_met_on_the_visit(self, reading: RoleReading) -> None:
        """"se rendra à Moscou pour des entretiens avec Vladimir Poutine": the visit is the
        meeting, one event; the host it names ("avec Poutine") is its recipient, in place of the
        bare country of the place, when it is of that country."""
        tok, pred, out = reading.tok, reading.pred, reading.out
        if pred.type != "CONSULT" or pred.mode != "visit" or len(out.targets) != 1:
            return
        place = out.targets[0]
        if not place.resolved or place.sector is not None or not place.country:
            return
        hosts = [g for c in tok.children if c.dep_ in ("obl", "obl:mod", "obl:arg", "advcl")
                 and c.lemma_.lower() in _TALK_NOUNS and preposition_of(c) in _PURPOSE_PREPOSITIONS
                 for g in c.children if g.dep_ in ("nmod", "obl", "obl:mod") and preposition_of(g) == "avec"]
        if not hosts:
            return
        met = [a for a in self._resolve_heads(hosts[:1], reading.lang, reading.when, reading.ctx) if a.resolved]
        if len(met) == 1 and met[0].country == place.country:
            out.targets = met

    def _own_forces_mobilized(self, reading: RoleReading) -> None:
        """"a ordonné la mobilisation de la milice bolivarienne": the forces a state mobilises or
        deploys are its own, not a recipient."""
        out = reading.out
        if reading.pred.type != "MOBILIZE" or not out.targets:
            return
        countries = {a.country for a in out.sources if a.resolved and a.country}
        if countries and all(t.resolved and t.country in countries and t.sector in _OWN_FORCES for t in out.targets):
            out.targets = []

    def _speaker_of_a_quoted_stance(self, reading: RoleReading) -> None:
        """"« Toutes les options sont sur la table », a déclaré le secrétaire d'État": a threat
        said as a predicate noun whose subject is no actor ("les options") is the speaker's,
        the subject of the speech verb it is the content of."""
        tok, pred = reading.tok, reading.pred
        if pred.type != "THREATEN" or pred.pos != "NOUN" or not any(c.dep_ == "cop" for c in tok.children):
            return
        speech = tok.head
        if speech.i == tok.i or speech.pos_ != "VERB" or tok.dep_ not in ("ccomp", "parataxis", "nsubj", "obj"):
            return
        speakers = [c for c in speech.children if c.dep_ in ("nsubj", "obj") and c.i != tok.i and c.pos_ in ("NOUN", "PROPN")]
        if speakers:
            reading.source_heads = speakers[:1]

    def _reciprocal(self, reading: RoleReading) -> None:
        """Whether the act is mutual: "each other", "l'un l'autre", a reciprocal verb."""
        tok, cues = reading.tok, reading.cues
        out = reading.out
        out.reciprocal = any(c.lower_ in cues.reciprocal_words for c in tok.children) or (
            # "l'Inde et le Pakistan se sont accusés de …": "se" on a verb that is not pronominal
            # in the lexicon stands for each other when the subject is a list
            reading.pred.pos == "VERB" and reading.pred.particle != "se" and reading.lang == "fr"
            and any(c.lemma_.lower() == "se" and c.dep_ in ("expl:comp", "obj", "iobj") for c in tok.children)
            and any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in tok.children))
        out.mutual = tok.lemma_.lower() in cues.reciprocal_verbs

    def _possessor_source(self, reading: RoleReading) -> None:
        """An event noun with a possessive determiner and no source yet: the possessor acts
        ("sa visite")."""
        tok = reading.tok
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        if reading.pred.pos == "NOUN" and not out.sources:
            for c in tok.children:
                if c.dep_ in ("det", "det:poss") and c.lower_ in reading.cues.possessive_determiners:
                    out.sources.extend(self._possessor(tok, lang, when, ctx))

    def _aimed_at_by_the_means(self, reading: RoleReading) -> None:
        """An act named as the means of a passive verb of aiming: what it aimed at undergoes it
        ("des villages ont été visés par des frappes israéliennes")."""
        tok, cues = reading.tok, reading.cues
        if (reading.pred.pos == "NOUN" and tok.head.lemma_.lower() in cues.targeting_verbs and tok.head.pos_ == "VERB"
                and preposition_of(tok) in cues.agent_prepositions and is_passive(tok.head, cues.unaccusative_verbs)):
            # "des villages ont été visés par des frappes israéliennes": what the act's means aimed
            # at undergoes it
            reading.target_heads.extend((0, c) for c in tok.head.children if c.dep_ in PASSIVE_SUBJECT)

    def _ascribed_sources(self, reading: RoleReading) -> None:
        """Whoever the act, or what did it, is ascribed to carries it out ("des frappes
        attribuées à l'armée", "revendiqué par l'EI"); it replaces the source heads read so far."""
        cues = reading.cues
        source_heads = reading.source_heads
        if cues.ascribing_verbs:
            # "des frappes attribuées à l'armée soudanaise ont tué …"
            authors = [a for h in ([reading.tok] if reading.pred.pos == "NOUN" else source_heads) for a in _ascribed_to(h, cues)]
            if authors:
                source_heads = authors
            tok = reading.tok
            if (reading.pred.pos == "NOUN" and tok.dep_ in PASSIVE_SUBJECT and tok.head.lemma_.lower() in cues.claiming_verbs
                    and is_passive(tok.head, cues.unaccusative_verbs)):
                # "L'attentat de Mogadiscio a été revendiqué par les shebab": who claims it did it
                claimed = [c for c in tok.head.children if c.pos_ in ("NOUN", "PROPN")
                           and preposition_of(c) in cues.agent_prepositions]
                source_heads = claimed or source_heads
        reading.source_heads = source_heads

    def _time_is_no_source(self, reading: RoleReading) -> None:
        """A time phrase is no source ("quelques heures avant le sommet")."""
        reading.source_heads = [h for h in reading.source_heads if not _is_time_phrase(h, reading.cues)]

    def _acts_named_as_subject(self, reading: RoleReading) -> None:
        """An act of the same type named as a verb's subject is this act ("Russian shelling
        killed four civilians"): its own source acts, and its recipients, or the town it struck,
        are kept in ``act_targets`` for the last step of :meth:`ArgumentRules._arguments`."""
        pred = reading.pred
        res, lang, when, ctx, by_index = reading.res, reading.lang, reading.when, reading.ctx, reading.by_index
        source_heads, act_targets = reading.source_heads, reading.act_targets
        acts = [by_index[h.i] for h in source_heads if pred.pos == "VERB" and h.i in by_index
                and by_index[h.i].predicate.type == pred.type and h.pos_ in ("NOUN", "PROPN")]
        if acts:
            # "Russian shelling killed four civilians", "des frappes israéliennes ont tué …": the act
            # named as the subject is this one; its own source (a nationality, a "de/of" phrase) acts
            for act in acts:
                named = self._arguments(act, res, lang, when, ctx, by_index, borrow=False)
                if named.sources:  # (else the noun's phrase is read as it stands: "des paramilitaires")
                    reading.out.sources.extend(named.sources)
                    source_heads = [h for h in source_heads if h.i != act.token.i]
                act_targets.extend(t for t in named.targets if t.resolved)  # "strikes on Iran … hit …"
                town = None if any(t.resolved for t in named.targets) else self._town_country(act.token, ctx)
                if town:  # "les frappes … sur Kharkiv ont tué …": the town struck
                    act_targets.append(Actor(text=act.token.text, code=town, country=town))
        reading.source_heads = source_heads

    def _resolve_sources(self, reading: RoleReading) -> None:
        """The source heads read so far, resolved to actors (after the sources a step already
        resolved: a possessor, the source of an act named as the subject)."""
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        out.sources = out.sources + self._resolve_heads(reading.source_heads, lang, when, ctx)

    def _forces_in_the_genitive(self, reading: RoleReading) -> None:
        """Armed forces named in the "de" phrase of an attack noun are who attack ("l'offensive
        de l'armée russe"); any other genitive left is a recipient, ranked after the row's
        own recipient complements."""
        pred, cues = reading.pred, reading.cues
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out, source_heads, genitive = reading.out, reading.source_heads, reading.genitive
        if (genitive and pred.type == "ASSAULT" and pred.pos == "NOUN"
                and reading.tok.lemma_.lower() in cues.agentive_attack_nouns and not any(a.resolved for a in out.sources)
                and not any(a.role == "oblique" and a.prep in cues.agent_prepositions for a in reading.args)):
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
        reading.target_heads.extend((len(reading.spec), h) for h in genitive)
        reading.source_heads = source_heads
        reading.genitive = genitive

    def _author_of_what_is_refused(self, reading: RoleReading) -> None:
        """What is refused is its author's ("a décliné l'invitation de Moscou"): the author's
        name ranks before any other recipient (rank -1, which marks the recipient as
        ``authored``)."""
        tok, pred = reading.tok, reading.pred
        if pred.type in AUTHORED_OBJECT_TYPES and pred.pos == "VERB":
            # "a décliné l'invitation de Moscou au sommet de l'OTSC": what is refused is the
            # author's (its "de/of" phrase) before any other complement
            refused = [tok.doc[i] for i in reading.trig.consumed] + [c for c in tok.children if c.dep_ in OBJECT]
            reading.target_heads.extend((-1, g) for noun in refused if noun.pos_ == "NOUN" for g in noun.children
                                if g.dep_ == "nmod" and g.pos_ == "PROPN" and preposition_of(g) in reading.cues.source_prepositions)

    def _time_is_no_recipient(self, reading: RoleReading) -> None:
        """A time phrase is no recipient ("a abattu cette nuit 47 drones", "n'a pas exclu mardi …")."""
        reading.target_heads = [(r, h) for r, h in reading.target_heads if not _is_time_phrase(h, reading.cues)]

    def _resolve_pair(self, reading: RoleReading) -> None:
        """The "entre/between" pair, resolved; a symmetric noun with a plural possessive is
        between the two of the clause ("lors de leur entretien")."""
        tok, pred = reading.tok, reading.pred
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        out.pair = self._resolve_heads(reading.pair_heads, lang, when, ctx)
        if pred.pos == "NOUN" and pred.symmetric and not out.pair and any(
                c.dep_ in ("det", "det:poss", "poss") and c.lower_ in reading.cues.plural_possessives for c in tok.children):
            # "a demandé à Netanyahu …, lors de leur entretien": the two of the clause met
            out.pair = self._plural_possessors(tok, lang, when, ctx)
            if out.pair:
                out.sources = []

    def _resolve_targets(self, reading: RoleReading) -> None:
        """The recipients: the best-ranked group of recipient heads with a resolved actor, else
        the first group as it stands. Notes whether a symmetric act's object names a partner of
        its several sources (``object_target``), and drops a nested agent read as a recipient."""
        pred = reading.pred
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out, target_heads, nested_agent = reading.out, reading.target_heads, reading.nested_agent
        authored = False
        for rank, group in itertools.groupby(sorted(target_heads, key=lambda x: x[0]), key=lambda x: x[0]):
            group_heads = list(group)
            actors = self._resolve_heads([h for _, h in group_heads], lang, when, ctx)
            if any(a.resolved for a in actors):
                out.targets = actors
                authored = rank < 0
                out.object_target = (
                    (pred.symmetric or self.ontology.is_symmetric(pred.type))
                    and all((h.head.i == reading.tok.i and h.dep_ in OBJECT and self._object_names_an_actor(h, lang, when, ctx))
                            or (names_the_recipient(h, reading.tok, pred)
                                and (pred.mode == "visit" or self._actor_word(h, lang)))  # (a destination is a place)
                            for _, h in group_heads))
                break
            if not out.targets:
                out.targets = actors
        if nested_agent is not None and out.targets and all(
                not a.resolved or any(same_actor(a, s) for s in out.sources if s.resolved) for a in out.targets):
            # "deux otages par le Hamas" names the agent, not who undergoes the act
            out.targets = []
            target_heads = [(r, h) for r, h in target_heads if h.i != nested_agent.head.i]
        reading.target_heads = target_heads
        reading.authored = authored

    def _victims_of_the_attack(self, reading: RoleReading) -> None:
        """Who is killed or wounded in an attack was hit by whoever made it ("Dix civils ont été
        tués dans une frappe israélienne à Gaza"); the victims are the people of the place
        struck, not the attackers' own."""
        res, lang, when, ctx, by_index = reading.res, reading.lang, reading.when, reading.ctx, reading.by_index
        out, target_heads = reading.out, reading.target_heads
        attack = self._attack_behind_harm(reading.tok, by_index) if reading.pred.type == "ASSAULT" and reading.passive and by_index else None
        if attack is not None:
            # "Dix civils ont été tués dans une frappe israélienne à Gaza", "tués par une frappe
            # russe à Kharkiv": who dies in an attack was killed by whoever made it, and the
            # victims are the people of the place struck, not the attackers' own
            if not any(a.resolved for a in out.sources):
                out.sources = self._authors_of_the_attack(attack, by_index[attack.i], res, lang, when, ctx) or out.sources
                target_heads = [(r, h) for r, h in target_heads if h.i != attack.i]
            attackers = {a.country for a in out.sources if a.resolved and a.country}
            if attackers:
                struck = self._place_of_the_attack(attack, reading.cues, lang, when, ctx)
                victims = [t for t in out.targets if t.resolved and t.country not in attackers]
                if struck is not None and struck not in attackers and not victims:
                    victims = [Actor(text=attack.text, code=struck + "CVL", country=struck, sector="CVL")]
                out.targets = victims or [t for t in out.targets if not t.resolved]
                if by_index[attack.i].predicate.symmetric and any(t.resolved for t in out.targets):
                    # "un soldat indien a été tué dans un échange de tirs avec l'armée pakistanaise":
                    # fighting between the victims' side and the other, one attack per side
                    out.pair, out.sources, out.targets = unique_actors(
                        [t for t in out.targets if t.resolved] + [a for a in out.sources if a.resolved]), [], []
        elif reading.pred.type == "ASSAULT" and reading.passive and not any(a.resolved for a in out.sources):
            # "huit personnes ont été tuées lorsqu'un missile russe s'est abattu sur Dnipro": the
            # country of the weapon that struck, never the victims' own
            # (not the subject: "41 drones ukrainiens ont été interceptés" were hit, not hitting)
            subject = {t.i for c in reading.tok.children if c.dep_.startswith("nsubj") for t in c.subtree}
            weapons = (w for w in reading.tok.subtree if w.pos_ == "NOUN" and w.lemma_.lower() in reading.cues.aerial_weapons
                       and w.i not in subject)
            owner = next((a for a in (self._nationality_of(w, lang, when, ctx) for w in weapons) if a is not None), None)
            if owner is not None:
                out.sources = [owner]
                out.targets = [t for t in out.targets if not t.resolved or t.country != owner.country]
        reading.target_heads = target_heads

    def _forces_of_the_place(self, reading: RoleReading) -> None:
        """Police or soldiers using force in a place, with no country named, are that place's
        ("tué par un policier à Nanterre")."""
        pred = reading.pred
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if pred.type == "ASSAULT" and pred.pos == "VERB" and out.sources and not any(a.resolved for a in out.sources):
            # "tué par un policier à Nanterre", "des soldats ont ouvert le feu à Kinshasa": the
            # police or the army using force in a place, with no country named, are that place's
            # (an arrest of suspects by "police in Marseille" is no political act: left alone)
            forces = [a for a in out.sources if a.sector in PLACED_FORCES and a.country is None]
            country = (self._place_country(reading.args, res, lang, when, ctx) or self._town_country(reading.tok, ctx)) if forces else None
            if country is not None:
                out.sources = [Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector)
                               for a in forces]

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
        if not found and attack.predicate.symmetric:
            # "un échange de tirs avec l'armée pakistanaise": the other side of the fighting
            found = [a for a in nested.targets + nested.pair if a.resolved]
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

    def _actor_word(self, head: Token, lang: str) -> bool:
        """Whether a phrase's head is a name or a word for an actor ("Rabat", "la délégation
        ukrainienne"), not a thing ("agreed to a ceasefire")."""
        cues = self.languages[lang].cues
        return (head.pos_ == "PROPN" or head.lemma_.lower() in cues.actor_nouns | cues.counterpart_words
                or head.lower_ in cues.actor_nouns)

    def _object_names_an_actor(self, head: Token, lang: str, when: date | None, ctx: DocumentContext) -> bool:
        """Whether a phrase names an actor by its own words: a name or a word for an actor ("la
        délégation ukrainienne"), not a thing with a clause or a phrase hung on it ("un
        cessez-le-feu négocié sous l'égide de Washington" names no one)."""
        if not self._actor_word(head, lang):
            return False  # "ont accepté un cessez-le-feu … sous médiation qatarie": a thing, not a partner
        cut = {t.i for c in head.children if c.dep_ in ("acl", "acl:relcl", "relcl") for t in c.subtree}
        text = " ".join("".join(t.text_with_ws for t in head.subtree if t.i not in cut).split())
        actor = self.resolver.resolve(text, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
        return actor is not None and actor.resolved


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


def _is_time_phrase(tok: Token, cues: Cues) -> bool:
    lemma = tok.lemma_.lower()
    return (lemma in cues.time_nouns or tok.lower_ in cues.time_nouns or lemma in DURATION_UNITS
            or lemma in RELATIVE_DAYS)


def _determined_noun(tok: Token) -> bool:
    """A common noun with its article ("par des séparatistes baloutches"), not a bare manner
    phrase ("par contumace", "par décret")."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" for c in tok.children)
