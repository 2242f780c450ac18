"""Dashboard pages: real data rendered, untrusted text escaped, forms guarded."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from tocsin.web import ServeSettings, create_app
from tocsin.web.charts import Marker, bar_chart
from tocsin.web.pages import local_path, safe_url
from web_seed import HOSTILE_TITLE, TOKEN, seed_database

#: markup from the seed that must never reach a page unescaped
RAW = ["<script", "<img", "<svg onload", "<b onmouseover", "<i>Kyiv", 'href="javascript:', "onerror=\"alert",
       "onload=\"alert"]


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    return seed_database(tmp_path_factory.mktemp("pages") / "seed.duckdb")


@pytest.fixture(scope="module")
def client(seed):
    with TestClient(create_app(ServeSettings(db=seed.path, tokens=frozenset({TOKEN})))) as c:
        yield c


def assert_escaped(html: str) -> None:
    for raw in RAW:
        assert raw not in html, raw


def pages(seed):
    return ["/", "/events", "/events?actor=RUS&actor=UKR", f"/events/{seed.hostile_event}",
            "/dyads/RUS/UKR", "/dyads/CHN/RUS", f"/dyads/CHN/RUS?alert={seed.alert_id}", "/alerts",
            "/alerts?state=all", "/articles", "/articles/hostile-1", "/docs", "/login", "/submit"]


def test_every_page_renders_and_escapes_untrusted_text(client, seed):
    for url in pages(seed):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert_escaped(response.text)


def test_hostile_article_is_shown_as_text(client):
    html = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;Moscou menace" in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "javascript:alert(5)" in html and 'href="javascript' not in html  # shown, not linked
    assert "&lt;svg onload=&#34;alert(6)&#34;&gt;Le Veilleur" in html
    assert HOSTILE_TITLE not in html


def test_event_list_highlights_trigger_and_actors(client, seed):
    html = client.get("/events", params={"article": "hostile-1"}).text
    marks = dict((role, text) for role, text in re.findall(
        r'<mark class="ev-(\w+) " data-role="\w+"><span class="sr-only">\[\w+: </span>(.*?)<span', html))
    assert marks["trigger"] == "a menacé"
    assert marks["source"] == "&lt;b onmouseover=&#34;alert(3)&#34;&gt;La Russie&lt;/b&gt;"
    assert marks["target"] == "l&#39;Ukraine"
    assert "1 matching events" in html


def test_event_filters_on_the_page(client):
    def count(**params):
        return client.get("/events", params=params).text.count('<li class="event"')

    assert count(negated="true") == 0 and count(negated="false") == 28
    assert count(sector="GOV") == 6
    html = client.get("/events", params={"sector": "GOV", "negated": "false"}).text
    assert '<option value="GOV" selected>' in html and '<option value="false" selected>' in html


def test_overview_shows_alerts_dyads_and_the_daily_chart(client, seed):
    html = client.get("/").text
    assert f"/dyads/CHN/RUS?alert={seed.alert_id}" in html
    assert re.search(r'href="/dyads/(RUS/CHN|CHN/RUS)"', html)  # the most active dyad
    assert '<svg class="chart" id="events-per-day"' in html and html.count('class="bar"') == len(re.findall(r"<tr><td>2024-\d\d-\d\d</td>", html)) > 10


def test_dyad_page_has_alert_markers_evidence_and_filters(client, seed):
    html = client.get(f"/dyads/CHN/RUS?alert={seed.alert_id}").text
    assert 'class="alert-marker"' in html and f'href="#alert-{seed.alert_id}"' in html
    assert 'id="chosen-alert"' in html and html.count('<li class="event"') == 10 + 27
    gov = client.get("/dyads/CHN/RUS", params={"sector": "GOV"}).text
    assert gov.count('<li class="event"') == 6
    since = client.get("/dyads/CHN/RUS", params={"since": "2024-06-03", "type": "CONSULT"}).text
    assert since.count('<li class="event"') == 15


def test_page_errors_are_html_pages(client):
    response = client.get("/events", params={"since": "soon"})
    assert response.status_code == 422 and "since: &#39;soon&#39; is not a date" in response.text
    missing = client.get("/articles/<script>x")
    assert missing.status_code == 404 and "<script>x" not in missing.text


def test_sign_in_then_mark_an_alert_with_the_csrf_value(seed):
    with TestClient(create_app(ServeSettings(db=seed.path.with_name("forms.duckdb"), tokens=frozenset({TOKEN})))) as c:
        pass  # an empty database opens for writing and renders
    with TestClient(create_app(ServeSettings(db=seed.path, tokens=frozenset({TOKEN}))),
                    follow_redirects=False) as c:
        form = {"content-type": "application/x-www-form-urlencoded"}
        assert c.post("/login", content="token=wrong-token-1234567890", headers=form).status_code == 401
        assert c.post(f"/alerts/{seed.alert_id}/state", content="state=seen", headers=form).status_code == 401
        ok = c.post("/login", content=f"token={TOKEN}&next=//evil.example/", headers=form)
        assert ok.status_code == 303 and ok.headers["location"] == "/"
        cookie = ok.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        inbox = c.get("/alerts").text
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', inbox).group(1)
        stale = c.post(f"/alerts/{seed.alert_id}/state", content="state=seen&csrf=bad", headers=form)
        assert stale.status_code == 403
        done = c.post(f"/alerts/{seed.alert_id}/state", content=f"state=dismissed&csrf={csrf}&next=/alerts",
                      headers=form)
        assert done.status_code == 303
        assert c.get(f"/api/alerts/{seed.alert_id}").json()["alert"]["state"] == "dismissed"
        c.post(f"/alerts/{seed.alert_id}/state", content=f"state=new&csrf={csrf}", headers=form)
        assert c.post("/logout").status_code == 303


def test_links_only_to_web_addresses_and_local_paths():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", ""):
        assert safe_url(bad) is None
    assert local_path("/alerts?state=new") == "/alerts?state=new"
    for bad in ("//evil.example", "https://evil.example/", "/\\evil.example", "alerts", None):
        assert local_path(bad) == "/"


def test_chart_labels_are_escaped():
    svg = bar_chart([(date(2024, 1, 1), 2), (date(2024, 1, 8), 5)], title="<script>x</script>", chart_id="c",
                    markers=[Marker(date(2024, 1, 8), '"><img src=x onerror=alert(1)>', "alert-1")])
    assert "<script>" not in svg and "<img" not in svg and "&lt;script&gt;" in svg
    assert svg.count('class="bar"') == 2 and 'class="alert-marker"' in svg
