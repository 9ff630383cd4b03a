package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.UniqueModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Convergence fixtures for indexes, foreign keys and constraints that exist on one partition only. */
final class PartitionOwnFixtures {
  private PartitionOwnFixtures() {}

  static final String S = "fx_part_own";

  /**
   * pagila's payment shape: a range-partitioned table whose partitions carry their own indexes and
   * foreign keys besides the parent's (which reach every partition by themselves). Up: a partition's
   * foreign key is swapped for another, an own index is redefined and commented, a foreign key gets
   * ON DELETE CASCADE and a comment, a sub-partitioned partition with own objects at both levels is
   * added. Rows stay; the parent's index is never duplicated on a partition.
   */
  static ChangeFixtures.Fixture ownIndexesAndForeignKeys() {
    PartitionModel jan1 = new PartitionModel("payment_p2022_01", range("2022-01-01", "2022-02-01"), null,
        List.of(Tables.index("payment_p2022_01_staff_id_idx", "staff_id")),
        List.of(Tables.fk("payment_p2022_01_customer_id_fkey", "customer_id", S, "customer", "customer_id")));
    PartitionModel feb1 = new PartitionModel("payment_p2022_02", range("2022-02-01", "2022-03-01"), null,
        List.of(Tables.index("payment_p2022_02_staff_idx", "staff_id")),
        List.of(Tables.fk("payment_p2022_02_staff_id_fkey", "staff_id", S, "staff", "staff_id")));
    IndexModel commented = new IndexModel("payment_p2022_01_staff_id_idx", false, "btree",
        List.of(IndexModel.IndexElement.column("staff_id")), null, null, null, false, false, "January's own index");
    PartitionModel jan2 = new PartitionModel("payment_p2022_01", range("2022-01-01", "2022-02-01"), null,
        List.of(commented),
        List.of(Tables.fk("payment_p2022_01_staff_id_fkey", "staff_id", S, "staff", "staff_id")));
    ForeignKeyModel cascade = new ForeignKeyModel("payment_p2022_02_staff_id_fkey", List.of("staff_id"), S, "staff",
        List.of("staff_id"), ForeignKeyModel.Action.CASCADE, null, null, false, false, false, null, "February's own key");
    PartitionModel feb2 = new PartitionModel("payment_p2022_02", range("2022-02-01", "2022-03-01"), null,
        List.of(Tables.index("payment_p2022_02_staff_idx", "staff_id", "amount")), List.of(cascade));
    PartitionModel mar = new PartitionModel("payment_p2022_03", range("2022-03-01", "2022-04-01"),
        new PartitioningModel(PartitioningModel.Strategy.HASH, List.of("payment_id"), List.of(
            new PartitionModel("payment_p2022_03_h0", "FOR VALUES WITH (modulus 2, remainder 0)", null,
                List.of(Tables.index("payment_p2022_03_h0_amount_idx", "amount")),
                List.of(Tables.fk("payment_p2022_03_h0_staff_id_fkey", "staff_id", S, "staff", "staff_id"))),
            new PartitionModel("payment_p2022_03_h1", "FOR VALUES WITH (modulus 2, remainder 1)", null))),
        List.of(Tables.index("payment_p2022_03_staff_id_idx", "staff_id")),
        List.of(Tables.fk("payment_p2022_03_customer_id_fkey", "customer_id", S, "customer", "customer_id")));
    SchemaModel from = schema(List.of(jan1, feb1));
    SchemaModel to = schema(List.of(jan2, feb2, mar));
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select count(*) from " + S + ".payment", "3");
    expect.put("select count(*) from " + S + ".payment_p2022_01", "2");
    expect.put("select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = '" + S + "'"
        + " and tablename = 'payment_p2022_01'",
        "payment_p2022_01_customer_id_idx,payment_p2022_01_pkey,payment_p2022_01_staff_id_idx");
    expect.put("select string_agg(conname, ',' order by conname) from pg_constraint where conrelid = '" + S
        + ".payment_p2022_03_h0'::regclass and contype = 'f'",
        "payment_p2022_03_customer_id_fkey,payment_p2022_03_h0_staff_id_fkey");
    return new ChangeFixtures.Fixture(S, from, to, DiffOptions.NONE,
        List.of("insert into " + S + ".customer values (1), (2)", "insert into " + S + ".staff values (1), (2)",
            "insert into " + S + ".payment values (1, 1, 1, 1.5, '2022-01-05Z'), (2, 2, 2, 2, '2022-01-06Z'),"
                + " (3, 1, 2, 3, '2022-02-07Z')"),
        expect, List.of());
  }

  static final String C = "fx_part_cons";

  /**
   * A range-partitioned table without a primary key whose partitions carry primary key, unique,
   * check and exclusion constraints of their own, and tables whose foreign keys reference a
   * partition's own primary key. Up: January's key gets a comment, its unique constraint gains a
   * column and its check a new expression; February's check goes, it gains a primary key (which a
   * new table's foreign key references) and an exclusion constraint; a new March partition comes
   * with an own unique and a NOT VALID check. Rows stay; no partition constraint reaches the parent.
   */
  static ChangeFixtures.Fixture ownConstraints() {
    PartitionModel jan1 = new PartitionModel("pay_2022_01", range("2022-01-01", "2022-02-01"), null, List.of(), List.of(),
        new PrimaryKeyModel("pay_2022_01_pkey", List.of("payment_id")),
        List.of(new UniqueModel("pay_2022_01_rental_key", List.of("rental_id"), false, false, false)),
        List.of(new CheckModel("pay_2022_01_amount_check", "amount < 100", false)), List.of());
    PartitionModel feb1 = new PartitionModel("pay_2022_02", range("2022-02-01", "2022-03-01"), null, List.of(), List.of(),
        null, List.of(), List.of(new CheckModel("pay_2022_02_amount_check", "amount >= 0", false)), List.of());
    PartitionModel jan2 = new PartitionModel("pay_2022_01", range("2022-01-01", "2022-02-01"), null, List.of(), List.of(),
        new PrimaryKeyModel("pay_2022_01_pkey", List.of("payment_id"), "January's own key"),
        List.of(new UniqueModel("pay_2022_01_rental_key", List.of("rental_id", "staff_id"), false, false, false)),
        List.of(new CheckModel("pay_2022_01_amount_check", "amount < 200", false)), List.of());
    PartitionModel feb2 = new PartitionModel("pay_2022_02", range("2022-02-01", "2022-03-01"), null, List.of(), List.of(),
        new PrimaryKeyModel("pay_2022_02_pkey", List.of("payment_id")), List.of(), List.of(),
        List.of(new ExclusionModel("pay_2022_02_rental_excl", "hash",
            List.of(new ExclusionModel.Element("rental_id", null, "=")), null, false, false, "one payment per rental")));
    PartitionModel mar = new PartitionModel("pay_2022_03", range("2022-03-01", "2022-04-01"), null, List.of(), List.of(), null,
        List.of(new UniqueModel("pay_2022_03_rental_key", List.of("rental_id"), true, true, false)),
        List.of(new CheckModel("pay_2022_03_staff_check", "staff_id > 0", true)), List.of());
    SchemaModel from = constrained(List.of(jan1, feb1), false);
    SchemaModel to = constrained(List.of(jan2, feb2, mar), true);
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select count(*) from " + C + ".pay", "3");
    expect.put("select count(*) from " + C + ".refund", "1");
    expect.put("select string_agg(conname || ':' || contype::text, ',' order by conname) from pg_constraint where conrelid = '" + C
        + ".pay_2022_02'::regclass", "pay_2022_02_pkey:p,pay_2022_02_rental_excl:x");
    expect.put("select count(*) from pg_constraint where conrelid = '" + C + ".pay'::regclass", "0");
    return new ChangeFixtures.Fixture(C, from, to, DiffOptions.NONE,
        List.of("insert into " + C + ".pay values (1, 1, 10, 1.5, '2022-01-05Z'), (2, 2, 11, 2, '2022-01-06Z'),"
                + " (3, 1, 12, 3, '2022-02-07Z')", "insert into " + C + ".refund values (1, 1)"),
        expect, List.of());
  }

  private static SchemaModel constrained(List<PartitionModel> parts, boolean febRefund) {
    var b = Tables.schema().schemas(C)
        .add(table(C, "pay").column(col("payment_id", "integer")).column(col("staff_id", "integer"))
            .column(col("rental_id", "integer")).column("amount", "numeric(5,2)")
            .column(col("payment_date", "timestamp with time zone"))
            .index(Tables.index("pay_staff_id_idx", "staff_id"))
            .partitioning(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("payment_date"), parts)))
        .add(table(C, "refund").column(col("refund_id", "integer")).column("payment_id", "integer")
            .primaryKey("refund_pkey", "refund_id")
            .foreignKey(Tables.fk("refund_payment_id_fkey", "payment_id", C, "pay_2022_01", "payment_id")));
    if (febRefund) {
      b.add(table(C, "feb_refund").column(col("refund_id", "integer")).column("payment_id", "integer")
          .foreignKey(Tables.fk("feb_refund_payment_id_fkey", "payment_id", C, "pay_2022_02", "payment_id")));
    }
    return b.build();
  }

  private static String range(String from, String to) {
    return "FOR VALUES FROM ('" + from + " 00:00:00+00') TO ('" + to + " 00:00:00+00')";
  }

  private static SchemaModel schema(List<PartitionModel> parts) {
    return Tables.schema().schemas(S)
        .add(table(S, "customer").column(col("customer_id", "integer")).primaryKey("customer_pkey", "customer_id"))
        .add(table(S, "staff").column(col("staff_id", "integer")).primaryKey("staff_pkey", "staff_id"))
        .add(table(S, "payment").column(col("payment_id", "integer")).column(col("customer_id", "integer"))
            .column(col("staff_id", "integer")).column("amount", "numeric(5,2)")
            .column(col("payment_date", "timestamp with time zone"))
            .primaryKey("payment_pkey", "payment_date", "payment_id")
            .index(Tables.index("payment_customer_id_idx", "customer_id"))
            .partitioning(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("payment_date"), parts)))
        .build();
  }

  private static ColumnModel col(String name, String type) {
    return new ColumnModel(name, type, true, null, null, null, null, null);
  }
}
