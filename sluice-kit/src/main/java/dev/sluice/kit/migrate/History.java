package dev.sluice.kit.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table ({@code sluice.migrations} by default, see {@link MigratorOptions#historyTable()}):
 * one row per applied (or failed no-transaction) migration; and {@code sluice.<name>_repeatable}: one row
 * per repeatable migration, with the checksum of its last run.
 */
final class History {
  private final String table; // sluice.<name>, quoted as needed
  private final String regclass;
  private final String repeatables; // sluice.<name>_repeatable

  History(String name) {
    this.table = "sluice." + dev.sluice.sql.Identifiers.quote(name);
    this.regclass = table.replace("'", "''");
    this.repeatables = "sluice." + dev.sluice.sql.Identifiers.quote(name + "_repeatable");
  }

  /** The last run of a repeatable migration. */
  record RepeatableRow(String name, String sha256, OffsetDateTime appliedAt) {}

  /** One row. */
  record Row(int version, String name, String sha256, OffsetDateTime appliedAt, long executionMs, String appliedBy, boolean success) {}

  void ensure(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS sluice");
      st.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
          + "version integer PRIMARY KEY, "
          + "name text NOT NULL, "
          + "sha256 text NOT NULL, "
          + "applied_at timestamptz NOT NULL DEFAULT now(), "
          + "execution_ms bigint NOT NULL, "
          + "applied_by text NOT NULL, "
          + "success boolean NOT NULL)");
      st.execute("CREATE TABLE IF NOT EXISTS " + repeatables + " ("
          + "name text PRIMARY KEY, "
          + "sha256 text NOT NULL, "
          + "applied_at timestamptz NOT NULL DEFAULT now(), "
          + "execution_ms bigint NOT NULL, "
          + "applied_by text NOT NULL)");
    }
  }

  /** Repeatable migrations by name; empty when the table does not exist yet. */
  java.util.Map<String, RepeatableRow> readRepeatables(Connection c) throws SQLException {
    java.util.Map<String, RepeatableRow> out = new java.util.TreeMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select to_regclass('" + repeatables.replace("'", "''") + "') is not null")) {
      rs.next();
      if (!rs.getBoolean(1)) return out;
    }
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select name, sha256, applied_at from " + repeatables + " order by name")) {
      while (rs.next()) out.put(rs.getString(1), new RepeatableRow(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)));
    }
    return out;
  }

  void recordRepeatable(Connection c, Migration m, long executionMs, String appliedBy) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into " + repeatables
        + " (name, sha256, applied_at, execution_ms, applied_by) values (?, ?, now(), ?, coalesce(?, current_user))"
        + " on conflict (name) do update set sha256 = excluded.sha256, applied_at = excluded.applied_at,"
        + " execution_ms = excluded.execution_ms, applied_by = excluded.applied_by")) {
      ps.setString(1, m.name());
      ps.setString(2, m.sha256());
      ps.setLong(3, executionMs);
      ps.setString(4, appliedBy);
      ps.executeUpdate();
    }
  }

  void updateChecksum(Connection c, int version, String sha256) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update " + table + " set sha256 = ? where version = ?")) {
      ps.setString(1, sha256);
      ps.setInt(2, version);
      ps.executeUpdate();
    }
  }

  boolean exists(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select to_regclass('" + regclass + "') is not null")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Rows by version. */
  List<Row> read(Connection c) throws SQLException {
    return query(c, "order by version");
  }

  /** Rows newest first (order of application, reversed). */
  List<Row> readNewestFirst(Connection c) throws SQLException {
    return query(c, "order by applied_at desc, version desc");
  }

  private List<Row> query(Connection c, String order) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select version, name, sha256, applied_at, execution_ms, applied_by, success from " + table + " " + order)) {
      while (rs.next()) {
        rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
            rs.getLong(5), rs.getString(6), rs.getBoolean(7)));
      }
    }
    return rows;
  }

  void insert(Connection c, Migration m, long executionMs, String appliedBy, boolean success) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into " + table
        + " (version, name, sha256, applied_at, execution_ms, applied_by, success)"
        + " values (?, ?, ?, now(), ?, coalesce(?, current_user), ?)")) {
      ps.setInt(1, m.version());
      ps.setString(2, m.name());
      ps.setString(3, m.sha256());
      ps.setLong(4, executionMs);
      ps.setString(5, appliedBy);
      ps.setBoolean(6, success);
      ps.executeUpdate();
    }
  }

  void finish(Connection c, int version, long executionMs, boolean success) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "update " + table + " set execution_ms = ?, success = ?, applied_at = now() where version = ?")) {
      ps.setLong(1, executionMs);
      ps.setBoolean(2, success);
      ps.setInt(3, version);
      ps.executeUpdate();
    }
  }

  void delete(Connection c, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where version = ?")) {
      ps.setInt(1, version);
      ps.executeUpdate();
    }
  }

  int deleteFailed(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where not success")) {
      return ps.executeUpdate();
    }
  }
}
