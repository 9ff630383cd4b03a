package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;
import static dev.sluice.schema.model.ForeignKeyModel.Action.SET_NULL;

import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Work items of a project. Carries its team id (denormalised) so RLS needs no join, and references its
 * project by {@code (team_id, project_id)} so it cannot point at another team's project.
 */
public final class Tasks extends Table<Tasks> {
  public static final Tasks TASKS = new Tasks();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id, CASCADE);
  public final Column<UUID> projectId = uuid("project_id").notNull();   // composite FK (team_id, project_id)
  public final Column<UUID> assigneeId = uuid("assignee_id").references(() -> Users.USERS.id, SET_NULL);
  public final Column<String> title = text("title").notNull();
  public final Column<TaskStatus> status = column("status", SaasNames.TASK_STATUS).notNull().defaultValue(TaskStatus.TODO);
  public final Column<LocalDate> dueOn = date("due_on");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
  public final Column<OffsetDateTime> updatedAt = updatedAt();

  public final Relation<Projects> project = one(() -> Projects.PROJECTS, projectId, p -> p.id);
  public final Relation<Users> assignee = one(() -> Users.USERS, assigneeId);
  public final Relation<Comments> comments = many(() -> Comments.COMMENTS, id, c -> c.taskId);

  private Tasks() {
    super(NS, "tasks");
    tenantColumn(teamId);
    addPolicy(Policies.membership(teamId, TeamMembers.TEAM_MEMBERS, TeamMembers.TEAM_MEMBERS.teamId,
        TeamMembers.TEAM_MEMBERS.userId).restrictive());
    // a task can only belong to a project of its own team, and is the target of (team_id, task_id)
    unique(teamId, id);
    foreignKey(java.util.List.of(teamId, projectId), () -> java.util.List.of(Projects.PROJECTS.teamId, Projects.PROJECTS.id))
        .onDelete(CASCADE);
    index().on(projectId).include(status);   // covering: a project's task counts by status from the index
    index().on(assigneeId);
  }
}
