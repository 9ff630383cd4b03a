package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Aggregate;
import dev.sluice.schema.EventTrigger;
import dev.sluice.schema.Function;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Publication;
import dev.sluice.schema.model.PublicationModel.Operation;
import dev.sluice.schema.Rule;
import dev.sluice.schema.Statistics;
import dev.sluice.schema.model.AggregateModel.Modify;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.StatisticsModel.Kind;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
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
 * Convergence of aggregates, extended statistics, rules, publications and event triggers: create {@code from}, insert rows, apply
 * {@code diff(from, to)}, check rows and behaviour, then the database introspected must equal (and
 * re-diff empty against) a shadow database created from {@code to}; the same for the way down.
 */
@PgTest
class AggregateStatisticsRuleConvergenceLiveTest {

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
    return table(s, "items").notNull("id", "integer").column("n", "integer").column("label", "text")
        .primaryKey("items_pkey", "id");
  }

  private static ViewModel view(String s, String name, String query) {
    return new ViewModel(s, name, query, false, false, false, null, false, null, null);
  }

  /** pagila's group_concat, in schema {@code s}. */
  private static Function concat(String s) {
    return Function.sql(Namespace.of(s), "_group_concat").arg("a", "text").arg("b", "text").returns("text").immutable()
        .body("SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END");
  }

  private static Aggregate groupConcat(String s) {
    return Aggregate.of(Namespace.of(s), "group_concat").arg("text").stateFunction(concat(s)).stateType("text");
  }

  static List<Fixture> fixtures() {
    List<Fixture> out = new ArrayList<>();
    // an aggregate and a view using it are created in order (function, aggregate, view) and dropped in reverse
    {
      String s = "objb_agg_new";
      out.add(new B(s)
          .from(items(s))
          .to(items(s), groupConcat(s), view(s, "v", "SELECT objb_agg_new.group_concat(label ORDER BY id) AS l FROM objb_agg_new.items"))
          .seed("INSERT INTO objb_agg_new.items VALUES (1, 1, 'a'), (2, 2, 'b')")
          .expect("SELECT l FROM objb_agg_new.v", "a, b")
          .expect("SELECT count(*) FROM objb_agg_new.items", "2")
          .up("CREATE AGGREGATE objb_agg_new.group_concat(text)")
          .build());
    }
    // attributes that CREATE OR REPLACE can change: the view using the aggregate stays
    {
      String s = "objb_agg_replace";
      String q = "SELECT objb_agg_replace.group_concat(label ORDER BY id) AS l FROM objb_agg_replace.items";
      out.add(new B(s)
          .from(items(s), groupConcat(s), view(s, "v", q))
          .to(items(s), groupConcat(s).initialCondition("start").parallel(Parallel.SAFE).stateSpace(64).comment("joins, it's"),
              view(s, "v", q))
          .seed("INSERT INTO objb_agg_replace.items VALUES (1, 1, 'a')")
          .expect("SELECT l FROM objb_agg_replace.v", "start, a")
          .up("CREATE OR REPLACE AGGREGATE", "COMMENT ON AGGREGATE")
          .upNot("DROP VIEW", "DROP AGGREGATE")
          .build());
    }
    // a new state type cannot be replaced: the aggregate and the view calling it are dropped and created
    {
      String s = "objb_agg_stype";
      Namespace ns = Namespace.of(s);
      Function append = Function.sql(ns, "_push").arg("acc", "text[]").arg("x", "text").returns("text[]").immutable()
          .body("SELECT acc || x");
      Function join = Function.sql(ns, "_join").arg("acc", "text[]").returns("text").immutable()
          .body("SELECT array_to_string(acc, '+')");
      String q = "SELECT objb_agg_stype.group_concat(label ORDER BY id) AS l FROM objb_agg_stype.items";
      out.add(new B(s)
          .from(items(s), groupConcat(s), view(s, "v", q))
          .to(items(s), Aggregate.of(ns, "group_concat").arg("text").stateFunction(append).stateType("text[]")
                  .finalFunction(join).initialCondition("{}"), view(s, "v", q))
          .seed("INSERT INTO objb_agg_stype.items VALUES (1, 1, 'a'), (2, 2, 'b')")
          .expect("SELECT l FROM objb_agg_stype.v", "a+b")
          .up("DROP VIEW", "DROP AGGREGATE objb_agg_stype.group_concat(text)", "FINALFUNC = objb_agg_stype._join")
          .build());
    }
    // a state function dropped and created again (argument names change) takes its aggregate and the view with it
    {
      String s = "objb_agg_sfunc";
      Namespace ns = Namespace.of(s);
      Function renamedArgs = Function.sql(ns, "_group_concat").arg("x", "text").arg("y", "text").returns("text").immutable()
          .body("SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END");
      String q = "SELECT objb_agg_sfunc.group_concat(label ORDER BY id) AS l FROM objb_agg_sfunc.items";
      out.add(new B(s)
          .from(items(s), groupConcat(s), view(s, "v", q))
          .to(items(s), Aggregate.of(ns, "group_concat").arg("text").stateFunction(renamedArgs).stateType("text"), view(s, "v", q))
          .seed("INSERT INTO objb_agg_sfunc.items VALUES (1, 1, 'a'), (2, 2, 'b')")
          .expect("SELECT l FROM objb_agg_sfunc.v", "a, b")
          .up("DROP AGGREGATE", "DROP FUNCTION objb_agg_sfunc._group_concat(text, text)")
          .build());
    }
    // variadic and zero-argument aggregates over built-in functions, with a combine function
    {
      String s = "objb_agg_shapes";
      Namespace ns = Namespace.of(s);
      out.add(new B(s)
          .from(items(s))
          .to(items(s), Aggregate.of(ns, "total").arg("v", "integer").stateFunction("int4pl").stateType("integer")
                  .combineFunction("int4pl").initialCondition("0").parallel(Parallel.SAFE),
              Aggregate.of(ns, "rows").stateFunction("int8inc").stateType("bigint").initialCondition("0"))
          .seed("INSERT INTO objb_agg_shapes.items VALUES (1, 3, 'a'), (2, 4, 'b')")
          .expect("SELECT objb_agg_shapes.total(n) || '/' || objb_agg_shapes.rows(*) FROM objb_agg_shapes.items", "7/2")
          .up("CREATE AGGREGATE objb_agg_shapes.rows(*)")
          .build());
    }
    // ordered-set (SQL final function), hypothetical-set (plpgsql final function) and built-in variadic hypothetical
    // aggregates are created before the view calling them WITHIN GROUP, and dropped after it on the way down
    {
      String s = "objb_agg_ordered";
      Namespace ns = Namespace.of(s);
      Function push = Function.sql(ns, "_push").arg("acc", "integer[]").arg("x", "integer").returns("integer[]").immutable()
          .body("SELECT acc || x");
      Function pick = Function.sql(ns, "_pick").arg("acc", "integer[]").arg("fraction", "double precision").arg("x", "integer")
          .returns("integer").immutable().body("SELECT v FROM unnest(acc) v ORDER BY v"
              + " OFFSET greatest(ceil(fraction * cardinality(acc))::integer - 1, 0) LIMIT 1");
      Function rankOf = Function.plpgsql(ns, "_rank_of").arg("acc", "integer[]").arg("h", "integer").arg("x", "integer")
          .returns("bigint").immutable().body("begin return (select count(*) + 1 from unnest(acc) v where v < h); end");
      String q = "SELECT objb_agg_ordered.percentile(0.5) WITHIN GROUP (ORDER BY n) AS median,"
          + " objb_agg_ordered.rank_of(4) WITHIN GROUP (ORDER BY n) AS r,"
          + " objb_agg_ordered.any_rank(4, 'b') WITHIN GROUP (ORDER BY n, label) AS ar FROM objb_agg_ordered.items";
      out.add(new B(s)
          .from(items(s))
          .to(items(s), Aggregate.of(ns, "percentile").arg("fraction", "double precision").orderBy("integer")
                  .stateFunction(push).stateType("integer[]").finalFunction(pick).finalExtra().initialCondition("{}")
                  .comment("nearest rank"),
              Aggregate.of(ns, "rank_of").arg("integer").orderBy("integer").hypothetical().stateFunction(push)
                  .stateType("integer[]").finalFunction(rankOf).finalExtra().finalModify(Modify.READ_ONLY).initialCondition("{}"),
              Aggregate.of(ns, "any_rank").variadic(null, "\"any\"").orderByVariadic(null, "\"any\"").hypothetical()
                  .stateFunction("ordered_set_transition_multi").stateType("internal").finalFunction("rank_final").finalExtra(),
              view(s, "v", q))
          .seed("INSERT INTO objb_agg_ordered.items VALUES (1, 3, 'a'), (2, 5, 'b'), (3, 1, 'c'), (4, 9, 'd')")
          .expect("SELECT median || '/' || r || '/' || ar FROM objb_agg_ordered.v", "3/3/3")
          .up("CREATE AGGREGATE objb_agg_ordered.percentile(fraction double precision ORDER BY integer)",
              "CREATE AGGREGATE objb_agg_ordered.any_rank(VARIADIC \"any\" ORDER BY VARIADIC \"any\")", "HYPOTHETICAL")
          .build());
    }
    // moving-aggregate mode added to a sum is CREATE OR REPLACE: the view using it in a moving window frame stays
    {
      String s = "objb_agg_moving";
      Namespace ns = Namespace.of(s);
      Function plus = Function.sql(ns, "_plus").arg("acc", "bigint").arg("x", "integer").returns("bigint").immutable().strict()
          .body("SELECT acc + x");
      Function minus = Function.sql(ns, "_minus").arg("acc", "bigint").arg("x", "integer").returns("bigint").immutable().strict()
          .body("SELECT acc - x");
      String q = "SELECT id, objb_agg_moving.msum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s"
          + " FROM objb_agg_moving.items";
      Aggregate plain = Aggregate.of(ns, "msum").arg("integer").stateFunction("int4_sum").stateType("bigint");
      out.add(new B(s)
          .from(items(s), plain, view(s, "v", q))
          .to(items(s), Aggregate.of(ns, "msum").arg("integer").stateFunction("int4_sum").stateType("bigint")
                  .movingState(plus, minus, "bigint").movingStateSpace(8).movingInitialCondition("0"),
              view(s, "v", q))
          .seed("INSERT INTO objb_agg_moving.items VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 4, 'c')")
          .expect("SELECT string_agg(s::text, ',' ORDER BY id) FROM objb_agg_moving.v", "1,3,6")
          .expect("SELECT aggminvtransfn::text FROM pg_aggregate WHERE aggfnoid = 'objb_agg_moving.msum'::regproc",
              "objb_agg_moving._minus")
          .up("CREATE OR REPLACE AGGREGATE objb_agg_moving.msum(integer)", "MINVFUNC = objb_agg_moving._minus",
              "MINITCOND = '0'")
          .upNot("DROP VIEW", "DROP AGGREGATE")
          .build());
    }
    // SORTOP is set in place on a max-like aggregate
    {
      String s = "objb_agg_sortop";
      Namespace ns = Namespace.of(s);
      out.add(new B(s)
          .from(items(s), Aggregate.of(ns, "biggest").arg("integer").stateFunction("int4larger").stateType("integer"))
          .to(items(s), Aggregate.of(ns, "biggest").arg("integer").stateFunction("int4larger").stateType("integer")
              .combineFunction("int4larger").sortOperator(">").parallel(Parallel.SAFE))
          .seed("INSERT INTO objb_agg_sortop.items VALUES (1, 3, 'a'), (2, 7, 'b')")
          .expect("SELECT objb_agg_sortop.biggest(n) FROM objb_agg_sortop.items", "7")
          .expect("SELECT aggsortop::regoperator::text FROM pg_aggregate WHERE aggfnoid = 'objb_agg_sortop.biggest'::regproc",
              ">(integer,integer)")
          .up("CREATE OR REPLACE AGGREGATE", "SORTOP = OPERATOR(pg_catalog.>)")
          .build());
    }
    // EXECUTE grants change in place; an aggregate dropped and created again (new state type) gets its grants again
    {
      String s = "objb_agg_grants";
      Namespace ns = Namespace.of(s);
      Function push = Function.sql(ns, "_push").arg("acc", "text[]").arg("x", "text").returns("text[]").immutable()
          .body("SELECT acc || x");
      Function join = Function.sql(ns, "_join").arg("acc", "text[]").returns("text").immutable()
          .body("SELECT array_to_string(acc, '+')");
      out.add(new B(s)
          .from(items(s), Aggregate.of(ns, "total").arg("integer").stateFunction("int4pl").stateType("integer"),
              groupConcat(s).revokeExecuteFromPublic().grantExecute(READER))
          .to(items(s), Aggregate.of(ns, "total").arg("integer").stateFunction("int4pl").stateType("integer")
                  .revokeExecuteFromPublic().grantExecute(READER),
              Aggregate.of(ns, "group_concat").arg("text").stateFunction(push).stateType("text[]").finalFunction(join)
                  .initialCondition("{}").revokeExecuteFromPublic().grantExecute(READER))
          .seed("INSERT INTO objb_agg_grants.items VALUES (1, 3, 'a'), (2, 4, 'b')")
          .expect("SELECT has_function_privilege('" + READER + "', 'objb_agg_grants.total(integer)', 'EXECUTE')::text"
              + " || has_function_privilege('" + READER + "', 'objb_agg_grants.group_concat(text)', 'EXECUTE')::text", "truetrue")
          .expect("SELECT count(*) FROM pg_proc p, aclexplode(p.proacl) a WHERE p.pronamespace = 'objb_agg_grants'::regnamespace"
              + " AND p.prokind = 'a' AND a.grantee = 0", "0")
          .expect("SELECT objb_agg_grants.group_concat(label ORDER BY id) FROM objb_agg_grants.items", "a+b")
          .up("REVOKE EXECUTE ON FUNCTION objb_agg_grants.total(integer) FROM PUBLIC",
              "GRANT EXECUTE ON FUNCTION objb_agg_grants.group_concat(text) TO " + READER)
          .upNot("DROP AGGREGATE objb_agg_grants.total")
          .build());
    }
    // statistics: created after their table, kinds changed (drop and create), target and comment in place, expressions
    {
      String s = "objb_stats";
      out.add(new B(s)
          .from(items(s), Statistics.on(s, "items", "id", "n").named("items_id_n"),
              Statistics.on(s, "items", "n", "label").kinds(Kind.MCV).named("items_n_label"))
          .to(items(s), Statistics.on(s, "items", "id", "n").named("items_id_n").target(500).comment("id and n"),
              Statistics.on(s, "items", "n", "label").kinds(Kind.NDISTINCT, Kind.DEPENDENCIES).named("items_n_label"),
              Statistics.on(s, "items").expression("lower(label)").named("items_lower"),
              Statistics.on(s, "items", "n").expression("(n + id)").kinds(Kind.NDISTINCT).named("items_sum"))
          .seed("INSERT INTO objb_stats.items VALUES (1, 1, 'a')")
          .expect("SELECT count(*) FROM objb_stats.items", "1")
          .expect("SELECT stxkind::text FROM pg_statistic_ext WHERE stxname = 'items_n_label'", "{d,f}")
          .up("ALTER STATISTICS objb_stats.items_id_n SET STATISTICS 500", "DROP STATISTICS objb_stats.items_n_label",
              "CREATE STATISTICS objb_stats.items_lower ON (lower(label)) FROM objb_stats.items")
          .upNot("DROP STATISTICS objb_stats.items_id_n")
          .build());
    }
    // statistics on a table that is dropped go with it; a column change under statistics keeps them
    {
      String s = "objb_stats_table";
      out.add(new B(s)
          .from(items(s), table(s, "gone").column("a", "integer").column("b", "integer"),
              Statistics.on(s, "gone", "a", "b").named("gone_ab"), Statistics.on(s, "items", "id", "n").named("items_id_n"))
          .to(table(s, "items").notNull("id", "integer").column("n", "bigint").column("label", "text")
              .primaryKey("items_pkey", "id"), Statistics.on(s, "items", "id", "n").named("items_id_n"))
          .seed("INSERT INTO objb_stats_table.items VALUES (1, 1, 'a')")
          .expect("SELECT count(*) FROM objb_stats_table.items", "1")
          .upNot("DROP STATISTICS objb_stats_table.gone_ab")
          .build());
    }
    // rules: DO INSTEAD NOTHING, DO ALSO with a WHERE, several actions; created after the tables they name
    {
      String s = "objb_rule_new";
      Tables log = table(s, "log").column("what", "text");
      out.add(new B(s)
          .from(items(s), log)
          .to(items(s), log,
              Rule.on(s, "items", "no_delete").onDelete().where("old.n > 100").doInstead("NOTHING"),
              Rule.on(s, "items", "log_insert").onInsert().doAlso("INSERT INTO objb_rule_new.log (what) VALUES (new.label)"),
              Rule.on(s, "items", "soft").onUpdate().where("new.n < 0").doInstead(
                  "(UPDATE objb_rule_new.items SET n = 0 WHERE id = old.id; INSERT INTO objb_rule_new.log VALUES ('clamped'))")
                  .comment("never negative"))
          .seed("INSERT INTO objb_rule_new.items VALUES (1, 1, 'a')")
          .expect("SELECT count(*) FROM objb_rule_new.items", "1")
          .expect("SELECT string_agg(rulename::text || ev_enabled::text, ',' ORDER BY rulename) FROM pg_rewrite"
              + " WHERE ev_class = 'objb_rule_new.items'::regclass", "log_insertO,no_deleteO,softO")
          .up("CREATE RULE no_delete AS\n    ON DELETE TO objb_rule_new.items\n   WHERE old.n > 100 DO INSTEAD NOTHING")
          .build());
    }
    // a changed condition or action is CREATE OR REPLACE; firing state and comment change in place; a rule is dropped
    {
      String s = "objb_rule_change";
      Tables log = table(s, "log").column("what", "text");
      out.add(new B(s)
          .from(items(s), log,
              Rule.on(s, "items", "no_delete").onDelete().doInstead("NOTHING"),
              Rule.on(s, "items", "log_insert").onInsert().doAlso("INSERT INTO objb_rule_change.log (what) VALUES (new.label)"),
              Rule.on(s, "items", "gone").onUpdate().where("new.n = 7").doInstead("NOTHING"))
          .to(items(s), log,
              Rule.on(s, "items", "no_delete").onDelete().where("old.id > 1").doInstead("NOTHING").disabled().comment("keep"),
              Rule.on(s, "items", "log_insert").onInsert()
                  .doAlso("INSERT INTO objb_rule_change.log (what) VALUES ('new ' || new.label)"))
          .seed("INSERT INTO objb_rule_change.items VALUES (1, 1, 'a')")
          .expect("SELECT count(*) FROM objb_rule_change.log", "1")
          .up("CREATE OR REPLACE RULE no_delete", "CREATE OR REPLACE RULE log_insert", "DISABLE RULE no_delete",
              "DROP RULE gone ON objb_rule_change.items", "COMMENT ON RULE no_delete")
          .upNot("DROP RULE no_delete", "DROP RULE log_insert")
          .build());
    }
    // a rule on a view that is dropped and created again (a column goes) is created again on the new view
    {
      String s = "objb_rule_view";
      out.add(new B(s)
          .from(items(s), view(s, "v", "SELECT id, n, label FROM objb_rule_view.items"),
              Rule.on(s, "v", "v_insert").onInsert().doInstead("INSERT INTO objb_rule_view.items (id, n) VALUES (new.id, new.n)"))
          .to(items(s), view(s, "v", "SELECT id, n FROM objb_rule_view.items"),
              Rule.on(s, "v", "v_insert").onInsert().doInstead("INSERT INTO objb_rule_view.items (id, n) VALUES (new.id, new.n)"))
          .seed("INSERT INTO objb_rule_view.v (id, n) VALUES (1, 2)")
          .expect("SELECT count(*) FROM objb_rule_view.items", "1")
          .expect("SELECT count(*) FROM pg_rewrite WHERE rulename = 'v_insert'", "1")
          .up("DROP VIEW", "CREATE RULE v_insert")
          .build());
    }
    // publications: created after their tables; tables, column lists, row filters, schemas and options altered in place
    {
      String s = "objb_pub";
      Tables other = table(s, "other").notNull("id", "integer").column("note", "text").primaryKey("other_pkey", "id");
      out.add(new B(s)
          .from(items(s), other, Publication.of("objb_pub_a").table(s, "items", List.of(), null),
              Publication.of("objb_pub_gone").table(s, "other", List.of(), null),
              Publication.of("objb_pub_all").allTables())
          .to(items(s), other,
              Publication.of("objb_pub_a").table(s, "items", List.of("id", "n"), "n > 0").table(s, "other", List.of(), null)
                  .publish(Operation.INSERT, Operation.UPDATE).comment("two tables"),
              Publication.of("objb_pub_all").tablesInSchema(Namespace.of(s)),
              Publication.of("objb_pub_new").table(s, "other", List.of("id"), null).viaPartitionRoot())
          .seed("INSERT INTO objb_pub.items VALUES (1, 1, 'a')")
          .expect("SELECT count(*) FROM objb_pub.items", "1")
          .expect("SELECT pubinsert::text || pubupdate::text || pubdelete::text FROM pg_publication WHERE pubname = 'objb_pub_a'",
              "truetruefalse")
          .up("ALTER PUBLICATION objb_pub_a DROP TABLE objb_pub.items", "ALTER PUBLICATION objb_pub_a ADD TABLE objb_pub.items (id, n)"
              + " WHERE (n > 0)", "DROP PUBLICATION objb_pub_gone", "DROP PUBLICATION objb_pub_all",
              "CREATE PUBLICATION objb_pub_all FOR TABLES IN SCHEMA objb_pub")
          .upNot("DROP PUBLICATION objb_pub_a;")
          .build());
    }
    // event triggers: created after their function, tags changed (drop and create), state and comment in place, one dropped
    {
      String s = "objb_evt";
      Namespace ns = Namespace.of(s);
      Function noop = Function.plpgsql(ns, "noop").returns("event_trigger").body("begin perform 1; end");
      out.add(new B(s)
          .from(items(s), EventTrigger.on(EventTrigger.DDL_COMMAND_END).tags("CREATE TABLE").execute(noop).named("objb_evt_ddl"),
              EventTrigger.on(EventTrigger.DDL_COMMAND_START).execute(noop).named("objb_evt_state"),
              EventTrigger.on(EventTrigger.SQL_DROP).execute(noop).named("objb_evt_gone"))
          .to(items(s), EventTrigger.on(EventTrigger.DDL_COMMAND_END).tags("CREATE TABLE", "ALTER TABLE").execute(noop)
                  .named("objb_evt_ddl"),
              EventTrigger.on(EventTrigger.DDL_COMMAND_START).execute(noop).named("objb_evt_state").disabled().comment("off"),
              EventTrigger.on(EventTrigger.TABLE_REWRITE).execute(noop).named("objb_evt_new"))
          .seed("INSERT INTO objb_evt.items VALUES (1, 1, 'a')")
          .expect("SELECT count(*) FROM objb_evt.items", "1")
          .expect("SELECT evtenabled::text FROM pg_event_trigger WHERE evtname = 'objb_evt_state'", "D")
          .up("DROP EVENT TRIGGER objb_evt_ddl", "DROP EVENT TRIGGER objb_evt_gone", "ALTER EVENT TRIGGER objb_evt_state DISABLE",
              "CREATE EVENT TRIGGER objb_evt_ddl ON ddl_command_end\n    WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')")
          .upNot("DROP EVENT TRIGGER objb_evt_state")
          .build());
    }
    return out;
  }

  /** The role the grant fixtures grant EXECUTE to (roles are cluster-wide: created once, kept). */
  private static final String READER = "objb_agg_reader";

  @TestFactory
  Stream<DynamicTest> everyAggregateStatisticsAndRuleChangeConverges(PgTestContext db) {
    db.execute("DO $$ BEGIN CREATE ROLE " + READER + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> converge(db, f)));
  }

  @Test
  void anAggregateOrStatisticsDifferenceIsNeverReportedIdentical() {
    String s = "objb_same";
    SchemaModel a = Tables.schema().schemas(s).add(items(s)).add(groupConcat(s))
        .add(Statistics.on(s, "items", "id", "n").named("st")).build();
    SchemaModel initcond = Tables.schema().schemas(s).add(items(s)).add(groupConcat(s).initialCondition("x"))
        .add(Statistics.on(s, "items", "id", "n").named("st")).build();
    SchemaModel kinds = Tables.schema().schemas(s).add(items(s)).add(groupConcat(s))
        .add(Statistics.on(s, "items", "id", "n").kinds(Kind.MCV).named("st")).build();
    assertThat(Differ.diff(a, a)).isEmpty();
    assertThat(DdlRenderer.render(Differ.diff(a, initcond))).anyMatch(x -> x.contains("INITCOND = 'x'"));
    assertThat(DdlRenderer.render(Differ.diff(a, kinds))).anyMatch(x -> x.startsWith("DROP STATISTICS"))
        .anyMatch(x -> x.startsWith("CREATE STATISTICS objb_same.st (mcv)"));
  }

  private static void converge(PgTestContext db, Fixture f) throws Exception {
    ConvergenceRun.converge(db, f.name(), f.from(), f.to(), f.seed(), f.expect(), f.mustContain(), f.mustNotContain(), null,
        AggregateStatisticsRuleConvergenceLiveTest::only, (name, actual, want) -> {
          assertThat(actual.aggregates()).as(name + ": aggregates").isEqualTo(want.aggregates());
          assertThat(actual.statistics()).as(name + ": statistics").isEqualTo(want.statistics());
          assertThat(actual.rules()).as(name + ": rules").isEqualTo(want.rules());
          assertThat(actual.publications()).as(name + ": publications").isEqualTo(want.publications());
          assertThat(actual.eventTriggers()).as(name + ": event triggers").isEqualTo(want.eventTriggers());
          assertThat(actual.functions()).as(name + ": functions").isEqualTo(want.functions());
        });
  }

  static SchemaModel only(String name, SchemaModel m) {
    Predicate<String> mine = s -> s != null && s.equals(name);
    return new SchemaModel(m.schemas().stream().filter(mine).toList(), List.of(), List.of(),
        m.enums().stream().filter(x -> mine.test(x.schema())).toList(),
        m.domains().stream().filter(x -> mine.test(x.schema())).toList(),
        m.sequences().stream().filter(x -> mine.test(x.schema())).toList(),
        m.tables().stream().filter(x -> mine.test(x.schema())).toList(),
        m.views().stream().filter(x -> mine.test(x.schema())).toList(),
        m.grants().stream().filter(x -> mine.test(x.schema()) || mine.test(x.name())).toList(),
        m.functions().stream().filter(x -> mine.test(x.schema())).toList(),
        m.triggers().stream().filter(x -> mine.test(x.schema())).toList(),
        m.compositeTypes().stream().filter(x -> mine.test(x.schema())).toList(),
        m.aggregates().stream().filter(x -> mine.test(x.schema())).toList(),
        m.statistics().stream().filter(x -> mine.test(x.schema())).toList(),
        m.rules().stream().filter(x -> mine.test(x.schema())).toList(),
        m.publications().stream().filter(x -> x.name().startsWith(name)).toList(),
        m.eventTriggers().stream().filter(x -> x.name().startsWith(name)).toList());
  }
}
