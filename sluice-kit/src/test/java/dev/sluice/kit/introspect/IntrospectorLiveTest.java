package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creates every object kind with plain SQL and checks the model introspection reads back. */
@PgTest
class IntrospectorLiveTest {
  static SchemaModel model;

  @BeforeAll
  static void create(PgTestContext pg) throws Exception {
    pg.execute(RichSchema.SQL);
    try (Connection c = pg.connect()) {
      model = Introspector.introspect(c, IntrospectOptions.all());
    }
  }

  static TableModel table(String schema, String name) {
    return model.table(schema, name).orElseThrow();
  }

  @Test
  void readsSchemasExtensionsAndOnlyReferencedRoles() {
    assertThat(model.schemas()).containsExactly("shop");
    assertThat(model.extensions()).extracting(ExtensionModel::name, ExtensionModel::schema)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("btree_gist", null));
    assertThat(model.extensions().get(0).version()).as("installed version").matches("\\d+\\.\\d+");
    assertThat(model.roles()).containsExactly(
        new RoleModel("introspect_app", true, true, false, false, false, List.of("introspect_reader")),
        RoleModel.of("introspect_reader"));
  }

  @Test
  void readsEnumValuesInSortOrderAndDomainsWithChecks() {
    assertThat(model.enums()).containsExactly(
        new EnumModel("shop", "status", List.of("new", "cancelled", "paid", "shipped"), "order status"));
    assertThat(model.domains()).containsExactly(
        new DomainModel("shop", "email", "text", false, null, List.of(
            new CheckModel("email_at", "(VALUE ~ '@'::text)", false),
            new CheckModel("email_short", "(length(VALUE) < 200)", true)), null),
        new DomainModel("shop", "positive_int", "integer", true, "1",
            List.of(new CheckModel("positive_int_check", "(VALUE > 0)", false)), null));
  }

  @Test
  void readsFreeStandingSequencesOnlyWithNonDefaultOptions() {
    assertThat(model.sequences()).containsExactly(
        new SequenceModel("shop", "invoice_no", "integer", new SequenceOptions(1000L, 5L, null, null, 10L, false), null),
        new SequenceModel("shop", "plain_seq", "bigint", SequenceOptions.DEFAULTS, "plain"));
  }

  @Test
  void readsColumnsWithTypesDefaultsIdentityGeneratedCollationAndComments() {
    assertThat(table("shop", "customers").columns()).containsExactly(
        new ColumnModel("id", "bigint", true, null, new IdentityModel(IdentityModel.Kind.ALWAYS, null), null, null, null),
        new ColumnModel("email", "text", true, null, null, null, null, "login"),
        new ColumnModel("name", "character varying(100)", true, null, null, null, "C", null),
        new ColumnModel("tags", "text[]", false, "'{}'::text[]", null, null, null, null),
        new ColumnModel("created_at", "timestamp(3) with time zone", true, "now()", null, null, null, null),
        new ColumnModel("score", "numeric(10,2)", false, null, null, null, null, null));
    assertThat(table("shop", "orders").columns()).containsExactly(
        new ColumnModel("id", "serial", true, null, null, null, null, null),
        new ColumnModel("customer_id", "bigint", true, null, null, null, null, null),
        new ColumnModel("status", "shop.status", true, "'new'::shop.status", null, null, null, null),
        ColumnModel.of("qty", "shop.positive_int"),
        new ColumnModel("number", "integer", false, "nextval('shop.invoice_no'::regclass)", null, null, null, null),
        new ColumnModel("ref", "bigint", true, null,
            new IdentityModel(IdentityModel.Kind.BY_DEFAULT, new SequenceOptions(10L, 2L, null, null, null, false)),
            null, null, null),
        new ColumnModel("net", "numeric(12,2)", true, null, null, null, null, null),
        new ColumnModel("gross", "numeric(12,2)", false, null, null, "(net * 1.2)", null, null),
        ColumnModel.of("during", "tstzrange"),
        ColumnModel.of("region", "text"));
    assertThat(table("shop", "customers").comment()).isEqualTo("who buys");
  }

  @Test
  void readsKeysChecksAndExclusions() {
    TableModel orders = table("shop", "orders");
    assertThat(orders.primaryKey()).isEqualTo(new PrimaryKeyModel("orders_pkey", List.of("id")));
    assertThat(orders.foreignKeys()).containsExactly(new ForeignKeyModel("orders_customer_fk", List.of("customer_id"),
        "shop", "customers", List.of("id"), Action.CASCADE, Action.RESTRICT, ForeignKeyModel.Match.SIMPLE, true, true, false));
    assertThat(orders.uniques()).containsExactly(
        new UniqueModel("orders_region_status_key", List.of("region", "status"), true, false, false));
    assertThat(orders.checks()).containsExactly(
        new CheckModel("orders_gross_check", "(gross < (1000000)::numeric)", true),
        new CheckModel("orders_net_check", "(net > (0)::numeric)", false));
    assertThat(orders.exclusions()).containsExactly(new ExclusionModel("orders_no_overlap", "gist", List.of(
        new ExclusionModel.Element("customer_id", null, "="), new ExclusionModel.Element("during", null, "&&")),
        "(status <> 'cancelled'::shop.status)", false, false));
    assertThat(orders.indexes()).as("constraint-backed indexes are not listed").isEmpty();
    TableModel lines = table("shop", "order_lines");
    assertThat(lines.primaryKey().columns()).containsExactly("order_id", "line");
    assertThat(lines.foreignKeys()).containsExactly(new ForeignKeyModel("order_lines_order_fk", List.of("order_id"),
        "shop", "orders", List.of("id"), Action.SET_NULL, Action.NO_ACTION, ForeignKeyModel.Match.FULL, false, false, true));
    assertThat(table("shop", "customers").uniques()).containsExactly(
        new UniqueModel("customers_email_key", List.of("email"), false, false, false));
  }

  @Test
  void readsIndexesWithEveryOption() {
    assertThat(table("shop", "customers").indexes()).containsExactly(
        new IndexModel("customers_lower_email_idx", false, "btree",
            List.of(new IndexElement("lower(email)", true, null, "text_pattern_ops", true, false)), List.of("name"),
            "(score > (0)::numeric)", Map.of("fillfactor", "70"), false, false, null),
        new IndexModel("customers_name_idx", true, "btree", List.of(new IndexElement("name", false, "POSIX", null, false, true)),
            List.of(), null, Map.of(), true, false, "by name"),
        new IndexModel("customers_tags_idx", false, "gin", List.of(IndexElement.column("tags")), List.of(), null, Map.of(),
            false, false, null));
  }

  @Test
  void readsPartitionsOnlyInsideTheirParent() {
    TableModel events = table("shop", "events");
    assertThat(events.partitioning()).isEqualTo(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("happened"),
        List.of(new PartitionModel("events_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("lower(kind)"),
                    List.of(new PartitionModel("events_2024_click", "FOR VALUES IN ('click')", null)))),
            new PartitionModel("events_default", "DEFAULT", null))));
    assertThat(model.tables()).extracting(TableModel::name).doesNotContain("events_2024", "events_2024_click", "events_default");
    assertThat(events.indexes()).extracting(IndexModel::name).containsExactly("events_happened_idx");
  }

  @Test
  void readsRowLevelSecurityAndPolicies() {
    assertThat(table("shop", "customers").rlsEnabled()).isTrue();
    assertThat(table("shop", "customers").rlsForced()).isFalse();
    assertThat(table("shop", "orders").rlsForced()).isTrue();
    assertThat(table("shop", "customers").policies()).containsExactly(new PolicyModel("customers_self",
        PolicyModel.Command.SELECT, true, List.of("introspect_reader"), "(email = CURRENT_USER)", null));
    assertThat(table("shop", "orders").policies()).containsExactly(
        new PolicyModel("orders_all", PolicyModel.Command.ALL, true, List.of(), "true", "(status <> 'cancelled'::shop.status)"),
        new PolicyModel("orders_insert", PolicyModel.Command.INSERT, false, List.of(), null, "(net < (100)::numeric)"));
  }

  @Test
  void readsViewsAndMaterializedViews() {
    ViewModel big = model.view("shop", "big_orders").orElseThrow();
    assertThat(big.securityInvoker()).isTrue();
    assertThat(big.securityBarrier()).isTrue();
    assertThat(big.checkOption()).isEqualTo(ViewModel.CheckOption.LOCAL);
    assertThat(big.materialized()).isFalse();
    assertThat(big.comment()).isEqualTo("big");
    assertThat(big.query()).startsWith("SELECT").contains("FROM shop.orders").doesNotEndWith(";");
    ViewModel totals = model.view("shop", "order_totals").orElseThrow();
    assertThat(totals.materialized()).isTrue();
    assertThat(totals.withData()).isFalse();
    assertThat(totals.comment()).isEqualTo("totals");
    assertThat(totals.indexes()).containsExactly(new IndexModel("order_totals_customer_idx", true, "btree",
        List.of(IndexElement.column("customer_id")), List.of(), null, Map.of(), false, false, null));
  }

  @Test
  void readsGrantsToNonOwners() {
    assertThat(model.grants()).containsExactlyInAnyOrder(
        new GrantModel("SCHEMA", "shop", "shop", "introspect_reader", List.of("USAGE")),
        new GrantModel("SEQUENCE", "shop", "invoice_no", "introspect_app", List.of("SELECT", "USAGE")),
        new GrantModel("TABLE", "public", "notes", "PUBLIC", List.of("SELECT")),
        new GrantModel("TABLE", "shop", "big_orders", "introspect_app", List.of("SELECT")),
        new GrantModel("TABLE", "shop", "customers", "introspect_reader", List.of("INSERT", "SELECT")));
  }

  @Test
  void filtersSchemasAndTablesAndRestoresTheSearchPath(PgTestContext pg) throws Exception {
    try (Connection c = pg.connect()) {
      SchemaModel publicOnly = Introspector.introspect(c, new IntrospectOptions(List.of("public"), List.of()));
      assertThat(publicOnly.tables()).extracting(TableModel::name).containsExactly("notes");
      assertThat(publicOnly.schemas()).isEmpty();
      SchemaModel filtered = Introspector.introspect(c, new IntrospectOptions(List.of(), List.of("order*", "shop.big_*")));
      assertThat(filtered.tables()).extracting(TableModel::name).containsExactly("notes", "customers", "events");
      assertThat(filtered.views()).extracting(ViewModel::name).isEmpty();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW search_path")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
      }
      assertThatThrownBy(() -> Introspector.introspect(c, IntrospectOptions.schemas("nope")))
          .hasMessageContaining("schema nope does not exist");
    }
  }

  @Test
  void isFastAndStable(PgTestContext pg) throws Exception {
    try (Connection c = pg.connect()) {
      long start = System.nanoTime();
      SchemaModel again = Introspector.introspect(c, IntrospectOptions.all());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(again).isEqualTo(model);
      assertThat(ms).isLessThan(1000);
    }
  }
}
