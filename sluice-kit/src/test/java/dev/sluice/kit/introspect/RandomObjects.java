package dev.sluice.kit.introspect;

import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.AggregateModel.Modify;
import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.schema.model.FunctionModel.Volatility;
import dev.sluice.schema.model.RuleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.StatisticsModel;
import dev.sluice.schema.model.StatisticsModel.Kind;
import dev.sluice.schema.model.TriggerModel;
import dev.sluice.schema.model.TriggerModel.Enabled;
import dev.sluice.schema.model.TriggerModel.Event;
import dev.sluice.schema.model.TriggerModel.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random functions, procedures, triggers, aggregates and extended statistics written the way PostgreSQL prints them, added to a
 * {@link RandomModels} model (its table {@code t0} has an integer {@code id}), so creating and
 * introspecting gives them back.
 */
public final class RandomObjects {
  private RandomObjects() {}

  private static final List<String> TYPES = List.of("integer", "text", "bigint", "boolean", "numeric", "text[]");
  private static final List<String> DEFAULTS = List.of("1", "'a'::text", "'2'::bigint", "true", "0.5", "'{}'::text[]");
  private static final List<String> RESULTS = List.of("integer", "text", "void", "SETOF integer", "TABLE(a integer, b text)",
      "boolean");

  /** {@code m} plus random functions in {@code schema} and triggers on {@code schema.t0}. */
  public static SchemaModel add(long seed, SchemaModel m, String schema) {
    Random r = new Random(seed ^ 0x5eed);
    List<FunctionModel> functions = new ArrayList<>();
    int count = r.nextInt(4);
    for (int i = 0; i < count; i++) {
      List<Argument> args = new ArrayList<>();
      int n = r.nextInt(4);
      boolean defaults = false;
      for (int a = 0; a < n; a++) {
        int t = r.nextInt(TYPES.size());
        defaults |= r.nextInt(3) == 0;
        args.add(new Argument(Mode.IN, r.nextBoolean() ? "a" + a : null, TYPES.get(t), defaults ? DEFAULTS.get(t) : null));
      }
      boolean procedure = r.nextInt(5) == 0;
      String result = procedure ? null : RESULTS.get(r.nextInt(RESULTS.size()));
      boolean set = result != null && (result.startsWith("SETOF") || result.startsWith("TABLE"));
      List<String> config = r.nextBoolean() ? List.of() : List.of("search_path=pg_catalog, pg_temp");
      List<String> grantees = r.nextBoolean() ? FunctionModel.DEFAULT_GRANTEES : List.of();
      functions.add(new FunctionModel(schema, "f" + i, procedure, args, result, "sql",
          r.nextBoolean() ? "select 1" : "\n  select 'it''s' -- $$ dollar\n", false,
          procedure ? null : Volatility.values()[r.nextInt(3)], !procedure && r.nextBoolean(), r.nextBoolean(), false,
          procedure ? null : Parallel.values()[r.nextInt(3)], procedure || r.nextBoolean() ? null : 10.0,
          set && r.nextBoolean() ? 5.0 : null, config, r.nextBoolean() ? "function " + i + ", it's" : null, grantees));
    }
    List<TriggerModel> triggers = new ArrayList<>();
    int tcount = r.nextInt(4);
    if (tcount > 0) {
      functions.add(new FunctionModel(schema, "trg", false, List.of(), "trigger", "plpgsql", "begin return null; end", false,
          null, false, false, false, null, null, null, null, null, null));
    }
    for (int i = 0; i < tcount; i++) {
      boolean constraint = r.nextInt(5) == 0;
      boolean row = constraint || r.nextBoolean();
      Timing timing = constraint || r.nextBoolean() ? Timing.AFTER : Timing.BEFORE;
      List<Event> events = new ArrayList<>();
      for (Event e : Event.values()) if (r.nextBoolean() && (e != Event.TRUNCATE || (!row && !constraint))) events.add(e);
      if (events.isEmpty()) events.add(Event.INSERT);
      List<String> cols = events.contains(Event.UPDATE) && r.nextBoolean() ? List.of("id") : List.of();
      String newTable = !row && timing == Timing.AFTER && !constraint && events.equals(List.of(Event.INSERT)) && r.nextBoolean()
          ? "new_rows" : null;
      String when = row && r.nextBoolean() && !events.contains(Event.DELETE) ? "(new.id IS NOT NULL)" : null;
      triggers.add(new TriggerModel(schema, "t0", "tr" + i, timing, events, cols, row, when, null, newTable, constraint,
          constraint && r.nextBoolean(), false, schema, "trg", r.nextBoolean() ? List.of("x", "it's") : List.of(),
          Enabled.values()[r.nextInt(4)], r.nextBoolean() ? "trigger " + i : null));
    }
    Random types = new Random(seed ^ 0xc011); // its own generator: the other kinds stay what they were for a seed
    return m.withObjects(functions, triggers).withAggregates(aggregates(r, schema)).withStatistics(statistics(r, schema))
        .withRules(rules(r, schema)).withCollations(collations(types, schema)).withRangeTypes(rangeTypes(types, schema));
  }

  private static final List<String> ICU_LOCALES = List.of("und-u-ks-level2", "de-u-co-phonebk", "und-u-kn-true", "fr");

  /** ICU (some nondeterministic) and libc collations, in the forms PostgreSQL reads back. */
  private static List<dev.sluice.schema.model.CollationModel> collations(Random r, String schema) {
    List<dev.sluice.schema.model.CollationModel> out = new ArrayList<>();
    int count = r.nextInt(4);
    for (int i = 0; i < count; i++) {
      String comment = r.nextBoolean() ? "collation " + i + ", it's" : null;
      switch (r.nextInt(3)) {
        case 0 -> out.add(new dev.sluice.schema.model.CollationModel(schema, "co" + i, "icu",
            ICU_LOCALES.get(r.nextInt(ICU_LOCALES.size())), null, null, r.nextBoolean(), comment));
        case 1 -> out.add(new dev.sluice.schema.model.CollationModel(schema, "co" + i, "libc", r.nextBoolean() ? "C" : "POSIX",
            null, null, true, comment));
        default -> out.add(new dev.sluice.schema.model.CollationModel(schema, "Co " + i, "libc", null, "C", "POSIX", true, comment));
      }
    }
    return out;
  }

  /** Range types over built-in subtypes, with the options each subtype allows. */
  private static List<dev.sluice.schema.model.RangeTypeModel> rangeTypes(Random r, String schema) {
    List<String> subtypes = List.of("integer", "double precision", "text", "date", "numeric");
    List<dev.sluice.schema.model.RangeTypeModel> out = new ArrayList<>();
    int count = r.nextInt(3);
    for (int i = 0; i < count; i++) {
      String subtype = subtypes.get(r.nextInt(subtypes.size()));
      String diff = subtype.equals("double precision") && r.nextBoolean() ? "float8mi" : null;
      String collation = subtype.equals("text") && r.nextBoolean() ? "C" : null;
      String name = r.nextBoolean() ? "range" + i : "Span " + i;
      out.add(new dev.sluice.schema.model.RangeTypeModel(schema, name, subtype, null, collation, null, diff,
          r.nextBoolean() ? "many" + i : null, r.nextBoolean() ? "range " + i : null));
    }
    return out;
  }

  /** Rules on {@code t0}, written as PostgreSQL prints them. */
  private static List<RuleModel> rules(Random r, String schema) {
    List<RuleModel> out = new ArrayList<>();
    int count = r.nextInt(3);
    for (int i = 0; i < count; i++) {
      RuleModel.Event event = RuleModel.Event.values()[r.nextInt(3)];
      String row = event == RuleModel.Event.DELETE ? "old" : "new";
      String where = r.nextBoolean() ? "(" + row + ".id > " + i + ")" : null;
      boolean instead = r.nextBoolean();
      out.add(new RuleModel(schema, "t0", "ru" + i, event, instead, where, "NOTHING", Enabled.values()[r.nextInt(4)],
          r.nextBoolean() ? "rule " + i + ", it's" : null));
    }
    return out;
  }

  /** Aggregates over built-in functions, with every option the model holds: ordered-set, hypothetical, moving, SORTOP, grants. */
  private static List<AggregateModel> aggregates(Random r, String schema) {
    List<AggregateModel> out = new ArrayList<>();
    int count = r.nextInt(3);
    for (int i = 0; i < count; i++) {
      String comment = r.nextBoolean() ? "aggregate " + i + ", it's" : null;
      Parallel parallel = Parallel.values()[r.nextInt(3)];
      List<String> grantees = r.nextInt(4) == 0 ? List.of() : null;
      out.add(switch (r.nextInt(7)) {
        case 0 -> new AggregateModel(schema, "ag" + i, List.of(new Argument(Mode.IN, r.nextBoolean() ? "v" : null, "integer", null)),
            "int4pl", "integer", r.nextBoolean() ? 4 : null, null, false, null, r.nextBoolean() ? "int4pl" : null, null, null,
            r.nextBoolean() ? "0" : null, parallel, comment);
        case 1 -> new AggregateModel(schema, "ag" + i, List.of(), "int8inc", "bigint", null, null, false, null, null, null, null,
            "0", parallel, comment);
        case 2 -> new AggregateModel(schema, "ag" + i, List.of(new Argument(Mode.IN, r.nextBoolean() ? "v" : null, "anyelement", null)),
            "ordered_set_transition", "internal", null, "mode_final", true, Modify.values()[r.nextInt(3)], null, null, null, null,
            parallel, comment, AggregateModel.Kind.ORDERED_SET, 0, null, null, grantees);
        case 3 -> new AggregateModel(schema, "ag" + i, List.of(new Argument(Mode.VARIADIC, null, "\"any\"", null)),
            "ordered_set_transition_multi", "internal", null, "rank_final", true, null, null, null, null, null, parallel, comment,
            AggregateModel.Kind.HYPOTHETICAL, 1, null, null, grantees);
        case 4 -> new AggregateModel(schema, "ag" + i, List.of(new Argument(Mode.IN, null, "integer", null)), "int4pl", "integer",
            null, null, false, null, null, null, null, null, parallel, comment, AggregateModel.Kind.NORMAL, 0, null,
            new AggregateModel.Moving("int4pl", "int4mi", "integer", r.nextBoolean() ? 4 : null, r.nextBoolean() ? "int4abs" : null,
                false, Modify.values()[r.nextInt(3)], r.nextBoolean() ? "0" : null), grantees);
        case 5 -> new AggregateModel(schema, "ag" + i, List.of(new Argument(Mode.IN, null, "integer", null)),
            r.nextBoolean() ? "int4larger" : "int4smaller", "integer", null, null, false, null, null, null, null, null, parallel,
            comment, AggregateModel.Kind.NORMAL, 0, r.nextBoolean() ? "pg_catalog.>" : "pg_catalog.<", null, grantees);
        default -> new AggregateModel(schema, "ag" + i, List.of(new Argument(Mode.IN, null, "text", null)), "textcat", "text",
            null, null, false, Modify.values()[r.nextInt(3)], null, null, null, r.nextBoolean() ? "it's " : null, parallel, comment);
      });
    }
    return out;
  }

  /** Statistics on {@code t0}'s id with an expression, of random kinds, targets and comments. */
  private static List<StatisticsModel> statistics(Random r, String schema) {
    List<StatisticsModel> out = new ArrayList<>();
    int count = r.nextInt(3);
    for (int i = 0; i < count; i++) {
      List<Kind> kinds = new ArrayList<>();
      for (Kind k : Kind.values()) if (r.nextBoolean()) kinds.add(k);
      if (kinds.isEmpty()) kinds.add(Kind.MCV);
      boolean single = r.nextInt(4) == 0;
      out.add(new StatisticsModel(schema, "st" + i, schema, "t0", single ? List.of() : kinds, single ? List.of() : List.of("id"),
          List.of("(id + " + i + ")"), r.nextBoolean() ? 10 * (i + 1) : null, r.nextBoolean() ? "stats " + i : null));
    }
    return out;
  }
}
