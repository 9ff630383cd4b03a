package dev.sluice.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit 5 extension behind {@link PgTest}: one fresh database per test class, dropped afterwards. */
public final class PgExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PgExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NS).getOrComputeIfAbsent("ctx", k ->
        new PgTestContext(TestDatabase.get().createDatabase(context.getRequiredTestClass().getSimpleName())), PgTestContext.class);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    PgTestContext ctx = context.getStore(NS).remove("ctx", PgTestContext.class);
    if (ctx != null) TestDatabase.get().dropDatabase(ctx.jdbcUrl());
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == PgTestContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    ExtensionContext c = e;
    while (c != null) {
      PgTestContext ctx = c.getStore(NS).get("ctx", PgTestContext.class);
      if (ctx != null) return ctx;
      c = c.getParent().orElse(null);
    }
    // constructor injection happens before beforeAll for PER_METHOD lifecycles: create lazily
    return e.getStore(NS).getOrComputeIfAbsent("ctx", k ->
        new PgTestContext(TestDatabase.get().createDatabase(e.getRequiredTestClass().getSimpleName())), PgTestContext.class);
  }
}
