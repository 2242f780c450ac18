-- tocsin schema 4: where events happen, and inferred targets.
--
-- The location struct gains the gazetteer's region (admin1), GeoNames id and
-- precision (place | admin1 | country); events gain target_inferred (the target
-- was taken from the place acted on or from the article, not read in the
-- sentence). Existing rows keep their values: the new fields are NULL / false.
--
-- DuckDB refuses to alter a table that indexes depend on, so the three indexes
-- of schema 1 are dropped and rebuilt around the change (one transaction).

DROP INDEX IF EXISTS events_article_id;
DROP INDEX IF EXISTS events_date;
DROP INDEX IF EXISTS events_type;

ALTER TABLE events ADD COLUMN location.admin1 VARCHAR;
ALTER TABLE events ADD COLUMN location.geonames_id BIGINT;
ALTER TABLE events ADD COLUMN location."precision" VARCHAR;
ALTER TABLE events ADD COLUMN target_inferred BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX events_date ON events ("date");
CREATE INDEX events_type ON events ("type");
