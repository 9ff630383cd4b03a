package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What PostgreSQL cannot alter in place is an error naming the object and the way out, never skipped. */
class DifferUnsupportedChangeTest {

  private static Tables users() {
    return table("public", "users").column("id", "integer").column("email", "text");
  }

  @Test
  void changedPartitioningNamesTheTableAndBothStrategies() {
    var list = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("id"),
        List.of(new PartitionModel("users_1", "FOR VALUES IN (1)", null)));
    var range = new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("id"), List.of());
    var from = Tables.schema().add(users().partitioning(list)).build();
    var to = Tables.schema().add(users().partitioning(range)).build();

    assertThatThrownBy(() -> Differ.diff(from, to))
        .isInstanceOf(UnsupportedChangeException.class)
        .hasMessageStartingWith("table public.users: changed partitioning (LIST [id] -> RANGE [id]); PostgreSQL cannot re-partition")
        .extracting(e -> ((UnsupportedChangeException) e).object()).isEqualTo("table public.users");
    assertThatThrownBy(() -> Differ.diff(Tables.schema().add(users()).build(), to))
        .hasMessageStartingWith("table public.users: changed partitioning (none -> RANGE [id])");
  }

  @Test
  void aDomainBaseTypeChangeIsNamed() {
    var from = Tables.schema().add(new DomainModel("public", "email", "text", false, null, null, null)).build();
    var to = Tables.schema().add(new DomainModel("public", "email", "character varying(200)", false, null, null, null)).build();
    assertThatThrownBy(() -> Differ.diff(from, to))
        .hasMessageStartingWith("domain public.email: changed base type (text -> character varying(200))");
  }

  @Test
  void aColumnBecomingSerialIsNamedWithTheIdentityAlternative() {
    var from = Tables.schema().add(users()).build();
    var to = Tables.schema().add(table("public", "users").column("id", "serial").column("email", "text")).build();
    assertThatThrownBy(() -> Differ.diff(from, to))
        .hasMessageContaining("column id changes between serial and non-serial (integer -> serial)")
        .hasMessageContaining("identity");
  }

  @Test
  void serialKindsChangeTheColumnAndItsSequence() {
    var from = Tables.schema().add(table("public", "users").column("id", "serial")).build();
    var to = Tables.schema().add(table("public", "users").column("id", "bigserial")).build();
    assertThat(DdlRenderer.render(Differ.diff(from, to))).containsExactly(
        "ALTER TABLE public.users ALTER COLUMN id TYPE bigint",
        "ALTER SEQUENCE public.users_id_seq AS bigint");
  }

  @Test
  void rolesRemovedFromTheModelAreNeverDropped() {
    var r = Tables.schema().add(RoleModel.of("app")).build();
    assertThat(Differ.diff(r, SchemaModel.EMPTY)).isEmpty();
  }

  @Test
  void columnOrderIsNotADifference() {
    var from = Tables.schema().add(users()).build();
    var to = Tables.schema().add(table("public", "users").column("email", "text").column("id", "integer")).build();
    assertThat(Differ.diff(from, to)).isEmpty();
  }

  @Test
  void aChangedTypeIsDescribedForPrompts() {
    var from = Tables.schema().add(users()).build();
    var to = Tables.schema().add(table("public", "users").column("id", "integer").column(ColumnModel.of("email", "public.citext"))).build();
    List<Change> changes = Differ.diff(from, to);
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.description()).isEqualTo("table public.users: change type of column email (text -> public.citext)");
      assertThat(c.destructive()).isFalse();
      assertThat(DdlRenderer.render(c)).isEqualTo("ALTER TABLE public.users ALTER COLUMN email TYPE public.citext");
    });
  }
}
