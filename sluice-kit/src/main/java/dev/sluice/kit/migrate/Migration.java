package dev.sluice.kit.migrate;

import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One migration of a {@link MigrationFolder}: {@code NNNN_slug.sql} plus its optional
 * {@code NNNN_slug.down.sql}.
 *
 * <p>A migration normally runs in a transaction of its own. It runs outside one, statement by
 * statement in autocommit, when its first comment lines hold the marker {@value #NO_TRANSACTION_MARKER}
 * or when it contains a statement PostgreSQL refuses inside a transaction block (see
 * {@link #needsNoTransaction(List)}), so {@code CREATE INDEX CONCURRENTLY} just works.
 *
 * @param version the number in the file name; migrations run in ascending version order;
 *     {@link #REPEATABLE_VERSION} for a repeatable migration
 * @param name the file name without {@code .sql}, e.g. {@code 0003_add_orders}; recorded in history
 * @param upSql the text of the up file
 * @param downSql the text of the down file, or null when there is none
 * @param noTransaction true when the up file runs outside a transaction
 * @param sha256 lower-case hex SHA-256 of the up file's UTF-8 bytes; recorded in history and compared
 *     on every run so an applied migration that was edited is refused
 */
public record Migration(int version, String name, String upSql, String downSql, boolean noTransaction, String sha256) {
  /** Header comment that makes a migration run outside a transaction. */
  public static final String NO_TRANSACTION_MARKER = "-- sluice:no-transaction";

  public Migration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(upSql, "upSql");
    Objects.requireNonNull(sha256, "sha256");
    if (version < 0 && !(version == REPEATABLE_VERSION && name.startsWith("R__"))) {
      throw new IllegalArgumentException("migration version must not be negative: " + version);
    }
  }

  /** The version of every repeatable migration ({@code R__name.sql}): they have none, and run by name. */
  public static final int REPEATABLE_VERSION = -1;

  /** A repeatable migration {@code R__name.sql} ({@code name} is {@code R__name}). */
  public static Migration repeatable(String name, String sql) {
    return new Migration(REPEATABLE_VERSION, name, sql, null, runsOutsideTransaction(sql), sha256Hex(sql));
  }

  /** True for a repeatable migration ({@code R__name.sql}), re-applied whenever its checksum changes. */
  public boolean repeatable() {
    return version == REPEATABLE_VERSION;
  }

  /** A migration from file texts; the no-transaction flag and checksum are derived from {@code upSql}. */
  public static Migration of(int version, String name, String upSql, String downSql) {
    return new Migration(version, name, upSql, downSql, runsOutsideTransaction(upSql), sha256Hex(upSql));
  }

  /** {@code NNNN_slug.sql}. */
  public String fileName() {
    return name + ".sql";
  }

  /** {@code NNNN_slug.down.sql} (whether or not it exists). */
  public String downFileName() {
    return name + ".down.sql";
  }

  /** True when a down file exists. */
  public boolean hasDown() {
    return downSql != null;
  }

  /** The statements of the up file, with their line numbers. */
  public List<SqlStatement> upStatements() {
    return SqlScript.split(upSql);
  }

  /** True when {@code sql} carries the marker in its header comments or needs it (see {@link #needsNoTransaction}). */
  public static boolean runsOutsideTransaction(String sql) {
    return hasMarker(sql) || needsNoTransaction(SqlScript.split(sql));
  }

  /** True when the leading comment lines of {@code sql} contain {@value #NO_TRANSACTION_MARKER}. */
  public static boolean hasMarker(String sql) {
    for (String line : sql.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty()) continue;
      if (!t.startsWith("--")) return false;
      if (t.replaceAll("\\s+", " ").equalsIgnoreCase(NO_TRANSACTION_MARKER)) return true;
    }
    return false;
  }

  /**
   * True when a statement cannot run inside a transaction block: {@code CREATE/DROP INDEX
   * CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code VACUUM}, {@code CREATE/DROP DATABASE},
   * {@code CREATE/DROP TABLESPACE}, {@code ALTER SYSTEM}, {@code CREATE SUBSCRIPTION}.
   *
   * <p>{@code REFRESH MATERIALIZED VIEW CONCURRENTLY} is allowed in a transaction, so it does not
   * count. {@code ALTER TYPE ... ADD VALUE} is allowed too, but the new value cannot be used before
   * the transaction commits (SQLSTATE 55P04): use it in a later migration (the generator splits
   * files that way) or mark the file; the migrator's error says so.
   */
  public static boolean needsNoTransaction(List<SqlStatement> statements) {
    for (SqlStatement s : statements) {
      String head = s.head(6);
      boolean concurrently = List.of(head.replace("(", " ").replace(")", " ").split(" ")).contains("CONCURRENTLY");
      if ((head.startsWith("CREATE INDEX") || head.startsWith("CREATE UNIQUE INDEX") || head.startsWith("DROP INDEX")
          || head.startsWith("REINDEX")) && concurrently) {
        return true;
      }
      if (head.startsWith("VACUUM") || head.startsWith("CREATE DATABASE") || head.startsWith("DROP DATABASE")
          || head.startsWith("CREATE TABLESPACE") || head.startsWith("DROP TABLESPACE")
          || head.startsWith("ALTER SYSTEM") || head.startsWith("CREATE SUBSCRIPTION")) {
        return true;
      }
    }
    return false;
  }

  static String sha256Hex(String text) {
    return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
