package dev.sluice.kit.shadow;

import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DdlRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the DDL of a list of changes to a scratch database in few round trips: consecutive changes
 * that can share a transaction are sent {@value #CHUNK} statements per round trip, one transaction
 * per chunk; a change that cannot run in a transaction runs alone in autocommit, and one whose
 * result is usable only once committed ends its chunk. When a chunk fails, its transaction is
 * rolled back and its statements are replayed one by one, so the error names the statement that failed.
 */
final class ShadowScript {
  static final int CHUNK = 200;

  private ShadowScript() {}

  static void apply(Connection c, List<Change> changes) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET synchronous_commit = off"); // a scratch database: no commit needs to wait for the disk
    }
    c.setAutoCommit(false);
    List<String> pending = new ArrayList<>();
    for (Change change : changes) {
      String sql = DdlRenderer.render(change);
      if (change.requiresNoTransaction()) {
        flush(c, pending);
        c.setAutoCommit(true);
        runOne(c, sql);
        c.setAutoCommit(false);
      } else {
        pending.add(sql);
        if (change.requiresCommitAfter()) flush(c, pending);
      }
    }
    flush(c, pending);
  }

  /**
   * Runs {@code pending}, {@value #CHUNK} statements per round trip, committing after each chunk (a
   * shadow database needs no atomicity, and one transaction creating thousands of tables would run
   * out of lock slots: max_locks_per_transaction), then empties it.
   */
  private static void flush(Connection c, List<String> pending) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (int from = 0; from < pending.size(); from += CHUNK) {
        List<String> chunk = pending.subList(from, Math.min(pending.size(), from + CHUNK));
        try {
          st.execute(String.join(";\n", chunk));
          c.commit();
        } catch (SQLException chunkError) {
          c.rollback();
          for (String sql : chunk) runOne(c, sql); // throws naming the statement
          c.rollback();
          throw failure(chunkError, "(each statement of this chunk succeeds alone; together they failed)\n"
              + String.join(";\n", chunk));
        }
      }
    }
    pending.clear();
  }

  private static void runOne(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      if (!c.getAutoCommit()) c.rollback();
      throw failure(e, sql);
    }
  }

  private static IllegalStateException failure(SQLException e, String statement) {
    return new IllegalStateException("the code schema does not apply cleanly to an empty database ("
        + e.getSQLState() + "): " + e.getMessage() + "\n  statement: " + statement, e);
  }
}
