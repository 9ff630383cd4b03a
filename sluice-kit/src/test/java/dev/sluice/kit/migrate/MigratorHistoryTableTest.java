package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two apps' migration folders in one database, each with its own history table. */
@PgTest
class MigratorHistoryTableTest {
  @Test
  void twoFoldersNumberedFromOneApplyToOneDatabaseWithSeparateHistories(PgTestContext pg, @TempDir Path dir) {
    MigrationFolder shop = MigrationFolder.of(dir.resolve("shop"));
    shop.write("init", "CREATE TABLE shop_items (id int PRIMARY KEY);", "DROP TABLE shop_items;", null);
    MigrationFolder blog = MigrationFolder.of(dir.resolve("blog"));
    blog.write("init", "CREATE TABLE blog_posts (id int PRIMARY KEY);", "DROP TABLE blog_posts;", null);

    Migrator shopMigrator = Migrator.connect(pg.jdbcUrl(), shop);
    Migrator blogMigrator = Migrator.connect(pg.jdbcUrl(), blog)
        .withOptions(MigratorOptions.DEFAULTS.withHistoryTable("migrations_blog"));
    assertThat(shopMigrator.migrate()).hasSize(1);
    assertThat(blogMigrator.migrate()).as("version 1 of another folder is not confused with the shop's").hasSize(1);
    assertThat(blogMigrator.status()).extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED);
    pg.execute("select 1 from shop_items", "select 1 from blog_posts", "select 1 from sluice.migrations_blog");

    // the same folder against the other history is refused (its version 1 is a different file)
    Migrator confused = Migrator.connect(pg.jdbcUrl(), blog);
    assertThatThrownBy(confused::migrate).hasMessageContaining("0001_init.sql");
  }

  @Test
  void historyTableNamesAreValidatedIdentifiers() {
    assertThatThrownBy(() -> MigratorOptions.DEFAULTS.withHistoryTable("")).isInstanceOf(IllegalArgumentException.class);
  }
}
