package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a console user of {@code --read-only} tries to do besides reading: every attempt is refused by PostgreSQL
 * (privileges of the read role and of the login it can fall back to), and nothing of it happens.
 */
@PgTest
class StudioReadOnlyAttackTest {
  static PgTestContext pg;
  static Studio readOnly;
  static Studio readWrite;
  static StudioClient ro;
  static StudioClient rw;
  static final String MARK = "sluice-attack-" + UUID.randomUUID();

  @BeforeAll
  static void start(PgTestContext ctx) {
    pg = ctx;
    SampleSchema.create(pg);
    readOnly = Studio.start(StudioOptions.local(StudioLogins.readOnlyLogin(pg)).withReadOnly(true));
    readWrite = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)));
    ro = new StudioClient(readOnly);
    rw = new StudioClient(readWrite);
  }

  @AfterAll
  static void stop() {
    if (readOnly != null) readOnly.close();
    if (readWrite != null) readWrite.close();
  }

  static Path marker(String what) {
    return Path.of(System.getProperty("java.io.tmpdir"), MARK + "-" + what);
  }

  static JsonNode sql(StudioClient c, String sql) throws Exception {
    return c.post("sql", Map.of("sql", sql));
  }

  static long count(String sql) throws Exception {
    try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void readOnlyStillReadsEveryTableAsTheReadRole() throws Exception {
    JsonNode r = sql(ro, "select current_user, session_user, (select count(*) from customers)");
    assertThat(ro.lastStatus).as(r.toString()).isEqualTo(200);
    assertThat(r.path("rows").get(0).get(0).asText()).isEqualTo(StudioRoles.DEFAULT_READ_ROLE);
    assertThat(r.path("rows").get(0).get(1).asText()).isEqualTo(StudioRoles.DEFAULT_LOGIN);
    assertThat(r.path("rows").get(0).get(2).asText()).isEqualTo("120");
    JsonNode page = ro.post("rows", Map.of("table", "customers", "limit", 10));
    assertThat(page.path("rows").size()).as(page.toString()).isEqualTo(10);
  }

  @Test
  void copyToProgramIsRefusedAndRunsNothing() throws Exception {
    Path f = marker("program");
    JsonNode r = sql(ro, "COPY (select 1) TO PROGRAM 'touch " + f + "'");
    assertThat(ro.lastStatus).as(r.toString()).isEqualTo(422);
    assertThat(r.path("sqlState").asText()).isEqualTo("42501");
    assertThat(f).doesNotExist();
  }

  @Test
  void copyToAServerFileIsRefusedAndWritesNoFile() throws Exception {
    Path f = marker("file");
    JsonNode r = sql(ro, "COPY customers TO '" + f + "'");
    assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("42501");
    assertThat(f).doesNotExist();
  }

  @Test
  void loImportIsRefusedAndLeavesNoLargeObject() throws Exception {
    long before = count("select count(*) from pg_largeobject_metadata");
    JsonNode r = sql(ro, "select lo_import('/etc/hostname')");
    assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("42501");
    r = sql(ro, "select lo_from_bytea(0, 'x')");
    assertThat(ro.lastStatus).as(r.toString()).isEqualTo(422);
    assertThat(count("select count(*) from pg_largeobject_metadata")).isEqualTo(before);
  }

  @Test
  void pgReadFileAndPgLsDirAreRefused() throws Exception {
    assertThat(sql(ro, "select pg_read_file('/etc/hostname')").path("sqlState").asText()).isEqualTo("42501");
    assertThat(sql(ro, "select pg_read_binary_file('/etc/hostname')").path("sqlState").asText()).isEqualTo("42501");
    assertThat(sql(ro, "select pg_ls_dir('.')").path("sqlState").asText()).isEqualTo("42501");
  }

  @Test
  void pgTerminateBackendCannotKillAnotherUsersSession() throws Exception {
    try (Connection victim = pg.connect(); Statement st = victim.createStatement(); ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
      rs.next();
      int pid = rs.getInt(1);
      JsonNode r = sql(ro, "select pg_terminate_backend(" + pid + ")");
      assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("42501");
      r = sql(ro, "select pg_cancel_backend(" + pid + ")");
      assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("42501");
      assertThat(victim.isValid(2)).isTrue();
    }
  }

  @Test
  void dblinkExecCannotReachOutWithoutAPassword() throws Exception {
    boolean available = count("select count(*) from pg_available_extensions where name = 'dblink'") > 0;
    Assumptions.assumeTrue(available, "SKIPPED: the dblink extension is not available on this test server");
    pg.execute("create extension if not exists dblink", "create table if not exists attack_log (what text)");
    String db;
    int port;
    try (Connection c = pg.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select current_database(), current_setting('port')::int")) {
      rs.next();
      db = rs.getString(1);
      port = rs.getInt(2);
    }
    JsonNode r = sql(ro, "select dblink_exec('host=127.0.0.1 port=" + port + " dbname=" + db + " user=postgres',"
        + " 'insert into attack_log values (''dblink'')')");
    assertThat(ro.lastStatus).as(r.toString()).isEqualTo(422);
    assertThat(count("select count(*) from attack_log")).isZero();
  }

  @Test
  void resetRoleInsideADoBlockLandsOnALoginThatCanDoNothing() throws Exception {
    Path f = marker("do-block");
    JsonNode r = sql(ro, "DO $$ BEGIN RESET ROLE; COPY (select 1) TO PROGRAM 'touch " + f + "'; END $$");
    assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("42501");
    assertThat(f).doesNotExist();
    r = sql(ro, "select set_config('role', 'postgres', true)");
    assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("42501");
    r = sql(ro, "DO $$ BEGIN RESET ROLE; PERFORM count(*) FROM customers; END $$");
    assertThat(r.path("sqlState").asText()).as("the login itself reads nothing: " + r).isEqualTo("42501");
  }

  @Test
  void setTransactionReadWriteIsRefusedByPostgres() throws Exception {
    JsonNode r = sql(ro, "set transaction read write");
    assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("25001");
    r = sql(ro, "select set_config('transaction_read_only', 'off', true)");
    assertThat(r.path("sqlState").asText()).as(r.toString()).isEqualTo("25001");
  }

  @Test
  void sessionSettingsMadeInTheConsoleDoNotReachTheNextRequest() throws Exception {
    for (int i = 0; i < 6; i++) {
      JsonNode r = sql(ro, "select set_config('search_path', 'nowhere', false), pg_advisory_lock(42)");
      assertThat(ro.lastStatus).as(r.toString()).isEqualTo(200);
      JsonNode next = sql(ro, "select current_setting('search_path'), (select count(*) from pg_locks where locktype = 'advisory')");
      assertThat(next.path("rows").get(0).get(0).asText()).isNotEqualTo("nowhere");
      assertThat(next.path("rows").get(0).get(1).asText()).isEqualTo("0");
    }
  }

  @Test
  void aDollarInAnIdentifierCannotSmuggleASecondStatement() throws Exception {
    for (StudioClient c : new StudioClient[] {rw, ro}) {
      JsonNode r = sql(c, "select 1 as x$$$; delete from orders; --$$");
      assertThat(c.lastStatus).as(r.toString()).isEqualTo(400);
      r = c.post("sql", Map.of("sql", "select 1 as x$$$; commit; delete from orders; --$$", "explain", true));
      assertThat(c.lastStatus).as(r.toString()).isEqualTo(400);
    }
    assertThat(count("select count(*) from orders")).isEqualTo(12);
  }

  @Test
  void aCommentEndingAtACarriageReturnCannotSmuggleASecondStatement() throws Exception {
    for (StudioClient c : new StudioClient[] {rw, ro}) {
      JsonNode r = sql(c, "select 1 -- just a note\r; delete from orders");
      assertThat(c.lastStatus).as(r.toString()).isEqualTo(400);
      r = c.post("sql", Map.of("sql", "select 1 -- note\r; commit; delete from orders", "explain", true));
      assertThat(c.lastStatus).as(r.toString()).isEqualTo(400);
    }
    assertThat(count("select count(*) from orders")).isEqualTo(12);
  }

  @Test
  void aSmuggledCommitDoesNotRunTheStatementsAfterIt() throws Exception {
    for (StudioClient c : new StudioClient[] {rw, ro}) {
      JsonNode r = sql(c, "select 1; COMMIT; delete from orders");
      assertThat(c.lastStatus).as(r.toString()).isEqualTo(400);
      r = c.post("sql", Map.of("sql", "delete from orders; commit; delete from orders", "explain", true));
      assertThat(c.lastStatus).as(r.toString()).isEqualTo(400);
    }
    assertThat(count("select count(*) from orders")).isEqualTo(12);
  }

  @Test
  void aSuperuserLoginIsRefusedInReadOnlyWithTheSetupToDo() {
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(pg.jdbcUrl()).withReadOnly(true)).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("superuser").hasMessageContaining("--print-setup-sql");
  }

  @Test
  void aLoginThatMayRunServerProgramsIsRefusedInReadOnly() {
    pg.execute("do $$ begin if not exists (select from pg_roles where rolname = 'studio_attack_copier') then"
            + " create role studio_attack_copier login noinherit; end if; end $$",
        "grant pg_execute_server_program to studio_attack_copier", "grant sluice_studio_read to studio_attack_copier");
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(StudioLogins.as(pg, "studio_attack_copier")).withReadOnly(true)).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pg_execute_server_program");
  }

  @Test
  void aLoginWithoutTheReadRoleIsRefusedInReadOnly() {
    pg.execute("do $$ begin if not exists (select from pg_roles where rolname = 'studio_attack_stranger') then"
        + " create role studio_attack_stranger login noinherit; end if; end $$");
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(StudioLogins.as(pg, "studio_attack_stranger")).withReadOnly(true)).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not a member of the role \"sluice_studio_read\"");
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(StudioLogins.readOnlyLogin(pg)).withReadOnly(true)
        .withReadRole("no_such_studio_role")).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
  }

  @Test
  void aLoginThatCanSwitchToAnotherLoginRoleIsRefusedInReadOnly() {
    pg.execute("do $$ begin if not exists (select from pg_roles where rolname = 'studio_attack_app') then"
            + " create role studio_attack_app login; end if;"
            + " if not exists (select from pg_roles where rolname = 'studio_attack_hopper') then"
            + " create role studio_attack_hopper login noinherit; end if; end $$",
        "grant studio_attack_app to studio_attack_hopper", "grant sluice_studio_read to studio_attack_hopper");
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(StudioLogins.as(pg, "studio_attack_hopper")).withReadOnly(true)).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("can switch to studio_attack_app (another LOGIN role)");
  }

  // --- read-write mode: the same login, switched to the write role -----------------------------------

  @Test
  void readWriteRunsAsTheWriteRoleNotAsTheLogin() throws Exception {
    JsonNode r = sql(rw, "select current_user, session_user, (select count(*) from customers)");
    assertThat(rw.lastStatus).as(r.toString()).isEqualTo(200);
    assertThat(r.path("rows").get(0).get(0).asText()).isEqualTo(StudioRoles.DEFAULT_WRITE_ROLE);
    assertThat(r.path("rows").get(0).get(1).asText()).isEqualTo(StudioRoles.DEFAULT_LOGIN);
    assertThat(r.path("rows").get(0).get(2).asText()).isEqualTo("120");
  }

  @Test
  void readWriteRefusesCopyToProgramServerFilesAndLoImport() throws Exception {
    Path program = marker("rw-program");
    assertThat(sql(rw, "COPY (select 1) TO PROGRAM 'touch " + program + "'").path("sqlState").asText()).isEqualTo("42501");
    Path file = marker("rw-file");
    assertThat(sql(rw, "COPY customers TO '" + file + "'").path("sqlState").asText()).isEqualTo("42501");
    long before = count("select count(*) from pg_largeobject_metadata");
    assertThat(sql(rw, "select lo_import('/etc/hostname')").path("sqlState").asText()).isEqualTo("42501");
    assertThat(sql(rw, "select pg_read_file('/etc/hostname')").path("sqlState").asText()).isEqualTo("42501");
    assertThat(sql(rw, "select pg_ls_dir('.')").path("sqlState").asText()).isEqualTo("42501");
    Path doBlock = marker("rw-do-block");
    assertThat(sql(rw, "DO $$ BEGIN RESET ROLE; COPY (select 1) TO PROGRAM 'touch " + doBlock + "'; END $$")
        .path("sqlState").asText()).isEqualTo("42501");
    assertThat(sql(rw, "select rolpassword from pg_authid").path("sqlState").asText()).isEqualTo("42501");
    assertThat(program).doesNotExist();
    assertThat(file).doesNotExist();
    assertThat(doBlock).doesNotExist();
    assertThat(count("select count(*) from pg_largeobject_metadata")).isEqualTo(before);
  }

  @Test
  void aSuperuserLoginIsRefusedInReadWriteUnlessExplicitlyAllowed() throws Exception {
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(pg.jdbcUrl())).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("superuser").hasMessageContaining("--allow-superuser")
        .hasMessageContaining("--print-setup-sql");
    Studio asSuperuser = Studio.start(StudioOptions.local(pg.jdbcUrl()).withAllowSuperuser(true));
    try {
      JsonNode r = sql(new StudioClient(asSuperuser), "select current_user = session_user, (select rolsuper from pg_roles where rolname = current_user)");
      assertThat(r.path("rows").get(0).get(0).asText()).as(r.toString()).isEqualTo("t");
      assertThat(r.path("rows").get(0).get(1).asText()).isEqualTo("t");
    } finally {
      asSuperuser.close();
    }
    // the flag is about superusers: it does not turn read-only into "as the login"
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(pg.jdbcUrl()).withAllowSuperuser(true).withReadOnly(true)).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("superuser");
  }

  @Test
  void theReadmeRolesCannotReadPasswordHashes() throws Exception {
    StudioLogins.readOnlyLogin(pg);
    for (String role : List.of(StudioRoles.DEFAULT_READ_ROLE, StudioRoles.DEFAULT_WRITE_ROLE)) {
      try (Connection c = java.sql.DriverManager.getConnection(StudioLogins.as(pg, StudioRoles.DEFAULT_LOGIN));
           Statement st = c.createStatement()) {
        st.execute("SET ROLE " + role);
        assertThatThrownBy(() -> st.executeQuery("select rolpassword from pg_authid"))
            .isInstanceOfSatisfying(java.sql.SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      }
    }
    assertThat(sql(ro, "select rolpassword from pg_authid").path("sqlState").asText()).isEqualTo("42501");
  }

  @Test
  void aReadRoleThatCanReadPasswordHashesIsRefused() {
    pg.execute("do $$ begin if not exists (select from pg_roles where rolname = 'sec12_studio_all_data') then"
            + " create role sec12_studio_all_data nologin; end if;"
            + " if not exists (select from pg_roles where rolname = 'sec12_studio_all_login') then"
            + " create role sec12_studio_all_login login noinherit; end if; end $$",
        "grant pg_read_all_data to sec12_studio_all_data", "grant sec12_studio_all_data to sec12_studio_all_login");
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(StudioLogins.as(pg, "sec12_studio_all_login")).withReadOnly(true)
        .withReadRole("sec12_studio_all_data")).close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pg_authid").hasMessageContaining("sec12_studio_all_data");
  }
}
