package dev.sluice.runtime;

import com.zaxxer.hikari.HikariConfig;

/**
 * The pool configuration {@link Database#connect(String, java.util.function.Consumer)} hands to its
 * caller: HikariCP's own settings plus what Sluice needs to know about the way the connection reaches
 * PostgreSQL.
 */
public final class PoolConfig extends HikariConfig {
  private boolean pgBouncer;

  PoolConfig() {}

  /**
   * Declares that the URL points at a transaction pooler (PgBouncer with {@code pool_mode = transaction}):
   * consecutive transactions of one pooled connection may run on different server sessions. Then
   * <ul>
   *   <li>pgjdbc sends every statement unnamed ({@code prepareThreshold=0}): a named server-side
   *       statement prepared in one transaction does not exist on the next server session;
   *   <li>no session reset is sent when a connection goes back to the pool: outside a transaction it
   *       would run on whichever server session the pooler picks, not the one the statements used.
   *       Sluice itself keeps every setting transaction-local ({@code SET LOCAL}, {@code set_config(..., true)},
   *       {@code SET TRANSACTION}); session state left by your own SQL is the pooler's to reset
   *       ({@code server_reset_query_always = 1}).
   * </ul>
   * The URL parameter {@code pgbouncer=true} does the same. Migrations need a direct connection: see
   * the migrator's {@code --direct-url}.
   */
  public PoolConfig pgBouncer(boolean pgBouncer) {
    this.pgBouncer = pgBouncer;
    return this;
  }

  /** Whether {@link #pgBouncer(boolean)} was set (or the URL said {@code pgbouncer=true}). */
  public boolean isPgBouncer() {
    return pgBouncer;
  }
}
