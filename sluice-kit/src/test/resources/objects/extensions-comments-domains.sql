-- extensions with schema and version, domains with collation and several checks, and comments on every kind
CREATE SCHEMA xp;
COMMENT ON SCHEMA xp IS 'pulled schema';
COMMENT ON SCHEMA public IS 'the app''s public schema';
CREATE SCHEMA xp_ext;
CREATE EXTENSION hstore SCHEMA xp_ext VERSION '1.7';
CREATE EXTENSION citext SCHEMA xp_ext;
CREATE EXTENSION pgcrypto SCHEMA xp_ext;

CREATE DOMAIN xp.code AS text COLLATE "C" DEFAULT 'x' NOT NULL
  CONSTRAINT code_len CHECK (length(VALUE) > 0)
  CONSTRAINT code_lower CHECK (VALUE = lower(VALUE));
ALTER DOMAIN xp.code ADD CONSTRAINT code_short CHECK (length(VALUE) < 20) NOT VALID;
COMMENT ON DOMAIN xp.code IS 'product codes';
COMMENT ON CONSTRAINT code_len ON DOMAIN xp.code IS 'not empty';
CREATE DOMAIN xp.email AS xp_ext.citext CONSTRAINT email_at CHECK (VALUE OPERATOR(xp_ext.~) '@');

CREATE TYPE xp.mood AS ENUM ('ok', 'sad');
COMMENT ON TYPE xp.mood IS 'moods';
CREATE TYPE xp.pair AS (a integer, b text);
COMMENT ON TYPE xp.pair IS 'a pair';
COMMENT ON COLUMN xp.pair.b IS 'second of the pair';
CREATE SEQUENCE xp.counter;
COMMENT ON SEQUENCE xp.counter IS 'counts';

CREATE TABLE xp.parents (
  id integer PRIMARY KEY,
  code xp.code,
  email xp.email,
  attrs xp_ext.hstore DEFAULT ''::xp_ext.hstore,
  token bytea DEFAULT xp_ext.gen_random_bytes(8)
);
COMMENT ON TABLE xp.parents IS 'parents';
COMMENT ON COLUMN xp.parents.code IS 'the code';
COMMENT ON CONSTRAINT parents_pkey ON xp.parents IS 'parent key';

CREATE TABLE xp.children (
  id integer CONSTRAINT children_pkey PRIMARY KEY,
  parent_id integer CONSTRAINT children_parent_fkey REFERENCES xp.parents,
  n integer CONSTRAINT children_n_check CHECK (n > 0),
  code text CONSTRAINT children_code_key UNIQUE,
  during int4range,
  mood xp.mood,
  CONSTRAINT children_during_excl EXCLUDE USING gist (during WITH &&)
);
COMMENT ON CONSTRAINT children_pkey ON xp.children IS 'child key';
COMMENT ON CONSTRAINT children_parent_fkey ON xp.children IS 'owner';
COMMENT ON CONSTRAINT children_n_check ON xp.children IS 'positive';
COMMENT ON CONSTRAINT children_code_key ON xp.children IS 'one per code';
COMMENT ON CONSTRAINT children_during_excl ON xp.children IS 'no overlap';
CREATE INDEX children_n_idx ON xp.children (n);
COMMENT ON INDEX xp.children_n_idx IS 'by n';
ALTER TABLE xp.children ENABLE ROW LEVEL SECURITY;
CREATE POLICY children_read ON xp.children FOR SELECT USING (n > 0);
COMMENT ON POLICY children_read ON xp.children IS 'readers see positive rows';
CREATE POLICY children_all ON xp.children USING (true);

CREATE VIEW xp.v AS SELECT id, n FROM xp.children;
COMMENT ON VIEW xp.v IS 'a view';
COMMENT ON COLUMN xp.v.n IS 'n of the child';
CREATE MATERIALIZED VIEW xp.mv AS SELECT id FROM xp.children;
COMMENT ON MATERIALIZED VIEW xp.mv IS 'a materialized view';
COMMENT ON COLUMN xp.mv.id IS 'child id';
