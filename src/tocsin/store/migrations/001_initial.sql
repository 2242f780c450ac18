-- tocsin schema 1: coding runs, articles and events (DuckDB dialect).
--
-- The events columns are the public event record (tocsin.records.Event), in
-- the same order and with the same names as the JSON lines and the exports.
-- An event is identified by its id together with the coder version that
-- produced it, so that one article coded by two coder versions keeps both.

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    coder           VARCHAR NOT NULL,
    tocsin_version  VARCHAR NOT NULL,
    args            VARCHAR,            -- JSON text of the run's options
    n_articles      INTEGER,
    n_events        INTEGER,
    n_failed        INTEGER
);

CREATE TABLE articles (
    article_id  VARCHAR PRIMARY KEY,
    title       VARCHAR,
    "text"      VARCHAR NOT NULL,
    published   DATE,
    url         VARCHAR,
    "language"  VARCHAR,
    outlet      VARCHAR,
    origin      VARCHAR,
    coded_with  VARCHAR,                -- coder version of the latest coding
    run_id      VARCHAR,                -- run of the latest coding
    updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE events (
    event_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    sentence        VARCHAR NOT NULL,
    "trigger"       VARCHAR NOT NULL,
    trigger_span    INTEGER[] NOT NULL,
    "type"          VARCHAR NOT NULL,
    "mode"          VARCHAR,
    context         VARCHAR[] NOT NULL,
    cameo           VARCHAR NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       DOUBLE NOT NULL,
    source          STRUCT("text" VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, "name" VARCHAR, entity_id VARCHAR),
    target          STRUCT("text" VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, "name" VARCHAR, entity_id VARCHAR),
    negated         BOOLEAN NOT NULL,
    modality        VARCHAR NOT NULL,
    attribution     STRUCT("text" VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, "name" VARCHAR, entity_id VARCHAR),
    "date"          DATE,
    date_precision  VARCHAR NOT NULL,
    date_text       VARCHAR,
    location        STRUCT("text" VARCHAR, country VARCHAR, "name" VARCHAR, lat DOUBLE, lon DOUBLE),
    "language"      VARCHAR NOT NULL,
    confidence      DOUBLE NOT NULL,
    coder           VARCHAR NOT NULL,
    pattern         VARCHAR NOT NULL,
    PRIMARY KEY (event_id, coder)
);

CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX events_date ON events ("date");
CREATE INDEX events_type ON events ("type");
