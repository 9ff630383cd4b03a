package dev.sluice.schema;

import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.sql.QueryPart;
import java.util.ArrayList;
import java.util.List;

/**
 * A view or materialized view defined by a query:
 * {@code View.of("active_projects").as(db -> select...)} or from SQL text.
 * The query is stored as SQL text with values inlined.
 */
public final class View {
  private final String schema;
  private final String name;
  private final boolean materialized;
  private String query;
  private boolean securityInvoker;
  private boolean securityBarrier;
  private ViewModel.CheckOption checkOption;
  private boolean withData = true;
  private final List<IndexModel> indexes = new ArrayList<>();
  private String comment;
  private final java.util.Map<String, String> columnComments = new java.util.TreeMap<>();

  private View(String schema, String name, boolean materialized) {
    dev.sluice.sql.Identifiers.check(name);
    this.schema = schema;
    this.name = name;
    this.materialized = materialized;
  }

  /** A view in {@code namespace} (the table prefix applies to its name). */
  public static View of(Namespace namespace, String name) {
    return new View(namespace.schema(), namespace.tableName(name), false);
  }

  /** A view in {@code public}. */
  public static View of(String name) {
    return of(Namespace.PUBLIC, name);
  }

  /** A materialized view in {@code namespace} (the table prefix applies to its name). */
  public static View materialized(Namespace namespace, String name) {
    return new View(namespace.schema(), namespace.tableName(name), true);
  }

  /** A materialized view in {@code public}. */
  public static View materialized(String name) {
    return materialized(Namespace.PUBLIC, name);
  }

  /** The view's query as SQL text. */
  public View as(String sql) {
    query = sql;
    return this;
  }

  /** The view's query from the DSL (values inlined as literals). */
  public View as(QueryPart select) {
    query = select.renderInline();
    return this;
  }

  /** WITH (security_invoker = true): the querying user's privileges and RLS apply (PostgreSQL 15+). */
  public View securityInvoker() {
    securityInvoker = true;
    return this;
  }

  /** WITH (security_barrier = true). */
  public View securityBarrier() {
    securityBarrier = true;
    return this;
  }

  /** WITH LOCAL|CASCADED CHECK OPTION. */
  public View checkOption(ViewModel.CheckOption option) {
    checkOption = option;
    return this;
  }

  /** Materialized views: WITH NO DATA (populate later with REFRESH). */
  public View withNoData() {
    withData = false;
    return this;
  }

  /** Materialized views: an index on the view (a unique one allows REFRESH ... CONCURRENTLY). */
  public View index(String indexName, boolean unique, String... columns) {
    indexes.add(new IndexModel(indexName, unique, "btree",
        java.util.Arrays.stream(columns).map(IndexModel.IndexElement::column).toList(), List.of(), null, null, false, false, null));
    return this;
  }

  /**
   * Materialized views: an index with every option (method, expressions, opclasses, INCLUDE, WHERE,
   * storage parameters), given as its model.
   */
  public View index(IndexModel index) {
    indexes.add(java.util.Objects.requireNonNull(index, "index"));
    return this;
  }

  /** COMMENT ON VIEW. */
  public View comment(String text) {
    comment = text;
    return this;
  }

  /** {@code COMMENT ON COLUMN view.column}: the comment of one of the view's output columns. */
  public View columnComment(String column, String text) {
    dev.sluice.sql.Identifiers.check(column);
    columnComments.put(column, java.util.Objects.requireNonNull(text, "text"));
    return this;
  }

  /** The schema. */
  public String schema() {
    return schema;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The model of this view. */
  public ViewModel toModel() {
    if (query == null) throw new SchemaDefinitionException("view " + name + " has no query: call as(...)");
    return new ViewModel(schema, name, query, materialized, securityInvoker, securityBarrier, checkOption,
        materialized && withData, indexes, comment, columnComments);
  }
}
