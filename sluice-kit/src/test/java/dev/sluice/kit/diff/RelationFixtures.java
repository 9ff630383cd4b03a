package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;

import dev.sluice.schema.Function;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.RenameHint;
import dev.sluice.schema.Trigger;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.ViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ChangeFixtures} pairs for objects that change place: a table, a view and an enum moving to another schema. */
final class RelationFixtures {
  private RelationFixtures() {}

  /** A trigger function that stays in the old schema while its trigger moves with the table. */
  private static final Function TOUCH = Function.plpgsql(Namespace.of("fx_move"), "touch").returnsTrigger()
      .body("begin return new; end");

  private static ColumnModel col(String name, String type, boolean notNull) {
    return new ColumnModel(name, type, notNull, null, null, null, null, null);
  }

  private static SchemaModel moveModel(String s, String home, String view) {
    return Tables.schema().schemas(s, s + "_billing")
        .add(new EnumModel(home, "status", List.of("open", "paid"), null))
        .add(table(home, "invoice").column(col("id", "serial", true)).column("state", home + ".status").column("amount", "numeric(10,2)")
            .primaryKey("invoice_pkey", "id").index(Tables.index("invoice_state_idx", "state")))
        .add(table(s, "line").column(col("id", "integer", true)).column("invoice_id", "integer").primaryKey("line_pkey", "id")
            .foreignKey(Tables.fk("line_invoice_id_fkey", "invoice_id", home, "invoice", "id")))
        .add(new ViewModel(home, view, "SELECT id, amount FROM " + home + ".invoice", false, false, false, null, false, null, null))
        .add(new GrantModel("TABLE", home, "invoice", "PUBLIC", List.of("SELECT")))
        .add(Trigger.before(Trigger.UPDATE).on(home, "invoice").forEachRow().named("invoice_touch").execute(TOUCH))
        .build();
  }

  /**
   * {@code public.invoice=billing.invoice}: a table with a serial key, an index, a grant and an
   * incoming foreign key moves with {@code SET SCHEMA} (rows and sequence kept), its enum moves too,
   * and a view over it moves and is renamed; its trigger follows; the target schema is created first.
   */
  static ChangeFixtures.Fixture schemaMoves() {
    String s = "fx_move";
    String billing = s + "_billing";
    SchemaModel from = moveModel(s, s, "open_invoices");
    SchemaModel to = moveModel(s, billing, "invoices_open");
    from = new SchemaModel(List.of(s), from.extensions(), from.roles(), from.enums(), from.domains(), from.sequences(),
        from.tables(), from.views(), from.grants(), from.functions(), from.triggers(), from.compositeTypes());
    DiffOptions hints = DiffOptions.renames(List.of(RenameHint.moveTable(s, "invoice", billing, "invoice"),
        RenameHint.moveEnum(s, "status", billing, "status"), RenameHint.moveView(s, "open_invoices", billing, "invoices_open")));
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select string_agg(id || ':' || state || ':' || amount, ',' order by id) from fx_move_billing.invoice",
        "1:open:1.50,2:paid:2.00");
    expect.put("insert into fx_move_billing.invoice (state, amount) values ('open', 3) returning id::text", "3");
    expect.put("select count(*) from fx_move.line l join fx_move_billing.invoices_open v on v.id = l.invoice_id", "1");
    return new ChangeFixtures.Fixture(s, from, to, hints,
        List.of("insert into fx_move.invoice (state, amount) values ('open', 1.5), ('paid', 2)",
            "insert into fx_move.line values (1, 2)"),
        expect, List.of());
  }

  /**
   * A payments table partitioned by range of its date (pagila's shape): a DEFAULT partition and a
   * partition sub-partitioned by hash are added, the old partitions keep their rows, and a row
   * outside every range lands in the default partition.
   */
  static ChangeFixtures.Fixture defaultAndSubPartitions() {
    String s = "fx_payment_parts";
    PartitioningModel.PartitionModel jan = new PartitioningModel.PartitionModel("payment_p2022_01",
        "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')", null);
    PartitioningModel.PartitionModel feb = new PartitioningModel.PartitionModel("payment_p2022_02",
        "FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00')", null);
    PartitioningModel.PartitionModel mar = new PartitioningModel.PartitionModel("payment_p2022_03",
        "FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00')",
        new PartitioningModel(PartitioningModel.Strategy.HASH, List.of("payment_id"), List.of(
            new PartitioningModel.PartitionModel("payment_p2022_03_h0", "FOR VALUES WITH (modulus 2, remainder 0)", null),
            new PartitioningModel.PartitionModel("payment_p2022_03_h1", "FOR VALUES WITH (modulus 2, remainder 1)", null))));
    PartitioningModel.PartitionModel other = new PartitioningModel.PartitionModel("payment_other", "DEFAULT", null);
    java.util.function.Function<List<PartitioningModel.PartitionModel>, Tables> payment = parts -> table(s, "payment")
        .column(col("payment_id", "integer", true)).column(col("customer_id", "integer", true))
        .column("amount", "numeric(5,2)").column(col("payment_date", "timestamp with time zone", true))
        .primaryKey("payment_pkey", "payment_date", "payment_id").index(Tables.index("payment_customer_id_idx", "customer_id"))
        .partitioning(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("payment_date"), parts));
    SchemaModel from = Tables.schema().schemas(s).add(payment.apply(List.of(jan, feb))).build();
    SchemaModel to = Tables.schema().schemas(s).add(payment.apply(List.of(jan, feb, mar, other))).build();
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select count(*) from fx_payment_parts.payment_p2022_01", "2");
    expect.put("select count(*) from fx_payment_parts.payment", "3");
    expect.put("with i as (insert into fx_payment_parts.payment values (9, 1, 1, '2030-01-01Z') returning tableoid::regclass::text)"
        + " select * from i", "fx_payment_parts.payment_other");
    return new ChangeFixtures.Fixture(s, from, to, DiffOptions.NONE,
        List.of("insert into fx_payment_parts.payment values (1, 1, 1.5, '2022-01-05Z'), (2, 2, 2, '2022-01-06Z'),"
            + " (3, 1, 3, '2022-02-07Z')"),
        expect, List.of());
  }
}
