package dev.sluice.spring.boot;

import dev.sluice.runtime.Database;
import dev.sluice.runtime.TenantScope;

/**
 * The current request's {@code db.as(context)}, set by the tenant filter (see
 * {@link TenantContextResolver}) for the request's thread and cleared when it ends.
 */
public final class CurrentTenant {
  private final ThreadLocal<TenantScope> current = new ThreadLocal<>();
  private final Database db;

  CurrentTenant(Database db) {
    this.db = db;
  }

  /** The database acting as this request's tenant context; throws when the filter set none. */
  public TenantScope db() {
    TenantScope s = current.get();
    if (s == null) {
      throw new IllegalStateException("no tenant context on this thread: the request did not pass the sluice tenant filter"
          + " (check sluice.tenant.url-patterns) or runs on another thread");
    }
    return s;
  }

  Database database() {
    return db;
  }

  void set(TenantScope scope) {
    current.set(scope);
  }

  void clear() {
    current.remove();
  }
}
