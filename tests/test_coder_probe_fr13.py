"""French wire-copy vocabulary for violence, protest, requests, aid, mobilisation, retreats,
sanctions, coercion and blame that plain dictionary verbs miss: torpedoes and mines, hangings,
placards and mutinies, funds released and weapons handed over, levies of troops, power handed
over, frozen assets and tariffs, persecution and surveillance, reprimands. Each sense that has
an everyday twin ('miner la confiance', 'investir deux milliards', 'entraîner des pertes') is
checked to stay silent. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads

PUBLISHED = date(2025, 6, 4)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    # ASSAULT
    ("L'armée israélienne a torpillé un navire iranien en mer Rouge.", ("ASSAULT", "ISRMIL", "IRN")),
    ("La police biélorusse a molesté des opposants devant le tribunal de Minsk.", ("ASSAULT", "BLRCOP", "BLROPP")),
    ("Des soldats russes ont liquidé un commandant ukrainien près de Bakhmout.", ("ASSAULT", "RUSMIL", "UKRMIL")),
    ("Les talibans ont tendu une embuscade à un convoi pakistanais près de la frontière.",
     ("ASSAULT", "AFGGOV", "PAK")),
    ("Les frappes russes ont décimé une brigade ukrainienne dans le Donbass.", ("ASSAULT", "RUS", "UKRMIL")),
    ("Des pirates somaliens ont investi un cargo grec au large de la Somalie.", ("ASSAULT", "SOMCRM", "GRC")),
    # PROTEST
    ("Des milliers de manifestants géorgiens ont scandé des slogans contre le gouvernement à Tbilissi.",
     ("PROTEST", "GEOCVL", "GEOGOV")),
    ("Des étudiants serbes ont brandi des pancartes contre le gouvernement devant le Parlement.",
     ("PROTEST", "SRBEDU", "SRBGOV")),
    ("Des agriculteurs kényans se sont soulevés contre le gouvernement.", ("PROTEST", "KENCVL", "KENGOV")),
    ("Des manifestants bangladais ont envahi les rues de Dacca contre le gouvernement.",
     ("PROTEST", "BGDCVL", "BGDGOV")),
    # REQUEST
    ("L'ONU a adjuré les belligérants soudanais de cesser les combats.", ("REQUEST", "IGOUN", "SDN")),
    ("Washington a intimé à Téhéran l'ordre de cesser l'enrichissement de l'uranium.",
     ("REQUEST", "USA", "IRN")),
    ("Le Liban a requis l'aide de l'ONU pour sécuriser la frontière.", ("REQUEST", "LBN", "IGOUN")),
    # AID
    ("Le Japon a décaissé 500 millions de dollars pour l'Ukraine.", ("AID", "JPN", "UKR")),
    ("La France a cédé des canons Caesar à l'Ukraine.", ("AID", "FRA", "UKR")),
    ("L'Allemagne a transféré des systèmes de défense aérienne à Kiev.", ("AID", "DEU", "UKR")),
    ("La Turquie est venue en aide aux sinistrés libyens.", ("AID", "TUR", "LBY")),
    ("La Chine a effacé une partie de la dette de la Zambie.", ("AID", "CHN", "ZMB")),
    ("Le FMI a consenti un prêt de trois milliards de dollars à l'Égypte.", ("AID", "IGOIMF", "EGY")),
    ("Le Royaume-Uni entraîne des soldats ukrainiens sur son sol.", ("AID", "GBR", "UKR")),
    # MOBILIZE
    ("Le Niger a levé des troupes pour combattre les jihadistes.", ("MOBILIZE", "NER", None)),
    ("Israël a annoncé le rappel de 50 000 réservistes.", ("MOBILIZE", "ISR", None)),
    ("La Russie a installé des missiles nucléaires tactiques au Bélarus.", ("MOBILIZE", "RUS", "BLR")),
    # RETREAT
    ("Le Premier ministre thaïlandais a rendu son tablier.", ("RETREAT", "THAGOV", None)),
    ("Les troupes françaises se sont désengagées du Niger.", ("RETREAT", "FRAMIL", "NER")),
    # SANCTION
    ("Le Mali a claqué la porte de la Cedeao.", ("SANCTION", "MLI", "IGOECOWAS")),
    ("Washington a blacklisté vingt entreprises chinoises.", ("SANCTION", "USA", "CHNBUS")),
    ("L'UE a bloqué les avoirs de la banque centrale russe.", ("SANCTION", "IGOEU", "RUSBUS")),
    ("Washington a relevé les droits de douane sur l'acier canadien.", ("SANCTION", "USA", "CAN")),
    ("Le Canada a retiré le visa de plusieurs responsables iraniens.", ("SANCTION", "CAN", "IRNGOV")),
    # COERCE
    ("La junte birmane a persécuté les journalistes indépendants.", ("COERCE", "MMRGOV", "MMRCVL")),
    ("La police a fouillé le domicile de l'opposant tanzanien Tundu Lissu.", ("COERCE", "TZACOP", "TZAOPP")),
    # ACCUSE
    ("Pékin a réprimandé le Japon après la visite d'un ministre au sanctuaire Yasukuni.",
     ("ACCUSE", "CHN", "JPN")),
    ("Le président turc a tonné contre Israël devant le Parlement.", ("ACCUSE", "TURGOV", "ISR")),
    ("Moscou a diabolisé l'Ukraine dans un communiqué.", ("ACCUSE", "RUS", "UKR")),
    ("Le Premier ministre hongrois a jeté l'opprobre sur la Commission européenne.", ("ACCUSE", "HUNGOV", "IGOEU")),
    # set phrases whose event lies in an adjective or a noun complement
    ("Les États-Unis ont organisé un pont aérien humanitaire vers Haïti.", ("AID", "USA", "HTI")),
    ("Washington a adopté des mesures punitives contre Pékin.", ("SANCTION", "USA", "CHN")),
    ("Des agriculteurs belges ont mené une opération escargot contre la politique agricole de l'UE.",
     ("PROTEST", "BELCVL", "IGOEU")),
])
def test_wire_copy_vocabulary_is_coded(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "wrong"), [
    ("La France a cédé des canons Caesar à l'Ukraine.", "CONCEDE"),
    ("L'UE a bloqué les avoirs de la banque centrale russe.", "COERCE"),
    ("Des manifestants bangladais ont envahi les rues de Dacca contre le gouvernement.", "ASSAULT"),
    ("L'Union européenne a libéré 1,5 milliard d'euros pour l'Ukraine.", "RETREAT"),
    ("Moscou a annoncé la dénonciation du traité sur les armes conventionnelles.", "ACCUSE"),
    ("Le président argentin a tiré à boulets rouges sur les syndicats.", "ASSAULT"),
])
def test_a_sense_with_its_own_object_wins_over_the_plain_row(engine, text, wrong) -> None:
    assert not any(t == wrong for t, _, _ in dyads(engine, text))


@pytest.mark.parametrize("text", [
    "Le Premier ministre a torpillé la réforme des retraites de son propre camp.",
    "Ces révélations ont miné la confiance des électeurs.",
    "L'entreprise a liquidé ses stocks avant la fin de l'année.",
    "Le footballeur a frappé le ballon de la tête pour égaliser.",
    "Les deux équipes ont livré un match intense à Lyon.",
    "Le président a fait sa marche matinale dans les jardins du palais.",
    "Les ventes de voitures électriques ont explosé en Chine.",
    "La tempête a entraîné des pertes importantes pour les agriculteurs.",
    "Le groupe minier a investi deux milliards dans une usine au Maroc.",
    "Le ministre a brandi son téléphone devant les caméras.",
    "La coalition a été élargie à deux nouveaux partis.",
    "Le chanteur a rendu hommage à son père lors du concert.",
])
def test_everyday_twins_of_the_new_senses_stay_silent(engine, text) -> None:
    found = dyads(engine, text)
    assert not any(t in {"ASSAULT", "PROTEST", "AID", "RETREAT", "SANCTION", "COERCE", "MOBILIZE"}
                   for t, _, _ in found), found
