package dev.sluice.schema;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A domain type: a base type with constraints, e.g.
 * {@code Domain.of("email", PgTypes.CITEXT).check("email_format", "VALUE ~ '^[^@]+@[^@]+$'")}.
 * Use {@link #dataType()} for columns of the domain.
 */
public final class Domain<T> {
  private final String schema;
  private final String name;
  private final DataType<T> base;
  private boolean notNull;
  private String defaultSql;
  private final List<CheckModel> checks = new ArrayList<>();
  private String comment;
  private String collation;
  private final java.util.Map<String, String> checkComments = new java.util.LinkedHashMap<>();

  private Domain(String schema, String name, DataType<T> base) {
    dev.sluice.sql.Identifiers.check(name);
    this.schema = schema;
    this.name = name;
    this.base = base;
  }

  /** A domain in {@code public}. */
  public static <T> Domain<T> of(String name, DataType<T> base) {
    return new Domain<>("public", name, base);
  }

  /** A domain in {@code namespace}'s schema. */
  public static <T> Domain<T> of(Namespace namespace, String name, DataType<T> base) {
    return new Domain<>(namespace.schema(), name, base);
  }

  /** NOT NULL. */
  public Domain<T> notNull() { notNull = true; return this; }
  /** DEFAULT expression (SQL). */
  public Domain<T> defaultSql(String sql) { defaultSql = sql; return this; }
  /** CONSTRAINT name CHECK (expression over VALUE). */
  public Domain<T> check(String constraintName, String expression) {
    checks.add(new CheckModel(constraintName, expression, false));
    return this;
  }
  /** CONSTRAINT name CHECK (expression over VALUE) [NOT VALID]: NOT VALID skips existing data. */
  public Domain<T> check(String constraintName, String expression, boolean notValid) {
    checks.add(new CheckModel(constraintName, expression, notValid));
    return this;
  }
  /** COMMENT ON DOMAIN. */
  public Domain<T> comment(String text) { comment = text; return this; }
  /** COLLATE collation (a collatable base type only); PostgreSQL cannot change it later. */
  public Domain<T> collate(String collationName) { collation = collationName; return this; }
  /** COLLATE of a declared {@link Collation}. */
  public Domain<T> collate(Collation c) { return collate(c.reference()); }
  /** COMMENT ON CONSTRAINT constraintName ON DOMAIN: the comment of a check declared with {@link #check}. */
  public Domain<T> constraintComment(String constraintName, String text) {
    checkComments.put(constraintName, text);
    return this;
  }

  /** The type of columns declared with this domain. */
  public DataType<T> dataType() {
    return base.withSqlName(schema + "." + name);
  }

  /** The model of this domain. */
  public DomainModel toModel() {
    List<CheckModel> commented = new ArrayList<>();
    for (CheckModel c : checks) commented.add(checkComments.containsKey(c.name()) ? c.withComment(checkComments.get(c.name())) : c);
    for (String n : checkComments.keySet()) {
      if (checks.stream().noneMatch(c -> c.name().equals(n))) {
        throw new SchemaDefinitionException(List.of("domain " + name + ": constraintComment names " + n
            + ", which is not one of its checks"));
      }
    }
    return new DomainModel(schema, name, base.sqlName(), notNull, defaultSql, commented, comment, collation);
  }
}
