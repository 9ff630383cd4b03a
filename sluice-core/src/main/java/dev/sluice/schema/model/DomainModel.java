package dev.sluice.schema.model;

import java.util.List;

/** {@code CREATE DOMAIN schema.name AS baseType [NOT NULL] [DEFAULT d] [CONSTRAINT c CHECK (...)]}. */
public record DomainModel(String schema, String name, String baseType, boolean notNull, String defaultExpr,
    List<CheckModel> checks, String comment) {
  public DomainModel {
    checks = Models.sorted(checks, CheckModel::name);
  }
}
