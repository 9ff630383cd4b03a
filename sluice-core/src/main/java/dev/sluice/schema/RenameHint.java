package dev.sluice.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * A declared rename: "the object now called {@code to} used to be called {@code from}". The differ
 * turns a hint into {@code ALTER ... RENAME} instead of a drop and a create, which would lose data.
 * Hints live in the schema source (so CI needs no prompts) or come from the CLI's {@code --rename}
 * flag (see {@link #parse(String)}), and stay harmless once applied: a hint whose old name is gone
 * and whose new name exists is skipped.
 *
 * @param kind what is renamed
 * @param schema the schema of the object (for {@link Kind#SCHEMA}, null)
 * @param parent the table of a renamed column or the enum of a renamed value (either its old or
 *     its new name), else null
 * @param from the old name (for an enum value: the old label)
 * @param to the new name
 */
public record RenameHint(Kind kind, String schema, String parent, String from, String to) {

  /** The kinds of object that can be renamed in place. */
  public enum Kind { TABLE, COLUMN, ENUM, ENUM_VALUE, VIEW, SCHEMA }

  public RenameHint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (kind != Kind.SCHEMA) Objects.requireNonNull(schema, "schema of a " + kind + " rename");
    if ((kind == Kind.COLUMN || kind == Kind.ENUM_VALUE) != (parent != null)) {
      throw new IllegalArgumentException("a parent (table or enum) is required for, and only for, column and enum value renames");
    }
    if (from.equals(to)) throw new IllegalArgumentException("rename of " + from + " to itself");
  }

  /** Table {@code schema.from} is now {@code schema.to}. */
  public static RenameHint table(String schema, String from, String to) {
    return new RenameHint(Kind.TABLE, schema, null, from, to);
  }

  /** Column {@code from} of {@code schema.table} is now {@code to}. */
  public static RenameHint column(String schema, String table, String from, String to) {
    return new RenameHint(Kind.COLUMN, schema, table, from, to);
  }

  /** Enum type {@code schema.from} is now {@code schema.to}. */
  public static RenameHint enumType(String schema, String from, String to) {
    return new RenameHint(Kind.ENUM, schema, null, from, to);
  }

  /** Label {@code from} of enum {@code schema.enumName} is now {@code to}. */
  public static RenameHint enumValue(String schema, String enumName, String from, String to) {
    return new RenameHint(Kind.ENUM_VALUE, schema, enumName, from, to);
  }

  /** View (or materialized view) {@code schema.from} is now {@code schema.to}. */
  public static RenameHint view(String schema, String from, String to) {
    return new RenameHint(Kind.VIEW, schema, null, from, to);
  }

  /** Schema {@code from} is now {@code to}. */
  public static RenameHint schema(String from, String to) {
    return new RenameHint(Kind.SCHEMA, null, null, from, to);
  }

  /** The same rename backwards, for down migrations ({@code diff(to, from)}). */
  public RenameHint reversed() {
    return new RenameHint(kind, schema, parent, to, from);
  }

  /**
   * The CLI flag value for this hint: {@code schema.old=new} (table), {@code schema.table.old=new}
   * (column), {@code enum:schema.old=new}, {@code enum:schema.enum.old=new} (enum value),
   * {@code view:schema.old=new}, {@code schema:old=new}. {@link #parse(String)} reads it back.
   */
  public String toFlag() {
    return switch (kind) {
      case TABLE -> schema + "." + from + "=" + to;
      case COLUMN -> schema + "." + parent + "." + from + "=" + to;
      case ENUM -> "enum:" + schema + "." + from + "=" + to;
      case ENUM_VALUE -> "enum:" + schema + "." + parent + "." + from + "=" + to;
      case VIEW -> "view:" + schema + "." + from + "=" + to;
      case SCHEMA -> "schema:" + from + "=" + to;
    };
  }

  /**
   * Reads a {@code --rename} flag value (see {@link #toFlag()}); a table or enum name without a
   * schema ({@code old=new}, {@code table.old=new}... is read with {@code public} only when the
   * path has exactly the parts the kind needs minus the schema).
   */
  public static RenameHint parse(String flag) {
    String s = flag.strip();
    String prefix = "";
    int colon = s.indexOf(':');
    int eq = s.indexOf('=');
    if (eq < 0) throw new IllegalArgumentException("rename '" + flag + "' has no '=': expected e.g. public.old_name=new_name");
    if (colon >= 0 && colon < eq) {
      prefix = s.substring(0, colon).toLowerCase(Locale.ROOT);
      s = s.substring(colon + 1);
      eq = s.indexOf('=');
    }
    String to = s.substring(eq + 1).strip();
    String[] path = s.substring(0, eq).strip().split("\\.");
    if (to.isEmpty() || path.length == 0 || path[0].isEmpty()) {
      throw new IllegalArgumentException("rename '" + flag + "' is incomplete: expected e.g. public.old_name=new_name");
    }
    switch (prefix) {
      case "" , "table", "column" -> {
        if (prefix.equals("column") || path.length == 3) {
          if (path.length == 3) return column(path[0], path[1], path[2], to);
          if (path.length == 2) return column("public", path[0], path[1], to);
        } else {
          if (path.length == 2) return table(path[0], path[1], to);
          if (path.length == 1) return table("public", path[0], to);
        }
      }
      case "enum" -> {
        if (path.length == 3) return enumValue(path[0], path[1], path[2], to);
        if (path.length == 2) return enumType(path[0], path[1], to);
        if (path.length == 1) return enumType("public", path[0], to);
      }
      case "view" -> {
        if (path.length == 2) return view(path[0], path[1], to);
        if (path.length == 1) return view("public", path[0], to);
      }
      case "schema" -> {
        if (path.length == 1) return schema(path[0], to);
      }
      default -> throw new IllegalArgumentException("rename '" + flag + "': unknown kind '" + prefix
          + "' (expected table, column, enum, view or schema)");
    }
    throw new IllegalArgumentException("rename '" + flag + "' has the wrong number of name parts for a "
        + (prefix.isEmpty() ? "table or column" : prefix) + " rename");
  }
}
