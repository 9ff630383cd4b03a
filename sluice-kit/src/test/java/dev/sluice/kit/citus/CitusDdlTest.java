package dev.sluice.kit.citus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.diff.UnsupportedChangeException;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DistributionModel;
import dev.sluice.schema.model.DistributionModel.Method;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Citus SQL Sluice generates, statement by statement, as the Citus documentation prescribes
 * ({@code create_distributed_table}, {@code create_reference_table}, {@code alter_distributed_table},
 * {@code undistribute_table}, {@code citus_schema_distribute}), and where it goes in the plan.
 */
class CitusDdlTest {
  private static final SchemaModel SAAS = CitusSaas.schema().toModel();

  private static List<String> sql(SchemaModel from, SchemaModel to) {
    List<String> out = new ArrayList<>();
    for (Change c : Differ.diff(from, to)) out.add(DdlRenderer.render(c));
    return out;
  }

  private static SchemaModel withDistributions(SchemaModel m, DistributionModel... ds) {
    return m.withDistributions(List.of(ds));
  }

  @Test
  void distributionComesAfterTheTableAndBeforeItsForeignKeys() {
    List<String> s = sql(SchemaModel.EMPTY, SAAS);
    int createProjects = indexOf(s, "CREATE TABLE public.projects");
    int reference = indexOf(s, "SELECT create_reference_table('public.users')");
    int teams = indexOf(s, "SELECT create_distributed_table('public.teams', 'id', shard_count => 16)");
    int projects = indexOf(s, "SELECT create_distributed_table('public.projects', 'team_id', colocate_with => 'public.teams')");
    int fk = indexOf(s, "FOREIGN KEY");
    assertThat(createProjects).isLessThan(reference);
    assertThat(teams).as("the table a co-located table joins is distributed first").isLessThan(projects);
    assertThat(projects).isLessThan(fk);
    assertThat(reference).isLessThan(fk);
  }

  @Test
  void aRemovedDistributionIsUndistributedAfterForeignKeysAreDropped() {
    SchemaModel plain = SAAS.withDistributions(SAAS.distributions().stream().filter(d -> !d.table().equals("users")).toList());
    assertThat(sql(SAAS, plain)).containsExactly("SELECT undistribute_table('public.users')");
    assertThat(sql(plain, SAAS)).containsExactly("SELECT create_reference_table('public.users')");
  }

  @Test
  void aDroppedTableIsNotUndistributedFirst() {
    SchemaModel noProjects = new SchemaModel(SAAS.schemas(), SAAS.extensions(), SAAS.roles(), SAAS.enums(), SAAS.domains(),
        SAAS.sequences(), SAAS.tables().stream().filter(t -> !t.name().equals("projects")).toList(), SAAS.views(), SAAS.grants(),
        SAAS.functions(), SAAS.triggers(), SAAS.compositeTypes(),
        SAAS.distributions().stream().filter(d -> !d.table().equals("projects")).toList());
    assertThat(sql(SAAS, noProjects)).noneMatch(x -> x.contains("undistribute")).anyMatch(x -> x.startsWith("DROP TABLE public.projects"));
  }

  @Test
  void aChangedShardCountColumnOrGroupIsAlterDistributedTable() {
    DistributionModel teams16 = dist("teams", "id", null, 16);
    SchemaModel base = SAAS.withDistributions(List.of(teams16));
    assertThat(sql(base, base.withDistributions(List.of(dist("teams", "id", null, 64)))))
        .containsExactly("SELECT alter_distributed_table('public.teams', shard_count => 64)");
    assertThat(sql(base, base.withDistributions(List.of(dist("teams", "name", null, 16)))))
        .containsExactly("SELECT alter_distributed_table('public.teams', distribution_column => 'name')");
    assertThat(sql(base, base.withDistributions(List.of(dist("teams", "id", null, null)))))
        .containsExactly("SELECT alter_distributed_table('public.teams', shard_count => pg_catalog.current_setting('citus.shard_count')::int)");
  }

  @Test
  void leavingAGroupIsColocateWithNoneAndJoiningOneNamesIt() {
    SchemaModel together = SAAS;
    SchemaModel apart = SAAS.withDistributions(SAAS.distributions().stream()
        .map(d -> d.table().equals("projects") ? dist("projects", "team_id", DistributionModel.NONE, null) : d).toList());
    assertThat(sql(together, apart)).containsExactly("SELECT alter_distributed_table('public.projects', colocate_with => 'none')");
    assertThat(sql(apart, together)).containsExactly("SELECT alter_distributed_table('public.projects', colocate_with => 'public.teams')");
  }

  @Test
  void coLocationIsComparedByGroupNotByHowItWasWritten() {
    // as the DSL writes it: both tables take Citus' default (same column type, same shard count)
    SchemaModel byDefault = SAAS.withDistributions(List.of(dist("teams", "id", null, null), dist("projects", "team_id", null, null),
        reference("users")));
    // as introspection reads it: the group's later members co-located with its first
    SchemaModel asRead = SAAS.withDistributions(List.of(dist("teams", "id", null, null),
        dist("projects", "team_id", "public.teams", null), reference("users")));
    assertThat(Differ.diff(byDefault, asRead)).isEmpty();
    assertThat(Differ.diff(asRead, byDefault)).isEmpty();
  }

  @Test
  void hashToReferenceIsUndistributeThenCreate() {
    SchemaModel hashed = SAAS.withDistributions(List.of(dist("teams", "id", null, null)));
    SchemaModel ref = SAAS.withDistributions(List.of(reference("teams")));
    assertThat(sql(hashed, ref)).containsExactly("SELECT undistribute_table('public.teams')", "SELECT create_reference_table('public.teams')");
  }

  @Test
  void changingTheTypeOfADistributionColumnIsRefusedWithTheWayAround() {
    SchemaModel base = SAAS.withDistributions(List.of(dist("teams", "id", null, null)));
    List<TableModel> tables = base.tables().stream().map(t -> !t.name().equals("teams") ? t : new TableModel(t.schema(), t.name(),
        t.columns().stream().map(c -> !c.name().equals("id") ? c
            : new ColumnModel(c.name(), "text", c.notNull(), c.defaultExpr(), c.identity(), c.generatedExpr(), c.collation(), c.comment()))
            .toList(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.exclusions(), t.indexes(), t.partitioning(),
        t.rlsEnabled(), t.rlsForced(), t.policies(), t.comment(), t.options())).toList();
    SchemaModel retyped = new SchemaModel(base.schemas(), base.extensions(), base.roles(), base.enums(), base.domains(),
        base.sequences(), tables, base.views(), base.grants(), base.functions(), base.triggers(), base.compositeTypes(),
        base.distributions());
    assertThatThrownBy(() -> Differ.diff(base, retyped)).isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("distribution column id").hasMessageContaining("Citus refuses");
  }

  @Test
  void aDistributedSchemaIsCitusSchemaDistribute() {
    SchemaModel tenants = new SchemaModel(List.of("tenant_a"), null, null, null, null, null, null, null, null, null, null, null,
        List.of(new DistributionModel("tenant_a", null, Method.SCHEMA, null, null, null)));
    List<String> s = sql(SchemaModel.EMPTY, tenants);
    assertThat(s).containsSubsequence("CREATE SCHEMA tenant_a", "SELECT citus_schema_distribute('tenant_a')");
    assertThat(sql(tenants, tenants.withDistributions(List.of()))).containsExactly("SELECT citus_schema_undistribute('tenant_a')");
  }

  @Test
  void quotedNamesAreQuotedInsideTheTextArguments() {
    DistributionModel d = new DistributionModel("Billing", "Invoices", Method.HASH, "TeamId", "Billing.Teams", null);
    String sql = sqlOf(d);
    assertThat(sql).isEqualTo("SELECT create_distributed_table('\"Billing\".\"Invoices\"', 'TeamId', colocate_with => '\"Billing\".\"Teams\"')");
  }

  @Test
  void snapshotsKeepDistributionsAndOldSnapshotsReadWithout() {
    String json = SnapshotJson.write(SAAS);
    assertThat(json).contains("\"distributions\"");
    assertThat(SnapshotJson.read(json)).isEqualTo(SAAS);
    SchemaModel none = SAAS.withDistributions(List.of());
    assertThat(SnapshotJson.write(none)).as("a schema without Citus writes its snapshot as before").doesNotContain("distributions");
    assertThat(SnapshotJson.read(SnapshotJson.write(none))).isEqualTo(none);
  }

  private static String sqlOf(DistributionModel d) {
    SchemaModel m = new SchemaModel(List.of("Billing"), null, null, null, null, null, List.of(
        table("Billing", "Teams", "TeamId"), table("Billing", "Invoices", "TeamId")), null, null, null, null, null,
        List.of(new DistributionModel("Billing", "Teams", Method.HASH, "TeamId", null, null), d));
    return sql(SchemaModel.EMPTY, m).stream().filter(x -> x.contains("'\"Billing\".\"Invoices\"'")).findFirst().orElseThrow();
  }

  private static TableModel table(String schema, String name, String column) {
    return new TableModel(schema, name, List.of(new ColumnModel(column, "uuid", true, null, null, null, null, null)), null, null, null,
        null, null, null, null, false, false, null, null);
  }

  private static DistributionModel dist(String table, String column, String colocateWith, Integer shards) {
    return new DistributionModel("public", table, Method.HASH, column, colocateWith, shards);
  }

  private static DistributionModel reference(String table) {
    return new DistributionModel("public", table, Method.REFERENCE, null, null, null);
  }

  private static int indexOf(List<String> statements, String prefix) {
    for (int i = 0; i < statements.size(); i++) if (statements.get(i).startsWith(prefix) || statements.get(i).contains(prefix)) return i;
    throw new AssertionError("no statement " + prefix + " in " + String.join("\n", statements));
  }
}
