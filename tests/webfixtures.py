"""A small news web for the fetch and watch tests: three outlets, a reprint, hostile inputs.

Every text here was written for tocsin's tests. ``build_site()`` returns the
routes for :class:`localserver.LocalServer`; ``sources_toml(base)`` the sources
file that follows it. What a correct run must end with is in ``EXPECTED``.
"""

from __future__ import annotations

from html import escape

from localserver import Route

# ------------------------------------------------------------------ articles

ARTICLES = {
    # Le Courrier de l'Est (fr)
    "/courrier/defense-pekin.html": dict(
        title="Moscou et Pékin resserrent leurs liens militaires", date="2024-03-05",
        author="Claire Vasseur", lang="fr", paragraphs=[
            "Le ministre russe de la Défense a rencontré mardi son homologue chinois à Pékin.",
            "Les deux hommes ont passé en revue les exercices conjoints prévus cet été en mer du Japon "
            "et la livraison de pièces détachées pour les hélicoptères de transport.",
            "Moscou et Pékin ont signé un accord sur des exercices navals communs, a indiqué le ministère.",
        ]),
    "/courrier/kharkiv.html": dict(
        title="Nouveaux bombardements sur Kharkiv", date="2024-03-07", author="Paul Renaud",
        lang="fr", paragraphs=[
            "L'armée russe a bombardé jeudi la ville ukrainienne de Kharkiv, selon les autorités locales.",
            "Les secours ont travaillé toute la nuit dans les quartiers touchés du nord de la ville, "
            "où plusieurs immeubles ont été endommagés.",
            "Kiev a accusé Moscou de viser des quartiers résidentiels.",
        ]),
    "/courrier/iran.html": dict(
        title="Paris durcit le ton face à Téhéran", date="2024-03-04", author="Claire Vasseur",
        lang="fr", paragraphs=[
            "La France a annoncé lundi de nouvelles sanctions contre l'Iran.",
            "Le ministère des Affaires étrangères a convoqué l'ambassadeur iranien dans la soirée "
            "pour lui remettre une note de protestation détaillée.",
        ]),
    # Northern Post (en)
    "/post/beijing-talks.html": dict(
        title="Russian and Chinese defence chiefs meet", date="2024-03-05", author="Amy Clarke",
        lang="en", paragraphs=[
            "Russian Defence Minister met his Chinese counterpart in Beijing on Tuesday.",
            "The talks covered joint naval drills planned for the summer and spare parts for "
            "transport helicopters, according to a statement released after the meeting.",
        ]),
    "/post/korea-sanctions.html": dict(
        title="Washington widens Korea sanctions", date="2024-03-06", author="Tom Whitaker",
        lang="en", paragraphs=[
            "The United States imposed new sanctions on North Korea on Wednesday.",
            "The measures target shipping companies accused of moving coal through third countries, "
            "the Treasury Department said in a statement.",
        ]),
    "/post/nato-baltic.html": dict(
        title="Allies plan Baltic exercise", date="2024-03-06", author="Amy Clarke",
        lang="en", paragraphs=[
            "Poland and Germany agreed on Wednesday to hold a joint air defence exercise in the Baltic region.",
            "Officials from both governments said the drill would involve several hundred troops "
            "and would take place in the autumn.",
        ]),
    # Dépêche du Sud (fr) — reprints the Courrier's wire story
    "/depeche/russie-chine-defense.html": dict(
        title="Russie-Chine : rencontre des ministres de la Défense à Pékin", date="2024-03-05",
        author="Rédaction", lang="fr", paragraphs=[
            "Le ministre russe de la Défense a rencontré mardi son homologue chinois à Pékin.",
            "Les deux hommes ont passé en revue les exercices conjoints prévus cet été en mer du Japon "
            "et la livraison de pièces détachées pour les hélicoptères de transport.",
            "Moscou et Pékin ont signé un accord sur des exercices navals communs, a indiqué le ministère.",
            "Lire aussi notre dossier sur la diplomatie militaire en Asie.",
        ]),
    "/depeche/latin1.html": dict(
        title="Réunion à Genève", date="2024-03-08", author="Rédaction", lang="fr",
        charset="windows-1252", paragraphs=[
            "Les ministres français et allemand des Affaires étrangères se sont réunis vendredi à Genève.",
            "Ils ont évoqué l'aide à l'Ukraine et la préparation du prochain sommet européen « élargi ».",
        ]),
}

BOILERPLATE_NAV = "<nav><a href='/'>Accueil</a> | <a href='/monde'>Monde</a> | <a href='/eco'>Économie</a></nav>"
BOILERPLATE_FOOT = "<footer><p>© Tous droits réservés. Abonnez-vous à notre lettre.</p></footer>"


def page_html(info: dict) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in info["paragraphs"])
    charset = info.get("charset", "utf-8")
    html = (
        f"<!DOCTYPE html><html lang='{info['lang']}'><head><meta charset='{charset}'>"
        f"<title>{escape(info['title'])}</title>"
        f"<meta name='author' content='{escape(info['author'])}'>"
        f"<meta property='article:published_time' content='{info['date']}T08:00:00+00:00'>"
        f"</head><body>{BOILERPLATE_NAV}<article><h1>{escape(info['title'])}</h1>"
        f"<p class='byline'>Par {escape(info['author'])}</p>{paragraphs}</article>"
        f"{BOILERPLATE_FOOT}</body></html>"
    )
    return html.encode(charset)


def rss(title: str, items: list[tuple[str, str, str, str]]) -> bytes:
    """RSS 2.0 from (link, title, RFC 822 date, description)."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{d}</pubDate><description>{escape(desc)}</description></item>"
        for link, t, d, desc in items
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
            f"<link>http://example.invalid/</link><description>test</description>{body}</channel></rss>").encode()


def atom(title: str, items: list[tuple[str, str, str, str]]) -> bytes:
    body = "".join(
        f"<entry><title>{escape(t)}</title><link href='{escape(link)}'/><id>{escape(link)}</id>"
        f"<updated>{d}</updated><summary>{escape(desc)}</summary></entry>"
        for link, t, d, desc in items
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id>"
            f"<updated>2024-03-08T00:00:00Z</updated>{body}</feed>").encode()


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rss version="2.0"><channel><title>&d;</title><item><title>&d;</title><link>http://x/</link></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><link>http://x/</link></item></channel></rss>"""


def build_site(base: str) -> dict[str, Route]:
    """Routes of the test web; ``base`` is the server's own address (links are absolute)."""
    routes: dict[str, Route] = {}
    for path, info in ARTICLES.items():
        charset = info.get("charset", "utf-8")
        routes[path] = Route(page_html(info), content_type=f"text/html; charset={charset}")

    def entry(path: str, date: str, query: str = "") -> tuple[str, str, str, str]:
        info = ARTICLES[path]
        return (f"{base}{path}{query}", info["title"], date, info["paragraphs"][0][:60])

    routes["/courrier/rss.xml"] = Route(rss("Le Courrier de l'Est", [
        entry("/courrier/defense-pekin.html", "Tue, 05 Mar 2024 08:00:00 GMT", "?utm_source=rss&utm_medium=feed"),
        entry("/courrier/kharkiv.html", "Thu, 07 Mar 2024 08:00:00 GMT"),
        entry("/courrier/iran.html", "Mon, 04 Mar 2024 08:00:00 GMT"),
    ]), content_type="application/rss+xml; charset=utf-8", etag='"courrier-v1"')
    routes["/post/atom.xml"] = Route(atom("Northern Post", [
        entry("/post/beijing-talks.html", "2024-03-05T09:00:00Z"),
        entry("/post/korea-sanctions.html", "2024-03-06T09:00:00Z"),
        entry("/post/nato-baltic.html", "2024-03-06T10:00:00Z"),
    ]), content_type="application/atom+xml", etag='"post-v1"')
    routes["/depeche/rss.xml"] = Route(rss("La Dépêche du Sud", [
        entry("/depeche/russie-chine-defense.html", "Tue, 05 Mar 2024 11:00:00 GMT"),
        # the Courrier's Kharkiv story again, through a tracking link and an AMP variant
        entry("/courrier/kharkiv.html", "Thu, 07 Mar 2024 12:00:00 GMT", "?xtor=RSS-1#comments"),
        entry("/depeche/latin1.html", "Fri, 08 Mar 2024 08:00:00 GMT"),
        # hostile entries: each a logged error, the watch goes on
        (f"{base}/missing.html", "Gone", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
        (f"{base}/error500.html", "Broken", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
        (f"{base}/truncated.html", "Cut", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
        (f"{base}/image.html", "Picture", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
        (f"{base}/huge.html", "Huge", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
        (f"{base}/loop1.html", "Loop", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
        (f"{base}/slow.html", "Slow", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
        (f"{base}/binary.html", "Binary", "Fri, 08 Mar 2024 09:00:00 GMT", "short"),
    ]), content_type="application/rss+xml", etag='"depeche-v1"')
    routes["/malformed.xml"] = Route(b"<?xml version='1.0'?><rss version='2.0'><channel><title>oops</title><item>",
                                     content_type="application/rss+xml")
    routes["/bomb.xml"] = Route(BOMB, content_type="application/rss+xml")
    routes["/xxe.xml"] = Route(XXE, content_type="application/rss+xml")
    routes["/html-not-feed.xml"] = Route(b"<html><body>hello</body></html>", content_type="text/html")
    routes["/error500.html"] = Route(b"server error", status=500, content_type="text/plain")
    routes["/truncated.html"] = Route(b"<html><head><title>Cut</title></head><body><article><p>Le minis",
                                      content_length=4000)
    routes["/image.html"] = Route(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, content_type="image/png")
    routes["/huge.html"] = Route(b"<html><body>" + b"<p>lorem ipsum</p>" * 120_000 + b"</body></html>")
    routes["/loop1.html"] = Route(status=302, headers={"Location": "/loop2.html"})
    routes["/loop2.html"] = Route(status=302, headers={"Location": "/loop1.html"})
    routes["/slow.html"] = Route(page_html(ARTICLES["/post/nato-baltic.html"]), delay=3.0)
    routes["/binary.html"] = Route(bytes(range(256)) * 20, content_type="text/html")
    routes["/to-metadata"] = Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    routes["/to-loopback"] = Route(status=301, headers={"Location": "http://127.0.0.2:9/admin"})
    return routes


def sources_toml(base: str, *, extra: str = "") -> str:
    return f"""
[settings]
allow_private = true
politeness_delay = 0.05
timeout = 1.0
deadline = 5.0
max_bytes = 1000000
max_attempts = 3

[[source]]
name = "courrier"
url = "{base}/courrier/rss.xml"
outlet = "Le Courrier de l'Est"
language = "fr"
interval = 600

[[source]]
name = "post"
url = "{base}/post/atom.xml"
kind = "feed"
outlet = "Northern Post"
language = "en"
interval = 600

[[source]]
name = "depeche"
url = "{base}/depeche/rss.xml"
outlet = "La Dépêche du Sud"
language = "fr"
interval = 600

[[source]]
name = "malformed"
url = "{base}/malformed.xml"
outlet = "Broken Feed"
interval = 600

[[source]]
name = "bomb"
url = "{base}/bomb.xml"
outlet = "Hostile Feed"
interval = 600
{extra}"""


#: what a full run stores: 8 article pages, of which one is a reprint
EXPECTED_ARTICLES = 8
EXPECTED_REPRINTS = 1
