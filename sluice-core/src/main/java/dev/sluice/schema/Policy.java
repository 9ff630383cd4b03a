package dev.sluice.schema;

import dev.sluice.query.Condition;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PolicyModel.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * A row-level security policy, built in a table's constructor:
 * {@code policy("members_read").forCommand(SELECT).to("app_user").using("team_id = current_setting('app.team_id')::uuid")}.
 */
public final class Policy {
  private final String name;
  private Command command = Command.ALL;
  private boolean permissive = true;
  private final List<String> roles = new ArrayList<>();
  private String using;
  private String withCheck;
  private String comment;

  Policy(String name) {
    this.name = name;
  }

  /** FOR ALL | SELECT | INSERT | UPDATE | DELETE. */
  public Policy forCommand(Command c) {
    command = c;
    return this;
  }

  /** AS RESTRICTIVE (combined with AND instead of OR). */
  public Policy restrictive() {
    permissive = false;
    return this;
  }

  /** TO roles (default PUBLIC). */
  public Policy to(String... roleNames) {
    roles.addAll(List.of(roleNames));
    return this;
  }

  /** TO roles (default PUBLIC). */
  public Policy to(Role... r) {
    for (Role role : r) roles.add(role.name());
    return this;
  }

  /** USING (expression): which existing rows are visible/affected. */
  public Policy using(String sql) {
    using = sql;
    return this;
  }

  /** USING from a DSL condition. */
  public Policy using(Condition c) {
    return using(Column.inlineUnqualified(c));
  }

  /** WITH CHECK (expression): which new rows may be written. */
  public Policy withCheck(String sql) {
    withCheck = sql;
    return this;
  }

  /** WITH CHECK from a DSL condition. */
  public Policy withCheck(Condition c) {
    return withCheck(Column.inlineUnqualified(c));
  }

  /** COMMENT ON POLICY (set in place; the policy is not re-created when only its comment changes). */
  public Policy comment(String text) {
    comment = text;
    return this;
  }

  PolicyModel toModel() {
    return new PolicyModel(name, command, permissive, roles, using, withCheck, comment);
  }

  // --- tenancy: policy helpers ---------------------------------------------------------------------

  /** A copy of this policy under another name (two helper policies on one table need distinct names). */
  public Policy named(String newName) {
    Policy p = new Policy(newName);
    p.command = command;
    p.permissive = permissive;
    p.roles.addAll(roles);
    p.using = using;
    p.withCheck = withCheck;
    p.comment = comment;
    return p;
  }
}
