package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PolicyModel.Command;
import dev.sluice.schema.model.TableModel;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  static final class Members extends Table<Members> {
    static final Members MEMBERS = new Members();
    final Column<UUID> teamId = uuid("team_id").notNull();
    final Column<UUID> userId = uuid("user_id").notNull();

    private Members() {
      super("team_members");
      primaryKey(teamId, userId);
    }
  }

  static final class Projects extends Table<Projects> {
    final Column<UUID> id = uuid("id").primaryKey();
    final Column<Long> teamId = bigint("team_id").notNull();
    final Column<UUID> ownerId = uuid("owner_id");

    Projects() {
      super("projects");
      tenantColumn(teamId);
      addPolicy(Policies.ownerOnly(ownerId).restrictive().forCommand(Command.DELETE));
      addPolicy(Policies.publicRead());
    }
  }

  static final class Indexed extends Table<Indexed> {
    final Column<UUID> tenant = uuid("tenant_id").notNull();
    final Column<String> name = text("name");

    Indexed() {
      super("indexed");
      tenantColumn(tenant).to("app_user");
      index().on(tenant, name);
    }
  }

  static final class Tasks extends Table<Tasks> {
    final Column<UUID> teamId = uuid("team_id").notNull();

    Tasks() {
      super("tasks");
      addPolicy(Policies.membership(teamId, Members.MEMBERS, Members.MEMBERS.teamId, Members.MEMBERS.userId));
    }
  }

  static PolicyModel policy(TableModel m, String name) {
    return m.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void tenantColumnEnablesAndForcesRlsAddsTheIsolationPolicyAndAnIndex() {
    TableModel m = new Projects().toModel();
    assertThat(m.rlsEnabled()).isTrue();
    assertThat(m.rlsForced()).isTrue();
    PolicyModel iso = policy(m, "tenant_isolation");
    assertThat(iso.name()).isEqualTo("tenant_isolation");
    assertThat(iso.command()).isEqualTo(Command.ALL);
    assertThat(iso.using()).isEqualTo("team_id = CAST(sluice.current_tenant_id() AS bigint)");
    assertThat(iso.withCheck()).isEqualTo(iso.using());
    assertThat(m.indexes()).extracting(IndexModel::name).containsExactly("projects_team_id_idx");
  }

  @Test
  void ownerOnlyAndPublicReadRenderAsExpected() {
    TableModel m = new Projects().toModel();
    PolicyModel owner = policy(m, "owner_only");
    assertThat(owner.name()).isEqualTo("owner_only");
    assertThat(owner.permissive()).isFalse();
    assertThat(owner.command()).isEqualTo(Command.DELETE);
    assertThat(owner.using()).isEqualTo("owner_id = CAST(sluice.current_user_id() AS uuid)");
    PolicyModel read = policy(m, "public_read");
    assertThat(read.command()).isEqualTo(Command.SELECT);
    assertThat(read.using()).isEqualTo("true");
    assertThat(read.withCheck()).isNull();
  }

  @Test
  void noExtraIndexWhenOneLeadsWithTheTenantColumn() {
    TableModel m = new Indexed().toModel();
    assertThat(m.indexes()).extracting(IndexModel::name).containsExactly("indexed_tenant_id_name_idx");
    assertThat(m.policies().get(0).roles()).containsExactly("app_user");
  }

  @Test
  void membershipQualifiesTheOuterColumnAndCastsTheUserId() {
    assertThat(new Tasks().toModel().policies().get(0).using()).isEqualTo(
        "EXISTS (SELECT 1 FROM public.team_members sluice_m WHERE sluice_m.team_id = public.tasks.team_id"
            + " AND sluice_m.user_id = CAST(sluice.current_user_id() AS uuid))");
  }

  @Test
  void duplicatePolicyNamesAreRejectedAndNamedRenames() {
    class Twice extends Table<Twice> {
      final Column<UUID> a = uuid("a");
      final Column<UUID> b = uuid("b");

      Twice(boolean rename) {
        super("twice");
        addPolicy(Policies.ownerOnly(a));
        addPolicy(rename ? Policies.ownerOnly(b).named("owner_b") : Policies.ownerOnly(b));
      }
    }
    assertThatThrownBy(() -> new Twice(false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has a policy named owner_only");
    assertThat(new Twice(true).toModel().policies()).extracting(PolicyModel::name).containsExactlyInAnyOrder("owner_only", "owner_b");
  }

  @Test
  void tenantColumnMustBelongToTheTable() {
    class Wrong extends Table<Wrong> {
      Wrong() {
        super("wrong");
        uuid("x");
        tenantColumn(Members.MEMBERS.teamId);
      }
    }
    assertThatThrownBy(Wrong::new).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a column of this table");
  }
}
