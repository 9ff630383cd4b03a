package dev.sluice.examples.demo;

import static dev.sluice.examples.saas.Projects.PROJECTS;
import static dev.sluice.examples.saas.TeamMembers.TEAM_MEMBERS;
import static dev.sluice.examples.saas.Teams.TEAMS;
import static dev.sluice.examples.saas.Users.USERS;

import dev.sluice.examples.saas.MemberRole;
import dev.sluice.examples.saas.TeamType;
import dev.sluice.query.AggregateFunction;
import dev.sluice.query.Cte;
import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.query.FullText;
import dev.sluice.query.Functions;
import dev.sluice.query.KeysetPage;
import dev.sluice.query.Pagination;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.TenantContext;
import dev.sluice.runtime.TenantScope;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Rendered;
import dev.sluice.types.PgTypes;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo's tour of the SaaS app: seven typed and relational queries, each printed with its SQL
 * (values always bound: they are listed apart), its time and a few result rows. The code here is
 * meant to be read next to the output.
 */
public final class SaasTour {
  private final Database db;
  private final Database app;
  private final PrintWriter out;
  private int step;

  /** The tour on {@code db} for everything, row-level security included (for an app login that is not the owner). */
  public SaasTour(Database db, PrintWriter out) {
    this(db, db, out);
  }

  /**
   * The tour reading as the owner on {@code db} (an overview of every team) and acting as a tenant on
   * {@code app}, the database logged in as the application's authenticator role.
   */
  public SaasTour(Database db, Database app, PrintWriter out) {
    this.db = db;
    this.app = app;
    this.out = out;
  }

  public record TeamRow(String name, TeamType type, OffsetDateTime createdAt) {}
  public record UserView(String name, String email) {}
  public record MemberView(MemberRole role, UserView user) {}
  public record ProjectView(String name) {}
  public record TeamView(String name, List<MemberView> members, List<ProjectView> projects) {}
  public record UserRow(String name, String email, UUID id) {}

  /** Runs every query of the tour; returns how many there were. */
  public int run() {
    var since = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    var teams = db.select(TEAMS.name, TEAMS.type, TEAMS.createdAt).from(TEAMS)
        .where(TEAMS.type.eq(TeamType.WORKSPACE).and(TEAMS.createdAt.ge(since)))
        .orderBy(TEAMS.createdAt.desc()).limit(3);
    show("Typed select: the newest workspaces", teams, () -> teams.fetch(TeamRow::new));

    AggregateFunction<Long> live = Dsl.count();
    var busiest = db.select(TEAMS.name, live).from(PROJECTS).join(TEAMS, PROJECTS.teamId.eq(TEAMS.id))
        .groupBy(TEAMS.name).orderBy(live.desc(), TEAMS.name.asc()).limit(3);
    show("Join + group by: teams with the most live projects (soft-deleted rows skipped)", busiest,
        () -> busiest.fetch((name, n) -> name + ": " + n + " projects"));

    var nested = db.query(TEAMS)
        .with(TEAMS.members, m -> m.with(TEAM_MEMBERS.user).orderBy(TEAM_MEMBERS.joinedAt.asc()).limit(2))
        .with(TEAMS.projects, p -> p.orderBy(PROJECTS.name.asc()).limit(2))
        .where(TEAMS.type.eq(TeamType.WORKSPACE)).orderBy(TEAMS.name.asc()).limit(2);
    show("Relational query, 3 levels: teams -> members -> user, and projects, in ONE statement", nested,
        () -> nested.findMany(TeamView.class));

    UUID folder = db.select(PROJECTS.parentId).from(PROJECTS).where(PROJECTS.parentId.isNotNull())
        .orderBy(PROJECTS.createdAt.asc()).limit(1).fetchOne();
    Cte tree = Cte.name("tree");
    Field<Integer> depth = Dsl.val(0).as("depth");
    Field<String> path = Functions.concat(PROJECTS.name).as("path");
    tree.as(Dsl.query().select(PROJECTS.id, PROJECTS.name, depth, path).from(PROJECTS).where(PROJECTS.id.eq(folder))
        .unionAll(Dsl.query().select(PROJECTS.id, PROJECTS.name, tree.field(depth).plus(1),
                Functions.concat(tree.field(path), Dsl.val(" / "), PROJECTS.name))
            .from(PROJECTS).join(tree, PROJECTS.parentId.eq(tree.field(PROJECTS.id)))));
    var walk = db.withRecursive(tree).select(tree.field(path), tree.field(depth)).from(tree)
        .orderBy(tree.field(path).asc()).limit(5);
    show("WITH RECURSIVE: a folder and its nested sub-projects", walk, () -> walk.fetch((p, d) -> "  ".repeat(d) + p));

    var query = FullText.websearchToTsquery("english", "billing webhook");
    Field<Float> rank = FullText.rank(PROJECTS.searchVector, query);
    Field<String> snippet = FullText.headline("english", PROJECTS.description, query,
        "StartSel=[, StopSel=], MaxWords=8, MinWords=3");
    var search = db.select(PROJECTS.name, rank, snippet).from(PROJECTS).where(FullText.match(PROJECTS.searchVector, query))
        .orderBy(rank.desc(), PROJECTS.name.asc()).limit(3);
    show("Full-text search on the generated tsvector (GIN index): \"billing webhook\"", search,
        () -> search.fetch((n, r, h) -> String.format("%.3f  %s: ...%s...", r, n, h)));

    var member = db.select(TEAM_MEMBERS.teamId, TEAM_MEMBERS.userId).from(TEAM_MEMBERS)
        .join(TEAMS, TEAM_MEMBERS.teamId.eq(TEAMS.id)).where(TEAMS.type.eq(TeamType.WORKSPACE))
        .orderBy(TEAMS.name.asc(), TEAM_MEMBERS.userId.asc()).limit(1).fetchOne((t, u) -> new UUID[] {t, u});
    long everyone = db.select(Dsl.count()).from(PROJECTS).fetchOne();
    TenantScope asMember = app.as(TenantContext.builder().userId(member[1]).tenantId(member[0]).build());
    var mine = asMember.select(Dsl.count(), Dsl.rawField(PgTypes.BIGINT, "count(DISTINCT team_id)"))
        .from(PROJECTS);
    show("Row-level security: db.as(user of one team) sees only that team's projects (of " + everyone + " live)",
        mine, () -> mine.fetch((n, t) -> n + " projects visible, from " + t + " team(s)"));

    var byName = db.select(USERS.name, USERS.email, USERS.id).from(USERS);
    var pages = Pagination.keyset(byName, USERS.name.asc(), USERS.id.asc()).limit(3);
    KeysetPage<UserRow> first = pages.fetchInto(UserRow.class);
    var second = Pagination.keyset(byName, USERS.name.asc(), USERS.id.asc()).limit(3).after(first.nextCursor());
    show("Keyset pagination: page 2 of users by name (cursor from page 1, no OFFSET)", second::render,
        () -> second.fetchInto(UserRow.class).items());
    return step;
  }

  private <R> void show(String title, QueryPart query, Supplier<List<R>> run) {
    show(title, query::render, run);
  }

  private <R> void show(String title, Supplier<Rendered> sql, Supplier<List<R>> run) {
    step++;
    Rendered r = sql.get();
    long start = System.nanoTime();
    List<R> rows = run.get();
    double ms = (System.nanoTime() - start) / 1e6;
    out.println();
    out.println(step + ". " + title);
    out.println("   sql:   " + r.sql());
    if (!r.values().isEmpty()) out.println("   binds: " + r.values());
    out.printf("   %.1f ms, %d row(s)%n", ms, rows.size());
    for (R row : rows.subList(0, Math.min(3, rows.size()))) out.println("   -> " + row);
    out.flush();
  }
}
