package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.activity.ActivityLog;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.shadow.ShadowDatabase;
import dev.sluice.schema.Column;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The soft-delete and activity-log definitions are real DDL: create, introspect, re-diff is empty. */
@PgTest
class SoftDeleteActivityDdlLiveTest {
  static final class Docs extends Table<Docs> {
    static final Docs DOCS = new Docs();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> slug = text("slug").notNull();
    final Column<OffsetDateTime> updatedAt = updatedAt();
    final Column<OffsetDateTime> deletedAt = deletedAt();

    private Docs() {
      super("docs");
      uniqueWhileLive(slug);
      auditChanges();
    }
  }

  @Test
  void softDeleteTableAndActivityLogsCreateAndReDiffEmpty(PgTestContext pg) throws Exception {
    SchemaModel code = Schema.of(Docs.DOCS, ActivityLog.ACTIVITY_LOG, ActivityLog.in(Namespace.of("audit").withPrefix("x_")),
        ActivityLog.partitionedByMonth(Namespace.of("audit_p"), YearMonth.of(2025, 12), 2)).toModel();
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      for (String ddl : DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code))) st.execute(ddl);
      SchemaModel live = Introspector.introspect(c, IntrospectOptions.all());
      SchemaModel normalized = ShadowDatabase.normalize(pg.jdbcUrl(), code, IntrospectOptions.all());
      assertThat(Differ.diff(live, normalized)).isEmpty();
      assertThat(live.toString()).contains("docs_slug_live_key", "activity_log_created_at_brin", "activity_log_y2026m01");
    }
  }
}
