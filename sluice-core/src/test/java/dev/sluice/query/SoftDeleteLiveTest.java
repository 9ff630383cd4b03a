package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.SchemaDefinitionException;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class SoftDeleteLiveTest {
  static final class Projects extends Table<Projects> {
    static final Projects PROJECTS = new Projects();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> slug = text("slug").notNull();
    final Column<OffsetDateTime> updatedAt = updatedAt();
    final Column<OffsetDateTime> deletedAt = deletedAt();

    private Projects() {
      super("projects");
      uniqueWhileLive(slug);
    }
  }

  static final class Tasks extends Table<Tasks> {
    static final Tasks TASKS = new Tasks();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> projectId = integer("project_id").notNull();
    final Column<String> title = text("title").notNull();
    final Column<OffsetDateTime> removedAt = timestamptz("removed_at");

    private Tasks() {
      super("tasks");
      softDelete(removedAt);
    }
  }

  static final class Plain extends Table<Plain> {
    static final Plain PLAIN = new Plain();
    final Column<Integer> id = integer("id").primaryKey();

    private Plain() {
      super("plain");
    }
  }

  static Database db;
  static PgTestContext ctx;
  static final Projects P = Projects.PROJECTS;
  static final Tasks T = Tasks.TASKS;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create table projects (id int primary key, slug text not null,"
            + " updated_at timestamptz not null default now(), deleted_at timestamptz)",
        "create unique index projects_slug_live_key on projects (slug) where deleted_at is null",
        "create table tasks (id int primary key, project_id int not null, title text not null, removed_at timestamptz)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void seed() {
    ctx.execute("truncate projects, tasks",
        "insert into projects(id, slug, updated_at) values (1, 'alpha', now() - interval '1 day'), (2, 'beta', now() - interval '1 day'),"
            + " (3, 'gamma', now() - interval '1 day')",
        "update projects set deleted_at = now() where id = 3",
        "insert into tasks values (10, 1, 'a1', null), (11, 1, 'a2', now()), (20, 2, 'b1', null), (30, 3, 'c1', null)");
  }

  @Test
  void deleteOfASoftDeleteTableRendersAnUpdateOfTheLiveRows() {
    var r = Dsl.query().deleteFrom(P).where(P.id.eq(1)).render();
    assertThat(r.sql()).isEqualTo(
        "UPDATE projects SET deleted_at = now() WHERE (projects.id = ? AND projects.deleted_at IS NULL)");
    assertThat(r.values()).containsExactly(1);
  }

  @Test
  void deleteMarksTheRowAndLeavesItInTheTable() {
    assertThat(db.deleteFrom(P).where(P.id.eq(1)).execute()).isEqualTo(1);
    assertThat(db.select(P.id).from(P).orderBy(P.id).fetch()).containsExactly(2);
    assertThat(db.select(P.id).from(P).withDeleted().orderBy(P.id).fetch()).containsExactly(1, 2, 3);
    // deleting again does not move deleted_at: the row is no longer live
    assertThat(db.deleteFrom(P).where(P.id.eq(1)).execute()).isZero();
  }

  @Test
  void deleteReturningReturnsTheSoftDeletedRow() {
    Integer id = db.deleteFrom(T).where(T.title.eq("b1")).returning(T.id).fetchOne();
    assertThat(id).isEqualTo(20);
    assertThat(db.select(T.removedAt).from(T).withDeleted().where(T.id.eq(20)).fetchOne()).isNotNull();
  }

  @Test
  void hardDeleteRemovesRowsForRealIncludingSoftDeletedOnes() {
    assertThat(db.hardDelete(P).where(P.id.in(java.util.List.of(2, 3))).execute()).isEqualTo(2);
    assertThat(db.deleteFrom(T).hardDelete().where(T.id.eq(11)).execute()).isEqualTo(1);
    assertThat(db.select(Dsl.count()).from(P).withDeleted().fetchOne()).isEqualTo(1L);
    assertThat(Dsl.query().hardDelete(P).where(P.id.eq(1)).render().sql())
        .isEqualTo("DELETE FROM projects WHERE projects.id = ?");
  }

  @Test
  void selectFromAddsTheLiveConditionToWhere() {
    var r = Dsl.query().select(P.id).from(P).where(P.slug.eq("x")).render();
    assertThat(r.sql()).isEqualTo("SELECT projects.id FROM projects WHERE (projects.slug = ?"
        + " AND projects.deleted_at IS NULL)");
    assertThat(Dsl.query().select(P.id).from(P).withDeleted().render().sql())
        .isEqualTo("SELECT projects.id FROM projects");
  }

  @Test
  void leftJoinFiltersTheJoinedTableInItsOnClauseSoOuterRowsSurvive() {
    var q = db.select(P.slug, T.title).from(P).leftJoin(T, T.projectId.eq(P.id)).orderBy(P.slug, T.title);
    assertThat(q.render().sql()).contains("LEFT JOIN tasks ON (tasks.project_id = projects.id"
        + " AND tasks.removed_at IS NULL) WHERE projects.deleted_at IS NULL");
    assertThat(q.fetch((s, t) -> s + ":" + t)).containsExactly("alpha:a1", "beta:b1");
    // beta's only task deleted: beta stays, with no task
    db.deleteFrom(T).where(T.id.eq(20)).execute();
    assertThat(db.select(P.slug, T.title).from(P).leftJoin(T, T.projectId.eq(P.id)).orderBy(P.slug, T.title)
        .fetch((s, t) -> s + ":" + t)).containsExactly("alpha:a1", "beta:null");
  }

  @Test
  void innerJoinAndAliasesUseTheAliasInTheLiveCondition() {
    Tasks t2 = T.as("t2");
    var q = db.select(P.slug, t2.title).from(P).join(t2, t2.projectId.eq(P.id));
    assertThat(q.render().sql()).contains("t2.removed_at IS NULL");
    assertThat(q.fetch((s, t) -> s + ":" + t)).containsExactlyInAnyOrder("alpha:a1", "beta:b1");
  }

  @Test
  void rightAndFullJoinsReadSoftDeleteTablesThroughALiveSubquery() {
    var q = db.select(P.slug, T.title).from(T).rightJoin(P, T.projectId.eq(P.id)).orderBy(P.slug, T.title);
    assertThat(q.render().sql()).isEqualTo("SELECT projects.slug, tasks.title FROM"
        + " (SELECT * FROM tasks WHERE tasks.removed_at IS NULL) AS tasks RIGHT JOIN"
        + " (SELECT * FROM projects WHERE projects.deleted_at IS NULL) AS projects"
        + " ON tasks.project_id = projects.id ORDER BY projects.slug, tasks.title");
    assertThat(q.fetch((s, t) -> s + ":" + t)).containsExactly("alpha:a1", "beta:b1");
    assertThat(db.select(Dsl.count()).from(T).fullJoin(P, T.projectId.eq(P.id)).fetchOne()).isEqualTo(3L);
  }

  @Test
  void subqueriesExcludeDeletedRowsToo() {
    var live = Dsl.select(T.projectId).from(T);
    assertThat(db.select(P.slug).from(P).withDeleted().where(P.id.in(live)).orderBy(P.slug).fetch())
        .containsExactly("alpha", "beta", "gamma");
    db.deleteFrom(T).where(T.projectId.eq(3)).execute();
    assertThat(db.select(P.slug).from(P).withDeleted().where(P.id.in(Dsl.select(T.projectId).from(T)))
        .orderBy(P.slug).fetch()).containsExactly("alpha", "beta");
  }

  @Test
  void updateTouchesOnlyLiveRowsUnlessWithDeletedAndSetsUpdatedAt() {
    assertThat(db.update(P).set(P.slug, Dsl.field(dev.sluice.types.PgTypes.TEXT, "slug || {}", "-x")).all().execute()).isEqualTo(2);
    assertThat(db.select(P.slug).from(P).withDeleted().where(P.id.eq(3)).fetchOne()).isEqualTo("gamma");
    assertThat(db.select(P.slug).from(P).orderBy(P.slug).fetch()).containsExactly("alpha-x", "beta-x");
    assertThat(db.select(Dsl.count()).from(P).where(P.updatedAt.gt(OffsetDateTime.now().minusHours(1))).fetchOne())
        .isEqualTo(2L);
    // restore
    assertThat(db.update(P).withDeleted().setNull(P.deletedAt).where(P.id.eq(3)).execute()).isEqualTo(1);
    assertThat(db.select(Dsl.count()).from(P).fetchOne()).isEqualTo(3L);
  }

  @Test
  void uniqueWhileLiveDeclaresAPartialUniqueIndexAndAllowsReuseAfterDelete() {
    IndexModel idx = P.toModel().indexes().get(0);
    assertThat(idx.name()).isEqualTo("projects_slug_live_key");
    assertThat(idx.unique()).isTrue();
    assertThat(idx.where()).isEqualTo("deleted_at IS NULL");
    assertThatThrownBy(() -> db.insertInto(P).set(P.id, 4).set(P.slug, "alpha").execute())
        .isInstanceOf(DataAccessException.class);
    db.deleteFrom(P).where(P.slug.eq("alpha")).execute();
    assertThat(db.insertInto(P).set(P.id, 4).set(P.slug, "alpha").execute()).isEqualTo(1);
  }

  @Test
  void softDeleteConditionIsTheHookForOtherQueryBuilders() {
    assertThat(P.softDeleteCondition()).isNotNull();
    assertThat(P.softDeleteColumn()).isSameAs(P.deletedAt);
    assertThat(Plain.PLAIN.softDeleteCondition()).isNull();
    assertThat(Dsl.query().deleteFrom(Plain.PLAIN).all().render().sql()).isEqualTo("DELETE FROM plain");
  }

  static final class BadNotNull extends Table<BadNotNull> {
    final Column<OffsetDateTime> d = timestamptz("d").notNull();

    BadNotNull() {
      super("bad");
      softDelete(d);
    }
  }

  static final class BadType extends Table<BadType> {
    final Column<String> d = text("d");

    BadType() {
      super(Namespace.PUBLIC, "bad2");
      softDelete(d);
    }
  }

  @Test
  void softDeleteRejectsNotNullAndNonTimestampColumns() {
    assertThatThrownBy(BadNotNull::new).isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("nullable");
    assertThatThrownBy(BadType::new).isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("timestamptz");
  }
}
