package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitions' own indexes and foreign keys survive snapshot JSON; snapshots written before they were modelled still read. */
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
  void aPartitionWithoutOwnObjectsWritesAsBeforeAndAnOldSnapshotReads() {
    SchemaModel m = model(new PartitionModel("p1", "DEFAULT", null));
    String json = SnapshotJson.write(m);
    String partition = json.substring(json.indexOf("\"partitions\""), json.indexOf("\"strategy\""));
    assertThat(partition).as("no empty own lists in a partition").doesNotContain("indexes").doesNotContain("foreignKeys");
    assertThat(SnapshotJson.read(json)).isEqualTo(m);
    assertThat(SnapshotJson.read(json).tables().get(0).partitioning().partitions().get(0).indexes()).isEmpty();
  }
}
