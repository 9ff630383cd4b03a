package dev.sluice.kit.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link Change}s into PostgreSQL DDL text.
 *
 * <p>Every identifier goes through {@link dev.sluice.sql.Identifiers}, every text value becomes a
 * literal with quotes doubled, and model SQL fragments (types, defaults, checks, queries) are
 * spliced as written: the model is trusted schema source, not user input. Statements carry no
 * trailing semicolon so a migrator can execute them one by one and report which one failed.
 */
public final class DdlRenderer {
  private DdlRenderer() {}

  /** One statement per change, in the given order, without trailing semicolons. */
  public static List<String> render(List<Change> changes) {
    List<String> out = new ArrayList<>(changes.size());
    for (Change c : changes) out.add(render(c));
    return out;
  }

  /** A script for a migration file or {@code psql}: the statements joined by ";\n\n", ending with ";". */
  public static String script(List<Change> changes) {
    List<String> statements = render(changes);
    return statements.isEmpty() ? "" : String.join(";\n\n", statements) + ";";
  }

  /** The statement of one change. */
  public static String render(Change change) {
    if (change instanceof Change.CreateSchema c) return TypeDdl.createSchema(c.name());
    if (change instanceof Change.CreateExtension c) return TypeDdl.createExtension(c.extension());
    if (change instanceof Change.CreateRole c) return AccessDdl.createRole(c.role());
    if (change instanceof Change.CreateEnum c) return TypeDdl.createEnum(c.enumType());
    if (change instanceof Change.CreateDomain c) return TypeDdl.createDomain(c.domain());
    if (change instanceof Change.AddDomainCheck c) return TypeDdl.addDomainCheck(c);
    if (change instanceof Change.CreateSequence c) return TypeDdl.createSequence(c.sequence());
    if (change instanceof Change.CreateTable c) return TableDdl.createTable(c.table());
    if (change instanceof Change.CreatePartition c) return TableDdl.createPartition(c);
    if (change instanceof Change.AddCheck c) return TableDdl.addCheck(c);
    if (change instanceof Change.AddForeignKey c) return TableDdl.addForeignKey(c);
    if (change instanceof Change.CreateIndex c) return IndexDdl.createIndex(c);
    if (change instanceof Change.CreateView c) return ViewDdl.createView(c.view());
    if (change instanceof Change.CreateMaterializedView c) return ViewDdl.createMaterializedView(c.view());
    if (change instanceof Change.EnableRowLevelSecurity c) return AccessDdl.rowLevelSecurity(c);
    if (change instanceof Change.CreatePolicy c) return AccessDdl.createPolicy(c);
    if (change instanceof Change.SetComment c) return TypeDdl.comment(c);
    if (change instanceof Change.Grant c) return AccessDdl.grant(c.grant());
    if (change instanceof Change.ObjectChange c) return c.sql();
    String composite = CompositeTypeDdl.render(change);
    if (composite != null) return composite;
    String tableOption = TableOptionsDdl.render(change);
    if (tableOption != null) return tableOption;
    String alter = AlterDdl.render(change);
    if (alter != null) return alter;
    throw new IllegalArgumentException("no DDL for " + change.getClass().getSimpleName() + ": " + change.description());
  }
}
