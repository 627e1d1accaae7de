-- The shared archive of article summaries (issue #20). One row per article, keyed by the path
-- (or id) it was ingested as; its figures in a table of their own so that a hover's lookup
-- (measure, slot, date range) is an index scan.

CREATE TABLE articles (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the path or id the article was ingested as (unique: upserts go by it)
    key          text NOT NULL UNIQUE,
    outlet       text NOT NULL,
    -- publication date used for matching; NULL when the article gives none
    published    date,
    -- hash of what the summary was built from (text, and the outlet and date given with it)
    content_hash bigint NOT NULL,
    -- the summary format (copydesk's cache format number): a newer copydesk re-analyses
    format       integer NOT NULL,
    -- copydesk's ArticleSummary, through its serde form
    summary      jsonb NOT NULL,
    -- the summary's keyword hashes, 8 little-endian bytes each (as in the SQLite cache)
    keywords     bytea NOT NULL,
    ingested_at  timestamptz NOT NULL DEFAULT now()
);

-- loading the articles around a checked article's publication date
CREATE INDEX articles_published ON articles (published);
-- the hover's lookup names each figure's article: an index-only scan of this small index
-- rather than a visit to the wide rows (their summaries)
CREATE INDEX articles_label ON articles (id) INCLUDE (key, outlet);

CREATE TABLE figures (
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- the figure's position among its article's claims
    ord        integer NOT NULL,
    measure    text NOT NULL,
    -- what the figure counts (the matching group: "people", "civilian", a noun's head), or ''
    slot       text NOT NULL,
    value_min  double precision NOT NULL,
    -- NULL when unbounded ("at least 30")
    value_max  double precision,
    -- the article's publication date, repeated so that the lookup needs no join to filter
    published  date,
    PRIMARY KEY (article_id, ord)
);

-- a hover's lookup: the figures of one measure and slot in the weeks around a date
CREATE INDEX figures_lookup ON figures (measure, slot, published) INCLUDE (article_id, value_min, value_max);

-- In how many articles each keyword hash appears, kept by the ingesters in the same
-- transactions as the articles: a reader loads only the articles around a date, and weighs
-- their keywords by these counts (the whole archive's), so its findings are the whole
-- archive's.
CREATE TABLE keyword_df (
    hash bigint PRIMARY KEY,
    df   integer NOT NULL
);
