package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

/** The leak check: after any code path, every connection a test borrowed is back in the pool. */
final class PoolLeakCheck {
  private PoolLeakCheck() {}

  /** Active (borrowed) connections of {@code db}'s HikariCP pool. */
  static int activeConnections(Database db) {
    return unwrapPool(db).getHikariPoolMXBean().getActiveConnections();
  }

  static HikariDataSource unwrapPool(Database db) {
    try {
      return db.dataSource().unwrap(HikariDataSource.class);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asserts no connection of {@code db}'s pool is borrowed (waits briefly for other threads to return theirs). */
  static void assertNoLeaks(Database db) {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (activeConnections(db) != 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(activeConnections(db)).as("active (leaked) pool connections").isZero();
  }
}
