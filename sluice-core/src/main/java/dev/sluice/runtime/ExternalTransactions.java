package dev.sluice.runtime;

/**
 * A transaction manager outside Sluice (Spring's {@code PlatformTransactionManager}, for one) whose
 * transactions a {@link Database} takes part in; see {@link Database#of(javax.sql.DataSource, ExternalTransactions)}.
 * The DataSource given with it must hand out the external transaction's connection while one is
 * active on the calling thread (Spring's {@code TransactionAwareDataSourceProxy} does), and a
 * connection whose {@code close()} leaves that transaction open.
 */
@FunctionalInterface
public interface ExternalTransactions {
  /**
   * True when the calling thread is inside an external transaction that the DataSource's connections
   * belong to: {@link Database#transaction} then runs as a savepoint inside it instead of beginning
   * and committing its own, and single statements simply run in it.
   */
  boolean inTransaction();
}
