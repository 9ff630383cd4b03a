package dev.sluice.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.schema.Column;
import dev.sluice.schema.Function;
import dev.sluice.schema.Index;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.Trigger;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import org.junit.jupiter.api.Test;

/**
 * The shadow database stubs external functions of every shape (scalar with defaults, set-returning,
 * {@code TABLE}, OUT arguments, void, trigger), so an index expression, a check, a default and a
 * trigger calling them are created there, and the normalised model holds none of the stubs.
 */
@PgTest
class ExternalFunctionStubLiveTest {
  static final Function NORM = Function.external("ext", "norm").arg("t", "text").returns("text").immutable();
  static final Function VALID = Function.external("ext", "valid").arg("t", "text").arg("strict", "boolean", "false")
      .returns("boolean");
  static final Function TRIGGER = Function.external("ext", "audit").returnsTrigger();
  static final Function SET = Function.external("ext", "ids").returnsSetOf("bigint");
  static final Function TABLE = Function.external("ext", "rows").arg("n", "integer").returnsTable("id bigint, name text");
  static final Function OUT = Function.external("ext", "pair").arg(Mode.OUT, "a", "integer", null).arg(Mode.OUT, "b", "text", null)
      .returns("record");
  static final Function VOID = Function.external("ext", "touch").returnsVoid();

  static final class Docs extends Table<Docs> {
    static final Docs T = new Docs();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> body = text("body").check("ext.valid(body)").defaultSql("ext.norm('')");

    private Docs() {
      super("docs");
      index("docs_norm_idx").on(Index.expression("ext.norm(body)"));
    }
  }

  @Test
  void everyShapeOfExternalFunctionIsStubbedAndLeftOutOfTheNormalisedModel(PgTestContext pg) {
    SchemaModel code = Schema.of(Docs.T, Trigger.before(Trigger.INSERT).on(Docs.T).execute(TRIGGER), NORM, VALID, SET, TABLE, OUT,
        VOID).toModel();
    assertThat(code.externalFunctions()).hasSize(7);
    for (IntrospectOptions options : new IntrospectOptions[] {IntrospectOptions.schemas("public"), IntrospectOptions.all()}) {
      SchemaModel normalized = ShadowDatabase.normalize(pg.jdbcUrl(), code, options);
      assertThat(normalized.functions()).as(options.toString()).isEmpty();
      assertThat(normalized.externalFunctions()).isEqualTo(code.externalFunctions());
      assertThat(normalized.table("public", "docs")).hasValueSatisfying(t -> {
        assertThat(t.indexes()).extracting(i -> i.name()).contains("docs_norm_idx");
        assertThat(t.checks()).isNotEmpty();
      });
      assertThat(normalized.triggers()).singleElement().satisfies(t -> assertThat(t.functionSchema()).isEqualTo("ext"));
    }
  }
}
