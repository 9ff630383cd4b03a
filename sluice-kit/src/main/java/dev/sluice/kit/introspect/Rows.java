package dev.sluice.kit.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs one catalog query with the schema-name array bound to every {@code ?} and hands back its rows. */
final class Rows {
  private Rows() {}

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  static <T> List<T> query(Connection c, String what, String sql, List<String> arrayParam, RowReader<T> reader) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int params = (int) sql.chars().filter(ch -> ch == '?').count();
      if (params > 0) {
        Array array = c.createArrayOf("text", arrayParam.toArray());
        for (int i = 1; i <= params; i++) ps.setArray(i, array);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(reader.read(rs));
        return out;
      }
    } catch (SQLException e) {
      throw new IntrospectionException("could not read " + what + " from pg_catalog: " + e.getMessage(), e);
    }
  }

  /** A text[] column as a list (empty for SQL NULL). */
  static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    if (a == null) return List.of();
    Object[] values = (Object[]) a.getArray();
    return new ArrayList<>(Arrays.asList(Arrays.copyOf(values, values.length, String[].class)));
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
