package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Convergence of extensions (version, schema), comments on constraints, domain checks, policies
 * and schemas, and domain changes: create {@code from}, insert rows, apply {@code diff(from, to)},
 * check the rows, then the database introspected must re-diff empty against a shadow database
 * created from {@code to} (extensions and comments compared too); the same for the down migration.
 */
@PgTest
class ExtensionsCommentsDomainsConvergenceLiveTest {

  record Fixture(String name, SchemaModel from, SchemaModel to, List<String> seed, Map<String, String> expect,
      List<String> mustContain, List<String> mustNotContain, String downFails) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final class B {
    final String name;
    final List<String> schemas = new ArrayList<>();
    SchemaModel from;
    SchemaModel to;
    final List<String> seed = new ArrayList<>();
    final Map<String, String> expect = new LinkedHashMap<>();
    final List<String> contain = new ArrayList<>();
    final List<String> notContain = new ArrayList<>();
    String downFails;

    B(String name, String... moreSchemas) {
      this.name = name;
      schemas.add(name);
      schemas.addAll(List.of(moreSchemas));
    }

    B from(Object... objects) {
      from = model(objects);
      return this;
    }

    B to(Object... objects) {
      to = model(objects);
      return this;
    }

    B seed(String... sql) {
      seed.addAll(List.of(sql));
      return this;
    }

    B expect(String query, String value) {
      expect.put(query, value);
      return this;
    }

    B up(String... texts) {
      contain.addAll(List.of(texts));
      return this;
    }

    B upNot(String... texts) {
      notContain.addAll(List.of(texts));
      return this;
    }

    /** The down migration cannot run; PostgreSQL's error contains this text. */
    B downFails(String message) {
      downFails = message;
      return this;
    }

    private SchemaModel model(Object... objects) {
      Tables.SchemaModelBuilder b = Tables.schema().schemas(schemas.toArray(String[]::new));
      Map<String, String> schemaComments = new LinkedHashMap<>();
      for (Object o : objects) {
        if (o instanceof SchemaComment c) schemaComments.put(c.schema(), c.comment());
        else b.add(o);
      }
      return b.build().withSchemaComments(schemaComments);
    }

    Fixture build() {
      return new Fixture(name, from, to, seed, expect, contain, notContain, downFails);
    }
  }

  record SchemaComment(String schema, String comment) {}

  private static Tables items(String s) {
    return table(s, "items").notNull("id", "integer").column("n", "integer").primaryKey("items_pkey", "id");
  }

  private static DomainModel domain(String s, String collation, boolean notNull, String dflt, String comment,
      CheckModel... checks) {
    return new DomainModel(s, "code", "text", notNull, dflt, List.of(checks), comment, collation);
  }

  static List<Fixture> fixtures() {
    List<Fixture> out = new ArrayList<>();
    // extensions with schema and version; their types are used by a domain and a table created after them
    {
      String s = "xa_ext_add";
      out.add(new B(s)
          .from(items(s))
          .to(items(s).column(new ColumnModel("attrs", s + ".hstore", false, "''::" + s + ".hstore", null, null, null, null))
                  .column("email", s + ".email"),
              new ExtensionModel("hstore", s, "1.7"), new ExtensionModel("citext", s, "1.6"),
              new DomainModel(s, "email", s + ".citext", false, null, List.of(new CheckModel("has_at", "VALUE ~ '@'", false)),
                  null))
          .seed("INSERT INTO xa_ext_add.items VALUES (1, 10)")
          .expect("SELECT count(*) FROM xa_ext_add.items", "1")
          .expect("SELECT string_agg(extname || ' ' || extversion || ' ' || extnamespace::regnamespace::text, ',' ORDER BY extname)"
              + " FROM pg_extension WHERE extname IN ('hstore', 'citext')", "citext 1.6 xa_ext_add,hstore 1.7 xa_ext_add")
          .up("CREATE EXTENSION IF NOT EXISTS hstore SCHEMA xa_ext_add VERSION '1.7'")
          .build());
    }
    // a new version is ALTER EXTENSION ... UPDATE TO; extensions ship no downgrade scripts, so the way back fails loudly
    {
      String s = "xb_ext_ver";
      Tables t = items(s).column("attrs", s + ".hstore");
      out.add(new B(s)
          .from(t, new ExtensionModel("hstore", s, "1.7"))
          .to(t, new ExtensionModel("hstore", s, "1.8"))
          .seed("INSERT INTO xb_ext_ver.items VALUES (1, 10, 'a=>1')")
          .expect("SELECT attrs OPERATOR(xb_ext_ver.->) 'a' FROM xb_ext_ver.items", "1")
          .expect("SELECT extversion FROM pg_extension WHERE extname = 'hstore'", "1.8")
          .up("ALTER EXTENSION hstore UPDATE TO '1.8'")
          .upNot("DROP EXTENSION", "CREATE EXTENSION")
          .downFails("has no update path from version \"1.8\" to version \"1.7\"")
          .build());
    }
    // a new schema is ALTER EXTENSION ... SET SCHEMA: the column keeps its values (its type just lives elsewhere)
    {
      String s = "xc_ext_move";
      String t2 = "xc_ext_move_to";
      out.add(new B(s, t2)
          .from(items(s).column("email", s + ".citext"), new ExtensionModel("citext", s, "1.6"))
          .to(items(s).column("email", t2 + ".citext"), new ExtensionModel("citext", t2, "1.6"))
          .seed("INSERT INTO xc_ext_move.items VALUES (1, 10, 'A@x')")
          .expect("SELECT count(*) FROM xc_ext_move.items WHERE email OPERATOR(xc_ext_move_to.=) 'a@X'", "1")
          .up("ALTER EXTENSION citext SET SCHEMA xc_ext_move_to")
          .upNot("DROP EXTENSION", "DROP COLUMN", "TYPE xc_ext_move_to.citext")
          .build());
    }
    // domain: collation, several named checks, NOT NULL, DEFAULT; then every change of it in place
    {
      String s = "xd_dom";
      CheckModel len = new CheckModel("code_len", "length(VALUE) > 0", false, "not empty");
      CheckModel bad = new CheckModel("code_not_bad", "VALUE <> 'bad'", false);
      CheckModel lower = new CheckModel("code_lower", "VALUE = lower(VALUE)", false, "lower case");
      out.add(new B(s)
          .from(domain(s, "C", true, "'x'::text", "codes", len, bad), items(s).column("code", s + ".code"))
          .to(domain(s, "C", false, "'y'::text", "product codes", len.withComment("non-empty"), lower),
              items(s).column("code", s + ".code"))
          .seed("INSERT INTO xd_dom.items VALUES (1, 10, 'abc')")
          .expect("SELECT code FROM xd_dom.items", "abc")
          .expect("SELECT collname FROM pg_type t JOIN pg_collation c ON c.oid = t.typcollation WHERE t.typname = 'code'"
              + " AND t.typnamespace = 'xd_dom'::regnamespace", "C")
          .up("ALTER DOMAIN xd_dom.code DROP NOT NULL", "ALTER DOMAIN xd_dom.code SET DEFAULT 'y'::text",
              "ALTER DOMAIN xd_dom.code DROP CONSTRAINT code_not_bad", "ALTER DOMAIN xd_dom.code ADD CONSTRAINT code_lower",
              "COMMENT ON CONSTRAINT code_len ON DOMAIN xd_dom.code IS 'non-empty'",
              "COMMENT ON CONSTRAINT code_lower ON DOMAIN xd_dom.code IS 'lower case'",
              "COMMENT ON DOMAIN xd_dom.code IS 'product codes'")
          .upNot("DROP DOMAIN", "DROP CONSTRAINT code_len")
          .build());
    }
    // a NOT VALID domain check is validated in place
    {
      String s = "xe_dom_valid";
      out.add(new B(s)
          .from(domain(s, null, false, null, null, new CheckModel("code_len", "length(VALUE) < 10", true)),
              items(s).column("code", s + ".code"))
          .to(domain(s, null, false, null, null, new CheckModel("code_len", "length(VALUE) < 10", false)),
              items(s).column("code", s + ".code"))
          .seed("INSERT INTO xe_dom_valid.items VALUES (1, 10, 'abc')")
          .expect("SELECT count(*) FROM xe_dom_valid.items", "1")
          .up("ALTER DOMAIN xe_dom_valid.code VALIDATE CONSTRAINT code_len")
          .upNot("DROP CONSTRAINT")
          .build());
    }
    // comments on a schema, every constraint kind and a policy change in place: nothing is re-created
    {
      String s = "xf_comments";
      java.util.function.Function<Boolean, Object[]> objects = on -> {
        Tables parent = table(s, "parents").notNull("id", "integer")
            .primaryKey(new PrimaryKeyModel("parents_pkey", List.of("id"), on ? "parent key" : null));
        Tables child = table(s, "children").notNull("id", "integer").column("parent_id", "integer").column("code", "text")
            .column("during", "int4range").column("n", "integer")
            .primaryKey(new PrimaryKeyModel("children_pkey", List.of("id"), on ? "child key" : null))
            .unique(new UniqueModel("children_code_key", List.of("code"), false, false, false, on ? "one per code" : null))
            .check(new CheckModel("children_n_check", "n > 0", false, on ? "positive" : null))
            .foreignKey(Tables.fk("children_parent_fkey", "parent_id", s, "parents", "id").withComment(on ? "owner" : null))
            .exclusion(new ExclusionModel("children_during_excl", "gist", List.of(new ExclusionModel.Element("during", null, "&&")),
                null, false, false, on ? "no overlap" : null))
            .rls(true, false)
            .policy(new PolicyModel("children_read", PolicyModel.Command.SELECT, true, List.of(), "n > 0", null,
                on ? "readers see positive rows" : null));
        List<Object> all = new ArrayList<>(List.of(parent, child));
        if (on) all.add(new SchemaComment(s, "comments everywhere"));
        return all.toArray();
      };
      out.add(new B(s)
          .from(objects.apply(false))
          .to(objects.apply(true))
          .seed("INSERT INTO xf_comments.parents VALUES (1)",
              "INSERT INTO xf_comments.children VALUES (1, 1, 'a', '[1,5)', 3)")
          .expect("SELECT count(*) FROM xf_comments.children", "1")
          .expect("SELECT obj_description('xf_comments'::regnamespace, 'pg_namespace')", "comments everywhere")
          .up("COMMENT ON SCHEMA xf_comments IS 'comments everywhere'",
              "COMMENT ON CONSTRAINT parents_pkey ON xf_comments.parents IS 'parent key'",
              "COMMENT ON CONSTRAINT children_code_key ON xf_comments.children IS 'one per code'",
              "COMMENT ON CONSTRAINT children_n_check ON xf_comments.children IS 'positive'",
              "COMMENT ON CONSTRAINT children_parent_fkey ON xf_comments.children IS 'owner'",
              "COMMENT ON CONSTRAINT children_during_excl ON xf_comments.children IS 'no overlap'",
              "COMMENT ON POLICY children_read ON xf_comments.children IS 'readers see positive rows'")
          .upNot("DROP CONSTRAINT", "ADD CONSTRAINT", "DROP POLICY", "CREATE POLICY", "ALTER POLICY")
          .build());
    }
    // a constraint or policy re-created for another reason gets its comment back; a renamed one keeps it
    {
      String s = "xg_recreated";
      java.util.function.Function<Integer, Tables> t = v -> items(s).column("code", "text")
          .check(new CheckModel("items_n_check", "n > " + v, false, "positive"))
          .unique(new UniqueModel(v == 0 ? "items_code_key" : "items_code_uq", List.of("code"), false, false, false, "codes"))
          .rls(true, false)
          .policy(new PolicyModel("items_p", v == 0 ? PolicyModel.Command.SELECT : PolicyModel.Command.ALL, true, List.of(),
              "n > 0", null, "the policy"));
      out.add(new B(s)
          .from(t.apply(0))
          .to(t.apply(1))
          .seed("INSERT INTO xg_recreated.items VALUES (1, 10, 'a')")
          .expect("SELECT count(*) FROM xg_recreated.items", "1")
          .expect("SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'items_code_uq'", "codes")
          .up("DROP CONSTRAINT items_n_check", "RENAME CONSTRAINT items_code_key TO items_code_uq", "DROP POLICY items_p",
              "COMMENT ON CONSTRAINT items_n_check ON xg_recreated.items IS 'positive'",
              "COMMENT ON POLICY items_p ON xg_recreated.items IS 'the policy'")
          .upNot("COMMENT ON CONSTRAINT items_code_uq")
          .build());
    }
    // comments on every other kind change in place too: enum, domain, composite type, sequence, view,
    // materialized view, index, column, table
    for (String s : List.of("xk_kinds", "xl_kinds_gone")) {
      java.util.function.Function<String, Object[]> objects = c -> new Object[] {
          new dev.sluice.schema.model.EnumModel(s, "mood", List.of("ok", "sad"), c),
          domain(s, null, false, null, c),
          new dev.sluice.schema.model.CompositeTypeModel(s, "pair", List.of(new dev.sluice.schema.model.CompositeTypeModel.Attribute(
              "a", "integer", null)), c, c == null ? Map.of() : Map.of("a", c)),
          new dev.sluice.schema.model.SequenceModel(s, "counter", "bigint", null, c),
          items(s).column(new ColumnModel("m", s + ".mood", false, null, null, null, null, c)).comment(c)
              .index(new dev.sluice.schema.model.IndexModel("items_n_idx", false, "btree",
                  List.of(dev.sluice.schema.model.IndexModel.IndexElement.column("n")), List.of(), null, Map.of(), false, false, c)),
          new dev.sluice.schema.model.ViewModel(s, "v", "SELECT id, n FROM " + s + ".items", false, false, false, null, false,
              null, c, c == null ? Map.of() : Map.of("n", c)),
          new dev.sluice.schema.model.ViewModel(s, "mv", "SELECT id FROM " + s + ".items", true, false, false, null, true, null, c,
              c == null ? Map.of() : Map.of("id", c))};
      boolean gone = s.endsWith("gone");
      out.add(new B(s)
          .from(objects.apply("before"))
          .to(objects.apply(gone ? null : "after it's changed"))
          .seed("INSERT INTO " + s + ".items VALUES (1, 10, 'ok')")
          .expect("SELECT count(*) FROM " + s + ".items", "1")
          // created before the row and never refreshed: the materialized view was not re-created
          .expect("SELECT count(*) FROM " + s + ".mv", "0")
          .up("COMMENT ON TYPE " + s + ".mood IS " + (gone ? "NULL" : "'after it''s changed'"), "COMMENT ON DOMAIN " + s + ".code",
              "COMMENT ON TYPE " + s + ".pair", "COMMENT ON SEQUENCE " + s + ".counter", "COMMENT ON VIEW " + s + ".v",
              "COMMENT ON MATERIALIZED VIEW " + s + ".mv", "COMMENT ON INDEX " + s + ".items_n_idx",
              "COMMENT ON COLUMN " + s + ".items.m", "COMMENT ON TABLE " + s + ".items",
              "COMMENT ON COLUMN " + s + ".pair.a", "COMMENT ON COLUMN " + s + ".v.n", "COMMENT ON COLUMN " + s + ".mv.id")
          .upNot("DROP", "CREATE")
          .build());
    }
    // a composite type and a view dropped and created again for another reason get their comments back,
    // attribute and view column comments included
    {
      String s = "xm_recreated";
      java.util.function.Function<Boolean, Object[]> objects = changed -> new Object[] {
          new dev.sluice.schema.model.CompositeTypeModel(s, "pair", changed
              ? List.of(new dev.sluice.schema.model.CompositeTypeModel.Attribute("b", "text", null),
                  new dev.sluice.schema.model.CompositeTypeModel.Attribute("a", "integer", null))
              : List.of(new dev.sluice.schema.model.CompositeTypeModel.Attribute("a", "integer", null),
                  new dev.sluice.schema.model.CompositeTypeModel.Attribute("b", "text", null)),
              "the pair", Map.of("a", "first")),
          items(s),
          new dev.sluice.schema.model.ViewModel(s, "v", changed ? "SELECT n, id FROM " + s + ".items" : "SELECT id, n FROM " + s + ".items",
              false, false, false, null, false, null, "the view", Map.of("n", "the n"))};
      out.add(new B(s)
          .from(objects.apply(false))
          .to(objects.apply(true))
          .expect("SELECT col_description('" + s + ".pair'::regclass, 2)", "first")
          .expect("SELECT col_description('" + s + ".v'::regclass, 1)", "the n")
          .up("DROP TYPE " + s + ".pair", "DROP VIEW " + s + ".v", "COMMENT ON TYPE " + s + ".pair IS 'the pair'",
              "COMMENT ON COLUMN " + s + ".pair.a IS 'first'", "COMMENT ON COLUMN " + s + ".v.n IS 'the n'")
          .build());
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyExtensionCommentAndDomainChangeConverges(PgTestContext db) {
    return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> converge(db, f)));
  }

  @Test
  void thePublicSchemasCommentIsSetAndRestoredToPostgresOwn() {
    SchemaModel commented = dev.sluice.schema.Schema.of(dev.sluice.schema.Namespace.PUBLIC.comment("ours")).toModel();
    assertThat(commented.schemaComments()).containsExactly(Map.entry("public", "ours"));
    assertThat(commented.schemas()).doesNotContain("public");
    assertThat(dev.sluice.schema.Schema.of(dev.sluice.schema.Namespace.PUBLIC.comment(SchemaModel.PUBLIC_SCHEMA_COMMENT))
        .toModel().schemaComments()).as("PostgreSQL's own comment is no deviation").isEmpty();
    assertThat(DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, commented))).containsExactly("COMMENT ON SCHEMA public IS 'ours'");
    assertThat(DdlRenderer.render(Differ.diff(commented, SchemaModel.EMPTY)))
        .containsExactly("COMMENT ON SCHEMA public IS 'standard public schema'");
    assertThat(DdlRenderer.render(Differ.diff(commented, SchemaModel.EMPTY.withSchemaComments(Map.of("public", "")))))
        .containsExactly("COMMENT ON SCHEMA public IS NULL");
    assertThat(Differ.diff(commented, commented)).isEmpty();
  }

  @Test
  void aCommentChangeAloneNeverRecreatesWhatItAnnotates() {
    String s = "xh_only";
    SchemaModel a = Tables.schema().schemas(s).add(items(s).check(new CheckModel("c", "n > 0", false, "one"))
        .rls(true, false).policy(new PolicyModel("p", PolicyModel.Command.ALL, true, List.of(), "true", null, "a"))).build();
    SchemaModel b = Tables.schema().schemas(s).add(items(s).check(new CheckModel("c", "n > 0", false, "two"))
        .rls(true, false).policy(new PolicyModel("p", PolicyModel.Command.ALL, true, List.of(), "true", null, null))).build();
    assertThat(DdlRenderer.render(Differ.diff(a, b))).containsExactly(
        "COMMENT ON CONSTRAINT c ON xh_only.items IS 'two'", "COMMENT ON POLICY p ON xh_only.items IS NULL");
    assertThat(Differ.diff(a, a)).isEmpty();
  }

  @Test
  void commentsFollowRenamedSchemasTablesAndColumns() {
    SchemaModel a = Tables.schema().schemas("xm_old").add(table("xm_old", "t").notNull("id", "integer").column("n", "integer")
        .primaryKey(new PrimaryKeyModel("t_pkey", List.of("id"), "key"))
        .check(new CheckModel("t_n_check", "n > 0", false, "positive"))).build()
        .withSchemaComments(Map.of("xm_old", "the schema"));
    SchemaModel b = Tables.schema().schemas("xm_new").add(table("xm_new", "u").notNull("id", "integer").column("m", "integer")
        .primaryKey(new PrimaryKeyModel("t_pkey", List.of("id"), "key"))
        .check(new CheckModel("t_n_check", "m > 0", false, "positive"))).build();
    DiffOptions hints = DiffOptions.renames(List.of(dev.sluice.schema.RenameHint.schema("xm_old", "xm_new"),
        dev.sluice.schema.RenameHint.table("xm_new", "t", "u"), dev.sluice.schema.RenameHint.column("xm_new", "u", "n", "m")));
    List<String> sql = DdlRenderer.render(Differ.diff(a, b, hints));
    assertThat(sql).contains("COMMENT ON SCHEMA xm_new IS NULL").noneMatch(x -> x.startsWith("COMMENT ON CONSTRAINT t_pkey"));
    assertThat(DdlRenderer.render(Differ.diff(a, b.withSchemaComments(Map.of("xm_new", "the schema")), hints)))
        .noneMatch(x -> x.startsWith("COMMENT ON SCHEMA"));
  }

  @Test
  void aDomainCollationChangeIsRefusedWithTheReason() {
    String s = "xi_coll";
    SchemaModel a = Tables.schema().schemas(s).add(domain(s, "C", false, null, null)).build();
    SchemaModel b = Tables.schema().schemas(s).add(domain(s, "POSIX", false, null, null)).build();
    assertThatThrownBy(() -> Differ.diff(a, b)).isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("domain xi_coll.code").hasMessageContaining("changed collation (C -> POSIX)");
  }

  @Test
  void anExtensionWithoutVersionKeepsWhicheverVersionItHas() {
    SchemaModel a = Tables.schema().add(new ExtensionModel("hstore", null, "1.7")).build();
    SchemaModel b = Tables.schema().add(new ExtensionModel("hstore", null)).build();
    assertThat(Differ.diff(a, b)).isEmpty();
    assertThat(DdlRenderer.render(Differ.diff(b, a))).containsExactly("ALTER EXTENSION hstore UPDATE TO '1.7'");
  }

  @Test
  void aCheckAddedToAnExistingDomainIsValidatedInALaterMigration() {
    String s = "xj_safe";
    SchemaModel a = Tables.schema().schemas(s).add(domain(s, null, false, null, null)).build();
    SchemaModel b = Tables.schema().schemas(s).add(domain(s, null, false, null, null,
        new CheckModel("code_len", "length(VALUE) < 10", false))).build();
    List<List<Change>> parts = SafeConstraints.validateLater(Differ.diff(a, b), a);
    assertThat(parts).hasSize(2);
    assertThat(DdlRenderer.render(parts.get(0)))
        .containsExactly("ALTER DOMAIN xj_safe.code ADD CONSTRAINT code_len CHECK (length(VALUE) < 10) NOT VALID");
    assertThat(DdlRenderer.render(parts.get(1))).containsExactly("ALTER DOMAIN xj_safe.code VALIDATE CONSTRAINT code_len");
    assertThat(SafeConstraints.validateLater(Differ.diff(SchemaModel.EMPTY, b), SchemaModel.EMPTY)).hasSize(1);
  }

  private static void converge(PgTestContext db, Fixture f) throws Exception {
    ConvergenceRun.converge(db, f.name(), f.from(), f.to(), f.seed(), f.expect(), f.mustContain(), f.mustNotContain(),
        f.downFails(), ExtensionsCommentsDomainsConvergenceLiveTest::only, (name, actual, want) ->
            assertThat(actual).as(name + ": introspected model (extensions, domains, comments)").isEqualTo(want));
  }

  /** The part of {@code m} in this fixture's schemas, extensions and schema comments included. */
  static SchemaModel only(String name, SchemaModel m) {
    Predicate<String> mine = s -> s != null && s.startsWith(name);
    List<String> schemas = m.schemas().stream().filter(mine).toList();
    Map<String, String> comments = new LinkedHashMap<>(m.schemaComments());
    comments.keySet().retainAll(schemas);
    return new SchemaModel(schemas, m.extensions().stream().filter(x -> mine.test(x.schema())).toList(), List.of(),
        m.enums().stream().filter(x -> mine.test(x.schema())).toList(),
        m.domains().stream().filter(x -> mine.test(x.schema())).toList(),
        m.sequences().stream().filter(x -> mine.test(x.schema())).toList(),
        m.tables().stream().filter(x -> mine.test(x.schema())).toList(),
        m.views().stream().filter(x -> mine.test(x.schema())).toList(),
        m.grants().stream().filter(x -> mine.test(x.schema()) || mine.test(x.name())).toList(),
        m.functions().stream().filter(x -> mine.test(x.schema())).toList(),
        m.triggers().stream().filter(x -> mine.test(x.schema())).toList(),
        m.compositeTypes().stream().filter(x -> mine.test(x.schema())).toList(), comments);
  }
}
