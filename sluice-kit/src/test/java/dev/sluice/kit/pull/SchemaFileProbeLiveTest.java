package dev.sluice.kit.pull;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A probe for schema files kept outside the repository: {@code SLUICE_PROBE_SQL} names one or more
 * {@code .sql} files (separated by {@code :}); each is loaded into a fresh database, pulled to Java,
 * compiled, created in another empty database, and the two {@code pg_dump --schema-only} outputs are
 * written next to the file ({@code <file>.source.dump}, {@code <file>.roundtrip.dump}) and compared.
 * Skipped when the variable is unset. Run with {@code SLUICE_TEST_DATABASE_URL} pointing at a
 * PostgreSQL 15 server so the local pg_dump 15 can dump it.
 */
@PgTest
class SchemaFileProbeLiveTest {

  @Test
  void everyProbedSchemaFileRoundTripsToTheSamePgDump(PgTestContext pg) throws Exception {
    String files = System.getenv("SLUICE_PROBE_SQL");
    assumeTrue(files != null && !files.isBlank(), "SLUICE_PROBE_SQL not set");
    List<String> failures = new ArrayList<>();
    for (String file : files.split(":")) {
      try {
        String problem = probe(pg, Path.of(file));
        if (problem != null) failures.add(file + ": " + problem);
      } catch (Exception | AssertionError e) {
        failures.add(file + ": " + e);
        e.printStackTrace();
      }
    }
    if (!failures.isEmpty()) throw new AssertionError(String.join("\n", failures));
  }

  private static String probe(PgTestContext pg, Path file) throws Exception {
    String source = pg.server().createDatabase("probe_src");
    String copy = pg.server().createDatabase("probe_rt");
    try {
      try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
        for (SqlStatement s : SqlScript.split(Files.readString(file))) st.execute(s.text());
      }
      SchemaModel live = ObjectsPullLiveTest.introspect(source);
      try (Connection c = DriverManager.getConnection(source)) {
        for (var u : UnmodeledObjects.list(c, dev.sluice.kit.introspect.IntrospectOptions.all())) {
          System.out.println("PROBE " + file.getFileName() + " unmodeled: " + u);
        }
      }
      Map<String, String> sources = JavaSchemaGenerator.generate(live, "probe.db", "ProbeSchema", "probe");
      Files.writeString(Path.of(file + ".java"), sources.get("probe/db/ProbeSchema.java"));
      SchemaModel code = GeneratedSchema.load(sources, "probe.db.ProbeSchema").toModel();
      if (!code.equals(live)) System.out.println("PROBE " + file.getFileName() + ": code model differs from live: "
          + Differ.diff(live, code));
      List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code));
      Files.writeString(Path.of(file + ".ddl"), String.join(";\n\n", ddl));
      try (Connection c = DriverManager.getConnection(copy); Statement st = c.createStatement()) {
        for (String s : ddl) {
          try {
            st.execute(s);
          } catch (java.sql.SQLException e) {
            return "create failed: " + e.getMessage() + "\n  statement: " + s;
          }
        }
      }
      SchemaModel again = ObjectsPullLiveTest.introspect(copy);
      if (!again.equals(live)) System.out.println("PROBE " + file.getFileName() + ": re-introspected differs: "
          + Differ.diff(live, again));
      String a = ObjectsPullLiveTest.dump(source);
      String b = ObjectsPullLiveTest.dump(copy);
      Files.writeString(Path.of(file + ".source.dump"), a);
      Files.writeString(Path.of(file + ".roundtrip.dump"), b);
      return a.equals(b) ? null : "pg_dump differs (diff " + file + ".source.dump " + file + ".roundtrip.dump)";
    } finally {
      pg.server().dropDatabase(source);
      pg.server().dropDatabase(copy);
    }
  }
}
