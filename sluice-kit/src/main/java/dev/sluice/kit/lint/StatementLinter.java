package dev.sluice.kit.lint;

import dev.sluice.kit.sql.SqlStatement;
import java.util.List;

/** Lints one statement of a migration against {@link MigrationState}; ALTER TABLE goes to {@link AlterTableLinter}. */
final class StatementLinter {
  final SqlStatement statement;
  final MigrationState state;
  private final List<LintFinding> out;
  final TokenCursor c;

  StatementLinter(SqlStatement statement, MigrationState state, List<LintFinding> out) {
    this.statement = statement;
    this.state = state;
    this.out = out;
    this.c = new TokenCursor(Tokenizer.tokenize(statement.text()));
  }

  void lint() {
    if (c.acceptKw("CREATE")) create();
    else if (c.acceptKw("DROP")) drop();
    else if (c.acceptKw("ALTER", "TABLE")) new AlterTableLinter(this).lint();
    else if (c.acceptKw("ALTER", "TYPE")) alterType();
    else if (c.acceptKw("ALTER", "DOMAIN")) alterDomain();
    else if (c.acceptKw("TRUNCATE")) truncate();
    else if (c.isKw("VACUUM")) vacuum();
    else if (c.isKw("CLUSTER")) cluster();
    else if (c.acceptKw("REFRESH", "MATERIALIZED", "VIEW")) refresh();
    else if (c.isKw("REINDEX")) reindex();
    else if (c.isKw("SET") || c.isKw("RESET") || c.isKw("SELECT")) lockTimeoutSettings();
    else if (c.acceptKw("DELETE", "FROM")) deleteFrom();
  }

  // ---- reporting ----------------------------------------------------------------------------------------

  void report(LintRule rule, int offset, String message) {
    report(rule, rule.severity(), offset, message);
  }

  void report(LintRule rule, Severity severity, int offset, String message) {
    out.add(new LintFinding(rule.code(), severity, message, lineOf(offset), statement.text()));
  }

  int lineOf(int offset) {
    String text = statement.text();
    int line = statement.line();
    for (int i = 0; i < Math.min(offset, text.length()); i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  /**
   * Records that the statement takes {@code lock} on an object that serves traffic; the first such
   * statement without a preceding {@code SET lock_timeout} gets LK107.
   */
  void takesLock(String what, String lock, Object target, int offset) {
    if (!state.ctx.lockTimeoutRequired() || state.lockTimeoutSet || state.lockTimeoutReported) return;
    state.lockTimeoutReported = true;
    report(LintRule.LK107, offset, what + " takes an " + lock + " lock on " + target
        + " with no SET lock_timeout before it: if any other transaction holds a lock on " + target
        + ", this statement waits and every later query on it (reads too) queues behind it, an outage until that"
        + " transaction ends. Start the migration with SET lock_timeout = '5s'; and retry on timeout (the Sluice"
        + " migrator sets lock_timeout itself).");
  }

  /** LK108 when a statement that cannot run in a transaction block is in a transactional migration. */
  void needsNoTransaction(String what, int offset) {
    if (state.noTransaction) return;
    report(LintRule.LK108, offset, what + " cannot run inside a transaction block, and this migration runs in"
        + " one: it fails with \"cannot run inside a transaction block\". Put -- sluice:no-transaction on the"
        + " first line of the file and keep the statement in a migration of its own.");
  }

  // ---- CREATE -------------------------------------------------------------------------------------------

  private void create() {
    c.acceptKw("OR", "REPLACE");
    while (c.acceptKw("GLOBAL") || c.acceptKw("LOCAL") || c.acceptKw("TEMP") || c.acceptKw("TEMPORARY")
        || c.acceptKw("UNLOGGED")) {
      // modifiers of CREATE TABLE
    }
    if (c.acceptKw("TABLE")) {
      c.acceptKw("IF", "NOT", "EXISTS");
      QualifiedName t = c.name();
      if (t != null) state.createdTables.add(t.key());
    } else if (c.acceptKw("MATERIALIZED", "VIEW")) {
      c.acceptKw("IF", "NOT", "EXISTS");
      QualifiedName v = c.name();
      if (v != null) {
        state.createdMatViews.add(v.key());
        state.createdTables.add(v.key()); // a new view has no readers: indexing it blocks nobody
      }
    } else if (c.acceptKw("DOMAIN")) {
      QualifiedName d = c.name();
      if (d != null) state.createdDomains.add(d.key());
    } else if (c.isKw("INDEX") || c.isKw("UNIQUE", "INDEX")) {
      createIndex();
    } else if (c.isKw("TRIGGER") || c.isKw("CONSTRAINT", "TRIGGER")) {
      createTrigger();
    }
  }

  private void createIndex() {
    int start = c.offset();
    boolean unique = c.acceptKw("UNIQUE");
    c.acceptKw("INDEX");
    boolean concurrently = c.acceptKw("CONCURRENTLY");
    c.acceptKw("IF", "NOT", "EXISTS");
    QualifiedName index = c.isKw("ON") ? null : c.name();
    if (!c.acceptKw("ON")) return;
    c.acceptKw("ONLY");
    QualifiedName table = c.name();
    if (table == null) return;
    if (index != null) {
      // an index lives in its table's schema
      state.createdIndexes.add(new QualifiedName(index.schema() != null ? index.schema() : table.schema(),
          index.name(), 0).key());
    }
    String kind = unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
    if (concurrently) needsNoTransaction(kind + " CONCURRENTLY", start);
    if (!state.isExisting(table)) return;
    if (!concurrently) {
      report(LintRule.LK101, start, kind + " on existing table " + table + " without CONCURRENTLY takes a SHARE lock"
          + " that blocks INSERT, UPDATE and DELETE on " + table + " for the whole index build. Use " + kind
          + " CONCURRENTLY (SHARE UPDATE EXCLUSIVE, writes continue) in a migration marked -- sluice:no-transaction;"
          + " if it fails, DROP INDEX CONCURRENTLY the INVALID index it leaves and retry.");
      takesLock(kind, "SHARE", table, start);
    }
    if (unique) {
      report(LintRule.MF102, start, "CREATE UNIQUE INDEX on existing table " + table + " fails if the indexed"
          + " columns already hold duplicate values" + (concurrently ? " (and CONCURRENTLY then leaves an INVALID"
          + " index behind that slows writes until dropped)" : "") + ". Check first with SELECT cols, count(*) FROM "
          + table + " GROUP BY cols HAVING count(*) > 1, and clean up duplicates before this migration.");
    }
  }

  private void createTrigger() {
    int start = c.offset();
    while (!c.atEnd() && !c.isKw("ON")) c.next();
    if (!c.acceptKw("ON")) return;
    QualifiedName table = c.name();
    if (table != null && state.isExisting(table)) takesLock("CREATE TRIGGER", "SHARE ROW EXCLUSIVE", table, start);
  }

  // ---- DROP ---------------------------------------------------------------------------------------------

  private void drop() {
    int start = c.offset();
    if (c.acceptKw("TABLE")) {
      c.acceptKw("IF", "EXISTS");
      List<QualifiedName> tables = c.names();
      boolean cascade = c.restHasTopLevelKw("CASCADE");
      for (QualifiedName t : tables) {
        if (!state.isExisting(t)) continue;
        report(LintRule.DS101, t.offset(), "DROP TABLE " + t + " deletes the table and every row in it"
            + (cascade ? ", and CASCADE also drops the views and foreign keys that depend on it" : "")
            + "; it cannot be undone without a backup. Stop using it in the application first and drop it in a"
            + " later migration (or rename it aside and drop it once nothing broke).");
        if (state.ctx.previous() != null && state.ctx.previous().table(t.schemaOrPublic(), t.name()).isPresent()) {
          report(LintRule.BC103, t.offset(), "DROP TABLE " + t + " removes a table the previous schema has:"
              + " application code deployed against that schema still queries it and fails once it is gone."
              + " Deploy code that no longer uses " + t + " before this migration runs.");
        }
        takesLock("DROP TABLE", "ACCESS EXCLUSIVE", t, t.offset());
      }
    } else if (c.acceptKw("INDEX")) {
      boolean concurrently = c.acceptKw("CONCURRENTLY");
      c.acceptKw("IF", "EXISTS");
      List<QualifiedName> indexes = c.names();
      if (concurrently) {
        needsNoTransaction("DROP INDEX CONCURRENTLY", start);
        return;
      }
      for (QualifiedName i : indexes) {
        if (state.createdIndexes.contains(i.key())) continue;
        report(LintRule.LK102, i.offset(), "DROP INDEX " + i + " without CONCURRENTLY takes an ACCESS EXCLUSIVE"
            + " lock on the index's table, blocking all reads and writes on it while it waits for running queries."
            + " Use DROP INDEX CONCURRENTLY " + i + " in a migration marked -- sluice:no-transaction.");
        takesLock("DROP INDEX", "ACCESS EXCLUSIVE", "the table of index " + i, i.offset());
      }
    } else if (c.acceptKw("SCHEMA")) {
      c.acceptKw("IF", "EXISTS");
      List<QualifiedName> schemas = c.names();
      boolean cascade = c.restHasTopLevelKw("CASCADE");
      for (QualifiedName s : schemas) {
        report(LintRule.DS103, s.offset(), "DROP SCHEMA " + s + (cascade
            ? " CASCADE silently drops every table, view, function and type in the schema together with all their"
            + " data. Drop the objects explicitly, one reviewed statement each, then drop the empty schema."
            : " deletes the schema (it fails while objects remain; with CASCADE it would drop all of them and their"
            + " data). Drop its objects explicitly in reviewed statements first."));
      }
    } else if (c.acceptKw("TYPE") || c.acceptKw("DOMAIN")) {
      c.acceptKw("IF", "EXISTS");
      List<QualifiedName> types = c.names();
      boolean cascade = c.restHasTopLevelKw("CASCADE");
      for (QualifiedName t : types) {
        report(LintRule.DS105, cascade ? Severity.ERROR : LintRule.DS105.severity(), t.offset(), "DROP TYPE " + t
            + (cascade ? " CASCADE also drops every column of that type, with its data."
            : " fails while any column still uses it; when it is the old copy of a recreated enum, rows holding a"
            + " removed value break the conversion.")
            + " Migrate rows off removed values first and drop the type only when nothing uses it.");
      }
    }
  }

  // ---- other statements ---------------------------------------------------------------------------------

  /** LK104 for a CHECK added to a domain that existed before this migration without NOT VALID. */
  private void alterDomain() {
    int at = c.offset();
    QualifiedName domain = c.name();
    if (domain == null || state.createdDomains.contains(domain.key()) || !c.acceptKw("ADD")) return;
    String name = null;
    if (c.acceptKw("CONSTRAINT")) {
      Token n = c.next();
      name = n == null ? null : n.ident();
    }
    if (!c.isKw("CHECK") || c.restHasTopLevelKws("NOT", "VALID")) return;
    report(LintRule.LK104, at, "ALTER DOMAIN " + domain + " ADD CHECK" + (name == null ? "" : " constraint " + name)
        + " without NOT VALID checks every stored value of every column of the domain, locking those tables"
        + " meanwhile. Add it with NOT VALID (instant, checks new values), then ALTER DOMAIN " + domain
        + " VALIDATE CONSTRAINT" + (name == null ? "" : " " + name) + " in a separate migration.");
  }

  private void alterType() {
    QualifiedName type = c.name();
    if (type == null) return;
    if (c.acceptKw("RENAME", "VALUE")) {
      Token from = c.next();
      c.acceptKw("TO");
      Token to = c.next();
      report(LintRule.BC104, type.offset(), "ALTER TYPE " + type + " RENAME VALUE " + text(from) + " TO "
          + text(to) + " changes what every stored row reads back as: running code that writes or compares "
          + text(from) + " fails or silently stops matching. Add the new value, move rows to it, deploy code that"
          + " uses it, and only then stop using the old one.");
    }
  }

  private static String text(Token t) {
    return t == null ? "?" : t.text();
  }

  private void truncate() {
    c.acceptKw("TABLE");
    c.acceptKw("ONLY");
    List<QualifiedName> tables = c.names();
    boolean cascade = c.restHasTopLevelKw("CASCADE");
    for (QualifiedName t : tables) {
      if (!state.isExisting(t)) continue;
      report(LintRule.DS104, t.offset(), "TRUNCATE " + t + " deletes every row of the table" + (cascade
          ? " and of every table referencing it (CASCADE)" : "") + " under an ACCESS EXCLUSIVE lock. Migrations"
          + " should not delete data; if it must go, use a reviewed, batched DELETE.");
      takesLock("TRUNCATE", "ACCESS EXCLUSIVE", t, t.offset());
    }
  }

  private void vacuum() {
    int start = c.offset();
    c.acceptKw("VACUUM");
    boolean full = false;
    if (c.acceptPunct("(")) {
      while (!c.atEnd() && !c.acceptPunct(")")) {
        Token t = c.next();
        if (t.isWord("FULL")) {
          Token v = c.peek();
          full = v == null || !(v.isWord("FALSE") || v.isWord("OFF") || (v.kind() == Token.Kind.NUMBER
              && v.text().equals("0")));
        }
      }
    } else {
      full = c.acceptKw("FULL");
    }
    needsNoTransaction("VACUUM", start);
    if (full) {
      List<QualifiedName> tables = skipWordsThenNames();
      if (tables.stream().anyMatch(state::isExisting) || tables.isEmpty()) {
        Object target = tables.isEmpty() ? "every table of the database" : tables.get(0);
        report(LintRule.LK110, start, "VACUUM FULL rewrites " + target + " under an ACCESS EXCLUSIVE lock,"
            + " blocking reads and writes until the copy is done. Reclaim space online with pg_repack or"
            + " pg_squeeze outside migrations, or let plain VACUUM reuse it.");
        takesLock("VACUUM FULL", "ACCESS EXCLUSIVE", target, start);
      }
    }
  }

  private List<QualifiedName> skipWordsThenNames() {
    while (c.acceptKw("FREEZE") || c.acceptKw("VERBOSE") || c.acceptKw("ANALYZE")) {
      // options before the table list
    }
    return c.names();
  }

  private void cluster() {
    int start = c.offset();
    c.acceptKw("CLUSTER");
    c.acceptKw("VERBOSE");
    if (c.acceptPunct("(")) while (!c.atEnd() && !c.acceptPunct(")")) c.next();
    QualifiedName t = c.name();
    if (t != null && !state.isExisting(t)) return;
    Object target = t == null ? "every previously clustered table" : t;
    report(LintRule.LK110, start, "CLUSTER rewrites " + target + " under an ACCESS EXCLUSIVE lock, blocking reads"
        + " and writes until the copy is done. Reorder online with pg_repack outside migrations.");
    takesLock("CLUSTER", "ACCESS EXCLUSIVE", target, start);
  }

  private void refresh() {
    int start = c.offset();
    boolean concurrently = c.acceptKw("CONCURRENTLY");
    QualifiedName view = c.name();
    if (view == null || concurrently || state.createdMatViews.contains(view.key())) return;
    report(LintRule.LK111, start, "REFRESH MATERIALIZED VIEW " + view + " without CONCURRENTLY takes an ACCESS"
        + " EXCLUSIVE lock: every read of the view blocks until the refresh finishes. Use REFRESH MATERIALIZED VIEW"
        + " CONCURRENTLY " + view + " (needs a unique index on the view).");
    takesLock("REFRESH MATERIALIZED VIEW", "ACCESS EXCLUSIVE", view, start);
  }

  private void reindex() {
    int start = c.offset();
    c.acceptKw("REINDEX");
    boolean concurrently = false;
    if (c.acceptPunct("(")) {
      while (!c.atEnd() && !c.acceptPunct(")")) {
        if (c.next().isWord("CONCURRENTLY")) concurrently = true;
      }
    }
    c.next(); // INDEX | TABLE | SCHEMA | DATABASE | SYSTEM
    if (c.acceptKw("CONCURRENTLY") || concurrently) needsNoTransaction("REINDEX CONCURRENTLY", start);
  }

  private void lockTimeoutSettings() {
    if (c.acceptKw("SET")) {
      if (!c.acceptKw("SESSION")) c.acceptKw("LOCAL");
      if (!c.acceptKw("LOCK_TIMEOUT")) return;
      if (!c.acceptKw("TO")) c.acceptPunct("=");
      state.lockTimeoutSet = enablesTimeout(c.next());
    } else if (c.acceptKw("RESET")) {
      if (c.acceptKw("LOCK_TIMEOUT") || c.acceptKw("ALL")) state.lockTimeoutSet = false;
    } else if (c.acceptKw("SELECT") && c.acceptKw("SET_CONFIG") && c.acceptPunct("(")) {
      Token name = c.next();
      if (name == null || !name.stringValue().equalsIgnoreCase("lock_timeout") || !c.acceptPunct(",")) return;
      state.lockTimeoutSet = enablesTimeout(c.next());
    }
  }

  private static boolean enablesTimeout(Token value) {
    if (value == null || value.isWord("DEFAULT")) return false;
    String v = value.stringValue().strip();
    return !v.isEmpty() && !v.matches("0+\\s*[a-zA-Z]*");
  }

  private void deleteFrom() {
    c.acceptKw("ONLY");
    QualifiedName t = c.name();
    if (t != null && t.name().equals("pg_enum") && (t.schema() == null || t.schema().equals("pg_catalog"))) {
      report(LintRule.DS105, Severity.ERROR, t.offset(), "DELETE FROM pg_enum removes an enum value behind"
          + " PostgreSQL's back: rows still holding it become unreadable and indexes on such columns may be corrupt."
          + " Move rows off the value, then recreate the type without it (create the new type, ALTER COLUMN TYPE"
          + " ... USING col::text::new_type, drop the old type).");
    }
  }
}
