/**
 * Migration files and the migrator.
 *
 * <h2>Folder</h2>
 * {@link dev.sluice.kit.migrate.MigrationFolder}: {@code NNNN_slug.sql} (up), optional
 * {@code NNNN_slug.down.sql}, optional {@code snapshots/NNNN_slug.json} (the schema model after the
 * migration, for the next {@code generate}) and the integrity file {@code sluice.sum}:
 *
 * <pre>
 * h1:&lt;base64 SHA-256 over every file's name and bytes, in order&gt;
 * 0001_init.sql h1:&lt;base64 SHA-256(previous line's hash || "0001_init.sql" || 0 || file bytes)&gt;
 * 0001_init.down.sql h1:...
 * snapshots/0001_init.json h1:...
 * </pre>
 *
 * Files are listed per version: up, down, snapshot. Because each line is chained with the one before,
 * an edited file is named exactly, and an added, removed or reordered file is named where the chain
 * breaks. The migrator refuses a folder that does not match its sum; {@code rehash()} accepts a
 * deliberate change (e.g. a fixed, not yet applied migration).
 *
 * <h2>Transactions</h2>
 * Each migration runs in a transaction of its own with {@code SET LOCAL lock_timeout} (5 s by
 * default). A file whose header comments contain {@code -- sluice:no-transaction}, or that holds a
 * statement PostgreSQL refuses in a transaction block ({@code CREATE/DROP INDEX CONCURRENTLY},
 * {@code REINDEX CONCURRENTLY}, {@code VACUUM}...), runs statement by statement in autocommit instead.
 * A new enum value ({@code ALTER TYPE ... ADD VALUE}) cannot be used in the transaction that adds it:
 * the generator puts the use in a later migration; a hand-written file can be marked instead.
 *
 * <h2>When a no-transaction migration fails</h2>
 * It is recorded with {@code success = false} before it starts, so a failure or a killed process
 * leaves a FAILED record and every later {@code migrate}/{@code down} refuses. Fix the database by
 * hand (finish or undo the statements that ran; a failed {@code CREATE INDEX CONCURRENTLY} leaves an
 * INVALID index to drop), then {@code sluice repair} ({@link dev.sluice.kit.migrate.Migrator#repair()})
 * deletes the record and the next {@code migrate} runs the file again from the top, so write such
 * files to be re-runnable ({@code IF NOT EXISTS}).
 *
 * <h2>Application pools</h2>
 * Use the pgjdbc property {@code autosave=conservative} in the application's pool (the runtime's
 * {@code Database.connect} sets it): after a migration changes a table, a statement pgjdbc had
 * server-prepared fails inside a transaction with "cached plan must not change result type" unless
 * the driver may roll back to a savepoint and re-prepare.
 */
package dev.sluice.kit.migrate;
