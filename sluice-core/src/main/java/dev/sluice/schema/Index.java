package dev.sluice.schema;

import dev.sluice.query.Condition;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.sql.QueryPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index definition, built in a table's constructor:
 * {@code index().using("gin").on(tags)}, {@code index("users_email_lower_idx").unique().onExpression("lower(email)")},
 * {@code index().on(Index.key(createdAt).desc().nullsLast()).include(title).where(deletedAt.isNull())}.
 */
public final class Index {
  private final String explicitName;
  private final List<Key> keys = new ArrayList<>();
  private final List<Column<?>> include = new ArrayList<>();
  private final List<Column<?>> columnRefs = new ArrayList<>();
  private final Map<String, String> with = new LinkedHashMap<>();
  private String method = "btree";
  private boolean unique;
  private boolean concurrently;
  private boolean nullsNotDistinct;
  private String where;
  private String comment;

  Index(String name) {
    this.explicitName = name;
  }

  /** A key on a column, to refine with {@link Key#desc()}, {@link Key#opclass(String)}... */
  public static Key key(Column<?> column) {
    return new Key(column.name(), false, null, null, false, null);
  }

  /** A key on an SQL expression, e.g. {@code lower(email)}. */
  public static Key expression(String sql) {
    return new Key(sql, true, null, null, false, null);
  }

  /** One index key. */
  public record Key(String expression, boolean isExpression, String collation, String opclass, boolean descending,
      Boolean nullsPlacement) {
    /** Descending order. */
    public Key desc() {
      return new Key(expression, isExpression, collation, opclass, true, nullsPlacement);
    }

    /** NULLS FIRST. */
    public Key nullsFirst() {
      return new Key(expression, isExpression, collation, opclass, descending, true);
    }

    /** NULLS LAST. */
    public Key nullsLast() {
      return new Key(expression, isExpression, collation, opclass, descending, false);
    }

    /** An operator class, e.g. {@code gin_trgm_ops}, {@code vector_cosine_ops}. */
    public Key opclass(String name) {
      return new Key(expression, isExpression, collation, name, descending, nullsPlacement);
    }

    /** COLLATE. */
    public Key collate(String name) {
      return new Key(expression, isExpression, name, opclass, descending, nullsPlacement);
    }

    /** COLLATE of a declared {@link Collation}. */
    public Key collate(Collation c) {
      return collate(c.reference());
    }

    IndexElement toModel() {
      return new IndexElement(expression, isExpression, collation, opclass, descending, nullsPlacement);
    }
  }

  /** Index columns in order. */
  public Index on(Column<?>... columns) {
    for (Column<?> c : columns) keys.add(key(c));
    columnRefs.addAll(List.of(columns));
    return this;
  }

  /** Index keys (columns or expressions with ordering/opclass). */
  public Index on(Key... k) {
    keys.addAll(List.of(k));
    return this;
  }

  /** An expression key from SQL text. */
  public Index onExpression(String sql) {
    keys.add(expression(sql));
    return this;
  }

  /** Access method: btree (default), hash, gin, gist, spgist, brin, hnsw, ivfflat. */
  public Index using(String accessMethod) {
    method = accessMethod;
    return this;
  }

  /** UNIQUE index. */
  public Index unique() {
    unique = true;
    return this;
  }

  /** NULLS NOT DISTINCT (unique indexes, PostgreSQL 15+). */
  public Index nullsNotDistinct() {
    nullsNotDistinct = true;
    return this;
  }

  /** Build with CREATE INDEX CONCURRENTLY (runs outside a transaction). */
  public Index concurrently() {
    concurrently = true;
    return this;
  }

  /** INCLUDE (covering) columns. */
  public Index include(Column<?>... columns) {
    include.addAll(List.of(columns));
    columnRefs.addAll(List.of(columns));
    return this;
  }

  /** Partial index predicate from SQL text. */
  public Index where(String predicate) {
    where = predicate;
    return this;
  }

  /** Partial index predicate from a DSL condition over this table's columns. */
  public Index where(Condition predicate) {
    return where(Column.inlineUnqualified(predicate));
  }

  /** A storage parameter: {@code WITH (name = value)}, e.g. fillfactor, m, ef_construction, lists, pages_per_range. */
  public Index with(String parameter, Object value) {
    with.put(parameter, String.valueOf(value));
    return this;
  }

  /** COMMENT ON INDEX. */
  public Index comment(String text) {
    comment = text;
    return this;
  }

  /** Columns given as Column objects (checked to belong to the indexed table). */
  List<Column<?>> columnRefs() {
    return columnRefs;
  }

  IndexModel toModel(String table, List<String> problems) {
    if (keys.isEmpty()) {
      problems.add("table " + table + ": index " + (explicitName == null ? "" : explicitName + " ") + "has no keys");
      return null;
    }
    List<String> keyNames = keys.stream().map(k -> k.isExpression() ? "expr" : k.expression()).toList();
    String name = explicitName != null ? explicitName : Names.of(table, keyNames, unique ? "key" : "idx");
    return new IndexModel(name, unique, method, keys.stream().map(Key::toModel).toList(),
        include.stream().map(Column::name).toList(), where, with, nullsNotDistinct, concurrently, comment);
  }

  static String inline(QueryPart p) {
    return Column.inlineUnqualified(p);
  }
}
