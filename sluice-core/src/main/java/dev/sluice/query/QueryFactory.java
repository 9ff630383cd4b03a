package dev.sluice.query;

import dev.sluice.schema.Table;
import java.util.List;

/**
 * Where statements start: implemented by {@code Database} (each statement on a pooled connection)
 * and {@code Transaction} (statements on the transaction's connection).
 */
public interface QueryFactory extends SelectOverloads {
  /** The executor statements built here run on. */
  QueryExecutor executor();

  @Override
  @SuppressWarnings("unchecked")
  default <S> S selectImpl(List<? extends SelectItem> items) {
    return (S) Selects.create(executor(), List.of(), false, items);
  }

  /**
   * {@code SELECT <every column of table, by name> FROM table}, read into {@link TableRecord}s:
   * {@code db.selectFrom(BOOKS).where(BOOKS.id.eq(1L)).fetchOne().get(BOOKS.title)}.
   */
  default <T extends Table<T>> TableSelect<T> selectFrom(T table) {
    Select untyped = selectImpl(List.of(table)); // through selectImpl, so a WITH clause is kept
    SelectImpl s = (SelectImpl) UntypedSelect.unwrap(untyped);
    s.from(table);
    return new TableSelectImpl<>(s, table);
  }

  /**
   * {@code INSERT INTO table ...}: {@code db.insertInto(USERS).set(USERS.email, "a@b.c").execute()}.
   * The table renders with its alias, if it has one.
   */
  default Insert insertInto(Table<?> table) {
    return new InsertImpl(executor(), List.of(), false, table);
  }

  /**
   * {@code UPDATE table SET ...}; runnable only after {@code where(...)} or an explicit {@code all()},
   * so a forgotten WHERE cannot update every row.
   */
  default Update update(Table<?> table) {
    return new UpdateImpl(executor(), List.of(), false, table);
  }

  /** {@code DELETE FROM table ...}; runnable only after {@code where(...)} or an explicit {@code all()}. */
  default Delete deleteFrom(Table<?> table) {
    return new DeleteImpl(executor(), List.of(), false, table);
  }

  /** {@code MERGE INTO table USING ... ON ... WHEN ...} (PostgreSQL 15+). */
  default MergeUsing mergeInto(Table<?> table) {
    return new MergeImpl(executor(), List.of(), false, table);
  }

  /** WITH ctes ...: returns a factory whose statements carry the CTEs. */
  default QueryFactory with(Cte... ctes) {
    return Selects.with(executor(), List.of(ctes), false);
  }

  /** WITH RECURSIVE ctes ... */
  default QueryFactory withRecursive(Cte... ctes) {
    return Selects.with(executor(), List.of(ctes), true);
  }

  // --- soft deletes (feature: softdelete) ---

  /** {@code DELETE FROM table} that removes rows for real even from a soft-delete table. */
  default Delete hardDelete(Table<?> table) {
    return deleteFrom(table).hardDelete();
  }

  // --- relational queries feature ------------------------------------------------------------------

  /**
   * A relational read of {@code table}: nested related rows in ONE statement, mapped into records:
   * {@code db.query(TEAMS).with(TEAMS.members).findMany(TeamView.class)}.
   */
  default dev.sluice.query.relational.RelationalQuery query(Table<?> table) {
    return dev.sluice.query.relational.Relations.query(executor(), table);
  }
}
