package dev.sluice.kit.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A push with nothing to change, on generated schemas of growing size ({@link WideSchema}): the plan
 * is empty, applying it changes nothing, and the number of statements it sends to the live database
 * does not grow with the number of tables (catalog queries are one per object kind, never one per
 * table, and no data-loss probe runs when no change can touch rows).
 */
@PgTest
class NoOpPushScaleLiveTest {
  /**
   * One catalog query per object kind read or listed as not modeled (about 64 on 2026-12-07, with
   * collations, range types, default privileges, external functions and view column comments): a cap
   * that only a new kind should move, never a table count (the assertion that matters is small == large).
   */
  private static final int MAX_LIVE_ROUND_TRIPS = 70;

  @Test
  void aNoOpPushPlansNothingChangesNothingAndSendsAFixedNumberOfCatalogQueries(PgTestContext pg) throws Exception {
    int small = roundTrips(pg, 20, false);
    int large = roundTrips(pg, 150, false);
    assertThat(large).isEqualTo(small).isLessThanOrEqualTo(MAX_LIVE_ROUND_TRIPS);
  }

  @Test
  void aNoOpPushOfCodeInHandWrittenFormGoesThroughTheShadowAndStillPlansNothing(PgTestContext pg) throws Exception {
    int small = roundTrips(pg, 20, true);
    int large = roundTrips(pg, 150, true);
    assertThat(large).isEqualTo(small).isLessThanOrEqualTo(MAX_LIVE_ROUND_TRIPS);
  }

  /** Loads an {@code n}-table schema, plans and applies a push of its own model; returns the live statements sent. */
  private static int roundTrips(PgTestContext pg, int n, boolean handWritten) throws Exception {
    String url = pg.server().createDatabase("noop_push_" + n);
    try {
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        c.setAutoCommit(false);
        st.execute(String.join(";\n", WideSchema.statements(n)));
        c.commit();
      }
      SchemaModel before;
      try (Connection c = DriverManager.getConnection(url)) {
        before = Introspector.introspect(c, IntrospectOptions.all());
      }
      assertThat(before.tables()).hasSize(n);
      SchemaModel code = before;
      if (handWritten) {
        // the DSL keeps fragments as written; PostgreSQL prints them canonically: only the shadow can tell they agree
        String json = SnapshotJson.write(before);
        String raw = json.replace("(amount >= (0)::numeric)", "amount >= 0");
        assertThat(raw).isNotEqualTo(json);
        code = SnapshotJson.read(raw);
        assertThat(code).isNotEqualTo(before);
      }
      AtomicInteger sent = new AtomicInteger();
      Pusher.Plan plan;
      try (Connection c = DriverManager.getConnection(url)) {
        plan = Pusher.plan(counting(c, sent), url, code, IntrospectOptions.all(), DiffOptions.NONE);
      }
      assertThat(plan.statements()).isEmpty();
      assertThat(plan.risks()).isEmpty();
      Pusher.apply(url, plan);
      try (Connection c = DriverManager.getConnection(url)) {
        assertThat(Introspector.introspect(c, IntrospectOptions.all())).isEqualTo(before);
      }
      return sent.get();
    } finally {
      pg.server().dropDatabase(url);
    }
  }

  /** {@code c}, counting every statement execution (each is one round trip). */
  static Connection counting(Connection c, AtomicInteger sent) {
    return proxy(c, Connection.class, sent);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(T target, Class<T> type, AtomicInteger sent) {
    InvocationHandler h = (p, m, a) -> {
      if (m.getName().startsWith("execute")) sent.incrementAndGet();
      Object r;
      try {
        r = m.invoke(target, a);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (r instanceof PreparedStatement ps && !(r instanceof java.sql.CallableStatement)) {
        return proxy(ps, PreparedStatement.class, sent);
      }
      if (r instanceof Statement s && !(r instanceof PreparedStatement)) return proxy(s, Statement.class, sent);
      return r;
    };
    return (T) Proxy.newProxyInstance(NoOpPushScaleLiveTest.class.getClassLoader(), new Class<?>[] {type}, h);
  }
}
