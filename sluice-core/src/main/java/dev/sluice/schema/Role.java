package dev.sluice.schema;

import dev.sluice.schema.model.RoleModel;
import java.util.ArrayList;
import java.util.List;

/** A database role declared with the schema (typically the application role that RLS policies name). */
public final class Role {
  private final String name;
  private boolean login;
  private boolean inherit = true;
  private boolean bypassRls;
  private boolean createDb;
  private boolean createRole;
  private final List<String> memberOf = new ArrayList<>();

  private Role(String name) {
    dev.sluice.sql.Identifiers.check(name);
    this.name = name;
  }

  /** A NOLOGIN INHERIT role. */
  public static Role of(String name) {
    return new Role(name);
  }

  /** The role's name. */
  public String name() {
    return name;
  }

  /** LOGIN. */
  public Role login() {
    login = true;
    return this;
  }

  /** NOINHERIT. */
  public Role noInherit() {
    inherit = false;
    return this;
  }

  /** BYPASSRLS. */
  public Role bypassRls() {
    bypassRls = true;
    return this;
  }

  /** CREATEDB. */
  public Role createDb() {
    createDb = true;
    return this;
  }

  /** CREATEROLE. */
  public Role createRole() {
    createRole = true;
    return this;
  }

  /** IN ROLE other. */
  public Role memberOf(String... roles) {
    memberOf.addAll(List.of(roles));
    return this;
  }

  /** The model of this role. */
  public RoleModel toModel() {
    return new RoleModel(name, login, inherit, bypassRls, createDb, createRole, memberOf);
  }
}
