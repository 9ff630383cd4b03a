package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Projects of a team, nested as folders through {@code parent_id} (read with WITH RECURSIVE). Shows
 * most PostgreSQL practices in one table: RLS by team (the tenant must be set AND the user must be a
 * member), composite foreign keys {@code (team_id, id)} so a row can only point at its own team's
 * rows, soft delete with a unique-while-live slug, jsonb metadata and a tags array with GIN
 * indexes, and a generated tsvector for full-text search with its GIN index.
 */
public final class Projects extends Table<Projects> {
  public static final Projects PROJECTS = new Projects();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id, CASCADE);
  public final Column<UUID> parentId = uuid("parent_id");   // composite FK (team_id, parent_id): same team only
  public final Column<String> name = text("name").notNull();
  public final Column<String> slug = text("slug").notNull();
  public final Column<String> description = text("description");
  public final Column<JsonNode> metadata = jsonb("metadata").notNull().defaultSql("'{}'::jsonb");
  public final Column<String[]> tags = text("tags").array().notNull().defaultSql("'{}'::text[]");
  public final Column<String> searchVector = tsvector("search_vector")
      .generatedAlwaysAs("to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(description, ''))");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
  public final Column<OffsetDateTime> updatedAt = updatedAt();
  public final Column<OffsetDateTime> deletedAt = deletedAt();

  public final Relation<Teams> team = one(() -> Teams.TEAMS, teamId);
  public final Relation<Projects> parent = one(() -> Projects.PROJECTS, parentId, p -> p.id);
  public final Relation<Projects> children = many(() -> Projects.PROJECTS, id, p -> p.parentId);
  public final Relation<Tasks> tasks = many(() -> Tasks.TASKS, id, t -> t.projectId);
  public final Relation<Comments> comments = many(() -> Comments.COMMENTS, id, c -> c.projectId);

  private Projects() {
    super(NS, "projects");
    tenantColumn(teamId);
    addPolicy(Policies.membership(teamId, TeamMembers.TEAM_MEMBERS, TeamMembers.TEAM_MEMBERS.teamId,
        TeamMembers.TEAM_MEMBERS.userId).restrictive());
    // rows of a team point only at rows of the same team: (team_id, id) is the target of composite FKs
    unique(teamId, id);
    foreignKey(java.util.List.of(teamId, parentId), () -> java.util.List.of(Projects.PROJECTS.teamId, Projects.PROJECTS.id))
        .onDelete(CASCADE);
    uniqueWhileLive(teamId, slug);
    index().on(parentId);
    index().using("gin").on(metadata);
    index().using("gin").on(tags);
    index().using("gin").on(searchVector);
    index().on(teamId, updatedAt).where("deleted_at IS NULL");   // partial: the live "recently updated" list
    auditChanges();
  }
}
