-- tocsin schema 2: followed sources, the article queue and identity, canonical events.
--
-- Independent of later migrations. Tables only (no change to 001's tables):
--
-- ingest_sources    one row per followed feed or page and its polling state
-- article_ingest    one row per fetched/ingested article: canonical URL, content
--                   hash, MinHash signature, story (near-duplicate group), and the
--                   coding state: pending → coded (or duplicate, failed)
-- fetch_failures    entry pages that failed, with the number of attempts
-- canonical_events  one row per real-world event (a cluster of event mentions)
-- event_mentions    event row → canonical event (every coded event has one)

CREATE TABLE ingest_sources (
    name             VARCHAR PRIMARY KEY,
    url              VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,      -- feed | page
    outlet           VARCHAR,
    "language"       VARCHAR,
    interval_s       DOUBLE NOT NULL,
    etag             VARCHAR,               -- validators of the last complete poll
    last_modified    VARCHAR,
    last_poll_at     TIMESTAMP,
    last_success_at  TIMESTAMP,
    last_status      VARCHAR,               -- ok | not_modified | error
    last_error       VARCHAR,
    last_error_at    TIMESTAMP,
    failures         INTEGER NOT NULL DEFAULT 0,   -- consecutive failed polls
    next_poll_at     TIMESTAMP,
    n_polls          INTEGER NOT NULL DEFAULT 0,
    n_errors         INTEGER NOT NULL DEFAULT 0,
    n_articles       INTEGER NOT NULL DEFAULT 0    -- new articles stored from it
);

CREATE TABLE article_ingest (
    article_id     VARCHAR PRIMARY KEY,     -- articles.article_id
    canonical_url  VARCHAR,                 -- null for files and corpora without URLs
    content_hash   VARCHAR NOT NULL,
    story_id       VARCHAR NOT NULL,        -- article_id of the story's first article
    similarity     DOUBLE NOT NULL,         -- estimated Jaccard with that article (1 for itself)
    status         VARCHAR NOT NULL,        -- pending | coded | duplicate | failed
    source_name    VARCHAR,                 -- ingest_sources.name, or the input path
    minhash        BLOB,
    first_seen     TIMESTAMP NOT NULL,
    coded_at       TIMESTAMP,
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     VARCHAR
);
CREATE UNIQUE INDEX article_ingest_url ON article_ingest (canonical_url);
CREATE INDEX article_ingest_hash ON article_ingest (content_hash);
CREATE INDEX article_ingest_story ON article_ingest (story_id);
CREATE INDEX article_ingest_status ON article_ingest (status);

CREATE TABLE fetch_failures (
    url          VARCHAR PRIMARY KEY,       -- canonical URL of the page
    source_name  VARCHAR,
    attempts     INTEGER NOT NULL,
    transient    BOOLEAN NOT NULL,
    last_error   VARCHAR NOT NULL,
    last_at      TIMESTAMP NOT NULL
);

CREATE TABLE canonical_events (
    canonical_id    VARCHAR NOT NULL,
    coder           VARCHAR NOT NULL,
    block           VARCHAR NOT NULL,       -- type|source|target|negated: the dyad block
    "type"          VARCHAR NOT NULL,
    source_code     VARCHAR,                -- dyad member: country, else actor code (IGOEU); sorted for symmetric types
    target_code     VARCHAR,
    source_country  VARCHAR,
    target_country  VARCHAR,
    negated         BOOLEAN NOT NULL,
    quad_class      INTEGER NOT NULL,
    first_date      DATE,
    last_date       DATE,
    first_seen      TIMESTAMP,
    n_mentions      INTEGER NOT NULL,       -- event rows (sentences) in the cluster
    n_articles      INTEGER NOT NULL,       -- distinct coded articles
    n_sources       INTEGER NOT NULL,       -- distinct outlets, reprints included
    sources         VARCHAR[] NOT NULL,     -- those outlets, sorted
    representative  VARCHAR NOT NULL,       -- event_id of the earliest mention
    PRIMARY KEY (canonical_id, coder)
);
CREATE INDEX canonical_events_block ON canonical_events (block);
CREATE INDEX canonical_events_date ON canonical_events (first_date);

CREATE TABLE event_mentions (
    event_id      VARCHAR NOT NULL,
    coder         VARCHAR NOT NULL,
    canonical_id  VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    PRIMARY KEY (event_id, coder)
);
CREATE INDEX event_mentions_canonical ON event_mentions (canonical_id);
