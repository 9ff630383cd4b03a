package dev.sluice.schema.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A view or materialized view.
 *
 * @param query the SELECT text
 * @param securityInvoker {@code WITH (security_invoker = true)} (views only)
 * @param securityBarrier {@code WITH (security_barrier = true)} (views only)
 * @param checkOption {@code WITH [LOCAL|CASCADED] CHECK OPTION} or null (views only)
 * @param withData materialized views: populate on creation
 * @param indexes materialized views: indexes on the view
 * @param columnComments {@code COMMENT ON COLUMN view.column}, by column name (columns without one are absent)
 */
public record ViewModel(String schema, String name, String query, boolean materialized, boolean securityInvoker,
    boolean securityBarrier, CheckOption checkOption, boolean withData, List<IndexModel> indexes, String comment,
    Map<String, String> columnComments) {
  public ViewModel {
    indexes = Models.sorted(indexes, IndexModel::name);
    columnComments = columnComments == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(columnComments));
    if (materialized && (securityInvoker || securityBarrier || checkOption != null)) {
      throw new IllegalArgumentException("materialized view " + name
          + " cannot have security_invoker, security_barrier or a check option");
    }
  }

  /** A view without column comments. */
  public ViewModel(String schema, String name, String query, boolean materialized, boolean securityInvoker,
      boolean securityBarrier, CheckOption checkOption, boolean withData, List<IndexModel> indexes, String comment) {
    this(schema, name, query, materialized, securityInvoker, securityBarrier, checkOption, withData, indexes, comment, Map.of());
  }

  /** This view under another schema and name (a rename or a move), everything else kept. */
  public ViewModel at(String newSchema, String newName) {
    return new ViewModel(newSchema, newName, query, materialized, securityInvoker, securityBarrier, checkOption, withData,
        indexes, comment, columnComments);
  }

  /** This view with other indexes, everything else kept. */
  public ViewModel withIndexes(List<IndexModel> newIndexes) {
    return new ViewModel(schema, name, query, materialized, securityInvoker, securityBarrier, checkOption, withData,
        newIndexes, comment, columnComments);
  }

  /** {@code WITH ... CHECK OPTION}. */
  public enum CheckOption { LOCAL, CASCADED }
}
