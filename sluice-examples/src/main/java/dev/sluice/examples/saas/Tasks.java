package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Work items of a project. Carries its team id (denormalised) so RLS needs no join, and references its
 * project by {@code (team_id, project_id)} so it cannot point at another team's project. Its assignee
 * is a membership {@code (team_id, assignee_id)} of {@code app_team_members}, not any user: a task
 * cannot name a non-member, and the foreign key error for a stranger's id is the same whether that
 * user exists or not. Removing the member clears only {@code assignee_id}
 * ({@code ON DELETE SET NULL (assignee_id)}); the task stays in its team.
 */
public final class Tasks extends Table<Tasks> {
  public static final Tasks TASKS = new Tasks();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id, CASCADE);
  public final Column<UUID> projectId = uuid("project_id").notNull();   // composite FK (team_id, project_id)
  public final Column<UUID> assigneeId = uuid("assignee_id");   // composite FK (team_id, assignee_id) to a membership
  public final Column<String> title = text("title").notNull();
  public final Column<TaskStatus> status = column("status", SaasNames.TASK_STATUS).notNull().defaultValue(TaskStatus.TODO);
  public final Column<LocalDate> dueOn = date("due_on");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
  public final Column<OffsetDateTime> updatedAt = updatedAt();

  public final Relation<Projects> project = one(() -> Projects.PROJECTS, projectId, p -> p.id);
  public final Relation<Users> assignee = one(() -> Users.USERS, assigneeId, u -> u.id);
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
    foreignKey(java.util.List.of(teamId, assigneeId),
        () -> java.util.List.of(TeamMembers.TEAM_MEMBERS.teamId, TeamMembers.TEAM_MEMBERS.userId))
        .onDeleteSetNull(assigneeId);
    index().on(projectId).include(status);   // covering: a project's task counts by status from the index
    index().on(assigneeId);
  }
}
