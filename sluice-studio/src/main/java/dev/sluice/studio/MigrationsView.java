package dev.sluice.studio;

import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.Migrator;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migrations panel: applied migrations from {@code sluice.migrations}, and with a migrations folder the
 * kit's full status (pending, changed, missing...).
 */
final class MigrationsView {
  private MigrationsView() {}

  static Map<String, Object> of(StudioDb db, Path dir) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("folder", dir == null ? null : dir.toString());
    if (dir != null) {
      List<MigrationStatus> status = new Migrator(db.dataSource(), MigrationFolder.of(dir)).status();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (MigrationStatus s : status) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("version", s.version());
        r.put("name", s.name());
        r.put("state", s.state().name());
        r.put("appliedAt", s.appliedAt() == null ? null : s.appliedAt().toString());
        rows.add(r);
      }
      out.put("migrations", rows);
      return out;
    }
    out.put("migrations", db.tx(true, c -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      try (Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('sluice.migrations') IS NOT NULL")) {
          rs.next();
          if (!rs.getBoolean(1)) return rows;
        }
        try (ResultSet rs = st.executeQuery(
            "SELECT version, name, applied_at::text, success FROM sluice.migrations ORDER BY version")) {
          while (rs.next()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("version", rs.getInt(1));
            r.put("name", rs.getString(2));
            r.put("state", rs.getBoolean(4) ? "APPLIED" : "FAILED");
            r.put("appliedAt", rs.getString(3));
            rows.add(r);
          }
        }
      }
      return rows;
    }));
    return out;
  }
}
