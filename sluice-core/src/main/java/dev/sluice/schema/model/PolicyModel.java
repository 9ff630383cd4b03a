package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CREATE POLICY name ON table AS {PERMISSIVE|RESTRICTIVE} FOR command TO roles USING (...) WITH CHECK (...)}.
 *
 * @param roles role names; empty means PUBLIC
 * @param comment {@code COMMENT ON POLICY}, or null; not part of the policy's definition
 */
public record PolicyModel(String name, Command command, boolean permissive, List<String> roles, String using,
    String withCheck, String comment) {
  public PolicyModel {
    roles = Models.sorted(roles, s -> s);
    if (command == null) command = Command.ALL;
  }

  /** A policy without comment. */
  public PolicyModel(String name, Command command, boolean permissive, List<String> roles, String using, String withCheck) {
    this(name, command, permissive, roles, using, withCheck, null);
  }

  /** This policy with another comment. */
  public PolicyModel withComment(String text) {
    return new PolicyModel(name, command, permissive, roles, using, withCheck, text);
  }

  /** The command a policy applies to. */
  public enum Command { ALL, SELECT, INSERT, UPDATE, DELETE }
}
