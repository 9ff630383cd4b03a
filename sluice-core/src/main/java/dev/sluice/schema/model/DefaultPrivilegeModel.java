package dev.sluice.schema.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code grantee} gets on the objects {@code role} creates from now on:
 * {@code ALTER DEFAULT PRIVILEGES FOR ROLE role [IN SCHEMA schema] GRANT privileges ON objectType TO grantee}
 * ({@code pg_default_acl}).
 *
 * <p>In a schema ({@code schema} not null) the privileges are added to the database-wide ones, so
 * they are what this grants. Database-wide ({@code schema} null) they replace PostgreSQL's built-in
 * defaults (the creator holds everything; {@code PUBLIC} may execute functions and use types), so
 * such an entry is in a model only when it differs from that default, and then lists everything
 * {@code grantee} gets, possibly nothing: {@code ALTER DEFAULT PRIVILEGES FOR ROLE app REVOKE EXECUTE
 * ON FUNCTIONS FROM PUBLIC} is {@code new DefaultPrivilegeModel("app", null, "FUNCTIONS", "PUBLIC", List.of())}.
 *
 * @param role the role whose new objects these apply to ({@code FOR ROLE})
 * @param schema the schema they apply in, or null for the whole database
 * @param objectType {@code TABLES}, {@code SEQUENCES}, {@code FUNCTIONS}, {@code TYPES} or {@code SCHEMAS}
 *     (a schema-wide entry cannot be about {@code SCHEMAS})
 * @param grantee a role name or {@code PUBLIC}
 * @param privileges upper-case privilege names ({@code SELECT}, {@code EXECUTE}...), sorted
 */
public record DefaultPrivilegeModel(String role, String schema, String objectType, String grantee, List<String> privileges) {
  /** The object types {@code ALTER DEFAULT PRIVILEGES} takes. */
  public static final Set<String> OBJECT_TYPES = Set.of("TABLES", "SEQUENCES", "FUNCTIONS", "TYPES", "SCHEMAS");

  public DefaultPrivilegeModel {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(grantee, "grantee");
    objectType = objectType.toUpperCase(Locale.ROOT);
    if (!OBJECT_TYPES.contains(objectType)) {
      throw new IllegalArgumentException("default privileges on " + objectType + ": expected one of " + OBJECT_TYPES);
    }
    if (schema != null && objectType.equals("SCHEMAS")) {
      throw new IllegalArgumentException("default privileges on SCHEMAS cannot be given IN SCHEMA " + schema);
    }
    privileges = Models.sorted(privileges == null ? null : privileges.stream().map(p -> p.toUpperCase(Locale.ROOT)).toList(),
        s -> s);
  }

  /** {@code for role r [in schema s] on tables to g}: the identity of an entry. */
  public String key() {
    return "for role " + role + (schema == null ? "" : " in schema " + schema) + " on " + objectType.toLowerCase(Locale.ROOT)
        + " to " + grantee;
  }
}
