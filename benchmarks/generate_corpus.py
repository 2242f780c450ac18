"""Generate the benchmark corpus: news-style articles in French and English, as JSONL.

The corpus is synthetic but shaped like a wire feed: about 600 words per article,
headline plus paragraphs, roughly 40 % of sentences carrying a political event
(meetings, accusations, sanctions, strikes, aid, protests…) between actors of the
knowledge base (leaders from ``src/tocsin/actors/data/people.tsv``, countries,
capitals, institutions), the rest filler about the economy, the weather, sport,
culture and statistics. Output is deterministic for a given ``--seed``.

Each line follows the input contract: ``id``, ``title``, ``text``, ``published``,
``language``, ``outlet``.

    .venv/bin/python benchmarks/generate_corpus.py            # → benchmarks/out/corpus.jsonl
    .venv/bin/python benchmarks/generate_corpus.py -n 520 --seed 7 -o /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEOPLE_FILE = ROOT / "src" / "tocsin" / "actors" / "data" / "people.tsv"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "corpus.jsonl"


# --------------------------------------------------------------------------- actors
@dataclass(frozen=True)
class Country:
    iso3: str
    en: str  # "Russia", "the United States"
    fr: str  # "la Russie", "les États-Unis"
    en_adj: str  # "Russian"
    fr_adj: tuple[str, str, str, str]  # masc sg, fem sg, masc pl, fem pl
    capital_en: str
    capital_fr: str


COUNTRIES: tuple[Country, ...] = (
    Country("RUS", "Russia", "la Russie", "Russian", ("russe", "russe", "russes", "russes"), "Moscow", "Moscou"),
    Country("CHN", "China", "la Chine", "Chinese", ("chinois", "chinoise", "chinois", "chinoises"), "Beijing", "Pékin"),
    Country("USA", "the United States", "les États-Unis", "American", ("américain", "américaine", "américains", "américaines"), "Washington", "Washington"),
    Country("UKR", "Ukraine", "l'Ukraine", "Ukrainian", ("ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"), "Kyiv", "Kiev"),
    Country("FRA", "France", "la France", "French", ("français", "française", "français", "françaises"), "Paris", "Paris"),
    Country("DEU", "Germany", "l'Allemagne", "German", ("allemand", "allemande", "allemands", "allemandes"), "Berlin", "Berlin"),
    Country("GBR", "Britain", "le Royaume-Uni", "British", ("britannique", "britannique", "britanniques", "britanniques"), "London", "Londres"),
    Country("ITA", "Italy", "l'Italie", "Italian", ("italien", "italienne", "italiens", "italiennes"), "Rome", "Rome"),
    Country("JPN", "Japan", "le Japon", "Japanese", ("japonais", "japonaise", "japonais", "japonaises"), "Tokyo", "Tokyo"),
    Country("KOR", "South Korea", "la Corée du Sud", "South Korean", ("sud-coréen", "sud-coréenne", "sud-coréens", "sud-coréennes"), "Seoul", "Séoul"),
    Country("PRK", "North Korea", "la Corée du Nord", "North Korean", ("nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"), "Pyongyang", "Pyongyang"),
    Country("ISR", "Israel", "Israël", "Israeli", ("israélien", "israélienne", "israéliens", "israéliennes"), "Jerusalem", "Jérusalem"),
    Country("IRN", "Iran", "l'Iran", "Iranian", ("iranien", "iranienne", "iraniens", "iraniennes"), "Tehran", "Téhéran"),
    Country("TUR", "Turkey", "la Turquie", "Turkish", ("turc", "turque", "turcs", "turques"), "Ankara", "Ankara"),
    Country("SAU", "Saudi Arabia", "l'Arabie saoudite", "Saudi", ("saoudien", "saoudienne", "saoudiens", "saoudiennes"), "Riyadh", "Riyad"),
    Country("SYR", "Syria", "la Syrie", "Syrian", ("syrien", "syrienne", "syriens", "syriennes"), "Damascus", "Damas"),
    Country("POL", "Poland", "la Pologne", "Polish", ("polonais", "polonaise", "polonais", "polonaises"), "Warsaw", "Varsovie"),
    Country("BRA", "Brazil", "le Brésil", "Brazilian", ("brésilien", "brésilienne", "brésiliens", "brésiliennes"), "Brasília", "Brasilia"),
    Country("IND", "India", "l'Inde", "Indian", ("indien", "indienne", "indiens", "indiennes"), "New Delhi", "New Delhi"),
    Country("CAN", "Canada", "le Canada", "Canadian", ("canadien", "canadienne", "canadiens", "canadiennes"), "Ottawa", "Ottawa"),
    Country("BLR", "Belarus", "la Biélorussie", "Belarusian", ("biélorusse", "biélorusse", "biélorusses", "biélorusses"), "Minsk", "Minsk"),
    Country("VEN", "Venezuela", "le Venezuela", "Venezuelan", ("vénézuélien", "vénézuélienne", "vénézuéliens", "vénézuéliennes"), "Caracas", "Caracas"),
    Country("ZAF", "South Africa", "l'Afrique du Sud", "South African", ("sud-africain", "sud-africaine", "sud-africains", "sud-africaines"), "Pretoria", "Pretoria"),
    Country("MEX", "Mexico", "le Mexique", "Mexican", ("mexicain", "mexicaine", "mexicains", "mexicaines"), "Mexico City", "Mexico"),
    Country("FIN", "Finland", "la Finlande", "Finnish", ("finlandais", "finlandaise", "finlandais", "finlandaises"), "Helsinki", "Helsinki"),
    Country("EST", "Estonia", "l'Estonie", "Estonian", ("estonien", "estonienne", "estoniens", "estoniennes"), "Tallinn", "Tallinn"),
    Country("ARG", "Argentina", "l'Argentine", "Argentine", ("argentin", "argentine", "argentins", "argentines"), "Buenos Aires", "Buenos Aires"),
    Country("IDN", "Indonesia", "l'Indonésie", "Indonesian", ("indonésien", "indonésienne", "indonésiens", "indonésiennes"), "Jakarta", "Jakarta"),
)
BY_ISO = {c.iso3: c for c in COUNTRIES}

ROLE_EN = {
    "president": "President", "prime_minister": "Prime Minister", "foreign_minister": "Foreign Minister",
    "defence_minister": "Defence Minister", "chancellor": "Chancellor", "chief_of_staff": "army chief",
}
ROLE_FR = {
    "president": "le président {m}", "prime_minister": "le Premier ministre {m}",
    "foreign_minister": "le ministre {m} des Affaires étrangères", "defence_minister": "le ministre {m} de la Défense",
    "chancellor": "le chancelier {m}", "chief_of_staff": "le chef d'état-major {m}",
}
_FRENCH_MARKS = re.compile(r"ï|ou|ch|é|è")


@dataclass(frozen=True)
class Person:
    name_en: str
    name_fr: str
    country: Country
    role: str


def load_people(path: Path = PEOPLE_FILE) -> list[Person]:
    """People of the knowledge base whose country the generator knows (one entry per name)."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t")
    people: dict[str, Person] = {}
    for row in reader:
        country = BY_ISO.get(row.get("country") or "")
        name = (row.get("name") or "").strip()
        if country is None or not name or name in people:
            continue
        aliases = [a for a in (row.get("aliases") or "").split("|") if " " in a]
        french = [a for a in aliases if _FRENCH_MARKS.search(a) and not _FRENCH_MARKS.search(name)]
        people[name] = Person(name, french[0] if french else name, country, row.get("role") or "")
    return list(people.values())


# --------------------------------------------------------------------------- phrases
@dataclass(frozen=True)
class Phrase:
    text: str
    plural: bool = False
    person: bool = False


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def de(phrase: str) -> str:
    """French 'de' + phrase with contraction and elision."""
    low = phrase.lower()
    if low.startswith("le "):
        return "du " + phrase[3:]
    if low.startswith("les "):
        return "des " + phrase[4:]
    if low[:1] in "aeiouyéèêîïôâh":
        return "d'" + phrase
    return "de " + phrase


def a(phrase: str) -> str:
    """French 'à' + phrase with contraction."""
    low = phrase.lower()
    if low.startswith("le "):
        return "au " + phrase[3:]
    if low.startswith("les "):
        return "aux " + phrase[4:]
    return "à " + phrase


class Vocabulary:
    """Actor phrases of both languages, drawn with one random generator."""

    def __init__(self, rng: random.Random, people: Sequence[Person]):
        self.rng = rng
        self.by_country: dict[str, list[Person]] = {}
        for p in people:
            self.by_country.setdefault(p.country.iso3, []).append(p)

    def person(self, c: Country) -> Person | None:
        options = self.by_country.get(c.iso3)
        return self.rng.choice(options) if options else None

    def actor_fr(self, c: Country) -> Phrase:
        rng = self.rng
        m, f, mp, fp = c.fr_adj
        roll = rng.random()
        p = self.person(c)
        if p is not None and roll < 0.40:
            title = ROLE_FR.get(p.role)
            if title and rng.random() < 0.5:
                return Phrase(f"{title.format(m=m)} {p.name_fr}", person=True)
            return Phrase(p.name_fr, person=True)
        options = [
            Phrase(c.fr), Phrase(c.capital_fr), Phrase(f"le gouvernement {m}"), Phrase(f"l'armée {f}"),
            Phrase(f"la diplomatie {f}"), Phrase(f"les autorités {fp}", plural=True),
            Phrase(f"les forces {fp}", plural=True), Phrase(f"le ministère {m} des Affaires étrangères"),
            Phrase(f"Moscou et {c.capital_fr}", plural=True) if c.iso3 != "RUS" else Phrase(c.fr),
        ]
        return rng.choice(options)

    def actor_en(self, c: Country) -> Phrase:
        rng = self.rng
        roll = rng.random()
        p = self.person(c)
        if p is not None and roll < 0.40:
            title = ROLE_EN.get(p.role)
            if title and rng.random() < 0.5:
                return Phrase(f"{c.en_adj} {title} {p.name_en}" if rng.random() < 0.5 else f"{title} {p.name_en}", person=True)
            return Phrase(p.name_en, person=True)
        options = [
            Phrase(c.en), Phrase(c.capital_en), Phrase(f"the {c.en_adj} government"), Phrase(f"the {c.en_adj} army"),
            Phrase(f"{c.en_adj} forces", plural=True), Phrase(f"{c.en_adj} officials", plural=True),
            Phrase(f"the {c.en_adj} foreign ministry"), Phrase(f"{c.en_adj} authorities", plural=True),
        ]
        return rng.choice(options)


# --------------------------------------------------------------------------- word lists
FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FR_CITIES = ("Lyon", "Marseille", "Lille", "Bordeaux", "Toulouse", "Nantes", "Strasbourg", "Rennes", "Montpellier", "Grenoble", "Dijon", "Brest")
EN_CITIES = ("Manchester", "Leeds", "Bristol", "Glasgow", "Denver", "Phoenix", "Toronto", "Melbourne", "Cardiff", "Boston", "Seattle", "Dublin")
FR_TEAMS = ("l'Olympique lyonnais", "le Stade rennais", "le FC Nantes", "le RC Lens", "l'AS Monaco", "le Montpellier HSC", "le Stade brestois", "l'OGC Nice")
EN_TEAMS = ("Leeds United", "Bristol City", "the Denver Rapids", "Toronto FC", "Melbourne Victory", "Cardiff City", "the Boston Harriers", "Seattle Sounders")
FR_PLAYERS = ("Julien Mercadier", "Karim Besson", "Lucas Fontanel", "Inès Marchetti", "Théo Rambert", "Chloé Verdier", "Samuel Ndiaye", "Léa Castagné")
EN_PLAYERS = ("Jack Whitlow", "Megan Harcourt", "Tom Ellery", "Aisha Brandt", "Oliver Penrose", "Grace Tilney", "Marcus Doyle", "Hannah Crewe")
FR_ARTISTS = ("Camille Roussel", "Hélène Darmon", "Paul Villeneuve", "Agnès Morel", "Yann Le Goff", "Nadia Benali")
EN_ARTISTS = ("Laura Kingsley", "Daniel Ashworth", "Ruth Okafor", "Peter Lindqvist", "Sarah Moran", "Eliot Vance")
FR_OUTLETS = ("Le Courrier du Matin", "La Dépêche continentale", "L'Écho des régions", "Le Journal du Soir", "Horizon Presse")
EN_OUTLETS = ("The Morning Ledger", "Global Wire Review", "The Evening Courier", "Northern Dispatch", "Meridian News")
FR_TOPICS = ("la sécurité énergétique", "le commerce des céréales", "la reconstruction", "les échanges de prisonniers", "la frontière commune", "le programme nucléaire", "la pêche", "les visas")
EN_TOPICS = ("energy security", "grain exports", "reconstruction", "prisoner exchanges", "the shared border", "the nuclear programme", "fishing rights", "visa rules")
FR_REGIONS = ("Kharkiv", "Donetsk", "Alep", "Idlib", "Gaza", "la mer de Chine méridionale", "la frontière nord", "Zaporijia")
EN_REGIONS = ("Kharkiv", "Donetsk", "Aleppo", "Idlib", "Gaza", "the South China Sea", "the northern border", "Zaporizhzhia")


class Slots:
    """Random values for template slots."""

    def __init__(self, rng: random.Random, lang: str):
        self.rng, self.lang = rng, lang

    def pct(self) -> str:
        value = round(self.rng.uniform(0.1, 12.0), 1)
        return f"{value}".replace(".", ",") if self.lang == "fr" else f"{value}"

    def num(self, lo: int = 2, hi: int = 900) -> str:
        return str(self.rng.randint(lo, hi))

    def big(self) -> str:
        n = self.rng.randint(1_000, 90_000)
        return f"{n:,}".replace(",", "\u202f") if self.lang == "fr" else f"{n:,}"

    def month(self) -> str:
        return self.rng.choice(FR_MONTHS if self.lang == "fr" else EN_MONTHS)

    def day(self) -> str:
        return self.rng.choice(FR_DAYS if self.lang == "fr" else EN_DAYS)

    def city(self) -> str:
        return self.rng.choice(FR_CITIES if self.lang == "fr" else EN_CITIES)

    def team(self) -> str:
        return self.rng.choice(FR_TEAMS if self.lang == "fr" else EN_TEAMS)

    def player(self) -> str:
        return self.rng.choice(FR_PLAYERS if self.lang == "fr" else EN_PLAYERS)

    def artist(self) -> str:
        return self.rng.choice(FR_ARTISTS if self.lang == "fr" else EN_ARTISTS)

    def temp(self) -> str:
        return str(self.rng.randint(-8, 39))

    def topic(self) -> str:
        return self.rng.choice(FR_TOPICS if self.lang == "fr" else EN_TOPICS)

    def region(self) -> str:
        return self.rng.choice(FR_REGIONS if self.lang == "fr" else EN_REGIONS)

    def when(self) -> str:
        r = self.rng.random()
        if self.lang == "fr":
            if r < 0.4:
                return self.day()
            if r < 0.7:
                return f"le {self.rng.randint(1, 28)} {self.month()}"
            return self.rng.choice(("cette semaine", "mardi dernier", "en début de matinée", "dans la soirée"))
        if r < 0.4:
            return f"on {self.day()}"
        if r < 0.7:
            return f"on {self.month()} {self.rng.randint(1, 28)}"
        return self.rng.choice(("this week", "last Tuesday", "early in the morning", "late in the evening"))

    def fill(self, template: str, extra: dict[str, str]) -> str:
        def value(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in extra:
                return extra[key]
            getter: Callable[[], str] = getattr(self, key)
            return getter()

        return re.sub(r"\{(\w+)\}", value, template)


# --------------------------------------------------------------------------- templates
# {A} subject actor, {B} other actor, {Bde}/{Ba}: 'de'/'à' + B (French), {has}/{a}: auxiliary
# agreeing with A, {C}: a capital, {adjA}: adjective of A's country.
FR_EVENTS: tuple[str, ...] = (
    "{A} {a} rencontré {B} {when} à {C}, selon des sources diplomatiques.",
    "{A} {a} condamné avec fermeté les frappes menées par {B} près de {region}.",
    "{A} {a} accusé {B} de violer le cessez-le-feu conclu au printemps.",
    "{A} {a} imposé de nouvelles sanctions économiques {Ba} en réponse aux dernières provocations.",
    "{A} {a} signé un accord de coopération avec {B} portant sur {topic}.",
    "{A} {a} menacé {B} de représailles si les livraisons d'armes se poursuivaient.",
    "{A} {a} appelé {B} à la retenue après plusieurs jours de tensions.",
    "{A} {a} reçu {B} pour des entretiens consacrés à {topic}.",
    "{A} {a} annoncé l'envoi d'une aide humanitaire {Ba}, notamment des médicaments et des tentes.",
    "{A} {a} rejeté la proposition {Bde} sur {topic}, la jugeant inacceptable.",
    "{A} {a} expulsé {num} diplomates en poste à {CB}.",
    "{A} {a} critiqué la décision {Bde} de fermer sa frontière.",
    "{A} {a} félicité {B} pour le bon déroulement du scrutin.",
    "{A} {a} dénoncé une attaque informatique attribuée {Ba}.",
    "{A} {a} promis de livrer des systèmes de défense aérienne {Ba} avant la fin de l'année.",
    "{A} n'{a} pas rencontré {B} malgré les rumeurs d'un sommet imminent.",
    "{A} {a} bombardé des positions tenues par {B} dans la région de {region}.",
    "{A} {a} soutenu la demande {Bde} d'adhérer à l'OTAN.",
    "{A} {a} exigé le retrait immédiat des troupes {Bde}.",
    "{A} {a} arrêté {num} personnes soupçonnées d'espionnage pour le compte {Bde}.",
    "Selon {outlet}, {A} {a} proposé {Ba} de reprendre les pourparlers sur {topic}.",
    "{A} {a} lancé une offensive contre {B} {when}.",
    "{A} {a} négocié avec {B} un échange de prisonniers.",
    "Des manifestants ont protesté {when} devant l'ambassade {adjA_f} à {CB}.",
    "{A} {a} suspendu sa coopération militaire avec {B}.",
    "{A} {a} remercié {B} pour son soutien financier.",
    "{A} {a} mis en garde {B} contre toute nouvelle escalade.",
    "{A} et {B} ont convenu de renforcer leur coopération sur {topic}.",
    "La rencontre entre {A} et {B} a eu lieu à huis clos.",
    "{A} devrait se rendre {CBa} la semaine prochaine pour des pourparlers avec {B}.",
)
FR_FOLLOWUPS: tuple[str, ...] = (
    "{PRON} {a} également critiqué la politique {Bde}.",
    "Les deux pays ont repris les négociations sur {topic}.",
    "Les deux parties ont signé un mémorandum d'entente.",
    "Cela a été confirmé {when} par {outlet}.",
    "{PRON} {a} aussi appelé à un cessez-le-feu durable.",
)
EN_EVENTS: tuple[str, ...] = (
    "{A} met {B} in {C} {when}, according to diplomatic sources.",
    "{A} {has} strongly condemned the strikes carried out by {B} near {region}.",
    "{A} accused {B} of violating the ceasefire agreed in the spring.",
    "{A} imposed new economic sanctions on {B} in response to the latest provocations.",
    "{A} signed a cooperation agreement with {B} on {topic}.",
    "{A} threatened {B} with retaliation if arms deliveries continued.",
    "{A} urged {B} to show restraint after several days of tension.",
    "{A} hosted {B} for talks on {topic}.",
    "{A} {has} sent humanitarian aid to {B}, including medicine and tents.",
    "{A} rejected the proposal from {B} on {topic}, calling it unacceptable.",
    "{A} expelled {num} diplomats posted in {CB}.",
    "{A} criticised the decision by {B} to close its border.",
    "{A} congratulated {B} on the smooth conduct of the vote.",
    "{A} denounced a cyberattack blamed on {B}.",
    "{A} pledged to deliver air defence systems to {B} before the end of the year.",
    "{A} did not meet {B} despite rumours of an imminent summit.",
    "{A} shelled positions held by {B} in the {region} area.",
    "{A} backed the bid by {B} to join NATO.",
    "{A} demanded the immediate withdrawal of troops sent by {B}.",
    "{A} arrested {num} people suspected of spying for {B}.",
    "According to {outlet}, {A} offered to resume talks with {B} on {topic}.",
    "{A} launched an offensive against {B} {when}.",
    "{A} negotiated a prisoner swap with {B}.",
    "Protesters rallied {when} outside the {adjB} embassy in {CA}.",
    "{A} suspended military cooperation with {B}.",
    "{A} thanked {B} for its financial support.",
    "{A} warned {B} against any further escalation.",
    "{A} and {B} agreed to strengthen their cooperation on {topic}.",
    "The meeting between {A} and {B} took place behind closed doors.",
    "{A} is expected to travel to {CB} next week for talks with {B}.",
    "{A} withdrew its ambassador from {CB} after the incident.",
    "{A} sought fresh guarantees from {B} and held talks with its allies.",
    "{A} fought off an attack launched by {B} overnight.",
)
EN_FOLLOWUPS: tuple[str, ...] = (
    "{PRON} also criticised the policy of {B}.",
    "The two countries resumed negotiations on {topic}.",
    "Both sides signed a memorandum of understanding.",
    "This was confirmed {when} by {outlet}.",
    "{PRON} also called for a lasting ceasefire.",
)

FR_FILLER: dict[str, tuple[str, ...]] = {
    "economy": (
        "L'inflation a atteint {pct} % sur un an en {month}, selon les chiffres publiés {day} par l'institut statistique.",
        "Les prix de l'énergie ont reculé de {pct} % au cours du trimestre, ce qui soulage les ménages.",
        "Le taux de chômage est resté stable à {pct} %, un niveau inédit depuis plusieurs années.",
        "La production industrielle a progressé de {pct} % par rapport au mois précédent.",
        "Les exportations de vins et spiritueux ont dépassé {num} millions d'euros l'an dernier.",
        "Dans le secteur automobile, les ventes de voitures électriques continuent de croître malgré la baisse des aides.",
        "La Bourse de Paris a terminé la séance en hausse de {pct} %, portée par les valeurs bancaires.",
        "Les économistes s'attendent à un ralentissement de la croissance au second semestre.",
        "Le prix du baril de pétrole brut s'établissait à {num} dollars en fin de journée.",
        "Les entreprises du bâtiment font état de difficultés de recrutement persistantes.",
        "Le marché immobilier reste atone, avec des transactions en repli de {pct} % dans les grandes villes.",
        "Les petites et moyennes entreprises de la région de {city} ont vu leur chiffre d'affaires augmenter de {pct} %.",
        "La banque centrale a laissé ses taux directeurs inchangés, conformément aux attentes des marchés.",
    ),
    "weather": (
        "Un épisode de fortes chaleurs est attendu sur le sud du pays à partir de {day}, avec des pointes à {temp} degrés.",
        "Les services météorologiques ont placé {num} communes en vigilance orange pour des orages.",
        "Les précipitations ont été inférieures de {pct} % à la normale en {month}.",
        "Le vent soufflera en rafales jusqu'à {num} km/h sur le littoral de la Manche.",
        "Les températures resteront fraîches pour la saison, entre {temp} et {temp} degrés l'après-midi.",
        "La neige est tombée en abondance sur les Alpes, au grand bonheur des stations de ski.",
        "Une vague de froid devrait gagner le nord-est en fin de semaine.",
        "Le niveau des nappes phréatiques reste préoccupant dans plusieurs départements.",
        "À {city}, le ciel restera couvert toute la journée avec quelques averses en soirée.",
        "Les agriculteurs redoutent un nouvel épisode de gel tardif sur les vergers.",
    ),
    "sport": (
        "{team} s'est imposé face à son rival {day} soir devant {big} spectateurs.",
        "L'attaquant {player} a inscrit un doublé en seconde période.",
        "L'entraîneur a salué l'engagement de ses joueurs après une rencontre disputée.",
        "Le peloton a rejoint {city} au terme d'une étape de {num} kilomètres sous une chaleur écrasante.",
        "La joueuse de tennis {player} s'est qualifiée pour les quarts de finale du tournoi.",
        "Le match a été interrompu pendant vingt minutes en raison d'un violent orage.",
        "{team} occupe désormais la quatrième place du classement avec {num} points.",
        "Le XV de France prépare son prochain test-match dans un climat serein.",
        "Le club a officialisé l'arrivée d'un milieu de terrain pour les trois prochaines saisons.",
        "Les supporters ont envahi la pelouse au coup de sifflet final pour célébrer le titre.",
        "Dans les buts, {player} a multiplié les arrêts décisifs pendant la séance de tirs au but.",
    ),
    "culture": (
        "Le musée des beaux-arts de {city} consacre une grande rétrospective au peintre {artist} jusqu'en {month}.",
        "Le festival a attiré plus de {big} spectateurs pendant cinq jours.",
        "Le dernier roman de {artist} figure en tête des ventes depuis trois semaines.",
        "La pièce, mise en scène par {artist}, se joue à guichets fermés au théâtre de {city}.",
        "Le film a reçu un accueil chaleureux de la critique lors de sa projection en avant-première.",
        "L'orchestre national donnera un concert gratuit sur le parvis de l'hôtel de ville.",
        "Les fouilles archéologiques menées près de {city} ont mis au jour une nécropole gallo-romaine.",
        "La bibliothèque municipale rouvrira ses portes en {month} après deux ans de travaux.",
        "Une vente aux enchères a permis de récolter {num} mille euros pour la restauration de l'abbaye.",
    ),
    "statistics": (
        "Selon l'enquête, {pct} % des personnes interrogées utilisent les transports en commun chaque semaine.",
        "La population de la ville a augmenté de {big} habitants en dix ans.",
        "Le nombre de naissances a diminué de {pct} % l'an dernier, poursuivant une baisse entamée il y a une décennie.",
        "Les dépenses de santé représentent désormais {pct} % du produit intérieur brut.",
        "En moyenne, un ménage consacre {num} euros par mois à l'alimentation.",
        "Le trafic ferroviaire a progressé de {pct} % sur les lignes régionales.",
        "Près de {pct} % des logements de la région de {city} sont classés comme énergivores.",
        "L'espérance de vie à la naissance atteint {num} mois de plus qu'il y a vingt ans.",
    ),
}
EN_FILLER: dict[str, tuple[str, ...]] = {
    "economy": (
        "Inflation reached {pct} percent year on year in {month}, according to figures published on {day}.",
        "Energy prices fell {pct} percent over the quarter, bringing some relief to households.",
        "The unemployment rate held steady at {pct} percent, its lowest level in several years.",
        "Industrial output rose {pct} percent compared with the previous month.",
        "Exports of whisky and gin topped {num} million pounds last year.",
        "In the car industry, sales of electric vehicles keep growing despite smaller subsidies.",
        "The stock market closed {pct} percent higher, lifted by banking shares.",
        "Economists expect growth to slow in the second half of the year.",
        "A barrel of crude oil was trading at {num} dollars at the end of the day.",
        "Construction firms report persistent difficulties in hiring skilled workers.",
        "The housing market remains sluggish, with sales down {pct} percent in the largest cities.",
        "Small businesses around {city} saw their revenue grow by {pct} percent.",
        "The central bank left interest rates unchanged, in line with market expectations.",
    ),
    "weather": (
        "A heatwave is forecast across the south from {day}, with highs of {temp} degrees.",
        "Forecasters issued amber warnings for thunderstorms in {num} districts.",
        "Rainfall was {pct} percent below normal in {month}.",
        "Gusts of up to {num} km/h are expected along the coast.",
        "Temperatures will stay cool for the season, between {temp} and {temp} degrees in the afternoon.",
        "Heavy snow fell in the mountains, to the delight of ski resorts.",
        "A cold snap should reach the north-east by the weekend.",
        "Groundwater levels remain worrying in several counties.",
        "In {city}, skies will stay overcast all day with a few showers in the evening.",
        "Farmers fear another late frost in the orchards.",
    ),
    "sport": (
        "{team} beat their local rivals on {day} night in front of {big} fans.",
        "Striker {player} scored twice in the second half.",
        "The coach praised his players' commitment after a hard-fought game.",
        "The peloton reached {city} after a {num}-kilometre stage in scorching heat.",
        "Tennis player {player} reached the quarter-finals of the tournament.",
        "The match was halted for twenty minutes because of a violent storm.",
        "{team} now sit fourth in the table with {num} points.",
        "The national rugby side is preparing for its next test match in a calm mood.",
        "The club confirmed the arrival of a midfielder for the next three seasons.",
        "Supporters invaded the pitch at the final whistle to celebrate the title.",
        "Goalkeeper {player} made a string of decisive saves during the penalty shoot-out.",
    ),
    "culture": (
        "The {city} art museum is holding a major retrospective of the painter {artist} until {month}.",
        "The festival drew more than {big} visitors over five days.",
        "The latest novel by {artist} has topped the bestseller list for three weeks.",
        "The play, directed by {artist}, is sold out at the {city} theatre.",
        "The film received a warm welcome from critics at its premiere.",
        "The national orchestra will give a free concert in front of the town hall.",
        "Archaeological digs near {city} have uncovered a Roman-era cemetery.",
        "The public library will reopen in {month} after two years of renovation.",
        "An auction raised {num} thousand pounds for the restoration of the abbey.",
    ),
    "statistics": (
        "According to the survey, {pct} percent of respondents use public transport every week.",
        "The city's population grew by {big} residents in ten years.",
        "The number of births dropped {pct} percent last year, continuing a decline that began a decade ago.",
        "Health spending now accounts for {pct} percent of gross domestic product.",
        "On average, a household spends {num} dollars a month on food.",
        "Rail traffic rose {pct} percent on regional lines.",
        "Nearly {pct} percent of homes around {city} are rated as energy-inefficient.",
        "Life expectancy at birth is now {num} months longer than twenty years ago.",
    ),
}
FR_HEADLINES_FILLER = ("Le point sur la conjoncture", "Météo : un week-end contrasté", "Football : une soirée de championnat animée",
                       "Culture : les rendez-vous de la semaine", "Les chiffres clés du mois")
EN_HEADLINES_FILLER = ("Economy at a glance", "Weather: a mixed weekend ahead", "Football: a busy night of league action",
                       "Culture: this week's highlights", "The month in numbers")


# --------------------------------------------------------------------------- articles
class ArticleWriter:
    def __init__(self, rng: random.Random, vocab: Vocabulary, lang: str):
        self.rng, self.vocab, self.lang = rng, vocab, lang
        self.slots = Slots(rng, lang)

    def _event_sentence(self, ca: Country, cb: Country, templates: Sequence[str], outlet: str, last: Phrase | None) -> tuple[str, Phrase]:
        rng, fr = self.rng, self.lang == "fr"
        if rng.random() < 0.5:
            ca, cb = cb, ca
        A = self.vocab.actor_fr(ca) if fr else self.vocab.actor_en(ca)
        B = self.vocab.actor_fr(cb) if fr else self.vocab.actor_en(cb)
        template = rng.choice(templates)
        if "{PRON}" in template and last is None:
            template = rng.choice(FR_EVENTS if fr else EN_EVENTS)
        if fr and "devrait se rendre" in template and A.plural:
            template = template.replace("devrait", "devraient")
        if not fr and "is expected" in template and A.plural:
            template = template.replace("is expected", "are expected")
        pron_plural = last.plural if last is not None else False
        if fr:
            extra = {
                "A": A.text, "B": B.text, "Ba": a(B.text), "Bde": de(B.text), "a": "ont" if A.plural else "a",
                "C": cb.capital_fr, "CB": cb.capital_fr, "CBa": a(cb.capital_fr),
                "adjA_f": ca.fr_adj[1], "outlet": outlet, "PRON": "Ils" if pron_plural else "Il",
            }
            if "{PRON}" in template:
                extra["a"] = "ont" if pron_plural else "a"
        else:
            extra = {
                "A": A.text, "B": B.text, "has": "have" if A.plural else "has", "C": cb.capital_en,
                "CB": cb.capital_en, "CA": ca.capital_en, "adjB": cb.en_adj, "outlet": outlet,
                "PRON": "They" if pron_plural else ("It" if not (last and last.person) else "He"),
            }
        text = self.slots.fill(template, extra)
        return _cap(text), A

    def _filler(self, topic: str, used: set[str]) -> str:
        table = FR_FILLER if self.lang == "fr" else EN_FILLER
        if self.rng.random() < 0.3:
            topic = self.rng.choice(sorted(table))
        template = self.rng.choice(table[topic])
        for _ in range(3):  # avoid repeating a sentence within one article
            if template not in used:
                break
            template = self.rng.choice(table[self.rng.choice(sorted(table))])
        used.add(template)
        return _cap(self.slots.fill(template, {}))

    def write(self, index: int, published: date) -> dict[str, str]:
        rng, fr = self.rng, self.lang == "fr"
        political = rng.random() < 0.7
        event_share = 0.55 if political else 0.05
        ca, cb = rng.sample(COUNTRIES, 2)
        topic = rng.choice(sorted(FR_FILLER))
        outlet = rng.choice(FR_OUTLETS if fr else EN_OUTLETS)
        target_words = rng.randint(480, 720)
        paragraphs: list[list[str]] = [[]]
        words = 0
        last: Phrase | None = None
        used: set[str] = set()
        title = ""
        if political:
            title, _ = self._event_sentence(ca, cb, FR_EVENTS if fr else EN_EVENTS, outlet, None)
            title = title.rstrip(".").split(",")[0]
        else:
            title = rng.choice(FR_HEADLINES_FILLER if fr else EN_HEADLINES_FILLER)
        while words < target_words:
            if rng.random() < event_share:
                follow = last is not None and rng.random() < 0.25
                templates = (FR_FOLLOWUPS if fr else EN_FOLLOWUPS) if follow else (FR_EVENTS if fr else EN_EVENTS)
                if rng.random() < 0.15:
                    cb = rng.choice([c for c in COUNTRIES if c is not ca])
                sentence, last = self._event_sentence(ca, cb, templates, outlet, last)
            else:
                sentence = self._filler(topic, used)
                last = None if rng.random() < 0.5 else last
            paragraphs[-1].append(sentence)
            words += len(sentence.split())
            if len(paragraphs[-1]) >= rng.randint(3, 6):
                paragraphs.append([])
        text = "\n\n".join(" ".join(p) for p in paragraphs if p)
        return {
            "id": f"bench-{self.lang}-{index:04d}",
            "title": title,
            "text": text,
            "published": published.isoformat(),
            "language": self.lang,
            "outlet": outlet,
        }


def generate(n_articles: int, seed: int) -> list[dict[str, str]]:
    """``n_articles`` articles, alternating French and English, the same for the same seed."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng, load_people())
    writers = {lang: ArticleWriter(rng, vocab, lang) for lang in ("fr", "en")}
    start = date(2024, 1, 1)
    out = []
    for i in range(n_articles):
        lang = "fr" if i % 2 == 0 else "en"
        published = start + timedelta(days=rng.randint(0, 540))
        out.append(writers[lang].write(i, published))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=520, help="number of articles (default 520)")
    parser.add_argument("--seed", type=int, default=20240601, help="random seed (default 20240601)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT, help=f"output JSONL (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    articles = generate(args.articles, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for art in articles:
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    n_words = sum(len((a["title"] + " " + a["text"]).split()) for a in articles)
    by_lang = {lang: sum(1 for a in articles if a["language"] == lang) for lang in ("fr", "en")}
    sys.stderr.write(f"wrote {len(articles)} articles ({by_lang['fr']} fr, {by_lang['en']} en), "
                     f"{n_words} words, to {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
