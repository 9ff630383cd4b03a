package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A schema whose privileges pg_dump keeps: {@code GRANT ALL ON SCHEMA public TO PUBLIC} (a database
 * dumped from before PostgreSQL 15), column grants on a table and a view, default privileges in a
 * schema and database-wide: load it, introspect, pull to Java, compile, create the code in an empty
 * database; both introspect equal, nothing is listed as not modelled, and (when the local pg_dump can
 * dump the server) their {@code pg_dump --schema-only} outputs are identical.
 */
@PgTest
class AccessPullLiveTest {

  @Test
  void anOwnerOfSchemaPublicOtherThanTheDefaultIsListedAsNotModelled(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("acl_public_owner");
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
      st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'acl_pull_owner') THEN"
          + " CREATE ROLE acl_pull_owner NOLOGIN; END IF; END $$");
      st.execute("ALTER SCHEMA public OWNER TO acl_pull_owner");
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).extracting(Object::toString)
          .containsExactly("schema owner public owned by acl_pull_owner");
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.schemas("other"))).isEmpty();
    } finally {
      pg.server().dropDatabase(url);
    }
  }

  @Test
  void publicSchemaColumnGrantsAndDefaultPrivilegesPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg) throws Exception {
    String sql = new String(AccessPullLiveTest.class.getResourceAsStream("/objects/access.sql").readAllBytes(),
        StandardCharsets.UTF_8);
    String source = pg.server().createDatabase("acl_pull_source");
    String copy = pg.server().createDatabase("acl_pull_copy");
    try {
      try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
        for (SqlStatement s : SqlScript.split(sql)) st.execute(s.text());
        assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).as("nothing of it is left unmodelled").isEmpty();
      }
      SchemaModel live = ObjectsPullLiveTest.introspect(source);
      int major = ObjectsPullLiveTest.serverMajor(pg);
      if (major >= 15) assertThat(live.grants()).contains(GrantModel.publicSchema(List.of("CREATE", "USAGE")));
      assertThat(live.grants()).contains(GrantModel.columns("public", "acl_film", "acl_pull_reader", List.of("REFERENCES", "SELECT"),
          List.of("id")), GrantModel.columns("acl_app", "titles", "acl_pull_reader", List.of("SELECT"), List.of("title")));
      assertThat(live.defaultPrivileges()).hasSize(5);

      Map<String, String> sources = JavaSchemaGenerator.generate(live, "acl.db", "AclSchema", "acl");
      SchemaModel code;
      try {
        code = GeneratedSchema.load(sources, "acl.db.AclSchema").toModel();
      } catch (RuntimeException | Error e) {
        throw new AssertionError(e + "\n" + sources.get("acl/db/AclSchema.java"), e);
      }
      assertThat(code.grants()).as(sources.get("acl/db/AclSchema.java")).isEqualTo(live.grants());
      assertThat(code.defaultPrivileges()).isEqualTo(live.defaultPrivileges());
      assertThat(code).isEqualTo(live);

      ObjectsPullLiveTest.createFromNothing(copy, code);
      ObjectsPullLiveTest.assertRecreates(copy, source, live);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(source);
    }
  }
}
