package dev.sluice.examples.bookings;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A professional's private notes about a client; removed with either (ON DELETE CASCADE). */
public final class ClientNotes extends Table<ClientNotes> {
  public static final ClientNotes CLIENT_NOTES = new ClientNotes();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> professionalId = uuid("professional_id").notNull()
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<UUID> clientId = uuid("client_id").notNull()
      .references(() -> Clients.CLIENTS.id, Action.CASCADE);
  public final Column<String> body = text("body").notNull();
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Clients> client = one(() -> Clients.CLIENTS, clientId);

  private ClientNotes() {
    super(Bookings.NS, "client_notes");
    // "my notes about this client", newest first; also serves the professional_id foreign key
    index("client_notes_professional_client_idx").on(professionalId, clientId);
    index("client_notes_client_id_idx").on(clientId);
  }
}
