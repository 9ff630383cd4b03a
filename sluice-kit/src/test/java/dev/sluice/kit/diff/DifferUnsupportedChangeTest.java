package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.ViewModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferUnsupportedChangeTest {

  private static Tables users() {
    return table("public", "users").column("id", "integer").column("email", "text");
  }

  @Test
  void aColumnTypeChangeNamesTableColumnAndTypes() {
    var from = Tables.schema().add(users()).build();
    var to = Tables.schema().add(table("public", "users").column("id", "integer").column("email", "public.citext")).build();

    assertThatThrownBy(() -> Differ.diff(from, to))
        .isInstanceOf(UnsupportedChangeException.class)
        .hasMessage("table public.users: column email changed type (text -> public.citext)"
            + " (alter/drop diffs are not implemented yet)")
        .extracting(e -> ((UnsupportedChangeException) e).object()).isEqualTo("table public.users");
  }

  @Test
  void anAddedOrRemovedColumnIsNamed() {
    var from = Tables.schema().add(users()).build();
    var to = Tables.schema().add(users().column(ColumnModel.of("name", "text"))).build();

    assertThatThrownBy(() -> Differ.diff(from, to)).hasMessageStartingWith("table public.users: column name added");
    assertThatThrownBy(() -> Differ.diff(to, from)).hasMessageStartingWith("table public.users: column name removed");
  }

  @Test
  void aChangedNotNullIsNamed() {
    var from = Tables.schema().add(users()).build();
    var to = Tables.schema().add(table("public", "users").column("id", "integer").notNull("email", "text")).build();

    assertThatThrownBy(() -> Differ.diff(from, to))
        .hasMessageStartingWith("table public.users: column email changed not null (false -> true)");
  }

  @Test
  void anAddedIndexOnAnExistingTableIsNotSilentlyIgnored() {
    var from = Tables.schema().add(users()).build();
    var to = Tables.schema().add(users().index(Tables.index("users_email_idx", "email"))).build();

    assertThatThrownBy(() -> Differ.diff(from, to)).hasMessageStartingWith("table public.users: index users_email_idx added");
  }

  @Test
  void aRemovedTableIsNamed() {
    var from = Tables.schema().add(users()).build();

    assertThatThrownBy(() -> Differ.diff(from, SchemaModel.EMPTY))
        .isInstanceOf(UnsupportedChangeException.class)
        .hasMessage("table public.users: removed (alter/drop diffs are not implemented yet)");
  }

  @Test
  void aNewPartitionOfAnExistingTableIsNamed() {
    var base = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("id"),
        List.of(new PartitionModel("users_1", "FOR VALUES IN (1)", null)));
    var more = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("id"),
        List.of(new PartitionModel("users_1", "FOR VALUES IN (1)", null), new PartitionModel("users_2", "FOR VALUES IN (2)", null)));
    var from = Tables.schema().add(users().partitioning(base)).build();
    var to = Tables.schema().add(users().partitioning(more)).build();

    assertThatThrownBy(() -> Differ.diff(from, to)).hasMessageStartingWith("table public.users: partitioning partition users_2 added");
  }

  @Test
  void changedEnumValuesViewsRolesAndGrantsAreNamed() {
    var e1 = Tables.schema().add(new EnumModel("public", "mood", List.of("sad"), null)).build();
    var e2 = Tables.schema().add(new EnumModel("public", "mood", List.of("sad", "happy"), null)).build();
    assertThatThrownBy(() -> Differ.diff(e1, e2)).hasMessageStartingWith("enum public.mood: changed values ([sad] -> [sad, happy])");

    var v1 = Tables.schema().add(new ViewModel("public", "v", "SELECT 1", false, false, false, null, false, null, null)).build();
    var v2 = Tables.schema().add(new ViewModel("public", "v", "SELECT 2", false, false, false, null, false, null, null)).build();
    assertThatThrownBy(() -> Differ.diff(v1, v2)).hasMessageStartingWith("view public.v: changed query (SELECT 1 -> SELECT 2)");

    var r1 = Tables.schema().add(RoleModel.of("app")).build();
    var r2 = Tables.schema().add(new RoleModel("app", true, true, false, false, false, List.of())).build();
    assertThatThrownBy(() -> Differ.diff(r1, r2)).hasMessageStartingWith("role app: changed login (false -> true)");
    assertThatThrownBy(() -> Differ.diff(r1, SchemaModel.EMPTY)).hasMessageStartingWith("role app: removed");

    var g1 = Tables.schema().add(new GrantModel("TABLE", "public", "t", "app", List.of("SELECT"))).build();
    var g2 = Tables.schema().add(new GrantModel("TABLE", "public", "t", "app", List.of("INSERT", "SELECT"))).build();
    assertThatThrownBy(() -> Differ.diff(g1, g2))
        .hasMessageStartingWith("grant on TABLE public.t to app: changed privileges ([SELECT] -> [INSERT, SELECT])");
  }

  @Test
  void aRemovedSchemaIsNamedEvenWhenSomethingIsAlsoAdded() {
    var from = Tables.schema().schemas("old").build();
    var to = Tables.schema().schemas("new").build();
    assertThatThrownBy(() -> Differ.diff(from, to)).hasMessageStartingWith("schema old: removed");
  }
}
