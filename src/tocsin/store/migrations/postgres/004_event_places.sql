-- tocsin schema 4: where events happen, and inferred targets (PostgreSQL dialect).
--
-- The PostgreSQL twin of ../004_event_places.sql (DuckDB). The composite type
-- event_location gains the gazetteer's region (admin1), GeoNames id and
-- precision (place | admin1 | country), after its existing fields, as the
-- DuckDB struct does; events gain target_inferred (the target was taken from
-- the place acted on or from the article, not read in the sentence). Existing
-- rows keep their values: the new fields are NULL / false. (PostgreSQL alters
-- an indexed table in place: no index needs rebuilding.)

ALTER TYPE event_location
    ADD ATTRIBUTE admin1 text,
    ADD ATTRIBUTE geonames_id bigint,
    ADD ATTRIBUTE "precision" text;

ALTER TABLE events ADD COLUMN target_inferred boolean NOT NULL DEFAULT false;
