package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.PolicyModel.Command;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * People who sign in. Not tenant-scoped: a user belongs to many teams through {@link TeamMembers}.
 * Row-level security keeps e-mail addresses private: a user sees their own row and the users they
 * share a team with ({@code app_shares_team}, migration 0005), creates only their own row (sign-up)
 * and changes only their own.
 */
public final class Users extends Table<Users> {
  public static final Users USERS = new Users();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<String> email = varchar("email", 255).notNull().unique();
  public final Column<String> name = text("name").notNull();
  public final Column<String> avatarUrl = text("avatar_url");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
  public final Column<OffsetDateTime> updatedAt = updatedAt();

  public final Relation<TeamMembers> memberships = many(() -> TeamMembers.TEAM_MEMBERS, m -> m.userId);
  public final Relation<Accounts> accounts = many(() -> Accounts.ACCOUNTS, a -> a.userId);

  private Users() {
    super(NS, "users");
    enableRowLevelSecurity();
    policy("self_or_teammates_read").forCommand(Command.SELECT)
        .using("id = CAST(sluice.current_user_id() AS uuid) OR public.app_shares_team(id)");
    policy("self_insert").forCommand(Command.INSERT).withCheck("id = CAST(sluice.current_user_id() AS uuid)");
    policy("self_update").forCommand(Command.UPDATE).using("id = CAST(sluice.current_user_id() AS uuid)").withCheck("id = CAST(sluice.current_user_id() AS uuid)");
  }
}
