package dev.sluice.kit.citus;

import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import dev.sluice.schema.Column;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import java.util.UUID;

/**
 * The SaaS reference app's shape as Citus models it: {@code team_id} as the distribution column of
 * every tenant table (co-located with {@code teams}), users as a reference table.
 */
final class CitusSaas {
  private CitusSaas() {}

  static final class Users extends Table<Users> {
    static final Users USERS = new Users();
    final Column<UUID> id = uuid("id").primaryKey();
    final Column<String> email = text("email").notNull();

    private Users() {
      super("users");
      reference();
    }
  }

  static final class Teams extends Table<Teams> {
    static final Teams TEAMS = new Teams();
    final Column<UUID> id = uuid("id").primaryKey();
    final Column<String> name = text("name").notNull();

    private Teams() {
      super("teams");
      distributedBy(id).shardCount(16);
    }
  }

  static final class Projects extends Table<Projects> {
    static final Projects PROJECTS = new Projects();
    final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id, CASCADE);
    final Column<UUID> id = uuid("id").notNull();
    final Column<UUID> ownerId = uuid("owner_id").references(() -> Users.USERS.id);
    final Column<String> name = text("name").notNull();

    private Projects() {
      super("projects");
      primaryKey(teamId, id);
      distributedBy(teamId).colocateWith(() -> Teams.TEAMS);
    }
  }

  static Schema schema() {
    return Schema.of(Users.USERS, Teams.TEAMS, Projects.PROJECTS);
  }
}
