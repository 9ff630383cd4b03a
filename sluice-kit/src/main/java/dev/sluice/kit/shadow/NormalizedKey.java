package dev.sluice.kit.shadow;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of a normalised model: a SHA-256 over everything the shadow database's result depends
 * on, so that two normalisations with the same key give the same model and anything that could change
 * the result changes the key. It covers
 * <ul>
 *   <li>this build of Sluice ({@link #FORMAT}, and the size and modification time of the jars or class
 *       directories the introspector and the model come from: a rebuilt Sluice misses);</li>
 *   <li>the server: {@code version()}, the cluster's system identifier, every setting as the
 *       connecting role sees it ({@code pg_settings}, but {@code application_name}), the encoding and
 *       locale of {@code template0} (the shadow is created from it) and the default version of each
 *       available extension;</li>
 *   <li>the URL, the role, and the attributes of the roles the model declares (they are shared by the
 *       cluster: the shadow creates only the missing ones);</li>
 *   <li>the introspect options, the exact DDL the shadow would run and the external tables and functions added to
 *       its result.</li>
 * </ul>
 */
final class NormalizedKey {
  /** Bump when what a cached model means changes without the build stamp showing it. */
  static final int FORMAT = 1;

  private static final String SERVER = "SELECT pg_catalog.version(), current_user,"
      + " (SELECT CASE WHEN pg_catalog.has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE')"
      + "   THEN (SELECT system_identifier::text FROM pg_catalog.pg_control_system()) END),"
      + " (SELECT pg_catalog.string_agg(name || '=' || coalesce(setting, ''), E'\\n' ORDER BY name)"
      + "   FROM pg_catalog.pg_settings WHERE name <> 'application_name'),"
      + " (SELECT (pg_catalog.to_jsonb(d) - 'datfrozenxid' - 'datminmxid')::text FROM pg_catalog.pg_database d"
      + "   WHERE d.datname = 'template0'),"
      + " (SELECT pg_catalog.string_agg(name || '=' || coalesce(default_version, ''), E'\\n' ORDER BY name)"
      + "   FROM pg_catalog.pg_available_extensions)";

  private static final String ROLES = "SELECT pg_catalog.string_agg(r.rolname || ' ' || r.rolcanlogin || r.rolinherit"
      + " || r.rolbypassrls || r.rolcreatedb || r.rolcreaterole || r.rolsuper || ' ' || ARRAY(SELECT b.rolname::text"
      + "   FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles b ON b.oid = m.roleid WHERE m.member = r.oid"
      + "   ORDER BY 1)::text, E'\\n' ORDER BY r.rolname) FROM pg_catalog.pg_roles r WHERE r.rolname = ANY (?::text[])";

  private static volatile String buildStamp;

  /** The key's digest (hex) and a short description of the server, for the cache file. */
  record Key(String digest, String server) {}

  private NormalizedKey() {}

  /** The key of normalising {@code model} (whose shadow runs {@code script}) on the server behind {@code admin}. */
  static Key of(Connection admin, PgUrl base, SchemaModel model, IntrospectOptions options, List<String> script)
      throws SQLException {
    MessageDigest sha = sha256();
    line(sha, "sluice normalized model " + FORMAT);
    line(sha, buildStamp());
    line(sha, base.jdbcUrl());
    line(sha, String.valueOf(base.user()));
    String server;
    try (var st = admin.createStatement(); ResultSet rs = st.executeQuery(SERVER)) {
      rs.next();
      server = rs.getString(1);
      for (int i = 1; i <= 6; i++) line(sha, String.valueOf(rs.getString(i)));
    }
    List<String> roles = model.roles().stream().map(RoleModel::name).toList();
    if (!roles.isEmpty()) {
      try (PreparedStatement ps = admin.prepareStatement(ROLES)) {
        ps.setArray(1, admin.createArrayOf("text", roles.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          line(sha, "roles " + roles + "\n" + rs.getString(1));
        }
      }
    }
    line(sha, "schemas " + options.schemas());
    line(sha, "exclude " + options.excludeTables());
    line(sha, "foreign " + options.foreignSchemas());
    boolean noExternals = model.externalTables().isEmpty() && model.externalFunctions().isEmpty();
    line(sha, "external " + (noExternals ? "" : SnapshotJson.write(SchemaModel.EMPTY.withExternalTables(
        model.externalTables()).withExternalFunctions(model.externalFunctions()))));
    line(sha, "ddl " + script.size());
    for (String ddl : script) line(sha, ddl);
    return new Key(HexFormat.of().formatHex(sha.digest()), server);
  }

  /** Length-prefixed, so that no two different sequences of lines hash the same text. */
  private static void line(MessageDigest sha, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Where the introspector and the model classes come from, with their sizes and times: computed once per JVM. */
  static String buildStamp() {
    String stamp = buildStamp;
    if (stamp == null) {
      buildStamp = stamp = stamp(Introspector.class) + "\n" + stamp(NormalizedKey.class) + "\n" + stamp(SchemaModel.class);
    }
    return stamp;
  }

  private static String stamp(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null) return type.getName() + " unknown";
    try {
      Path path = Path.of(location.toURI());
      if (Files.isRegularFile(path)) {
        return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
      }
      long files = 0;
      long bytes = 0;
      long newest = 0;
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          if (!a.isRegularFile()) continue;
          files++;
          bytes += a.size();
          newest = Math.max(newest, a.lastModifiedTime().toMillis());
        }
      }
      return path + " " + files + " " + bytes + " " + newest;
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return location.toString();
    } catch (IOException | UncheckedIOException e) {
      return location + " unreadable " + java.util.UUID.randomUUID(); // unknown build: nothing persisted can match
    }
  }
}
