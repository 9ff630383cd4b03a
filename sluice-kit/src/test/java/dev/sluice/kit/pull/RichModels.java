package dev.sluice.kit.pull;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import dev.sluice.schema.model.ForeignKeyModel.Match;
import dev.sluice.schema.model.GrantModel;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built models with every object kind and hostile names, consistent with what the DSL can declare. */
final class RichModels {
  private RichModels() {}

  static ColumnModel col(String name, String type) {
    return ColumnModel.of(name, type);
  }

  static ColumnModel notNull(String name, String type) {
    return new ColumnModel(name, type, true, null, null, null, null, null);
  }

  static TableModel table(String schema, String name, List<ColumnModel> cols, PrimaryKeyModel pk) {
    return new TableModel(schema, name, cols, pk, null, null, null, null, null, null, false, false, null, null);
  }

  /** Every built-in type the generator maps, plus arrays and textual fallbacks. */
  static TableModel allTypes() {
    List<String> types = List.of("smallint", "integer", "bigint", "numeric", "numeric(12,2)", "real",
        "double precision", "money", "boolean", "text", "character varying", "character varying(40)", "character(3)",
        "public.citext", "uuid", "bytea", "date", "time without time zone", "time(3) without time zone",
        "time with time zone", "time(0) with time zone", "timestamp without time zone",
        "timestamp(6) without time zone", "timestamp with time zone", "timestamp(3) with time zone", "interval",
        "json", "jsonb", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "inet", "cidr",
        "macaddr", "point", "tsvector", "tsquery", "xml", "public.vector(3)", "text[]", "numeric(10,2)[]",
        "uuid[]", "bytea[]", "int4range[]", "interval year", "bit varying(8)", "public.ltree", "integer[][]",
        "numeric(5,-2)", "character varying(007)", "public.mood", "public.mood[]", "public.email",
        "public.pos2[]", "sales.Order Status");
    List<ColumnModel> cols = new ArrayList<>();
    cols.add(new ColumnModel("id", "bigserial", true, null, null, null, null, null));
    for (int i = 0; i < types.size(); i++) cols.add(col("c" + i + " " + types.get(i), types.get(i)));
    return table("public", "all_types", cols, new PrimaryKeyModel("all_types_pkey", List.of("id")));
  }

  static SchemaModel rich() {
    List<TableModel> tables = new ArrayList<>();
    tables.add(allTypes());
    tables.add(new TableModel("public", "customers", List.of(
        new ColumnModel("id", "serial", true, null, null, null, null, null),
        new ColumnModel("email", "public.email", true, null, null, null, null, "login \"name\""),
        new ColumnModel("name", "character varying(100)", true, null, null, null, "C", null),
        new ColumnModel("mood", "public.mood", false, "'happy'::mood", null, null, null, null),
        col("tags", "text[]"),
        new ColumnModel("balance", "numeric(12,2)", true, "0", null, null, null, null),
        new ColumnModel("class", "integer", false, null, null, null, null, "a \"user\"\nline2 \\ back \u00e9"),
        col("user", "text"), col("Order Details", "text"), col("order_details", "text"), col("OrderDetails", "text"),
        new ColumnModel("doubled", "numeric", false, null, null, "(balance * (2)::numeric)", null, null),
        col("ref", "integer"), col("ref2", "integer")),
        new PrimaryKeyModel("customers_pkey", List.of("id")),
        List.of(new ForeignKeyModel("customers_ref_fkey", List.of("ref"), "public", "customers", List.of("id"),
                Action.SET_NULL, null, null, false, false, false),
            new ForeignKeyModel("my ref2 \"fk\"", List.of("ref2"), "public", "customers", List.of("id"),
                Action.CASCADE, Action.RESTRICT, Match.FULL, true, true, true)),
        List.of(new UniqueModel("customers_email_key", List.of("email"), false, false, false),
            new UniqueModel("customers_user_uq", List.of("user"), true, false, false),
            new UniqueModel("customers_class_user_key", List.of("class", "user"), false, false, false),
            new UniqueModel("swap", List.of("name", "user"), false, true, true),
            new UniqueModel("second_on_email", List.of("email"), false, false, false)),
        List.of(new CheckModel("customers_balance_check", "(balance >= (0)::numeric)", false),
            new CheckModel("late", "(length(name) < 90)", true)),
        List.of(),
        List.of(new IndexModel("customers_lower_idx", false, "btree",
                List.of(new IndexElement("lower((name)::text)", true, null, null, true, true),
                    new IndexElement("name", false, "C", "text_pattern_ops", false, false)),
                List.of("email"), "(balance > (0)::numeric)", Map.of("fillfactor", "70"), false, false, "idx \"c\""),
            new IndexModel("customers_tags_idx", false, "gin", List.of(IndexElement.column("tags")), null, null, null,
                false, false, null),
            new IndexModel("customers_user_key", true, "btree", List.of(IndexElement.column("user")), null, null, null,
                true, true, null)),
        null, true, true,
        List.of(new PolicyModel("read own", Command.SELECT, true, List.of("app_user", "admin \"boss\""), "(id > 0)", null),
            new PolicyModel("write", Command.INSERT, false, List.of(), null, "(balance >= (0)::numeric)", "writers' rule"),
            new PolicyModel("all", Command.ALL, true, List.of(), "true", "true")),
        "Customers: \"quoted\", multi\nline"));
    tables.add(new TableModel("public", "accounts", List.of(notNull("a", "integer"), notNull("b", "text")),
        new PrimaryKeyModel("accounts_pk", List.of("b", "a")), null, null, null, null, null, null, false, true, null, null));
    tables.add(new TableModel("sales", "Order Details", List.of(
        new ColumnModel("id", "bigint", true, null, new IdentityModel(IdentityModel.Kind.ALWAYS,
            new SequenceOptions(10L, 5L, 1L, Long.MAX_VALUE, 20L, true)), null, null, null),
        new ColumnModel("line no", "smallint", true, null,
            new IdentityModel(IdentityModel.Kind.BY_DEFAULT, null), null, null, null),
        notNull("customer_id", "integer"), col("acc_a", "integer"), col("acc_b", "text"),
        col("period", "tstzrange"), col("room", "integer"), col("status", "sales.Order Status"),
        new ColumnModel("amount", "money", false, "12.5", null, null, null, null)),
        new PrimaryKeyModel("od_pk", List.of("id", "line no")),
        List.of(new ForeignKeyModel("Order Details_customer_id_fkey", List.of("customer_id"), "public", "customers",
                List.of("id"), Action.CASCADE, null, null, false, false, false),
            new ForeignKeyModel("Order Details_acc_b_acc_a_fkey", List.of("acc_b", "acc_a"), "public", "accounts",
                List.of("b", "a"), null, null, null, false, false, false),
            new ForeignKeyModel("to_acc", List.of("acc_a", "acc_b"), "public", "accounts", List.of("a", "b"),
                Action.SET_DEFAULT, Action.CASCADE, Match.FULL, true, false, true)),
        null, null,
        List.of(new ExclusionModel("no_overlap", "gist", List.of(new ExclusionModel.Element("room", null, "="),
                new ExclusionModel.Element("period", "range_ops", "&&"),
                new ExclusionModel.Element("(lower(period))", null, "=")), "(room > 0)", true, true),
            new ExclusionModel("Order Details_room_excl", "gist", List.of(new ExclusionModel.Element("room", null, "=")),
                null, false, false)),
        List.of(new IndexModel("Order Details_room_idx", false, "btree", List.of(IndexElement.column("room")), null, null,
            null, false, false, null)),
        null, false, false, null, null));
    tables.add(new TableModel("public", "measurements", List.of(notNull("logdate", "date"), col("city", "text")),
        null, null, null, null, null, null,
        new PartitioningModel(Strategy.RANGE, List.of("logdate", "(lower(city))"), List.of(
            new PartitionModel("m2025", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')", null,
                List.of(new IndexModel("m2025 \"city\" idx", true, "btree", List.of(IndexElement.column("city")), List.of("logdate"),
                    "(city <> 'x')", java.util.Map.of("fillfactor", "70"), true, false, "own index of 2025")),
                List.of(new ForeignKeyModel("m2025_city_fkey", List.of("city"), "sales", "customers", List.of("id"),
                    Action.SET_NULL, null, null, true, true, true, List.of("city"), "own key"))),
            new PartitionModel("m_default", "DEFAULT", null),
            new PartitionModel("m2026", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                new PartitioningModel(Strategy.LIST, List.of("city"), List.of(
                    new PartitionModel("m2026_paris", "FOR VALUES IN ('Paris')", null,
                        List.of(new IndexModel("m2026_paris_logdate_idx", false, "brin", List.of(IndexElement.column("logdate")),
                            null, null, null, false, false, null)), null),
                    new PartitionModel("m2026_rest", "DEFAULT", null, null, null,
                        new PrimaryKeyModel("m2026_rest \"pk\"", List.of("logdate"), "own key of the rest"),
                        List.of(new UniqueModel("m2026_rest_city_key", List.of("city"), true, true, true, "own unique")),
                        List.of(new CheckModel("m2026_rest city check", "(city <> '')", true, "own \"check\"")),
                        List.of(new ExclusionModel("m2026_rest_city_excl", "hash",
                            List.of(new ExclusionModel.Element("city", null, "=")), "(logdate > '2026-01-01'::date)", false,
                            false, "own exclusion")))))))),
        false, false, null, null));
    tables.add(table("public", "Customers", List.of(col("x", "integer")), null));
    tables.add(table("public", "Table", List.of(col("Table", "integer"), col("TABLE", "integer")), null));
    tables.add(table("public", "user", List.of(notNull("customer", "integer")),
        new PrimaryKeyModel("user_pkey", List.of("customer"), "the user's \"key\"")));
    tables.add(table("sales", "customers", List.of(col("id", "integer")), null));
    tables.add(table("public", "x", List.of(col("x", "integer")), null));

    return new SchemaModel(List.of("sales", "empty one"),
        List.of(new ExtensionModel("citext", null, "1.6"), new ExtensionModel("btree_gist", "public"),
            new ExtensionModel("vector", null)),
        List.of(RoleModel.of("app_user"), new RoleModel("admin \"boss\"", true, false, true, true, true,
            List.of("app_user"))),
        List.of(new EnumModel("public", "mood", List.of("happy", "sad"), "feelings"),
            new EnumModel("sales", "Order Status", List.of("new", "in progress", "it's \"done\"", "class", "NEW",
                "\u00fcn\u00efcode \\u0041", "x"), null),
            new EnumModel("public", "nothing", List.of(), null),
            new EnumModel("public", "mood2", List.of("a b", "a_b", "A-B"), null)),
        List.of(new DomainModel("public", "email", "public.citext", true, "''::citext",
                List.of(new CheckModel("email_at", "VALUE ~ '@'", true, "has an \"@\"")), "an address", "C"),
            new DomainModel("public", "pos2", "public.positive", false, null, List.of(), null),
            new DomainModel("public", "positive", "integer", false, null,
                List.of(new CheckModel("positive_check", "(VALUE > 0)", false)), null),
            new DomainModel("sales", "moods", "public.mood[]", false, null, List.of(), null)),
        List.of(new SequenceModel("public", "invoice_no", "integer",
                new SequenceOptions(1000L, 1L, 1L, 2147483647L, 10L, true), "invoices"),
            new SequenceModel("sales", "big", "bigint", new SequenceOptions(null, -1L, Long.MIN_VALUE, -1L, null, false),
                "line1\nline2")),
        tables,
        List.of(new ViewModel("public", "active_customers", "SELECT customers.id,\n    customers.name\n   FROM customers\n  WHERE (customers.balance > (0)::numeric);",
                false, true, true, ViewModel.CheckOption.LOCAL, false, List.of(), "active \"ones\""),
            new ViewModel("sales", "mv", " SELECT 1 AS one", true, false, false, null, false,
                List.of(new IndexModel("mv_one", true, "btree", List.of(IndexElement.column("one")), null, null, null,
                        false, false, null),
                    new IndexModel("mv_expr", false, "hash", List.of(new IndexElement("(one + 1)", true, null, null, false,
                        null)), null, "(one > 0)", Map.of("fillfactor", "80"), false, false, "c")),
                null)),
        List.of(new GrantModel("TABLE", "public", "customers", "app_user", List.of("SELECT", "INSERT")),
            new GrantModel("SCHEMA", "sales", "sales", "app_user", List.of("USAGE")),
            new GrantModel("TABLE", "sales", "Order Details", "admin \"boss\"", List.of("DELETE"))))
        .withSchemaComments(Map.of("empty one", "nothing's \"here\""));
  }
}
