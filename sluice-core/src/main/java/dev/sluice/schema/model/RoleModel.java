package dev.sluice.schema.model;

import java.util.List;

/**
 * A role. Roles are cluster-wide in PostgreSQL; the model creates missing ones and never drops a
 * role it did not create.
 *
 * @param memberOf roles this role is granted membership in
 */
public record RoleModel(String name, boolean login, boolean inherit, boolean bypassRls, boolean createDb,
    boolean createRole, List<String> memberOf) {
  public RoleModel {
    memberOf = Models.sorted(memberOf, s -> s);
  }

  /** A NOLOGIN, INHERIT role with no other attributes: the usual shape of an application role. */
  public static RoleModel of(String name) {
    return new RoleModel(name, false, true, false, false, false, List.of());
  }
}
