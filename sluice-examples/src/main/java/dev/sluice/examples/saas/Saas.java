package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;

import dev.sluice.activity.ActivityLog;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Schema;
import dev.sluice.schema.model.PolicyModel.Command;
import dev.sluice.schema.View;
import dev.sluice.sql.Identifiers;
import java.time.YearMonth;

/**
 * The multi-tenant SaaS reference app: users and their sign-in accounts, teams (personal or
 * workspace) with members and roles, projects nested as folders, tasks, comments on either,
 * notifications and the activity log. Tenant tables are protected by row-level security: act as a
 * user of a team with {@code db.as(TenantContext.builder().userId(u).tenantId(team).build())}.
 *
 * <p>Migrations: {@code sluice-examples/src/main/resources/migrations/saas} (generated with the
 * default {@code app_} prefix, see {@link SaasNames}).
 */
public final class Saas {
  private Saas() {}

  /**
   * The activity log in the app namespace, partitioned by month (2025-01 to 2026-12), BRIN on created_at.
   * Row-level security (forced, migration 0007): a team's members read its entries and append their
   * own; no policy updates or deletes, so nobody edits history.
   */
  public static final ActivityLog ACTIVITY = ActivityLog.partitionedByMonth(NS, YearMonth.of(2025, 1), 24)
      .withForcedRowLevelSecurity(
          Policies.named("team_members_read").forCommand(Command.SELECT)
              .using("team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_is_member(team_id)"),
          Policies.named("members_append").forCommand(Command.INSERT)
              .withCheck("team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_is_member(team_id)"
                  + " AND (user_id IS NULL OR user_id = CAST(sluice.current_user_id() AS uuid))"));

  /** Live projects; security_invoker so the caller's RLS applies through the view. */
  public static final View ACTIVE_PROJECTS = View.of(NS, "active_projects").securityInvoker()
      .as("SELECT id, team_id, parent_id, name, slug, tags, updated_at FROM "
          + Identifiers.qualify(NS.schema(), NS.tableName("projects")) + " WHERE deleted_at IS NULL");

  /** The app role tenant statements run as ({@code db.as(...)} switches to it). */
  public static final String APP_ROLE = "app_user";

  /** Every definition of the app, for the migration tools and the demo. */
  public static Schema schema() {
    return Schema.of(SaasNames.TEAM_TYPE, SaasNames.MEMBER_ROLE, SaasNames.TASK_STATUS,
        SaasNames.NOTIFICATION_CHANNEL, SaasNames.NOTIFICATION_TYPE,
        Users.USERS, Accounts.ACCOUNTS, Teams.TEAMS, TeamMembers.TEAM_MEMBERS, Projects.PROJECTS,
        Tasks.TASKS, Comments.COMMENTS, Notifications.NOTIFICATIONS, ACTIVITY, ACTIVE_PROJECTS);
  }
}
