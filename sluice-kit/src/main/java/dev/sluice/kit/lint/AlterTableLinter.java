package dev.sluice.kit.lint;

import dev.sluice.schema.model.ColumnModel;
import java.util.List;
import java.util.Optional;

/** Lints {@code ALTER TABLE}: each comma-separated action on its own, all sharing the table's lock. */
final class AlterTableLinter {
  private final StatementLinter s;
  private final TokenCursor c;
  private QualifiedName table;

  AlterTableLinter(StatementLinter s) {
    this.s = s;
    this.c = s.c;
  }

  void lint() {
    c.acceptKw("IF", "EXISTS");
    c.acceptKw("ONLY");
    table = c.name();
    if (table == null) return;
    c.acceptPunct("*");
    boolean existing = s.state.isExisting(table);
    if (c.acceptKw("RENAME")) {
      rename(existing);
      return;
    }
    if (!existing) return; // a table created by this migration: no rows, no traffic
    int start = c.offset();
    boolean blocking = false;
    for (List<Token> action : c.restSplitAtTopLevelCommas()) {
      if (action.isEmpty()) continue;
      blocking |= action(new TokenCursor(action));
    }
    if (blocking) s.takesLock("ALTER TABLE", "ACCESS EXCLUSIVE", table, start);
  }

  private void rename(boolean existing) {
    int start = c.offset();
    if (c.acceptKw("TO")) {
      QualifiedName to = c.name();
      if (!existing) {
        if (to != null) s.state.createdTables.add(new QualifiedName(table.schema(), to.name(), 0).key());
        return;
      }
      s.report(LintRule.BC101, start, "ALTER TABLE " + table + " RENAME TO " + to + " breaks every running"
          + " application instance that still queries " + table + " the moment it commits. Rename in steps: create"
          + " the new name (or a view " + table + " over it), deploy code using the new name, then drop the old one.");
      s.takesLock("ALTER TABLE RENAME", "ACCESS EXCLUSIVE", table, start);
      return;
    }
    if (c.acceptKw("CONSTRAINT") || !existing) return;
    c.acceptKw("COLUMN");
    Token from = c.next();
    c.acceptKw("TO");
    Token to = c.next();
    if (from == null || to == null) return;
    s.report(LintRule.BC102, start, "ALTER TABLE " + table + " RENAME COLUMN " + from.ident() + " TO " + to.ident()
        + " breaks running application code that reads or writes " + from.ident() + " the moment it commits. Add "
        + to.ident() + ", write both, backfill, switch reads, then drop " + from.ident() + " (expand/contract).");
    s.takesLock("ALTER TABLE RENAME COLUMN", "ACCESS EXCLUSIVE", table, start);
  }

  /** Lints one action; tells whether it takes a lock that blocks reads or writes. */
  private boolean action(TokenCursor a) {
    int at = a.offset();
    if (a.acceptKw("ADD")) {
      if (a.isKw("CONSTRAINT") || a.isKw("PRIMARY") || a.isKw("UNIQUE") || a.isKw("CHECK") || a.isKw("FOREIGN")
          || a.isKw("EXCLUDE")) {
        addConstraint(a, at);
      } else {
        a.acceptKw("COLUMN");
        a.acceptKw("IF", "NOT", "EXISTS");
        addColumn(a, at);
      }
      return true;
    }
    if (a.acceptKw("DROP")) {
      if (a.acceptKw("CONSTRAINT")) return true;
      a.acceptKw("COLUMN");
      a.acceptKw("IF", "EXISTS");
      Token col = a.next();
      if (col != null && col.isIdent()) dropColumn(col.ident(), at);
      return true;
    }
    if (a.acceptKw("ALTER")) {
      a.acceptKw("COLUMN");
      Token col = a.next();
      if (col == null) return true;
      if (a.acceptKw("SET", "DATA", "TYPE") || a.acceptKw("TYPE")) {
        changeType(col.ident(), a, at);
      } else if (a.isKw("SET", "NOT", "NULL")) {
        s.report(LintRule.MF101, Severity.WARNING, at, "ALTER TABLE " + table + " ALTER COLUMN " + col.ident()
            + " SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock (blocking reads and writes) and"
            + " fails if any row is NULL. Safe: backfill, ADD CONSTRAINT " + col.ident() + "_not_null CHECK ("
            + col.ident() + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT " + col.ident() + "_not_null, then SET NOT"
            + " NULL (PostgreSQL 12+ skips the scan) and drop the check.");
      }
      return true;
    }
    // VALIDATE CONSTRAINT and SET STATISTICS take SHARE UPDATE EXCLUSIVE: reads and writes continue
    return !(a.isKw("VALIDATE", "CONSTRAINT") || a.restHasTopLevelKws("SET", "STATISTICS"));
  }

  private void addConstraint(TokenCursor a, int at) {
    String name = null;
    if (a.acceptKw("CONSTRAINT")) {
      Token n = a.next();
      name = n == null ? null : n.ident();
    }
    String label = name == null ? "" : " " + name;
    boolean notValid = a.restHasTopLevelKws("NOT", "VALID");
    if (a.acceptKw("PRIMARY", "KEY")) {
      if (a.isKw("USING", "INDEX")) return;
      s.report(LintRule.LK109, at, "ADD" + (name == null ? "" : " CONSTRAINT " + name) + " PRIMARY KEY on existing"
          + " table " + table + " builds the unique index (and checks the columns for NULLs) under an ACCESS"
          + " EXCLUSIVE lock, blocking reads and writes for the whole build. Instead CREATE UNIQUE INDEX CONCURRENTLY"
          + " idx ON " + table + " (...) first, then ADD CONSTRAINT pk PRIMARY KEY USING INDEX idx.");
    } else if (a.acceptKw("UNIQUE")) {
      if (a.isKw("USING", "INDEX")) return;
      s.report(LintRule.MF102, at, "ADD UNIQUE constraint" + label + " on existing table " + table + " fails if the"
          + " data already has duplicates, and builds its index under an ACCESS EXCLUSIVE lock (reads and writes"
          + " blocked). Check for duplicates, CREATE UNIQUE INDEX CONCURRENTLY idx, then ADD CONSTRAINT ... UNIQUE"
          + " USING INDEX idx.");
    } else if (a.acceptKw("EXCLUDE")) {
      s.report(LintRule.MF102, at, "ADD EXCLUDE constraint" + label + " on existing table " + table + " fails if"
          + " existing rows conflict, and builds its index under an ACCESS EXCLUSIVE lock. Check for conflicting rows"
          + " first and run it in a low-traffic window.");
    } else if (a.acceptKw("CHECK")) {
      if (notValid) return;
      s.report(LintRule.LK104, at, "ADD CHECK constraint" + label + " on existing table " + table + " without NOT"
          + " VALID scans every row under an ACCESS EXCLUSIVE lock, blocking reads and writes. Add it with NOT VALID"
          + " (instant, checks new rows), then VALIDATE CONSTRAINT" + (name == null ? "" : " " + name)
          + " in a separate migration (SHARE UPDATE EXCLUSIVE, traffic continues).");
    } else if (a.acceptKw("FOREIGN", "KEY")) {
      if (notValid) return;
      s.report(LintRule.LK103, at, "ADD FOREIGN KEY" + label + " on existing table " + table + " without NOT VALID"
          + " checks every existing row while holding SHARE ROW EXCLUSIVE locks on " + table + " and the referenced"
          + " table, blocking writes to both. Add it with NOT VALID (instant, enforced for new rows), then VALIDATE"
          + " CONSTRAINT" + (name == null ? "" : " " + name) + " in a separate migration (SHARE UPDATE EXCLUSIVE,"
          + " traffic continues).");
    }
  }

  private void addColumn(TokenCursor a, int at) {
    ColumnDefinition col = ColumnDefinition.parse(a.restSplitAtTopLevelCommas().stream().findFirst()
        .orElse(List.of()));
    String where = "ADD COLUMN " + col.name() + " on existing table " + table;
    if (col.notNull() && !col.fillsExistingRows()) {
      s.report(LintRule.MF101, at, where + " is NOT NULL without a default: it fails as soon as the table has a"
          + " row. Add it nullable (or with a constant DEFAULT), backfill in batches, ADD CONSTRAINT "
          + col.name() + "_not_null CHECK (" + col.name() + " IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL.");
    }
    String rewrite = null;
    if (col.identity()) rewrite = "an identity column fills every existing row";
    else if (col.generatedStored()) rewrite = "a stored generated column computes every existing row";
    else if (col.type().serial()) rewrite = "a serial column's nextval() default is volatile";
    Severity severity = LintRule.LK105.severity();
    if (rewrite == null && col.hasNonNullDefault()) {
      Volatility.Verdict v = Volatility.of(col.defaultExpr());
      if (v.volatileFunction() != null) {
        rewrite = "the default calls volatile " + v.volatileFunction() + "()";
      } else if (v.unknownFunction() != null) {
        rewrite = "the default calls " + v.unknownFunction() + "(), whose volatility the linter does not know"
            + " (user functions are VOLATILE unless declared STABLE/IMMUTABLE)";
        severity = Severity.INFO;
      }
    }
    if (rewrite != null) {
      s.report(LintRule.LK105, severity, at, where + (severity == Severity.INFO ? " may rewrite" : " rewrites")
          + " the whole table under an ACCESS EXCLUSIVE lock (reads and writes blocked) because " + rewrite + "."
          + " Add the column without it, SET DEFAULT afterwards (new rows only), and backfill existing rows in"
          + " batches; a constant or stable default such as now() is instant since PostgreSQL 11.");
    }
    if (col.primaryKey()) {
      s.report(LintRule.LK109, at, where + " declares PRIMARY KEY: the unique index is built under an ACCESS"
          + " EXCLUSIVE lock. Add the column, fill it, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT pk"
          + " PRIMARY KEY USING INDEX.");
    } else if (col.unique() && col.hasNonNullDefault()) {
      s.report(LintRule.MF102, at, where + " is UNIQUE with a default: every existing row gets the same value, so"
          + " the unique index fails on a table with more than one row. Add the column, fill distinct values, then"
          + " CREATE UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT ... UNIQUE USING INDEX.");
    }
  }

  private void dropColumn(String column, int at) {
    s.report(LintRule.DS102, at, "DROP COLUMN " + column + " on " + table + " deletes that column's data in every"
        + " row; it cannot be undone without a backup. Deploy code that no longer reads or writes it first, then"
        + " drop it in a later migration (expand/contract).");
    if (previousColumn(column).isPresent()) {
      s.report(LintRule.BC103, at, "DROP COLUMN " + column + " removes a column of " + table + " that the previous"
          + " schema has: application code deployed against that schema still selects or inserts it and fails once"
          + " it is gone. Deploy code that no longer uses it before this migration runs.");
    }
  }

  private Optional<ColumnModel> previousColumn(String column) {
    if (s.state.ctx.previous() == null) return Optional.empty();
    return s.state.ctx.previous().table(table.schemaOrPublic(), table.name()).flatMap(t -> t.column(column));
  }

  private void changeType(String column, TokenCursor a, int at) {
    List<Token> rest = a.restSplitAtTopLevelCommas().stream().findFirst().orElse(List.of());
    TypeRef newType = TypeRef.parse(rest);
    boolean using = rest.stream().anyMatch(t -> t.isWord("USING"));
    Optional<TypeRef> old = previousColumn(column).map(ColumnModel::type).map(TypeRef::parse);
    String what = "ALTER COLUMN " + column + " TYPE " + newType + " on " + table;
    if (old.isPresent()) {
      String narrowing = newType.narrowingFrom(old.get());
      if (narrowing != null) {
        s.report(LintRule.MF103, at, what + " narrows it from " + old.get() + ": " + narrowing + ", aborting the"
            + " migration or changing data. Check the data first (e.g. SELECT count(*) FROM " + table + " WHERE"
            + " value does not fit), or keep the wider type.");
      }
    }
    if (using) {
      s.report(LintRule.MF104, at, what + " converts every value with USING: the conversion may fail on some rows,"
          + " aborting the migration after a long rewrite under an ACCESS EXCLUSIVE lock. Test the expression on the"
          + " data first, or add a new column, backfill it in batches and switch over (expand/contract).");
    }
    if (old.isPresent() && newType.changesWithoutRewriteFrom(old.get())) return;
    s.report(LintRule.LK106, at, what + (old.isPresent() ? " rewrites the table" : " most likely rewrites the"
        + " table (the previous type is unknown)") + " and rebuilds its indexes under an ACCESS EXCLUSIVE lock,"
        + " blocking reads and writes throughout. Only binary-compatible changes (varchar(n) to a larger varchar or"
        + " text, numeric precision increase with the same scale) are instant. Add a new column, backfill in"
        + " batches and switch over instead.");
  }
}
