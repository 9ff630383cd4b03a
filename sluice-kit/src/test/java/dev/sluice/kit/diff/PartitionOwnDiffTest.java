package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans for partitions' own indexes: never before the parent's, never adopted by a new parent index. */
class PartitionOwnDiffTest {
  private static SchemaModel schema(boolean parentIndex, PartitionModel p) {
    Tables t = Tables.table("public", "pay").column("id", "integer").column("at", "date")
        .partitioning(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("at"), List.of(p)));
    if (parentIndex) t.index(Tables.index("pay_id_idx", "id"));
    return Tables.schema().add(t).build();
  }

  private static PartitionModel part(boolean ownIndex) {
    return new PartitionModel("pay_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", null,
        ownIndex ? List.of(Tables.index("pay_2024_id_idx", "id")) : List.of(), List.of());
  }

  @Test
  void aNewTablesPartitionIndexesComeAfterTheParentsSoNoneIsAdopted() {
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, schema(true, part(true))));
    int parent = indexOf(ddl, "CREATE INDEX pay_id_idx");
    int own = indexOf(ddl, "CREATE INDEX pay_2024_id_idx");
    assertThat(parent).isNotNegative().isLessThan(own);
  }

  @Test
  void aNewParentIndexMatchingAKeptOwnIndexIsRefused() {
    assertThatThrownBy(() -> Differ.diff(schema(false, part(true)), schema(true, part(true))))
        .isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("new index pay_id_idx has the definition of index pay_2024_id_idx of partition pay_2024");
  }

  @Test
  void movingAnOwnIndexToTheParentDropsItFirst() {
    List<String> ddl = DdlRenderer.render(Differ.diff(schema(false, part(true)), schema(true, part(false))));
    assertThat(indexOf(ddl, "DROP INDEX")).isNotNegative().isLessThan(indexOf(ddl, "CREATE INDEX pay_id_idx"));
  }

  private static int indexOf(List<String> ddl, String prefix) {
    for (int i = 0; i < ddl.size(); i++) if (ddl.get(i).startsWith(prefix)) return i;
    return -1;
  }
}
