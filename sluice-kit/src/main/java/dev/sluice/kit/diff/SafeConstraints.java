package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a generated migration so that a CHECK or FOREIGN KEY constraint added to a table that
 * already existed never scans the table under its blocking lock: the constraint is added
 * {@code NOT VALID} (instant; new rows are checked) and its {@code VALIDATE CONSTRAINT} (a scan under
 * SHARE UPDATE EXCLUSIVE, reads and writes continue) goes into a second migration, so the two run in
 * separate transactions. This is what lint rules LK103 and LK104 ask for, so {@code generate} does not
 * emit what its own linter flags. A CHECK added to an existing domain is split the same way
 * ({@code ALTER DOMAIN ... ADD ... NOT VALID}, then {@code VALIDATE CONSTRAINT}). Constraints of tables created by the same migration are untouched
 * (no rows to scan).
 */
public final class SafeConstraints {
  private SafeConstraints() {}

  /**
   * The changes of one migration split into what runs first and the validations that run in a
   * migration of their own: a list of one element (unchanged) when nothing needs validating later,
   * else two.
   *
   * @param previous the schema before the changes (its tables are the ones that may hold rows)
   */
  public static List<List<Change>> validateLater(List<Change> changes, SchemaModel previous) {
    Set<String> existing = new HashSet<>();
    if (previous != null) for (TableModel t : previous.tables()) existing.add(t.schema() + "." + t.name());
    Set<String> existingDomains = new HashSet<>();
    if (previous != null) for (var d : previous.domains()) existingDomains.add(d.schema() + "." + d.name());
    List<Change> first = new ArrayList<>(changes.size());
    List<Change> later = new ArrayList<>();
    for (Change c : changes) {
      if (c instanceof Change.AddCheck a && !a.check().notValid() && existing.contains(a.schema() + "." + a.table())) {
        CheckModel k = a.check();
        first.add(new Change.AddCheck(a.schema(), a.table(), new CheckModel(k.name(), k.expression(), true)));
        later.add(new Change.ValidateConstraint(a.schema(), a.table(), k.name()));
      } else if (c instanceof Change.AddDomainCheck a && !a.check().notValid()
          && existingDomains.contains(a.schema() + "." + a.domain())) {
        CheckModel k = a.check();
        first.add(new Change.AddDomainCheck(a.schema(), a.domain(), new CheckModel(k.name(), k.expression(), true, k.comment())));
        later.add(new Change.ValidateDomainCheck(a.schema(), a.domain(), k.name()));
      } else if (c instanceof Change.AddForeignKey a && !a.foreignKey().notValid()
          && existing.contains(a.schema() + "." + a.table())) {
        ForeignKeyModel f = a.foreignKey();
        first.add(new Change.AddForeignKey(a.schema(), a.table(), f.withNotValid(true)));
        later.add(new Change.ValidateConstraint(a.schema(), a.table(), f.name()));
      } else {
        first.add(c);
      }
    }
    return later.isEmpty() ? List.of(changes) : List.of(first, later);
  }
}
