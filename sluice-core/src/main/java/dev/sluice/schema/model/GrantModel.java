package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code GRANT privileges ON objectType schema.name TO grantee}, or with {@code columns} the column
 * grant {@code GRANT SELECT (a, b), UPDATE (a, b) ON TABLE schema.name TO grantee} (each privilege on
 * each listed column).
 *
 * <p>The grants of one object and grantee are what that grantee holds: the differ revokes the rest.
 * One exception, the {@code public} schema, which exists before any migration with privileges that
 * depend on the server version (PostgreSQL 15+: {@code USAGE} for {@code PUBLIC}; 14 and older:
 * {@code USAGE, CREATE}): its grant to {@code PUBLIC} is in a model only when it differs from that
 * default, and then lists exactly what {@code PUBLIC} holds (empty for nothing, e.g. after
 * {@code REVOKE ALL ON SCHEMA public FROM PUBLIC}; see {@link #publicSchema}).
 *
 * @param objectType {@code TABLE}, {@code SCHEMA}, {@code SEQUENCE} or {@code FUNCTION}
 * @param privileges upper-case privilege names, e.g. {@code SELECT}, {@code INSERT}
 * @param columns for a column grant on a table or view, the columns each privilege is granted on
 *     (sorted); empty for a grant on the whole object
 */
public record GrantModel(String objectType, String schema, String name, String grantee, List<String> privileges,
    List<String> columns) {
  public GrantModel {
    privileges = Models.sorted(privileges, s -> s);
    columns = Models.sorted(columns, s -> s);
  }

  /** A grant on a whole object. */
  public GrantModel(String objectType, String schema, String name, String grantee, List<String> privileges) {
    this(objectType, schema, name, grantee, privileges, List.of());
  }

  /** {@code GRANT privileges (columns) ON TABLE schema.table TO grantee} (tables and views). */
  public static GrantModel columns(String schema, String table, String grantee, List<String> privileges, List<String> columns) {
    if (columns == null || columns.isEmpty()) throw new IllegalArgumentException("a column grant on " + table + " needs columns");
    return new GrantModel("TABLE", schema, table, grantee, privileges, columns);
  }

  /**
   * Exactly the privileges {@code PUBLIC} holds on schema {@code public}, when they differ from the
   * server's default: {@code publicSchema(List.of("CREATE", "USAGE"))} for a pre-15 style database
   * ({@code GRANT ALL ON SCHEMA public TO PUBLIC}), {@code publicSchema(List.of())} after
   * {@code REVOKE ALL ON SCHEMA public FROM PUBLIC}.
   */
  public static GrantModel publicSchema(List<String> privileges) {
    return new GrantModel("SCHEMA", "public", "public", "PUBLIC", privileges, List.of());
  }

  /** Whether this is the grant to {@code PUBLIC} on schema {@code public} (see the class comment). */
  public boolean isPublicSchemaToPublic() {
    return "SCHEMA".equalsIgnoreCase(objectType) && "public".equals(name != null ? name : schema)
        && "PUBLIC".equalsIgnoreCase(grantee) && columns.isEmpty();
  }

  /** This grant on another object (a renamed or moved one), its columns kept. */
  public GrantModel on(String schema, String name) {
    return new GrantModel(objectType, schema, name, grantee, privileges, columns);
  }

  /** This grant with other columns (a renamed column). */
  public GrantModel withColumns(List<String> columns) {
    return new GrantModel(objectType, schema, name, grantee, privileges, columns);
  }

  String sortKey() {
    return objectType + " " + schema + "." + name + " " + grantee + " " + String.join(",", columns) + " "
        + String.join(",", privileges);
  }
}
