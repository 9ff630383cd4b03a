package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-written schema with extensions (schema, version) whose types and functions its domains and
 * tables use, domains with a collation and several checks, and a comment on every kind that can
 * carry one (schema, constraints of each kind, domain check, policy, index, types, sequence, views):
 * load it, introspect, pull to Java, compile, create the code in an empty database; both introspect
 * equal, and (when the local pg_dump can dump the server) their {@code pg_dump --schema-only}
 * outputs are identical.
 */
@PgTest
class ExtensionsCommentsDomainsPullLiveTest {

  @Test
  void extensionsCommentsAndDomainsPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg) throws Exception {
    String sql = new String(ExtensionsCommentsDomainsPullLiveTest.class.getResourceAsStream("/objects/extensions-comments-domains.sql").readAllBytes(),
        StandardCharsets.UTF_8);
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      for (SqlStatement s : SqlScript.split(sql)) st.execute(s.text());
    }
    SchemaModel live = ObjectsPullLiveTest.introspect(pg.jdbcUrl());
    assertThat(live.extensions()).extracting(x -> x.name() + " " + x.schema() + " " + x.version())
        .contains("hstore xp_ext 1.7");
    assertThat(live.schemaComments()).containsEntry("xp", "pulled schema").containsEntry("public", "the app's public schema");
    assertThat(live.domains().stream().filter(d -> d.name().equals("code")).findFirst()).hasValueSatisfying(d -> {
      assertThat(d.collation()).isEqualTo("C");
      assertThat(d.checks()).extracting(c -> c.name() + " " + c.notValid() + " " + c.comment())
          .containsExactly("code_len false not empty", "code_lower false null", "code_short true null");
    });
    var children = live.table("xp", "children").orElseThrow();
    assertThat(children.primaryKey().comment()).isEqualTo("child key");
    assertThat(children.foreignKeys().get(0).comment()).isEqualTo("owner");
    assertThat(children.checks().get(0).comment()).isEqualTo("positive");
    assertThat(children.uniques().get(0).comment()).isEqualTo("one per code");
    assertThat(children.exclusions().get(0).comment()).isEqualTo("no overlap");
    assertThat(children.policies()).extracting(p -> p.name() + " " + p.comment())
        .containsExactly("children_all null", "children_read readers see positive rows");
    assertThat(live.views()).extracting(v -> v.name() + " " + v.columnComments())
        .contains("v {n=n of the child}", "mv {id=child id}");
    assertThat(live.compositeType("xp", "pair").orElseThrow().attributeComments()).containsExactly(Map.entry("b", "second of the pair"));

    Map<String, String> sources = JavaSchemaGenerator.generate(live, "rt.db", "RtSchema", "rt");
    SchemaModel code;
    try {
      code = GeneratedSchema.load(sources, "rt.db.RtSchema").toModel();
    } catch (RuntimeException | Error e) {
      throw new AssertionError(e + "\n" + sources.get("rt/db/RtSchema.java"), e);
    }
    assertThat(sources.get("rt/db/RtSchema.java")).contains("new ExtensionModel(\"hstore\", \"xp_ext\", \"1.7\")",
        ".collate(\"C\")", ".constraintComment(\"code_len\", \"not empty\")", ".comment(\"pulled schema\")", "Namespace.PUBLIC.comment(\"the app's public schema\")",
        ".columnComment(\"n\", \"n of the child\")", ".attributeComment(\"b\", \"second of the pair\")");
    assertThat(code).isEqualTo(live);

    String copy = pg.server().createDatabase("xcd_pulled");
    try {
      ObjectsPullLiveTest.createFromNothing(copy, code);
      ObjectsPullLiveTest.assertRecreates(copy, pg.jdbcUrl(), live);
    } finally {
      pg.server().dropDatabase(copy);
    }
  }
}
