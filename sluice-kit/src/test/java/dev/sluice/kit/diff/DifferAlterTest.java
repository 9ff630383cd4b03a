package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden SQL of the alter/drop half, one test per {@link ChangeFixtures} pair: the up migration
 * ({@code diff(from, to)}) and the down migration ({@code diff(to, from)}). Destructive changes are
 * marked {@code [D] } so the assertions also pin {@link Change#destructive()}.
 */
class DifferAlterTest {

  static List<String> up(ChangeFixtures.Fixture f) {
    return marked(Differ.diff(f.from(), f.to(), f.options()));
  }

  static List<String> down(ChangeFixtures.Fixture f) {
    return marked(Differ.diff(f.to(), f.from(), f.options().reversed()));
  }

  static List<String> marked(List<Change> changes) {
    return changes.stream().map(c -> (c.destructive() ? "[D] " : "") + DdlRenderer.render(c)).toList();
  }

  @Test
  void schemasAreCreatedAndDroppedLast() {
    var f = ChangeFixtures.byName("fx_schemas");
    assertThat(up(f)).containsExactly(
        "CREATE SCHEMA fx_schemas_new",
        "[D] DROP SCHEMA fx_schemas_old");
    assertThat(down(f)).containsExactly(
        "CREATE SCHEMA fx_schemas_old",
        "[D] DROP SCHEMA fx_schemas_new");
  }

  @Test
  void extensionsAreCreatedAndDropped() {
    var f = ChangeFixtures.byName("fx_extensions");
    assertThat(up(f)).containsExactly(
        "CREATE EXTENSION IF NOT EXISTS btree_gist",
        "DROP EXTENSION pg_trgm");
    assertThat(down(f)).containsExactly(
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "DROP EXTENSION btree_gist");
  }

  @Test
  void rolesAreCreatedAndAlteredButNeverDropped() {
    var f = ChangeFixtures.byName("fx_roles");
    assertThat(up(f)).containsExactly(
        "DO $sluice$\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'fx_roles_new') THEN\n    BEGIN\n      CREATE ROLE fx_roles_new NOLOGIN INHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE;\n    EXCEPTION WHEN duplicate_object THEN NULL;\n    END;\n  END IF;\nEND\n$sluice$",
        "ALTER ROLE fx_roles_app LOGIN NOINHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE",
        "GRANT fx_roles_group TO fx_roles_app");
    assertThat(down(f)).containsExactly(
        "DO $sluice$\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'fx_roles_gone') THEN\n    BEGIN\n      CREATE ROLE fx_roles_gone NOLOGIN INHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE;\n    EXCEPTION WHEN duplicate_object THEN NULL;\n    END;\n  END IF;\nEND\n$sluice$",
        "ALTER ROLE fx_roles_app NOLOGIN INHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE",
        "REVOKE fx_roles_group FROM fx_roles_app");
  }

  @Test
  void enumValuesAreAddedInPlaceBeforeOrAfterTheirNeighbours() {
    var f = ChangeFixtures.byName("fx_enum_add");
    assertThat(up(f)).containsExactly(
        "ALTER TYPE fx_enum_add.mood ADD VALUE 'very_sad' BEFORE 'sad'",
        "ALTER TYPE fx_enum_add.mood ADD VALUE 'ok' AFTER 'sad'",
        "ALTER TYPE fx_enum_add.mood ADD VALUE 'ecstatic'",
        "COMMENT ON TYPE fx_enum_add.mood IS 'how one feels'");
    assertThat(down(f)).containsExactly(
        "CREATE TYPE fx_enum_add.mood_sluice_new AS ENUM ('sad', 'happy')",
        "[D] ALTER TABLE fx_enum_add.people ALTER COLUMN mood TYPE fx_enum_add.mood_sluice_new USING mood::text::fx_enum_add.mood_sluice_new",
        "[D] ALTER TABLE fx_enum_add.people ALTER COLUMN moods TYPE fx_enum_add.mood_sluice_new[] USING moods::text[]::fx_enum_add.mood_sluice_new[]",
        "DROP TYPE fx_enum_add.mood",
        "ALTER TYPE fx_enum_add.mood_sluice_new RENAME TO mood",
        "COMMENT ON TYPE fx_enum_add.mood IS NULL");
  }

  @Test
  void anEnumLosingAValueIsRebuiltThroughTextAndItsViewsRecreated() {
    var f = ChangeFixtures.byName("fx_enum_remove");
    assertThat(up(f)).containsExactly(
        "DROP VIEW fx_enum_remove.happy_people",
        "DROP INDEX fx_enum_remove.people_happy_idx",
        "ALTER TABLE fx_enum_remove.people DROP CONSTRAINT people_mood_check",
        "CREATE TYPE fx_enum_remove.mood_sluice_new AS ENUM ('sad', 'happy')",
        "[D] ALTER TABLE fx_enum_remove.history ALTER COLUMN mood TYPE fx_enum_remove.mood_sluice_new USING mood::text::fx_enum_remove.mood_sluice_new",
        "ALTER TABLE fx_enum_remove.people ALTER COLUMN mood DROP DEFAULT",
        "[D] ALTER TABLE fx_enum_remove.people ALTER COLUMN mood TYPE fx_enum_remove.mood_sluice_new USING mood::text::fx_enum_remove.mood_sluice_new",
        "[D] ALTER TABLE fx_enum_remove.people ALTER COLUMN moods TYPE fx_enum_remove.mood_sluice_new[] USING moods::text[]::fx_enum_remove.mood_sluice_new[]",
        "DROP TYPE fx_enum_remove.mood",
        "ALTER TYPE fx_enum_remove.mood_sluice_new RENAME TO mood",
        "ALTER TABLE fx_enum_remove.people ALTER COLUMN mood SET DEFAULT 'happy'::fx_enum_remove.mood",
        "ALTER TABLE fx_enum_remove.history ALTER COLUMN mood TYPE text USING mood::text",
        "ALTER TABLE fx_enum_remove.people ADD CONSTRAINT people_mood_check CHECK (mood <> 'sad')",
        "CREATE INDEX people_happy_idx ON fx_enum_remove.people USING btree (id) WHERE (mood = 'happy'::fx_enum_remove.mood)",
        "CREATE VIEW fx_enum_remove.happy_people AS\nSELECT id FROM fx_enum_remove.people WHERE mood = 'happy'");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_enum_remove.people DROP CONSTRAINT people_mood_check",
        "ALTER TYPE fx_enum_remove.mood ADD VALUE 'meh' AFTER 'sad'",
        "[D] ALTER TABLE fx_enum_remove.history ALTER COLUMN mood TYPE fx_enum_remove.mood USING mood::fx_enum_remove.mood",
        "ALTER TABLE fx_enum_remove.people ADD CONSTRAINT people_mood_check CHECK (mood <> 'meh')");
  }

  @Test
  void aReorderedEnumIsRebuiltWithoutDataLoss() {
    var f = ChangeFixtures.byName("fx_enum_order");
    assertThat(up(f)).containsExactly(
        "CREATE TYPE fx_enum_order.size_sluice_new AS ENUM ('small', 'medium', 'large')",
        "ALTER TABLE fx_enum_order.shirts ALTER COLUMN size TYPE fx_enum_order.size_sluice_new USING size::text::fx_enum_order.size_sluice_new",
        "DROP TYPE fx_enum_order.size",
        "ALTER TYPE fx_enum_order.size_sluice_new RENAME TO size");
    assertThat(down(f)).containsExactly(
        "CREATE TYPE fx_enum_order.size_sluice_new AS ENUM ('large', 'small', 'medium')",
        "ALTER TABLE fx_enum_order.shirts ALTER COLUMN size TYPE fx_enum_order.size_sluice_new USING size::text::fx_enum_order.size_sluice_new",
        "DROP TYPE fx_enum_order.size",
        "ALTER TYPE fx_enum_order.size_sluice_new RENAME TO size");
  }

  @Test
  void domainDefaultsNotNullAndChecksAreAltered() {
    var f = ChangeFixtures.byName("fx_domains");
    assertThat(up(f)).containsExactly(
        "ALTER DOMAIN fx_domains.qty SET DEFAULT 1",
        "ALTER DOMAIN fx_domains.qty SET NOT NULL",
        "ALTER DOMAIN fx_domains.qty DROP CONSTRAINT qty_positive",
        "ALTER DOMAIN fx_domains.qty DROP CONSTRAINT qty_small",
        "ALTER DOMAIN fx_domains.qty ADD CONSTRAINT qty_even CHECK (VALUE % 2 = 0) NOT VALID",
        "ALTER DOMAIN fx_domains.qty ADD CONSTRAINT qty_positive CHECK (VALUE >= 1)",
        "COMMENT ON DOMAIN fx_domains.qty IS 'a quantity'",
        "DROP DOMAIN fx_domains.gone");
    assertThat(down(f)).containsExactly(
        "CREATE DOMAIN fx_domains.gone AS text",
        "ALTER DOMAIN fx_domains.qty DROP DEFAULT",
        "ALTER DOMAIN fx_domains.qty DROP NOT NULL",
        "ALTER DOMAIN fx_domains.qty DROP CONSTRAINT qty_even",
        "ALTER DOMAIN fx_domains.qty DROP CONSTRAINT qty_positive",
        "ALTER DOMAIN fx_domains.qty ADD CONSTRAINT qty_positive CHECK (VALUE > 0)",
        "ALTER DOMAIN fx_domains.qty ADD CONSTRAINT qty_small CHECK (VALUE < 1000)",
        "COMMENT ON DOMAIN fx_domains.qty IS NULL");
  }

  @Test
  void sequencesAreCreatedAlteredAndDropped() {
    var f = ChangeFixtures.byName("fx_sequences");
    assertThat(up(f)).containsExactly(
        "CREATE SEQUENCE fx_sequences.fresh AS bigint",
        "ALTER SEQUENCE fx_sequences.invoice_no AS bigint INCREMENT BY 5 START WITH 1000 CACHE 10",
        "COMMENT ON SEQUENCE fx_sequences.invoice_no IS 'numbers'",
        "[D] DROP SEQUENCE fx_sequences.gone");
    assertThat(down(f)).containsExactly(
        "CREATE SEQUENCE fx_sequences.gone AS bigint",
        "ALTER SEQUENCE fx_sequences.invoice_no AS integer INCREMENT BY 1 START WITH 1 CACHE 1",
        "COMMENT ON SEQUENCE fx_sequences.invoice_no IS NULL",
        "[D] DROP SEQUENCE fx_sequences.fresh");
  }

  @Test
  void tablesAreDroppedAfterTheForeignKeysBetweenThem() {
    var f = ChangeFixtures.byName("fx_tables");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_tables.child DROP CONSTRAINT child_gone_id_fkey",
        "[D] DROP TABLE fx_tables.child",
        "[D] DROP TABLE fx_tables.gone",
        "CREATE TABLE fx_tables.created (\n  id uuid,\n  at timestamp with time zone,\n  data jsonb\n)");
    assertThat(down(f)).containsExactly(
        "[D] DROP TABLE fx_tables.created",
        "CREATE TABLE fx_tables.child (\n  id integer,\n  gone_id integer\n)",
        "CREATE TABLE fx_tables.gone (\n  id integer,\n  label text,\n  CONSTRAINT gone_pkey PRIMARY KEY (id)\n)",
        "ALTER TABLE fx_tables.child ADD CONSTRAINT child_gone_id_fkey FOREIGN KEY (gone_id) REFERENCES fx_tables.gone (id)");
  }

  @Test
  void columnsAreDroppedAndAdded() {
    var f = ChangeFixtures.byName("fx_columns");
    assertThat(up(f)).containsExactly(
        "[D] ALTER TABLE fx_columns.items DROP COLUMN legacy",
        "ALTER TABLE fx_columns.items ADD COLUMN qty integer DEFAULT 0 NOT NULL",
        "ALTER TABLE fx_columns.items ADD COLUMN note character varying(200)");
    assertThat(down(f)).containsExactly(
        "[D] ALTER TABLE fx_columns.items DROP COLUMN qty",
        "[D] ALTER TABLE fx_columns.items DROP COLUMN note",
        "ALTER TABLE fx_columns.items ADD COLUMN legacy text");
  }

  @Test
  void columnTypesChangeWithUsingOnlyWithoutAnAssignmentCast() {
    var f = ChangeFixtures.byName("fx_types");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_types.m ALTER COLUMN a TYPE bigint",
        "[D] ALTER TABLE fx_types.m ALTER COLUMN b TYPE integer USING b::integer",
        "ALTER TABLE fx_types.m ALTER COLUMN c TYPE character varying(50)",
        "ALTER TABLE fx_types.m ALTER COLUMN c SET DEFAULT 'y'::character varying",
        "[D] ALTER TABLE fx_types.m ALTER COLUMN d TYPE numeric(6,1)",
        "[D] ALTER TABLE fx_types.m ALTER COLUMN e TYPE jsonb USING e::jsonb");
    assertThat(down(f)).containsExactly(
        "[D] ALTER TABLE fx_types.m ALTER COLUMN a TYPE integer",
        "ALTER TABLE fx_types.m ALTER COLUMN b TYPE text USING b::text",
        "[D] ALTER TABLE fx_types.m ALTER COLUMN c TYPE character varying(10)",
        "ALTER TABLE fx_types.m ALTER COLUMN c SET DEFAULT 'x'",
        "ALTER TABLE fx_types.m ALTER COLUMN d TYPE numeric(10,2)",
        "ALTER TABLE fx_types.m ALTER COLUMN e TYPE text USING e::text");
  }

  @Test
  void nullabilityAndDefaultsChange() {
    var f = ChangeFixtures.byName("fx_nulls");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_nulls.t ALTER COLUMN a SET NOT NULL",
        "ALTER TABLE fx_nulls.t ALTER COLUMN a SET DEFAULT 7",
        "ALTER TABLE fx_nulls.t ALTER COLUMN b DROP DEFAULT",
        "ALTER TABLE fx_nulls.t ALTER COLUMN b DROP NOT NULL",
        "ALTER TABLE fx_nulls.t ALTER COLUMN c SET DEFAULT 'd'");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_nulls.t ALTER COLUMN a DROP DEFAULT",
        "ALTER TABLE fx_nulls.t ALTER COLUMN a DROP NOT NULL",
        "ALTER TABLE fx_nulls.t ALTER COLUMN b SET NOT NULL",
        "ALTER TABLE fx_nulls.t ALTER COLUMN b SET DEFAULT 1",
        "ALTER TABLE fx_nulls.t ALTER COLUMN c SET DEFAULT 'c'");
  }

  @Test
  void identityIsAddedAlteredAndDropped() {
    var f = ChangeFixtures.byName("fx_identity");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_identity.t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY",
        "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('fx_identity.t', 'a'), coalesce(max(a), 0) + 1, false) FROM fx_identity.t",
        "ALTER TABLE fx_identity.t ALTER COLUMN b SET GENERATED BY DEFAULT SET INCREMENT BY 2 SET START WITH 100",
        "ALTER TABLE fx_identity.t ALTER COLUMN c DROP IDENTITY");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_identity.t ALTER COLUMN a DROP IDENTITY",
        "ALTER TABLE fx_identity.t ALTER COLUMN b SET GENERATED ALWAYS SET INCREMENT BY 1 SET START WITH 1",
        "ALTER TABLE fx_identity.t ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY",
        "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('fx_identity.t', 'c'), coalesce(max(c), 0) + 1, false) FROM fx_identity.t");
  }

  @Test
  void aChangedGeneratedExpressionDropsAndAddsTheColumn() {
    var f = ChangeFixtures.byName("fx_generated");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_generated.t DROP COLUMN total",
        "ALTER TABLE fx_generated.t ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty * 1.2) STORED",
        "ALTER TABLE fx_generated.t ALTER COLUMN doubled DROP EXPRESSION");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_generated.t DROP COLUMN total",
        "[D] ALTER TABLE fx_generated.t DROP COLUMN doubled",
        "ALTER TABLE fx_generated.t ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED",
        "ALTER TABLE fx_generated.t ADD COLUMN doubled integer GENERATED ALWAYS AS (qty * 2) STORED");
  }

  @Test
  void collationAndCommentsChange() {
    var f = ChangeFixtures.byName("fx_comments");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_comments.t ALTER COLUMN name TYPE text COLLATE \"C\"",
        "COMMENT ON COLUMN fx_comments.t.name IS 'the name'",
        "COMMENT ON TABLE fx_comments.t IS NULL");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_comments.t ALTER COLUMN name TYPE text",
        "COMMENT ON COLUMN fx_comments.t.name IS NULL",
        "COMMENT ON TABLE fx_comments.t IS 'old comment'");
  }

  @Test
  void constraintsAreDroppedBeforeAndAddedAfterTheColumns() {
    var f = ChangeFixtures.byName("fx_constraints");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_parent_fkey",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_pkey",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_qty_key",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_qty_check",
        "ALTER TABLE fx_constraints.parent DROP CONSTRAINT parent_pkey",
        "ALTER TABLE fx_constraints.booking ALTER COLUMN qty SET NOT NULL",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_pkey PRIMARY KEY (id, qty)",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_id_key UNIQUE (id)",
        "ALTER TABLE fx_constraints.booking VALIDATE CONSTRAINT booking_id_check",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_qty_check CHECK (qty >= 0)",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_during_excl EXCLUDE USING gist (during WITH &&)",
        "ALTER TABLE fx_constraints.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id, code)",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES fx_constraints.booking (id)");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_parent_id_fkey",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_pkey",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_id_key",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_id_check",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_qty_check",
        "ALTER TABLE fx_constraints.booking DROP CONSTRAINT booking_during_excl",
        "ALTER TABLE fx_constraints.parent DROP CONSTRAINT parent_pkey",
        "ALTER TABLE fx_constraints.booking ALTER COLUMN qty DROP NOT NULL",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_pkey PRIMARY KEY (id)",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_qty_key UNIQUE (qty)",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_id_check CHECK (id > 0) NOT VALID",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_qty_check CHECK (qty > 0)",
        "ALTER TABLE fx_constraints.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id)",
        "ALTER TABLE fx_constraints.booking ADD CONSTRAINT booking_parent_fkey FOREIGN KEY (parent_id) REFERENCES fx_constraints.parent (id)");
  }

  @Test
  void aForeignKeyIsRebuiltWhenTheKeyItReferencesIs() {
    var f = ChangeFixtures.byName("fx_fk_rebuild");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_fk_rebuild.b DROP CONSTRAINT b_code_fkey",
        "ALTER TABLE fx_fk_rebuild.a DROP CONSTRAINT a_code_key",
        "ALTER TABLE fx_fk_rebuild.a ADD CONSTRAINT a_code_key UNIQUE NULLS NOT DISTINCT (code)",
        "ALTER TABLE fx_fk_rebuild.b ADD CONSTRAINT b_code_fkey FOREIGN KEY (code) REFERENCES fx_fk_rebuild.a (code)");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_fk_rebuild.b DROP CONSTRAINT b_code_fkey",
        "ALTER TABLE fx_fk_rebuild.a DROP CONSTRAINT a_code_key",
        "ALTER TABLE fx_fk_rebuild.a ADD CONSTRAINT a_code_key UNIQUE (code)",
        "ALTER TABLE fx_fk_rebuild.b ADD CONSTRAINT b_code_fkey FOREIGN KEY (code) REFERENCES fx_fk_rebuild.a (code)");
  }

  @Test
  void changedIndexesAreDroppedAndCreatedRespectingConcurrently() {
    var f = ChangeFixtures.byName("fx_indexes");
    assertThat(up(f)).containsExactly(
        "DROP INDEX fx_indexes.t_a_idx",
        "DROP INDEX fx_indexes.t_b_idx",
        "CREATE INDEX t_b_idx ON fx_indexes.t USING btree (b) WHERE (b > 0)",
        "CREATE INDEX CONCURRENTLY t_c_idx ON fx_indexes.t USING hash (c)",
        "COMMENT ON INDEX fx_indexes.t_b_idx IS 'positive b'");
    assertThat(down(f)).containsExactly(
        "DROP INDEX fx_indexes.t_b_idx",
        "DROP INDEX CONCURRENTLY fx_indexes.t_c_idx",
        "CREATE INDEX t_a_idx ON fx_indexes.t USING btree (a)",
        "CREATE INDEX t_b_idx ON fx_indexes.t USING btree (b)");
  }

  @Test
  void changedViewsAndTheirDependantsAreRecreatedWithTheirGrants() {
    var f = ChangeFixtures.byName("fx_views");
    assertThat(up(f)).containsExactly(
        "DROP VIEW fx_views.top",
        "DROP VIEW fx_views.over_b",
        "DROP VIEW fx_views.base",
        "ALTER TABLE fx_views.t ALTER COLUMN b TYPE bigint",
        "CREATE VIEW fx_views.base AS\nSELECT a, a * 2 AS twice FROM fx_views.t",
        "CREATE VIEW fx_views.over_b AS\nSELECT b FROM fx_views.t",
        "CREATE VIEW fx_views.top AS\nSELECT a FROM fx_views.base WHERE a > 0",
        "GRANT SELECT ON TABLE fx_views.top TO PUBLIC");
    assertThat(down(f)).containsExactly(
        "DROP VIEW fx_views.top",
        "DROP VIEW fx_views.over_b",
        "DROP VIEW fx_views.base",
        "[D] ALTER TABLE fx_views.t ALTER COLUMN b TYPE integer",
        "CREATE VIEW fx_views.base AS\nSELECT a FROM fx_views.t",
        "CREATE VIEW fx_views.over_b AS\nSELECT b FROM fx_views.t",
        "CREATE VIEW fx_views.top AS\nSELECT a FROM fx_views.base WHERE a > 0",
        "GRANT SELECT ON TABLE fx_views.top TO PUBLIC");
  }

  @Test
  void materializedViewsAndTheirIndexesAreRecreated() {
    var f = ChangeFixtures.byName("fx_matviews");
    assertThat(up(f)).containsExactly(
        "DROP MATERIALIZED VIEW fx_matviews.totals",
        "DROP INDEX fx_matviews.stable_one_idx",
        "CREATE MATERIALIZED VIEW fx_matviews.totals AS\nSELECT count(*) AS n, max(a) AS top FROM fx_matviews.t\nWITH DATA",
        "CREATE INDEX totals_n_idx ON fx_matviews.totals USING btree (n)",
        "CREATE UNIQUE INDEX stable_one_idx ON fx_matviews.stable USING btree (one)",
        "COMMENT ON MATERIALIZED VIEW fx_matviews.totals IS 'cached totals'");
    assertThat(down(f)).containsExactly(
        "DROP MATERIALIZED VIEW fx_matviews.totals",
        "DROP INDEX fx_matviews.stable_one_idx",
        "CREATE MATERIALIZED VIEW fx_matviews.totals AS\nSELECT count(*) AS n FROM fx_matviews.t\nWITH DATA",
        "CREATE INDEX totals_n_idx ON fx_matviews.totals USING btree (n)",
        "CREATE INDEX stable_one_idx ON fx_matviews.stable USING btree (one)");
  }

  @Test
  void partitionsAreAttachedDetachedCreatedAndDropped() {
    var f = ChangeFixtures.byName("fx_partitions");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_partitions.sales DETACH PARTITION fx_partitions.sales_apac",
        "ALTER TABLE fx_partitions.sales DETACH PARTITION fx_partitions.sales_eu",
        "[D] DROP TABLE fx_partitions.sales_old",
        "ALTER TABLE fx_partitions.sales ATTACH PARTITION fx_partitions.sales_eu FOR VALUES IN ('eu', 'uk')",
        "ALTER TABLE fx_partitions.sales ATTACH PARTITION fx_partitions.sales_africa FOR VALUES IN ('africa')",
        "CREATE TABLE fx_partitions.sales_latam PARTITION OF fx_partitions.sales FOR VALUES IN ('latam')");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_partitions.sales DETACH PARTITION fx_partitions.sales_africa",
        "ALTER TABLE fx_partitions.sales DETACH PARTITION fx_partitions.sales_eu",
        "[D] DROP TABLE fx_partitions.sales_latam",
        "ALTER TABLE fx_partitions.sales ATTACH PARTITION fx_partitions.sales_eu FOR VALUES IN ('eu')",
        "ALTER TABLE fx_partitions.sales ATTACH PARTITION fx_partitions.sales_apac FOR VALUES IN ('apac')",
        "CREATE TABLE fx_partitions.sales_old PARTITION OF fx_partitions.sales FOR VALUES IN ('old')");
  }

  @Test
  void policiesAreAlteredWhenPossibleElseRecreated() {
    var f = ChangeFixtures.byName("fx_policies");
    assertThat(up(f)).containsExactly(
        "DROP POLICY gone ON fx_policies.docs",
        "DROP POLICY own_write ON fx_policies.docs",
        "ALTER TABLE fx_policies.docs FORCE ROW LEVEL SECURITY",
        "CREATE POLICY admin ON fx_policies.docs AS RESTRICTIVE FOR DELETE TO PUBLIC USING (false)",
        "ALTER POLICY own_read ON fx_policies.docs TO PUBLIC USING (owner = session_user)",
        "CREATE POLICY own_write ON fx_policies.docs AS PERMISSIVE FOR UPDATE TO PUBLIC USING (owner = current_user)");
    assertThat(down(f)).containsExactly(
        "DROP POLICY admin ON fx_policies.docs",
        "ALTER TABLE fx_policies.docs NO FORCE ROW LEVEL SECURITY",
        "CREATE POLICY gone ON fx_policies.docs AS PERMISSIVE FOR ALL TO PUBLIC USING (true)",
        "ALTER POLICY own_read ON fx_policies.docs TO PUBLIC USING (owner = current_user)",
        "ALTER POLICY own_write ON fx_policies.docs TO PUBLIC USING (owner = current_user) WITH CHECK (owner = current_user)");
  }

  @Test
  void grantsAndRevokesFollowPrivilegeChanges() {
    var f = ChangeFixtures.byName("fx_grants");
    assertThat(up(f)).containsExactly(
        "REVOKE USAGE ON SCHEMA fx_grants FROM fx_grants_reader",
        "REVOKE UPDATE ON TABLE fx_grants.t FROM fx_grants_reader",
        "GRANT INSERT ON TABLE fx_grants.t TO fx_grants_reader");
    assertThat(down(f)).containsExactly(
        "REVOKE INSERT ON TABLE fx_grants.t FROM fx_grants_reader",
        "GRANT USAGE ON SCHEMA fx_grants TO fx_grants_reader",
        "GRANT UPDATE ON TABLE fx_grants.t TO fx_grants_reader");
  }

  @Test
  void notValidConstraintsAreValidatedAndRlsDisabled() {
    var f = ChangeFixtures.byName("fx_validate");
    assertThat(up(f)).containsExactly(
        "ALTER DOMAIN fx_validate.pos VALIDATE CONSTRAINT pos_check",
        "ALTER TABLE fx_validate.c VALIDATE CONSTRAINT c_p_id_fkey",
        "ALTER TABLE fx_validate.c DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY");
    assertThat(down(f)).containsExactly(
        "ALTER TABLE fx_validate.c DROP CONSTRAINT c_p_id_fkey",
        "ALTER DOMAIN fx_validate.pos DROP CONSTRAINT pos_check",
        "ALTER DOMAIN fx_validate.pos ADD CONSTRAINT pos_check CHECK (VALUE > 0) NOT VALID",
        "ALTER TABLE fx_validate.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES fx_validate.p (id) NOT VALID",
        "ALTER TABLE fx_validate.c ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY");
  }

  @Test
  void serialKindsChangeTheColumnAndItsOwnedSequence() {
    var f = ChangeFixtures.byName("fx_serials");
    assertThat(up(f)).containsExactly(
        "ALTER TABLE fx_serials.t ALTER COLUMN id TYPE bigint",
        "ALTER SEQUENCE fx_serials.t_id_seq AS bigint");
    assertThat(down(f)).containsExactly(
        "[D] ALTER TABLE fx_serials.t ALTER COLUMN id TYPE integer",
        "ALTER SEQUENCE fx_serials.t_id_seq AS integer");
  }

  @Test
  void serialBecomesIdentityInPlaceInsteadOfBeingRefused() {
    var f = ChangeFixtures.byName("fx_serial_identity");
    assertThat(up(f)).containsExactly(
        """
        DO $sluice$
        DECLARE
          next bigint;
          seq text := pg_catalog.pg_get_serial_sequence('fx_serial_identity.t', 'id');
        BEGIN
          EXECUTE pg_catalog.format('SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s',
            pg_catalog.pg_get_serial_sequence('fx_serial_identity.t', 'id')) INTO next;
          next := greatest(next, (SELECT coalesce(max(id), 0) + 1 FROM fx_serial_identity.t));
          ALTER TABLE fx_serial_identity.t ALTER COLUMN id DROP DEFAULT;
          EXECUTE pg_catalog.format('DROP SEQUENCE %s', seq);
          ALTER TABLE fx_serial_identity.t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
          PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence('fx_serial_identity.t', 'id'), next, false);
        END
        $sluice$""",
        "DO $sluice$\nDECLARE\n  next bigint;\n  seq text := pg_catalog.pg_get_serial_sequence('fx_serial_identity.t', 'b');\n"
            + "BEGIN\n  EXECUTE pg_catalog.format('SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s',\n"
            + "    pg_catalog.pg_get_serial_sequence('fx_serial_identity.t', 'b')) INTO next;\n"
            + "  next := greatest(next, (SELECT coalesce(max(b), 0) + 1 FROM fx_serial_identity.t));\n"
            + "  ALTER TABLE fx_serial_identity.t ALTER COLUMN b DROP DEFAULT;\n"
            + "  EXECUTE pg_catalog.format('DROP SEQUENCE %s', seq);\n"
            + "  ALTER TABLE fx_serial_identity.t ALTER COLUMN b ADD GENERATED ALWAYS AS IDENTITY;\n"
            + "  PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence('fx_serial_identity.t', 'b'), next, false);\nEND\n$sluice$");
    assertThat(down(f)).hasSize(2).allSatisfy(sql -> assertThat(sql).contains("DROP IDENTITY;").contains("OWNED BY"));
  }

  @Test
  void aPolicyOverARetypedColumnIsRecreated() {
    var f = ChangeFixtures.byName("fx_policy_retype");
    assertThat(up(f)).containsExactly(
        "DROP POLICY own ON fx_policy_retype.docs",
        "ALTER TABLE fx_policy_retype.docs ALTER COLUMN owner_id TYPE bigint",
        "CREATE POLICY own ON fx_policy_retype.docs AS PERMISSIVE FOR ALL TO PUBLIC USING (owner_id = 1)");
    assertThat(down(f)).containsExactly(
        "DROP POLICY own ON fx_policy_retype.docs",
        "[D] ALTER TABLE fx_policy_retype.docs ALTER COLUMN owner_id TYPE integer",
        "CREATE POLICY own ON fx_policy_retype.docs AS PERMISSIVE FOR ALL TO PUBLIC USING (owner_id = 1)");
  }

  @Test
  void schemaViewAndMaterializedViewHintsRenameAndChangedQueriesRecreate() {
    var f = ChangeFixtures.byName("fx_rename_schema");
    assertThat(up(f)).containsExactly(
        "ALTER SCHEMA fx_rename_schema_old RENAME TO fx_rename_schema_new",
        "ALTER VIEW fx_rename_schema_new.v_old RENAME TO v_new",
        "ALTER MATERIALIZED VIEW fx_rename_schema_new.m_old RENAME TO m_new",
        "DROP VIEW fx_rename_schema_new.v_new",
        "CREATE VIEW fx_rename_schema_new.v_new AS\nSELECT a FROM fx_rename_schema_new.t");
    assertThat(down(f)).containsExactly(
        "ALTER SCHEMA fx_rename_schema_new RENAME TO fx_rename_schema_old",
        "ALTER VIEW fx_rename_schema_old.v_new RENAME TO v_old",
        "ALTER MATERIALIZED VIEW fx_rename_schema_old.m_new RENAME TO m_old",
        "DROP VIEW fx_rename_schema_old.v_old",
        "CREATE VIEW fx_rename_schema_old.v_old AS\nSELECT a FROM fx_rename_schema_old.t");
  }

}
