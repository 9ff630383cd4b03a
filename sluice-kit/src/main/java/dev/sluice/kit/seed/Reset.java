package dev.sluice.kit.seed;

import dev.sluice.runtime.Database;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.sql.Identifiers;
import java.util.List;

/**
 * Empties a schema's tables for {@code sluice reset} and re-seeding: ONE {@code TRUNCATE ... RESTART
 * IDENTITY CASCADE} over all of them, which PostgreSQL orders itself (foreign keys between tables of
 * the set are fine), resets identity sequences, and empties partitions with their parent.
 */
public final class Reset {
  private Reset() {}

  /** The TRUNCATE statement for every table of {@code model} (partitions come with their parent). */
  public static String truncateSql(SchemaModel model) {
    List<String> names = model.tables().stream().map(Reset::qualified).toList();
    if (names.isEmpty()) throw new IllegalArgumentException("the schema has no tables to truncate");
    return "TRUNCATE " + String.join(", ", names) + " RESTART IDENTITY CASCADE";
  }

  /** Runs {@link #truncateSql} and returns the number of tables emptied. */
  public static int truncate(Database db, SchemaModel model) {
    String sql = truncateSql(model);
    db.transaction(tx -> {
      tx.executeSql(sql);
      return null;
    });
    return model.tables().size();
  }

  private static String qualified(TableModel t) {
    return Identifiers.qualify(t.schema(), t.name());
  }
}
