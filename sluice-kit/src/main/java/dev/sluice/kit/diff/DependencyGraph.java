package dev.sluice.kit.diff;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.ViewModel;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects of one model and what each needs to exist before it: the one place the create and
 * drop order of the object kinds ({@link ObjectKind}) comes from.
 *
 * <p>Nodes are {@code kind:schema.name} ({@code table:public.users}, {@code view:...},
 * {@code type:...} for enums and domains, {@code function:public.f(integer)},
 * {@code trigger:public.users.touch}). Edges are declared references: a column's type, a view's
 * query, a default, check, generated column, index expression or policy naming a function, a
 * function's argument and result types, its argument defaults and SQL-standard body, a trigger's
 * relation and function. Names in SQL text are matched as PostgreSQL resolves bare identifiers
 * (folded to lower case, literals and comments skipped), so the same rules serve the DSL and an
 * introspected database; the text PostgreSQL prints for an introspected object names exactly what
 * {@code pg_depend} records for it.
 *
 * <p>The table-level phases of {@link SchemaDiff} are the skeleton; this graph places each object of
 * a unit kind into them ({@link #createSlot(String)}) and orders objects within a slot: creates in
 * dependency order, drops in reverse.
 */
final class DependencyGraph {
  /** Where a unit kind's creates and drops go among the table-level phases. */
  enum Slot {
    /** Drops before anything else is dropped (triggers). */
    DROP_FIRST,
    /** Drops after columns and constraints, before tables (functions a dropped table's row type needs). */
    DROP_BEFORE_TABLES,
    /** Drops after tables, before functions (range types, before their subtype-difference function). */
    DROP_TYPES,
    /** Drops after tables, before types and schemas (functions). */
    DROP_AFTER_TABLES,
    /** Creates after schemas and extensions, before enums, domains and composite types (collations). */
    BEFORE_TYPES,
    /** Creates after enums, domains and sequences, before tables (functions the tables' defaults and checks call). */
    AFTER_TYPES,
    /** Creates after tables and columns (functions taking or returning a table's row type). */
    AFTER_TABLES,
    /** Creates after views (functions over a view's row type). */
    AFTER_VIEWS,
    /** Creates after policies (triggers). */
    LAST,
    /** After the grants (default privileges: as pg_dump places them, so they shape only later objects). */
    AFTER_GRANTS,
    /** Drops after enums, domains and composite types, before schemas (collations). */
    DROP_LAST
  }

  private final Map<String, Set<String>> requires = new LinkedHashMap<>();
  private final Map<String, Set<String>> byName = new HashMap<>();
  /** Type nodes created after the functions that come before the tables (range types). */
  private final Set<String> afterFunctions = new java.util.HashSet<>();

  static String table(String schema, String name) {
    return "table:" + schema + "." + name;
  }

  static String view(String schema, String name) {
    return "view:" + schema + "." + name;
  }

  static String type(String schema, String name) {
    return "type:" + schema + "." + name;
  }

  /** The graph of {@code m}: its tables, views and types, and every unit kind's objects. */
  static DependencyGraph of(SchemaModel m) {
    DependencyGraph g = new DependencyGraph();
    for (EnumModel e : m.enums()) g.node(type(e.schema(), e.name()), e.name());
    for (DomainModel d : m.domains()) g.node(type(d.schema(), d.name()), d.name());
    for (TableModel t : m.tables()) g.node(table(t.schema(), t.name()), t.name());
    for (ViewModel v : m.views()) g.node(view(v.schema(), v.name()), v.name());
    for (ObjectKind<?> k : Kinds.ALL) k.nodes(m, g);
    for (DomainModel d : m.domains()) g.mentions(type(d.schema(), d.name()), d.baseType(), "type:");
    for (TableModel t : m.tables()) {
      String node = table(t.schema(), t.name());
      for (ColumnModel c : t.columns()) {
        g.mentions(node, c.type(), "type:");
        if (c.defaultExpr() != null) g.mentions(node, c.defaultExpr(), "function:");
        if (c.generatedExpr() != null) g.mentions(node, c.generatedExpr(), "function:");
      }
      t.checks().forEach(k -> g.mentions(node, k.expression(), "function:"));
      for (IndexModel i : t.indexes()) {
        for (IndexModel.IndexElement e : i.elements()) if (e.isExpression()) g.mentions(node, e.expression(), "function:");
        if (i.where() != null) g.mentions(node, i.where(), "function:");
      }
      for (PolicyModel p : t.policies()) {
        if (p.using() != null) g.mentions(node, p.using(), "function:");
        if (p.withCheck() != null) g.mentions(node, p.withCheck(), "function:");
      }
    }
    for (ViewModel v : m.views()) g.mentions(view(v.schema(), v.name()), v.query(), "table:", "view:", "function:");
    for (ObjectKind<?> k : Kinds.ALL) k.edges(m, g);
    return g;
  }

  /** Adds a node; {@code bareName} is how SQL text names it (functions share it across overloads). */
  void node(String node, String bareName) {
    requires.computeIfAbsent(node, k -> new LinkedHashSet<>());
    byName.computeIfAbsent(bareName, k -> new LinkedHashSet<>()).add(node);
  }

  /** {@code node} (a type) is created after the functions that come before the tables: a function needing it comes after the tables. */
  void createdAfterFunctions(String node) {
    afterFunctions.add(node);
  }

  /** Whether {@code node} was marked by {@link #createdAfterFunctions(String)}. */
  boolean isCreatedAfterFunctions(String node) {
    return afterFunctions.contains(node);
  }

  /** {@code from} needs {@code to}. */
  void edge(String from, String to) {
    if (!from.equals(to)) requires.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
  }

  /** Edges from {@code from} to every node of the given kinds (prefixes) that {@code sql} names. */
  void mentions(String from, String sql, String... kinds) {
    if (sql == null) return;
    for (String name : SqlNames.of(sql)) {
      for (String to : byName.getOrDefault(name, Set.of())) {
        for (String k : kinds) if (to.startsWith(k)) edge(from, to);
      }
    }
  }

  /** Nodes named {@code bareName} (every overload of a function). */
  Set<String> named(String bareName) {
    return byName.getOrDefault(bareName, Set.of());
  }

  /** What {@code node} needs directly. */
  Set<String> requires(String node) {
    return requires.getOrDefault(node, Set.of());
  }

  /** Every node that needs one of {@code nodes}, directly or through others (the nodes themselves excluded). */
  Set<String> dependants(Collection<String> nodes) {
    Map<String, Set<String>> reverse = new HashMap<>();
    requires.forEach((from, tos) -> tos.forEach(to -> reverse.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from)));
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(nodes);
    while (!todo.isEmpty()) {
      for (String d : reverse.getOrDefault(todo.pop(), Set.of())) {
        if (!nodes.contains(d) && out.add(d)) todo.push(d);
      }
    }
    return out;
  }

  /**
   * Where a function (or another node created before the views) goes: after the views when it
   * needs one, directly or through the functions it needs, else after the tables when it needs
   * one, else right after the types.
   */
  Slot createSlot(String node) {
    if (node.startsWith("trigger:")) return Slot.LAST;
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(node));
    boolean table = false;
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (!seen.add(n)) continue;
      for (String r : requires(n)) {
        if (r.startsWith("view:")) return Slot.AFTER_VIEWS;
        if (r.startsWith("table:") || afterFunctions.contains(r)) table = true;
        if (r.startsWith("function:")) todo.push(r);
      }
    }
    return table ? Slot.AFTER_TABLES : Slot.AFTER_TYPES;
  }

  /** {@code items} with each after the items it needs (stable otherwise). */
  <T> List<T> order(List<T> items, java.util.function.Function<T, String> node) {
    return Topological.sort(items, node, t -> requires(node.apply(t)));
  }
}
