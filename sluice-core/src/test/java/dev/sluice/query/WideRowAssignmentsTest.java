package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows wider than the assignment list's scan threshold (it indexes names from 16 columns on). */
class WideRowAssignmentsTest {
  static final class Wide extends Table<Wide> {
    static final Wide WIDE = new Wide();
    final List<Column<Integer>> cols = new ArrayList<>();

    private Wide() {
      super("wide");
      for (int i = 0; i < 24; i++) cols.add(integer("c" + i));
    }
  }

  static final Wide W = Wide.WIDE;

  private static Insert allColumns() {
    Insert insert = Dsl.query().insertInto(W);
    for (int i = 0; i < W.cols.size(); i++) insert.set(W.cols.get(i), i);
    return insert;
  }

  @Test
  void aColumnSetTwiceInAWideRowIsStillRejected() {
    assertThatThrownBy(() -> allColumns().set(W.cols.get(3), 99))
        .hasMessage("insert into wide: column c3 is set twice");
    assertThatThrownBy(() -> allColumns().set(W.cols.get(20), 99))
        .hasMessage("insert into wide: column c20 is set twice");
  }

  @Test
  void aWideRowKeepsItsColumnOrderAndValues() {
    var r = allColumns().render();
    StringBuilder cols = new StringBuilder();
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      cols.append(i == 0 ? "" : ", ").append('c').append(i);
      params.append(i == 0 ? "" : ", ").append('?');
    }
    assertThat(r.sql()).isEqualTo("INSERT INTO wide (" + cols + ") VALUES (" + params + ")");
    assertThat(r.values()).hasSize(24).first().isEqualTo(0);
    assertThat(r.values().get(23)).isEqualTo(23);
  }

  @Test
  void aWideUpdateSetsEveryColumnOnceInOrder() {
    Update u = Dsl.query().update(W);
    for (int i = 0; i < 20; i++) u = u.set(W.cols.get(i), i);
    String sql = u.where(W.cols.get(0).eq(1)).render().sql();
    assertThat(sql).startsWith("UPDATE wide SET c0 = ?, c1 = ?").contains("c19 = ? WHERE");
  }
}
