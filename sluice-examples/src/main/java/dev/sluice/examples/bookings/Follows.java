package dev.sluice.examples.bookings;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A client following a professional: the composite primary key allows one follow per client and
 * professional (a second is rejected with 23505). Removed with either side (CASCADE).
 */
public final class Follows extends Table<Follows> {
  public static final Follows FOLLOWS = new Follows();

  public final Column<UUID> clientId = uuid("client_id").notNull()
      .references(() -> Clients.CLIENTS.id, Action.CASCADE);
  public final Column<UUID> professionalId = uuid("professional_id").notNull()
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Clients> client = one(() -> Clients.CLIENTS, clientId);
  public final Relation<Professionals> professional = one(() -> Professionals.PROFESSIONALS, professionalId);

  private Follows() {
    super(Bookings.NS, "follows");
    primaryKey("follows_pkey", clientId, professionalId);
    // the primary key serves client lookups; followers of a professional need their own index
    index("follows_professional_id_idx").on(professionalId);
  }
}
