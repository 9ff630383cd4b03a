package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.Accounts.ACCOUNTS;
import static dev.sluice.examples.saas.Comments.COMMENTS;
import static dev.sluice.examples.saas.Notifications.NOTIFICATIONS;
import static dev.sluice.examples.saas.Projects.PROJECTS;
import static dev.sluice.examples.saas.Tasks.TASKS;
import static dev.sluice.examples.saas.TeamMembers.TEAM_MEMBERS;
import static dev.sluice.examples.saas.Teams.TEAMS;
import static dev.sluice.examples.saas.Users.USERS;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.activity.ActivityLog;
import dev.sluice.kit.seed.Gen;
import dev.sluice.kit.seed.Progress;
import dev.sluice.kit.seed.Seeder;
import dev.sluice.kit.seed.Weighted;
import dev.sluice.runtime.Database;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Realistic, deterministic data for the SaaS app: at scale 1 about 2,000 users, 300 teams, 6,000
 * projects nested up to a few levels, 12,000 tasks, 20,000 comments, 8,000 notifications and
 * 10,000 activity entries. Same seed, same rows (ids included). Runs as the migration owner, so RLS
 * does not filter the load.
 */
public final class SaasSeeder {
  private SaasSeeder() {}

  /** All seeded times fall in this window (inside the activity log's partitions). */
  public static final OffsetDateTime FROM = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  public static final OffsetDateTime TO = OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  record User(UUID id, String email, String name, OffsetDateTime createdAt) {}
  record Team(UUID id, String name, String slug, TeamType type, OffsetDateTime createdAt) {}
  record Member(UUID teamId, UUID userId, MemberRole role, OffsetDateTime joinedAt) {}
  record Project(UUID id, UUID teamId, UUID parentId, String name, String slug, String description, ObjectNode metadata,
      String[] tags, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt) {}
  record Task(UUID id, UUID teamId, UUID projectId, UUID assigneeId, String title, TaskStatus status, LocalDate dueOn,
      OffsetDateTime createdAt) {}

  /** Seeds with progress on stderr. */
  public static Seeder seed(Database db, long seed, int scale) {
    return seed(db, seed, scale, Progress.stderr());
  }

  public static Seeder seed(Database db, long seed, double scale, Progress progress) {
    Seeder s = Seeder.of(db, seed).scale(scale).progress(progress);

    List<User> users = s.seed(USERS, s.count(2000), (g, i) -> {
      String first = g.firstName();
      String last = g.lastName();
      return new User(g.uuid(), g.email(first, last, i), first + " " + last, g.timestamp(FROM, TO));
    }, (row, u) -> row.set(USERS.id, u.id()).set(USERS.email, u.email()).set(USERS.name, u.name())
        .set(USERS.createdAt, u.createdAt()).set(USERS.updatedAt, u.createdAt()));

    Gen ag = s.gen(ACCOUNTS.name());
    record Account(UUID id, UUID userId, String provider, String providerId, OffsetDateTime at) {}
    List<Account> accounts = new ArrayList<>();
    Weighted<String> providers = Weighted.of("password", 50).or("github", 30).or("google", 20);
    for (User u : users) {
      Set<String> mine = new LinkedHashSet<>();
      int n = ag.chance(0.3) ? 2 : 1;
      while (mine.size() < n) mine.add(ag.weighted(providers));
      for (String p : mine) accounts.add(new Account(ag.uuid(), u.id(), p, p + "|" + Long.toHexString(ag.random().nextLong()), u.createdAt()));
    }
    s.load(ACCOUNTS, accounts, (row, a) -> row.set(ACCOUNTS.id, a.id()).set(ACCOUNTS.userId, a.userId())
        .set(ACCOUNTS.provider, a.provider()).set(ACCOUNTS.providerAccountId, a.providerId()).set(ACCOUNTS.createdAt, a.at()));

    List<Team> teams = s.seed(TEAMS, s.count(300), (g, i) -> {
      TeamType type = g.chance(0.2) ? TeamType.PERSONAL : TeamType.WORKSPACE;
      String name = type == TeamType.PERSONAL ? g.fullName() + "'s team" : g.companyName();
      return new Team(g.uuid(), name, Gen.slug(name, i), type, g.timestamp(FROM, TO));
    }, (row, t) -> row.set(TEAMS.id, t.id()).set(TEAMS.name, t.name()).set(TEAMS.slug, t.slug()).set(TEAMS.type, t.type())
        .set(TEAMS.createdAt, t.createdAt()).set(TEAMS.updatedAt, t.createdAt()));

    Gen mg = s.gen(TEAM_MEMBERS.name());
    Weighted<MemberRole> roles = Weighted.of(MemberRole.MEMBER, 80).or(MemberRole.ADMIN, 20);
    List<Member> members = new ArrayList<>();
    Map<UUID, List<UUID>> membersOf = new HashMap<>();
    for (Team t : teams) {
      int n = t.type() == TeamType.PERSONAL ? 1 : mg.intBetween(3, 25);
      Set<UUID> picked = new LinkedHashSet<>();
      while (picked.size() < Math.min(n, users.size())) picked.add(mg.pickSkewed(users, 1.5).id());
      boolean first = true;
      for (UUID u : picked) {
        members.add(new Member(t.id(), u, first ? MemberRole.OWNER : mg.weighted(roles), mg.timestampAfter(t.createdAt(), TO)));
        first = false;
      }
      membersOf.put(t.id(), new ArrayList<>(picked));
    }
    s.load(TEAM_MEMBERS, members, (row, m) -> row.set(TEAM_MEMBERS.teamId, m.teamId()).set(TEAM_MEMBERS.userId, m.userId())
        .set(TEAM_MEMBERS.role, m.role()).set(TEAM_MEMBERS.joinedAt, m.joinedAt()));

    Map<UUID, List<Project>> projectsOf = new HashMap<>();
    List<Project> projects = s.seed(PROJECTS, s.count(6000), (g, i) -> {
      Team t = g.pickSkewed(teams, 1.3);
      List<Project> siblings = projectsOf.computeIfAbsent(t.id(), k -> new ArrayList<>());
      Project parent = siblings.isEmpty() || g.chance(0.35) ? null : g.pick(siblings);
      String name = g.chance(0.5) ? capitalise(g.word()) + " " + g.word() : g.companyName() + " " + g.word();
      ObjectNode meta = JsonNodeFactory.instance.objectNode()
          .put("priority", g.pick("low", "medium", "high", "urgent"))
          .put("color", g.pick("red", "orange", "green", "blue", "purple"))
          .put("estimate_days", g.intBetween(1, 60));
      OffsetDateTime created = g.timestampAfter(parent == null ? t.createdAt() : parent.createdAt(), TO);
      OffsetDateTime updated = g.timestampAfter(created, TO);
      Project p = new Project(g.uuid(), t.id(), parent == null ? null : parent.id(), name, Gen.slug(name, i),
          g.paragraph(g.intBetween(1, 3)), meta, g.distinctWords(g.intBetween(0, 4)).toArray(String[]::new),
          created, updated, g.chance(0.05) ? updated : null);
      siblings.add(p);
      return p;
    }, (row, p) -> row.set(PROJECTS.id, p.id()).set(PROJECTS.teamId, p.teamId()).set(PROJECTS.parentId, p.parentId())
        .set(PROJECTS.name, p.name()).set(PROJECTS.slug, p.slug()).set(PROJECTS.description, p.description())
        .set(PROJECTS.metadata, p.metadata()).set(PROJECTS.tags, p.tags()).set(PROJECTS.createdAt, p.createdAt())
        .set(PROJECTS.updatedAt, p.updatedAt()).set(PROJECTS.deletedAt, p.deletedAt()));

    Weighted<TaskStatus> statuses = Weighted.of(TaskStatus.DONE, 50).or(TaskStatus.TODO, 30).or(TaskStatus.DOING, 20);
    List<Task> tasks = s.seed(TASKS, s.count(12000), (g, i) -> {
      Project p = g.pick(projects);
      UUID assignee = g.chance(0.8) ? g.pick(membersOf.get(p.teamId())) : null;
      OffsetDateTime created = g.timestampAfter(p.createdAt(), TO);
      return new Task(g.uuid(), p.teamId(), p.id(), assignee, g.title(), g.weighted(statuses),
          g.chance(0.6) ? created.toLocalDate().plusDays(g.intBetween(1, 90)) : null, created);
    }, (row, t) -> row.set(TASKS.id, t.id()).set(TASKS.teamId, t.teamId()).set(TASKS.projectId, t.projectId())
        .set(TASKS.assigneeId, t.assigneeId()).set(TASKS.title, t.title()).set(TASKS.status, t.status())
        .set(TASKS.dueOn, t.dueOn()).set(TASKS.createdAt, t.createdAt()).set(TASKS.updatedAt, t.createdAt()));

    record Comment(UUID id, UUID teamId, UUID authorId, UUID projectId, UUID taskId, String body, OffsetDateTime at) {}
    s.seed(COMMENTS, s.count(20000), (g, i) -> {
      if (g.chance(0.5)) {
        Project p = g.pickSkewed(projects, 2);
        return new Comment(g.uuid(), p.teamId(), g.pickSkewed(membersOf.get(p.teamId()), 2), p.id(), null,
            g.sentence(4, 20), g.timestampAfter(p.createdAt(), TO));
      }
      Task t = g.pickSkewed(tasks, 2);
      return new Comment(g.uuid(), t.teamId(), g.pickSkewed(membersOf.get(t.teamId()), 2), null, t.id(),
          g.sentence(4, 20), g.timestampAfter(t.createdAt(), TO));
    }, (row, c) -> row.set(COMMENTS.id, c.id()).set(COMMENTS.teamId, c.teamId()).set(COMMENTS.authorId, c.authorId())
        .set(COMMENTS.projectId, c.projectId()).set(COMMENTS.taskId, c.taskId()).set(COMMENTS.body, c.body())
        .set(COMMENTS.createdAt, c.at()));

    record Note(UUID id, UUID userId, UUID teamId, NotificationChannel channel, NotificationType type, String title,
        OffsetDateTime readAt, OffsetDateTime at) {}
    Weighted<NotificationChannel> channels = Weighted.of(NotificationChannel.IN_APP, 60).or(NotificationChannel.EMAIL, 30)
        .or(NotificationChannel.PUSH, 10);
    s.seed(NOTIFICATIONS, s.count(8000), (g, i) -> {
      Member m = g.pick(members);
      NotificationType type = g.pick(NotificationType.class);
      OffsetDateTime at = g.timestampAfter(m.joinedAt(), TO);
      return new Note(g.uuid(), m.userId(), m.teamId(), g.weighted(channels), type,
          capitalise(type.label().replace('_', ' ')) + ": " + g.title(), g.chance(0.6) ? g.timestampAfter(at, TO) : null, at);
    }, (row, n) -> row.set(NOTIFICATIONS.id, n.id()).set(NOTIFICATIONS.userId, n.userId()).set(NOTIFICATIONS.teamId, n.teamId())
        .set(NOTIFICATIONS.channel, n.channel()).set(NOTIFICATIONS.type, n.type()).set(NOTIFICATIONS.title, n.title())
        .set(NOTIFICATIONS.readAt, n.readAt()).set(NOTIFICATIONS.createdAt, n.at()));

    ActivityLog log = Saas.ACTIVITY;
    record Entry(UUID id, UUID teamId, UUID userId, String action, String category, String ip, OffsetDateTime at) {}
    s.seed(log, s.count(10000), (g, i) -> {
      Member m = g.pickSkewed(members, 1.5);
      String action = g.pick("project.created", "project.updated", "task.created", "task.completed", "comment.added",
          "member.invited", "user.signed_in");
      return new Entry(g.uuid(), m.teamId(), m.userId(), action, action.substring(0, action.indexOf('.')),
          "10." + g.intBetween(0, 255) + "." + g.intBetween(0, 255) + "." + g.intBetween(1, 254), g.timestampAfter(m.joinedAt(), TO));
    }, (row, e) -> row.set(log.id, e.id()).set(log.teamId, e.teamId()).set(log.userId, e.userId()).set(log.action, e.action())
        .set(log.category, e.category()).set(log.ip, e.ip()).set(log.createdAt, e.at()));
    return s;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
