package dev.sluice.spring.boot;

import dev.sluice.runtime.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Resolves each request's tenant context into {@link CurrentTenant}, or answers 401 when there is none. */
final class TenantContextFilter extends OncePerRequestFilter {
  private final TenantContextResolver resolver;
  private final CurrentTenant current;

  TenantContextFilter(TenantContextResolver resolver, CurrentTenant current) {
    this.resolver = resolver;
    this.current = current;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    TenantContext context = resolver.resolve(request);
    if (context == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "no tenant principal");
      return;
    }
    current.set(current.database().as(context));
    try {
      chain.doFilter(request, response);
    } finally {
      current.clear();
    }
  }
}
