package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Window functions, recursive CTEs and the other SELECT clauses on real rows. */
@PgTest
class WindowAndCteLiveTest {
  static final class Scores extends Table<Scores> {
    static final Scores SCORES = new Scores();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> team = text("team").notNull();
    final Column<Integer> points = integer("points").notNull();
    final Column<Integer> bonus = integer("bonus");

    Scores() {
      super("scores");
    }
  }

  static final class Nodes extends Table<Nodes> {
    static final Nodes NODES = new Nodes();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> parentId = integer("parent_id");
    final Column<String> name = text("name").notNull();

    Nodes() {
      super("nodes");
    }
  }

  static final Scores S = Scores.SCORES;
  static final Nodes N = Nodes.NODES;
  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table scores (id integer primary key, team text not null, points integer not null, bonus integer)",
        "insert into scores values (1, 'red', 10, 1), (2, 'red', 30, null), (3, 'red', 20, 3), (4, 'blue', 5, 2), (5, 'blue', 5, null)",
        "create table nodes (id integer primary key, parent_id integer references nodes, name text not null)",
        "insert into nodes values (1, null, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x')");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void rankingFunctionsNumberRowsPerPartition() {
    WindowSpec byPoints = WindowSpec.partitionBy(S.team).orderBy(S.points.desc(), S.id);
    WindowSpec byPointsNoTieBreak = WindowSpec.partitionBy(S.team).orderBy(S.points.desc());
    List<List<Object>> rows = db.select(S.id, Windows.rowNumber().over(byPoints), Windows.rank().over(byPointsNoTieBreak),
            Windows.denseRank().over(byPointsNoTieBreak), Windows.ntile(2).over(WindowSpec.ordered(S.id)),
            Windows.percentRank().over(WindowSpec.ordered(S.points)))
        .from(S).orderBy(S.id).fetch((id, rn, rank, dense, tile, pct) -> List.of(id, rn, rank, dense, tile, pct));
    assertThat(rows).containsExactly(
        List.of(1, 3L, 3L, 3L, 1, 0.5),
        List.of(2, 1L, 1L, 1L, 1, 1.0),
        List.of(3, 2L, 2L, 2L, 1, 0.75),
        List.of(4, 1L, 1L, 1L, 2, 0.0),
        List.of(5, 2L, 1L, 1L, 2, 0.0));
  }

  @Test
  void offsetAndValueFunctionsWithDefaultsAndFrames() {
    WindowSpec byId = WindowSpec.partitionBy(S.team).orderBy(S.id);
    WindowSpec whole = WindowSpec.partitionBy(S.team).orderBy(S.points.desc())
        .rowsBetween("UNBOUNDED PRECEDING", "UNBOUNDED FOLLOWING");
    List<List<Object>> rows = db.select(S.id, Windows.lag(S.points, 1, 0).over(byId), Windows.lead(S.points).over(byId),
            Windows.firstValue(S.points).over(whole), Windows.lastValue(S.points).over(whole))
        .from(S).orderBy(S.id).fetch((id, lag, lead, first, last) -> Arrays.asList(id, lag, lead, first, last));
    assertThat(rows).containsExactly(
        Arrays.asList(1, 0, 30, 30, 10),
        Arrays.asList(2, 10, 20, 30, 10),
        Arrays.asList(3, 30, null, 30, 10),
        Arrays.asList(4, 0, 5, 5, 5),
        Arrays.asList(5, 5, null, 5, 5));
  }

  @Test
  void aggregatesOverWindowsAndNamedWindows() {
    List<List<Object>> rows = db.select(S.id,
            Aggregates.sum(S.points).over(WindowSpec.ordered(S.id).rowsBetween("UNBOUNDED PRECEDING", "CURRENT ROW")),
            Aggregates.count().over("t"), Aggregates.count().filter(S.points.gt(5)).over("t"))
        .from(S).window("t", WindowSpec.partitionBy(S.team)).orderBy(S.id)
        .fetch((id, running, perTeam, big) -> List.of(id, running.intValue(), perTeam, big));
    assertThat(rows).containsExactly(List.of(1, 10, 3L, 3L), List.of(2, 40, 3L, 3L), List.of(3, 60, 3L, 3L),
        List.of(4, 65, 2L, 0L), List.of(5, 70, 2L, 0L));
  }

  @Test
  void recursiveCteWalksTheTree() {
    Cte tree = Cte.name("tree");
    Field<Integer> depth = Dsl.val(0).as("depth");
    Field<String> path = Functions.concat(N.name).as("path");
    tree.as(Dsl.query().select(N.id, N.name, depth, path).from(N).where(N.parentId.isNull())
        .unionAll(Dsl.query().select(N.id, N.name, tree.field(depth).plus(1), Functions.concat(tree.field(path), Dsl.val("/"), N.name))
            .from(N).join(tree, N.parentId.eq(tree.field(N.id)))));
    List<String> walk = db.withRecursive(tree).select(tree.field(N.name), tree.field(depth)).from(tree)
        .orderBy(tree.field(path)).fetch((name, d) -> name + "@" + d);
    assertThat(walk).containsExactly("root@0", "a@1", "a1@2", "a1x@3", "b@1");
  }

  @Test
  void setOperationsKeepEachBranchesOrderAndLimit() {
    var topRed = db.select(S.id).from(S).where(S.team.eq("red")).orderBy(S.points.desc()).limit(1);
    var firstBlue = db.select(S.id).from(S).where(S.team.eq("blue")).orderBy(S.id).limit(1);
    assertThat(topRed.unionAll(firstBlue).fetch()).containsExactlyInAnyOrder(2, 4);
    assertThat(db.select(S.id).from(S).where(S.points.ge(10))
        .intersect(db.select(S.id).from(S).where(S.bonus.isNotNull())).fetch()).containsExactlyInAnyOrder(1, 3);
    assertThat(db.select(S.id).from(S).except(db.select(S.id).from(S).where(S.team.eq("red"))).fetch())
        .containsExactlyInAnyOrder(4, 5);
    assertThat(db.select(S.team).from(S).union(db.select(S.team).from(S)).fetch()).containsExactlyInAnyOrder("red", "blue");
  }

  @Test
  void distinctOnGroupByHavingAndNullOrdering() {
    assertThat(db.select(S.team, S.id).from(S).distinctOn(S.team).orderBy(S.team, S.points.desc(), S.id)
        .fetch((t, id) -> t + id)).containsExactly("blue4", "red2");
    assertThat(db.select(S.team, Dsl.sum(S.points)).from(S).groupBy(S.team).having(Dsl.count().gt(2L))
        .fetch((t, sum) -> t + sum)).containsExactly("red60");
    assertThat(db.select(S.id).from(S).orderBy(S.bonus.asc().nullsFirst(), S.id).fetch()).containsExactly(2, 5, 1, 4, 3);
    assertThat(db.select(S.id).from(S).orderBy(S.bonus.desc().nullsLast(), S.id).fetch()).containsExactly(3, 4, 1, 2, 5);
  }

  @Test
  void joinsSelfJoinsLateralDerivedTablesAndSubqueries() {
    Nodes child = N.as("child");
    assertThat(db.select(N.name, child.name).from(N).join(child, child.parentId.eq(N.id)).orderBy(child.id)
        .fetch((p, c) -> p + ">" + c)).containsExactly("root>a", "root>b", "a>a1", "a1>a1x");
    assertThat(db.select(N.name).from(N).leftJoin(child, child.parentId.eq(N.id)).where(child.id.isNull()).orderBy(N.name).fetch())
        .containsExactly("a1x", "b");
    assertThat(db.select(N.id).from(N).rightJoin(child, child.parentId.eq(N.id)).orderBy(child.id).fetch())
        .containsExactly(null, 1, 1, 2, 4);
    assertThat(db.select(Dsl.count()).from(N).fullJoin(child, child.parentId.eq(N.id)).fetchOne()).isEqualTo(7L);
    assertThat(db.select(Dsl.count()).from(N).crossJoin(child).fetchOne()).isEqualTo(25L);

    Field<Long> kids = Dsl.count().as("kids");
    DerivedTable counts = Dsl.query().select(kids).from(child).where(child.parentId.eq(N.id)).asTable("k");
    assertThat(db.select(N.name, counts.field(kids)).from(N).crossJoinLateral(counts).orderBy(N.id)
        .fetch((n, k) -> n + k)).containsExactly("root2", "a1", "b0", "a11", "a1x0");

    Field<Long> childCount = Dsl.select(Dsl.count()).from(child).where(child.parentId.eq(N.id)).field();
    assertThat(db.select(N.name, childCount).from(N).where(Dsl.exists(Dsl.select(child.id).from(child).where(child.parentId.eq(N.id))))
        .where(N.id.in(Dsl.select(child.parentId).from(child).where(child.name.like("a%"))))
        .orderBy(N.id).fetch((n, c) -> n + c)).containsExactly("root2", "a1", "a11");

    DerivedTable big = db.select(S.team, Dsl.sum(S.points).as("total")).from(S).groupBy(S.team).asTable("t");
    assertThat(db.select(big.field(S.team)).from(big).where(big.field(Dsl.sum(S.points).as("total")).gt(BigDecimal.TEN)).fetch())
        .containsExactly("red");
  }

  @Test
  void forUpdateSkipLockedAndNowaitSeeOtherTransactionsLocks() {
    db.transaction(tx -> {
      assertThat(tx.select(S.id).from(S).where(S.id.eq(1)).forUpdate().of(S).fetch()).containsExactly(1);
      // another pooled connection: the locked row is skipped, or the lock attempt fails at once
      assertThat(db.select(S.id).from(S).where(S.team.eq("red")).orderBy(S.id).forUpdate().skipLocked().fetch())
          .containsExactly(2, 3);
      assertThatThrownBy(() -> db.select(S.id).from(S).where(S.id.eq(1)).forUpdate().noWait().fetch())
          .isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("55P03"));
      return null;
    });
  }
}
