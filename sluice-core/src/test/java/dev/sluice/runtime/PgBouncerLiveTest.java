package dev.sluice.runtime;

import static dev.sluice.runtime.TenancyFixtures.Projects.PROJECTS;
import static dev.sluice.runtime.TenancyFixtures.Tasks.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.test.PgBouncer;
import dev.sluice.test.PgCluster;
import dev.sluice.types.PgTypes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path of the runtime through a real PgBouncer in {@code pool_mode = transaction} with fewer server
 * connections ({@link #SERVER_POOL}) than client connections, in front of a throwaway cluster. Skipped
 * with a notice when pgbouncer or the PostgreSQL server binaries are not installed.
 */
class PgBouncerLiveTest {
  static final int SERVER_POOL = 2;
  static final int CLIENTS = 8;
  static final UUID TEAM_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID TEAM_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

  static final class Owners extends Table<Owners> {
    static final Owners OWNERS = new Owners();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Relation<Pets> pets = many(() -> Pets.PETS, id, p -> p.ownerId);

    private Owners() {
      super("owners");
    }
  }

  static final class Pets extends Table<Pets> {
    static final Pets PETS = new Pets();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<Long> ownerId = bigint("owner_id").notNull().references(() -> Owners.OWNERS.id);
    final Column<String> name = text("name").notNull();

    private Pets() {
      super("pets");
    }
  }

  record PetName(String name) {}

  record OwnerWithPets(String name, List<PetName> pets) {}

  static String skipReason;
  static PgCluster server;
  static PgBouncer bouncer;
  static Database db;

  @BeforeAll
  static void start() throws Exception {
    skipReason = PgBouncer.unavailableReason();
    if (skipReason == null) skipReason = PgCluster.unavailableReason();
    if (skipReason != null) return;
    server = PgCluster.startPrimary("scale15-bouncer");
    TenancyFixtures.execute(server.jdbcUrl() + "?user=postgres", TenancyFixtures.ddl("postgres"));
    TenancyFixtures.execute(server.jdbcUrl() + "?user=postgres", List.of(
        "insert into teams values ('" + TEAM_A + "', 'A'), ('" + TEAM_B + "', 'B')",
        "insert into team_members values ('" + TEAM_A + "', '" + ALICE + "', 'owner'), ('" + TEAM_B + "', '" + BOB + "', 'member')",
        "insert into projects (team_id, owner_id, name) values ('" + TEAM_A + "', '" + ALICE + "', 'a1'),"
            + " ('" + TEAM_B + "', '" + BOB + "', 'b1')",
        "insert into tasks (team_id, title) values ('" + TEAM_A + "', 'ta'), ('" + TEAM_B + "', 'tb')",
        "create table owners (id bigint primary key, name text not null)",
        "create table pets (id bigint primary key, owner_id bigint not null references owners, name text not null)",
        "insert into owners values (1, 'ann'), (2, 'bob')",
        "insert into pets values (1, 1, 'rex'), (2, 1, 'tom'), (3, 2, 'kit')",
        "create table items (id bigint primary key, label text not null)",
        "create table counters (id int primary key, n bigint not null)"));
    bouncer = PgBouncer.start("127.0.0.1", server.port(), SERVER_POOL);
    db = Database.connect(bouncer.url("postgres", "postgres"), o -> {
      o.pgBouncer(true);
      o.setMaximumPoolSize(CLIENTS);
    });
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (db != null) db.close();
    } finally {
      try {
        if (bouncer != null) bouncer.close();
      } finally {
        if (server != null) server.close();
      }
    }
  }

  static void assumeBouncer() {
    assumeTrue(skipReason == null, () -> "PgBouncerLiveTest skipped: " + skipReason);
  }

  static TenantContext member(UUID user, UUID team) {
    return TenantContext.builder().userId(user).tenantId(team).dbRole(TenancyFixtures.APP_ROLE).build();
  }

  static Field<String> text(String sql) {
    return Dsl.rawField(PgTypes.TEXT, sql);
  }

  @Test
  void theUrlParameterTurnsTheModeOnAndIsNotPassedToTheDriver() {
    assumeBouncer();
    try (Database viaUrl = Database.connect(bouncer.url("postgres", "postgres") + "?pgbouncer=true")) {
      for (int i = 0; i < 10; i++) assertThat(viaUrl.select(Dsl.rawField(PgTypes.INTEGER, "1")).fetchOne()).isEqualTo(1);
      com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) viaUrl.dataSource();
      assertThat(pool.getJdbcUrl()).doesNotContain("pgbouncer");
      assertThat(pool.getDataSourceProperties()).containsEntry("prepareThreshold", "0");
    }
  }

  @Test
  void dslStatementsRepeatedPastThePrepareThresholdKeepWorking() {
    assumeBouncer();
    Owners o = Owners.OWNERS;
    // pgjdbc names a statement after its 5th run by default; the 6th run on another server session fails
    for (int i = 0; i < 20; i++) {
      assertThat(db.select(o.name).from(o).where(o.id.eq(1L)).fetchOne()).isEqualTo("ann");
    }
    db.insertInto(o).set(o.id, 10L).set(o.name, "cat").execute();
    assertThat(db.update(o).set(o.name, "cid").where(o.id.eq(10L)).execute()).isEqualTo(1);
    assertThat(db.deleteFrom(o).where(o.id.eq(10L)).returning(o.name).fetchOne()).isEqualTo("cid");
    int[] counts = db.batch(List.of(
        db.update(Owners.OWNERS).set(o.name, "ann").where(o.id.eq(1L)),
        db.update(Owners.OWNERS).set(o.name, "bob").where(o.id.eq(2L))));
    assertThat(counts).containsExactly(1, 1);
    long total = db.retrying(3, TransactionOptions.DEFAULT, tx -> {
      tx.update(o).set(o.name, "ann").where(o.id.eq(1L)).execute();
      return tx.select(Dsl.count()).from(o).fetchOne();
    });
    assertThat(total).isEqualTo(2L);
    TransactionOptions serializable = TransactionOptions.serializable();
    String level = db.transaction(serializable, tx -> tx.select(text("current_setting('transaction_isolation')")).fetchOne());
    assertThat(level).isEqualTo("serializable");
    assertThat(db.select(text("current_setting('transaction_isolation')")).fetchOne())
        .as("the isolation level stayed in its transaction").isEqualTo("read committed");
  }

  @Test
  void relationalQueriesRunAsOneStatement() {
    assumeBouncer();
    Owners o = Owners.OWNERS;
    Pets p = Pets.PETS;
    for (int i = 0; i < 8; i++) {
      List<OwnerWithPets> owners = db.query(o).columns(o.name).with(o.pets, q -> q.columns(p.name).orderBy(p.name))
          .orderBy(o.id).findMany(OwnerWithPets.class);
      assertThat(owners).containsExactly(
          new OwnerWithPets("ann", List.of(new PetName("rex"), new PetName("tom"))),
          new OwnerWithPets("bob", List.of(new PetName("kit"))));
    }
  }

  @Test
  void bulkInsertsThroughBatchAndCopyAndStreamsThroughACursor() {
    assumeBouncer();
    Items items = Items.ITEMS;
    db.deleteFrom(items).all().execute();
    List<Long> small = LongStreamRange.of(1, 100);
    assertThat(db.insertMany(items, small, (row, id) -> row.set(items.id, id).set(items.label, "b" + id))).isEqualTo(100);
    assertThat(db.bulk(BulkOptions.DEFAULT.withCopyMinRows(1)).insertMany(items,
        LongStreamRange.of(101, 5000).stream(), (row, id) -> row.set(items.id, id).set(items.label, "c" + id)))
        .isEqualTo(4900);
    assertThat(db.upsertMany(items, List.of(1L, 2L), (row, id) -> row.set(items.id, id).set(items.label, "u"), items.id))
        .isEqualTo(2);
    assertThat(db.select(Dsl.count()).from(items).fetchOne()).isEqualTo(5000L);
    long sum = 0;
    int seen = 0;
    try (Stream<dev.sluice.query.Row> rows = db.select(items.id).from(items).orderBy(items.id).fetchLazy(300).stream()) {
      for (dev.sluice.query.Row row : (Iterable<dev.sluice.query.Row>) rows::iterator) {
        long id = row.get(items.id);
        sum += id;
        seen++;
      }
    }
    assertThat(seen).isEqualTo(5000);
    assertThat(sum).isEqualTo(5000L * 5001 / 2);
    int inTx = db.transaction(tx -> {
      int n = 0;
      try (Stream<dev.sluice.query.Row> ids = tx.select(items.id).from(items).where(items.id.le(1000L)).fetchLazy(100).stream()) {
        n = (int) ids.count();
      }
      return n;
    });
    assertThat(inTx).isEqualTo(1000);
  }

  static final class Items extends Table<Items> {
    static final Items ITEMS = new Items();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> label = text("label").notNull();

    private Items() {
      super("items");
    }
  }

  /** Boxed longs from {@code from} to {@code to} inclusive. */
  static final class LongStreamRange {
    static List<Long> of(long from, long to) {
      List<Long> out = new ArrayList<>();
      for (long i = from; i <= to; i++) out.add(i);
      return out;
    }
  }

  /**
   * Eight client threads on eight client connections share {@link #SERVER_POOL} server sessions: each
   * tenant statement sees exactly its own context, and a statement without a context sees none, so no
   * role or claim survives its transaction on a server session that another client gets next.
   */
  @Test
  void tenantContextNeverLeaksAcrossServerSessionsUnderEightClients() throws Exception {
    assumeBouncer();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < CLIENTS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 60; i++) {
            boolean alice = (thread + i) % 2 == 0;
            UUID user = alice ? ALICE : BOB;
            UUID team = alice ? TEAM_A : TEAM_B;
            TenantScope scope = db.as(member(user, team));
            String seen = scope.select(text("sluice.current_tenant_id()::text || ' ' || sluice.current_user_id()::text"
                + " || ' ' || current_user")).fetchOne();
            String want = team + " " + user + " " + TenancyFixtures.APP_ROLE;
            if (!want.equals(seen)) wrong.add("tenant statement saw " + seen + ", wanted " + want);
            List<String> tasks = scope.select(TASKS.title).from(TASKS).fetch();
            if (!tasks.equals(List.of(alice ? "ta" : "tb"))) wrong.add("tasks " + tasks + " for " + user);
            String bare = db.select(text("coalesce(current_setting('app.tenant_id', true), '') || '|' || current_user"))
                .fetchOne();
            if (!"|postgres".equals(bare)) wrong.add("a statement without context saw " + bare);
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong).isEmpty();
    assertThat(db.as(member(ALICE, TEAM_A)).select(PROJECTS.name).from(PROJECTS).fetch()).containsExactly("a1");
  }

  /**
   * After every other path ran, each server session (held by {@link #SERVER_POOL} concurrent
   * transactions, so they cannot share one) has no named prepared statement, no cursor, no advisory
   * lock, no role and no claim left over.
   */
  @Test
  void noServerSessionKeepsSessionState() throws Exception {
    assumeBouncer();
    dslStatementsRepeatedPastThePrepareThresholdKeepWorking();
    db.as(member(ALICE, TEAM_A)).select(TASKS.title).from(TASKS).fetch();
    String probe = "pg_backend_pid() || ' prepared=' || (select count(*) from pg_prepared_statements)"
        + " || ' cursors=' || (select count(*) from pg_cursors where is_holdable)"
        + " || ' advisory=' || (select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid())"
        + " || ' user=' || current_user || ' tenant=' || coalesce(current_setting('app.tenant_id', true), '')"
        + " || ' search_path=' || current_setting('search_path')";
    CyclicBarrier together = new CyclicBarrier(SERVER_POOL);
    ExecutorService pool = Executors.newFixedThreadPool(SERVER_POOL);
    List<String> sessions = new ArrayList<>();
    try {
      List<Future<String>> probes = new ArrayList<>();
      for (int i = 0; i < SERVER_POOL; i++) {
        probes.add(pool.submit(() -> db.transaction(tx -> {
          String row = tx.select(text(probe)).fetchOne();
          try {
            together.await(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("the probes did not meet", e);
          }
          return row;
        })));
      }
      for (Future<String> f : probes) sessions.add(f.get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertThat(sessions.stream().map(s -> s.substring(0, s.indexOf(' '))).distinct()).as("server sessions")
        .hasSize(SERVER_POOL);
    for (String s : sessions) {
      assertThat(s.substring(s.indexOf(' ') + 1))
          .isEqualTo("prepared=0 cursors=0 advisory=0 user=postgres tenant= search_path=\"$user\", public");
    }
  }

  /** The probe above would see a named statement: pgjdbc's prepareThreshold=1 on a direct connection. */
  @Test
  void theProbeSeesNamedStatementsWhenThereAreSome() throws Exception {
    assumeBouncer();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl() + "?prepareThreshold=1", "postgres", "")) {
      for (int i = 0; i < 3; i++) {
        try (PreparedStatement ps = c.prepareStatement("select ?::int")) {
          ps.setInt(1, i);
          ps.executeQuery().close();
        }
      }
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from pg_prepared_statements")) {
        rs.next();
        assertThat(rs.getLong(1)).isPositive();
      }
    }
  }

  /**
   * Statements PgBouncer forwards per operation (its {@code SHOW STATS} total_query_count over a run of
   * operations, {@code stats_period = 1}): printed for the README's figures, bounded here.
   */
  @Test
  void statementsPerOperationThroughThePooler() throws Exception {
    assumeBouncer();
    Owners o = Owners.OWNERS;
    int ops = 200;
    Map<String, Double> perOp = new java.util.LinkedHashMap<>();
    perOp.put("select (autocommit)", measure(ops, () -> db.select(o.name).from(o).where(o.id.eq(1L)).fetchOne()));
    perOp.put("transaction of 2 statements", measure(ops, () -> db.transaction(tx -> {
      tx.select(o.name).from(o).where(o.id.eq(1L)).fetchOne();
      return tx.update(o).set(o.name, "ann").where(o.id.eq(1L)).execute();
    })));
    perOp.put("db.as(...) select", measure(ops, () -> db.as(member(ALICE, TEAM_A)).select(TASKS.title).from(TASKS).fetch()));
    System.out.println("PgBouncer statements per op (total_query_count / ops): " + perOp);
    assertThat(perOp.get("select (autocommit)")).isBetween(0.9, 1.1);
  }

  static double measure(int ops, Runnable op) throws Exception {
    long before = settledQueryCount();
    for (int i = 0; i < ops; i++) op.run();
    return (settledQueryCount() - before) / (double) ops;
  }

  /** total_query_count once two reads a stats period apart agree (the counters are published every second). */
  static long settledQueryCount() throws Exception {
    long last = -1;
    for (int i = 0; i < 20; i++) {
      Map<String, String> row = bouncer.stats("postgres");
      long now = row.isEmpty() ? 0 : Long.parseLong(row.get("total_query_count"));
      if (now == last) return now;
      last = now;
      Thread.sleep(1100);
    }
    throw new IllegalStateException("pgbouncer's query count did not settle");
  }
}
