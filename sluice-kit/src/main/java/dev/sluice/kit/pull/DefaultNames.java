package dev.sluice.kit.pull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The constraint names the DSL gives when none is written (same rule as core's package-private
 * {@code dev.sluice.schema.Names}): {@code <table>_<columns>_<suffix>}, shortened with a hash past 63
 * bytes. The generator omits a name only when it equals this default, so output stays short and the
 * model stays equal.
 */
final class DefaultNames {
  private DefaultNames() {}

  static String of(String table, List<String> columns, String suffix) {
    String base = columns.isEmpty() ? table : table + "_" + String.join("_", columns);
    return fit(base, suffix);
  }

  static String fit(String base, String suffix) {
    String full = base + "_" + suffix;
    if (full.getBytes(StandardCharsets.UTF_8).length <= 63) return full;
    String hash = hash(full).substring(0, 8);
    String keep = base;
    while ((keep + "_" + hash + "_" + suffix).getBytes(StandardCharsets.UTF_8).length > 63) {
      keep = keep.substring(0, keep.length() - 1);
    }
    return keep + "_" + hash + "_" + suffix;
  }

  private static String hash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
