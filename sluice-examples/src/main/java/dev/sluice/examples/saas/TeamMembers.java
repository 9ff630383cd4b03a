package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Who belongs to which team, with a role and since when: a many-to-many with attributes. The RLS
 * membership policies of the tenant tables read this table, so it has no RLS of its own (a policy
 * here reading those tables would recurse).
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
  }
}
