package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.PgEnum;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Tables shared by the INSERT/UPDATE/DELETE/MERGE tests (render and live). */
final class DmlTables {
  private DmlTables() {}

  enum Status { ACTIVE, BLOCKED }

  record Profile(String theme, int size) {}

  static final PgEnum<Status> STATUS = PgEnum.of("user_status", Status.class);

  /** Counts the calls of the app-side functions, so tests can see them run once per row. */
  static final AtomicInteger TOKENS = new AtomicInteger();

  static final class Users extends Table<Users> {
    static final Users USERS = new Users();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<String> email = varchar("email", 255).notNull().unique();
    final Column<String> name = text("name");
    final Column<Status> status = column("status", STATUS);
    final Column<Profile> profile = jsonb("profile", Profile.class);
    final Column<String> token = text("token").defaultFn(() -> "t" + TOKENS.incrementAndGet());
    final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").onUpdate(() -> OffsetDateTime.parse("2030-01-01T00:00Z"));

    private Users() {
      super("users");
    }
  }

  static final class Staged extends Table<Staged> {
    static final Staged STAGED = new Staged();
    final Column<String> email = varchar("email", 255).notNull();
    final Column<String> name = text("name");

    private Staged() {
      super("staged");
    }
  }

  static final class Counters extends Table<Counters> {
    static final Counters COUNTERS = new Counters();
    final Column<Long> id = bigint("id").generatedAlwaysAsIdentity().primaryKey();
    final Column<Integer> n = integer("n").notNull();
    final Column<Integer> twice = integer("twice").generatedAlwaysAs("n * 2");

    private Counters() {
      super("counters");
    }
  }

  static final String DDL_ENUM = "create type user_status as enum ('ACTIVE', 'BLOCKED')";
  static final String DDL_USERS = "create table users (id uuid primary key default gen_random_uuid(),"
      + " email varchar(255) not null constraint users_email_key unique, name text, status user_status, profile jsonb,"
      + " token text, updated_at timestamptz)";
  static final String DDL_STAGED = "create table staged (email varchar(255) not null, name text)";
  static final String DDL_COUNTERS = "create table counters (id bigint generated always as identity primary key,"
      + " n integer not null, twice integer generated always as (n * 2) stored)";
}
