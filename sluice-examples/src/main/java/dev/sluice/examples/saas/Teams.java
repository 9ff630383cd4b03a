package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The tenant: a personal team per user, or a shared workspace. Tenant tables carry its id. */
public final class Teams extends Table<Teams> {
  public static final Teams TEAMS = new Teams();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<String> name = text("name").notNull();
  public final Column<String> slug = text("slug").notNull().unique();
  public final Column<TeamType> type = column("type", SaasNames.TEAM_TYPE).notNull().defaultValue(TeamType.WORKSPACE);
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
  public final Column<OffsetDateTime> updatedAt = updatedAt();

  public final Relation<TeamMembers> members = many(() -> TeamMembers.TEAM_MEMBERS, m -> m.teamId);
  public final Relation<Users> users = manyToMany(id, () -> TeamMembers.TEAM_MEMBERS, m -> m.teamId, m -> m.userId,
      () -> Users.USERS, u -> u.id);
  public final Relation<Projects> projects = many(() -> Projects.PROJECTS, p -> p.teamId);

  private Teams() {
    super(NS, "teams");
  }
}
