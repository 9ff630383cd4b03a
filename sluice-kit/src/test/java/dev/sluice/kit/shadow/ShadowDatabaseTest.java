package dev.sluice.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.schema.Column;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@PgTest
class ShadowDatabaseTest {
  static final class Items extends Table<Items> {
    static final Items ITEMS = new Items();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<BigDecimal> price = numeric("price", 10, 2).notNull().check("price > 0");
    final Column<String> name = text("name").notNull().defaultValue("unnamed");

    private Items() {
      super("items");
      index().where("price > 100").on(price);
    }
  }

  @Test
  void normalisedCodeModelEqualsTheIntrospectedDatabaseCreatedFromIt(PgTestContext pg) throws Exception {
    SchemaModel code = Schema.of(Items.ITEMS).toModel();
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      for (String ddl : DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code))) st.execute(ddl);
      SchemaModel live = Introspector.introspect(c, IntrospectOptions.all());
      assertThat(code).as("the DSL text differs from PostgreSQL's printed form").isNotEqualTo(live);
      SchemaModel normalized = ShadowDatabase.normalize(pg.jdbcUrl(), code, IntrospectOptions.all());
      assertThat(normalized).isEqualTo(live);
      try (ResultSet rs = st.executeQuery("select count(*) from pg_database where datname like 'sluice\\_shadow\\_%'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("shadow databases are dropped").isZero();
      }
    }
  }

  @Test
  void withDatabaseKeepsHostAndParameters() {
    assertThat(ShadowDatabase.withDatabase("jdbc:postgresql://h:5433/app?user=u&ssl=true", "x"))
        .isEqualTo("jdbc:postgresql://h:5433/x?user=u&ssl=true");
  }
}
