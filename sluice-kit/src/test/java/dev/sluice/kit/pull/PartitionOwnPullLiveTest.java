package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * pagila's payment shape, written here: a range-partitioned table whose partitions have indexes and
 * foreign keys of their own (besides the parent's primary key and index, which every partition gets
 * attached copies of), one partition sub-partitioned by hash with own objects on a sub-partition, a
 * DEFAULT partition; and partitions with primary key, unique, check and exclusion constraints of their
 * own at both levels. Pulled to Java, compiled and created in an empty database, each introspects
 * equal and (on a PostgreSQL 15 server, with the local pg_dump) dumps identical.
 */
@PgTest
class PartitionOwnPullLiveTest {
  private static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

  static final String SQL = """
      CREATE TABLE customer (customer_id int PRIMARY KEY, email text UNIQUE);
      CREATE TABLE staff (staff_id int PRIMARY KEY);
      CREATE TABLE payment (payment_id int NOT NULL, customer_id int NOT NULL, staff_id int NOT NULL,
        amount numeric(5,2) NOT NULL, payment_date timestamptz NOT NULL, note text,
        PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date);
      CREATE INDEX payment_amount_idx ON payment (amount);
      CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');
      CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00')
        PARTITION BY HASH (payment_id);
      CREATE TABLE payment_p2022_02_h0 PARTITION OF payment_p2022_02 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE payment_p2022_02_h1 PARTITION OF payment_p2022_02 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
      CREATE TABLE payment_other PARTITION OF payment DEFAULT;
      CREATE INDEX idx_fk_payment_p2022_01_customer_id ON payment_p2022_01 (customer_id);
      CREATE INDEX idx_fk_payment_p2022_01_staff_id ON payment_p2022_01 (staff_id) WHERE amount > 0;
      CREATE UNIQUE INDEX payment_p2022_01_lower_note_key ON payment_p2022_01 (lower(note)) INCLUDE (amount);
      COMMENT ON INDEX idx_fk_payment_p2022_01_customer_id IS 'January by customer';
      ALTER TABLE payment_p2022_01 ADD CONSTRAINT payment_p2022_01_customer_id_fkey FOREIGN KEY (customer_id)
        REFERENCES customer (customer_id) ON DELETE CASCADE;
      ALTER TABLE payment_p2022_01 ADD CONSTRAINT payment_p2022_01_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff (staff_id);
      COMMENT ON CONSTRAINT payment_p2022_01_staff_id_fkey ON payment_p2022_01 IS 'January by staff';
      CREATE INDEX payment_p2022_02_customer_id_idx ON payment_p2022_02 (customer_id);
      CREATE INDEX payment_p2022_02_h0_staff_id_idx ON payment_p2022_02_h0 USING hash (staff_id);
      ALTER TABLE payment_p2022_02_h0 ADD CONSTRAINT payment_p2022_02_h0_staff_id_fkey FOREIGN KEY (staff_id)
        REFERENCES staff (staff_id) NOT VALID;
      ALTER TABLE payment_p2022_02 ADD CONSTRAINT payment_p2022_02_customer_id_fkey FOREIGN KEY (customer_id)
        REFERENCES customer (customer_id);
      CREATE INDEX payment_other_payment_id_idx ON payment_other (payment_id DESC);
      """;

  @Test
  void partitionsOwnIndexesAndForeignKeysPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg) throws Exception {
    String src = pg.server().createDatabase("parts13_src");
    String copy = pg.server().createDatabase("parts13_pulled");
    try {
      run(src, SQL);
      SchemaModel live = ObjectsPullLiveTest.introspect(src);
      TableModel payment = live.table("public", "payment").orElseThrow();
      Map<String, PartitionModel> parts = new java.util.HashMap<>();
      payment.partitioning().partitions().forEach(p -> parts.put(p.name(), p));
      assertThat(parts.get("payment_p2022_01").indexes()).as("own indexes only: the parent's attached copies are not listed")
          .extracting(i -> i.name())
          .containsExactly("idx_fk_payment_p2022_01_customer_id", "idx_fk_payment_p2022_01_staff_id",
              "payment_p2022_01_lower_note_key");
      assertThat(parts.get("payment_p2022_01").foreignKeys()).extracting(f -> f.name())
          .containsExactly("payment_p2022_01_customer_id_fkey", "payment_p2022_01_staff_id_fkey");
      PartitionModel h0 = parts.get("payment_p2022_02").subPartitioning().partitions().get(0);
      assertThat(h0.indexes()).extracting(i -> i.name()).containsExactly("payment_p2022_02_h0_staff_id_idx");
      assertThat(h0.foreignKeys()).as("the key cloned from payment_p2022_02 is not h0's own")
          .extracting(f -> f.name()).containsExactly("payment_p2022_02_h0_staff_id_fkey");
      assertThat(parts.get("payment_other").indexes()).hasSize(1);

      pullCompileCreateCompare(live, src, copy);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(src);
    }
  }

  static final String CONSTRAINTS_SQL = """
      CREATE TABLE payment (payment_id int NOT NULL, rental_id int, staff_id int NOT NULL, amount numeric(5,2) NOT NULL,
        payment_date timestamptz NOT NULL) PARTITION BY RANGE (payment_date);
      CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');
      CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00')
        PARTITION BY HASH (payment_id);
      CREATE TABLE payment_p2022_02_h0 PARTITION OF payment_p2022_02 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE payment_p2022_02_h1 PARTITION OF payment_p2022_02 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
      CREATE TABLE payment_other PARTITION OF payment DEFAULT;
      ALTER TABLE payment_p2022_01 ADD CONSTRAINT payment_p2022_01_pkey PRIMARY KEY (payment_id);
      ALTER TABLE payment_p2022_01 ADD CONSTRAINT payment_p2022_01_rental_id_key UNIQUE NULLS NOT DISTINCT (rental_id)
        DEFERRABLE INITIALLY DEFERRED;
      ALTER TABLE payment_p2022_01 ADD CONSTRAINT payment_p2022_01_amount_check CHECK (amount < 100);
      COMMENT ON CONSTRAINT payment_p2022_01_pkey ON payment_p2022_01 IS 'January''s own key';
      ALTER TABLE payment_p2022_02 ADD CONSTRAINT payment_p2022_02_staff_check CHECK (staff_id > 0) NOT VALID;
      ALTER TABLE payment_p2022_02 ADD CONSTRAINT payment_p2022_02_rental_id_key UNIQUE (rental_id, payment_id);
      ALTER TABLE payment_p2022_02_h0 ADD CONSTRAINT payment_p2022_02_h0_rental_excl EXCLUDE USING hash (rental_id WITH =)
        WHERE (amount > 0);
      CREATE TABLE refund (refund_id int PRIMARY KEY, payment_id int REFERENCES payment_p2022_01 (payment_id));
      """;

  @Test
  void partitionsOwnConstraintsPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg) throws Exception {
    String src = pg.server().createDatabase("partcons_src");
    String copy = pg.server().createDatabase("partcons_pulled");
    try {
      run(src, CONSTRAINTS_SQL);
      SchemaModel live = ObjectsPullLiveTest.introspect(src);
      TableModel payment = live.table("public", "payment").orElseThrow();
      assertThat(payment.primaryKey()).isNull();
      assertThat(payment.checks()).as("a partition's own check is not the parent's").isEmpty();
      Map<String, PartitionModel> parts = new java.util.HashMap<>();
      payment.partitioning().partitions().forEach(p -> parts.put(p.name(), p));
      PartitionModel jan = parts.get("payment_p2022_01");
      assertThat(jan.primaryKey().name()).isEqualTo("payment_p2022_01_pkey");
      assertThat(jan.primaryKey().comment()).isEqualTo("January's own key");
      assertThat(jan.uniques()).extracting(u -> u.name()).containsExactly("payment_p2022_01_rental_id_key");
      assertThat(jan.checks()).extracting(k -> k.name()).containsExactly("payment_p2022_01_amount_check");
      assertThat(jan.indexes()).as("a constraint's index is not an own index").isEmpty();
      PartitionModel feb = parts.get("payment_p2022_02");
      assertThat(feb.checks()).extracting(k -> k.notValid()).containsExactly(true);
      PartitionModel h0 = feb.subPartitioning().partitions().get(0);
      assertThat(h0.checks()).as("the check h0 inherits from payment_p2022_02 is not its own").isEmpty();
      assertThat(h0.uniques()).as("the unique cloned from payment_p2022_02 is not h0's own").isEmpty();
      assertThat(h0.exclusions()).extracting(x -> x.name()).containsExactly("payment_p2022_02_h0_rental_excl");
      pullCompileCreateCompare(live, src, copy);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(src);
    }
  }
  /** {@code live} pulled to Java, compiled, created in {@code copy}: introspects equal, diffs empty, dumps identical. */
  private static void pullCompileCreateCompare(SchemaModel live, String src, String copy) throws Exception {
    Map<String, String> sources = JavaSchemaGenerator.generate(live, "pt.db", "PtSchema", "pt");
    SchemaModel code;
    try {
      code = GeneratedSchema.load(sources, "pt.db.PtSchema").toModel();
    } catch (RuntimeException | Error e) {
      throw new AssertionError(e + "\n" + sources.get("pt/db/Payment.java"), e);
    }
    assertThat(code).as(sources.get("pt/db/Payment.java")).isEqualTo(live);

    ObjectsPullLiveTest.createFromNothing(copy, code);
    ObjectsPullLiveTest.assertRecreates(copy, src, live);
  }

  private static void run(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

}
