package dev.sluice.kit.diff;

import dev.sluice.schema.model.GrantModel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code PUBLIC} may do in schema {@code public}. The schema exists before any migration, with
 * privileges that depend on the server version (PostgreSQL 15+: {@code USAGE}; 14 and older:
 * {@code USAGE, CREATE}), so a model holds the grant only when it differs from that default (see
 * {@link GrantModel#publicSchema}), and then lists everything PUBLIC holds.
 *
 * <p>Setting it revokes what it leaves out of {@code USAGE, CREATE} and grants what it lists, which
 * is right on every version; going back to the default (the grant removed from the model) is a
 * {@code DO} block that asks the server for its version.
 */
final class PublicSchemaAcl {
  private PublicSchemaAcl() {}

  private static final List<String> ALL = List.of("CREATE", "USAGE");

  static void diff(List<GrantModel> from, List<GrantModel> to, List<Change> revokes, List<Change> grants) {
    Set<String> before = privileges(from);
    Set<String> after = privileges(to);
    if (after == null) {
      if (before != null) grants.add(new ResetPublicSchemaPrivileges());
      return;
    }
    Set<String> revoke = new TreeSet<>(before == null ? ALL : before);
    revoke.removeAll(after);
    Set<String> grant = new TreeSet<>(after);
    if (before != null) grant.removeAll(before);
    if (!revoke.isEmpty()) revokes.add(new Change.Revoke(GrantModel.publicSchema(List.copyOf(revoke))));
    if (!grant.isEmpty()) grants.add(new Change.Grant(GrantModel.publicSchema(List.copyOf(grant))));
  }

  /** The privileges of the model's grant to PUBLIC on schema public, or null when it has none (the default). */
  private static Set<String> privileges(List<GrantModel> grants) {
    Set<String> out = null;
    for (GrantModel g : grants) {
      if (!g.isPublicSchemaToPublic()) continue;
      if (out == null) out = new TreeSet<>();
      for (String p : g.privileges()) {
        String u = p.toUpperCase(Locale.ROOT);
        if (u.equals("ALL")) out.addAll(ALL);
        else out.add(u);
      }
    }
    return out;
  }

  /** Schema public back to the server's default privileges for PUBLIC. */
  record ResetPublicSchemaPrivileges() implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DO $sluice$\n"
          + "BEGIN\n"
          + "  REVOKE ALL ON SCHEMA public FROM PUBLIC;\n"
          + "  IF pg_catalog.current_setting('server_version_num')::integer >= 150000 THEN\n"
          + "    GRANT USAGE ON SCHEMA public TO PUBLIC;\n"
          + "  ELSE\n"
          + "    GRANT ALL ON SCHEMA public TO PUBLIC;\n"
          + "  END IF;\n"
          + "END\n"
          + "$sluice$";
    }

    @Override
    public String description() {
      return "grant on schema public to PUBLIC: the server's default";
    }
  }
}
