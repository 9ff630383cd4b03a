package dev.sluice.runtime;

import dev.sluice.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL that row-level security policies rely on, and how a {@link TenantContext} is applied.
 *
 * <p>The schema model has no functions, so the helper functions come as a migration snippet
 * ({@link #installSql()}, {@link #supabaseSql()}, {@link #appRoleSql(String, String)}) to paste into a
 * migration, or applied directly with {@link #install(Database)} (tests, prototypes). All of it is
 * idempotent.
 */
public final class Tenancy {
  private Tenancy() {}

  /**
   * The one statement (one round trip) that starts every transaction run as a tenant: switches to
   * the context's role and sets the claims, all transaction-local. Values are bound. The last column
   * tells whether the role is a superuser or has BYPASSRLS (for which RLS would silently not apply).
   */
  static String setupSql(String dbRole) {
    return "SET LOCAL ROLE " + Identifiers.quote(dbRole) + "; select set_config('request.jwt.claims', ?, true), "
        + "set_config('app.user_id', ?, true), set_config('app.tenant_id', ?, true), set_config('app.roles', ?, true), "
        + "(select rolsuper or rolbypassrls from pg_catalog.pg_roles where rolname = current_user)";
  }

  /** Applies {@code ctx} to the transaction open on {@code c} (autocommit must be off). */
  static void apply(Connection c, TenantContext ctx) throws SQLException {
    String sql = setupSql(ctx.dbRole());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ctx.claimsJson());
      ps.setString(2, ctx.userId() == null ? "" : ctx.userId());
      ps.setString(3, ctx.tenantId() == null ? "" : ctx.tenantId());
      ps.setString(4, ctx.rolesJson());
      boolean isResultSet = ps.execute();
      while (!isResultSet && ps.getUpdateCount() != -1) isResultSet = ps.getMoreResults();
      if (isResultSet) {
        try (java.sql.ResultSet rs = ps.getResultSet()) {
          if (rs.next() && rs.getBoolean(5)) {
            throw new IllegalStateException("tenant context role " + ctx.dbRole() + " is a superuser or has BYPASSRLS,"
                + " so row-level security would not apply; act as a NOLOGIN role without either (see Tenancy.appRoleSql)");
          }
        }
      }
    } catch (SQLException e) {
      throw DataAccessException.of(sql + " -- could not act as " + ctx
          + " (does the role exist and is it granted to the login user?)", e);
    }
  }

  private static final String[] SETTINGS = {"role", "request.jwt.claims", "app.user_id", "app.tenant_id", "app.roles"};

  /** The role and claims now in force on {@code c} (for {@link #restore}). */
  static String[] current(Connection c) {
    String sql = "select current_setting('role'), current_setting('request.jwt.claims', true),"
        + " current_setting('app.user_id', true), current_setting('app.tenant_id', true), current_setting('app.roles', true)";
    try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      String[] out = new String[SETTINGS.length];
      for (int i = 0; i < out.length; i++) out[i] = rs.getString(i + 1) == null ? "" : rs.getString(i + 1);
      return out;
    } catch (SQLException e) {
      throw DataAccessException.of(sql, e);
    }
  }

  /** Sets the role and claims back to {@code previous} ({@link #current}), transaction-locally. */
  static void restore(Connection c, String[] previous) {
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < SETTINGS.length; i++) sql.append(i == 0 ? "" : ", ").append("set_config('").append(SETTINGS[i]).append("', ?, true)");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < previous.length; i++) ps.setString(i + 1, previous[i]);
      ps.executeQuery().close();
    } catch (SQLException e) {
      throw DataAccessException.of(sql.toString(), e);
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Tenancy.class);
  /** Data sources whose login role was checked (once each, see {@link #checkLoginRole}). */
  private static final java.util.Set<Object> CHECKED_LOGINS =
      java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

  /**
   * What is wrong with the login role of {@code c} as the login of an application acting as tenants,
   * or null: a superuser, a BYPASSRLS role, or the owner of tables with row-level security can read
   * every tenant's rows as soon as raw SQL runs {@code RESET ROLE}, so they should not be the login.
   */
  static String loginRoleProblem(Connection c) throws SQLException {
    String sql = "select r.rolname, r.rolsuper, r.rolbypassrls, "
        + "(select count(*) from pg_catalog.pg_class t where t.relowner = r.oid and t.relrowsecurity), "
        + "(select string_agg(n, ', ') from (select t.oid::regclass::text n from pg_catalog.pg_class t "
        + "where t.relowner = r.oid and t.relrowsecurity order by 1 limit 3) s) "
        + "from pg_catalog.pg_roles r where r.rolname = session_user";
    try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) return null;
      List<String> problems = new java.util.ArrayList<>();
      if (rs.getBoolean(2)) problems.add("is a superuser");
      if (rs.getBoolean(3)) problems.add("has BYPASSRLS");
      if (rs.getLong(4) > 0) problems.add("owns " + rs.getLong(4) + " table(s) with row-level security (" + rs.getString(5) + ")");
      if (problems.isEmpty()) return null;
      return "login role " + rs.getString(1) + " " + String.join(", ", problems);
    }
  }

  /**
   * Warns once per data source (SLF4J WARN) when its login role could escape the tenant context; see
   * {@link #loginRoleProblem}. Never fails the transaction: the check is advice, the guards are the roles.
   */
  static void checkLoginRole(Object dataSource, Connection c) {
    if (!CHECKED_LOGINS.add(dataSource)) return;
    try {
      String problem = loginRoleProblem(c);
      if (problem != null) {
        LOG.warn("{}: raw SQL inside db.as(...) can RESET ROLE back to it and read every tenant's rows. Log in as an"
            + " authenticator role instead (NOINHERIT, not superuser, no BYPASSRLS, owns nothing; Tenancy.authenticatorSql)"
            + " and run migrations as the owner through a separate URL.", problem);
      }
    } catch (SQLException e) {
      LOG.warn("could not check the login role of tenant scopes: {}", e.getMessage());
    }
  }

  /**
   * Schema {@code sluice} with {@code sluice.current_user_id()}, {@code sluice.current_tenant_id()}
   * (text, NULL when unset) and {@code sluice.has_role(text)} (false when unset), reading the
   * settings {@link Database#as} sets. Policies cast the ids to the column type.
   */
  public static String installSql() {
    return """
        create schema if not exists sluice;
        grant usage on schema sluice to public;
        create or replace function sluice.current_user_id() returns text
          language sql stable parallel safe
          as $$ select nullif(current_setting('app.user_id', true), '') $$;
        create or replace function sluice.current_tenant_id() returns text
          language sql stable parallel safe
          as $$ select nullif(current_setting('app.tenant_id', true), '') $$;
        create or replace function sluice.has_role(role_name text) returns boolean
          language sql stable parallel safe
          as $$ select coalesce(nullif(current_setting('app.roles', true), '')::jsonb ? role_name, false) $$;
        """;
  }

  /**
   * The Supabase preset: roles {@code anon}, {@code authenticated} (NOLOGIN) and {@code service_role}
   * (NOLOGIN BYPASSRLS), schema {@code auth} with {@code auth.jwt()} (the {@code request.jwt.claims}
   * jsonb), {@code auth.uid()} (uuid of claim {@code sub}) and {@code auth.role()} (claim {@code role}),
   * written as Supabase writes them, so policies written for Supabase run unchanged. Roles are
   * cluster-wide; creating them needs CREATEROLE (and superuser for BYPASSRLS). Grant them to the
   * login role with {@link #grantRolesSql(String, String...)}.
   */
  public static String supabaseSql() {
    return """
        do $$
        begin
          if not exists (select from pg_roles where rolname = 'anon') then
            begin create role anon nologin noinherit; exception when duplicate_object then null; end;
          end if;
          if not exists (select from pg_roles where rolname = 'authenticated') then
            begin create role authenticated nologin noinherit; exception when duplicate_object then null; end;
          end if;
          if not exists (select from pg_roles where rolname = 'service_role') then
            begin create role service_role nologin noinherit bypassrls; exception when duplicate_object then null; end;
          end if;
        end $$;
        create schema if not exists auth;
        grant usage on schema auth to anon, authenticated, service_role;
        create or replace function auth.jwt() returns jsonb
          language sql stable
          as $$ select coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                                nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;
        create or replace function auth.uid() returns uuid
          language sql stable
          as $$ select nullif(coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                                       auth.jwt() ->> 'sub'), '')::uuid $$;
        create or replace function auth.role() returns text
          language sql stable
          as $$ select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), auth.jwt() ->> 'role') $$;
        grant execute on function auth.jwt(), auth.uid(), auth.role() to public;
        """;
  }

  /**
   * Creates the application role {@code role} (NOLOGIN, so nobody connects as it; not superuser, so
   * RLS applies) and grants it to {@code loginRole} so {@code SET LOCAL ROLE} is allowed. The login
   * role should be an authenticator ({@link #authenticatorSql}), not the owner or a superuser: raw SQL
   * inside a tenant scope can {@code RESET ROLE} back to it.
   */
  public static String appRoleSql(String role, String loginRole) {
    Identifiers.check(role);
    if (role.contains("$")) throw new IllegalArgumentException("app role name cannot contain '$': " + role);
    String literal = "'" + role.replace("'", "''") + "'";
    return "do $$ begin if not exists (select from pg_roles where rolname = " + literal + ") then "
        + "begin create role " + Identifiers.quote(role) + " nologin noinherit; "
        + "exception when duplicate_object then null; end; end if; end $$;\n"
        + grantRolesSql(loginRole, role);
  }

  /**
   * The Supabase "authenticator" login: creates (or corrects) {@code login} as LOGIN, NOINHERIT,
   * NOSUPERUSER, NOBYPASSRLS, NOCREATEDB, NOCREATEROLE, with {@code password} (null: none, for trust,
   * peer or certificate authentication), and grants it the {@code appRoles} (create them first, e.g.
   * with {@link #appRoleSql}) so that it can {@code SET ROLE} to them and do nothing else: NOINHERIT
   * means it has none of their privileges itself, and since it owns nothing and gets no grant, its own
   * view of the tenant tables is empty (permission denied, and RLS with no policy for it). Raw SQL
   * inside a tenant scope that runs {@code RESET ROLE} lands on this role. The application connects
   * as this login; migrations run as the tables' owner through a separate URL. Run as a role with
   * CREATEROLE (and superuser when correcting a superuser). The password travels in the statement text
   * (server logs with {@code log_statement} see it): pass null and set it with psql's {@code \\password}
   * where statements are logged.
   */
  public static String authenticatorSql(String login, String password, String... appRoles) {
    Identifiers.check(login);
    if (login.contains("$")) throw new IllegalArgumentException("login role name cannot contain '$': " + login);
    if (password != null && password.contains("\0")) throw new IllegalArgumentException("password contains NUL");
    String literal = "'" + login.replace("'", "''") + "'";
    String attrs = " login noinherit nosuperuser nobypassrls nocreatedb nocreaterole";
    StringBuilder sb = new StringBuilder("do $$ begin if not exists (select from pg_roles where rolname = " + literal
        + ") then begin create role " + Identifiers.quote(login) + attrs + "; "
        + "exception when duplicate_object then null; end; end if; end $$;\n");
    sb.append("alter role ").append(Identifiers.quote(login)).append(" with").append(attrs);
    sb.append(password == null ? " password null" : " password '" + password.replace("'", "''") + "'").append(";\n");
    if (appRoles.length > 0) sb.append(grantRolesSql(login, appRoles));
    return sb.toString();
  }

  /** {@code GRANT roles TO loginRole}: lets the login user {@code SET ROLE} to them. */
  public static String grantRolesSql(String loginRole, String... roles) {
    StringBuilder sb = new StringBuilder("grant ");
    for (int i = 0; i < roles.length; i++) sb.append(i == 0 ? "" : ", ").append(Identifiers.quote(roles[i]));
    return sb.append(" to ").append(Identifiers.quote(loginRole)).append(";\n").toString();
  }

  /** Runs {@link #installSql()} on {@code db} in one transaction. */
  public static void install(Database db) {
    run(db, List.of(installSql()));
  }

  /** Runs {@link #installSql()} and {@link #supabaseSql()} on {@code db}. */
  public static void installSupabase(Database db) {
    run(db, List.of(installSql(), supabaseSql()));
  }

  /** Runs SQL scripts (several statements each) in one transaction. */
  public static void run(Database db, List<String> scripts) {
    db.transaction(tx -> {
      for (String s : scripts) tx.executeSql(s);
      return null;
    });
  }
}
