package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Catalog.column;
import static dev.sluice.kit.diff.Catalog.value;
import static dev.sluice.kit.diff.ShopModel.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creates the whole {@link ShopModel} on a live database and checks each construct in pg_catalog. */
@PgTest
class DdlRendererLiveTest {

  @BeforeAll
  static void createShop(PgTestContext db) {
    Catalog.apply(db, DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, ShopModel.build())));
  }

  @Test
  void extensionsSchemaAndRolesExist(PgTestContext db) {
    assertThat(column(db, "select extname from pg_extension order by 1")).contains("btree_gist", "citext");
    assertThat(value(db, "select count(*) from pg_namespace where nspname = 'app'")).isEqualTo("1");
    assertThat(value(db, "select rolcanlogin || ',' || rolcreatedb || ',' || rolbypassrls from pg_roles where rolname = '"
        + ShopModel.ADMIN + "'")).isEqualTo("true,true,false");
    assertThat(value(db, "select rolinherit || ',' || rolbypassrls from pg_roles where rolname = '" + ShopModel.AUDITOR + "'"))
        .isEqualTo("false,true");
    assertThat(value(db, "select pg_has_role('" + ShopModel.ADMIN + "', '" + APP_USER + "', 'MEMBER')")).isEqualTo("t");
  }

  @Test
  void creatingAnExistingRoleAgainIsHarmless(PgTestContext db) {
    db.execute(DdlRenderer.render(new Change.CreateRole(dev.sluice.schema.model.RoleModel.of(APP_USER))));
    assertThat(value(db, "select count(*) from pg_roles where rolname = '" + APP_USER + "'")).isEqualTo("1");
  }

  @Test
  void enumDomainsAndSequenceHaveTheirDefinitions(PgTestContext db) {
    assertThat(value(db, "select enum_range(null::app.order_status)::text")).isEqualTo("{new,paid,shipped,\"it's complicated\"}");
    assertThat(column(db, "select conname || ':' || convalidated from pg_constraint where contypid = 'app.email'::regtype and contype = 'c' order by 1"))
        .containsExactly("email_at:true", "email_short:false");
    assertThat(value(db, "select typnotnull from pg_type where oid = 'app.email'::regtype")).isEqualTo("t");
    assertThat(value(db, "select start_value || ',' || increment_by || ',' || min_value || ',' || max_value || ',' || cache_size"
        + " || ',' || cycle from pg_sequences where schemaname = 'app' and sequencename = 'invoice_no'"))
        .isEqualTo("1000,5,1000,999999,10,true");
    assertThatThrownBy(() -> db.execute("select 'nobody'::app.email")).hasMessageContaining("email_at");
  }

  @Test
  void identityGeneratedSerialAndDefaultColumnsFillThemselves(PgTestContext db) throws SQLException {
    db.execute("insert into app.users (email, name) values ('Ann@example.com', 'ann')",
        "insert into app.orders (user_id, total) select id, 150 from app.users where name = 'ann'");
    assertThat(value(db, "select seqstart from pg_sequence where seqrelid = pg_get_serial_sequence('app.users', 'id')::regclass"))
        .isEqualTo("100");
    assertThat(Long.parseLong(value(db, "select id from app.users where name = 'ann'"))).isGreaterThanOrEqualTo(100L);
    assertThat(value(db, "select attidentity::text from pg_attribute where attrelid = 'app.users'::regclass and attname = 'id'"))
        .isEqualTo("a");
    assertThat(value(db, "select status || ',' || quantity || ',' || total_with_tax || ',' || invoice_no || ',' || id"
        + " from app.orders where total = 150")).isEqualTo("new,1,180.00,1000,1");
    assertThat(value(db, "select attgenerated::text from pg_attribute where attrelid = 'app.orders'::regclass"
        + " and attname = 'total_with_tax'")).isEqualTo("s");
    assertThat(value(db, "select collname from pg_attribute a join pg_collation c on c.oid = a.attcollation"
        + " where attrelid = 'app.users'::regclass and attname = 'name'")).isEqualTo("C");
    assertThat(value(db, "select email = 'ANN@example.com' from app.users where name = 'ann'")).isEqualTo("t");
  }

  @Test
  void constraintsExistWithTheirOptions(PgTestContext db) {
    assertThat(column(db, "select conname || ' ' || contype::text || ' ' || convalidated || ' ' || condeferrable || ' '"
        + " || condeferred from pg_constraint where conrelid = 'app.orders'::regclass order by 1")).containsExactly(
        "orders_note_check c false false false",
        "orders_pkey p true false false",
        "orders_total_check c true false false",
        "orders_user_id_fkey f true true true");
    assertThat(column(db, "select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'app.users'::regclass"
        + " and contype = 'u' order by conname"))
        .containsExactly("UNIQUE (email)", "UNIQUE NULLS NOT DISTINCT (tenant_id, name)");
    assertThat(value(db, "select pg_get_constraintdef(oid) from pg_constraint where conname = 'departments_manager_fkey'"))
        .isEqualTo("FOREIGN KEY (manager_id) REFERENCES app.employees(id) MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL NOT VALID");
    assertThat(value(db, "select pg_get_constraintdef(oid) from pg_constraint where conname = 'employees_department_fkey'"))
        .isEqualTo("FOREIGN KEY (department_id) REFERENCES app.departments(id) ON DELETE RESTRICT DEFERRABLE");
  }

  @Test
  void exclusionConstraintRejectsOverlappingBookings(PgTestContext db) {
    assertThat(value(db, "select pg_get_constraintdef(oid) from pg_constraint where conname = 'bookings_no_overlap'"))
        .isEqualTo("EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE ((NOT cancelled))");
    db.execute("insert into app.bookings (room_id, during) values (1, '[2024-01-01 10:00+00, 2024-01-01 11:00+00)')");
    assertThatThrownBy(() -> db.execute(
        "insert into app.bookings (room_id, during) values (1, '[2024-01-01 10:30+00, 2024-01-01 12:00+00)')"))
        .hasMessageContaining("bookings_no_overlap");
  }

  @Test
  void partitionedTablesRouteRowsToTheirPartitions(PgTestContext db) {
    assertThat(column(db, "select c.relname || ' ' || c.relkind::text || ' ' || p.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)"
        + " from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
        + " where c.relkind in ('r', 'p') order by 1")).containsExactly(
        "events_2024 p events FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')",
        "events_2024_click r events_2024 FOR VALUES IN ('click')",
        "events_2024_other r events_2024 DEFAULT",
        "events_default r events DEFAULT",
        "sessions_0 r sessions FOR VALUES WITH (modulus 2, remainder 0)",
        "sessions_1 r sessions FOR VALUES WITH (modulus 2, remainder 1)");
    db.execute("insert into app.events (occurred_at, kind) values ('2024-06-01+00', 'click'), ('2024-06-01+00', 'view'),"
        + " ('2030-01-01+00', 'click')");
    assertThat(value(db, "select string_agg(tableoid::regclass::text, ',' order by occurred_at, kind) from app.events"))
        .isEqualTo("app.events_2024_click,app.events_2024_other,app.events_default");
    assertThat(value(db, "select pg_get_partkeydef('app.events_2024'::regclass)")).isEqualTo("LIST (kind)");
  }

  @Test
  void indexesMatchTheirDefinitions(PgTestContext db) {
    assertThat(column(db, "select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'app.users'::regclass"
        + " and not indisprimary and not indisunique order by indexrelid::regclass::text")).containsExactly(
        "CREATE INDEX users_created_at_idx ON app.users USING btree (created_at DESC NULLS LAST) INCLUDE (email)"
            + " WITH (fillfactor='70') WHERE (tenant_id > 0)",
        "CREATE INDEX users_lower_name_idx ON app.users USING btree (lower(name) COLLATE \"POSIX\" text_pattern_ops DESC NULLS LAST)");
    assertThat(value(db, "select pg_get_indexdef('app.orders_user_note_idx'::regclass)"))
        .isEqualTo("CREATE UNIQUE INDEX orders_user_note_idx ON app.orders USING btree (user_id, note) NULLS NOT DISTINCT");
    assertThat(value(db, "select count(*) from pg_inherits where inhparent = 'app.events_kind_idx'::regclass"))
        .isEqualTo("2");
  }

  @Test
  void viewsHaveTheirOptionsAndDependentViewsWork(PgTestContext db) {
    assertThat(value(db, "select array_to_string(reloptions, ',') from pg_class where oid = 'app.active_users'::regclass"))
        .isEqualTo("security_invoker=true,security_barrier=true,check_option=local");
    assertThat(value(db, "select count(*) from app.a_user_emails")).isNotNull();
    assertThatThrownBy(() -> db.execute("insert into app.active_users (tenant_id, email) values (0, 'x@y.z')"))
        .hasMessageContaining("check option");
  }

  @Test
  void materializedViewsArePopulatedAsAskedAndIndexed(PgTestContext db) {
    assertThat(column(db, "select relname || ' ' || relispopulated from pg_class where relkind = 'm' order by 1"))
        .containsExactly("a_big_spenders false", "order_totals true");
    assertThat(value(db, "select pg_get_indexdef('app.order_totals_user_idx'::regclass)"))
        .isEqualTo("CREATE UNIQUE INDEX order_totals_user_idx ON app.order_totals USING btree (user_id)");
    db.execute("refresh materialized view concurrently app.order_totals");
  }

  @Test
  void rowLevelSecurityAndPoliciesConfineTheAppRoleToItsTenant(PgTestContext db) throws SQLException {
    assertThat(value(db, "select relrowsecurity || ',' || relforcerowsecurity from pg_class where oid = 'app.users'::regclass"))
        .isEqualTo("true,true");
    assertThat(column(db, "select policyname || '|' || permissive || '|' || array_to_string(roles, ',') || '|' || cmd || '|'"
        + " || qual || '|' || coalesce(with_check, '-') from pg_policies where tablename = 'users' order by 1")).containsExactly(
        "hide_hidden|RESTRICTIVE|" + APP_USER + "|SELECT|(name IS DISTINCT FROM 'hidden'::text)|-",
        "tenant_isolation|PERMISSIVE|" + APP_USER + "|ALL|(tenant_id = (current_setting('app.tenant'::text))::integer)"
            + "|(tenant_id = (current_setting('app.tenant'::text))::integer)");
    db.execute("insert into app.users (tenant_id, email, name) values (7, 'a@t7.com', 'a'), (7, 'b@t7.com', 'hidden'),"
        + " (8, 'c@t8.com', 'c')");
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("set role " + APP_USER);
      st.execute("set app.tenant = '7'");
      try (ResultSet rs = st.executeQuery("select string_agg(name, ',' order by name) from app.users")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("a");
      }
      assertThatThrownBy(() -> st.execute("insert into app.users (tenant_id, email) values (8, 'x@t8.com')"))
          .hasMessageContaining("row-level security");
    }
  }

  @Test
  void commentsAreAttached(PgTestContext db) {
    assertThat(value(db, "select obj_description('app.users'::regclass, 'pg_class')")).isEqualTo("people who sign in");
    assertThat(value(db, "select col_description('app.users'::regclass, 3)")).isEqualTo("login e-mail, it's unique");
    assertThat(value(db, "select obj_description('app.users_created_at_idx'::regclass, 'pg_class')")).isEqualTo("recent users first");
    assertThat(value(db, "select obj_description('app.active_users'::regclass, 'pg_class')")).isEqualTo("users of live tenants");
    assertThat(value(db, "select obj_description('app.order_totals'::regclass, 'pg_class')")).isEqualTo("totals");
    assertThat(value(db, "select obj_description('app.order_totals_user_idx'::regclass, 'pg_class')")).isEqualTo("one row per user");
    assertThat(value(db, "select obj_description('app.order_status'::regtype, 'pg_type')")).isEqualTo("where an order is");
    assertThat(value(db, "select obj_description('app.email'::regtype, 'pg_type')")).isEqualTo("an e-mail address");
    assertThat(value(db, "select obj_description('app.invoice_no'::regclass, 'pg_class')")).isEqualTo("invoice numbers");
  }

  @Test
  void grantsAreApplied(PgTestContext db) {
    assertThat(value(db, "select has_schema_privilege('" + APP_USER + "', 'app', 'USAGE')")).isEqualTo("t");
    assertThat(value(db, "select has_table_privilege('" + APP_USER + "', 'app.users', 'INSERT')")).isEqualTo("t");
    assertThat(value(db, "select has_table_privilege('" + APP_USER + "', 'app.users', 'DELETE')")).isEqualTo("f");
    assertThat(value(db, "select has_sequence_privilege('" + APP_USER + "', 'app.invoice_no', 'USAGE')")).isEqualTo("t");
    assertThat(value(db, "select has_table_privilege('public', 'app.active_users', 'SELECT')")).isEqualTo("t");
  }
}
