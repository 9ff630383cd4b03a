package dev.sluice.examples.bookings;

import static dev.sluice.examples.bookings.ProfessionalEmbeddings.PROFESSIONAL_EMBEDDINGS;
import static dev.sluice.examples.bookings.Professionals.PROFESSIONALS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.query.Vectors;
import dev.sluice.runtime.Database;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The optional pgvector add-on: applied on top of the committed migrations when the extension exists. */
@PgTest
class ProfessionalEmbeddingsLiveTest {

  @Test
  void nearestProfessionalsByEmbeddingWhenPgvectorIsAvailable(PgTestContext pg) {
    boolean available = pg.server().hasExtension("vector");
    if (!available) {
      System.err.println("NOTICE: pgvector (extension \"vector\") is not installed on this PostgreSQL; "
          + "skipping the optional Bookings.schema(true) embeddings test");
    }
    Assumptions.assumeTrue(available, "pgvector extension not available");

    try (Database db = Database.connect(pg.jdbcUrl())) {
      BookingsFixture.migrate(db);
      List<String> addOn = DdlRenderer.render(Differ.diff(Bookings.schema().toModel(), Bookings.schema(true).toModel()));
      assertThat(String.join("\n", addOn)).contains("CREATE EXTENSION").contains("USING hnsw");
      pg.execute(addOn.toArray(String[]::new));

      UUID near = BookingsFixture.professional(db, "Near", "");
      UUID far = BookingsFixture.professional(db, "Far", "");
      db.insertInto(PROFESSIONAL_EMBEDDINGS).set(PROFESSIONAL_EMBEDDINGS.professionalId, near)
          .set(PROFESSIONAL_EMBEDDINGS.embedding, new float[] {1f, 0f, 0f}).newRow()
          .set(PROFESSIONAL_EMBEDDINGS.professionalId, far)
          .set(PROFESSIONAL_EMBEDDINGS.embedding, new float[] {0f, 1f, 0f}).execute();

      List<String> names = db.select(PROFESSIONALS.name).from(PROFESSIONAL_EMBEDDINGS)
          .join(PROFESSIONALS, PROFESSIONALS.id.eq(PROFESSIONAL_EMBEDDINGS.professionalId))
          .orderBy(Vectors.cosineDistance(PROFESSIONAL_EMBEDDINGS.embedding, new float[] {0.9f, 0.1f, 0f}).asc())
          .fetch();
      assertThat(names).containsExactly("Near", "Far");
    }
  }
}
