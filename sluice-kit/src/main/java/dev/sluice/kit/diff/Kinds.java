package dev.sluice.kit.diff;

import dev.sluice.schema.model.SchemaModel;
import java.util.List;

/**
 * Every {@link ObjectKind}, in the order their diffs run (a kind may read what an earlier one rebuilds)
 * and pull declares them (range types before the kinds whose declarations name tables, whose
 * columns may be of a range type).
 */
final class Kinds {
  private Kinds() {}

  static final List<ObjectKind<?>> ALL = List.of(new FunctionKind(), new CollationKind(), new RangeTypeKind(), new TriggerKind(), new AggregateKind(),
      new StatisticsKind(), new RuleKind(), new PublicationKind(),
      new EventTriggerKind(), new CitusKind(), new DefaultPrivilegeKind());

  /** {@code m} with the objects of every kind carried over from {@code source}, each renamed. */
  static SchemaModel carry(SchemaModel m, SchemaModel source, java.util.function.UnaryOperator<String> schema,
      java.util.function.BinaryOperator<String> relation) {
    SchemaModel out = m;
    for (ObjectKind<?> k : ALL) out = carry(k, out, source, schema, relation);
    return out;
  }

  private static <M> SchemaModel carry(ObjectKind<M> k, SchemaModel m, SchemaModel source,
      java.util.function.UnaryOperator<String> schema, java.util.function.BinaryOperator<String> relation) {
    return k.with(m, k.of(source).stream().map(x -> k.renamed(x, schema, relation)).toList());
  }
}
