-- A schema written by hand (as if by another tool) with aggregates and extended statistics
CREATE SCHEMA agst;
CREATE SCHEMA "Stats Home";

CREATE TABLE agst.film (
  film_id integer PRIMARY KEY,
  title text NOT NULL,
  rating text,
  length integer,
  rental_rate numeric(4,2)
);

-- pagila's group_concat
CREATE FUNCTION agst._group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE
AS $_$
SELECT CASE
  WHEN $2 IS NULL THEN $1
  WHEN $1 IS NULL THEN $2
  ELSE $1 || ', ' || $2
END
$_$;
CREATE AGGREGATE agst.group_concat(text) (SFUNC = agst._group_concat, STYPE = text);

-- a final function, an initial condition, a comment, parallel safety, a named argument
CREATE FUNCTION agst._push(acc text[], x text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ select acc || x $$;
CREATE FUNCTION agst._join(acc text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ select array_to_string(acc, ' | ') $$;
CREATE AGGREGATE agst.joined(item text) (
  SFUNC = agst._push, STYPE = text[], FINALFUNC = agst._join, INITCOND = '{}', PARALLEL = SAFE
);
COMMENT ON AGGREGATE agst.joined(text) IS 'joins with a bar, it''s';

-- built-in functions, a combine function, a zero-argument aggregate, a state size
CREATE AGGREGATE agst.total(integer) (SFUNC = int4pl, STYPE = integer, COMBINEFUNC = int4pl, INITCOND = '0', SSPACE = 4);
CREATE AGGREGATE agst.rows(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
-- variadic, with FINALFUNC_EXTRA
CREATE FUNCTION agst._count_args(acc integer, VARIADIC xs text[]) RETURNS integer LANGUAGE sql IMMUTABLE
AS $$ select acc + coalesce(array_length(xs, 1), 0) $$;
CREATE FUNCTION agst._finish(acc integer, VARIADIC xs text[]) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ select acc $$;
CREATE AGGREGATE agst.arg_count(VARIADIC text[]) (
  SFUNC = agst._count_args, STYPE = integer, INITCOND = '0', FINALFUNC = agst._finish, FINALFUNC_EXTRA,
  FINALFUNC_MODIFY = READ_WRITE
);

-- an ordered-set aggregate (a percentile with SQL functions), a hypothetical-set one (plpgsql final function), a built-in
-- variadic hypothetical one, a moving-mode sum with an inverse function, a max-like one with SORTOP, EXECUTE grants
CREATE FUNCTION agst._push_int(acc integer[], x integer) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$ select acc || x $$;
CREATE FUNCTION agst._pick(acc integer[], fraction double precision, x integer) RETURNS integer LANGUAGE sql IMMUTABLE
AS $$ select v from unnest(acc) v order by v offset greatest(ceil(fraction * cardinality(acc))::integer - 1, 0) limit 1 $$;
CREATE AGGREGATE agst.percentile(fraction double precision ORDER BY integer) (
  SFUNC = agst._push_int, STYPE = integer[], FINALFUNC = agst._pick, FINALFUNC_EXTRA, INITCOND = '{}'
);
COMMENT ON AGGREGATE agst.percentile(double precision ORDER BY integer) IS 'nearest-rank percentile';
CREATE FUNCTION agst._rank_of(acc integer[], h integer, x integer) RETURNS bigint LANGUAGE plpgsql IMMUTABLE
AS $$ begin return (select count(*) + 1 from unnest(acc) v where v < h); end $$;
CREATE AGGREGATE agst.rank_of(integer ORDER BY integer) (
  SFUNC = agst._push_int, STYPE = integer[], FINALFUNC = agst._rank_of, FINALFUNC_EXTRA, FINALFUNC_MODIFY = READ_ONLY,
  INITCOND = '{}', HYPOTHETICAL
);
CREATE AGGREGATE agst.any_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
  SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL
);
CREATE FUNCTION agst._plus(acc bigint, x integer) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$ select acc + x $$;
CREATE FUNCTION agst._minus(acc bigint, x integer) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$ select acc - x $$;
CREATE FUNCTION agst._moving_done(acc bigint, x integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ select acc $$;
CREATE AGGREGATE agst.moving_sum(integer) (
  SFUNC = int4_sum, STYPE = bigint, MSFUNC = agst._plus, MINVFUNC = agst._minus, MSTYPE = bigint, MSSPACE = 8,
  MFINALFUNC = agst._moving_done, MFINALFUNC_EXTRA, MFINALFUNC_MODIFY = SHAREABLE, MINITCOND = '0'
);
CREATE AGGREGATE agst.latest(date) (SFUNC = date_larger, STYPE = date, COMBINEFUNC = date_larger, SORTOP = >, PARALLEL = SAFE);
DO $$ BEGIN CREATE ROLE agst_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
REVOKE EXECUTE ON FUNCTION agst.percentile(double precision, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION agst.percentile(double precision, integer) TO agst_reader;
GRANT EXECUTE ON FUNCTION agst.latest(date) TO agst_reader;

-- views calling the aggregates
CREATE VIEW agst.film_titles AS SELECT rating, agst.group_concat(title ORDER BY title) AS titles, agst.rows(*) AS n
  FROM agst.film GROUP BY rating;
CREATE VIEW agst.film_joined AS SELECT agst.joined(title) AS j, agst.total(length) AS minutes FROM agst.film;
CREATE VIEW agst.film_lengths AS SELECT agst.percentile(0.5) WITHIN GROUP (ORDER BY length) AS median,
  agst.rank_of(100) WITHIN GROUP (ORDER BY length) AS rank_100, agst.any_rank(100, 'x') WITHIN GROUP (ORDER BY length, title) AS r,
  agst.latest(NULL::date) AS never FROM agst.film;
CREATE VIEW agst.film_running AS SELECT film_id,
  agst.moving_sum(length) OVER (ORDER BY film_id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two FROM agst.film;

-- extended statistics: every kind, chosen kinds, expressions, a target, a comment, another schema
CREATE STATISTICS agst.film_rating_length ON rating, length FROM agst.film;
CREATE STATISTICS agst.film_deps (dependencies) ON rental_rate, rating, length FROM agst.film;
ALTER STATISTICS agst.film_deps SET STATISTICS 300;
COMMENT ON STATISTICS agst.film_deps IS 'rate follows rating';
CREATE STATISTICS agst.film_lower_title ON (lower(title)) FROM agst.film;
CREATE STATISTICS "Stats Home"."Mixed" (ndistinct, mcv) ON rating, (length / 60) FROM agst.film;

-- rules: on a table (INSTEAD NOTHING with a condition, ALSO, several actions, disabled, commented) and on a view
CREATE TABLE agst.film_log (what text, at timestamptz DEFAULT now());
CREATE RULE film_keep_old AS ON DELETE TO agst.film WHERE old.film_id < 10 DO INSTEAD NOTHING;
CREATE RULE film_log_insert AS ON INSERT TO agst.film DO ALSO INSERT INTO agst.film_log (what) VALUES ('insert ' || new.title);
CREATE RULE film_clamp AS ON UPDATE TO agst.film WHERE new.length < 0 DO INSTEAD (
  UPDATE agst.film SET length = 0 WHERE film_id = old.film_id;
  INSERT INTO agst.film_log (what) VALUES ('clamped ' || old.film_id)
);
ALTER TABLE agst.film DISABLE RULE film_clamp;
COMMENT ON RULE film_keep_old ON agst.film IS 'old films stay';
CREATE VIEW agst.film_short AS SELECT film_id, title FROM agst.film;
CREATE RULE "Short Insert" AS ON INSERT TO agst.film_short DO INSTEAD
  INSERT INTO agst.film (film_id, title) VALUES (new.film_id, new.title);

-- publications: tables with column lists and row filters, a schema, options, a comment
CREATE PUBLICATION agst_films FOR TABLE agst.film (film_id, title, rating) WHERE (rating <> 'NC-17'), TABLE agst.film_log
  WITH (publish = 'insert, update');
COMMENT ON PUBLICATION agst_films IS 'films for the catalogue';
CREATE PUBLICATION "Agst Schema" FOR TABLES IN SCHEMA "Stats Home" WITH (publish_via_partition_root = true);

-- event triggers: tags, a disabled one with a comment
CREATE FUNCTION agst.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ begin perform 1; end $$;
CREATE EVENT TRIGGER agst_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION agst.on_ddl();
CREATE EVENT TRIGGER "Agst Drops" ON sql_drop EXECUTE FUNCTION agst.on_ddl();
ALTER EVENT TRIGGER "Agst Drops" DISABLE;
COMMENT ON EVENT TRIGGER "Agst Drops" IS 'quiet';
