package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Northwind ({@code shared/datasets/northwind.sql} beside an ancestor of the working directory):
 * introspect the loaded dump, recreate it from the model in another database, introspect again and
 * get the same model.
 */
@PgTest
class NorthwindIntrospectTest {
  static Path northwind() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/datasets/northwind.sql");
      if (Files.isRegularFile(candidate)) return candidate;
    }
    return null;
  }

  static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : statements) {
        try {
          st.execute(s);
        } catch (SQLException e) {
          throw new SQLException(e.getMessage() + "\nin statement:\n" + s, e);
        }
      }
    }
  }

  @Test
  void introspectsNorthwindAndRecreatesTheSameSchemaFromTheModel(PgTestContext pg) throws Exception {
    Path file = northwind();
    Assumptions.assumeTrue(file != null,
        "shared/datasets/northwind.sql not found beside any ancestor of " + Path.of("").toAbsolutePath());
    List<String> statements = SqlScript.split(Files.readString(file)).stream().map(SqlStatement::text)
        .map(t -> t.lines().filter(l -> !l.startsWith("\\")).collect(Collectors.joining("\n")))
        .filter(t -> !SqlScript.stripComments(t).isBlank())
        .toList();
    SchemaModel loaded;
    try (Connection c = pg.connect()) {
      run(c, statements);
      long start = System.nanoTime();
      loaded = Introspector.introspect(c, IntrospectOptions.all());
      assertThat((System.nanoTime() - start) / 1_000_000).as("introspection ms").isLessThan(1000);
    }
    assertThat(loaded.tables()).extracting(TableModel::name).containsExactlyInAnyOrder("categories",
        "customer_customer_demo", "customer_demographics", "customers", "employee_territories", "employees",
        "order_details", "orders", "products", "region", "shippers", "suppliers", "territories", "us_states");
    assertThat(loaded.tables()).allSatisfy(t -> assertThat(t.primaryKey()).as(t.name() + " primary key").isNotNull());
    TableModel orderDetails = loaded.table("public", "order_details").orElseThrow();
    assertThat(orderDetails.primaryKey().columns()).containsExactly("order_id", "product_id");
    assertThat(orderDetails.foreignKeys()).extracting(ForeignKeyModel::refTable).containsExactlyInAnyOrder("orders", "products");
    int fks = loaded.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum();
    assertThat(fks).isEqualTo(13);

    String copy = pg.server().createDatabase("northwind_copy");
    try {
      SchemaModel recreated;
      try (Connection c = DriverManager.getConnection(copy)) {
        run(c, DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, loaded)));
        recreated = Introspector.introspect(c, IntrospectOptions.all());
      }
      assertThat(recreated).isEqualTo(loaded);
    } finally {
      pg.server().dropDatabase(copy);
    }
  }
}
