package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class IntrospectorLiveTest {
  static SchemaModel model;

  @BeforeAll
  static void create(PgTestContext pg) throws Exception {
    pg.execute(RichSchema.SQL);
    try (Connection c = pg.connect()) {
      model = Introspector.introspect(c, IntrospectOptions.all());
    }
  }

  @Test
  void dump() {
    System.out.println(SnapshotJson.write(model));
  }
}
