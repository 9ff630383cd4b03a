package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.types.PgTypes;
import dev.sluice.types.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DSL carries comments on constraints, policies and schemas, domain collations and extension versions into the model. */
class CommentsAndDomainsDslTest {
  static final Namespace APP = Namespace.of("app").comment("the application");

  static final class Parents extends Table<Parents> {
    static final Parents PARENTS = new Parents();
    final Column<Integer> id = integer("id").primaryKey();

    private Parents() {
      super(APP, "parents");
      constraintComment("parents_pkey", "parent key");
    }
  }

  static final class Children extends Table<Children> {
    static final Children CHILDREN = new Children();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> parentId = integer("parent_id").references(() -> Parents.PARENTS.id);
    final Column<String> code = text("code").unique();
    final Column<Integer> n = integer("n");
    final Column<Range<Integer>> during = int4range("during");

    private Children() {
      super(APP, "children");
      check("children_n_check", "n > 0");
      exclude("children_during_excl").with(during, "&&");
      enableRowLevelSecurity();
      policy("children_read").using("n > 0").comment("readers");
      constraintComment("children_pkey", "child key");
      constraintComment("children_parent_id_fkey", "owner");
      constraintComment("children_code_key", "one per code");
      constraintComment("children_n_check", "positive");
      constraintComment("children_during_excl", "no overlap");
    }
  }

  static final Domain<String> CODE = Domain.of(APP, "code", PgTypes.TEXT).collate("C").notNull().defaultSql("'x'")
      .check("code_len", "length(VALUE) > 0").check("code_lower", "VALUE = lower(VALUE)", true)
      .constraintComment("code_len", "not empty").comment("codes");

  @Test
  void commentsCollationsAndVersionsReachTheModel() {
    SchemaModel m = Schema.of(APP, Parents.PARENTS, Children.CHILDREN, CODE, new ExtensionModel("hstore", "app", "1.8")).toModel();
    assertThat(m.schemaComments()).containsExactly(java.util.Map.entry("app", "the application"));
    assertThat(m.extensions()).containsExactly(new ExtensionModel("hstore", "app", "1.8"));
    TableModel c = m.table("app", "children").orElseThrow();
    assertThat(c.primaryKey().comment()).isEqualTo("child key");
    assertThat(c.foreignKeys()).extracting(f -> f.comment()).containsExactly("owner");
    assertThat(c.uniques()).extracting(u -> u.comment()).containsExactly("one per code");
    assertThat(c.checks()).extracting(k -> k.comment()).containsExactly("positive");
    assertThat(c.exclusions()).extracting(x -> x.comment()).containsExactly("no overlap");
    assertThat(c.policies()).extracting(p -> p.comment()).containsExactly("readers");
    assertThat(m.table("app", "parents").orElseThrow().primaryKey().comment()).isEqualTo("parent key");
    DomainModel d = m.domains().get(0);
    assertThat(d.collation()).isEqualTo("C");
    assertThat(d.checks()).extracting(k -> k.name() + " " + k.notValid() + " " + k.comment())
        .containsExactly("code_len false not empty", "code_lower true null");
  }

  static final class Wrong extends Table<Wrong> {
    static final Wrong WRONG = new Wrong();
    final Column<Integer> id = integer("id").primaryKey();

    private Wrong() {
      super("wrong");
      constraintComment("wrong_nope", "x");
    }
  }

  @Test
  void aCommentOnAConstraintThatDoesNotExistIsReported() {
    assertThatThrownBy(() -> Schema.of(Wrong.WRONG).toModel()).isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("constraintComment names wrong_nope, which is not one of its constraints");
    Domain<String> d = Domain.of("d", PgTypes.TEXT).constraintComment("nope", "x");
    assertThatThrownBy(() -> Schema.of(d).toModel()).hasMessageContaining("domain d: constraintComment names nope");
    assertThat(Schema.of(Namespace.PUBLIC.comment("x")).toModel().schemaComments())
        .as("the public schema's own comment is modeled (it is never created)").containsExactly(java.util.Map.entry("public", "x"));
    assertThatThrownBy(() -> Schema.of(Namespace.of("a").comment("x"), Namespace.of("a").comment("y")).toModel())
        .hasMessageContaining("schema a is listed with two different comments");
  }

  @Test
  void aNamespaceWithACommentStillNamesTheSameTables() {
    assertThat(Children.CHILDREN.schema()).isEqualTo("app");
    assertThat(APP.withPrefix("x_").comment()).isEqualTo("the application");
    assertThat(List.of(Namespace.of("app"))).doesNotContain(APP);
  }
}
