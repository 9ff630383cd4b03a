package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Sign-in identities of a user (password, GitHub, Google...): one row per provider account. Private to
 * the user (RLS owner-only on user_id): provider ids are nobody else's business.
 */
public final class Accounts extends Table<Accounts> {
  public static final Accounts ACCOUNTS = new Accounts();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> userId = uuid("user_id").notNull().references(() -> Users.USERS.id, CASCADE);
  public final Column<String> provider = text("provider").notNull();
  public final Column<String> providerAccountId = text("provider_account_id").notNull();
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Users> user = one(() -> Users.USERS, userId);

  private Accounts() {
    super(NS, "accounts");
    unique(provider, providerAccountId);
    index().on(userId);
    enableRowLevelSecurity();
    addPolicy(Policies.ownerOnly(userId));
  }
}
