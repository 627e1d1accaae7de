-- Story identity (#17) in the archive: each article carries the story it was given at ingest
-- (the story of the most alike stored article of the same story, else a new one), and its
-- figures repeat it, so that a hover's lookup is one index scan by (story, measure, slot,
-- date range). NULL = not known yet (rows written before this migration): `copydesk index`
-- assigns them, and the lookups ask for them apart (`figures_unassigned`) meanwhile.

ALTER TABLE articles ADD COLUMN story bigint;
CREATE SEQUENCE story_ids;
-- in which ingest transaction the row was last written: ingesters take the story lock and
-- then the next epoch, so epochs are in commit order and an ingester reads only the rows
-- written since its last batch
ALTER TABLE articles ADD COLUMN epoch bigint;
CREATE SEQUENCE ingest_epochs;
CREATE INDEX articles_epoch ON articles (epoch);

ALTER TABLE figures ADD COLUMN story bigint;
-- a hover's lookup: the figures of the document's stories, one measure and slot, in the
-- weeks around its date
CREATE INDEX figures_story ON figures (story, measure, slot, published)
    INCLUDE (article_id, value_min, value_max);
-- the figures of articles whose story is not known yet (an archive from before stories),
-- until the next `copydesk index` assigns them
DROP INDEX figures_lookup;
CREATE INDEX figures_unassigned ON figures (measure, slot, published)
    INCLUDE (article_id, value_min, value_max) WHERE story IS NULL;
