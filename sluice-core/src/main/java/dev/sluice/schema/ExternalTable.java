package dev.sluice.schema;

import dev.sluice.types.DataType;

/**
 * A table that belongs to someone else, declared in place: {@code Table.external("auth", "users")}.
 * Foreign keys may reference its {@link #key key columns}; it is never created, altered or dropped.
 *
 * <pre>{@code
 * static final ExternalTable AUTH_USERS = Table.external("auth", "users");
 * static final Column<UUID> AUTH_USER_ID = AUTH_USERS.key("id", PgTypes.UUID_TYPE);
 * ...
 * final Column<UUID> userId = uuid("user_id").references(() -> AUTH_USER_ID);
 * }</pre>
 */
public final class ExternalTable extends Table<ExternalTable> {
  ExternalTable(String schema, String name) {
    super(Namespace.of(schema), name);
    external();
  }

  /** A key column (part of the primary key) that foreign keys may reference. */
  public <V> Column<V> key(String name, DataType<V> type) {
    return column(name, type).primaryKey();
  }

  /** A plain column (e.g. one a unique constraint of the real table covers, for typing). */
  public <V> Column<V> column(String name, DataType<V> type, boolean unique) {
    Column<V> c = column(name, type);
    return unique ? c.unique() : c;
  }
}
