package dev.sluice.activity;

import static dev.sluice.activity.ActivityLog.ACTIVITY_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class ActivityLogLiveTest {
  record Logged(UUID user, UUID team, String action, String category, String severity, String details, JsonNode meta,
      String ip) {}

  record Actor(UUID user, UUID team, String severity) {}

  static Database db;
  static final ActivityLog L = ACTIVITY_LOG;
  static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  static final UUID TEAM = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table activity_log (id uuid not null default gen_random_uuid() primary key, team_id uuid, user_id uuid,"
        + " action text not null, category text, severity text not null default 'info', details text, metadata jsonb,"
        + " ip inet, created_at timestamptz not null default now(),"
        + " constraint activity_log_severity_check check (severity in ('debug', 'info', 'notice', 'warning', 'error', 'critical')))",
        "create index activity_log_created_at_brin on activity_log using brin (created_at)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void anAppActionIsRecordedWithTheActorOfTheTenantContext() {
    UUID id = db.transaction(tx -> {
      tx.executeSql("select set_config('app.user_id', '" + USER + "', true), set_config('app.tenant_id', '" + TEAM + "', true)");
      return ActivityLogger.record(tx, Activity.of("project.created").category("projects").severity(Severity.NOTICE)
          .details("Created Apollo").metadata(Map.of("projectId", 42)).ip("192.0.2.7").build());
    });
    var row = db.select(L.userId, L.teamId, L.action, L.category, L.severity, L.details, L.metadata, L.ip)
        .from(L).where(L.id.eq(id)).fetchOne(Logged::new);
    assertThat(row.user()).isEqualTo(USER);
    assertThat(row.team()).isEqualTo(TEAM);
    assertThat(row.action()).isEqualTo("project.created");
    assertThat(row.category()).isEqualTo("projects");
    assertThat(row.severity()).isEqualTo("notice");
    assertThat(row.details()).isEqualTo("Created Apollo");
    assertThat(row.meta().get("projectId").asInt()).isEqualTo(42);
    assertThat(row.ip()).isEqualTo("192.0.2.7");
  }

  @Test
  void withoutATenantContextTheActorIsNull() {
    UUID id = ActivityLogger.record(db, Activity.of("system.started").build());
    var row = db.select(L.userId, L.teamId, L.severity).from(L).where(L.id.eq(id)).fetchOne(Actor::new);
    assertThat(row.user()).isNull();
    assertThat(row.team()).isNull();
    assertThat(row.severity()).isEqualTo("info");
  }

  @Test
  void anExplicitUserWinsOverTheContext() {
    UUID other = UUID.randomUUID();
    UUID id = db.transaction(tx -> {
      tx.executeSql("select set_config('app.user_id', '" + USER + "', true)");
      return ActivityLogger.record(tx, Activity.of("impersonated").user(other).team(TEAM).build());
    });
    assertThat(db.select(L.userId).from(L).where(L.id.eq(id)).fetchOne()).isEqualTo(other);
  }

  @Test
  void anActivityRollsBackWithItsTransaction() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      ActivityLogger.record(tx, Activity.of("doomed").build());
      throw new IllegalStateException("boom");
    })).hasMessageContaining("boom");
    assertThat(db.select(dev.sluice.query.Dsl.count()).from(L).where(L.action.eq("doomed")).fetchOne()).isZero();
  }

  @Test
  void jsonMetadataIsStoredAsIs() {
    JsonNode meta = dev.sluice.types.PgTypes.DEFAULT_JSON.createObjectNode().put("a", "b");
    UUID id = ActivityLogger.record(db, Activity.of("meta").metadata(meta).build());
    assertThat(db.select(L.metadata).from(L).where(L.id.eq(id)).fetchOne()).isEqualTo(meta);
  }

  @Test
  void theDefinitionHasABrinIndexASeverityCheckAndANamespace() {
    TableModel m = L.toModel();
    IndexModel brin = m.indexes().stream().filter(i -> i.method() != null && i.method().equals("brin")).findFirst().orElseThrow();
    assertThat(brin.name()).isEqualTo("activity_log_created_at_brin");
    assertThat(m.checks()).anySatisfy(c -> assertThat(c.expression()).contains("'critical'"));
    assertThat(m.primaryKey().columns()).containsExactly("id");
    ActivityLog ns = ActivityLog.in(Namespace.of("audit").withPrefix("app_"));
    assertThat(ns.schema()).isEqualTo("audit");
    assertThat(ns.name()).isEqualTo("app_activity_log");
  }

  @Test
  void monthlyPartitioningDeclaresOnePartitionPerMonth() {
    TableModel m = ActivityLog.partitionedByMonth(YearMonth.of(2025, 11), 3).toModel();
    assertThat(m.partitioning().keys()).containsExactly("created_at");
    assertThat(m.partitioning().partitions()).extracting(p -> p.name() + " " + p.bound()).containsExactly(
        "activity_log_y2025m11 FOR VALUES FROM ('2025-11-01') TO ('2025-12-01')",
        "activity_log_y2025m12 FOR VALUES FROM ('2025-12-01') TO ('2026-01-01')",
        "activity_log_y2026m01 FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')");
    assertThat(m.primaryKey().columns()).containsExactly("id", "created_at");
  }
}
