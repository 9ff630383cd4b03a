package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.InheritedColumnModel;
import dev.sluice.schema.model.ParentTable;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table's parents survive snapshot JSON; a table without any writes no {@code inherits} key, and old snapshots read. */
class InheritanceSnapshotTest {
  private static TableModel table(String name, List<ParentTable> parents) {
    return new TableModel("public", name, List.of(ColumnModel.of(name + "_col", "text")), null, List.of(), List.of(), List.of(),
        List.of(), List.of(), null, false, false, List.of(), null, null, parents);
  }

  @Test
  void parentsRoundTripInOrderAndAreLeftOutWhenThereAreNone() {
    SchemaModel model = new SchemaModel(null, null, null, null, null, null, List.of(table("a", List.of()), table("b", List.of()),
        table("c", List.of(new ParentTable("public", "b"), new ParentTable("public", "a")))), null, null);
    String json = SnapshotJson.write(model);
    assertThat(json).containsOnlyOnce("\"inherits\"");
    SchemaModel read = SnapshotJson.read(json);
    assertThat(read).isEqualTo(model);
    assertThat(read.tables().get(2).inherits()).containsExactly(new ParentTable("public", "b"), new ParentTable("public", "a"));
  }

  @Test
  void aSnapshotWrittenBeforeInheritanceWasModelledStillReads() {
    SchemaModel plain = new SchemaModel(null, null, null, null, null, null, List.of(table("a", null)), null, null);
    String json = SnapshotJson.write(plain);
    assertThat(json).doesNotContain("inherits");
    assertThat(SnapshotJson.read(json).tables().get(0).inherits()).isEmpty();
    assertThat(SnapshotJson.read(json)).isEqualTo(plain);
  }

  @Test
  void overridesOfInheritedColumnsRoundTripAndAreLeftOutWhenThereAreNone() {
    TableModel child = table("c", List.of(new ParentTable("public", "a"))).withInheritedColumns(List.of(
        new InheritedColumnModel("a_col", "'x'::text", false, true), new InheritedColumnModel("b_col", null, true, false)));
    SchemaModel model = new SchemaModel(null, null, null, null, null, null, List.of(table("a", List.of()), child), null, null);
    String json = SnapshotJson.write(model);
    assertThat(json).containsOnlyOnce("\"inheritedColumns\"");
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
  }
}
