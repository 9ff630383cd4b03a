package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitions' own indexes, foreign keys and constraints survive snapshot JSON; snapshots written before they were modelled still read. */
class PartitionOwnSnapshotTest {
  private static SchemaModel model(PartitionModel... parts) {
    TableModel t = new TableModel("public", "payment", List.of(new ColumnModel("at", "date", true, null, null, null, null, null),
        new ColumnModel("customer_id", "integer", false, null, null, null, null, null)), null, List.of(), List.of(), List.of(),
        List.of(), List.of(), new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("at"), List.of(parts)), false, false,
        List.of(), null);
    return new SchemaModel(null, null, null, null, null, null, List.of(t), null, null, null, null, null);
  }

  @Test
  void ownIndexesAndForeignKeysRoundTripAtEveryLevel() {
    IndexModel idx = new IndexModel("p1_customer_id_idx", false, "btree", List.of(IndexModel.IndexElement.column("customer_id")),
        null, "customer_id > 0", null, false, false, "own");
    ForeignKeyModel fk = new ForeignKeyModel("p1_customer_id_fkey", List.of("customer_id"), "public", "customer",
        List.of("customer_id"), ForeignKeyModel.Action.CASCADE, null, null, false, false, true, null, "own key");
    PartitionModel sub = new PartitionModel("p2_h0", "FOR VALUES WITH (modulus 2, remainder 0)", null, List.of(idx), List.of(fk));
    SchemaModel m = model(new PartitionModel("p1", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", null, List.of(idx), List.of(fk)),
        new PartitionModel("p2", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
            new PartitioningModel(PartitioningModel.Strategy.HASH, List.of("customer_id"), List.of(sub,
                new PartitionModel("p2_h1", "FOR VALUES WITH (modulus 2, remainder 1)", null))), null, null));
    assertThat(SnapshotJson.read(SnapshotJson.write(m))).isEqualTo(m);
  }

  @Test
  void ownConstraintsRoundTripAtEveryLevel() {
    PartitionModel sub = new PartitionModel("p2_h0", "FOR VALUES WITH (modulus 2, remainder 0)", null, List.of(), List.of(),
        new PrimaryKeyModel("p2_h0_pkey", List.of("customer_id"), "own key"), List.of(),
        List.of(new CheckModel("p2_h0_check", "customer_id > 0", true, "own check")), List.of());
    PartitionModel p1 = new PartitionModel("p1", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", null, List.of(), List.of(),
        null, List.of(new UniqueModel("p1_customer_id_key", List.of("customer_id"), true, true, true, "own unique")), List.of(),
        List.of(new ExclusionModel("p1_excl", "hash", List.of(new ExclusionModel.Element("customer_id", null, "=")),
            "customer_id > 1", false, false, "own exclusion")));
    SchemaModel m = model(p1, new PartitionModel("p2", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
        new PartitioningModel(PartitioningModel.Strategy.HASH, List.of("customer_id"), List.of(sub)), null, null));
    assertThat(SnapshotJson.read(SnapshotJson.write(m))).isEqualTo(m);
  }

  @Test
  void aPartitionWithoutOwnObjectsWritesAsBeforeAndAnOldSnapshotReads() {
    SchemaModel m = model(new PartitionModel("p1", "DEFAULT", null));
    String json = SnapshotJson.write(m);
    String partition = json.substring(json.indexOf("\"partitions\""), json.indexOf("\"strategy\""));
    assertThat(partition).as("no empty own lists in a partition").doesNotContain("indexes").doesNotContain("foreignKeys")
        .doesNotContain("primaryKey").doesNotContain("uniques").doesNotContain("checks").doesNotContain("exclusions");
    assertThat(SnapshotJson.read(json)).isEqualTo(m);
    assertThat(SnapshotJson.read(json).tables().get(0).partitioning().partitions().get(0).indexes()).isEmpty();
  }
}
