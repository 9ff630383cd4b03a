package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.RenameHint;
import dev.sluice.schema.model.DefaultPrivilegeModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column grants and default privileges in the differ, without a database. */
class DifferGrantsTest {
  private static SchemaModel model(String titleColumn, Object... grants) {
    Tables.SchemaModelBuilder b = Tables.schema().add(RoleModel.of("reader"))
        .add(table("public", "film").notNull("id", "integer").column(titleColumn, "text").primaryKey("film_pkey", "id"));
    for (Object g : grants) b.add(g);
    return b.build();
  }

  @Test
  void columnGrantsGroupedDifferentlyAreTheSameGrants() {
    SchemaModel perPrivilege = model("title", GrantModel.columns("public", "film", "reader", List.of("SELECT"), List.of("id", "title")),
        GrantModel.columns("public", "film", "reader", List.of("UPDATE"), List.of("title")));
    SchemaModel perColumn = model("title", GrantModel.columns("public", "film", "reader", List.of("SELECT"), List.of("id")),
        GrantModel.columns("public", "film", "reader", List.of("SELECT", "UPDATE"), List.of("title")));
    assertThat(Differ.diff(perPrivilege, perColumn)).isEmpty();
  }

  @Test
  void aRenamedColumnKeepsItsGrantsWithoutRevokingAndGrantingAgain() {
    SchemaModel before = model("title", GrantModel.columns("public", "film", "reader", List.of("SELECT"), List.of("title")));
    SchemaModel after = model("name", GrantModel.columns("public", "film", "reader", List.of("SELECT"), List.of("name")));
    List<String> sql = DdlRenderer.render(Differ.diff(before, after,
        DiffOptions.renames(List.of(RenameHint.column("public", "film", "title", "name")))));
    assertThat(sql).containsExactly("ALTER TABLE public.film RENAME COLUMN title TO name");
  }

  @Test
  void aColumnGrantOfAPrivilegeColumnsCannotHaveIsRefused() {
    SchemaModel bad = model("title", GrantModel.columns("public", "film", "reader", List.of("DELETE"), List.of("title")));
    assertThatThrownBy(() -> DdlRenderer.render(Differ.diff(model("title"), bad)))
        .hasMessageContaining("column grant on film: privilege DELETE is not one of");
  }

  @Test
  void aDatabaseWideDefaultOfTheCreatorGoesBackToEverythingWithAll() {
    SchemaModel narrowed = model("title", new DefaultPrivilegeModel("reader", null, "TABLES", "reader", List.of("SELECT")));
    assertThat(DdlRenderer.render(Differ.diff(narrowed, model("title")))).containsExactly(
        "ALTER DEFAULT PRIVILEGES FOR ROLE reader REVOKE ALL ON TABLES FROM reader",
        "ALTER DEFAULT PRIVILEGES FOR ROLE reader GRANT ALL ON TABLES TO reader");
  }
}
