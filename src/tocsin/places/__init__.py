"""Places: the gazetteer, place names in text, the dateline, and choosing one place per name.

::

    gazetteer.py   Place records and the name index, read once (load_gazetteer)
    match.py       place names in a parsed sentence and their role (actor / location)
    dateline.py    "MOSCOU, 19 avril —", "KYIV (Reuters) -"
    resolve.py     one place per name with the context; the event's Location
"""

from tocsin.places.dateline import Dateline, blank_dateline, find_dateline
from tocsin.places.gazetteer import Gazetteer, Place, load_gazetteer, place_key, read_gazetteer
from tocsin.places.match import PlaceMention, PlaceRole, find_places, place_role
from tocsin.places.resolve import PlaceContext, choose, nearby_countries, to_location

__all__ = [
    "Dateline", "Gazetteer", "blank_dateline", "Place", "PlaceContext", "PlaceMention", "PlaceRole", "choose",
    "find_dateline", "find_places", "load_gazetteer", "nearby_countries", "place_key", "place_role", "read_gazetteer",
    "to_location",
]
