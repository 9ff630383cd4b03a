package dev.sluice.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** SQL text with {@code ?} placeholders and the values to bind to them, in order. */
public record Rendered(String sql, List<Bind> binds) {
  public Rendered {
    binds = List.copyOf(binds);
  }

  /** Binds all values to {@code ps}, starting at parameter 1. */
  public void bindTo(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < binds.size(); i++) {
      binds.get(i).bindTo(ps, i + 1);
    }
  }

  /** The bind values alone (for assertions and logging). */
  public List<Object> values() {
    return binds.stream().map(Bind::value).toList();
  }

  @Override
  public String toString() {
    return binds.isEmpty() ? sql : sql + " -- " + values();
  }
}
