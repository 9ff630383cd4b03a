package dev.sluice.schema.model;

import java.util.List;

/**
 * A view or materialized view.
 *
 * @param query the SELECT text
 * @param securityInvoker {@code WITH (security_invoker = true)} (views only)
 * @param securityBarrier {@code WITH (security_barrier = true)} (views only)
 * @param checkOption {@code WITH [LOCAL|CASCADED] CHECK OPTION} or null (views only)
 * @param withData materialized views: populate on creation
 * @param indexes materialized views: indexes on the view
 */
public record ViewModel(String schema, String name, String query, boolean materialized, boolean securityInvoker,
    boolean securityBarrier, CheckOption checkOption, boolean withData, List<IndexModel> indexes, String comment) {
  public ViewModel {
    indexes = Models.sorted(indexes, IndexModel::name);
    if (materialized && (securityInvoker || securityBarrier || checkOption != null)) {
      throw new IllegalArgumentException("materialized view " + name
          + " cannot have security_invoker, security_barrier or a check option");
    }
  }

  /** {@code WITH ... CHECK OPTION}. */
  public enum CheckOption { LOCAL, CASCADED }
}
