"""tocsin.dedup: one story per article reprinted by many outlets, one event per real-world event.

* :mod:`tocsin.dedup.urls` — canonical URLs (tracking parameters, fragments and
  AMP variants removed): the identity of a fetched article;
* :mod:`tocsin.dedup.articles` — content hashes and MinHash signatures; a
  near-duplicate index (LSH) that groups reprints of one wire story;
* :mod:`tocsin.dedup.events` — clustering of event mentions into canonical
  events (same dyad, same type, dates within a window, similar evidence).
"""

from tocsin.dedup.articles import NearDuplicateIndex, content_hash, minhash_signature
from tocsin.dedup.events import CanonicalEvent, ClusterOptions, Mention, cluster_mentions
from tocsin.dedup.urls import canonical_url

__all__ = [
    "CanonicalEvent", "ClusterOptions", "Mention", "NearDuplicateIndex", "canonical_url",
    "cluster_mentions", "content_hash", "minhash_signature",
]
