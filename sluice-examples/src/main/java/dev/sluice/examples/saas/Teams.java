package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.PolicyModel.Command;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The tenant: a personal team per user, or a shared workspace. Tenant tables carry its id. Members see
 * their teams; owners and admins rename the current one. Nobody deletes or creates a team through the
 * app role: {@code app_create_team(name, slug, type)} (migration 0005) creates one with the caller as
 * owner, and deleting a team (which cascades to all its data) is left to the owner role.
 *
 * <p>The slug is globally unique on purpose: slugs are a public namespace, like GitHub organisation
 * names (a team's URL is its slug). Creating or renaming to a taken slug fails with 23505 carrying at
 * most the slug the caller typed; the team behind it stays invisible to non-members (RLS). An app whose
 * slugs must stay private would make them unique per owner or per parent instead.
 */
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
    enableRowLevelSecurity();
    policy("members_read").forCommand(Command.SELECT).using("public.app_is_member(id)");
    policy("managers_update").forCommand(Command.UPDATE)
        .using("id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_team_role(id) IN ('owner', 'admin')")
        .withCheck("id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_team_role(id) IN ('owner', 'admin')");
  }
}
