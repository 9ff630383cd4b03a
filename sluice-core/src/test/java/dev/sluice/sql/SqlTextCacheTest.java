package dev.sluice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.query.Dsl;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.types.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The SQL text cache: one text per shape, never the text of another shape. */
class SqlTextCacheTest {
  static final class Items extends Table<Items> {
    static final Items ITEMS = new Items();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name");
    final Column<String> note = text("note");

    private Items() {
      super("items");
    }
  }

  static final Items I = Items.ITEMS;

  private static Rendered byId(int id) {
    return Dsl.select(I.id, I.name).from(I).where(I.id.eq(id)).render();
  }

  @Test
  void sameShapeWithOtherValuesReusesTheTextAndKeepsItsOwnValues() {
    Rendered a = byId(1);
    Rendered b = byId(2);
    assertThat(a.sql()).isEqualTo("SELECT items.id, items.name FROM items WHERE items.id = ?");
    assertThat(b.sql()).isSameAs(a.sql());
    assertThat(a.values()).containsExactly(1);
    assertThat(b.values()).containsExactly(2);
  }

  @Test
  void inListsOfDifferentLengthGetDifferentSql() {
    Rendered two = Dsl.select(I.id).from(I).where(I.id.in(1, 2)).render();
    Rendered three = Dsl.select(I.id).from(I).where(I.id.in(1, 2, 3)).render();
    Rendered twoAgain = Dsl.select(I.id).from(I).where(I.id.in(7, 8)).render();
    assertThat(two.sql()).isNotEqualTo(three.sql());
    assertThat(twoAgain.sql()).isEqualTo(two.sql());
    assertThat(three.values()).hasSize(3);
  }

  @Test
  void queriesDifferingOnlyInAColumnGetDifferentSql() {
    Rendered name = Dsl.select(I.id).from(I).where(I.name.eq("x")).render();
    Rendered note = Dsl.select(I.id).from(I).where(I.note.eq("x")).render();
    assertThat(name.sql()).endsWith("WHERE items.name = ?");
    assertThat(note.sql()).endsWith("WHERE items.note = ?");
  }

  @Test
  void queriesDifferingOnlyInAnOperatorGetDifferentSql() {
    Rendered eq = Dsl.select(I.id).from(I).where(I.id.eq(1)).render();
    Rendered ne = Dsl.select(I.id).from(I).where(I.id.ne(1)).render();
    assertThat(eq.sql()).endsWith("items.id = ?");
    assertThat(ne.sql()).endsWith("items.id <> ?");
  }

  @Test
  void nullTestAndValueComparisonGetDifferentSql() {
    Rendered isNull = Dsl.select(I.id).from(I).where(I.name.isNull()).render();
    Rendered value = Dsl.select(I.id).from(I).where(I.name.eq("a")).render();
    assertThat(isNull.sql()).endsWith("items.name IS NULL");
    assertThat(value.sql()).endsWith("items.name = ?");
  }

  @Test
  void rawFragmentsThatDifferGetDifferentSql() {
    Rendered lower = Dsl.select(I.id).from(I).where(Dsl.rawCondition("lower({}) = 'a'", I.name)).render();
    Rendered upper = Dsl.select(I.id).from(I).where(Dsl.rawCondition("upper({}) = 'a'", I.name)).render();
    assertThat(lower.sql()).endsWith("(lower(items.name) = 'a')");
    assertThat(upper.sql()).endsWith("(upper(items.name) = 'a')");
  }

  /** "Aa" and "BB" have the same String hash: the two sequences land in the same slot. */
  @Test
  void sequencesWithTheSameHashNeverShareText() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    for (int i = 0; i < 3; i++) {
      assertThat(render("SELECT ", "Aa")).isEqualTo("SELECT Aa");
      assertThat(render("SELECT ", "BB")).isEqualTo("SELECT BB");
    }
  }

  @Test
  void textWrittenSoFarMidRenderingIsThePrefix() {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    ctx.sql("SELECT ").id("Name");
    assertThat(ctx.sql()).isEqualTo("SELECT \"Name\"");
    ctx.sql(" FROM ").sql('t');
    assertThat(ctx.result().sql()).isEqualTo("SELECT \"Name\" FROM t");
  }

  @Test
  void longSequencesAreRenderedWithoutBeingKept() {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < SqlTextCache.MAX_PIECES + 10; i++) {
      ctx.value(PgTypes.INTEGER, i);
      expected.append('?');
    }
    assertThat(ctx.result().sql()).isEqualTo(expected.toString());
  }

  @Test
  void concurrentRenderingOfCollidingAndDistinctShapesIsSafe() throws Exception {
    List<Supplier<String[]>> shapes = List.of(
        () -> new String[] {render("SELECT ", "Aa"), "SELECT Aa"},
        () -> new String[] {render("SELECT ", "BB"), "SELECT BB"},
        () -> new String[] {byId(3).sql(), "SELECT items.id, items.name FROM items WHERE items.id = ?"},
        () -> new String[] {Dsl.select(I.id).from(I).where(I.id.in(1, 2, 3)).render().sql(),
            "SELECT items.id FROM items WHERE items.id IN (?, ?, ?)"});
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        done.add(pool.submit(() -> {
          int checked = 0;
          for (int i = 0; i < 20_000; i++) {
            String[] got = shapes.get((i + offset) % shapes.size()).get();
            if (!got[0].equals(got[1])) throw new AssertionError(got[0] + " instead of " + got[1]);
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> f : done) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(20_000);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String render(String... pieces) {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    for (String p : pieces) ctx.sql(p);
    return ctx.result().sql();
  }
}
