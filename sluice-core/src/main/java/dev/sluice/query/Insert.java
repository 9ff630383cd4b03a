package dev.sluice.query;

import dev.sluice.schema.Column;
import java.util.function.BiConsumer;

/**
 * An {@code INSERT INTO target ...} being built. The {@code set} methods fill the current row;
 * {@link #newRow()} starts another one and {@link #values(Iterable, BiConsumer)} adds one row per item.
 * Columns with an app-side {@code defaultFn()} that a row does not set get the function's value (called
 * once per row); setting a {@code GENERATED ALWAYS} column fails before any SQL is sent, unless
 * {@link #overridingSystemValue()} is used for an identity column. Without any value the statement is
 * {@code INSERT ... DEFAULT VALUES}.
 */
public interface Insert extends InsertRow, DmlStatement {
  @Override
  <T> Insert set(Column<T> column, T value);

  @Override
  <T> Insert set(Column<T> column, Field<T> value);

  @Override
  Insert setNull(Column<?> column);

  /**
   * Sets, in the current row, every column {@code record} holds a value for (a fetched record holds
   * them all: {@code without(id)} leaves an identity to the database); the record must be of this table.
   */
  Insert set(TableRecord<?> record);

  @Override
  Insert setDefault(Column<?> column);

  /** Starts a new row: the following {@code set} calls fill it. */
  Insert newRow();

  /**
   * One row per item: {@code .values(users, (row, u) -> row.set(USERS.email, u.email()))}. An empty
   * list is an error when the statement runs (there would be nothing to insert).
   */
  <E> Insert values(Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> row);

  /** {@code INSERT INTO target (columns) query}: name the columns, then give the query with {@link InsertColumns#select}. */
  InsertColumns columns(Column<?>... columns);

  /** {@code OVERRIDING SYSTEM VALUE}: allows explicit values for {@code GENERATED ALWAYS AS IDENTITY} columns. */
  Insert overridingSystemValue();

  /** {@code ON CONFLICT (columns)}: bare column names inferring a unique index. */
  OnConflict onConflict(Column<?>... columns);

  /** {@code ON CONFLICT ON CONSTRAINT name}. */
  OnConflict onConflictOnConstraint(String constraintName);

  /** {@code ON CONFLICT DO NOTHING} without a conflict target (any unique violation is skipped). */
  Insert onConflictDoNothing();

  // --- validation (feature: softdelete/validation) ---

  /**
   * Checks every row against {@link dev.sluice.validation.Validator#forInsert} when the statement is
   * rendered, before any SQL runs, and throws {@link dev.sluice.validation.ValidationException} with all
   * field errors. Values given as SQL expressions are only checked for presence.
   */
  Insert validate();
}
