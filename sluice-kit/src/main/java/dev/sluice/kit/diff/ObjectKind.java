package dev.sluice.kit.diff;

import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * One object kind as one unit: where its objects live in a {@link SchemaModel}, how they are read
 * from pg_catalog, placed in the {@link DependencyGraph}, diffed, rendered (its {@link Change}s are
 * {@link Change.ObjectChange}s that render themselves) and pulled to Java. Snapshots need nothing
 * here: the model records are what {@code SnapshotJson} writes.
 *
 * <p>Adding a kind is adding an implementation (one file) and listing it in {@link Kinds#ALL}.
 *
 * @param <M> the model record
 */
interface ObjectKind<M> {
  /** {@code "function"}, for messages. */
  String label();

  /** The kind's objects in {@code m}. */
  List<M> of(SchemaModel m);

  /** {@code m} with {@code items} as this kind's objects. */
  SchemaModel with(SchemaModel m, List<M> items);

  /** The identity of an object within its kind; changes name it so {@link CoverageGuard} can find them. */
  String key(M item);

  /** The part of an object whose difference must produce a change (semantic form). */
  default Object definition(M item) {
    return item;
  }

  /** The objects in {@code schemas} (never extension members), read with {@code search_path = ''}. */
  List<M> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException;

  /** Reads one row of a catalog query into a model record. */
  interface RowReader<M> {
    M read(java.sql.ResultSet rs) throws SQLException;
  }

  /** Runs {@code sql}, whose one parameter is the {@code text[]} of {@code schemas}, reading each row. */
  static <M> List<M> query(Connection c, String sql, List<String> schemas, RowReader<M> reader) throws SQLException {
    List<M> out = new java.util.ArrayList<>();
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(reader.read(rs));
      }
    }
    return out;
  }

  /** Adds this kind's nodes to {@code g} (before any edge is added, so SQL text can name them). */
  void nodes(SchemaModel m, DependencyGraph g);

  /** Adds the edges from this kind's objects to what they need. */
  void edges(SchemaModel m, DependencyGraph g);

  /**
   * Bare names whose dependants in {@code a} (views, policies, checks, indexes, defaults, generated
   * columns, triggers naming them) must be dropped and created again because the object itself is
   * dropped and re-created (e.g. a function whose return type changes).
   */
  default Set<String> rebuilt(SchemaModel a, SchemaModel b) {
    return Set.of();
  }

  /** The changes turning this kind's objects of {@code ctx.from()} into those of {@code ctx.to()}. */
  void diff(KindDiff ctx);

  /** The object after renames of schemas and relations applied to the model holding it. */
  M renamed(M item, java.util.function.UnaryOperator<String> schema, java.util.function.BinaryOperator<String> relation);

  /** The DSL class a pulled declaration has ({@code dev.sluice.schema.Function}). */
  String javaType();

  /** A name to derive the pulled constant's name from. */
  String javaName(M item);

  /** A Java expression that declares {@code item} in the DSL (a holder constant's initializer). */
  String java(M item, ObjectKinds.JavaContext ctx);
}
