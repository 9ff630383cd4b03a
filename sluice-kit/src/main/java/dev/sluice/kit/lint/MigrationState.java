package dev.sluice.kit.lint;

import java.util.HashSet;
import java.util.Set;

/** What the linter has learned from the statements of the migration so far. */
final class MigrationState {
  final LintContext ctx;
  final boolean noTransaction;
  final Set<String> createdTables = new HashSet<>();
  final Set<String> createdIndexes = new HashSet<>();
  final Set<String> createdMatViews = new HashSet<>();
  final Set<String> createdDomains = new HashSet<>();
  boolean lockTimeoutSet;
  boolean lockTimeoutReported;

  MigrationState(LintContext ctx, boolean noTransaction) {
    this.ctx = ctx;
    this.noTransaction = noTransaction;
  }

  /** Whether the table existed before the migration (and so may hold rows and serve traffic). */
  boolean isExisting(QualifiedName table) {
    return !createdTables.contains(table.key()) && ctx.existedBefore(table);
  }
}
