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
 * The roles the studio runs as: PostgreSQL's privileges, not the studio's parsing, decide what its work can do.
 *
 * <p>A READ ONLY transaction still allows {@code COPY ... TO PROGRAM}, {@code COPY ... TO 'file'},
 * {@code lo_import}, {@code pg_read_file}, {@code pg_terminate_backend} and {@code dblink_exec}: they do not write
 * tables of this database. What stops them is who runs them. So {@code --read-only} work runs as a NOLOGIN read role
 * with SELECT on the listed schemas only, and read-write work as a NOLOGIN write role with SELECT, INSERT, UPDATE and
 * DELETE on them, both switched to with {@code SET LOCAL ROLE}. Because {@code RESET ROLE} (also inside a {@code DO}
 * block or through {@code set_config('role', ...)}) returns to the login, the login itself must not be able to do
 * those things either: it must not be a superuser, nor able to switch to a superuser, a REPLICATION role, another
 * LOGIN role, or {@code pg_execute_server_program}, {@code pg_read_server_files}, {@code pg_write_server_files},
 * {@code pg_signal_backend}, nor be granted EXECUTE on the server-side file and server-control functions; and no
 * role it can switch to may read {@code pg_authid} (password hashes; {@code pg_read_all_data} can).
 * {@link #setupSql} creates such a login ({@code sluice_studio}, NOINHERIT) and the two roles it can switch to.
 */
public final class StudioRoles {
  /** The read role's default name. */
  public static final String DEFAULT_READ_ROLE = "sluice_studio_read";
  /** The write role's default name. */
  public static final String DEFAULT_WRITE_ROLE = "sluice_studio_write";
  /** The default name of the login the setup SQL creates. */
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

  /** {@link #setupSql(String, String, String, List)} with the default write role, for schema {@code public}. */
  public static String setupSql(String readRole, String login) {
    return setupSql(readRole, login, DEFAULT_WRITE_ROLE, List.of("public"));
  }

  /**
   * The SQL (run once, as a superuser or a role with CREATEROLE, as the owner of the tables in {@code schemas} so
   * that the default privileges cover the tables it creates later) that creates the read role, the write role and
   * the login; it can be run again safely (it also revokes {@code pg_read_all_data} from the read role, which
   * earlier versions granted and which reads {@code pg_authid}). Set the login's password afterwards
   * ({@code \password sluice_studio} in psql) unless pg_hba trusts it.
   */
  public static String setupSql(String readRole, String login, String writeRole, List<String> schemas) {
    String r = checkName(readRole, "read role");
    String l = checkName(login, "login");
    String w = checkName(writeRole, "write role");
    if (schemas == null || schemas.isEmpty()) throw new IllegalArgumentException("the setup needs at least one schema");
    StringBuilder grants = new StringBuilder();
    for (String schema : schemas) {
      String s = checkName(schema, "schema");
      if (s.equals("sluice")) {
        throw new IllegalArgumentException("schema sluice holds the migration history: the setup lets both roles read it"
            + " and neither write it; list only your application's schemas");
      }
      grants.append("""
          -- schema %3$s: the read role reads it, the write role reads and writes rows (no TRUNCATE, no DDL)
          GRANT USAGE ON SCHEMA %3$s TO %1$s, %2$s;
          GRANT SELECT ON ALL TABLES IN SCHEMA %3$s TO %1$s;
          GRANT SELECT ON ALL SEQUENCES IN SCHEMA %3$s TO %1$s;
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %3$s TO %2$s;
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %3$s TO %2$s;
          ALTER DEFAULT PRIVILEGES IN SCHEMA %3$s GRANT SELECT ON TABLES TO %1$s;
          ALTER DEFAULT PRIVILEGES IN SCHEMA %3$s GRANT SELECT ON SEQUENCES TO %1$s;
          ALTER DEFAULT PRIVILEGES IN SCHEMA %3$s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %2$s;
          ALTER DEFAULT PRIVILEGES IN SCHEMA %3$s GRANT USAGE, SELECT ON SEQUENCES TO %2$s;
          """.formatted(r, w, s));
    }
    return """
        -- sluice studio: a NOLOGIN read role (--read-only) and write role (read-write), each with privileges on the
        -- listed schemas only, and a NOINHERIT login that has no privileges of its own and can only switch to them.
        -- Run it as the owner of the tables (ALTER DEFAULT PRIVILEGES covers the tables that role creates later).
        -- Row-level security applies to both roles like to any role that does not own the tables.
        DO $setup$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '%1$s') THEN
            CREATE ROLE %1$s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '%3$s') THEN
            CREATE ROLE %3$s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '%2$s') THEN
            CREATE ROLE %2$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
          END IF;
        END $setup$;
        ALTER ROLE %1$s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
        ALTER ROLE %3$s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
        ALTER ROLE %2$s NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
        -- pg_read_all_data (granted by earlier versions of this setup) also reads pg_authid: password hashes
        DO $revoke$ BEGIN
          IF EXISTS (SELECT FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                     JOIN pg_catalog.pg_roles u ON u.oid = m.member
                     WHERE g.rolname = 'pg_read_all_data' AND u.rolname = '%1$s') THEN
            REVOKE pg_read_all_data FROM %1$s;
          END IF;
        END $revoke$;
        %4$s-- the migration history (schema sluice, for the migrations panel): both roles read it, neither writes it
        CREATE SCHEMA IF NOT EXISTS sluice;
        GRANT USAGE ON SCHEMA sluice TO %1$s, %3$s;
        GRANT SELECT ON ALL TABLES IN SCHEMA sluice TO %1$s, %3$s;
        ALTER DEFAULT PRIVILEGES IN SCHEMA sluice GRANT SELECT ON TABLES TO %1$s, %3$s;
        GRANT %1$s, %3$s TO %2$s;
        -- then give the login a password (psql: \\password %2$s) and start
        --   sluice studio --read-only --url postgresql://%2$s@HOST:5432/DB    (as %1$s)
        --   sluice studio --url postgresql://%2$s@HOST:5432/DB                (as %3$s)
        """.formatted(r, l, w, grants);
  }

  static String checkName(String role, String what) {
    if (role == null || !ROLE_NAME.matcher(role).matches()) {
      throw new IllegalArgumentException(what + " name must be a plain lower-case identifier ([a-z_][a-z0-9_]*): " + role);
    }
    return role;
  }

  /**
   * Verifies, on a connection of the studio's login, that work switched to {@code role} stays what that role may
   * do: the login cannot regain dangerous rights with RESET ROLE, no role it can switch to reads {@code pg_authid},
   * and it can switch to {@code role}. {@code mode} names the studio mode in messages ("--read-only", "read-write").
   *
   * @throws IllegalStateException naming what is wrong and how to set the roles up
   */
  static void verifySetup(Connection c, String role, String mode) throws SQLException {
    checkName(role, "role");
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
      throw new IllegalStateException("refusing " + mode + ": the login \"" + login + "\" is a superuser. A superuser"
          + " session can always leave the role it switched to (RESET ROLE, also inside a DO block), and then run"
          + " COPY ... TO PROGRAM or lo_import or read pg_authid, so PostgreSQL cannot hold it to the studio's role." + fix
          + (mode.equals("read-write") ? " To run read-write as the superuser itself anyway, pass --allow-superuser." : ""));
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
      throw new IllegalStateException("refusing " + mode + ": the login \"" + login + "\" (or a role it can switch to) can act"
          + " outside the database from the studio: " + String.join(", ", bad) + "." + fix);
    }
    List<String> hashReaders = new ArrayList<>();
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT r.rolname FROM pg_catalog.pg_roles r"
             + " WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')"
             + " AND pg_catalog.has_table_privilege(r.oid, 'pg_catalog.pg_authid', 'SELECT') ORDER BY 1")) {
      while (rs.next()) hashReaders.add(rs.getString(1));
    }
    if (!hashReaders.isEmpty()) {
      throw new IllegalStateException("refusing " + mode + ": " + String.join(", ", hashReaders) + " (the login or a role it"
          + " can switch to) can read pg_catalog.pg_authid, the password hashes of every role (pg_read_all_data grants"
          + " that). Grant SELECT on your schemas instead: the setup SQL does, and revokes pg_read_all_data." + fix);
    }
    Boolean member = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')"
        + " FROM pg_catalog.pg_roles r WHERE r.rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) member = rs.getBoolean(1);
      }
    }
    if (member == null) {
      throw new IllegalStateException("refusing " + mode + ": the role \"" + role + "\" does not exist." + fix);
    }
    if (!member) {
      throw new IllegalStateException("refusing " + mode + ": the login \"" + login + "\" is not a member of the role \""
          + role + "\" (GRANT " + role + " TO " + login + ")." + fix);
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SET LOCAL ROLE " + role);
    } catch (SQLException e) {
      throw new IllegalStateException("refusing " + mode + ": the login \"" + login + "\" cannot SET ROLE " + role + ": "
          + e.getMessage() + fix, e);
    } finally {
      c.rollback();
      c.setAutoCommit(auto);
    }
  }

  /** Whether the login of {@code c} is a superuser. */
  static boolean isSuperuser(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user")) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
