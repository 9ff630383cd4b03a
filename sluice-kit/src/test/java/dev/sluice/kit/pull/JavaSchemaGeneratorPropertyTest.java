package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random models with hostile names: generate -> compile -> load -> the same model. */
class JavaSchemaGeneratorPropertyTest {
  static final List<String> NAMES = List.of("id", "class", "user", "Order Details", "a\"q", "x-y", "_", "2fa",
      "value", "CamelCase", "camel_case", "\u00e9moji\ud83d\ude80", "back\\slash", "new\nline", "Table", "select");
  static final List<String> LABELS = List.of("a", "b c", "it's", "NEW", "new", "class", "\\u0041", "x\"y", "\u00fc");
  static final List<String> TEXT = List.of("plain", "quote \" here", "back \\ slash", "multi\nline",
      "\u00e9t\u00e9 \ud83d\ude80", "*/ /*", "\\u000a");
  static final List<String> TYPES = List.of("integer", "bigint", "text", "character varying(20)", "numeric(8,3)",
      "boolean", "uuid", "jsonb", "timestamp(3) with time zone", "text[]", "interval day", "public.citext", "money",
      "smallint[]", "public.hstore");

  @Property(tries = 12)
  void randomModelsRoundTripExactly(@ForAll("models") SchemaModel model) {
    assertThat(GeneratedSchema.roundTrip(model, "gen.prop")).isEqualTo(model);
  }

  @Provide
  Arbitrary<SchemaModel> models() {
    return Arbitraries.randomValue(JavaSchemaGeneratorPropertyTest::model);
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private static String maybe(Random r, List<String> from) {
    return r.nextInt(3) == 0 ? pick(r, from) : null;
  }

  static SchemaModel model(Random r) {
    Set<String> schemas = new LinkedHashSet<>();
    List<EnumModel> enums = new ArrayList<>();
    List<String> types = new ArrayList<>(TYPES);
    int enumCount = r.nextInt(3);
    Set<String> enumNames = new LinkedHashSet<>();
    for (int i = 0; i < enumCount; i++) {
      String name = pick(r, NAMES);
      if (!enumNames.add(name)) continue;
      Set<String> labels = new LinkedHashSet<>();
      for (int j = r.nextInt(5); j > 0; j--) labels.add(pick(r, LABELS));
      enums.add(new EnumModel("public", name, List.copyOf(labels), maybe(r, TEXT)));
      types.add("public." + name);
      types.add("public." + name + "[]");
    }
    List<TableModel> tables = new ArrayList<>();
    Set<String> tableNames = new LinkedHashSet<>();
    boolean citext = false;
    int tableCount = 1 + r.nextInt(3);
    for (int i = 0; i < tableCount; i++) {
      String schema = r.nextInt(4) == 0 ? "s \"x\"" : "public";
      String name = pick(r, NAMES);
      if (!tableNames.add(schema + "." + name)) continue;
      if (!schema.equals("public")) schemas.add(schema);
      Set<String> colNames = new LinkedHashSet<>();
      for (int j = 1 + r.nextInt(5); j > 0; j--) colNames.add(pick(r, NAMES));
      List<String> names = List.copyOf(colNames);
      boolean hasPk = r.nextBoolean();
      List<ColumnModel> cols = new ArrayList<>();
      for (int j = 0; j < names.size(); j++) {
        String type = j == 0 && hasPk ? pick(r, List.of("integer", "bigint", "text")) : pick(r, types);
        citext |= type.equals("public.citext");
        boolean notNull = (j == 0 && hasPk) || r.nextBoolean();
        cols.add(new ColumnModel(names.get(j), type, notNull, maybe(r, List.of("0", "'x'::text", "now()", "'\\'")),
            null, null, r.nextInt(5) == 0 ? "C" : null, maybe(r, TEXT)));
      }
      PrimaryKeyModel pk = hasPk ? new PrimaryKeyModel(r.nextBoolean() ? name + "_pkey" : "pk \"" + i + "\"",
          List.of(names.get(0))) : null;
      List<ForeignKeyModel> fks = new ArrayList<>();
      TableModel first = tables.isEmpty() ? null : tables.get(0);
      if (first != null && first.primaryKey() != null && r.nextBoolean() && !colNames.contains("ref")) {
        String refType = first.column(first.primaryKey().columns().get(0)).orElseThrow().type();
        cols.add(ColumnModel.of("ref", refType));
        fks.add(new ForeignKeyModel(r.nextBoolean() ? name + "_ref_fkey" : "fk " + i, List.of("ref"), first.schema(),
            first.name(), first.primaryKey().columns(), pick(r, List.of(ForeignKeyModel.Action.values())),
            pick(r, List.of(ForeignKeyModel.Action.values())), null, r.nextBoolean(), false, r.nextBoolean()));
      }
      String last = cols.get(cols.size() - 1).name();
      List<UniqueModel> uniques = new ArrayList<>();
      if (r.nextBoolean()) {
        boolean deferrable = r.nextBoolean();
        uniques.add(new UniqueModel(r.nextBoolean() ? name + "_" + last + "_key" : "uq \"" + i + "\"", List.of(last),
            r.nextBoolean(), deferrable, deferrable && r.nextBoolean()));
      }
      List<CheckModel> checks = r.nextBoolean()
          ? List.of(new CheckModel(pick(r, NAMES) + " check", pick(r, TEXT), r.nextBoolean())) : List.of();
      List<IndexModel> indexes = new ArrayList<>();
      if (r.nextBoolean()) {
        IndexElement e = r.nextBoolean() ? new IndexElement(last, false, null, null, r.nextBoolean(), null)
            : new IndexElement("lower(" + pick(r, TEXT) + ")", true, null, null, false, r.nextBoolean());
        indexes.add(new IndexModel(r.nextBoolean() ? name + "_" + last + "_idx" : "ix " + pick(r, NAMES),
            r.nextBoolean(), pick(r, List.of("btree", "gin", "hash")), List.of(e), null, maybe(r, TEXT), null,
            false, false, maybe(r, TEXT)));
      }
      List<PolicyModel> policies = r.nextBoolean() ? List.of(new PolicyModel(pick(r, NAMES),
          pick(r, List.of(PolicyModel.Command.values())), r.nextBoolean(), List.of(), maybe(r, TEXT), maybe(r, TEXT)))
          : List.of();
      PartitioningModel partitioning = null;
      if (r.nextInt(3) == 0) {
        // a partition with its own index (brin: never the parent's definition) and a copy of the table's key
        List<IndexModel> own = List.of(new IndexModel("own " + pick(r, NAMES), false, "brin",
            List.of(IndexElement.column(last)), null, maybe(r, TEXT), null, false, false, maybe(r, TEXT)));
        List<ForeignKeyModel> ownFks = fks.stream().map(f -> f.withComment(maybe(r, TEXT))).map(f -> new ForeignKeyModel(
            "own " + f.name(), f.columns(), f.refSchema(), f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate(), f.match(),
            f.deferrable(), f.initiallyDeferred(), f.notValid(), f.onDeleteColumns(), f.comment())).toList();
        // and constraints of its own (a primary key only when the table has none: the table's reaches every partition)
        PrimaryKeyModel ownPk = pk == null && r.nextBoolean()
            ? new PrimaryKeyModel("own pk " + i, List.of(names.get(0)), maybe(r, TEXT)) : null;
        List<UniqueModel> ownUniques = r.nextBoolean() ? List.of(new UniqueModel("own uq " + pick(r, NAMES), List.of(last),
            r.nextBoolean(), false, false, maybe(r, TEXT))) : List.of();
        List<CheckModel> ownChecks = r.nextBoolean()
            ? List.of(new CheckModel("own " + pick(r, NAMES) + " check", pick(r, TEXT), r.nextBoolean(), maybe(r, TEXT))) : List.of();
        List<dev.sluice.schema.model.ExclusionModel> ownExclusions = r.nextBoolean()
            ? List.of(new dev.sluice.schema.model.ExclusionModel("own excl " + i, "hash",
                List.of(new dev.sluice.schema.model.ExclusionModel.Element(last, null, "=")), maybe(r, TEXT), false, false,
                maybe(r, TEXT))) : List.of();
        partitioning = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of(names.get(0)), List.of(
            new PartitionModel(name + "_part" + i, "DEFAULT", null, own, ownFks, ownPk, ownUniques, ownChecks, ownExclusions)));
      }
      tables.add(new TableModel(schema, name, cols, pk, fks, uniques, checks, null, indexes, partitioning, r.nextBoolean(),
          r.nextBoolean(), policies, maybe(r, TEXT)));
    }
    List<ExtensionModel> extensions = citext ? List.of(new ExtensionModel("citext", null)) : List.of();
    return new SchemaModel(List.copyOf(schemas), extensions, null, enums, null, null, tables, null, null);
  }
}
