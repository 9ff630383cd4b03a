package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CREATE POLICY name ON table AS {PERMISSIVE|RESTRICTIVE} FOR command TO roles USING (...) WITH CHECK (...)}.
 *
 * @param roles role names; empty means PUBLIC
 */
public record PolicyModel(String name, Command command, boolean permissive, List<String> roles, String using,
    String withCheck) {
  public PolicyModel {
    roles = Models.sorted(roles, s -> s);
    if (command == null) command = Command.ALL;
  }

  /** The command a policy applies to. */
  public enum Command { ALL, SELECT, INSERT, UPDATE, DELETE }
}
