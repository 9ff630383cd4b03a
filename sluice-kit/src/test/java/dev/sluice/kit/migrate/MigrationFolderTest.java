package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFolderTest {
  @TempDir Path dir;

  private MigrationFolder threeMigrations() {
    MigrationFolder f = MigrationFolder.of(dir);
    f.write("create users", "create table users (id int primary key);\n", "drop table users;\n", "{\"version\": 1}\n");
    f.write("Add Orders!", "create table orders (id int primary key);\n", "drop table orders;\n", "{\"version\": 1, \"n\": 2}\n");
    f.write("índex", "create index users_id on users (id);\n", null, null);
    return f;
  }

  @Test
  void writeNumbersMigrationsAndSanitisesSlugs() throws Exception {
    MigrationFolder f = threeMigrations();
    assertThat(f.migrations()).extracting(Migration::name).containsExactly("0001_create_users", "0002_add_orders", "0003_index");
    assertThat(f.nextVersion()).isEqualTo(4);
    assertThat(Files.exists(dir.resolve("0001_create_users.down.sql"))).isTrue();
    assertThat(Files.exists(dir.resolve("snapshots/0002_add_orders.json"))).isTrue();
    assertThat(f.migrations().get(2).hasDown()).isFalse();
    assertThat(f.latestSnapshot()).contains("{\"version\": 1, \"n\": 2}\n");
    assertThat(MigrationFolder.sanitizeSlug("  --Weird  name/..\\x ")).isEqualTo("weird_name_x");
    assertThat(MigrationFolder.sanitizeSlug("???")).isEqualTo("migration");
  }

  @Test
  void sumFileHasTotalThenOneChainedLinePerFileInOrder() throws Exception {
    threeMigrations();
    List<String> lines = Files.readAllLines(dir.resolve("sluice.sum"));
    assertThat(lines.get(0)).startsWith("h1:");
    assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(' '))).containsExactly(
        "0001_create_users.sql", "0001_create_users.down.sql", "snapshots/0001_create_users.json",
        "0002_add_orders.sql", "0002_add_orders.down.sql", "snapshots/0002_add_orders.json", "0003_index.sql");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("\\S+ h1:[A-Za-z0-9+/=]{44}"));
  }

  @Test
  void aFolderWrittenBySluiceVerifies() {
    assertThat(threeMigrations().verify()).isEmpty();
    assertThat(MigrationFolder.of(dir.resolve("nothing-yet")).verify()).isEmpty();
  }

  @Test
  void anEditedFileIsNamed() throws Exception {
    MigrationFolder f = threeMigrations();
    Files.writeString(dir.resolve("0002_add_orders.sql"), "create table orders (id bigint primary key);\n");
    assertThat(f.verify()).extracting(IntegrityProblem::file).containsExactly("0002_add_orders.sql");
    assertThat(f.verify().get(0).message()).contains("changed since sluice.sum was written");
  }

  @Test
  void anEditedSnapshotOrDownFileIsNamed() throws Exception {
    MigrationFolder f = threeMigrations();
    Files.writeString(dir.resolve("snapshots/0001_create_users.json"), "{}");
    Files.writeString(dir.resolve("0002_add_orders.down.sql"), "drop table orders cascade;");
    assertThat(f.verify()).extracting(IntegrityProblem::file)
        .containsExactly("snapshots/0001_create_users.json", "0002_add_orders.down.sql");
  }

  @Test
  void anInsertedFileIsNamed() throws Exception {
    MigrationFolder f = threeMigrations();
    Files.writeString(dir.resolve("0004_from_a_branch.sql"), "select 1;");
    assertThat(f.verify()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("0004_from_a_branch.sql");
      assertThat(p.message()).contains("not in sluice.sum");
    });
  }

  @Test
  void aRemovedFileIsNamed() throws Exception {
    MigrationFolder f = threeMigrations();
    Files.delete(dir.resolve("0002_add_orders.down.sql"));
    assertThat(f.verify()).extracting(IntegrityProblem::file).contains("0002_add_orders.down.sql");
    assertThat(f.verify().get(0).message()).contains("missing from the folder");
  }

  @Test
  void reorderedFilesAreNamed() throws Exception {
    MigrationFolder f = threeMigrations();
    // renumbered so that it now sorts first
    Files.move(dir.resolve("0003_index.sql"), dir.resolve("0000_index.sql"));
    assertThat(f.verify()).extracting(IntegrityProblem::file).containsExactlyInAnyOrder("0000_index.sql", "0003_index.sql");
  }

  @Test
  void reorderedLinesOfTheSumFileAreDetected() throws Exception {
    MigrationFolder f = threeMigrations();
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("sluice.sum")));
    String a = lines.get(4);
    lines.set(4, lines.get(7));
    lines.set(7, a);
    Files.write(dir.resolve("sluice.sum"), lines);
    // 0003_index.sql now follows snapshots/0001 (its chained hash breaks); 0002_add_orders.down.sql comes after it
    assertThat(f.verify()).extracting(IntegrityProblem::toString).anySatisfy(p -> assertThat(p).startsWith("0003_index.sql: changed"))
        .anySatisfy(p -> assertThat(p).startsWith("0002_add_orders.down.sql: out of order"));
  }

  @Test
  void aTamperedTotalOrAMissingSumFileIsReported() throws Exception {
    MigrationFolder f = threeMigrations();
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("sluice.sum")));
    lines.set(0, "h1:" + "A".repeat(43) + "=");
    Files.write(dir.resolve("sluice.sum"), lines);
    assertThat(f.verify()).extracting(IntegrityProblem::file).containsExactly("sluice.sum");
    Files.delete(dir.resolve("sluice.sum"));
    assertThat(f.verify()).singleElement().satisfies(p -> assertThat(p.message()).contains("missing"));
  }

  @Test
  void writeRefusesAnInconsistentFolderAndRehashAcceptsIt() throws Exception {
    MigrationFolder f = threeMigrations();
    Files.writeString(dir.resolve("0003_index.sql"), "create index users_id2 on users (id);\n");
    assertThatThrownBy(() -> f.write("more", "select 1;", null, null))
        .isInstanceOf(MigrationFolderException.class).hasMessageContaining("0003_index.sql");
    f.rehash();
    assertThat(f.verify()).isEmpty();
    assertThat(f.write("more", "select 1;", null, null).name()).isEqualTo("0004_more");
  }

  @Test
  void removeLastDeletesItsFilesAndKeepsTheFolderConsistent() throws Exception {
    MigrationFolder f = threeMigrations();
    assertThat(f.removeLast().name()).isEqualTo("0003_index");
    assertThat(f.removeLast().name()).isEqualTo("0002_add_orders");
    assertThat(dir.resolve("0002_add_orders.down.sql")).doesNotExist();
    assertThat(dir.resolve("snapshots/0002_add_orders.json")).doesNotExist();
    assertThat(f.verify()).isEmpty();
    assertThat(f.nextVersion()).isEqualTo(2);
  }

  @Test
  void concurrentIndexMigrationsGetTheNoTransactionMarker() throws Exception {
    MigrationFolder f = MigrationFolder.of(dir);
    Migration m = f.write("idx", "create index concurrently users_email on users (email);\n", null, null);
    assertThat(m.noTransaction()).isTrue();
    assertThat(Files.readString(dir.resolve("0001_idx.sql"))).startsWith(Migration.NO_TRANSACTION_MARKER + "\n");
    assertThat(f.migrations().get(0).noTransaction()).isTrue();
    assertThat(Migration.runsOutsideTransaction("-- sluice:no-transaction\nalter type mood add value 'x';")).isTrue();
    assertThat(Migration.runsOutsideTransaction("alter type mood add value 'x';\n-- sluice:no-transaction")).isFalse();
    assertThat(Migration.runsOutsideTransaction("refresh materialized view concurrently v;")).isFalse();
    assertThat(Migration.runsOutsideTransaction("create index i on t (x) where note = ' concurrently ';")).isFalse();
    assertThat(Migration.runsOutsideTransaction("select 1;\nreindex (verbose) table concurrently t;")).isTrue();
    assertThat(Migration.runsOutsideTransaction("DROP INDEX CONCURRENTLY IF EXISTS i;")).isTrue();
    assertThat(Migration.runsOutsideTransaction("vacuum analyze t;")).isTrue();
  }

  @Test
  void customMigrationsAreEmptyWithAHeaderAndRunInATransaction() throws Exception {
    MigrationFolder f = MigrationFolder.of(dir);
    Migration m = f.writeCustom("backfill prices");
    assertThat(m.name()).isEqualTo("0001_backfill_prices");
    assertThat(m.upStatements()).isEmpty();
    assertThat(m.noTransaction()).isFalse();
    assertThat(m.upSql()).contains("Hand-written").contains(Migration.NO_TRANSACTION_MARKER);
    assertThat(f.verify()).isEmpty();
  }

  @Test
  void duplicateVersionsAndBadNamesAreRefused() throws Exception {
    MigrationFolder f = threeMigrations();
    Files.writeString(dir.resolve("0002_other_branch.sql"), "select 1;");
    Files.writeString(dir.resolve("notes.sql"), "select 1;");
    assertThatThrownBy(f::migrations).isInstanceOf(MigrationFolderException.class)
        .hasMessageContaining("0002_other_branch.sql: version 2 is also used by 0002_add_orders.sql")
        .hasMessageContaining("notes.sql: not a migration file name");
    assertThat(f.verify()).singleElement().satisfies(p -> assertThat(p.message()).contains("0002_other_branch.sql"));
  }
}
