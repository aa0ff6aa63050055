"""Offline gazetteer and geocoder: place names -> ``Place`` -> ``records.Location``.

Importing this package loads no data; ``Gazetteer.default()`` builds the index on first use.
"""

from eventdesk.geo.gazetteer import Gazetteer, Place
from eventdesk.geo.geocode import to_location

__all__ = ["Gazetteer", "Place", "to_location"]
