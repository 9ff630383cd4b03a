package dev.sluice.testkit;

import static dev.sluice.testkit.Items.ITEMS;
import static dev.sluice.testkit.TestDatabases.count;
import static dev.sluice.testkit.TestDatabases.currentDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With SecondClassTest: each class writes the same key into its own copy; sharing one would fail the second. */
@SluiceTest(migrations = "classpath:db/testkit", seed = ThreeItems.class)
class SluiceTestFirstClassTest {
  @Test
  void startsFromTheSeededTemplateAndWritesIntoItsOwnCopy(Database db, DataSource ds) throws Exception {
    assertThat(count(db)).isEqualTo(3);
    db.insertInto(ITEMS).set(ITEMS.id, 100L).set(ITEMS.name, "written by First").execute();
    assertThat(count(db)).isEqualTo(4);
    assertThat(currentDatabase(ds)).startsWith("sluice_test_");
  }
}
