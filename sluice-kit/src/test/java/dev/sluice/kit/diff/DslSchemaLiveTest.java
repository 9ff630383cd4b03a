package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Catalog.column;
import static dev.sluice.kit.diff.Catalog.value;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;
import static dev.sluice.schema.model.ForeignKeyModel.Action.SET_NULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.query.Dsl;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Domain;
import dev.sluice.schema.Index;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.PgEnum;
import dev.sluice.schema.Role;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Sequence;
import dev.sluice.schema.Table;
import dev.sluice.schema.View;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.PartitioningModel.Strategy;
import dev.sluice.schema.model.PolicyModel.Command;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.Labeled;
import dev.sluice.types.PgTypes;
import dev.sluice.types.Range;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Declares a schema using every construct of the Java DSL, creates it from scratch on a live
 * database (differ + DDL renderer), checks each object in pg_catalog, then reads rows back through
 * typed selects to prove the DSL's columns map onto what was created.
 */
@PgTest
class DslSchemaLiveTest {
  static final Namespace APP = Namespace.of("dsl");
  static final Namespace ACME = Namespace.PUBLIC.withPrefix("acme_");

  enum Status implements Labeled {
    NEW("new"), PAID("paid"), IT_S("it's complicated");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  static final PgEnum<Status> STATUS = PgEnum.of(APP, "status", Status.class).comment("where an order is");
  static final Domain<String> EMAIL = Domain.of(APP, "email", PgTypes.CITEXT).check("email_at", "VALUE ~ '@'");
  static final Role APP_USER = Role.of("sluice_dsl_app");
  static final Sequence INVOICE_NO = Sequence.of(APP, "invoice_no").startWith(1000).incrementBy(5).comment("invoices");
  static final SequenceOptions FROM_100 = new SequenceOptions(100L, null, null, null, null, false);

  static final class Users extends Table<Users> {
    static final Users T = new Users();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<Integer> tenantId = integer("tenant_id").notNull();
    final Column<String> email = column("email", EMAIL.dataType()).notNull().unique();
    final Column<String> name = varchar("name", 100).comment("display name, it's shown");
    final Column<String> nick = citext("nick");
    final Column<Status> status = column("status", STATUS).notNull().defaultValue(Status.NEW);
    final Column<String[]> tags = text("tags").array().notNull().defaultSql("'{}'::text[]");
    final Column<Integer[][]> grid = integer("grid").array().array();
    final Column<BigDecimal> balance = numeric("balance", 10, 2).notNull().defaultValue(new BigDecimal("-1.50"));
    final Column<Double> score = doublePrecision("score").check("score >= 0");
    final Column<OffsetDateTime> createdAt = timestamptz("created_at", 3).notNull().defaultNow();
    final Column<JsonNode> profile = jsonb("profile").defaultValue(JsonNodeFactory.instance.objectNode().put("a", "it's"));
    final Column<String> motto = text("motto").defaultValue("it's \"ok\"");
    final Column<Boolean> active = bool("active").notNull().defaultValue(true);
    final Column<java.time.LocalTime> opensAt = time("opens_at", 0);
    final Column<String> code = character("code", 3);

    private Users() {
      super(APP, "users");
      unique(tenantId, id);
      unique("users_tenant_name_key", true, tenantId, name);
      check("users_tenant_positive", tenantId.gt(0));
      index().on(Index.key(createdAt).desc().nullsLast()).include(name).where(active.eq(true)).with("fillfactor", 70);
      index().using("gin").on(tags);
      index("users_lower_name_idx").on(Index.expression("lower((name)::text)").opclass("text_pattern_ops"));
      index().concurrently().on(tenantId);
      index().unique().nullsNotDistinct().on(nick, code);
      forceRowLevelSecurity();
      policy("tenant_isolation").to(APP_USER)
          .using(tenantId.eq(Dsl.field(PgTypes.INTEGER, "current_setting('app.tenant')::integer")))
          .withCheck(tenantId.eq(Dsl.field(PgTypes.INTEGER, "current_setting('app.tenant')::integer")));
      policy("hide_inactive").restrictive().forCommand(Command.SELECT).to(APP_USER).using("active");
      comment("people who sign in");
    }
  }

  static final class Orders extends Table<Orders> {
    static final Orders T = new Orders();
    final Column<Long> id = bigint("id").identity(IdentityModel.Kind.ALWAYS, FROM_100).primaryKey();
    final Column<Integer> tenantId = integer("tenant_id").notNull();
    final Column<UUID> userId = uuid("user_id").notNull().references(() -> Users.T.id, CASCADE);
    final Column<BigDecimal> total = numeric("total", 12, 2).notNull().check("total >= 0");
    final Column<BigDecimal> withTax = numeric("with_tax", 14, 2).generatedAlwaysAs(total.times(new BigDecimal("1.2")));
    final Column<Long> invoiceNo = bigint("invoice_no").defaultSql("nextval('dsl.invoice_no'::regclass)");
    final Column<Status> status = column("status", STATUS).notNull().defaultValue(Status.NEW);

    private Orders() {
      super(APP, "orders");
      foreignKey(List.of(tenantId, userId), () -> List.of(Users.T.tenantId, Users.T.id)).deferrable(true).notValid();
    }
  }

  static final class Departments extends Table<Departments> {
    static final Departments T = new Departments();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> managerId = integer("manager_id").references(() -> Employees.T.id, SET_NULL);

    private Departments() {
      super(APP, "departments");
    }
  }

  static final class Employees extends Table<Employees> {
    static final Employees T = new Employees();
    final Column<Integer> id = serial("id").primaryKey();
    final Column<Integer> departmentId = integer("department_id").references(() -> Departments.T.id);
    final Column<Integer> bossId = integer("boss_id").references(() -> Employees.T.id);

    private Employees() {
      super(APP, "employees");
    }
  }

  static final class Bookings extends Table<Bookings> {
    static final Bookings T = new Bookings();
    final Column<Long> id = bigint("id").generatedByDefaultAsIdentity().primaryKey();
    final Column<Integer> roomId = integer("room_id").notNull();
    final Column<Range<OffsetDateTime>> during = tstzrange("during").notNull();
    final Column<Boolean> cancelled = bool("cancelled").notNull().defaultValue(false);

    private Bookings() {
      super(APP, "bookings");
      exclude().with(roomId, "=").with(during, "&&").where("NOT cancelled");
    }
  }

  static final class Events extends Table<Events> {
    static final Events T = new Events();
    final Column<Long> id = bigint("id").notNull();
    final Column<OffsetDateTime> occurredAt = timestamptz("occurred_at").notNull();
    final Column<String> kind = text("kind").notNull();

    private Events() {
      super(APP, "events");
      primaryKey(id, occurredAt);
      partitionBy(Strategy.RANGE, occurredAt);
      partition("events_2024", "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')");
      partition("events_default", "DEFAULT");
    }
  }

  static final class Kinds extends Table<Kinds> {
    static final Kinds T = new Kinds();
    final Column<String> kind = text("kind").notNull();

    private Kinds() {
      super(APP, "kinds");
      partitionBy(Strategy.LIST, kind);
      partition("kinds_click", "FOR VALUES IN ('click')");
      partition("kinds_other", "DEFAULT");
    }
  }

  static final class Sessions extends Table<Sessions> {
    static final Sessions T = new Sessions();
    final Column<UUID> id = uuid("id").notNull();

    private Sessions() {
      super(APP, "sessions");
      partitionBy(Strategy.HASH, id);
      partition("sessions_0", "FOR VALUES WITH (MODULUS 2, REMAINDER 0)");
      partition("sessions_1", "FOR VALUES WITH (MODULUS 2, REMAINDER 1)");
    }
  }

  /** A table class instantiated under a DB_PREFIX-style namespace. */
  static final class Accounts extends Table<Accounts> {
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> email = text("email").notNull().unique();

    Accounts(Namespace ns) {
      super(ns, "accounts");
      index().on(email);
    }

    private Accounts() {
      this(ACME);
    }
  }

  static final Accounts ACCOUNTS = new Accounts(ACME);

  static final View ACTIVE_USERS = View.of(APP, "active_users").securityInvoker().checkOption(ViewModel.CheckOption.LOCAL)
      .as(Dsl.query().select(Users.T.id, Users.T.tenantId, Users.T.email, Users.T.active).from(Users.T)
          .where(Users.T.active.eq(true)))
      .comment("users still active");
  static final View BIG_ORDERS = View.materialized(APP, "big_orders")
      .as(Dsl.query().select(Orders.T.id, Orders.T.userId, Orders.T.total).from(Orders.T)
          .where(Orders.T.total.gt(new BigDecimal("100"))))
      .index("big_orders_id_idx", true, "id").withNoData();
  static final View ORDER_TOTALS = View.materialized(APP, "order_totals")
      .as("SELECT user_id, sum(total) AS total FROM dsl.orders GROUP BY user_id")
      .index("order_totals_user_idx", true, "user_id");

  static SchemaModel model() {
    return Schema.of(new ExtensionModel("btree_gist", null), STATUS, EMAIL, APP_USER, INVOICE_NO, Users.T, Orders.T,
        Departments.T, Employees.T, Bookings.T, Events.T, Kinds.T, Sessions.T, ACCOUNTS, ACTIVE_USERS, BIG_ORDERS,
        ORDER_TOTALS).toModel();
  }

  static Database db;

  @BeforeAll
  static void create(PgTestContext pg) {
    // Catalog.apply runs each statement in autocommit mode, so CREATE INDEX CONCURRENTLY is outside any transaction
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, model()));
    assertThat(ddl).anyMatch(s -> s.startsWith("CREATE INDEX CONCURRENTLY"));
    Catalog.apply(pg, ddl);
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void close() {
    if (db != null) db.close();
  }

  @Test
  void extensionsSchemaEnumDomainRoleAndSequenceExist(PgTestContext pg) {
    assertThat(column(pg, "select extname from pg_extension order by 1")).contains("btree_gist", "citext");
    assertThat(value(pg, "select count(*) from pg_namespace where nspname = 'dsl'")).isEqualTo("1");
    assertThat(value(pg, "select enum_range(null::dsl.status)::text")).isEqualTo("{new,paid,\"it's complicated\"}");
    assertThat(value(pg, "select format_type(typbasetype, typtypmod) from pg_type where oid = 'dsl.email'::regtype"))
        .isEqualTo("citext");
    assertThat(value(pg, "select pg_get_constraintdef(oid) from pg_constraint where contypid = 'dsl.email'::regtype"
        + " and contype = 'c'")).startsWith("CHECK ((VALUE ").endsWith(" '@'::citext))");
    assertThat(value(pg, "select count(*) from pg_roles where rolname = 'sluice_dsl_app'")).isEqualTo("1");
    assertThat(value(pg, "select start_value || ',' || increment_by from pg_sequences where schemaname = 'dsl'"
        + " and sequencename = 'invoice_no'")).isEqualTo("1000,5");
  }

  @Test
  void columnsHaveTheDeclaredTypesNullabilityAndDefaults(PgTestContext pg) {
    assertThat(column(pg, "select a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull"
        + " || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') from pg_attribute a left join pg_attrdef d"
        + " on d.adrelid = a.attrelid and d.adnum = a.attnum where a.attrelid = 'dsl.users'::regclass and a.attnum > 0"
        + " and not a.attisdropped order by a.attnum")).containsExactly(
        "id uuid true gen_random_uuid()",
        "tenant_id integer true -",
        "email dsl.email true -",
        "name character varying(100) false -",
        "nick citext false -",
        "status dsl.status true 'new'::dsl.status",
        "tags text[] true '{}'::text[]",
        "grid integer[] false -",
        "balance numeric(10,2) true '-1.50'::numeric",
        "score double precision false -",
        "created_at timestamp(3) with time zone true now()",
        "profile jsonb false '{\"a\": \"it''s\"}'::jsonb",
        "motto text false 'it''s \"ok\"'::text",
        "active boolean true true",
        "opens_at time(0) without time zone false -",
        "code character(3) false -");
    assertThat(value(pg, "select attidentity::text || ',' || (select seqstart from pg_sequence where seqrelid ="
        + " pg_get_serial_sequence('dsl.orders', 'id')::regclass) from pg_attribute where attrelid = 'dsl.orders'::regclass"
        + " and attname = 'id'")).isEqualTo("a,100");
    assertThat(value(pg, "select attgenerated::text || ' ' || pg_get_expr(d.adbin, d.adrelid) from pg_attribute a"
        + " join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum where a.attrelid = 'dsl.orders'::regclass"
        + " and a.attname = 'with_tax'")).isEqualTo("s (total * 1.2)");
    assertThat(value(pg, "select col_description('dsl.users'::regclass, 4)")).isEqualTo("display name, it's shown");
    assertThat(value(pg, "select obj_description('dsl.users'::regclass, 'pg_class')")).isEqualTo("people who sign in");
  }

  @Test
  void constraintsHaveTheirConventionalNamesAndDefinitions(PgTestContext pg) {
    assertThat(column(pg, "select conname || ': ' || pg_get_constraintdef(oid) from pg_constraint"
        + " where conrelid = 'dsl.users'::regclass order by conname")).containsExactly(
        "users_email_key: UNIQUE (email)",
        "users_pkey: PRIMARY KEY (id)",
        "users_score_check: CHECK ((score >= (0)::double precision))",
        "users_tenant_id_id_key: UNIQUE (tenant_id, id)",
        "users_tenant_name_key: UNIQUE NULLS NOT DISTINCT (tenant_id, name)",
        "users_tenant_positive: CHECK ((tenant_id > 0))");
    assertThat(column(pg, "select conname || ': ' || pg_get_constraintdef(oid) from pg_constraint"
        + " where conrelid = 'dsl.orders'::regclass order by conname")).containsExactly(
        "orders_pkey: PRIMARY KEY (id)",
        "orders_tenant_id_user_id_fkey: FOREIGN KEY (tenant_id, user_id) REFERENCES dsl.users(tenant_id, id)"
            + " DEFERRABLE INITIALLY DEFERRED NOT VALID",
        "orders_total_check: CHECK ((total >= (0)::numeric))",
        "orders_user_id_fkey: FOREIGN KEY (user_id) REFERENCES dsl.users(id) ON DELETE CASCADE");
    assertThat(column(pg, "select conname || ': ' || pg_get_constraintdef(oid) from pg_constraint"
        + " where conrelid in ('dsl.departments'::regclass, 'dsl.employees'::regclass) and contype = 'f' order by conname"))
        .containsExactly(
            "departments_manager_id_fkey: FOREIGN KEY (manager_id) REFERENCES dsl.employees(id) ON DELETE SET NULL",
            "employees_boss_id_fkey: FOREIGN KEY (boss_id) REFERENCES dsl.employees(id)",
            "employees_department_id_fkey: FOREIGN KEY (department_id) REFERENCES dsl.departments(id)");
    assertThat(value(pg, "select pg_get_constraintdef(oid) from pg_constraint where conname = 'bookings_room_id_during_excl'"))
        .isEqualTo("EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE ((NOT cancelled))");
  }

  @Test
  void exclusionConstraintRejectsOverlaps(PgTestContext pg) {
    pg.execute("insert into dsl.bookings (room_id, during) values (1, '[2024-01-01 10:00+00, 2024-01-01 11:00+00)')");
    assertThatThrownBy(() -> pg.execute(
        "insert into dsl.bookings (room_id, during) values (1, '[2024-01-01 10:30+00, 2024-01-01 12:00+00)')"))
        .hasMessageContaining("bookings_room_id_during_excl");
  }

  @Test
  void indexesMatchTheirDefinitions(PgTestContext pg) {
    assertThat(column(pg, "select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'dsl.users'::regclass"
        + " and not indisprimary and indexrelid::regclass::text not like '%_key' order by indexrelid::regclass::text"))
        .containsExactly(
            "CREATE INDEX users_created_at_idx ON dsl.users USING btree (created_at DESC NULLS LAST) INCLUDE (name)"
                + " WITH (fillfactor='70') WHERE (active = true)",
            "CREATE INDEX users_lower_name_idx ON dsl.users USING btree (lower((name)::text) text_pattern_ops)",
            "CREATE INDEX users_tags_idx ON dsl.users USING gin (tags)",
            "CREATE INDEX users_tenant_id_idx ON dsl.users USING btree (tenant_id)");
    assertThat(value(pg, "select pg_get_indexdef('dsl.users_nick_code_key'::regclass)"))
        .isEqualTo("CREATE UNIQUE INDEX users_nick_code_key ON dsl.users USING btree (nick, code) NULLS NOT DISTINCT");
    assertThat(value(pg, "select indisvalid from pg_index where indexrelid = 'dsl.users_tenant_id_idx'::regclass"))
        .isEqualTo("t");
  }

  @Test
  void partitionsExistWithTheirBounds(PgTestContext pg) {
    assertThat(column(pg, "select c.relname || ' ' || p.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)"
        + " from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
        + " where c.relkind in ('r', 'p') and c.relnamespace = 'dsl'::regnamespace order by 1")).containsExactly(
        "events_2024 events FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')",
        "events_default events DEFAULT",
        "kinds_click kinds FOR VALUES IN ('click')",
        "kinds_other kinds DEFAULT",
        "sessions_0 sessions FOR VALUES WITH (modulus 2, remainder 0)",
        "sessions_1 sessions FOR VALUES WITH (modulus 2, remainder 1)");
    assertThat(column(pg, "select pg_get_partkeydef(oid) from pg_class where relnamespace = 'dsl'::regnamespace"
        + " and relkind = 'p' order by relname")).containsExactly("RANGE (occurred_at)", "LIST (kind)", "HASH (id)");
    pg.execute("insert into dsl.events (id, occurred_at, kind) values (1, '2024-06-01+00', 'a'), (2, '2030-01-01+00', 'b')");
    assertThat(value(pg, "select string_agg(tableoid::regclass::text, ',' order by id) from dsl.events"))
        .isEqualTo("dsl.events_2024,dsl.events_default");
  }

  @Test
  void viewsAndMaterializedViewsHaveTheirOptions(PgTestContext pg) {
    assertThat(value(pg, "select array_to_string(reloptions, ',') from pg_class where oid = 'dsl.active_users'::regclass"))
        .isEqualTo("security_invoker=true,check_option=local");
    assertThat(value(pg, "select obj_description('dsl.active_users'::regclass, 'pg_class')")).isEqualTo("users still active");
    assertThat(column(pg, "select relname || ' ' || relispopulated from pg_class where relkind = 'm'"
        + " and relnamespace = 'dsl'::regnamespace order by 1")).containsExactly("big_orders false", "order_totals true");
    assertThat(value(pg, "select pg_get_indexdef('dsl.big_orders_id_idx'::regclass)"))
        .isEqualTo("CREATE UNIQUE INDEX big_orders_id_idx ON dsl.big_orders USING btree (id)");
    assertThat(value(pg, "select pg_get_viewdef('dsl.big_orders'::regclass)")).contains("total > (100)::numeric");
  }

  @Test
  void rowLevelSecurityAndPoliciesExist(PgTestContext pg) {
    assertThat(value(pg, "select relrowsecurity || ',' || relforcerowsecurity from pg_class where oid = 'dsl.users'::regclass"))
        .isEqualTo("true,true");
    assertThat(column(pg, "select policyname || '|' || permissive || '|' || array_to_string(roles, ',') || '|' || cmd"
        + " || '|' || qual || '|' || coalesce(with_check, '-') from pg_policies where schemaname = 'dsl' order by 1"))
        .containsExactly(
            "hide_inactive|RESTRICTIVE|sluice_dsl_app|SELECT|active|-",
            "tenant_isolation|PERMISSIVE|sluice_dsl_app|ALL|(tenant_id = (current_setting('app.tenant'::text))::integer)"
                + "|(tenant_id = (current_setting('app.tenant'::text))::integer)");
  }

  @Test
  void prefixedNamespaceTablesAreCreatedWithPrefixedNames(PgTestContext pg) {
    assertThat(column(pg, "select conname from pg_constraint where conrelid = 'public.acme_accounts'::regclass order by 1"))
        .containsExactly("acme_accounts_email_key", "acme_accounts_pkey");
    assertThat(value(pg, "select count(*) from pg_class where relname = 'acme_accounts_email_idx'")).isEqualTo("1");
  }

  record UserRow(UUID id, String email, Status status, String[] tags, BigDecimal balance, JsonNode profile,
      String motto, Boolean active, OffsetDateTime createdAt) {}

  record OrderLine(Long id, String email, BigDecimal withTax, Status status) {}

  @Test
  void rowsReadBackThroughTypedSelectsMapOntoTheDslColumns(PgTestContext pg) {
    pg.execute("insert into dsl.users (tenant_id, email, name, nick, tags, status) values"
        + " (7, 'Ann@Example.com', 'ann', 'a', '{a,b}', 'paid'),"
        + " (7, 'bob@example.com', 'bob', 'b', '{}', 'it''s complicated')",
        "insert into dsl.orders (tenant_id, user_id, total) select tenant_id, id, 150 from dsl.users where name = 'ann'");
    Users u = Users.T;
    List<UserRow> rows = db.select(u.id, u.email, u.status, u.tags, u.balance, u.profile, u.motto, u.active, u.createdAt)
        .from(u).where(u.tenantId.eq(7)).orderBy(u.email).fetchInto(UserRow.class);
    assertThat(rows).extracting(UserRow::email).containsExactly("Ann@Example.com", "bob@example.com");
    UserRow ann = rows.get(0);
    assertThat(ann.status()).isEqualTo(Status.PAID);
    assertThat(ann.tags()).containsExactly("a", "b");
    assertThat(ann.balance()).isEqualByComparingTo("-1.50");
    assertThat(ann.profile().get("a").asText()).isEqualTo("it's");
    assertThat(ann.motto()).isEqualTo("it's \"ok\"");
    assertThat(ann.active()).isTrue();
    assertThat(ann.createdAt()).isNotNull();
    assertThat(rows.get(1).status()).isEqualTo(Status.IT_S);
    // the citext domain compares case-insensitively, and enum values bind as their labels
    assertThat(db.select(u.name).from(u).where(u.email.eq("ANN@EXAMPLE.COM")).fetchOne()).isEqualTo("ann");
    assertThat(db.select(u.name).from(u).where(u.status.eq(Status.IT_S)).fetchOne()).isEqualTo("bob");

    Orders o = Orders.T;
    List<OrderLine> lines = db.select(o.id, u.email, o.withTax, o.status).from(o).join(u, o.userId.eq(u.id))
        .fetch(OrderLine::new);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).id()).isGreaterThanOrEqualTo(100L);
    assertThat(lines.get(0).withTax()).isEqualByComparingTo("180.00");
    assertThat(lines.get(0).status()).isEqualTo(Status.NEW);
    assertThat(db.select(o.invoiceNo).from(o).fetchOne()).isEqualTo(1000L);
  }

  static final class Embeddings extends Table<Embeddings> {
    static final Embeddings T = new Embeddings();
    final Column<Long> id = bigserial("id").primaryKey();
    final Column<float[]> embedding = vector("embedding", 3);

    private Embeddings() {
      super(APP, "embeddings");
      index().using("hnsw").on(Index.key(embedding).opclass("vector_cosine_ops"));
    }
  }

  @Test
  void vectorColumnImpliesTheExtensionWhenPgvectorIsInstalled(PgTestContext pg) {
    org.junit.jupiter.api.Assumptions.assumeTrue(pg.server().hasExtension("vector"),
        "pgvector is not installed on this PostgreSQL server: skipping the vector column");
    SchemaModel current = model();
    SchemaModel withVectors = Schema.of(Embeddings.T).toModel();
    assertThat(withVectors.extensions()).containsExactly(new ExtensionModel("vector", null));
    Catalog.apply(pg, DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, withVectors)).stream()
        .filter(s -> !s.startsWith("CREATE SCHEMA")).toList());
    assertThat(value(pg, "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'dsl.embeddings'::regclass"
        + " and attname = 'embedding'")).isEqualTo("vector(3)");
    assertThat(current.extensions()).extracting(ExtensionModel::name).doesNotContain("vector");
  }
}
