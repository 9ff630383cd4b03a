-- A schema written by hand (as if by another tool) with collations and range types
CREATE SCHEMA cr;
CREATE SCHEMA "Cr Other";

-- collations: the case-insensitive ICU one, libc with one locale and with two, FROM an existing one, comments
CREATE COLLATION cr.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION cr.ci IS 'case-insensitive, it''s ICU';
CREATE COLLATION cr.bytes (provider = libc, locale = 'C');
CREATE COLLATION "Cr Other"."Mixed" (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');
CREATE COLLATION cr.copied FROM "C";
CREATE COLLATION cr.numeric (provider = icu, locale = 'und-u-kn-true');

-- range types: a built-in difference function, a SQL one, a collation, a multirange name, a comment, another schema
CREATE TYPE cr.floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
COMMENT ON TYPE cr.floatrange IS 'floats';
CREATE FUNCTION cr.time_diff(x time, y time) RETURNS float8 LANGUAGE sql IMMUTABLE
  AS $$ SELECT EXTRACT(EPOCH FROM (x - y))::float8 $$;
CREATE TYPE cr.timerange AS RANGE (SUBTYPE = time, SUBTYPE_DIFF = cr.time_diff, MULTIRANGE_TYPE_NAME = cr.opening_hours);
CREATE TYPE "Cr Other".textrange AS RANGE (SUBTYPE = text, COLLATION = cr.bytes);

-- a domain with the custom collation
CREATE DOMAIN cr.handle AS text COLLATE cr.ci CHECK (VALUE <> '');

-- a table: custom collations on columns and in an index, range columns, an exclusion constraint with the range's gist opclass
CREATE TABLE cr.booking (
  id integer PRIMARY KEY,
  email text COLLATE cr.ci NOT NULL,
  nick cr.handle,
  label text COLLATE "Cr Other"."Mixed",
  span cr.floatrange NOT NULL,
  opening cr.timerange,
  letters "Cr Other".textrange[],
  EXCLUDE USING gist (span WITH &&)
);
CREATE INDEX booking_label_numeric ON cr.booking (label COLLATE cr.numeric);
CREATE UNIQUE INDEX booking_email ON cr.booking (email);

-- a function over a range type (created after the tables by the differ)
CREATE FUNCTION cr.width(r cr.floatrange) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT upper(r) - lower(r) $$;
