package dev.sluice.testkit;

import static dev.sluice.testkit.Items.ITEMS;
import static dev.sluice.testkit.TestDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@SluiceTest(migrations = "classpath:db/testkit", seed = ThreeItems.class, rollback = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SluiceTestRollbackTest {
  @Test
  @Order(1)
  void writesInsideTheTestAreVisibleToIt(Database db) {
    db.insertInto(ITEMS).set(ITEMS.id, 200L).set(ITEMS.name, "rolled back").execute();
    db.inTransaction(tx -> tx.insertInto(ITEMS).set(ITEMS.id, 201L).set(ITEMS.name, "savepoint").execute());
    assertThat(count(db)).isEqualTo(5);
  }

  @Test
  @Order(2)
  void andGoneInTheNextTest(Database db) {
    assertThat(count(db)).isEqualTo(3);
  }

  @Test
  @Order(3)
  void committingTheTestTransactionIsRefused(DataSource ds) {
    assertThatThrownBy(() -> ds.getConnection().commit()).hasMessageContaining("rolled back when it ends");
  }
}
