package dev.sluice.spring.boot;

import dev.sluice.runtime.ExternalTransactions;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions as seen by a Sluice {@code Database}: active when the current thread has an
 * actual Spring transaction whose connection is bound for {@code dataSource} (a
 * {@code DataSourceTransactionManager} or {@code JpaTransactionManager} on it).
 */
final class SpringTransactions implements ExternalTransactions {
  private final DataSource dataSource;

  SpringTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean inTransaction() {
    return TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.hasResource(dataSource);
  }
}
