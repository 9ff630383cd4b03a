package dev.sluice.schema;

import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;
import static dev.sluice.schema.model.ForeignKeyModel.Action.RESTRICT;
import static dev.sluice.schema.model.ForeignKeyModel.Action.SET_NULL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.query.Dsl;
import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import dev.sluice.schema.model.ForeignKeyModel.Match;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PartitioningModel.Strategy;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PolicyModel.Command;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.types.Codec;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Java schema DSL produces exactly the expected {@link SchemaModel} records, construct by construct. */
class SchemaDslModelTest {

  enum Mood { HAPPY, SAD }

  static final PgEnum<Mood> MOOD = PgEnum.of("mood", Mood.class).comment("how it feels");
  static final Domain<String> EMAIL = Domain.of("email", PgTypes.TEXT).notNull().check("email_at", "VALUE ~ '@'")
      .comment("an address");

  /** A user-defined type with its own codec: PostgreSQL's {@code ltree}-like label path as a String. */
  static final DataType<String> LABEL_PATH = DataType.custom("public.ltree", String.class, new Codec<>() {
    @Override
    public void bind(PreparedStatement ps, int index, String value) throws SQLException {
      ps.setObject(index, value, java.sql.Types.OTHER);
    }

    @Override
    public String read(ResultSet rs, int index) throws SQLException {
      return rs.getString(index);
    }
  });

  static final UUID SOME_ID = UUID.fromString("00000000-0000-0000-0000-00000000002a");

  static final class AllTypes extends Table<AllTypes> {
    static final AllTypes T = new AllTypes();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<BigDecimal> price = numeric("price", 10, 2);
    final Column<BigDecimal> anyNumber = numeric("any_number");
    final Column<String> code = varchar("code", 20);
    final Column<String> anyText = varchar("any_text");
    final Column<String> fixed = character("fixed", 3);
    final Column<java.time.LocalTime> at = time("at", 3);
    final Column<java.time.OffsetTime> atTz = timetz("at_tz", 0);
    final Column<java.time.LocalDateTime> local = timestamp("local", 6);
    final Column<OffsetDateTime> stamped = timestamptz("stamped", 3);
    final Column<OffsetDateTime> plainStamped = timestamptz("plain_stamped");
    final Column<String[]> tags = text("tags").array();
    final Column<Integer[][]> grid = integer("grid").array().array();
    final Column<Mood> mood = column("mood", MOOD);
    final Column<Mood[]> moods = column("moods", MOOD).array();
    final Column<String> email = column("email", EMAIL.dataType());
    final Column<String> path = column("path", LABEL_PATH);
    final Column<String> nick = citext("nick");
    final Column<JsonNode> doc = jsonb("doc");
    final Column<byte[]> blob = bytea("blob");
    final Column<Double> ratio = doublePrecision("ratio");
    final Column<LocalDate> day = date("day");

    private AllTypes() {
      super("all_types");
    }
  }

  @Test
  void everyColumnTypeHasItsCanonicalFormatTypeName() {
    TableModel m = AllTypes.T.toModel();
    assertThat(m.columns()).extracting(ColumnModel::name, ColumnModel::type).containsExactly(
        org.assertj.core.groups.Tuple.tuple("id", "integer"),
        org.assertj.core.groups.Tuple.tuple("price", "numeric(10,2)"),
        org.assertj.core.groups.Tuple.tuple("any_number", "numeric"),
        org.assertj.core.groups.Tuple.tuple("code", "character varying(20)"),
        org.assertj.core.groups.Tuple.tuple("any_text", "character varying"),
        org.assertj.core.groups.Tuple.tuple("fixed", "character(3)"),
        org.assertj.core.groups.Tuple.tuple("at", "time(3) without time zone"),
        org.assertj.core.groups.Tuple.tuple("at_tz", "time(0) with time zone"),
        org.assertj.core.groups.Tuple.tuple("local", "timestamp(6) without time zone"),
        org.assertj.core.groups.Tuple.tuple("stamped", "timestamp(3) with time zone"),
        org.assertj.core.groups.Tuple.tuple("plain_stamped", "timestamp with time zone"),
        org.assertj.core.groups.Tuple.tuple("tags", "text[]"),
        org.assertj.core.groups.Tuple.tuple("grid", "integer[]"),
        org.assertj.core.groups.Tuple.tuple("mood", "public.mood"),
        org.assertj.core.groups.Tuple.tuple("moods", "public.mood[]"),
        org.assertj.core.groups.Tuple.tuple("email", "public.email"),
        org.assertj.core.groups.Tuple.tuple("path", "public.ltree"),
        org.assertj.core.groups.Tuple.tuple("nick", "public.citext"),
        org.assertj.core.groups.Tuple.tuple("doc", "jsonb"),
        org.assertj.core.groups.Tuple.tuple("blob", "bytea"),
        org.assertj.core.groups.Tuple.tuple("ratio", "double precision"),
        org.assertj.core.groups.Tuple.tuple("day", "date"));
    assertThat(m.column("id")).contains(new ColumnModel("id", "integer", true, null, null, null, null, null));
    assertThat(m.column("price")).contains(ColumnModel.of("price", "numeric(10,2)"));
  }

  @Test
  void enumsUsedByColumnsDomainsAndImpliedCitextExtensionAreInTheSchema() {
    SchemaModel s = Schema.of(AllTypes.T, EMAIL).toModel();
    assertThat(s.enums()).containsExactly(new dev.sluice.schema.model.EnumModel("public", "mood", List.of("HAPPY", "SAD"),
        "how it feels"));
    assertThat(s.domains()).containsExactly(new dev.sluice.schema.model.DomainModel("public", "email", "text", true, null,
        List.of(new CheckModel("email_at", "VALUE ~ '@'", false)), "an address"));
    assertThat(s.extensions()).containsExactly(new ExtensionModel("citext", null));
    assertThat(s.schemas()).isEmpty();
  }

  static final class Embeddings extends Table<Embeddings> {
    static final Embeddings T = new Embeddings();
    final Column<Long> id = bigserial("id").primaryKey();
    final Column<float[]> embedding = vector("embedding", 3);

    private Embeddings() {
      super("embeddings");
    }
  }

  @Test
  void vectorColumnImpliesTheVectorExtension() {
    SchemaModel s = Schema.of(Embeddings.T).toModel();
    assertThat(s.extensions()).containsExactly(new ExtensionModel("vector", null));
    assertThat(s.tables().get(0).column("embedding")).contains(ColumnModel.of("embedding", "public.vector(3)"));
    assertThat(s.tables().get(0).column("id")).contains(new ColumnModel("id", "bigserial", true, null, null, null, null, null));
  }

  static final class Defaults extends Table<Defaults> {
    static final Defaults T = new Defaults();
    final Column<String> quoted = text("quoted").defaultValue("it's \"fine\"");
    final Column<String> limited = varchar("limited", 20).defaultValue("x");
    final Column<Integer> answer = integer("answer").defaultValue(42);
    final Column<Integer> negative = integer("negative").defaultValue(-5);
    final Column<BigDecimal> price = numeric("price", 10, 2).defaultValue(new BigDecimal("-1.50"));
    final Column<Double> ratio = doublePrecision("ratio").defaultValue(0.5);
    final Column<Boolean> active = bool("active").notNull().defaultValue(true);
    final Column<Boolean> deleted = bool("deleted").defaultValue(false);
    final Column<Mood> mood = column("mood", MOOD).defaultValue(Mood.SAD);
    final Column<UUID> fixedId = uuid("fixed_id").defaultValue(SOME_ID);
    final Column<JsonNode> doc = jsonb("doc").defaultValue(JsonNodeFactory.instance.objectNode().put("a", "it's"));
    final Column<String[]> tags = text("tags").array().defaultSql("'{}'::text[]");
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    final Column<String> nothing = text("nothing").defaultValue(null);
    final Column<Integer> sum = integer("sum").defaultSql(Dsl.val(1).plus(2));
    final Column<String> appSide = text("app_side").defaultFn(() -> "generated");
    final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").onUpdate(OffsetDateTime::now);

    private Defaults() {
      super("defaults");
    }
  }

  @Test
  void defaultValuesRenderAsTypedEscapedLiterals() {
    TableModel m = Defaults.T.toModel();
    assertThat(defaultOf(m, "quoted")).isEqualTo("'it''s \"fine\"'::text");
    assertThat(defaultOf(m, "limited")).isEqualTo("'x'::character varying(20)");
    assertThat(defaultOf(m, "answer")).isEqualTo("42");
    assertThat(defaultOf(m, "negative")).isEqualTo("(-5)");
    assertThat(defaultOf(m, "price")).isEqualTo("(-1.50)");
    assertThat(defaultOf(m, "ratio")).isEqualTo("0.5");
    assertThat(defaultOf(m, "active")).isEqualTo("true");
    assertThat(defaultOf(m, "deleted")).isEqualTo("false");
    assertThat(defaultOf(m, "mood")).isEqualTo("'SAD'::public.mood");
    assertThat(defaultOf(m, "fixed_id")).isEqualTo("'00000000-0000-0000-0000-00000000002a'::uuid");
    assertThat(defaultOf(m, "doc")).isEqualTo("'{\"a\":\"it''s\"}'::jsonb");
    assertThat(defaultOf(m, "tags")).isEqualTo("'{}'::text[]");
    assertThat(defaultOf(m, "id")).isEqualTo("gen_random_uuid()");
    assertThat(defaultOf(m, "created_at")).isEqualTo("now()");
    assertThat(defaultOf(m, "nothing")).isEqualTo("NULL");
    assertThat(defaultOf(m, "sum")).isEqualTo("(1 + 2)");
  }

  @Test
  void appSideDefaultsAndOnUpdateAreNotPartOfTheModel() {
    TableModel m = Defaults.T.toModel();
    assertThat(m.column("app_side")).contains(ColumnModel.of("app_side", "text"));
    assertThat(m.column("updated_at")).contains(ColumnModel.of("updated_at", "timestamp with time zone"));
    assertThat(Defaults.T.appSide.defaultFn().get()).isEqualTo("generated");
    assertThat(Defaults.T.updatedAt.onUpdateFn()).isNotNull();
    assertThat(Defaults.T.appSide.hasDatabaseDefault()).isFalse();
    assertThat(Defaults.T.createdAt.hasDatabaseDefault()).isTrue();
  }

  static String defaultOf(TableModel m, String column) {
    return m.column(column).orElseThrow().defaultExpr();
  }

  static final class Orders extends Table<Orders> {
    // declared before T: static initialisers run in order
    static final SequenceOptions FROM_100 = new SequenceOptions(100L, 5L, 100L, 1_000_000L, 10L, true);
    static final Orders T = new Orders();
    final Column<Long> id = bigint("id").identity(IdentityModel.Kind.ALWAYS, FROM_100).primaryKey();
    final Column<Integer> seq = integer("seq").generatedByDefaultAsIdentity();
    final Column<Integer> alwaysSeq = integer("always_seq").generatedAlwaysAsIdentity();
    final Column<Integer> quantity = integer("quantity").notNull().check("quantity > 0");
    final Column<BigDecimal> total = numeric("total", 12, 2).notNull();
    final Column<BigDecimal> withTax = numeric("with_tax", 12, 2).generatedAlwaysAs("total * 1.2");
    final Column<BigDecimal> lineTotal = numeric("line_total", 14, 2)
        .generatedAlwaysAs(total.times(new BigDecimal("2")).plus(new BigDecimal("-1")));
    final Column<String> note = text("note").collate("C").comment("free text, it's optional");

    private Orders() {
      super("orders");
      check("orders_total_positive", total.gt(BigDecimal.ZERO).and(quantity.le(1000)));
      comment("what people bought");
    }
  }

  @Test
  void identityAndGeneratedColumns() {
    TableModel m = Orders.T.toModel();
    assertThat(m.column("id")).contains(new ColumnModel("id", "bigint", true, null,
        new IdentityModel(IdentityModel.Kind.ALWAYS, Orders.FROM_100), null, null, null));
    assertThat(m.column("seq")).contains(new ColumnModel("seq", "integer", true, null,
        new IdentityModel(IdentityModel.Kind.BY_DEFAULT, SequenceOptions.DEFAULTS), null, null, null));
    assertThat(m.column("always_seq").orElseThrow().identity().kind()).isEqualTo(IdentityModel.Kind.ALWAYS);
    assertThat(m.column("with_tax")).contains(new ColumnModel("with_tax", "numeric(12,2)", false, null, null,
        "total * 1.2", null, null));
    // DSL expressions render unqualified (a generated column cannot name its table) with inline literals
    assertThat(m.column("line_total").orElseThrow().generatedExpr()).isEqualTo("((total * 2) + (-1))");
    assertThat(Orders.T.lineTotal.isGeneratedAlways()).isTrue();
    assertThat(Orders.T.seq.isGeneratedAlways()).isFalse();
    assertThat(Orders.T.id.isGeneratedAlways()).isTrue();
  }

  @Test
  void checksCommentsAndCollation() {
    TableModel m = Orders.T.toModel();
    assertThat(m.checks()).containsExactly(
        new CheckModel("orders_quantity_check", "quantity > 0", false),
        new CheckModel("orders_total_positive", "(total > 0 AND quantity <= 1000)", false));
    assertThat(m.comment()).isEqualTo("what people bought");
    assertThat(m.column("note")).contains(new ColumnModel("note", "text", false, null, null, null, "C",
        "free text, it's optional"));
    assertThat(m.primaryKey()).isEqualTo(new PrimaryKeyModel("orders_pkey", List.of("id")));
  }

  // --- keys and references ------------------------------------------------------------------------

  static final class Users extends Table<Users> {
    static final Users T = new Users();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<Integer> tenantId = integer("tenant_id").notNull();
    final Column<String> email = text("email").notNull().unique();
    final Column<String> handle = text("handle").unique("users_handle_uq", true);
    final Column<String> name = text("name");

    private Users() {
      super("users");
      unique(tenantId, id);
      unique("users_tenant_name_key", true, tenantId, name);
    }
  }

  static final class Memberships extends Table<Memberships> {
    static final Memberships T = new Memberships();
    final Column<Integer> tenantId = integer("tenant_id");
    final Column<UUID> userId = uuid("user_id").references(() -> Users.T.id, CASCADE);
    final Column<UUID> invitedBy = uuid("invited_by").references(() -> Users.T.id,
        fk -> fk.name("memberships_inviter_fk").onDelete(SET_NULL).onUpdate(CASCADE).matchFull().deferrable(true).notValid());
    final Column<String> role = text("role").notNull().defaultValue("member");

    private Memberships() {
      super("memberships");
      primaryKey(tenantId, userId);
      foreignKey(List.of(tenantId, userId), () -> List.of(Users.T.tenantId, Users.T.id)).onDelete(RESTRICT).deferrable(false);
    }
  }

  @Test
  void singleAndCompositePrimaryKeysAndUniques() {
    assertThat(Users.T.toModel().primaryKey()).isEqualTo(new PrimaryKeyModel("users_pkey", List.of("id")));
    assertThat(Memberships.T.toModel().primaryKey())
        .isEqualTo(new PrimaryKeyModel("memberships_pkey", List.of("tenant_id", "user_id")));
    assertThat(Memberships.T.toModel().column("tenant_id").orElseThrow().notNull()).isTrue();
    assertThat(Users.T.toModel().uniques()).containsExactly(
        new UniqueModel("users_email_key", List.of("email"), false, false, false),
        new UniqueModel("users_handle_uq", List.of("handle"), true, false, false),
        new UniqueModel("users_tenant_id_id_key", List.of("tenant_id", "id"), false, false, false),
        new UniqueModel("users_tenant_name_key", List.of("tenant_id", "name"), true, false, false));
  }

  @Test
  void foreignKeysWithActionsDeferrableNotValidAndComposite() {
    assertThat(Memberships.T.toModel().foreignKeys()).containsExactly(
        new ForeignKeyModel("memberships_inviter_fk", List.of("invited_by"), "public", "users", List.of("id"), SET_NULL,
            CASCADE, Match.FULL, true, true, true),
        new ForeignKeyModel("memberships_tenant_id_user_id_fkey", List.of("tenant_id", "user_id"), "public", "users",
            List.of("tenant_id", "id"), RESTRICT, Action.NO_ACTION, Match.SIMPLE, true, false, false),
        new ForeignKeyModel("memberships_user_id_fkey", List.of("user_id"), "public", "users", List.of("id"), CASCADE,
            Action.NO_ACTION, Match.SIMPLE, false, false, false));
    assertThat(Schema.of(Users.T, Memberships.T).toModel().tables()).hasSize(2);
  }

  static final class Departments extends Table<Departments> {
    static final Departments T = new Departments();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> managerId = integer("manager_id").references(() -> Employees.T.id, SET_NULL);

    private Departments() {
      super("departments");
    }
  }

  static final class Employees extends Table<Employees> {
    static final Employees T = new Employees();
    final Column<Integer> id = serial("id").primaryKey();
    final Column<Integer> departmentId = integer("department_id").references(() -> Departments.T.id);
    final Column<Integer> bossId = integer("boss_id").references(() -> Employees.T.id);

    private Employees() {
      super("employees");
    }
  }

  @Test
  void selfReferencesAndCyclesBetweenTwoTablesResolveLazily() {
    SchemaModel s = Schema.of(Departments.T, Employees.T).toModel();
    assertThat(s.table("public", "employees").orElseThrow().foreignKeys()).extracting(ForeignKeyModel::name,
        ForeignKeyModel::refTable).containsExactly(
        org.assertj.core.groups.Tuple.tuple("employees_boss_id_fkey", "employees"),
        org.assertj.core.groups.Tuple.tuple("employees_department_id_fkey", "departments"));
    assertThat(s.table("public", "departments").orElseThrow().foreignKeys()).containsExactly(
        new ForeignKeyModel("departments_manager_id_fkey", List.of("manager_id"), "public", "employees", List.of("id"),
            SET_NULL, Action.NO_ACTION, Match.SIMPLE, false, false, false));
  }

  // --- exclusions and indexes ---------------------------------------------------------------------

  static final class Bookings extends Table<Bookings> {
    static final Bookings T = new Bookings();
    final Column<Long> id = bigint("id").generatedAlwaysAsIdentity().primaryKey();
    final Column<Integer> roomId = integer("room_id").notNull();
    final Column<dev.sluice.types.Range<OffsetDateTime>> during = tstzrange("during").notNull();
    final Column<Boolean> cancelled = bool("cancelled").notNull().defaultValue(false);
    final Column<String> title = text("title");
    final Column<String[]> tags = text("tags").array();
    final Column<OffsetDateTime> createdAt = timestamptz("created_at");
    final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at");

    private Bookings() {
      super("bookings");
      exclude().with(roomId, "=").with(during, "&&").where("NOT cancelled");
      exclude("bookings_title_excl_named").using("gist").withExpression("lower(title)", "=").deferrable(true);
      index().using("gin").on(tags);
      index().on(Index.key(createdAt).desc().nullsLast()).include(title).where(deletedAt.isNull().and(roomId.gt(0)));
      index("bookings_title_lower").unique().onExpression("lower(title)").concurrently().with("fillfactor", 70);
      index().on(Index.key(title).opclass("text_pattern_ops").collate("C"), Index.key(roomId).nullsFirst());
      index().unique().nullsNotDistinct().on(roomId, title);
      index("bookings_created_brin").using("brin").on(createdAt).with("pages_per_range", 32).comment("time scans");
    }
  }

  @Test
  void exclusionConstraintsAreNamedAfterTheirColumns() {
    assertThat(Bookings.T.toModel().exclusions()).containsExactly(
        new ExclusionModel("bookings_room_id_during_excl", "gist", List.of(
            new ExclusionModel.Element("room_id", null, "="), new ExclusionModel.Element("during", null, "&&")),
            "NOT cancelled", false, false),
        new ExclusionModel("bookings_title_excl_named", "gist", List.of(
            new ExclusionModel.Element("(lower(title))", null, "=")), null, true, true));
  }

  @Test
  void indexesWithMethodsExpressionsOrderingOpclassPartialIncludeAndParams() {
    assertThat(Bookings.T.toModel().indexes()).containsExactly(
        new IndexModel("bookings_created_at_idx", false, "btree",
            List.of(new IndexElement("created_at", false, null, null, true, false)), List.of("title"),
            "(deleted_at IS NULL AND room_id > 0)", Map.of(), false, false, null),
        new IndexModel("bookings_created_brin", false, "brin", List.of(IndexElement.column("created_at")), List.of(),
            null, Map.of("pages_per_range", "32"), false, false, "time scans"),
        new IndexModel("bookings_room_id_title_key", true, "btree",
            List.of(IndexElement.column("room_id"), IndexElement.column("title")), List.of(), null, Map.of(), true, false,
            null),
        new IndexModel("bookings_tags_idx", false, "gin", List.of(IndexElement.column("tags")), List.of(), null,
            Map.of(), false, false, null),
        new IndexModel("bookings_title_lower", true, "btree",
            List.of(new IndexElement("lower(title)", true, null, null, false, null)), List.of(), null,
            Map.of("fillfactor", "70"), false, true, null),
        new IndexModel("bookings_title_room_id_idx", false, "btree", List.of(
            new IndexElement("title", false, "C", "text_pattern_ops", false, null),
            new IndexElement("room_id", false, null, null, false, true)), List.of(), null, Map.of(), false, false, null));
  }

  // --- namespaces and prefixes --------------------------------------------------------------------

  /** Table classes parameterised by namespace, as an app with a DB_PREFIX would write them. */
  static final class Accounts extends Table<Accounts> {
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> email = text("email").notNull().unique();

    Accounts(Namespace ns) {
      super(ns, "accounts");
      index().on(email);
    }

    private Accounts() {
      this(Namespace.PUBLIC);
    }
  }

  static final class Notes extends Table<Notes> {
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> accountId;
    final Column<OffsetDateTime> at = timestamptz("at").notNull();

    Notes(Namespace ns, Accounts accounts) {
      super(ns, "notes");
      this.accountId = integer("account_id").notNull().references(() -> accounts.id, CASCADE);
      partitionBy(Strategy.RANGE, at);
      partition("notes_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    }
  }

  static SchemaModel prefixed(Namespace ns) {
    Accounts a = new Accounts(ns);
    Notes n = new Notes(ns, a);
    View v = View.of(ns, "account_emails").as(Dsl.query().select(a.id, a.email).from(a));
    return Schema.of(a, n, v).toModel();
  }

  @Test
  void aPrefixedNamespaceRenamesTablesConstraintsIndexesPartitionsAndViews() {
    SchemaModel s = prefixed(Namespace.PUBLIC.withPrefix("acme_"));
    TableModel accounts = s.table("public", "acme_accounts").orElseThrow();
    assertThat(accounts.primaryKey().name()).isEqualTo("acme_accounts_pkey");
    assertThat(accounts.uniques()).extracting(UniqueModel::name).containsExactly("acme_accounts_email_key");
    assertThat(accounts.indexes()).extracting(IndexModel::name).containsExactly("acme_accounts_email_idx");
    TableModel notes = s.table("public", "acme_notes").orElseThrow();
    assertThat(notes.foreignKeys()).containsExactly(new ForeignKeyModel("acme_notes_account_id_fkey",
        List.of("account_id"), "public", "acme_accounts", List.of("id"), CASCADE, Action.NO_ACTION, Match.SIMPLE,
        false, false, false));
    assertThat(notes.partitioning()).isEqualTo(new PartitioningModel(Strategy.RANGE, List.of("at"), List.of(
        new PartitionModel("acme_notes_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", null))));
    assertThat(s.views()).extracting(ViewModel::name).containsExactly("acme_account_emails");
    assertThat(s.views().get(0).query()).isEqualTo("SELECT acme_accounts.id, acme_accounts.email FROM acme_accounts");
  }

  @Test
  void aSchemaNamespaceQualifiesReferencesAndIsCreated() {
    SchemaModel s = prefixed(Namespace.of("crm"));
    assertThat(s.schemas()).containsExactly("crm");
    assertThat(s.table("crm", "notes").orElseThrow().foreignKeys().get(0).refSchema()).isEqualTo("crm");
    assertThat(s.view("crm", "account_emails").orElseThrow().query())
        .isEqualTo("SELECT crm.accounts.id, crm.accounts.email FROM crm.accounts");
  }

  @Test
  void twoBuildsOfTheSameDefinitionsGiveEqualModels() {
    Namespace ns = Namespace.PUBLIC.withPrefix("acme_");
    assertThat(prefixed(ns)).isEqualTo(prefixed(ns));
    assertThat(Schema.of(Users.T, Memberships.T, Bookings.T).toModel())
        .isEqualTo(Schema.of(Bookings.T, Memberships.T, Users.T).toModel());
  }

  // --- views --------------------------------------------------------------------------------------

  @Test
  void viewsFromDslSelectsRenderInlineWithLiterals() {
    Users u = Users.T;
    View active = View.of("named_users").securityInvoker().securityBarrier()
        .checkOption(ViewModel.CheckOption.LOCAL)
        .as(Dsl.query().select(u.id, u.email).from(u).where(u.name.isNotNull().and(u.email.like("%it's%"))))
        .comment("users with names");
    assertThat(active.toModel()).isEqualTo(new ViewModel("public", "named_users",
        "SELECT users.id, users.email FROM users WHERE (users.name IS NOT NULL AND users.email LIKE '%it''s%'::text)",
        false, true, true, ViewModel.CheckOption.LOCAL, false, List.of(), "users with names"));
  }

  @Test
  void materializedViewsWithIndexAndNoDataFromSql() {
    View totals = View.materialized("tenant_counts").as("SELECT tenant_id, count(*) AS n FROM users GROUP BY tenant_id")
        .index("tenant_counts_tenant_idx", true, "tenant_id").withNoData();
    assertThat(totals.toModel()).isEqualTo(new ViewModel("public", "tenant_counts",
        "SELECT tenant_id, count(*) AS n FROM users GROUP BY tenant_id", true, false, false, null, false,
        List.of(new IndexModel("tenant_counts_tenant_idx", true, "btree", List.of(IndexElement.column("tenant_id")),
            List.of(), null, Map.of(), false, false, null)), null));
    assertThat(View.materialized("m").as("SELECT 1").toModel().withData()).isTrue();
    assertThat(View.of("v").as("SELECT 1").toModel().withData()).isFalse();
  }

  // --- partitions ---------------------------------------------------------------------------------

  static final class Events extends Table<Events> {
    static final Events T = new Events();
    final Column<OffsetDateTime> occurredAt = timestamptz("occurred_at").notNull();
    final Column<String> kind = text("kind").notNull();
    final Column<Long> id = bigint("id").notNull();

    private Events() {
      super("events");
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
      super("kinds");
      partitionBy(Strategy.LIST, kind);
      partition("kinds_click", "FOR VALUES IN ('click')");
    }
  }

  static final class Sessions extends Table<Sessions> {
    static final Sessions T = new Sessions();
    final Column<UUID> id = uuid("id").notNull();

    private Sessions() {
      super("sessions");
      partitionBy(Strategy.HASH, "(id)");
      partition("sessions_0", "FOR VALUES WITH (MODULUS 2, REMAINDER 0)");
      partition("sessions_1", "FOR VALUES WITH (MODULUS 2, REMAINDER 1)");
    }
  }

  @Test
  void rangeListAndHashPartitioning() {
    assertThat(Events.T.toModel().partitioning()).isEqualTo(new PartitioningModel(Strategy.RANGE, List.of("occurred_at"),
        List.of(new PartitionModel("events_2024",
                "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')", null),
            new PartitionModel("events_default", "DEFAULT", null))));
    assertThat(Events.T.toModel().primaryKey()).isEqualTo(new PrimaryKeyModel("events_pkey", List.of("id", "occurred_at")));
    assertThat(Kinds.T.toModel().partitioning()).isEqualTo(new PartitioningModel(Strategy.LIST, List.of("kind"),
        List.of(new PartitionModel("kinds_click", "FOR VALUES IN ('click')", null))));
    assertThat(Sessions.T.toModel().partitioning().strategy()).isEqualTo(Strategy.HASH);
    assertThat(Sessions.T.toModel().partitioning().keys()).containsExactly("(id)");
    assertThat(Sessions.T.toModel().partitioning().partitions()).extracting(PartitionModel::name)
        .containsExactly("sessions_0", "sessions_1");
  }

  // --- row-level security, roles, sequences -------------------------------------------------------

  static final Role APP = Role.of("app_user").login().noInherit().bypassRls().createDb().createRole().memberOf("pg_read_all_data");

  static final class Docs extends Table<Docs> {
    static final Docs T = new Docs();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> tenantId = integer("tenant_id").notNull();
    final Column<String> owner = text("owner");

    private Docs() {
      super("docs");
      forceRowLevelSecurity();
      policy("tenant_isolation").to(APP)
          .using(tenantId.eq(Dsl.field(PgTypes.INTEGER, "current_setting('app.tenant')::int")))
          .withCheck(tenantId.eq(Dsl.field(PgTypes.INTEGER, "current_setting('app.tenant')::int")));
      policy("owner_reads").forCommand(Command.SELECT).restrictive().to("app_user", "auditor")
          .using("owner = current_user");
      policy("no_secret").forCommand(Command.INSERT).withCheck(owner.ne("secret"));
    }
  }

  static final class Notices extends Table<Notices> {
    static final Notices T = new Notices();
    final Column<Integer> id = integer("id").primaryKey();

    private Notices() {
      super("notices");
      enableRowLevelSecurity();
    }
  }

  @Test
  void rowLevelSecurityAndPoliciesFromDslConditionsAndSql() {
    TableModel m = Docs.T.toModel();
    assertThat(m.rlsEnabled()).isTrue();
    assertThat(m.rlsForced()).isTrue();
    assertThat(m.policies()).containsExactly(
        new PolicyModel("no_secret", Command.INSERT, true, List.of(), null, "owner <> 'secret'::text"),
        new PolicyModel("owner_reads", Command.SELECT, false, List.of("app_user", "auditor"), "owner = current_user", null),
        new PolicyModel("tenant_isolation", Command.ALL, true, List.of("app_user"),
            "tenant_id = current_setting('app.tenant')::int", "tenant_id = current_setting('app.tenant')::int"));
    assertThat(Notices.T.toModel().rlsEnabled()).isTrue();
    assertThat(Notices.T.toModel().rlsForced()).isFalse();
  }

  @Test
  void rolesAndSequences() {
    SchemaModel s = Schema.of(APP, Role.of("reader"), Sequence.of("invoice_no").as("integer").startWith(1000)
        .incrementBy(5).minValue(1000).maxValue(999_999).cache(10).cycle().comment("invoice numbers"),
        Sequence.of(Namespace.of("billing"), "ticket_no")).toModel();
    assertThat(s.roles()).containsExactly(
        new RoleModel("app_user", true, false, true, true, true, List.of("pg_read_all_data")),
        RoleModel.of("reader"));
    assertThat(s.sequences()).containsExactly(
        new SequenceModel("billing", "ticket_no", "bigint", SequenceOptions.DEFAULTS, null),
        new SequenceModel("public", "invoice_no", "integer",
            new SequenceOptions(1000L, 5L, 1000L, 999_999L, 10L, true), "invoice numbers"));
    assertThat(s.schemas()).containsExactly("billing");
  }

  // --- deterministic names ------------------------------------------------------------------------

  static final class VeryLong extends Table<VeryLong> {
    static final VeryLong T = new VeryLong();
    final Column<Integer> aQuiteLongColumnNameNumberOne = integer("a_quite_long_column_name_number_one").unique();
    final Column<Integer> aQuiteLongColumnNameNumberTwo = integer("a_quite_long_column_name_number_two");

    private VeryLong() {
      super("a_table_with_a_rather_long_name");
      index().on(aQuiteLongColumnNameNumberOne, aQuiteLongColumnNameNumberTwo);
      index().on(aQuiteLongColumnNameNumberTwo, aQuiteLongColumnNameNumberOne);
    }
  }

  @Test
  void namesOver63BytesAreShortenedWithAStableHash() {
    TableModel m = VeryLong.T.toModel();
    List<String> names = new java.util.ArrayList<>(m.indexes().stream().map(IndexModel::name).toList());
    names.add(m.uniques().get(0).name());
    assertThat(names).allSatisfy(n -> assertThat(n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(63));
    assertThat(names).doesNotHaveDuplicates();
    assertThat(m.uniques().get(0).name()).matches("a_table_with_a_rather_long_name_a_quite_long_colu.*_[0-9a-f]{8}_key")
        .isEqualTo(Names.of("a_table_with_a_rather_long_name", List.of("a_quite_long_column_name_number_one"), "key"));
    assertThat(m.indexes()).extracting(IndexModel::name).allMatch(n -> n.endsWith("_idx"));
    // stable: the same inputs always give the same name
    assertThat(Names.of("t".repeat(40), List.of("c".repeat(40)), "fkey"))
        .isEqualTo(Names.of("t".repeat(40), List.of("c".repeat(40)), "fkey"))
        .hasSize(63);
    assertThat(Names.of("users", List.of("email"), "idx")).isEqualTo("users_email_idx");
  }
}
