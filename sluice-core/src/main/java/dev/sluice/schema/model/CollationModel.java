package dev.sluice.schema.model;

import java.util.Objects;

/**
 * A collation: {@code CREATE COLLATION schema.name (provider = icu|libc, locale = '...' | lc_collate = '...',
 * lc_ctype = '...', deterministic = false)}.
 *
 * <p>{@code CREATE COLLATION ... FROM existing} copies the settings of {@code existing}; what PostgreSQL
 * stores (and this record holds) is those settings. The collation version PostgreSQL records is not
 * part of the model (it follows the ICU or C library of the server).
 *
 * @param provider {@code icu}, {@code libc} or {@code builtin} (PostgreSQL 17)
 * @param locale the locale when {@code LC_COLLATE} and {@code LC_CTYPE} are the same (always for ICU), else null
 * @param lcCollate {@code LC_COLLATE} when it differs from {@code LC_CTYPE} (libc only), else null
 * @param lcCtype {@code LC_CTYPE} when it differs from {@code LC_COLLATE} (libc only), else null
 * @param deterministic false for a nondeterministic collation (case- or accent-insensitive ICU collations)
 * @param comment {@code COMMENT ON COLLATION}, or null
 */
public record CollationModel(String schema, String name, String provider, String locale, String lcCollate, String lcCtype,
    boolean deterministic, String comment) {

  public CollationModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    if (locale == null && (lcCollate == null || lcCtype == null)) {
      throw new IllegalArgumentException("collation " + name + " needs a locale or both lc_collate and lc_ctype");
    }
    if (locale != null && (lcCollate != null || lcCtype != null)) {
      throw new IllegalArgumentException("collation " + name + " has a locale and lc_collate/lc_ctype: give one or the other");
    }
    if (lcCollate != null && lcCollate.equals(lcCtype)) {
      locale = lcCollate;
      lcCollate = null;
      lcCtype = null;
    }
  }

  /**
   * How columns, indexes and domains name this collation in the model: {@code schema.name}, each part
   * quoted where PostgreSQL's {@code quote_ident} would (collations of {@code pg_catalog} are named bare).
   */
  public String reference() {
    return reference(schema, name);
  }

  /** The reference of collation {@code name} in {@code schema} (see {@link #reference()}). */
  public static String reference(String schema, String name) {
    return dev.sluice.sql.Identifiers.qualify(schema, name);
  }
}
