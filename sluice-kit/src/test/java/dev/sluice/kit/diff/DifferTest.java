package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.ViewModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferTest {

  private static ViewModel view(String name, String query) {
    return new ViewModel("public", name, query, false, false, false, null, false, null, null);
  }

  private static ViewModel matview(String name, String query, IndexModel... indexes) {
    return new ViewModel("public", name, query, true, false, false, null, true, List.of(indexes), null);
  }

  @Test
  void emptyToEmptyAndIdenticalModelsProduceNothing() {
    SchemaModel m = Tables.schema().schemas("app").add(table("app", "t").column("a", "integer")).build();
    assertThat(Differ.diff(SchemaModel.EMPTY, SchemaModel.EMPTY)).isEmpty();
    assertThat(Differ.diff(m, m)).isEmpty();
  }

  @Test
  void everyKindOfObjectIsCreatedInDependencyOrder() {
    SchemaModel to = Tables.schema()
        .schemas("app")
        .add(new ExtensionModel("citext", "app"))
        .add(new RoleModel("b_admin", false, true, false, false, false, List.of("z_user")))
        .add(RoleModel.of("z_user"))
        .add(new EnumModel("app", "status", List.of("new", "done"), "task status"))
        .add(new DomainModel("app", "email", "app.citext", false, null,
            List.of(new CheckModel("email_at", "VALUE ~ '@'", true)), null))
        .add(new SequenceModel("app", "seq", "bigint", null, null))
        .add(table("app", "a_tasks").column("id", "integer").column("status", "app.status").column("owner", "app.email")
            .column("n", "bigint")
            .foreignKey(Tables.fk("a_tasks_owner_fkey", "owner", "app", "b_users", "email"))
            .index(Tables.index("a_tasks_status_idx", "status"))
            .check(new CheckModel("a_tasks_n_check", "n > 0", true))
            .rls(true, false)
            .policy(new PolicyModel("own", PolicyModel.Command.SELECT, true, List.of("z_user"), "true", null))
            .comment("tasks"))
        .add(table("app", "b_users").column("email", "app.email")
            .foreignKey(Tables.fk("b_users_email_fkey", "email", "app", "a_tasks", "owner")))
        .add(view("v", "SELECT 1"))
        .add(new GrantModel("TABLE", "app", "a_tasks", "z_user", List.of("SELECT")))
        .build();

    List<String> order = Differ.diff(SchemaModel.EMPTY, to).stream().map(Change::description).toList();

    assertThat(order).containsExactly(
        "schema app",
        "extension citext",
        "role z_user",
        "role b_admin",
        "enum app.status",
        "domain app.email",
        "domain app.email: check email_at",
        "sequence app.seq",
        "table app.a_tasks",
        "table app.a_tasks: check a_tasks_n_check",
        "table app.b_users",
        "table app.a_tasks: foreign key a_tasks_owner_fkey",
        "table app.b_users: foreign key b_users_email_fkey",
        "index app.a_tasks_status_idx on app.a_tasks",
        "view public.v",
        "table app.a_tasks: row level security",
        "policy own on app.a_tasks",
        "type app.status: comment",
        "table app.a_tasks: comment",
        "grant on table app.a_tasks to z_user");
  }

  @Test
  void partitionsFollowTheirParentDepthFirst() {
    var sub = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("kind"),
        List.of(new PartitionModel("events_2024_click", "FOR VALUES IN ('click')", null),
            new PartitionModel("events_2024_default", "DEFAULT", null)));
    var to = Tables.schema().add(table("public", "events").column("at", "date").column("kind", "text")
        .partitioning(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("at"), List.of(
            new PartitionModel("events_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", sub),
            new PartitionModel("events_default", "DEFAULT", null))))).build();

    assertThat(DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, to))).containsExactly(
        "CREATE TABLE public.events (\n  at date,\n  kind text\n) PARTITION BY RANGE (at)",
        "CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') "
            + "PARTITION BY LIST (kind)",
        "CREATE TABLE public.events_2024_click PARTITION OF public.events_2024 FOR VALUES IN ('click')",
        "CREATE TABLE public.events_2024_default PARTITION OF public.events_2024 DEFAULT",
        "CREATE TABLE public.events_default PARTITION OF public.events DEFAULT");
  }

  @Test
  void aViewIsCreatedAfterTheViewsItsQueryNames() {
    var to = Tables.schema()
        .add(view("a_top", "SELECT * FROM public.m_middle WHERE n > 1"))
        .add(view("m_middle", "SELECT * FROM \"z_base\""))
        .add(view("z_base", "SELECT 1 AS n"))
        .add(view("b_unrelated", "SELECT 'a_top' AS label -- m_middle"))
        .build();

    assertThat(Differ.diff(SchemaModel.EMPTY, to).stream().map(Change::description))
        .containsExactly("view public.b_unrelated", "view public.z_base", "view public.m_middle", "view public.a_top");
  }

  @Test
  void materializedViewsAreOrderedWithViewsAndFollowedByTheirIndexes() {
    var to = Tables.schema()
        .add(matview("a_totals", "SELECT n, count(*) FROM public.z_source GROUP BY n", Tables.index("a_totals_n_idx", "n")))
        .add(view("z_source", "SELECT 1 AS n"))
        .build();

    assertThat(DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, to))).containsExactly(
        "CREATE VIEW public.z_source AS\nSELECT 1 AS n",
        "CREATE MATERIALIZED VIEW public.a_totals AS\nSELECT n, count(*) FROM public.z_source GROUP BY n\nWITH DATA",
        "CREATE INDEX a_totals_n_idx ON public.a_totals USING btree (n)");
  }

  @Test
  void onlyObjectsMissingFromTheSourceAreCreated() {
    var users = table("public", "users").column("id", "integer").build();
    var from = Tables.schema().add(users).add(RoleModel.of("app")).build();
    var to = Tables.schema().add(users).add(RoleModel.of("app"))
        .add(table("public", "orders").column("user_id", "integer")
            .foreignKey(Tables.fk("orders_user_id_fkey", "user_id", "public", "users", "id")))
        .build();

    assertThat(DdlRenderer.render(Differ.diff(from, to))).containsExactly(
        "CREATE TABLE public.orders (\n  user_id integer\n)",
        "ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)");
  }

  @Test
  void commentsCoverTablesColumnsIndexesViewsAndTypes() {
    var idx = new IndexModel("t_a_idx", false, null, List.of(IndexModel.IndexElement.column("a")), null, null, null, false,
        false, "fast a");
    var to = Tables.schema()
        .add(new DomainModel("public", "d", "integer", false, null, null, "a domain"))
        .add(new SequenceModel("public", "s", null, null, "a sequence"))
        .add(table("public", "t").column(new ColumnModel("a", "integer", false, null, null, null, null, "it's a")).index(idx))
        .add(new ViewModel("public", "mv", "SELECT 1 AS a", true, false, false, null, true,
            List.of(new IndexModel("mv_a_idx", true, null, List.of(IndexModel.IndexElement.column("a")), null, null, null,
                false, false, "unique a")), "totals"))
        .build();

    assertThat(DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, to))).filteredOn(s -> s.startsWith("COMMENT")).containsExactly(
        "COMMENT ON DOMAIN public.d IS 'a domain'",
        "COMMENT ON SEQUENCE public.s IS 'a sequence'",
        "COMMENT ON COLUMN public.t.a IS 'it''s a'",
        "COMMENT ON INDEX public.t_a_idx IS 'fast a'",
        "COMMENT ON MATERIALIZED VIEW public.mv IS 'totals'",
        "COMMENT ON INDEX public.mv_a_idx IS 'unique a'");
  }
}
