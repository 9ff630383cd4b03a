package dev.sluice.spring.boot;

import dev.sluice.runtime.TenantContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns an authenticated request into the {@link TenantContext} its statements run as. Declare one
 * as a bean to get the tenant filter: each request under {@code sluice.tenant.url-patterns} then has
 * {@link CurrentTenant#db()} acting as it, or is answered 401 when this returns null.
 */
@FunctionalInterface
public interface TenantContextResolver {
  /** The context for {@code request}, or null when the request carries no (valid) principal. */
  TenantContext resolve(HttpServletRequest request);
}
