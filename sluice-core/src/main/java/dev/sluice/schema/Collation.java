package dev.sluice.schema;

import dev.sluice.schema.model.CollationModel;
import dev.sluice.sql.Identifiers;
import java.util.Objects;

/**
 * A collation ({@code CREATE COLLATION}), listed in {@link Schema#of(Object...)}; columns, index keys
 * and domains use it with {@code collate(collation)}:
 *
 * <pre>{@code
 * static final Collation CI = Collation.icu("ci", "und-u-ks-level2").nondeterministic(); // case-insensitive
 * public final Column<String> email = text("email").collate(CI);
 * }</pre>
 *
 * PostgreSQL cannot alter a collation (only refresh its version or rename it): a changed one is
 * dropped and created again when nothing uses it, and refused while a column, index, domain or
 * range type does. {@code CREATE COLLATION ... FROM existing} is declared with the settings it copies
 * (that is what PostgreSQL stores, and what {@code pull} writes).
 */
public final class Collation {
  private final String schema;
  private final String name;
  private final String provider;
  private final String locale;
  private final String lcCollate;
  private final String lcCtype;
  private boolean deterministic = true;
  private String comment;

  private Collation(String schema, String name, String provider, String locale, String lcCollate, String lcCtype) {
    this.schema = Objects.requireNonNull(schema, "schema");
    Identifiers.check(name);
    this.name = name;
    this.provider = provider;
    this.locale = locale;
    this.lcCollate = lcCollate;
    this.lcCtype = lcCtype;
  }

  /** An ICU collation in {@code public} ({@code provider = icu, locale = '...'}, e.g. {@code und-u-ks-level2}). */
  public static Collation icu(String name, String locale) {
    return icu(Namespace.PUBLIC, name, locale);
  }

  /** An ICU collation in {@code namespace}'s schema. */
  public static Collation icu(Namespace namespace, String name, String locale) {
    return new Collation(namespace.schema(), name, "icu", Objects.requireNonNull(locale, "locale"), null, null);
  }

  /** A C library collation in {@code namespace}'s schema ({@code provider = libc, locale = '...'}). */
  public static Collation libc(Namespace namespace, String name, String locale) {
    return new Collation(namespace.schema(), name, "libc", Objects.requireNonNull(locale, "locale"), null, null);
  }

  /** A C library collation with different {@code lc_collate} and {@code lc_ctype}. */
  public static Collation libc(Namespace namespace, String name, String lcCollate, String lcCtype) {
    return new Collation(namespace.schema(), name, "libc", null, Objects.requireNonNull(lcCollate, "lcCollate"),
        Objects.requireNonNull(lcCtype, "lcCtype"));
  }

  /** A collation of another provider ({@code builtin} on PostgreSQL 17). */
  public static Collation of(Namespace namespace, String name, String provider, String locale) {
    return new Collation(namespace.schema(), name, Objects.requireNonNull(provider, "provider"),
        Objects.requireNonNull(locale, "locale"), null, null);
  }

  /** {@code deterministic = false}: strings that compare equal need not be byte-wise equal (ICU only). */
  public Collation nondeterministic() {
    deterministic = false;
    return this;
  }

  /** {@code COMMENT ON COLLATION}. */
  public Collation comment(String text) {
    comment = text;
    return this;
  }

  /** How a column, index key or domain names this collation: {@code schema.name}. */
  public String reference() {
    return CollationModel.reference(schema, name);
  }

  /** The model of this collation. */
  public CollationModel toModel() {
    try {
      return new CollationModel(schema, name, provider, locale, lcCollate, lcCtype, deterministic, comment);
    } catch (IllegalArgumentException e) {
      throw new SchemaDefinitionException(java.util.List.of(e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return "collation " + reference();
  }
}
