"""Feeds (safe XML), pages (trafilatura), canonical URLs and near-duplicate articles."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.dedup.articles import (
    NearDuplicateIndex,
    content_hash,
    minhash_signature,
    signature_from_bytes,
    signature_similarity,
    signature_to_bytes,
)
from tocsin.dedup.urls import canonical_url
from tocsin.errors import BinaryInputError, InputError
from tocsin.ingest.errors import FeedError
from tocsin.ingest.feeds import html_to_text, parse_feed
from tocsin.ingest.pages import decode_html, extract_page
from tocsin.ingest.poll import looks_like_feed
from webfixtures import ARTICLES, BOMB, XXE, atom, page_html, rss

URL = "http://news.example/feed"

# --------------------------------------------------------------------------- feeds


def test_rss_entries_in_order_with_dates_and_text() -> None:
    feed = parse_feed(rss("Le Courrier", [
        ("http://n.example/a", "Premier", "Tue, 05 Mar 2024 08:00:00 GMT", "<p>Un <b>texte</b></p><p>suite</p>"),
        ("http://n.example/b", "Second", "not a date", "deux"),
    ]), URL)
    assert feed.title == "Le Courrier"
    assert [e.link for e in feed.entries] == ["http://n.example/a", "http://n.example/b"]
    assert feed.entries[0].published == date(2024, 3, 5)
    assert feed.entries[0].text == "Un texte\nsuite"
    assert feed.entries[1].published is None


def test_atom_entries() -> None:
    feed = parse_feed(atom("Post", [("http://n.example/x", "Talks", "2024-03-06T09:00:00Z", "summary")]), URL)
    assert feed.entries[0].link == "http://n.example/x"
    assert feed.entries[0].published == date(2024, 3, 6)


@pytest.mark.parametrize("body", [BOMB, XXE])
def test_entity_declarations_are_refused_before_feedparser(body: bytes) -> None:
    with pytest.raises(FeedError, match="entities or external references") as info:
        parse_feed(body, URL)
    assert info.value.code == "E115" and info.value.source == URL


@pytest.mark.parametrize(("body", "message"), [
    (b"<?xml version='1.0'?><rss><channel><item>", "not well-formed"),
    (b"<html><body>hi</body></html>", "not an RSS or Atom feed"),
    (b"   ", "empty feed"),
    (b"\x00\x01binary", "not well-formed"),
])
def test_malformed_feeds(body: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_feed(body, URL)


def test_feed_sniffing() -> None:
    assert looks_like_feed("application/rss+xml", b"")
    assert looks_like_feed("text/xml", b"<?xml version='1.0'?>\n<feed xmlns='x'>")
    assert not looks_like_feed("text/html", b"<rss>")
    assert not looks_like_feed("application/xml", b"<html>")


def test_html_to_text_drops_markup() -> None:
    assert html_to_text("<p>a <script>x</script></p><p>b</p>") in ("a x\nb", "a\nb", "a x\nb")
    assert html_to_text("plain") == "plain"


# --------------------------------------------------------------------------- pages


def test_page_title_date_author_and_body_without_boilerplate() -> None:
    info = ARTICLES["/courrier/kharkiv.html"]
    page = extract_page(page_html(info), "http://n.example/kharkiv.html")
    assert page.title == info["title"]
    assert page.published == date(2024, 3, 7)
    assert page.author == "Paul Renaud"
    assert info["paragraphs"][0] in page.text and info["paragraphs"][2] in page.text
    assert "Abonnez-vous" not in page.text and "Accueil" not in page.text


def test_non_utf8_page_is_decoded_from_its_declaration() -> None:
    info = ARTICLES["/depeche/latin1.html"]
    body = page_html(info)
    assert body.decode("cp1252")  # really Windows-1252 bytes
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    page = extract_page(body, "http://n.example/geneve.html")
    assert "« élargi »" in page.text and page.title == "Réunion à Genève"
    # the header's charset wins over detection, and a wrong header falls back to detection
    assert "élargi" in decode_html(body, "u", "windows-1252")
    assert "élargi" in decode_html(body, "u", "utf-8")


@pytest.mark.parametrize(("body", "error"), [
    (b"<html><head><title>Cut</title></head><body><article><p>Le minis", InputError),
    (b"<html><body><nav>menu</nav></body></html>", InputError),
    (bytes(range(256)) * 4, BinaryInputError),
    (b"just text, no markup at all, long enough to be an article if it were one.", InputError),
])
def test_pages_without_an_article_are_errors(body: bytes, error: type) -> None:
    with pytest.raises(error) as info:
        extract_page(body, "http://n.example/x.html")
    assert info.value.source == "http://n.example/x.html"


# --------------------------------------------------------------------------- identity


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTPS://Www.Example.org:443/world/story/?utm_source=x&b=2&a=1#top",
     "https://www.example.org/world/story?a=1&b=2"),
    ("https://www.example.org/world/story/amp/", "https://www.example.org/world/story"),
    ("https://www.example.org/amp/world/story.html", "https://www.example.org/world/story.html"),
    ("https://www.example.org/world/story.amp.html?fbclid=abc", "https://www.example.org/world/story.html"),
    ("https://amp.example.org/world/story?amp=1", "https://example.org/world/story"),
    ("https://www-example-org.cdn.ampproject.org/c/s/www.example.org/world/story",
     "https://www.example.org/world/story"),
    ("http://example.org:8080/a?id=5&xtor=RSS-3&gclid=z", "http://example.org:8080/a?id=5"),
    ("https://example.org/", "https://example.org/"),
])
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    assert content_hash("Moscou et Pékin,  ont signé.") == content_hash("moscou ET pékin ont signé")
    assert content_hash("Moscou et Pékin ont signé") != content_hash("Moscou et Paris ont signé")


def _text(path: str) -> str:
    return "\n".join(ARTICLES[path]["paragraphs"])


def test_near_duplicate_index_finds_the_reprint_not_the_other_story() -> None:
    index = NearDuplicateIndex()
    for path in ("/courrier/defense-pekin.html", "/courrier/kharkiv.html", "/post/beijing-talks.html"):
        index.add(path, minhash_signature(_text(path)))
    reprint = minhash_signature(_text("/depeche/russie-chine-defense.html"))
    match = index.best_match(reprint)
    assert match is not None and match.key == "/courrier/defense-pekin.html"
    assert match.similarity >= index.threshold
    # the English report of the same meeting is another story (another text)
    assert index.best_match(minhash_signature(_text("/post/korea-sanctions.html"))) is None


def test_signatures_survive_storage() -> None:
    sig = minhash_signature(_text("/courrier/kharkiv.html"))
    again = signature_from_bytes(signature_to_bytes(sig))
    assert signature_similarity(sig, again) == 1.0
