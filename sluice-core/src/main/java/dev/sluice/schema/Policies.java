package dev.sluice.schema;

import dev.sluice.schema.model.PolicyModel.Command;
import dev.sluice.sql.Identifiers;

/**
 * Row-level security policies for the common multi-tenant shapes, reading the context that
 * {@code db.as(TenantContext)} sets through the {@code sluice.*} helper functions (install them with
 * {@code Tenancy.installSql()}). Add them in a table's constructor with {@link Table#addPolicy(Policy)},
 * or opt in to a tenant column with {@link Table#tenantColumn(Column)}, which also enables and forces RLS:
 *
 * <pre>{@code
 * final class Projects extends Table<Projects> {
 *   final Column<UUID> teamId = uuid("team_id").notNull();
 *   final Column<UUID> ownerId = uuid("owner_id").notNull();
 *   Projects() {
 *     super("projects");
 *     tenantColumn(teamId);                          // RLS on + forced, isolation policy, index on team_id
 *     addPolicy(Policies.ownerOnly(ownerId).restrictive().forCommand(PolicyModel.Command.DELETE));
 *   }
 * }
 * }</pre>
 *
 * Ids travel as text and are cast to the column's type, so uuid, bigint and text keys all work;
 * an unset context is NULL, which matches no row.
 */
public final class Policies {
  private Policies() {}

  /** {@code <column> = CAST(sluice.current_tenant_id() AS <type>)} for USING and WITH CHECK. */
  public static Policy tenantIsolation(Column<?> tenantColumn) {
    String cond = Identifiers.quote(tenantColumn.name()) + " = " + cast("sluice.current_tenant_id()", tenantColumn);
    return new Policy("tenant_isolation").using(cond).withCheck(cond);
  }

  /**
   * Rows whose team the current user belongs to: {@code EXISTS (SELECT 1 FROM joinTable m WHERE
   * m.joinTeamCol = table.teamCol AND m.joinUserCol = current user)}, for USING and WITH CHECK. If the
   * join table has RLS itself, give it a policy that does not read this table (or PostgreSQL reports
   * infinite recursion), e.g. {@link #ownerOnly(Column)} on its user column.
   */
  public static Policy membership(Column<?> teamColumn, Table<?> joinTable, Column<?> joinTeamColumn,
      Column<?> joinUserColumn) {
    Table<?> table = teamColumn.table();
    String cond = "EXISTS (SELECT 1 FROM " + Identifiers.qualify(joinTable.schema(), joinTable.name())
        + " sluice_m WHERE sluice_m." + Identifiers.quote(joinTeamColumn.name()) + " = "
        + Identifiers.qualify(table.schema(), table.name()) + "." + Identifiers.quote(teamColumn.name())
        + " AND sluice_m." + Identifiers.quote(joinUserColumn.name()) + " = "
        + cast("sluice.current_user_id()", joinUserColumn) + ")";
    return new Policy("team_membership").using(cond).withCheck(cond);
  }

  /** {@code <column> = CAST(sluice.current_user_id() AS <type>)} for USING and WITH CHECK. */
  public static Policy ownerOnly(Column<?> ownerColumn) {
    String cond = Identifiers.quote(ownerColumn.name()) + " = " + cast("sluice.current_user_id()", ownerColumn);
    return new Policy("owner_only").using(cond).withCheck(cond);
  }

  /**
   * A policy to configure: FOR ALL, PERMISSIVE, TO PUBLIC and no expressions until
   * {@link Policy#forCommand}, {@link Policy#using(String)} and {@link Policy#withCheck(String)} say
   * otherwise. For tables whose constructor is not yours, e.g.
   * {@link dev.sluice.activity.ActivityLog#withForcedRowLevelSecurity(Policy...)}.
   */
  public static Policy named(String name) {
    return new Policy(name);
  }

  /** Everyone may read every row: {@code FOR SELECT USING (true)}. */
  public static Policy publicRead() {
    return new Policy("public_read").forCommand(Command.SELECT).using("true");
  }

  private static String cast(String expr, Column<?> target) {
    return "CAST(" + expr + " AS " + target.dataType().sqlName() + ")";
  }
}
