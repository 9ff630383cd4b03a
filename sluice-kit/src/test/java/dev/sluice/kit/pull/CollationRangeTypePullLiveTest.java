package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-written schema with collations (ICU case-insensitive, libc, {@code FROM} an existing one)
 * and range types (built-in and SQL difference functions, a collation, a multirange name) used by a
 * domain, columns, an index and an exclusion constraint: load it, introspect, pull to Java, compile,
 * create the code in an empty database; both introspect equal and (when the local pg_dump can dump
 * the server) their {@code pg_dump --schema-only} outputs are identical.
 */
@PgTest
class CollationRangeTypePullLiveTest {
  private static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

  @Test
  void collationsAndRangeTypesPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg) throws Exception {
    String sql = new String(CollationRangeTypePullLiveTest.class.getResourceAsStream("/objects/collations-ranges.sql")
        .readAllBytes(), StandardCharsets.UTF_8);
    String source = pg.server().createDatabase("collrange_source");
    String copy = pg.server().createDatabase("collrange_pulled");
    try {
      try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
        for (SqlStatement s : SqlScript.split(sql)) st.execute(s.text());
      }
      SchemaModel live = ObjectsPullLiveTest.introspect(source);
      assertThat(live.collations()).hasSize(5);
      assertThat(live.rangeTypes()).hasSize(3);
      try (Connection c = DriverManager.getConnection(source)) {
        assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).as("nothing left unmodelled").isEmpty();
      }

      Map<String, String> sources = JavaSchemaGenerator.generate(live, "cr.db", "CrSchema", "cr");
      String holder = sources.get("cr/db/CrSchema.java");
      SchemaModel code;
      try {
        code = GeneratedSchema.load(sources, "cr.db.CrSchema").toModel();
      } catch (RuntimeException | Error e) {
        throw new AssertionError(e + "\n" + String.join("\n", sources.values()), e);
      }
      assertThat(code.collations()).as(holder).isEqualTo(live.collations());
      assertThat(code.rangeTypes()).as(holder).isEqualTo(live.rangeTypes());
      assertThat(code).isEqualTo(live);
      assertThat(holder).contains("Collation.icu(CR, \"ci\", \"und-u-ks-level2\")", ".nondeterministic()",
          "RangeType.of(CR, \"timerange\", \"time without time zone\")", ".multirange(\"opening_hours\")");
      String booking = sources.entrySet().stream().filter(e -> e.getKey().endsWith("/Booking.java")).findFirst().orElseThrow()
          .getValue();
      assertThat(booking).as("columns of a range type use its constant").contains("FLOATRANGE.dataType()")
          .contains(".collate(\"cr.ci\")");

      try (Connection c = DriverManager.getConnection(copy); Statement st = c.createStatement()) {
        for (String ddl : DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code))) {
          try {
            st.execute(ddl);
          } catch (java.sql.SQLException e) {
            throw new AssertionError(e.getMessage() + "\nin:\n" + ddl + "\nof:\n"
                + DdlRenderer.script(Differ.diff(SchemaModel.EMPTY, code)), e);
          }
        }
        st.execute("INSERT INTO cr.booking (id, email, span) VALUES (1, 'Ann@Example.org', '[1,2)')");
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM cr.booking WHERE email = 'ann@example.ORG'")) {
          rs.next();
          assertThat(rs.getInt(1)).as("the column compares case-insensitively").isEqualTo(1);
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> st.execute(
            "INSERT INTO cr.booking (id, email, span) VALUES (2, 'b@example.org', '[1.5,3)')")))
            .as("the exclusion constraint refuses an overlap").hasMessageContaining("booking_span_excl");
        st.execute("DELETE FROM cr.booking");
      }
      ObjectsPullLiveTest.assertRecreates(copy, source, live);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(source);
    }
  }

}
