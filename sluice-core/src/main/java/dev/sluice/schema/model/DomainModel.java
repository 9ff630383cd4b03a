package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CREATE DOMAIN schema.name AS baseType [COLLATE c] [DEFAULT d] [NOT NULL] [CONSTRAINT c CHECK (...)]...}.
 *
 * @param checks named CHECK constraints (each may carry its own comment)
 * @param collation explicit collation differing from the base type's, or null
 */
public record DomainModel(String schema, String name, String baseType, boolean notNull, String defaultExpr,
    List<CheckModel> checks, String comment, String collation) {
  public DomainModel {
    checks = Models.sorted(checks, CheckModel::name);
  }

  /** The same domain with other checks (e.g. the same ones without their comments). */
  public DomainModel withChecks(List<CheckModel> newChecks) {
    return new DomainModel(schema, name, baseType, notNull, defaultExpr, newChecks, comment, collation);
  }

  /** A domain with the base type's collation. */
  public DomainModel(String schema, String name, String baseType, boolean notNull, String defaultExpr,
      List<CheckModel> checks, String comment) {
    this(schema, name, baseType, notNull, defaultExpr, checks, comment, null);
  }
}
