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
      // in the studio's own transaction, as its role (through a pooler no connection keeps a role of its own)
      Migrator migrator = new Migrator(db.dataSource(), MigrationFolder.of(dir));
      List<MigrationStatus> status = db.tx(true, migrator::status);
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
        // every history table: sluice.migrations and the per-folder ones (sluice.migrations_<app>)
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'sluice' AND c.relkind = 'r' AND (c.relname = 'migrations' OR c.relname LIKE 'migrations\\_%')"
            + " ORDER BY c.relname")) {
          while (rs.next()) tables.add(rs.getString(1));
        }
        for (String table : tables) {
          // columns as text results, no ::text: a history table is only named like ours, its types are whoever made it
          try (ResultSet rs = st.executeQuery("SELECT version, name, applied_at, success FROM sluice."
              + dev.sluice.sql.Identifiers.quote(table) + " ORDER BY version")) {
            while (rs.next()) {
              Map<String, Object> r = new LinkedHashMap<>();
              r.put("version", rs.getInt(1));
              r.put("name", rs.getString(2));
              r.put("state", rs.getBoolean(4) ? "APPLIED" : "FAILED");
              r.put("appliedAt", rs.getString(3));
              r.put("history", "sluice." + table);
              rows.add(r);
            }
          }
        }
      }
      return rows;
    }));
    return out;
  }
}
