package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.DefaultPrivilegeModel;
import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Default privileges ({@code pg_default_acl}, {@code ALTER DEFAULT PRIVILEGES}).
 *
 * <p><b>Read</b>: entries of the read schemas as they are; database-wide entries (the introspector
 * keeps them only when no schema filter is given) as their difference from
 * {@code acldefault(type, role)}, per grantee (see {@link DefaultPrivilegeModel}). <b>Diff</b>:
 * per role, schema, object type and grantee, {@code GRANT} what is new and {@code REVOKE} what is
 * gone; an entry that appears or disappears against a built-in default that is not empty (the
 * creator's own privileges, PUBLIC's EXECUTE on functions and USAGE on types) is {@code REVOKE ALL}
 * then {@code GRANT} of the target, which needs no knowledge of the server version. Run after every
 * grant, as pg_dump places them, so the objects this migration creates get the grants their model
 * lists and only later objects get the defaults; entries in a dropped schema go with it.
 */
final class DefaultPrivilegeKind implements ObjectKind<DefaultPrivilegeModel> {
  @Override
  public String label() {
    return "default privileges";
  }

  @Override
  public List<DefaultPrivilegeModel> of(SchemaModel m) {
    return m.defaultPrivileges();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<DefaultPrivilegeModel> items) {
    return m.withDefaultPrivileges(items);
  }

  @Override
  public String key(DefaultPrivilegeModel d) {
    return d.key();
  }

  // --- introspection -------------------------------------------------------------------------------

  private static final String GRANTEE = "CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END";

  /** Each entry's privileges ({@code src} acl) and, for database-wide entries, the built-in ones ({@code src} default). */
  private static final String SQL = "SELECT pg_catalog.pg_get_userbyid(d.defaclrole)::text AS role, n.nspname AS schema,"
      + " d.defaclobjtype::text AS objtype, 'acl' AS src, " + GRANTEE + " AS grantee, x.privilege_type"
      + " FROM pg_catalog.pg_default_acl d LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace"
      + " LEFT JOIN LATERAL pg_catalog.aclexplode(d.defaclacl) x ON true"
      + " WHERE d.defaclnamespace = 0 OR n.nspname = ANY (?::text[])"
      + " UNION ALL"
      + " SELECT pg_catalog.pg_get_userbyid(d.defaclrole)::text, NULL, d.defaclobjtype::text, 'default', " + GRANTEE + ","
      + " x.privilege_type FROM pg_catalog.pg_default_acl d,"
      + " LATERAL pg_catalog.aclexplode(pg_catalog.acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's'::\"char\""
      + "   ELSE d.defaclobjtype END, d.defaclrole)) x"
      + " WHERE d.defaclnamespace = 0"
      + " ORDER BY 1, 2, 3, 5, 6";

  private static String objectType(String defaclobjtype) {
    return switch (defaclobjtype) {
      case "r" -> "TABLES";
      case "S" -> "SEQUENCES";
      case "f" -> "FUNCTIONS";
      case "T" -> "TYPES";
      case "n" -> "SCHEMAS";
      default -> throw new IllegalStateException("unknown pg_default_acl.defaclobjtype " + defaclobjtype);
    };
  }

  @Override
  public List<DefaultPrivilegeModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    // role \0 schema \0 type -> grantee -> privileges, for the entries and for the built-in defaults
    Map<String, Map<String, Set<String>>> acl = new TreeMap<>();
    Map<String, Map<String, Set<String>>> builtIn = new TreeMap<>();
    ObjectKind.query(c, SQL, schemas, rs -> {
      String entry = rs.getString("role") + "\u0000" + (rs.getString("schema") == null ? "" : rs.getString("schema"))
          + "\u0000" + objectType(rs.getString("objtype"));
      Map<String, Set<String>> into = (rs.getString("src").equals("acl") ? acl : builtIn)
          .computeIfAbsent(entry, x -> new TreeMap<>());
      if (rs.getString("grantee") != null) {
        into.computeIfAbsent(rs.getString("grantee"), x -> new TreeSet<>()).add(rs.getString("privilege_type"));
      }
      return null;
    });
    List<DefaultPrivilegeModel> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Set<String>>> e : acl.entrySet()) {
      String[] k = e.getKey().split("\u0000", -1);
      String schema = k[1].isEmpty() ? null : k[1];
      Map<String, Set<String>> defaults = schema == null ? builtIn.getOrDefault(e.getKey(), Map.of()) : Map.of();
      Set<String> grantees = new TreeSet<>(e.getValue().keySet());
      grantees.addAll(defaults.keySet());
      for (String g : grantees) {
        Set<String> has = e.getValue().getOrDefault(g, Set.of());
        if (has.equals(defaults.getOrDefault(g, Set.of()))) continue;
        out.add(new DefaultPrivilegeModel(k[0], schema, k[2], g, List.copyOf(has)));
      }
    }
    return out;
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {}

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {}

  // --- diff ----------------------------------------------------------------------------------------

  /** PostgreSQL's built-in default for an entry that is not in a model: null for "everything" (the creator's own). */
  private static Set<String> builtIn(String role, String schema, String type, String grantee) {
    if (schema != null) return Set.of();
    if (grantee.equals(role)) return null;
    if (grantee.equalsIgnoreCase("PUBLIC") && type.equals("FUNCTIONS")) return Set.of("EXECUTE");
    if (grantee.equalsIgnoreCase("PUBLIC") && type.equals("TYPES")) return Set.of("USAGE");
    return Set.of();
  }

  @Override
  public void diff(KindDiff ctx) {
    Map<String, DefaultPrivilegeModel> before = SchemaDiff.byKey(ctx.from().defaultPrivileges(), DefaultPrivilegeModel::key);
    Map<String, DefaultPrivilegeModel> after = SchemaDiff.byKey(ctx.to().defaultPrivileges(), DefaultPrivilegeModel::key);
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      DefaultPrivilegeModel o = before.get(key);
      DefaultPrivilegeModel n = after.get(key);
      DefaultPrivilegeModel any = n != null ? n : o;
      if (n == null && any.schema() != null && !ctx.to().schemas().contains(any.schema()) && !"public".equals(any.schema())) {
        continue; // dropped with its schema
      }
      if (o != null && n != null && o.privileges().equals(n.privileges())) continue;
      Set<String> builtIn = builtIn(any.role(), any.schema(), any.objectType(), any.grantee());
      if ((o == null || n == null) && (builtIn == null || !builtIn.isEmpty())) {
        // from or to the built-in default, which is not empty: start from nothing
        ctx.add(Slot.AFTER_GRANTS, new AlterDefaultPrivileges(any, false, List.of("ALL")));
        List<String> target = n != null ? n.privileges() : builtIn == null ? List.of("ALL") : List.copyOf(new TreeSet<>(builtIn));
        if (!target.isEmpty()) ctx.add(Slot.AFTER_GRANTS, new AlterDefaultPrivileges(any, true, target));
        continue;
      }
      Set<String> revoke = new TreeSet<>(o == null ? List.of() : o.privileges());
      if (n != null) revoke.removeAll(n.privileges());
      Set<String> grant = new TreeSet<>(n == null ? List.of() : n.privileges());
      if (o != null) grant.removeAll(o.privileges());
      if (!revoke.isEmpty()) ctx.add(Slot.AFTER_GRANTS, new AlterDefaultPrivileges(any, false, List.copyOf(revoke)));
      if (!grant.isEmpty()) ctx.add(Slot.AFTER_GRANTS, new AlterDefaultPrivileges(any, true, List.copyOf(grant)));
    }
  }

  @Override
  public DefaultPrivilegeModel renamed(DefaultPrivilegeModel d, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    if (d.schema() == null) return d;
    String s = schema.apply(d.schema());
    return s.equals(d.schema()) ? d : new DefaultPrivilegeModel(d.role(), s, d.objectType(), d.grantee(), d.privileges());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  /** Role names PostgreSQL reads as keywords in a grantee list. */
  private static String grantee(String g) {
    return g.equalsIgnoreCase("PUBLIC") ? "PUBLIC" : Sql.name(g);
  }

  /** {@code ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] GRANT|REVOKE privileges ON type TO|FROM grantee}. */
  record AlterDefaultPrivileges(DefaultPrivilegeModel entry, boolean grant, List<String> privileges) implements Change.ObjectChange {
    @Override
    public String sql() {
      for (String p : privileges) {
        if (!p.toUpperCase(Locale.ROOT).matches("[A-Z]+")) throw new IllegalArgumentException("default privileges " + entry.key()
            + ": privilege " + p + " is not a keyword");
      }
      return "ALTER DEFAULT PRIVILEGES FOR ROLE " + Sql.name(entry.role())
          + (entry.schema() == null ? "" : " IN SCHEMA " + Sql.name(entry.schema()))
          + (grant ? " GRANT " : " REVOKE ")
          + privileges.stream().map(p -> p.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "))
          + " ON " + entry.objectType() + (grant ? " TO " : " FROM ") + grantee(entry.grantee());
    }

    @Override
    public String description() {
      return "default privileges " + entry.key() + ": " + (grant ? "grant " : "revoke ") + privileges;
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.model.DefaultPrivilegeModel";
  }

  @Override
  public String javaName(DefaultPrivilegeModel d) {
    return "default_privileges_" + d.role() + (d.schema() == null ? "" : "_" + d.schema()) + "_" + d.objectType() + "_"
        + d.grantee();
  }

  @Override
  public String java(DefaultPrivilegeModel d, ObjectKinds.JavaContext ctx) {
    String type = ctx.use("dev.sluice.schema.model.DefaultPrivilegeModel");
    String list = ctx.use("java.util.List");
    return "new " + type + "(" + ctx.string(d.role()) + ", " + ctx.string(d.schema()) + ", " + ctx.string(d.objectType()) + ", "
        + ctx.string(d.grantee()) + ", " + list + ".of(" + d.privileges().stream().map(ctx::string).collect(Collectors.joining(", "))
        + "))";
  }
}
