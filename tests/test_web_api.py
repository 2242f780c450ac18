"""The JSON API of ``tocsin serve`` against a seeded database (in-process ASGI client),
a DuckDB file and a PostgreSQL schema."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fastapi.testclient import TestClient

from tocsin.store import open_store
from tocsin.web import ServeSettings, create_app
from tocsin.web.security import CONTENT_SECURITY_POLICY
from web_seed import TOKEN, seed_database

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def seed(store_factory):
    """The seeded database, on each backend (tests/backends.py)."""
    return seed_database(store_factory("seed"))


@pytest.fixture(scope="module")
def settings(seed):
    return ServeSettings(db=seed.path, tokens=frozenset({TOKEN}), max_body_bytes=20_000)


@pytest.fixture(scope="module")
def client(settings):
    with TestClient(create_app(settings)) as c:
        yield c


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The one error shape: {"error": {"status", "code", "message", "details"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], list)
    if code is not None:
        assert error["code"] == code
    return error


# ------------------------------------------------------------------ system

def test_health_and_version(client, seed):
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["database"]["events"] == seed.n_events
    assert health["alerts"] is True and health["writes"] is True
    version = client.get("/api/version").json()
    assert version["coder"] == "tocsin.patterns.v1" and version["api"] == "1"


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/dyads/{a}/{b}/series", "/api/dyads/top",
                 "/api/alerts", "/api/alerts/{alert_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/sources", "/api/health", "/api/version"):
        assert path in paths
    assert "post" in paths["/api/articles"] and "patch" in paths["/api/alerts/{alert_id}"]
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/events" in page.text


def test_sources_lists_outlets_and_runs(client):
    body = client.get("/api/sources").json()
    assert body["outlets"][0] == {"outlet": "Le Veilleur", "n_articles": 27, "latest": "2024-06-14"}
    assert body["runs"][0]["via"] == "tests"


# ------------------------------------------------------------------ events

def test_events_filters(client):
    def ids(**params):
        return {e["event_id"] for e in client.get("/api/events", params={**params, "limit": 500}).json()["events"]}

    everything = ids()
    assert len(everything) == 28
    assert len(ids(actor=["RUS", "CHN"])) == 27
    assert len(ids(actor="UKR")) == 1
    assert len(ids(type="THREATEN")) == 1 and len(ids(type="CONSULT")) == 27
    assert len(ids(quad="3")) == 1
    assert ids(dyad="RUS:UKR") == ids(actor="UKR") and not ids(dyad="UKR:RUS")
    assert len(ids(sector="GOV")) == 6
    assert len(ids(since="2024-06-03")) == 16 and len(ids(until="2024-06-02")) == 12
    assert ids(negated="true") == set() and ids(negated="false") == everything
    assert len(ids(language="fr")) == 28 and not ids(language="en")
    assert len(ids(article="hostile-1")) == 1


def test_events_are_newest_first_and_the_cursor_walks_every_event_once(client):
    seen, dates, cursor = [], [], None
    while True:
        params = {"limit": 5, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        assert len(body["events"]) <= 5
        seen += [e["event_id"] for e in body["events"]]
        dates += [e["date"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 28
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params,field", [
    ({"since": "yesterday"}, "since"), ({"quad": "7"}, "quad"), ({"negated": "maybe"}, "negated"),
    ({"actor": "<script>"}, "actor"), ({"dyad": "RUS"}, "dyad"), ({"limit": "0"}, "limit"),
    ({"limit": "9999"}, "limit"), ({"cursor": "not-a-cursor"}, "cursor"), ({"sector": "MILITARY"}, "sector"),
    ({"since": "2024-02-01", "until": "2024-01-01"}, "until"),
])
def test_bad_event_parameters_name_the_parameter(client, params, field):
    error = assert_error(client.get("/api/events", params=params), 422, "invalid_parameter")
    assert error["details"][0]["field"] == field
    assert error["message"].startswith(field)


def test_one_event_with_its_evidence(client, seed):
    body = client.get(f"/api/events/{seed.hostile_event}").json()
    event, evidence = body["event"], body["evidence"]
    sentence = evidence["sentence"]
    spans = {s["role"]: s for s in evidence["spans"]}
    assert sentence[spans["trigger"]["start"]:spans["trigger"]["end"]] == "a menacé"
    assert [spans["trigger"]["start"], spans["trigger"]["end"]] == event["trigger_span"]
    assert sentence[spans["source"]["start"]:spans["source"]["end"]] == event["source"]["text"]
    assert sentence[spans["target"]["start"]:spans["target"]["end"]] == "l'Ukraine"
    assert body["article"]["article_id"] == "hostile-1"
    assert body["same_sentence"] == [] and body["other_mentions"] == []


def test_other_mentions_are_the_same_happening_elsewhere(client):
    events = client.get("/api/events", params={"article": "rc-burst-00"}).json()["events"]
    body = client.get(f"/api/events/{events[0]['event_id']}").json()
    others = body["other_mentions"]
    assert others and all(o["type"] == "CONSULT" and o["article_id"] != "rc-burst-00" for o in others)
    day = date.fromisoformat(events[0]["date"])
    assert all(abs((date.fromisoformat(o["date"]) - day).days) <= 1 for o in others)


def test_unknown_event_and_path(client):
    assert_error(client.get("/api/events/nope"), 404, "not_found")
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


# ------------------------------------------------------------------- dyads

def test_dyad_series_and_top_dyads(client):
    body = client.get("/api/dyads/RUS/CHN/series", params={"by": "week"}).json()
    points = body["points"]
    assert sum(p["n_events"] for p in points) == 27
    assert {"period", "n_events", "quad_counts", "intensity_mean"} <= set(points[0])
    directed = client.get("/api/dyads/CHN/RUS/series", params={"directed": "true"}).json()["points"]
    assert sum(p["n_events"] for p in directed) == 0
    top = client.get("/api/dyads/top", params={"by": "events", "until": "2024-06-14"}).json()["dyads"]
    assert {top[0]["source"], top[0]["target"]} == {"RUS", "CHN"}
    changed = client.get("/api/dyads/top", params={"by": "change"}).json()["dyads"]
    assert changed and "change" in changed[0]
    assert_error(client.get("/api/dyads/RUS/CHN/series", params={"by": "year"}), 422)
    assert_error(client.get("/api/dyads/top", params={"by": "volume"}), 422)


# ------------------------------------------------------------------ alerts

def test_alerts_list_one_and_state_changes(client, seed):
    alerts = client.get("/api/alerts").json()["alerts"]
    assert [a["alert_id"] for a in alerts] == [seed.alert_id]
    one = client.get(f"/api/alerts/{seed.alert_id}").json()
    assert one["alert"]["kind"] == "count" and len(one["evidence"]) == len(one["alert"]["evidence"]) > 0
    assert all({e["source"]["country"], e["target"]["country"]} == {"RUS", "CHN"} for e in one["evidence"])

    url = f"/api/alerts/{seed.alert_id}"
    assert_error(client.patch(url, json={"state": "seen"}), 401, "unauthorized")
    assert_error(client.patch(url, json={"state": "seen"}, headers={"Authorization": "Bearer wrong-token-000000"}), 401)
    assert_error(client.patch(url, json={"state": "archived"}, headers=AUTH), 422, "invalid_parameter")
    assert_error(client.patch("/api/alerts/nope", json={"state": "seen"}, headers=AUTH), 404)
    changed = client.patch(url, json={"state": "seen"}, headers=AUTH)
    assert changed.status_code == 200 and changed.json()["alert"]["state"] == "seen"
    assert client.get("/api/alerts", params={"state": "new"}).json()["alerts"] == []
    assert client.get("/api/alerts", params={"state": "seen"}).json()["alerts"][0]["alert_id"] == seed.alert_id
    client.patch(url, json={"state": "new"}, headers=AUTH)
    assert_error(client.get("/api/alerts", params={"state": "old"}), 422)


# ---------------------------------------------------------------- articles

def test_articles_list_pages_and_one(client):
    first = client.get("/api/articles", params={"limit": 20}).json()
    second = client.get("/api/articles", params={"limit": 20, "cursor": first["next_cursor"]}).json()
    ids = [a["article_id"] for a in first["articles"] + second["articles"]]
    assert len(ids) == len(set(ids)) == 28 and second["next_cursor"] is None
    one = client.get("/api/articles/hostile-1").json()
    assert one["article"]["text"].startswith("<b onmouseover")
    assert len(one["events"]) == 1
    assert_error(client.get("/api/articles/nope"), 404)


def test_submissions_need_a_valid_token(client):
    article = {"text": "Russia and China held talks."}
    assert_error(client.post("/api/articles", json=article), 401, "unauthorized")
    response = client.post("/api/articles", json=article, headers={"Authorization": "Basic xyz"})
    assert_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/api/articles", json=article, headers={"Authorization": "Bearer " + TOKEN[:-1]}), 401)


@pytest.mark.parametrize("body,headers,status,code", [
    (b"{not json", {"content-type": "application/json"}, 400, "invalid_json"),
    (b"text=hello", {"content-type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
    (b'{"title": "no text"}', {"content-type": "application/json"}, 422, "invalid_article"),
    (b'[]', {"content-type": "application/json"}, 422, "empty_submission"),
    (b'{"text": "' + b"a" * 30_000 + b'"}', {"content-type": "application/json"}, 413, "payload_too_large"),
])
def test_bad_submissions_get_the_error_shape(client, body, headers, status, code):
    error = assert_error(client.post("/api/articles", content=body, headers={**AUTH, **headers}), status, code)
    if code == "invalid_article":
        assert error["details"] == [{"field": "articles[0]", "message": "field 'text' is missing"}]


def test_too_many_articles_in_one_submission(seed):
    settings = ServeSettings(db=seed.path, tokens=frozenset({TOKEN}), max_articles=2)
    with TestClient(create_app(settings)) as c:
        assert_error(c.post("/api/articles", json=[{"text": "a"}] * 3, headers=AUTH), 413, "too_many_articles")


def test_a_submitted_article_is_coded_and_stored(client, engine):
    article = {"id": "submitted-1", "title": "Putin meets Xi", "published": "2024-06-14", "language": "en",
               "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow.",
               "outlet": "Test Wire"}
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["articles"][0]["article_id"] == "submitted-1" and body["n_events"] >= 1
    stored = client.get("/api/events", params={"article": "submitted-1"}).json()["events"]
    assert {e["event_id"] for e in stored} == set(body["articles"][0]["event_ids"])
    assert any(e["type"] == "CONSULT" and e["source"]["country"] == "RUS" for e in stored)
    unsupported = client.post("/api/articles", headers=AUTH, json={"text": "Die Regierung tagte gestern in Berlin.",
                                                                   "language": "de"})
    assert unsupported.status_code == 201 and unsupported.json()["problems"][0]["code"] == "E105"


# -------------------------------------------------------- modes and headers

def test_writes_are_refused_without_tokens_or_when_read_only(settings, tmp_path):
    with TestClient(create_app(replace(settings, tokens=frozenset()))) as c:
        assert_error(c.post("/api/articles", json={"text": "x"}), 403, "writes_disabled")
    # a file of its own: this process already holds the module's seed open for writing
    settings = replace(settings, db=seed_database(tmp_path / "ro.duckdb").path, read_only=True)
    with TestClient(create_app(settings)) as c:
        assert c.get("/api/health").json()["database"]["read_only"] is True
        assert_error(c.post("/api/articles", json={"text": "x"}, headers=AUTH), 403, "read_only")
        alert_id = c.get("/api/alerts").json()["alerts"][0]["alert_id"]
        assert_error(c.patch(f"/api/alerts/{alert_id}", json={"state": "seen"}, headers=AUTH), 403, "read_only")
        with open_store(settings.db, read_only=True) as other_reader:  # readers share the file
            assert other_reader.count_events() >= 28


def test_security_headers_and_no_cors_by_default(client):
    for url in ("/api/events", "/", "/static/style.css", "/api/nope"):
        response = client.get(url, headers={"Origin": "https://evil.example"})
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in response.headers
    assert "script-src 'none'" in CONTENT_SECURITY_POLICY


def test_cors_only_for_the_origins_given(settings):
    with TestClient(create_app(replace(settings, cors_origins=("https://desk.example",)))) as c:
        ok = c.get("/api/version", headers={"Origin": "https://desk.example"})
        assert ok.headers["access-control-allow-origin"] == "https://desk.example"
        other = c.get("/api/version", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_store_and_coding_failures_keep_the_error_shape(settings, monkeypatch):
    from tocsin.errors import ModelError, StoreError
    from tocsin.web import coding

    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        def broken_reader(self):
            raise StoreError("disk gone", source="/secret/path.duckdb")

        monkeypatch.setattr("tocsin.web.database.Database.reader", broken_reader)
        error = assert_error(c.get("/api/events"), 503, "store_error")
        assert "/secret" not in error["message"]
        monkeypatch.undo()

        def no_models(self, articles):
            raise ModelError("fr_core_news_md is not installed")

        monkeypatch.setattr(coding.Coding, "submit", no_models)
        error = assert_error(c.post("/api/articles", json={"text": "x"}, headers=AUTH), 503, "coding_error")
        assert "fr_core_news_md" in error["message"]
        monkeypatch.setattr(coding.Coding, "submit", lambda self, articles: 1 / 0)
        assert_error(c.post("/api/articles", json={"text": "x"}, headers=AUTH), 500, "internal_error")
