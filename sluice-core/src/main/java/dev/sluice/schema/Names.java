package dev.sluice.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic constraint and index names, following PostgreSQL's own conventions
 * ({@code users_pkey}, {@code users_email_key}, {@code orders_user_id_fkey}, {@code users_email_idx})
 * so that a database created by hand and one created by Sluice look alike. Names longer than 63 bytes
 * are shortened with a stable hash suffix instead of being silently truncated by the server.
 */
public final class Names {
  private Names() {}

  /**
   * The default name of a constraint or index on {@code columns} of {@code table}:
   * {@code <table>_<columns>_<suffix>} ({@code suffix} is pkey, key, fkey, check, excl or idx).
   * Tools that write schema code (pull) compare with it to leave default names out.
   */
  public static String of(String table, List<String> columns, String suffix) {
    String base = columns.isEmpty() ? table : table + "_" + String.join("_", columns);
    return fit(base, suffix);
  }

  /** {@code <base>_<suffix>}, shortened with a stable hash when longer than 63 bytes. */
  public static String fit(String base, String suffix) {
    String full = base + "_" + suffix;
    if (full.getBytes(StandardCharsets.UTF_8).length <= 63) return full;
    String hash = hash(full).substring(0, 8);
    String keep = base;
    while ((keep + "_" + hash + "_" + suffix).getBytes(StandardCharsets.UTF_8).length > 63) {
      keep = keep.substring(0, keep.length() - 1);
    }
    return keep + "_" + hash + "_" + suffix;
  }

  static String hash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
