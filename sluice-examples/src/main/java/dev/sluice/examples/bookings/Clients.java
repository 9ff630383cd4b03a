package dev.sluice.examples.bookings;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * People who book. A client with appointments cannot be deleted ({@code appointments.client_id}
 * is {@code ON DELETE RESTRICT}: appointments carry payment history); their notes, follows,
 * messages and notifications cascade.
 */
public final class Clients extends Table<Clients> {
  public static final Clients CLIENTS = new Clients();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<String> name = text("name").notNull();
  public final Column<String> email = varchar("email", 255).notNull();
  public final Column<String> phone = varchar("phone", 32);
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Appointments> appointments = many(() -> Appointments.APPOINTMENTS, a -> a.clientId);
  public final Relation<Professionals> following = manyToMany(id, () -> Follows.FOLLOWS, f -> f.clientId,
      f -> f.professionalId, () -> Professionals.PROFESSIONALS, p -> p.id);

  private Clients() {
    super(Bookings.NS, "clients");
    // one account per address whatever its case: Ann@x.org and ann@x.org are the same mailbox
    index("clients_email_key").unique().onExpression("lower((email)::text)");
  }
}
