package dev.sluice.kit.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column type reduced to what the type-change rules compare: canonical base name (as
 * {@code format_type} prints it), type modifiers and array dimensions. Parses both SQL as written in a
 * migration ({@code varchar(20)}, {@code int8}, {@code timestamptz}) and the canonical text of a
 * {@code ColumnModel} ({@code character varying(20)}).
 */
record TypeRef(String base, List<Integer> mods, int arrayDims, boolean serial) {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
      Map.entry("serial4", "integer"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
      Map.entry("serial8", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
      Map.entry("serial2", "smallint"), Map.entry("varchar", "character varying"), Map.entry("char", "character"),
      Map.entry("bpchar", "character"), Map.entry("decimal", "numeric"), Map.entry("float8", "double precision"),
      Map.entry("float4", "real"), Map.entry("bool", "boolean"), Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("timestamp", "timestamp without time zone"), Map.entry("timetz", "time with time zone"),
      Map.entry("time", "time without time zone"), Map.entry("varbit", "bit varying"));

  /** Words that continue a multi-word type name ({@code double precision}, {@code timestamp with time zone}). */
  private static final java.util.Set<String> CONTINUATIONS = java.util.Set.of("varying", "precision", "with",
      "without", "time", "zone");

  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

  /** Parses type tokens (stops at the first token that cannot belong to a type name). */
  static TypeRef parse(List<Token> tokens) {
    List<String> words = new ArrayList<>();
    List<Integer> mods = new ArrayList<>();
    int dims = 0;
    int i = 0;
    // schema-qualified names: keep the last part (pg_catalog.int4, public.citext)
    while (i + 1 < tokens.size() && tokens.get(i).isIdent() && tokens.get(i + 1).isPunct(".")) {
      i += 2;
    }
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.isIdent() && !t.isWord("ARRAY") && (words.isEmpty() || CONTINUATIONS.contains(t.ident()))) {
        words.add(t.ident());
        i++;
      } else if (t.isPunct("(") && mods.isEmpty()) {
        i++;
        while (i < tokens.size() && !tokens.get(i).isPunct(")")) {
          Token m = tokens.get(i++);
          if (m.kind() == Token.Kind.NUMBER) {
            try {
              mods.add(Integer.parseInt(m.text()));
            } catch (NumberFormatException e) {
              mods.add(-1);
            }
          }
        }
        i++;
      } else if (t.isPunct("[")) {
        dims++;
        while (i < tokens.size() && !tokens.get(i).isPunct("]")) i++;
        i++;
      } else if (t.isWord("ARRAY")) {
        dims = Math.max(dims, 1);
        i++;
        if (i < tokens.size() && tokens.get(i).isPunct("[")) {
          while (i < tokens.size() && !tokens.get(i).isPunct("]")) i++;
          i++;
        }
      } else {
        break;
      }
    }
    String raw = String.join(" ", words).toLowerCase(Locale.ROOT);
    boolean serial = raw.contains("serial");
    String base;
    if (raw.equals("double precision") || raw.equals("character varying") || raw.equals("bit varying")) {
      base = raw;
    } else if (raw.startsWith("timestamp") || raw.startsWith("time")) {
      String head = raw.startsWith("timestamp") ? "timestamp" : "time";
      if (raw.equals("timestamptz") || raw.equals("timetz") || raw.endsWith("with time zone")
          && !raw.endsWith("without time zone")) {
        base = head + " with time zone";
      } else {
        base = head + " without time zone";
      }
    } else if (raw.equals("float")) {
      base = !mods.isEmpty() && mods.get(0) <= 24 ? "real" : "double precision";
      mods = List.of();
    } else {
      base = ALIASES.getOrDefault(raw, raw);
    }
    return new TypeRef(base, List.copyOf(mods), dims, serial);
  }

  /** Parses canonical type text, e.g. a {@code ColumnModel.type()}. */
  static TypeRef parse(String text) {
    return parse(Tokenizer.tokenize(text));
  }

  boolean isInteger() {
    return arrayDims == 0 && INTEGERS.contains(base);
  }

  boolean isString() {
    return arrayDims == 0 && (base.equals("text") || base.equals("character varying") || base.equals("character"));
  }

  /** Maximum length of a string type; Integer.MAX_VALUE for unbounded. */
  int maxLength() {
    if (base.equals("text")) return Integer.MAX_VALUE;
    if (base.equals("character")) return mods.isEmpty() ? 1 : mods.get(0);
    return mods.isEmpty() ? Integer.MAX_VALUE : mods.get(0);
  }

  /**
   * Why changing from {@code old} to this type narrows it (values may fail to convert or lose
   * information), or null if it does not (or the linter cannot tell).
   */
  String narrowingFrom(TypeRef old) {
    if (old.arrayDims != arrayDims) return null;
    if (old.isInteger() && isInteger() && INTEGERS.indexOf(base) < INTEGERS.indexOf(old.base)) {
      return "values outside the " + base + " range fail to convert";
    }
    if (isInteger() && arrayDims == 0 && List.of("numeric", "real", "double precision").contains(old.base)) {
      return "fractions are rounded away and large values fail to convert";
    }
    if (old.base.equals("double precision") && base.equals("real")) return "precision is lost";
    if (old.isString() && isString() && maxLength() < old.maxLength()) {
      return "values longer than " + maxLength() + " characters fail to convert";
    }
    if (old.base.equals("numeric") && base.equals("numeric") && !mods.isEmpty()) {
      int p = mods.get(0);
      int s = mods.size() > 1 ? mods.get(1) : 0;
      if (old.mods.isEmpty()) return "unconstrained numeric values beyond numeric(" + p + "," + s + ") fail or are rounded";
      int op = old.mods.get(0);
      int os = old.mods.size() > 1 ? old.mods.get(1) : 0;
      if (s < os) return "digits after position " + s + " of the fraction are rounded away";
      if (p - s < op - os) return "values with more than " + (p - s) + " integer digits fail to convert";
    }
    if (old.base.startsWith("timestamp") && base.equals("date")) return "the time of day is dropped";
    return null;
  }

  /**
   * Whether PostgreSQL changes {@code old} to this type without rewriting the table (binary-compatible
   * changes that need no new storage and no value check).
   */
  boolean changesWithoutRewriteFrom(TypeRef old) {
    if (old.base.equals(base) && old.mods.equals(mods) && old.arrayDims == arrayDims) return true;
    if (old.arrayDims != arrayDims) return false;
    boolean oldVarcharOrText = old.base.equals("character varying") || old.base.equals("text");
    if (oldVarcharOrText && base.equals("text")) return true;
    if (oldVarcharOrText && base.equals("character varying")) return mods.isEmpty() || !old.mods.isEmpty()
        && old.base.equals("character varying") && mods.get(0) >= old.mods.get(0);
    if (old.base.equals("numeric") && base.equals("numeric")) {
      if (mods.isEmpty()) return true;
      if (old.mods.isEmpty()) return false;
      int s = mods.size() > 1 ? mods.get(1) : 0;
      int os = old.mods.size() > 1 ? old.mods.get(1) : 0;
      return s == os && mods.get(0) >= old.mods.get(0);
    }
    if (old.base.equals("bit varying") && base.equals("bit varying")) {
      return mods.isEmpty() || !old.mods.isEmpty() && mods.get(0) >= old.mods.get(0);
    }
    return old.base.equals("cidr") && base.equals("inet");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(base);
    if (!mods.isEmpty()) {
      sb.append('(');
      for (int i = 0; i < mods.size(); i++) sb.append(i > 0 ? "," : "").append(mods.get(i));
      sb.append(')');
    }
    sb.append("[]".repeat(arrayDims));
    return sb.toString();
  }
}
