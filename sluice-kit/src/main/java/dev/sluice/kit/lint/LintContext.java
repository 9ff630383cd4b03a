package dev.sluice.kit.lint;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the {@link Linter} knows about the database a migration runs against.
 *
 * <p>Tables created earlier in the same migration are always recognised from the SQL itself (they are new:
 * no rows, no traffic, so locking and data rules do not apply to them); this context says what existed
 * before the migration.
 *
 * @param existingTables tables that existed before the migration, as {@code schema.name} (or bare
 *     {@code name} for {@code public}); empty means unknown, and every table the migration does not create
 *     is then assumed to exist and hold rows
 * @param previous the schema model before the migration (the last snapshot), or null when unknown; enables
 *     type-narrowing (MF103), rewrite-free type changes (LK106) and backward-compatibility (BC103) checks
 * @param lockTimeoutRequired whether LK107 demands {@code SET lock_timeout} in the file. Sluice's migrator
 *     sets {@code lock_timeout} on every migration's connection itself, so {@code generate} lints with
 *     {@code false}; hand-written SQL that may run through other tools (psql, Flyway) keeps the default
 *     {@code true}
 */
public record LintContext(Set<String> existingTables, SchemaModel previous, boolean lockTimeoutRequired) {
  public LintContext {
    existingTables = existingTables == null ? Set.of() : Set.copyOf(existingTables);
  }

  /** Nothing known: every table not created by the migration is assumed to exist; lock_timeout required. */
  public static LintContext defaults() {
    return new LintContext(Set.of(), null, true);
  }

  /**
   * The context {@code sluice generate} uses: existing tables and old column types from the previous
   * snapshot, and no lock_timeout demand because the Sluice migrator sets it.
   */
  public static LintContext forGenerated(SchemaModel previous) {
    return new LintContext(tablesOf(previous), previous, false);
  }

  /** This context with the previous schema model (and, if none were given, its tables as the existing ones). */
  public LintContext withPrevious(SchemaModel model) {
    return new LintContext(existingTables.isEmpty() ? tablesOf(model) : existingTables, model, lockTimeoutRequired);
  }

  public LintContext withExistingTables(Set<String> tables) {
    return new LintContext(tables, previous, lockTimeoutRequired);
  }

  public LintContext withLockTimeoutRequired(boolean required) {
    return new LintContext(existingTables, previous, required);
  }

  private static Set<String> tablesOf(SchemaModel model) {
    Set<String> out = new LinkedHashSet<>();
    if (model != null) {
      for (TableModel t : model.tables()) out.add(t.schema() + "." + t.name());
    }
    return out;
  }

  /** Whether {@code table} existed before the migration (unknown existing tables: assume it did). */
  boolean existedBefore(QualifiedName table) {
    if (existingTables.isEmpty()) return true;
    if (existingTables.contains(table.key())) return true;
    return table.schemaOrPublic().equals("public") && existingTables.contains(table.name());
  }
}
