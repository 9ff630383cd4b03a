package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PartitioningModel.Strategy;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code partition(...)} returns a partition that carries indexes and foreign keys of its own. */
class PartitionDslTest {
  static final class Customers extends Table<Customers> {
    static final Customers T = new Customers();
    final Column<Integer> id = integer("customer_id").primaryKey();

    private Customers() {
      super("customer");
    }
  }

  static final ForeignKeyModel JAN_CUSTOMER = new ForeignKeyModel("payment_p2022_01_customer_id_fkey", List.of("customer_id"),
      "public", "customer", List.of("customer_id"), ForeignKeyModel.Action.CASCADE, null, null, false, false, false, null, null);

  static final class Payments extends Table<Payments> {
    static final Payments T = new Payments();
    final Column<Integer> id = integer("payment_id").notNull();
    final Column<Integer> customerId = integer("customer_id").notNull();
    final Column<LocalDate> at = date("payment_date").notNull();

    private Payments() {
      super("payment");
      primaryKey(at, id);
      index().on(customerId);
      partitionBy(Strategy.RANGE, at);
      partition("payment_p2022_01", "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')")
          .index("payment_p2022_01_payment_id_idx", "payment_id")
          .foreignKey(JAN_CUSTOMER);
      partition("payment_p2022_02", "FOR VALUES FROM ('2022-02-01') TO ('2022-03-01')");
    }
  }

  @Test
  void aPartitionsOwnIndexesAndForeignKeysAreInItsModel() {
    var parts = Schema.of(Customers.T, Payments.T).toModel().table("public", "payment").orElseThrow().partitioning().partitions();
    assertThat(parts.get(0).indexes()).extracting(IndexModel::name).containsExactly("payment_p2022_01_payment_id_idx");
    assertThat(parts.get(0).foreignKeys()).containsExactly(JAN_CUSTOMER);
    assertThat(parts.get(1)).isEqualTo(new PartitionModel("payment_p2022_02", "FOR VALUES FROM ('2022-02-01') TO ('2022-03-01')", null));
  }

  static final class Repeats extends Table<Repeats> {
    static final Repeats T = new Repeats();
    final Column<Integer> id = integer("id").notNull();
    final Column<LocalDate> at = date("at").notNull();

    private Repeats() {
      super("repeats");
      index("repeats_id_idx").on(id);
      partitionBy(Strategy.RANGE, at);
      partition("repeats_2022", "FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')")
          .index("repeats_2022_id_idx", "id")
          .index("repeats_2022_nope_idx", "nope");
    }
  }

  @Test
  void anOwnIndexRepeatingTheParentsOrNamingAMissingColumnIsRefused() {
    assertThatThrownBy(() -> Schema.of(Repeats.T).toModel()).isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("index repeats_2022_id_idx repeats the table's index repeats_id_idx")
        .hasMessageContaining("index repeats_2022_nope_idx names column nope");
  }

  static final class Keyed extends Table<Keyed> {
    static final Keyed T = new Keyed();
    final Column<Integer> id = integer("id").notNull();
    final Column<Integer> rental = integer("rental_id");
    final Column<LocalDate> at = date("at").notNull();

    private Keyed() {
      super("keyed");
      partitionBy(Strategy.RANGE, at);
      partition("keyed_2022", "FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')")
          .primaryKey("keyed_2022_pkey", "id")
          .unique("keyed_2022_rental_id_key", "rental_id")
          .check("keyed_2022_id_check", "id > 0")
          .exclusion(new dev.sluice.schema.model.ExclusionModel("keyed_2022_rental_excl", "hash",
              List.of(new dev.sluice.schema.model.ExclusionModel.Element("rental_id", null, "=")), null, false, false));
    }
  }

  @Test
  void aPartitionsOwnConstraintsAreInItsModel() {
    PartitionModel p = Schema.of(Keyed.T).toModel().table("public", "keyed").orElseThrow().partitioning().partitions().get(0);
    assertThat(p.primaryKey()).isEqualTo(new dev.sluice.schema.model.PrimaryKeyModel("keyed_2022_pkey", List.of("id")));
    assertThat(p.uniques()).extracting(u -> u.name()).containsExactly("keyed_2022_rental_id_key");
    assertThat(p.checks()).containsExactly(new dev.sluice.schema.model.CheckModel("keyed_2022_id_check", "id > 0", false));
    assertThat(p.exclusions()).extracting(x -> x.name()).containsExactly("keyed_2022_rental_excl");
    assertThat(p.hasOwnConstraints()).isTrue();
  }

  static final class TwoKeys extends Table<TwoKeys> {
    static final TwoKeys T = new TwoKeys();
    final Column<Integer> id = integer("id").notNull();
    final Column<LocalDate> at = date("at").notNull();

    private TwoKeys() {
      super("two_keys");
      primaryKey(id, at);
      partitionBy(Strategy.RANGE, at);
      partition("two_keys_2022", "FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')")
          .primaryKey("two_keys_2022_pkey", "id")
          .unique("two_keys_2022_nope_key", "nope");
    }
  }

  @Test
  void anOwnPrimaryKeyBesideTheTablesOrAKeyNamingAMissingColumnIsRefused() {
    assertThatThrownBy(() -> Schema.of(TwoKeys.T).toModel()).isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("primary key two_keys_2022_pkey of its own, but the table has primary key two_keys_pkey")
        .hasMessageContaining("unique constraint two_keys_2022_nope_key names column nope");
  }
}
