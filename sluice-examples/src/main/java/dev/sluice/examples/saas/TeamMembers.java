package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.PolicyModel.Command;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Who belongs to which team, with a role and since when: a many-to-many with attributes. Row-level
 * security: a user sees their own memberships (what the membership policies of the tenant tables
 * need) and the members of their teams; only an owner or admin of the current team adds, changes or
 * removes members (only an owner makes owners), and anyone may leave. The policies ask
 * {@code app_team_role(team)} (a SECURITY DEFINER function with a fixed search_path, migration 0005)
 * instead of reading this table, which would recurse; RLS is enabled, not forced, so that function
 * (owned by the table owner) reads the table unfiltered.
 */
public final class TeamMembers extends Table<TeamMembers> {
  public static final TeamMembers TEAM_MEMBERS = new TeamMembers();

  public final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id, CASCADE);
  public final Column<UUID> userId = uuid("user_id").notNull().references(() -> Users.USERS.id, CASCADE);
  public final Column<MemberRole> role = column("role", SaasNames.MEMBER_ROLE).notNull().defaultValue(MemberRole.MEMBER);
  public final Column<OffsetDateTime> joinedAt = timestamptz("joined_at").notNull().defaultNow();

  public final Relation<Users> user = one(() -> Users.USERS, userId);
  public final Relation<Teams> team = one(() -> Teams.TEAMS, teamId);

  private TeamMembers() {
    super(NS, "team_members");
    primaryKey(teamId, userId);   // also the index for the team_id foreign key and the policies
    index().on(userId, teamId);   // the user_id foreign key; "my teams"
    enableRowLevelSecurity();
    policy("members_read").forCommand(Command.SELECT)
        .using("user_id = CAST(sluice.current_user_id() AS uuid) OR public.app_is_member(team_id)");
    policy("managers_insert").forCommand(Command.INSERT)
        .withCheck("team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_can_manage(team_id, role)");
    policy("managers_update").forCommand(Command.UPDATE)
        .using("team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_can_manage(team_id, role)")
        .withCheck("team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_can_manage(team_id, role)");
    policy("managers_delete_or_leave").forCommand(Command.DELETE)
        .using("team_id = CAST(sluice.current_tenant_id() AS uuid) AND (public.app_can_manage(team_id, role) OR user_id = CAST(sluice.current_user_id() AS uuid))");
  }
}
