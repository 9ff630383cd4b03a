package dev.sluice.kit.diff;

import dev.sluice.schema.model.SchemaModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@link ObjectKind}'s diff sees and emits: both models (after renames), their dependency
 * graphs, what the table-level diff drops or rebuilds, and one list of changes per
 * {@link DependencyGraph.Slot}.
 */
final class KindDiff {
  private final SchemaModel from;
  private final SchemaModel to;
  private final DependencyGraph fromGraph;
  private final DependencyGraph toGraph;
  private final Set<String> rebuiltNames;
  private final Set<String> droppedRelations;
  private final Set<String> recreatedRelations;
  private final Map<DependencyGraph.Slot, List<Change>> slots = new EnumMap<>(DependencyGraph.Slot.class);

  KindDiff(SchemaModel from, SchemaModel to, Set<String> rebuiltNames, Set<String> droppedRelations,
      Set<String> recreatedRelations) {
    this.from = from;
    this.to = to;
    this.fromGraph = DependencyGraph.of(from);
    this.toGraph = DependencyGraph.of(to);
    this.rebuiltNames = rebuiltNames;
    this.droppedRelations = droppedRelations;
    this.recreatedRelations = recreatedRelations;
    for (DependencyGraph.Slot s : DependencyGraph.Slot.values()) slots.put(s, new ArrayList<>());
  }

  SchemaModel from() {
    return from;
  }

  SchemaModel to() {
    return to;
  }

  DependencyGraph fromGraph() {
    return fromGraph;
  }

  DependencyGraph toGraph() {
    return toGraph;
  }

  /** Bare names (of every kind) whose dependants are dropped and re-created by this diff. */
  Set<String> rebuiltNames() {
    return rebuiltNames;
  }

  /** Tables and views ({@code schema.name}) of {@code from} this diff drops for good. */
  boolean dropped(String schema, String relation) {
    return droppedRelations.contains(schema + "." + relation);
  }

  /** Views ({@code schema.name}) this diff drops and creates again (what was on them is gone). */
  boolean recreated(String schema, String relation) {
    return recreatedRelations.contains(schema + "." + relation);
  }

  void add(DependencyGraph.Slot slot, Change change) {
    slots.get(slot).add(change);
  }

  List<Change> slot(DependencyGraph.Slot slot) {
    return slots.get(slot);
  }
}
