package dev.sluice.query;

import static dev.sluice.query.JsonbRenderTest.assertRendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import org.junit.jupiter.api.Test;

/** Golden SQL for the SELECT clauses: joins, subqueries, CTEs, set operations, locking. */
class SelectClausesRenderTest {
  static final class Nodes extends Table<Nodes> {
    static final Nodes NODES = new Nodes();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> parentId = integer("parent_id");
    final Column<String> name = text("name").notNull();

    Nodes() {
      super("nodes");
    }
  }

  static final Nodes N = Nodes.NODES;

  @Test
  void untypedDslSelectOfSeveralFieldsIsASelectNotAClassCastException() {
    // regression: Dsl.select(SelectItem...) with only fields used to return a typed SelectImpl cast to Select
    Select s = Dsl.select(N.id, N.name, Dsl.count());
    assertRendered(s.from(N).groupBy(N.id, N.name), "SELECT nodes.id, nodes.name, count(*) FROM nodes GROUP BY nodes.id, nodes.name");
  }

  @Test
  void selfJoinThroughAliases() {
    Nodes child = N.as("child");
    assertRendered(Dsl.query().select(N.name, child.name).from(N).leftJoin(child, child.parentId.eq(N.id)),
        "SELECT nodes.name, child.name FROM nodes LEFT JOIN nodes AS child ON child.parent_id = nodes.id");
  }

  @Test
  void everyJoinKind() {
    Nodes b = N.as("b");
    assertRendered(Dsl.query().select(N.id).from(N).join(b, b.id.eq(N.parentId)).rightJoin(N.as("c"), Dsl.trueCondition())
            .fullJoin(N.as("d"), Dsl.falseCondition()).crossJoin(N.as("e")),
        "SELECT nodes.id FROM nodes JOIN nodes AS b ON b.id = nodes.parent_id RIGHT JOIN nodes AS c ON TRUE"
            + " FULL JOIN nodes AS d ON FALSE CROSS JOIN nodes AS e");
  }

  @Test
  void derivedTablesAndLateralJoins() {
    Nodes c = N.as("c");
    Field<Long> kids = Dsl.count().as("kids");
    DerivedTable counts = Dsl.query().select(kids).from(c).where(c.parentId.eq(N.id)).asTable("k");
    assertRendered(Dsl.query().select(N.name, counts.field(kids)).from(N).crossJoinLateral(counts).where(N.id.gt(1)),
        "SELECT nodes.name, k.kids FROM nodes CROSS JOIN LATERAL (SELECT count(*) AS kids FROM nodes AS c"
            + " WHERE c.parent_id = nodes.id) AS k WHERE nodes.id > ?", 1);
  }

  @Test
  void scalarExistsAndInSubqueries() {
    Nodes c = N.as("c");
    Field<Long> childCount = Dsl.select(Dsl.count()).from(c).where(c.parentId.eq(N.id)).field();
    assertRendered(Dsl.query().select(N.name, childCount).from(N)
            .where(Dsl.exists(Dsl.select(c.id).from(c).where(c.parentId.eq(N.id))))
            .where(N.id.in(Dsl.select(c.parentId).from(c).where(c.name.like("x%")))),
        "SELECT nodes.name, (SELECT count(*) FROM nodes AS c WHERE c.parent_id = nodes.id) FROM nodes"
            + " WHERE (EXISTS (SELECT c.id FROM nodes AS c WHERE c.parent_id = nodes.id)"
            + " AND nodes.id IN (SELECT c.parent_id FROM nodes AS c WHERE c.name LIKE ?))", "x%");
  }

  @Test
  void recursiveCteWalksATree() {
    Cte tree = Cte.name("tree");
    Field<Integer> depth = Dsl.val(0).as("depth");
    tree.as(Dsl.query().select(N.id, N.name, depth).from(N).where(N.parentId.isNull())
        .unionAll(Dsl.query().select(N.id, N.name, tree.field(depth).plus(1)).from(N).join(tree, N.parentId.eq(tree.field(N.id)))));
    assertRendered(Dsl.query().withRecursive(tree).select(tree.field(N.name), tree.field(depth)).from(tree).orderBy(tree.field(depth)),
        "WITH RECURSIVE tree AS (SELECT nodes.id, nodes.name, ? AS depth FROM nodes WHERE nodes.parent_id IS NULL"
            + " UNION ALL SELECT nodes.id, nodes.name, (tree.depth + ?) FROM nodes JOIN tree ON nodes.parent_id = tree.id)"
            + " SELECT tree.name, tree.depth FROM tree ORDER BY tree.depth", 0, 1);
  }

  @Test
  void setOperationsParenthesiseBranchesWithOrderOrLimit() {
    var first = Dsl.select(N.id).from(N).orderBy(N.id).limit(2);
    var second = Dsl.select(N.id).from(N).where(N.id.gt(5)).limit(1);
    assertRendered(first.union(second),
        "(SELECT nodes.id FROM nodes ORDER BY nodes.id LIMIT ?) UNION (SELECT nodes.id FROM nodes WHERE nodes.id > ? LIMIT ?)",
        2L, 5, 1L);
    assertRendered(Dsl.select(N.id).from(N).intersect(Dsl.select(N.parentId).from(N)).except(Dsl.select(N.id).from(N).where(N.id.eq(1))),
        "SELECT nodes.id FROM nodes INTERSECT SELECT nodes.parent_id FROM nodes EXCEPT SELECT nodes.id FROM nodes WHERE nodes.id = ?", 1);
  }

  @Test
  void distinctOnGroupingHavingAndNullsOrdering() {
    assertRendered(Dsl.select(N.parentId, N.name).from(N).distinctOn(N.parentId).orderBy(N.parentId.asc().nullsFirst(), N.name.desc().nullsLast()),
        "SELECT DISTINCT ON (nodes.parent_id) nodes.parent_id, nodes.name FROM nodes ORDER BY nodes.parent_id NULLS FIRST, nodes.name DESC NULLS LAST");
    assertRendered(Dsl.select(N.parentId, Dsl.count()).from(N).groupBy(N.parentId).having(Dsl.count().gt(1L)),
        "SELECT nodes.parent_id, count(*) FROM nodes GROUP BY nodes.parent_id HAVING count(*) > ?", 1L);
  }

  @Test
  void rowLocksOfATableWithSkipLockedOrNowait() {
    Nodes p = N.as("p");
    assertRendered(Dsl.select(N.id).from(N).join(p, p.id.eq(N.parentId)).limit(10).forUpdate().of(N).skipLocked(),
        "SELECT nodes.id FROM nodes JOIN nodes AS p ON p.id = nodes.parent_id LIMIT ? FOR UPDATE OF nodes SKIP LOCKED", 10L);
    assertRendered(Dsl.select(N.id).from(N).forShare().of(p).noWait(), "SELECT nodes.id FROM nodes FOR SHARE OF p NOWAIT");
    assertThat(Dsl.select(N.id).from(N).forNoKeyUpdate().render().sql()).endsWith("FOR NO KEY UPDATE");
  }
}
