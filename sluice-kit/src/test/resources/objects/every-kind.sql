-- A schema written by hand (as if by another tool) using functions and triggers everywhere
CREATE SCHEMA rt;
CREATE TYPE rt.mood AS ENUM ('sad', 'ok', 'happy');

CREATE FUNCTION rt.norm_email(e text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ select lower(trim(e)) $$;

CREATE FUNCTION rt.current_tenant() RETURNS integer LANGUAGE sql STABLE
AS $$ select nullif(current_setting('app.tenant', true), '')::integer $$;

CREATE FUNCTION rt.next_code(prefix text DEFAULT 'C') RETURNS text LANGUAGE sql
AS $$ select prefix || floor(random() * 1000)::int $$;

CREATE FUNCTION rt.is_positive(n numeric) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN n > 0;

CREATE FUNCTION rt.cheer(m rt.mood) RETURNS text LANGUAGE plpgsql IMMUTABLE
AS $$ begin return m::text || '!'; end $$;

CREATE TABLE rt.customers (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  email text NOT NULL,
  email_norm text GENERATED ALWAYS AS (rt.norm_email(email)) STORED,
  code text DEFAULT rt.next_code(),
  balance numeric CONSTRAINT balance_positive CHECK (rt.is_positive(balance + 1)),
  mood rt.mood,
  updated_at timestamptz
);
CREATE INDEX customers_email_norm ON rt.customers (rt.norm_email(email));
ALTER TABLE rt.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON rt.customers USING (tenant_id = rt.current_tenant());
CREATE VIEW rt.customer_moods AS SELECT id, rt.cheer(mood) AS cheer FROM rt.customers;

CREATE FUNCTION rt.by_tenant(t integer) RETURNS SETOF rt.customers LANGUAGE sql STABLE ROWS 20
AS $$ select * from rt.customers where tenant_id = t $$;
CREATE FUNCTION rt.stats(OUT n bigint, OUT total numeric) LANGUAGE sql
AS $$ select count(*), sum(balance) from rt.customers $$;
CREATE FUNCTION rt.top(lim integer DEFAULT 10) RETURNS TABLE(id integer, email text) LANGUAGE sql
AS $$ select c.id, c.email from rt.customers c order by c.id limit lim $$;
CREATE FUNCTION rt.concat_all(VARIADIC parts text[]) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ select array_to_string(parts, ',') $$;
CREATE FUNCTION rt.audit_secret() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp COST 50
AS $$ begin perform 1; end $$;
COMMENT ON FUNCTION rt.audit_secret() IS 'runs as owner';
REVOKE EXECUTE ON FUNCTION rt.audit_secret() FROM PUBLIC;
CREATE PROCEDURE rt.reset_balances(IN t integer) LANGUAGE plpgsql
AS $$ begin update rt.customers set balance = 0 where tenant_id = t; end $$;

CREATE FUNCTION rt.touch() RETURNS trigger LANGUAGE plpgsql
AS $$ begin new.updated_at := now(); return new; end $$;
CREATE TRIGGER customers_touch BEFORE UPDATE ON rt.customers
  FOR EACH ROW WHEN (old.email IS DISTINCT FROM new.email) EXECUTE FUNCTION rt.touch();
COMMENT ON TRIGGER customers_touch ON rt.customers IS 'keeps updated_at';

CREATE TABLE rt.audit (what text, n bigint);
CREATE FUNCTION rt.audit_rows() RETURNS trigger LANGUAGE plpgsql
AS $$ begin insert into rt.audit select tg_op, count(*) from new_rows; return null; end $$;
CREATE TRIGGER customers_audit AFTER INSERT ON rt.customers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rt.audit_rows();

CREATE FUNCTION rt.after_row() RETURNS trigger LANGUAGE plpgsql
AS $$ begin insert into rt.audit values (tg_argv[0], 1); return null; end $$;
CREATE TRIGGER customers_after AFTER UPDATE OF email, balance OR DELETE ON rt.customers
  FOR EACH ROW EXECUTE FUNCTION rt.after_row('x', 'it''s');
ALTER TABLE rt.customers DISABLE TRIGGER customers_after;
CREATE CONSTRAINT TRIGGER customers_check AFTER INSERT OR UPDATE ON rt.customers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rt.after_row();

CREATE VIEW rt.customers_v AS SELECT id, tenant_id, email FROM rt.customers;
CREATE FUNCTION rt.customers_v_insert() RETURNS trigger LANGUAGE plpgsql
AS $$ begin insert into rt.customers (id, tenant_id, email) values (new.id, new.tenant_id, new.email); return new; end $$;
CREATE TRIGGER customers_v_insert INSTEAD OF INSERT ON rt.customers_v
  FOR EACH ROW EXECUTE FUNCTION rt.customers_v_insert();
