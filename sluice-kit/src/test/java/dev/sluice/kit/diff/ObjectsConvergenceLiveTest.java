package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Function;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.Trigger;
import dev.sluice.schema.Column;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TriggerModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Convergence of functions, procedures and triggers, migra style: create {@code from}, insert rows,
 * apply {@code diff(from, to)} statement by statement, check the rows and the expected behaviour,
 * then the database introspected must re-diff empty against a shadow database created from
 * {@code to}; the same for the down migration.
 */
@PgTest
class ObjectsConvergenceLiveTest {

  record Fixture(String name, SchemaModel from, SchemaModel to, List<String> seed, Map<String, String> expect,
      List<String> mustContain, List<String> mustNotContain) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final class B {
    final String name;
    SchemaModel from;
    SchemaModel to;
    final List<String> seed = new ArrayList<>();
    final Map<String, String> expect = new LinkedHashMap<>();
    final List<String> contain = new ArrayList<>();
    final List<String> notContain = new ArrayList<>();

    B(String name) {
      this.name = name;
    }

    B from(Object... objects) {
      from = model(objects);
      return this;
    }

    B to(Object... objects) {
      to = model(objects);
      return this;
    }

    B seed(String... sql) {
      seed.addAll(List.of(sql));
      return this;
    }

    B expect(String query, String value) {
      expect.put(query, value);
      return this;
    }

    /** The up migration's DDL must contain (or not contain) these texts. */
    B up(String... texts) {
      contain.addAll(List.of(texts));
      return this;
    }

    B upNot(String... texts) {
      notContain.addAll(List.of(texts));
      return this;
    }

    private SchemaModel model(Object... objects) {
      Tables.SchemaModelBuilder b = Tables.schema().schemas(name);
      for (Object o : objects) b.add(o);
      return b.build();
    }

    Fixture build() {
      return new Fixture(name, from, to, seed, expect, contain, notContain);
    }
  }

  private static Tables items(String s) {
    return table(s, "items").notNull("id", "integer").column("n", "integer").primaryKey("items_pkey", "id");
  }

  private static ViewModel view(String s, String name, String query) {
    return new ViewModel(s, name, query, false, false, false, null, false, null, null);
  }

  static List<Fixture> fixtures() {
    List<Fixture> out = new ArrayList<>();
    // a changed body is CREATE OR REPLACE: the view using the function stays
    {
      String s = "ok_body";
      Namespace ns = Namespace.of(s);
      out.add(new B(s)
          .from(items(s), Function.sql(ns, "bump").arg("a", "integer").returns("integer").immutable().body("select a + 1"),
              view(s, "v", "SELECT id, ok_body.bump(n) AS m FROM ok_body.items"))
          .to(items(s), Function.sql(ns, "bump").arg("a", "integer").returns("integer").immutable().body("select a + 2"),
              view(s, "v", "SELECT id, ok_body.bump(n) AS m FROM ok_body.items"))
          .seed("INSERT INTO ok_body.items VALUES (1, 10)")
          .expect("SELECT m FROM ok_body.v", "12")
          .up("CREATE OR REPLACE FUNCTION ok_body.bump")
          .upNot("DROP VIEW", "DROP FUNCTION")
          .build());
    }
    // a changed result type cannot be replaced: the function is dropped and created, and so is everything naming it
    {
      String s = "ok_sig";
      Namespace ns = Namespace.of(s);
      Function before = Function.sql(ns, "twice").arg("a", "integer").returns("integer").immutable().body("select a * 2");
      Function after = Function.sql(ns, "twice").arg("a", "integer").returns("bigint").immutable().body("select (a * 2)::bigint");
      java.util.function.Supplier<Tables> t = () -> table(s, "items").notNull("id", "integer").primaryKey("items_pkey", "id")
          .column(new ColumnModel("n", "integer", false, "ok_sig.twice(21)", null, null, null, null))
          .column(new ColumnModel("g", "bigint", false, null, null, "ok_sig.twice(id)", null, null))
          .check("n_even", "ok_sig.twice(n) % 2 = 0")
          .index(new IndexModel("items_twice", false, "btree", List.of(new IndexElement("ok_sig.twice(n)", true, null, null, false,
              null)), List.of(), null, Map.of(), false, false, null))
          .rls(true, false)
          .policy(new PolicyModel("p", PolicyModel.Command.SELECT, true, List.of(), "ok_sig.twice(id) > 0", null));
      out.add(new B(s)
          .from(t.get(), before, view(s, "v", "SELECT id, ok_sig.twice(n) AS m FROM ok_sig.items"))
          .to(t.get(), after, view(s, "v", "SELECT id, ok_sig.twice(n) AS m FROM ok_sig.items"))
          .seed("INSERT INTO ok_sig.items (id, n) VALUES (1, 10)", "INSERT INTO ok_sig.items (id) VALUES (2)")
          .expect("SELECT string_agg(id || ':' || n || ':' || g, ',' ORDER BY id) FROM ok_sig.items", "1:10:2,2:42:4")
          .expect("SELECT pg_typeof(m)::text FROM ok_sig.v LIMIT 1", "bigint")
          .up("DROP VIEW", "DROP FUNCTION ok_sig.twice(integer)", "DROP POLICY", "DROP INDEX")
          .build());
    }
    // an argument type change is another function: the old one goes, its view is rebuilt on the new one
    {
      String s = "ok_args";
      Namespace ns = Namespace.of(s);
      out.add(new B(s)
          .from(items(s), Function.sql(ns, "label").arg("a", "integer").returns("text").body("select 'n' || a"),
              view(s, "v", "SELECT ok_args.label(n) AS l FROM ok_args.items"))
          .to(items(s), Function.sql(ns, "label").arg("a", "bigint").returns("text").body("select 'n' || a"),
              view(s, "v", "SELECT ok_args.label(n::bigint) AS l FROM ok_args.items"))
          .seed("INSERT INTO ok_args.items VALUES (1, 7)")
          .expect("SELECT l FROM ok_args.v", "n7")
          .build());
    }
    // attributes: volatility, strictness, security definer, search_path, cost, parallel, comment, EXECUTE grants
    {
      String s = "ok_attrs";
      Namespace ns = Namespace.of(s);
      out.add(new B(s)
          .from(items(s), Function.plpgsql(ns, "total").returns("bigint")
              .body("begin return (select sum(n) from ok_attrs.items); end"))
          .to(items(s), Function.plpgsql(ns, "total").returns("bigint").stable().strict().securityDefiner()
              .searchPath("pg_catalog", "pg_temp").cost(10).parallel(dev.sluice.schema.model.FunctionModel.Parallel.SAFE)
              .comment("sum of n").revokeExecuteFromPublic()
              .body("begin return (select sum(n) from ok_attrs.items); end"))
          .seed("INSERT INTO ok_attrs.items VALUES (1, 3), (2, 4)")
          .expect("SELECT ok_attrs.total()", "7")
          .expect("SELECT provolatile::text || prosecdef::text || array_to_string(proconfig, ';') FROM pg_proc"
              + " WHERE proname = 'total' AND pronamespace = 'ok_attrs'::regnamespace", "struesearch_path=pg_catalog, pg_temp")
          .up("CREATE OR REPLACE FUNCTION", "REVOKE EXECUTE ON FUNCTION ok_attrs.total() FROM PUBLIC")
          .build());
    }
    // procedures, with OUT-less IN arguments and defaults
    {
      String s = "ok_proc";
      Namespace ns = Namespace.of(s);
      out.add(new B(s)
          .from(items(s))
          .to(items(s), Function.procedure("plpgsql", ns, "put").arg("i", "integer").arg("v", "integer", "0")
              .body("begin insert into ok_proc.items values (i, v); end"))
          .seed("INSERT INTO ok_proc.items VALUES (1, 1)")
          .expect("SELECT count(*) FROM ok_proc.items", "1")
          .up("CREATE PROCEDURE")
          .build());
    }
    // a trigger added (touchUpdatedAt) keeps rows and does its job; the down migration drops it and its function
    {
      out.add(new B("ok_touch")
          .from(Touched.T.toModel())
          .to(Touched.T.toModel(), Trigger.touchUpdatedAt(Touched.T))
          .seed("INSERT INTO ok_touch.notes (id, body, updated_at) VALUES (1, 'a', '2000-01-01')")
          .expect("SELECT count(*) FROM ok_touch.notes", "1")
          .build());
    }
    // a trigger's WHEN, timing, events and firing state change; another is dropped
    {
      String s = "ok_trg";
      Namespace ns = Namespace.of(s);
      Function log = Function.plpgsql(ns, "log_change").returnsTrigger()
          .body("begin insert into ok_trg.log values (tg_name || ':' || tg_op); return null; end");
      Function guard = Function.plpgsql(ns, "guard").returnsTrigger().body("begin return new; end");
      Tables log0 = table(s, "log").column("what", "text");
      out.add(new B(s)
          .from(items(s), log0,
              Trigger.after(Trigger.UPDATE).on(s, "items").forEachRow().when("old.n IS DISTINCT FROM new.n").execute(log)
                  .named("items_log"),
              Trigger.before(Trigger.INSERT).on(s, "items").forEachRow().execute(guard).named("items_guard"),
              Trigger.after(Trigger.DELETE).on(s, "items").execute(log).named("items_gone").comment("deletes"))
          .to(items(s), log0,
              Trigger.before(Trigger.INSERT, Trigger.UPDATE).on(s, "items").forEachRow().when("new.n > 0").execute(log)
                  .named("items_log"),
              Trigger.before(Trigger.INSERT).on(s, "items").forEachRow().execute(guard).named("items_guard").disabled(),
              guard)
          .seed("INSERT INTO ok_trg.items VALUES (1, 1)")
          .expect("SELECT count(*) FROM ok_trg.items", "1")
          .up("DROP TRIGGER items_log", "DROP TRIGGER items_gone", "DISABLE TRIGGER items_guard")
          .upNot("DROP TRIGGER items_guard")
          .build());
    }
    // every trigger shape: statement with transition tables, constraint trigger, INSTEAD OF on a view, UPDATE OF, arguments
    {
      String s = "ok_shapes";
      Namespace ns = Namespace.of(s);
      Function count = Function.plpgsql(ns, "count_rows").returnsTrigger()
          .body("begin perform count(*) from new_rows; return null; end");
      Function check = Function.plpgsql(ns, "check_row").returnsTrigger().body("begin return null; end");
      Function redirect = Function.plpgsql(ns, "redirect").returnsTrigger()
          .body("begin insert into ok_shapes.items values (new.id, new.n); return new; end");
      Function argv = Function.plpgsql(ns, "argv").returnsTrigger().body("begin new.n := tg_argv[0]::int; return new; end");
      ViewModel v = view(s, "items_v", "SELECT id, n FROM ok_shapes.items");
      out.add(new B(s)
          .from(items(s), v)
          .to(items(s), v,
              Trigger.after(Trigger.INSERT).on(s, "items").referencingNewTable("new_rows").execute(count).named("stmt"),
              Trigger.after(Trigger.INSERT, Trigger.UPDATE).on(s, "items").constraint().initiallyDeferred().execute(check)
                  .named("deferred"),
              Trigger.insteadOf(Trigger.INSERT).on(s, "items_v").execute(redirect).named("v_insert"),
              Trigger.before(Trigger.UPDATE).on(s, "items").updateOf("n").forEachRow().execute(argv, "5").named("set_n")
                  .enabled(TriggerModel.Enabled.ALWAYS))
          .seed("INSERT INTO ok_shapes.items VALUES (1, 1)")
          .expect("SELECT count(*) FROM ok_shapes.items", "1")
          .build());
    }
    // a PL/pgSQL function declaring a variable of a table's row type is created before that table (no declared
    // reference orders it after): its body is created unchecked, as pg_dump restores it (real schema: graphile/starter)
    {
      String s = "ok_plrow";
      Namespace ns = Namespace.of(s);
      Function first = Function.plpgsql(ns, "first_n").returns("integer")
          .body("declare r ok_plrow.items; begin select * into r from ok_plrow.items order by id limit 1; return r.n; end");
      out.add(new B(s)
          .from()
          .to(items(s), first)
          .seed()
          .expect("SELECT coalesce(ok_plrow.first_n(), -1)", "-1")
          .up("SET check_function_bodies = off")
          .build());
    }
    return out;
  }

  static final class Touched extends Table<Touched> {
    static final Touched T = new Touched();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> body = text("body");
    final Column<OffsetDateTime> updatedAt = timestamptz("updated_at");

    private Touched() {
      super(Namespace.of("ok_touch"), "notes");
    }

    SchemaModel toModelOnly() {
      return Schema.of(this).toModel();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFunctionAndTriggerChangeConverges(PgTestContext db) {
    return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> converge(db, f)));
  }

  @Test
  void touchUpdatedAtMakesTheDatabaseSetUpdatedAtOnWritesThatBypassTheDsl(PgTestContext db) throws Exception {
    SchemaModel m = Schema.of(Touched.T, Trigger.touchUpdatedAt(Touched.T)).toModel();
    assertThat(m.functions()).extracting(f -> f.signature()).containsExactly("ok_touch.touch_updated_at()");
    ConvergenceRun.apply(db, Differ.diff(SchemaModel.EMPTY, m), "create");
    db.execute("INSERT INTO ok_touch.notes VALUES (1, 'a', '2000-01-01')", "UPDATE ok_touch.notes SET body = 'b'");
    assertThat(Catalog.value(db, "SELECT updated_at > now() - interval '1 hour' FROM ok_touch.notes")).isEqualTo("t");
    ConvergenceRun.apply(db, Differ.diff(m, SchemaModel.EMPTY), "drop");
  }

  @Test
  void aFunctionBodyOrTriggerDifferenceIsNeverReportedIdentical() {
    String s = "ok_same";
    Namespace ns = Namespace.of(s);
    SchemaModel a = Tables.schema().schemas(s).add(items(s))
        .add(Function.sql(ns, "f").returns("integer").body("select 1"))
        .add(Trigger.before(Trigger.INSERT).on(s, "items").forEachRow()
            .execute(Function.plpgsql(ns, "g").returnsTrigger().body("begin return new; end"))).build();
    SchemaModel bodyChanged = Tables.schema().schemas(s).add(items(s))
        .add(Function.sql(ns, "f").returns("integer").body("select 2"))
        .add(Trigger.before(Trigger.INSERT).on(s, "items").forEachRow()
            .execute(Function.plpgsql(ns, "g").returnsTrigger().body("begin return new; end"))).build();
    SchemaModel triggerChanged = Tables.schema().schemas(s).add(items(s))
        .add(Function.sql(ns, "f").returns("integer").body("select 1"))
        .add(Trigger.after(Trigger.INSERT).on(s, "items").forEachRow()
            .execute(Function.plpgsql(ns, "g").returnsTrigger().body("begin return new; end"))).build();
    assertThat(Differ.diff(a, a)).isEmpty();
    assertThat(DdlRenderer.render(Differ.diff(a, bodyChanged))).anyMatch(x -> x.contains("select 2"));
    assertThat(DdlRenderer.render(Differ.diff(a, triggerChanged))).anyMatch(x -> x.startsWith("DROP TRIGGER"))
        .anyMatch(x -> x.startsWith("CREATE TRIGGER") && x.contains(" AFTER INSERT "));
  }

  private static void converge(PgTestContext db, Fixture f) throws Exception {
    ConvergenceRun.converge(db, f.name(), f.from(), f.to(), f.seed(), f.expect(), f.mustContain(), f.mustNotContain(), null,
        ObjectsConvergenceLiveTest::only, (name, actual, want) -> {
          assertThat(actual.functions()).as(name + ": functions").isEqualTo(want.functions());
          assertThat(actual.triggers()).as(name + ": triggers").isEqualTo(want.triggers());
        });
  }

  static SchemaModel only(String name, SchemaModel m) {
    Predicate<String> mine = s -> s != null && s.startsWith(name);
    return new SchemaModel(m.schemas().stream().filter(mine).toList(), List.of(), List.of(),
        m.enums().stream().filter(x -> mine.test(x.schema())).toList(),
        m.domains().stream().filter(x -> mine.test(x.schema())).toList(),
        m.sequences().stream().filter(x -> mine.test(x.schema())).toList(),
        m.tables().stream().filter(x -> mine.test(x.schema())).toList(),
        m.views().stream().filter(x -> mine.test(x.schema())).toList(),
        m.grants().stream().filter(x -> mine.test(x.schema()) || mine.test(x.name())).toList(),
        m.functions().stream().filter(x -> mine.test(x.schema())).toList(),
        m.triggers().stream().filter(x -> mine.test(x.schema())).toList());
  }
}
