package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Column;
import dev.sluice.schema.Function;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.View;
import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** External functions are no nodes of the plan: never created, replaced or dropped, and nothing waits for them. */
class ExternalFunctionsDiffTest {
  static final Function AUTH_UID = Function.external("auth", "uid").returns("uuid").stable();

  static final class Notes extends Table<Notes> {
    static final Notes T = new Notes();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<UUID> ownerId = uuid("owner_id").notNull().defaultSql("auth.uid()").check("owner_id <> auth.uid() OR true");

    private Notes() {
      super("notes");
      enableRowLevelSecurity();
      policy("own").using("owner_id = auth.uid()");
    }
  }

  static final View MINE = View.of("mine").as("SELECT id FROM public.notes WHERE owner_id = auth.uid()");
  static final Function MY_ID = Function.sql("my_id").returns("uuid").stable().atomicBody("RETURN auth.uid()");

  @Test
  void whatCallsAnExternalFunctionIsCreatedAndNothingWaitsForIt() {
    SchemaModel code = Schema.of(Notes.T, MINE, MY_ID, AUTH_UID).toModel();
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code));
    assertThat(ddl).noneMatch(s -> s.contains("FUNCTION auth.") || s.contains("SCHEMA auth"));
    assertThat(ddl).anyMatch(s -> s.contains("DEFAULT auth.uid()")).anyMatch(s -> s.contains("USING (owner_id = auth.uid())"))
        .anyMatch(s -> s.startsWith("CREATE VIEW public.mine"));
    int function = indexOf(ddl, "CREATE FUNCTION public.my_id()");
    assertThat(function).as("a function calling only the external one goes right after the types").isLessThan(indexOf(ddl, "CREATE TABLE public.notes"));
  }

  @Test
  void aFunctionTheDatabaseHasThatTheCodeDeclaresExternalIsNeverDroppedNorReplaced() {
    FunctionModel real = new FunctionModel("auth", "uid", false, List.of(), "uuid", "sql",
        "SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid", false, FunctionModel.Volatility.STABLE, false,
        false, false, null, null, null, null, "the platform's", List.of("PUBLIC", "authenticated"));
    SchemaModel live = new SchemaModel(List.of("auth"), null, null, null, null, null, null, null, null, List.of(real), null, null);
    SchemaModel code = Schema.of(AUTH_UID).toModel();
    assertThat(Differ.diff(live, code)).isEmpty();
    assertThat(Differ.diff(code, live)).as("declared external on either side").isEmpty();
    assertThat(Differ.diff(SchemaModel.EMPTY, live.withExternalFunctions(code.externalFunctions()))).isEmpty();
  }

  @Test
  void anOwnFunctionOfTheSameNameElsewhereAndTheSchemaTheCodeUsesAreStillCreated() {
    Namespace app = Namespace.of("app");
    Function ownUid = Function.sql(app, "uid").returns("uuid").body("select null::uuid");
    Function helper = Function.external("app", "helper").returns("integer");
    SchemaModel code = Schema.of(ownUid, helper, AUTH_UID).toModel();
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code));
    assertThat(ddl).anyMatch(s -> s.startsWith("CREATE SCHEMA app")).anyMatch(s -> s.startsWith("CREATE FUNCTION app.uid()"))
        .noneMatch(s -> s.contains("app.helper") || s.contains("auth."));
  }

  @Test
  void theShadowStubHasTheDeclaredSignatureResultAndVolatility() {
    assertThat(ObjectKinds.externalFunctionStub(AUTH_UID.toModel()))
        .isEqualTo("CREATE FUNCTION auth.uid() RETURNS uuid\n LANGUAGE plpgsql STABLE\nAS $function$BEGIN RETURN NULL; END$function$");
    assertThat(ObjectKinds.externalFunctionStub(Function.external("auth", "ids").arg("n", "integer", "1")
        .returnsSetOf("uuid").toModel()))
        .isEqualTo("CREATE FUNCTION auth.ids(n integer DEFAULT 1) RETURNS SETOF uuid\n LANGUAGE plpgsql\n"
            + "AS $function$BEGIN RETURN; END$function$");
  }

  private static int indexOf(List<String> ddl, String prefix) {
    for (int i = 0; i < ddl.size(); i++) if (ddl.get(i).startsWith(prefix)) return i;
    throw new AssertionError("no statement starts with " + prefix + " in " + ddl);
  }
}
