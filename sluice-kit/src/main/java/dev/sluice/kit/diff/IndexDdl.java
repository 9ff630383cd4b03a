package dev.sluice.kit.diff;

import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import java.util.stream.Collectors;

/** CREATE INDEX on tables and materialized views. */
final class IndexDdl {
  private IndexDdl() {}

  static String createIndex(Change.CreateIndex c) {
    IndexModel i = c.index();
    StringBuilder sb = new StringBuilder("CREATE ");
    if (i.unique()) sb.append("UNIQUE ");
    sb.append("INDEX ");
    if (i.concurrently()) sb.append("CONCURRENTLY ");
    sb.append(Sql.name(i.name())).append(" ON ").append(Sql.qualified(c.schema(), c.table()))
        .append(" USING ").append(Sql.name(i.method()))
        .append(" (").append(i.elements().stream().map(IndexDdl::element).collect(Collectors.joining(", "))).append(')');
    if (!i.include().isEmpty()) sb.append(" INCLUDE (").append(Sql.names(i.include())).append(')');
    if (i.nullsNotDistinct()) {
      if (!i.unique()) throw new IllegalArgumentException("index " + i.name() + ": NULLS NOT DISTINCT needs a unique index");
      sb.append(" NULLS NOT DISTINCT");
    }
    if (!i.with().isEmpty()) {
      sb.append(" WITH (").append(i.with().entrySet().stream()
          .map(e -> Sql.name(e.getKey()) + " = " + Sql.optionValue(e.getValue()))
          .collect(Collectors.joining(", "))).append(')');
    }
    if (i.where() != null) sb.append(" WHERE (").append(Sql.fragment("predicate of index " + i.name(), i.where())).append(')');
    return sb.toString();
  }

  private static String element(IndexElement e) {
    StringBuilder sb = new StringBuilder();
    if (e.isExpression()) {
      sb.append('(').append(Sql.fragment("index expression", e.expression())).append(')');
    } else {
      sb.append(Sql.name(e.expression()));
    }
    if (e.collation() != null) sb.append(" COLLATE ").append(Sql.collation(e.collation()));
    if (e.opclass() != null) sb.append(' ').append(Sql.maybeQualified(e.opclass()));
    if (e.descending()) sb.append(" DESC");
    if (e.nullsFirst() != null) sb.append(e.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    return sb.toString();
  }
}
