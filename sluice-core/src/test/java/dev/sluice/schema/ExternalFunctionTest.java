package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Volatility;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.types.PgTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Function.external(...)} is declared for its callers, not modelled as a function of the schema. */
class ExternalFunctionTest {
  static final Function AUTH_UID = Function.external("auth", "uid").returns("uuid").stable();

  static final class Notes extends Table<Notes> {
    static final Notes T = new Notes();
    final Column<Long> id = bigint("id").primaryKey();

    private Notes() {
      super("notes");
      enableRowLevelSecurity();
      policy("own").using("owner_id = auth.uid()");
    }
  }

  @Test
  void aListedExternalFunctionIsAnExternalFunctionNotAFunctionAndItsSchemaIsNotCreated() {
    SchemaModel m = Schema.of(Notes.T, AUTH_UID).toModel();
    assertThat(m.functions()).isEmpty();
    assertThat(m.schemas()).isEmpty();
    assertThat(m.externalFunctions()).containsExactly(
        FunctionModel.external("auth", "uid", List.of(), "uuid", Volatility.STABLE));
    assertThat(AUTH_UID.isExternal()).isTrue();
    assertThat(Function.sql("f").isExternal()).isFalse();
  }

  @Test
  void anExternalFunctionDeclaresItsArgumentsResultAndVolatilityOnly() {
    FunctionModel f = Function.external("auth", "has_role").arg("role", PgTypes.TEXT).arg("strict_match", "boolean", "false")
        .returns(PgTypes.BOOLEAN).immutable().toModel();
    assertThat(f.signature()).isEqualTo("auth.has_role(text, boolean)");
    assertThat(f.arguments()).containsExactly(Argument.in("role", "text"),
        new Argument(FunctionModel.Mode.IN, "strict_match", "boolean", "false"));
    assertThat(f.body()).isNull();
    assertThat(f).isEqualTo(FunctionModel.external("auth", "has_role", f.arguments(), "boolean", Volatility.IMMUTABLE));

    assertThatThrownBy(() -> Function.external("auth", "uid").returns("uuid").body("select null"))
        .isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("auth.uid is external");
    assertThatThrownBy(() -> Function.external("auth", "uid").returns("uuid").securityDefiner().toModel())
        .isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("declares only its arguments, result and volatility");
    assertThatThrownBy(() -> Function.external("auth", "uid").toModel())
        .isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("has no return type");
  }

  @Test
  void aTriggerExecutingAnExternalFunctionBringsItAsExternal() {
    Function audit = Function.external("audit", "log_change").returnsTrigger();
    SchemaModel m = Schema.of(Notes.T, Trigger.after(Trigger.INSERT).on(Notes.T).execute(audit)).toModel();
    assertThat(m.functions()).isEmpty();
    assertThat(m.schemas()).doesNotContain("audit");
    assertThat(m.externalFunctions()).extracting(FunctionModel::signature).containsExactly("audit.log_change()");
    assertThat(m.triggers()).singleElement().satisfies(t -> assertThat(t.functionSchema() + "." + t.function())
        .isEqualTo("audit.log_change"));
  }

  @Test
  void oneSignatureCannotBeBothExternalAndCreated() {
    Function own = Function.sql(Namespace.of("auth"), "uid").returns("uuid").body("select null::uuid");
    assertThatThrownBy(() -> Schema.of(Notes.T, AUTH_UID, own).toModel())
        .isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("auth.uid() is declared both external and");
  }
}
