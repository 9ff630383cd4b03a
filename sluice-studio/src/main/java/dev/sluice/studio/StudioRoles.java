package dev.sluice.studio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The roles behind {@code --read-only}: PostgreSQL's privileges, not the studio's parsing, keep read-only work
 * from having side effects.
 *
 * <p>A READ ONLY transaction still allows {@code COPY ... TO PROGRAM}, {@code COPY ... TO 'file'},
 * {@code lo_import}, {@code pg_read_file}, {@code pg_terminate_backend} and {@code dblink_exec}: they do not write
 * tables of this database. What stops them is who runs them. So read-only work runs as a NOLOGIN role with only
 * {@code pg_read_all_data}, switched to with {@code SET LOCAL ROLE} inside the READ ONLY transaction. Because
 * {@code RESET ROLE} (also inside a {@code DO} block or through {@code set_config('role', ...)}) returns to the
 * login, the login itself must not be able to do those things either: it must not be a superuser, nor able to switch
 * to a superuser, a REPLICATION role, another LOGIN role, or {@code pg_execute_server_program},
 * {@code pg_read_server_files}, {@code pg_write_server_files}, {@code pg_signal_backend}, nor be granted EXECUTE on
 * the server-side file and server-control functions. {@link #setupSql} creates
 * such a login ({@code sluice_studio}, NOINHERIT) and the read role it can switch to.
 */
public final class StudioRoles {
  /** The read role's default name. */
  public static final String DEFAULT_READ_ROLE = "sluice_studio_read";
  /** The default name of the login the setup SQL creates for {@code --read-only}. */
  public static final String DEFAULT_LOGIN = "sluice_studio";

  private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  /** Predefined roles whose members can act outside the database from a read-only transaction. */
  static final List<String> DANGEROUS_ROLES = List.of("pg_execute_server_program", "pg_read_server_files",
      "pg_write_server_files", "pg_signal_backend", "pg_signal_autovacuum_worker");
  /** Functions (core and adminpack) that read or write server files or act on the server; revoked from PUBLIC by default. */
  static final List<String> DANGEROUS_FUNCTIONS = List.of("lo_import", "lo_export", "pg_read_file", "pg_read_binary_file",
      "pg_ls_dir", "pg_stat_file", "pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_file_sync", "pg_logdir_ls",
      "pg_reload_conf", "pg_rotate_logfile", "pg_promote", "pg_switch_wal", "pg_create_restore_point", "pg_backup_start",
      "pg_backup_stop", "pg_start_backup", "pg_stop_backup", "pg_wal_replay_pause", "pg_wal_replay_resume",
      "pg_log_backend_memory_contexts");

  private StudioRoles() {}

  /**
   * The SQL (run once, as a superuser or a role with CREATEROLE and the ADMIN option on {@code pg_read_all_data})
   * that creates the read role and a login for {@code --read-only}; it can be run again safely. Set the login's
   * password afterwards ({@code \password sluice_studio} in psql) unless pg_hba trusts it.
   */
  public static String setupSql(String readRole, String login) {
    String r = checkName(readRole, "read role");
    String l = checkName(login, "login");
    return """
        -- sluice studio --read-only: a NOLOGIN read role (it inherits pg_read_all_data) and a NOINHERIT login
        -- that has no privileges of its own and can only switch to the read role.
        -- PostgreSQL 14+ (pg_read_all_data). Before 14: instead of the GRANT pg_read_all_data line,
        --   GRANT USAGE ON SCHEMA <each schema> TO %1$s; GRANT SELECT ON ALL TABLES IN SCHEMA <each schema> TO %1$s;
        DO $setup$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '%1$s') THEN
            CREATE ROLE %1$s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '%2$s') THEN
            CREATE ROLE %2$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT;
          END IF;
        END $setup$;
        ALTER ROLE %1$s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT;
        ALTER ROLE %2$s NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT;
        GRANT pg_read_all_data TO %1$s;
        GRANT %1$s TO %2$s;
        -- then give the login a password (psql: \\password %2$s) and start
        --   sluice studio --read-only --url postgresql://%2$s@HOST:5432/DB
        """.formatted(r, l);
  }

  static String checkName(String role, String what) {
    if (role == null || !ROLE_NAME.matcher(role).matches()) {
      throw new IllegalArgumentException(what + " name must be a plain lower-case identifier ([a-z_][a-z0-9_]*): " + role);
    }
    return role;
  }

  /**
   * Verifies, on a connection of the studio's login, that read-only work can be held read-only: the login cannot
   * regain dangerous rights with RESET ROLE, and it can switch to {@code readRole}, which is safe too.
   *
   * @throws IllegalStateException naming what is wrong and how to set the roles up
   */
  static void verifyReadOnlySetup(Connection c, String readRole) throws SQLException {
    checkName(readRole, "read role");
    String login;
    boolean superuser;
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT session_user, r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user")) {
      rs.next();
      login = rs.getString(1);
      superuser = rs.getBoolean(2);
    }
    String fix = " Create the studio roles once with the SQL printed by `sluice studio --print-setup-sql`"
        + " (README, Studio) and connect as its login, e.g. --url postgresql://" + DEFAULT_LOGIN + "@HOST/DB.";
    if (superuser) {
      throw new IllegalStateException("refusing --read-only: the login \"" + login + "\" is a superuser. A superuser"
          + " session can always leave the role it switched to (RESET ROLE, also inside a DO block), and then run"
          + " COPY ... TO PROGRAM or lo_import even in a READ ONLY transaction, so PostgreSQL cannot hold it read-only." + fix);
    }
    List<String> bad = new ArrayList<>();
    // Any role the login can SET ROLE to counts: superusers, REPLICATION (slots), the predefined roles above, and
    // other LOGIN roles (whose sessions it could then signal with pg_terminate_backend).
    try (PreparedStatement ps = c.prepareStatement("SELECT r.rolname, r.rolsuper, r.rolreplication, r.rolname = ANY (?)"
        + " FROM pg_catalog.pg_roles r WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')"
        + " AND (r.rolsuper OR r.rolreplication OR r.rolname = ANY (?) OR (r.rolcanlogin AND r.rolname <> session_user))"
        + " ORDER BY 1")) {
      ps.setArray(1, c.createArrayOf("text", DANGEROUS_ROLES.toArray()));
      ps.setArray(2, c.createArrayOf("text", DANGEROUS_ROLES.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String why = rs.getBoolean(2) ? "superuser" : rs.getBoolean(3) ? "REPLICATION" : rs.getBoolean(4) ? "predefined" : "another LOGIN role";
          bad.add((rs.getString(1).equals(login) ? "is " : "can switch to ") + rs.getString(1) + " (" + why + ")");
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT p.oid::pg_catalog.regprocedure::pg_catalog.text"
        + " FROM pg_catalog.pg_proc p, pg_catalog.pg_roles r"
        + " WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER') AND p.proname = ANY (?)"
        + " AND pg_catalog.has_function_privilege(r.oid, p.oid, 'EXECUTE') ORDER BY 1")) {
      ps.setArray(1, c.createArrayOf("text", DANGEROUS_FUNCTIONS.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) bad.add("may execute " + rs.getString(1));
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalStateException("refusing --read-only: the login \"" + login + "\" (or a role it can switch to) can act"
          + " outside the database from a READ ONLY transaction: " + String.join(", ", bad) + "." + fix);
    }
    Boolean member = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')"
        + " FROM pg_catalog.pg_roles r WHERE r.rolname = ?")) {
      ps.setString(1, readRole);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) member = rs.getBoolean(1);
      }
    }
    if (member == null) {
      throw new IllegalStateException("refusing --read-only: the read role \"" + readRole + "\" does not exist." + fix);
    }
    if (!member) {
      throw new IllegalStateException("refusing --read-only: the login \"" + login + "\" is not a member of the read role \""
          + readRole + "\" (GRANT " + readRole + " TO " + login + ")." + fix);
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SET LOCAL ROLE " + readRole);
    } catch (SQLException e) {
      throw new IllegalStateException("refusing --read-only: the login \"" + login + "\" cannot SET ROLE " + readRole + ": "
          + e.getMessage() + fix, e);
    } finally {
      c.rollback();
      c.setAutoCommit(auto);
    }
  }
}
