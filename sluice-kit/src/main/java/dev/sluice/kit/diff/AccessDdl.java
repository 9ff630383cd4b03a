package dev.sluice.kit.diff;

import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles, row level security, policies and grants. */
final class AccessDdl {
  private AccessDdl() {}

  /** Role names PostgreSQL reads as keywords in TO/grantee lists rather than as role names. */
  private static final Set<String> ROLE_KEYWORDS = Set.of("public", "current_user", "session_user", "current_role");

  private static final Map<String, Set<String>> PRIVILEGES = Map.of(
      "TABLE", Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN", "ALL"),
      "SEQUENCE", Set.of("USAGE", "SELECT", "UPDATE", "ALL"),
      "SCHEMA", Set.of("USAGE", "CREATE", "ALL"),
      "FUNCTION", Set.of("EXECUTE", "ALL"));

  /** What {@code GRANT p (columns)} accepts. */
  private static final Set<String> COLUMN_PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "REFERENCES", "ALL");

  /**
   * A DO block creating the role only when the cluster lacks it: roles are shared by every database
   * of the cluster, so another database (or an earlier test) may already have created it. A
   * concurrent creation is tolerated too.
   */
  static String createRole(RoleModel r) {
    StringBuilder create = new StringBuilder("CREATE ROLE ").append(Sql.name(r.name()))
        .append(r.login() ? " LOGIN" : " NOLOGIN")
        .append(r.inherit() ? " INHERIT" : " NOINHERIT")
        .append(r.bypassRls() ? " BYPASSRLS" : " NOBYPASSRLS")
        .append(r.createDb() ? " CREATEDB" : " NOCREATEDB")
        .append(r.createRole() ? " CREATEROLE" : " NOCREATEROLE");
    if (!r.memberOf().isEmpty()) create.append(" IN ROLE ").append(Sql.names(r.memberOf()));
    String body = "BEGIN\n"
        + "  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + Sql.literal(r.name()) + ") THEN\n"
        + "    BEGIN\n"
        + "      " + create + ";\n"
        + "    EXCEPTION WHEN duplicate_object THEN NULL;\n"
        + "    END;\n"
        + "  END IF;\n"
        + "END";
    String tag = "$sluice$";
    for (int i = 1; body.contains(tag); i++) tag = "$sluice" + i + "$";
    return "DO " + tag + "\n" + body + "\n" + tag;
  }

  static String rowLevelSecurity(Change.EnableRowLevelSecurity c) {
    StringBuilder sb = new StringBuilder("ALTER TABLE ").append(Sql.qualified(c.schema(), c.table())).append(' ');
    if (c.enable()) sb.append("ENABLE ROW LEVEL SECURITY");
    if (c.enable() && c.force()) sb.append(", ");
    if (c.force()) sb.append("FORCE ROW LEVEL SECURITY");
    return sb.toString();
  }

  static String createPolicy(Change.CreatePolicy c) {
    PolicyModel p = c.policy();
    if (p.using() != null && p.command() == PolicyModel.Command.INSERT) {
      throw new IllegalArgumentException("policy " + p.name() + ": an INSERT policy cannot have USING, only WITH CHECK");
    }
    if (p.withCheck() != null
        && (p.command() == PolicyModel.Command.SELECT || p.command() == PolicyModel.Command.DELETE)) {
      throw new IllegalArgumentException("policy " + p.name() + ": a " + p.command() + " policy cannot have WITH CHECK");
    }
    StringBuilder sb = new StringBuilder("CREATE POLICY ").append(Sql.name(p.name()))
        .append(" ON ").append(Sql.qualified(c.schema(), c.table()))
        .append(p.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE")
        .append(" FOR ").append(p.command().name())
        .append(" TO ").append(roleList(p.roles()));
    if (p.using() != null) sb.append(" USING (").append(Sql.fragment("USING of policy " + p.name(), p.using())).append(')');
    if (p.withCheck() != null) {
      sb.append(" WITH CHECK (").append(Sql.fragment("WITH CHECK of policy " + p.name(), p.withCheck())).append(')');
    }
    return sb.toString();
  }

  /**
   * Privileges are spliced as keywords, so they are checked against what PostgreSQL accepts for the
   * object type; a function's name may carry its argument types, e.g. {@code f(integer)}.
   */
  static String grant(GrantModel g) {
    String type = Sql.upper(g.objectType());
    Set<String> allowed = PRIVILEGES.get(type);
    if (allowed == null) {
      throw new IllegalArgumentException("grant to " + g.grantee() + ": unsupported object type " + g.objectType()
          + " (expected one of " + PRIVILEGES.keySet().stream().sorted().collect(Collectors.toList()) + ")");
    }
    if (g.privileges().isEmpty()) throw new IllegalArgumentException("grant on " + g.name() + " has no privileges");
    for (String p : g.privileges()) {
      if (!allowed.contains(Sql.upper(p))) {
        throw new IllegalArgumentException("grant on " + type + " " + g.name() + ": privilege " + p
            + " is not one of " + allowed.stream().sorted().collect(Collectors.toList()));
      }
    }
    String privileges;
    if (g.columns().isEmpty()) {
      privileges = g.privileges().stream().map(Sql::upper).collect(Collectors.joining(", "));
    } else {
      if (!type.equals("TABLE")) throw new IllegalArgumentException("grant on " + type + " " + g.name() + ": only tables have column grants");
      String columns = " (" + Sql.names(g.columns()) + ")";
      for (String p : g.privileges()) {
        if (!COLUMN_PRIVILEGES.contains(Sql.upper(p))) {
          throw new IllegalArgumentException("column grant on " + g.name() + ": privilege " + p + " is not one of "
              + COLUMN_PRIVILEGES.stream().sorted().collect(Collectors.toList()));
        }
      }
      privileges = g.privileges().stream().map(p -> Sql.upper(p) + columns).collect(Collectors.joining(", "));
    }
    return "GRANT " + privileges + " ON " + type + " " + object(type, g) + " TO " + roles(List.of(g.grantee()));
  }

  /** {@code REVOKE privileges ON kind object FROM grantee}, with the same checks as {@link #grant}. */
  static String revoke(GrantModel g) {
    String grant = grant(g);
    int to = grant.lastIndexOf(" TO ");
    return "REVOKE" + grant.substring("GRANT".length(), to) + " FROM " + grant.substring(to + 4);
  }

  /** Policy roles: PUBLIC when empty. */
  static String roleList(List<String> roles) {
    return roles.isEmpty() ? "PUBLIC" : roles(roles);
  }

  private static String object(String type, GrantModel g) {
    if (type.equals("SCHEMA")) return Sql.name(g.name() != null ? g.name() : g.schema());
    if (type.equals("FUNCTION")) {
      int paren = g.name().indexOf('(');
      if (paren >= 0) {
        return Sql.qualified(g.schema(), g.name().substring(0, paren))
            + Sql.fragment("arguments of function " + g.name(), g.name().substring(paren));
      }
    }
    return Sql.qualified(g.schema(), g.name());
  }

  private static String roles(List<String> roles) {
    return roles.stream()
        .map(r -> ROLE_KEYWORDS.contains(r.toLowerCase(Locale.ROOT)) ? Sql.upper(r) : Sql.name(r))
        .collect(Collectors.joining(", "));
  }
}
