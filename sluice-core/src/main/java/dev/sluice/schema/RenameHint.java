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
 * @param toSchema for a table, view or enum that moves to another schema ({@code ALTER ... SET SCHEMA},
 *     rows kept): the new schema; else null
 */
public record RenameHint(Kind kind, String schema, String parent, String from, String to, String toSchema) {

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
    if (toSchema != null && toSchema.equals(schema)) toSchema = null;
    if (toSchema != null && kind != Kind.TABLE && kind != Kind.VIEW && kind != Kind.ENUM) {
      throw new IllegalArgumentException("only a table, view or enum can move to another schema, not a " + kind);
    }
    if (from.equals(to) && toSchema == null) throw new IllegalArgumentException("rename of " + from + " to itself");
  }

  /** A hint that keeps the object in its schema. */
  public RenameHint(Kind kind, String schema, String parent, String from, String to) {
    this(kind, schema, parent, from, to, null);
  }

  /** Table {@code schema.from} is now {@code toSchema.to} ({@code ALTER TABLE ... SET SCHEMA}, then a rename if the name changes). */
  public static RenameHint moveTable(String schema, String from, String toSchema, String to) {
    return new RenameHint(Kind.TABLE, schema, null, from, to, toSchema);
  }

  /** View (or materialized view) {@code schema.from} is now {@code toSchema.to}. */
  public static RenameHint moveView(String schema, String from, String toSchema, String to) {
    return new RenameHint(Kind.VIEW, schema, null, from, to, toSchema);
  }

  /** Enum type {@code schema.from} is now {@code toSchema.to}. */
  public static RenameHint moveEnum(String schema, String from, String toSchema, String to) {
    return new RenameHint(Kind.ENUM, schema, null, from, to, toSchema);
  }

  /** The schema the object is in after the hint: {@link #toSchema()} when it moves, else {@link #schema()}. */
  public String targetSchema() {
    return toSchema == null ? schema : toSchema;
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
    return toSchema == null ? new RenameHint(kind, schema, parent, to, from) : new RenameHint(kind, toSchema, parent, to, from, schema);
  }

  /**
   * The CLI flag value for this hint: {@code schema.old=new} (table), {@code schema.table.old=new}
   * (column), {@code enum:schema.old=new}, {@code enum:schema.enum.old=new} (enum value),
   * {@code view:schema.old=new}, {@code schema:old=new}; a move to another schema writes the new
   * name qualified ({@code public.invoice=billing.invoice}). {@link #parse(String)} reads it back.
   */
  public String toFlag() {
    String to = toSchema == null ? this.to : toSchema + "." + this.to;
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
   * path has exactly the parts the kind needs minus the schema). A qualified new name of a table,
   * view or enum ({@code public.invoice=billing.invoice}) moves it to that schema.
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
    String toSchema = null;
    int dot = to.indexOf('.');
    if (dot >= 0) {
      toSchema = to.substring(0, dot).strip();
      to = to.substring(dot + 1).strip();
      if (toSchema.isEmpty() || to.isEmpty() || to.indexOf('.') >= 0) {
        throw new IllegalArgumentException("rename '" + flag + "': the new name is name or schema.name, not " + s.substring(eq + 1).strip());
      }
    }
    String[] path = s.substring(0, eq).strip().split("\\.");
    if (to.isEmpty() || path.length == 0 || path[0].isEmpty()) {
      throw new IllegalArgumentException("rename '" + flag + "' is incomplete: expected e.g. public.old_name=new_name");
    }
    switch (prefix) {
      case "" , "table", "column" -> {
        if (prefix.equals("column") || path.length == 3) {
          if (path.length == 3) return new RenameHint(Kind.COLUMN, path[0], path[1], path[2], to, toSchema);
          if (path.length == 2) return new RenameHint(Kind.COLUMN, "public", path[0], path[1], to, toSchema);
        } else {
          if (path.length == 2) return new RenameHint(Kind.TABLE, path[0], null, path[1], to, toSchema);
          if (path.length == 1) return new RenameHint(Kind.TABLE, "public", null, path[0], to, toSchema);
        }
      }
      case "enum" -> {
        if (path.length == 3) return new RenameHint(Kind.ENUM_VALUE, path[0], path[1], path[2], to, toSchema);
        if (path.length == 2) return new RenameHint(Kind.ENUM, path[0], null, path[1], to, toSchema);
        if (path.length == 1) return new RenameHint(Kind.ENUM, "public", null, path[0], to, toSchema);
      }
      case "view" -> {
        if (path.length == 2) return new RenameHint(Kind.VIEW, path[0], null, path[1], to, toSchema);
        if (path.length == 1) return new RenameHint(Kind.VIEW, "public", null, path[0], to, toSchema);
      }
      case "schema" -> {
        if (path.length == 1) return new RenameHint(Kind.SCHEMA, null, null, path[0], to, toSchema);
      }
      default -> throw new IllegalArgumentException("rename '" + flag + "': unknown kind '" + prefix
          + "' (expected table, column, enum, view or schema)");
    }
    throw new IllegalArgumentException("rename '" + flag + "' has the wrong number of name parts for a "
        + (prefix.isEmpty() ? "table or column" : prefix) + " rename");
  }
}
