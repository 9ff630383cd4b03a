package dev.sluice.schema;

import dev.sluice.schema.model.PublicationModel;
import dev.sluice.schema.model.PublicationModel.Member;
import dev.sluice.schema.model.PublicationModel.Operation;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A logical replication publication, listed in {@link Schema#of(Object...)}:
 *
 * <pre>{@code
 * Publication.of("film_pub").table(FILM).table(RENTAL, List.of("rental_id", "rental_date"), "return_date IS NULL");
 * Publication.of("everything").allTables().publish(Operation.INSERT, Operation.UPDATE);
 * }</pre>
 *
 * Created after its tables; tables and schemas are added and dropped with {@code ALTER PUBLICATION},
 * options with {@code ALTER PUBLICATION ... SET (...)}. Column lists, row filters and
 * {@code TABLES IN SCHEMA} need PostgreSQL 15.
 */
public final class Publication {
  private final String name;
  private boolean allTables;
  private final List<Member> tables = new ArrayList<>();
  private final List<String> schemas = new ArrayList<>();
  private List<Operation> publish = List.of(Operation.values());
  private boolean viaRoot;
  private String comment;

  private Publication(String name) {
    Identifiers.check(name);
    this.name = name;
  }

  /** A publication named {@code name}. */
  public static Publication of(String name) {
    return new Publication(name);
  }

  /** {@code FOR ALL TABLES} (needs a superuser). */
  public Publication allTables() {
    allTables = true;
    return this;
  }

  /** {@code TABLE t}: every column and row. */
  public Publication table(Table<?> t) {
    return table(t, List.of(), null);
  }

  /** {@code TABLE t (columns) WHERE (rowFilter)}; {@code columns} empty for all, {@code rowFilter} null for all rows. */
  public Publication table(Table<?> t, List<String> columns, String rowFilter) {
    if (t.alias() != null) throw new IllegalArgumentException("publication of an alias (" + t + "): use the table itself");
    for (String c : columns) {
      if (t.columns().stream().noneMatch(x -> x.name().equals(c))) {
        throw new IllegalArgumentException("publication " + name + ": " + t.schema() + "." + t.name() + " has no column " + c);
      }
    }
    List<String> ordered = t.columns().stream().map(Column::name).filter(columns::contains).toList();
    tables.add(new Member(t.schema(), t.name(), ordered, rowFilter));
    return this;
  }

  /** {@code TABLE schema.table (columns) WHERE (rowFilter)} for a table the schema does not model (columns in table order). */
  public Publication table(String schemaName, String table, List<String> columns, String rowFilter) {
    Identifiers.check(table);
    tables.add(new Member(schemaName, table, columns, rowFilter));
    return this;
  }

  /** {@code TABLES IN SCHEMA}: every table of the schema, now and later. */
  public Publication tablesInSchema(Namespace namespace) {
    schemas.add(namespace.schema());
    return this;
  }

  /** {@code publish = '...'}: the operations published (instead of all four). */
  public Publication publish(Operation... operations) {
    if (operations.length == 0) throw new IllegalArgumentException("publication " + name + ": publish at least one operation");
    publish = Arrays.asList(operations);
    return this;
  }

  /** {@code publish_via_partition_root = true}. */
  public Publication viaPartitionRoot() {
    viaRoot = true;
    return this;
  }

  /** {@code COMMENT ON PUBLICATION}. */
  public Publication comment(String text) {
    comment = text;
    return this;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The model of this publication. */
  public PublicationModel toModel() {
    if (allTables && (!tables.isEmpty() || !schemas.isEmpty())) {
      throw new SchemaDefinitionException("publication " + name + " is allTables() and also lists tables or schemas");
    }
    return new PublicationModel(name, allTables, tables, schemas, publish, viaRoot, comment);
  }

  @Override
  public String toString() {
    return "publication " + name;
  }
}
