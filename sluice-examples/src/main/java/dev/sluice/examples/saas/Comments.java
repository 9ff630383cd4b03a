package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Comments on a project or on a task: a polymorphic association done safely, with one real foreign
 * key per target (so cascades and integrity hold) and a CHECK that exactly one is set.
 */
public final class Comments extends Table<Comments> {
  public static final Comments COMMENTS = new Comments();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id, CASCADE);
  public final Column<UUID> authorId = uuid("author_id").notNull().references(() -> Users.USERS.id, CASCADE);
  public final Column<UUID> projectId = uuid("project_id");   // composite FK (team_id, project_id)
  public final Column<UUID> taskId = uuid("task_id");         // composite FK (team_id, task_id)
  public final Column<String> body = text("body").notNull();
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Users> author = one(() -> Users.USERS, authorId);

  private Comments() {
    super(NS, "comments");
    check(NS.tableName("comments") + "_one_target_check", "num_nonnulls(project_id, task_id) = 1");
    tenantColumn(teamId);
    addPolicy(Policies.membership(teamId, TeamMembers.TEAM_MEMBERS, TeamMembers.TEAM_MEMBERS.teamId,
        TeamMembers.TEAM_MEMBERS.userId).restrictive());
    // targets of the same team only (MATCH SIMPLE: the unset target is not checked)
    foreignKey(java.util.List.of(teamId, projectId), () -> java.util.List.of(Projects.PROJECTS.teamId, Projects.PROJECTS.id))
        .onDelete(CASCADE);
    foreignKey(java.util.List.of(teamId, taskId), () -> java.util.List.of(Tasks.TASKS.teamId, Tasks.TASKS.id))
        .onDelete(CASCADE);
    // a comment is written by the caller, not in someone else's name
    policy("author_is_caller").forCommand(PolicyModel.Command.INSERT).restrictive()
        .withCheck("author_id = CAST(sluice.current_user_id() AS uuid)");
    index().on(projectId, createdAt);
    index().on(taskId, createdAt);
    index().on(authorId);
  }
}
