package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans for partitions' own indexes and constraints: never before the parent's, never adopted by a new parent index or
 * key; own keys before the foreign keys referencing them.
 */
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

  private static SchemaModel keyed(boolean parentKey, boolean ownUnique, boolean referenced) {
    PartitionModel p = new PartitionModel("pay_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", null, List.of(),
        List.of(), null, ownUnique ? List.of(new dev.sluice.schema.model.UniqueModel("pay_2024_id_key", List.of("id", "at"),
            false, false, false)) : List.of(), List.of(), List.of());
    Tables t = Tables.table("public", "pay").notNull("id", "integer").notNull("at", "date")
        .partitioning(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("at"), List.of(p)));
    if (parentKey) t.primaryKey("pay_pkey", "id", "at");
    Tables.SchemaModelBuilder b = Tables.schema().add(t);
    if (referenced) {
      b.add(Tables.table("public", "refund").column("id", "integer").column("at", "date")
          .foreignKey(new dev.sluice.schema.model.ForeignKeyModel("refund_pay_fkey", List.of("id", "at"), "public", "pay_2024",
              List.of("id", "at"), null, null, null, false, false, false, null, null)));
    }
    return b.build();
  }

  @Test
  void aPartitionsOwnKeyIsAddedAfterThePartitionAndBeforeTheForeignKeysReferencingIt() {
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, keyed(false, true, true)));
    int partition = indexOf(ddl, "CREATE TABLE public.pay_2024 PARTITION OF");
    int key = indexOf(ddl, "ALTER TABLE public.pay_2024 ADD CONSTRAINT pay_2024_id_key UNIQUE");
    int fk = indexOf(ddl, "ALTER TABLE public.refund ADD CONSTRAINT refund_pay_fkey");
    assertThat(partition).as(String.join("\n", ddl)).isNotNegative().isLessThan(key);
    assertThat(key).isLessThan(fk);
  }

  @Test
  void droppingAPartitionsOwnKeyDropsTheForeignKeysReferencingItFirst() {
    List<String> ddl = DdlRenderer.render(Differ.diff(keyed(false, true, true), keyed(false, false, false)));
    assertThat(indexOf(ddl, "ALTER TABLE public.refund DROP CONSTRAINT")).as(String.join("\n", ddl)).isNotNegative()
        .isLessThan(indexOf(ddl, "ALTER TABLE public.pay_2024 DROP CONSTRAINT pay_2024_id_key"));
  }

  @Test
  void aNewParentKeyMatchingAKeptOwnUniqueIsRefused() {
    assertThatThrownBy(() -> Differ.diff(keyed(false, true, false), keyed(true, true, false)))
        .isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("new primary key pay_pkey has the definition of constraint pay_2024_id_key of partition pay_2024");
  }

  @Test
  void aNewParentKeyWithAnOwnUniqueDroppedInTheSameChangeIsPlanned() {
    List<String> ddl = DdlRenderer.render(Differ.diff(keyed(false, true, false), keyed(true, false, false)));
    assertThat(indexOf(ddl, "ALTER TABLE public.pay_2024 DROP CONSTRAINT pay_2024_id_key")).isNotNegative()
        .isLessThan(indexOf(ddl, "ALTER TABLE public.pay ADD CONSTRAINT pay_pkey"));
  }

  private static int indexOf(List<String> ddl, String prefix) {
    for (int i = 0; i < ddl.size(); i++) if (ddl.get(i).startsWith(prefix)) return i;
    return -1;
  }
}
