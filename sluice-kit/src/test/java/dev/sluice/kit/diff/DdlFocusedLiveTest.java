package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Catalog.value;
import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Focused live checks: transactions, quoting, and optional extensions. */
@PgTest
class DdlFocusedLiveTest {

  /** What a migrator does: changes in order, transaction-safe runs batched, CONCURRENTLY ones alone in autocommit. */
  @Test
  void transactionSafeChangesRunInTransactionsAndConcurrentIndexesOutside(PgTestContext db) throws SQLException {
    List<Change> changes = Differ.diff(SchemaModel.EMPTY, ShopModel.build());
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (Change ch : changes) {
        if (ch.requiresNoTransaction() && !c.getAutoCommit()) {
          c.commit();
          c.setAutoCommit(true);
        } else if (!ch.requiresNoTransaction() && c.getAutoCommit()) {
          c.setAutoCommit(false);
        }
        st.execute(DdlRenderer.render(ch));
      }
      if (!c.getAutoCommit()) c.commit();
    }
    assertThat(changes.stream().filter(Change::requiresNoTransaction).map(Change::description))
        .containsExactly("index app.users_created_at_idx on app.users");
    assertThat(value(db, "select indisvalid from pg_index where indexrelid = 'app.users_created_at_idx'::regclass")).isEqualTo("t");
    assertThat(value(db, "select obj_description('app.users_created_at_idx'::regclass, 'pg_class')")).isEqualTo("recent users first");
  }

  @Test
  void aConcurrentIndexCannotBeBuiltInsideATransaction(PgTestContext db) throws SQLException {
    db.execute("create table conc (a integer)");
    var index = new IndexModel("conc_a_idx", false, null, List.of(IndexElement.column("a")), null, null, null, false, true, null);
    var change = new Change.CreateIndex("public", "conc", index);
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      assertThatThrownBy(() -> st.execute(DdlRenderer.render(change))).hasMessageContaining("transaction block");
      c.rollback();
    }
    assertThat(change.requiresNoTransaction()).isTrue();
  }

  @Test
  void awkwardIdentifiersAndLiteralsSurviveTheRoundTrip(PgTestContext db) {
    var model = Tables.schema().schemas("My Schema")
        .add(table("My Schema", "select").column(new ColumnModel("Weird \"col\"", "text", false, "'it''s'", null, null, null,
            "a \"quoted\" column, it's odd")).primaryKey("select_pkey", "Weird \"col\"").comment("O'Brien's table"))
        .build();
    Catalog.apply(db, DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, model)));

    assertThat(value(db, "select obj_description('\"My Schema\".\"select\"'::regclass, 'pg_class')")).isEqualTo("O'Brien's table");
    assertThat(value(db, "select col_description('\"My Schema\".\"select\"'::regclass, 1)")).isEqualTo("a \"quoted\" column, it's odd");
    assertThat(value(db, "select attname from pg_attribute where attrelid = '\"My Schema\".\"select\"'::regclass and attnum = 1"))
        .isEqualTo("Weird \"col\"");
  }

  @Test
  void vectorColumnsAndHnswIndexesWhenPgvectorIsInstalled(PgTestContext db) {
    Assumptions.assumeTrue(db.server().hasExtension("vector"),
        "pgvector (extension \"vector\") is not installed on this PostgreSQL server: skipping the vector column and HNSW index");
    var model = Tables.schema().extension("vector")
        .add(table("public", "items").column("embedding", "public.vector(3)")
            .index(new IndexModel("items_embedding_idx", false, "hnsw",
                List.of(new IndexElement("embedding", false, null, "vector_cosine_ops", false, null)), null, null,
                Map.of("m", "16", "ef_construction", "64"), false, false, null)))
        .build();
    Catalog.apply(db, DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, model)));

    assertThat(value(db, "select pg_get_indexdef('items_embedding_idx'::regclass)"))
        .isEqualTo("CREATE INDEX items_embedding_idx ON public.items USING hnsw (embedding vector_cosine_ops)"
            + " WITH (ef_construction='64', m='16')");
  }
}
