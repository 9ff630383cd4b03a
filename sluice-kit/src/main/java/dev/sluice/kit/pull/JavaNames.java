package dev.sluice.kit.pull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java identifiers derived from SQL names: {@code camelCase} fields, {@code PascalCase} classes and
 * {@code UPPER_SNAKE} constants, never a keyword, always ASCII, made unique with an {@link Allocator}.
 */
final class JavaNames {
  private JavaNames() {}

  static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
      "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null", "_", "var", "yield", "record", "sealed", "permits", "non-sealed");

  /** True for an ASCII Java identifier that is not a keyword (usable verbatim as an enum constant). */
  static boolean isIdentifier(String s) {
    return s != null && s.matches("[A-Za-z_$][A-Za-z0-9_$]*") && !KEYWORDS.contains(s);
  }

  /** The ASCII letter/digit runs of {@code name}; case changes (orderId) also split words. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = c < 128 && Character.isLetterOrDigit(c);
      if (!alnum) {
        if (w.length() > 0) words.add(w.toString());
        w.setLength(0);
      } else {
        boolean boundary = w.length() > 0 && Character.isUpperCase(c)
            && (Character.isLowerCase(prev) || Character.isDigit(prev)
                || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(prev)));
        if (boundary) {
          words.add(w.toString());
          w.setLength(0);
        }
        w.append(c);
      }
      prev = c;
    }
    if (w.length() > 0) words.add(w.toString());
    return words;
  }

  private static String capitalized(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT);
  }

  /** {@code order_details} -> {@code orderDetails}; {@code "Order Details"} -> {@code orderDetails}. */
  static String camel(String name, String fallback) {
    List<String> ws = words(name);
    if (ws.isEmpty()) return fallback;
    StringBuilder sb = new StringBuilder(ws.get(0).toLowerCase(Locale.ROOT));
    for (int i = 1; i < ws.size(); i++) sb.append(capitalized(ws.get(i)));
    return safe(sb.toString());
  }

  /** {@code order_details} -> {@code OrderDetails}. */
  static String pascal(String name, String fallback) {
    List<String> ws = words(name);
    if (ws.isEmpty()) return fallback;
    StringBuilder sb = new StringBuilder();
    for (String w : ws) sb.append(capitalized(w));
    return safe(sb.toString());
  }

  /** {@code orderDetails} -> {@code ORDER_DETAILS}. */
  static String upperSnake(String name, String fallback) {
    List<String> ws = words(name);
    if (ws.isEmpty()) return fallback;
    return safe(String.join("_", ws).toUpperCase(Locale.ROOT));
  }

  private static String safe(String id) {
    if (Character.isDigit(id.charAt(0))) id = "_" + id;
    if (KEYWORDS.contains(id)) id = id + "_";
    return id;
  }

  /** Hands out unique names within one scope (a class's fields, a package's classes). */
  static final class Allocator {
    private final Set<String> taken = new HashSet<>();
    private final Set<String> reserved;
    private final boolean ignoreCase;

    /**
     * {@code reserved} is consulted, not copied (a case-sensitive allocator shares it), so giving every
     * table of a large schema an allocator reserving all the package's class names costs nothing per
     * table; the caller must not change it afterwards.
     */
    Allocator(boolean ignoreCase, Set<String> reserved) {
      this.ignoreCase = ignoreCase;
      this.reserved = ignoreCase ? reserved.stream().map(this::key).collect(java.util.stream.Collectors.toSet()) : reserved;
    }

    private boolean claim(String candidate) {
      String k = key(candidate);
      return !reserved.contains(k) && taken.add(k);
    }

    private String key(String s) {
      return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** The first free of {@code candidates}, else the first one with a number appended. */
    String allocate(String... candidates) {
      for (String c : candidates) {
        if (claim(c)) return c;
      }
      String base = candidates[0];
      for (int n = 2; ; n++) {
        String c = base.endsWith("_") || Character.isDigit(base.charAt(base.length() - 1)) ? base + "_" + n : base + n;
        if (claim(c)) return c;
      }
    }
  }
}
