package dev.sluice.examples.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.shadow.ShadowDatabase;
import dev.sluice.runtime.Database;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * After the committed migrations the database holds exactly what the code declares, compared the
 * way {@code sluice push}/{@code status} compare: the code model normalised through a shadow database.
 */
@PgTest
class BookingsDriftLiveTest {
  @Test
  void migratedDatabaseMatchesTheCode(PgTestContext pg) throws Exception {
    try (Database db = Database.connect(pg.jdbcUrl())) {
      BookingsFixture.migrate(db);
    }
    IntrospectOptions bookingsOnly = IntrospectOptions.schemas("bookings");
    SchemaModel actual;
    try (Connection c = pg.connect()) {
      actual = Introspector.introspect(c, bookingsOnly);
    }
    SchemaModel expected = ShadowDatabase.normalize(pg.jdbcUrl(), Bookings.schema().toModel(), bookingsOnly);
    assertThat(DdlRenderer.render(Differ.diff(actual, expected))).isEmpty();
  }
}
