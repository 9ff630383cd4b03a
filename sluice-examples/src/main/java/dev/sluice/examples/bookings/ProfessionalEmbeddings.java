package dev.sluice.examples.bookings;

import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.util.UUID;

/**
 * The optional pgvector add-on ({@link Bookings#schema(boolean) Bookings.schema(true)}): one
 * embedding per professional for "find similar professionals", with an HNSW index for cosine
 * distance. Kept in its own table so the default schema, and its migrations, need no extension that
 * a stock PostgreSQL lacks. Three dimensions keep the example small; real embeddings have hundreds.
 */
public final class ProfessionalEmbeddings extends Table<ProfessionalEmbeddings> {
  public static final ProfessionalEmbeddings PROFESSIONAL_EMBEDDINGS = new ProfessionalEmbeddings();

  public final Column<UUID> professionalId = uuid("professional_id").primaryKey()
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<float[]> embedding = vector("embedding", 3).notNull();

  private ProfessionalEmbeddings() {
    super(Bookings.NS, "professional_embeddings");
    index("professional_embeddings_embedding_idx").using("hnsw")
        .on(Index.key(embedding).opclass("vector_cosine_ops"));
  }
}
