package dev.sluice.kit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Table;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyIndexLintTest {
  static final class Members extends Table<Members> {
    static final Members MEMBERS = new Members();
    final Column<UUID> teamId = uuid("team_id").notNull();
    final Column<UUID> userId = uuid("user_id").notNull();

    private Members() {
      super("team_members");
      primaryKey(teamId, userId);
      forceRowLevelSecurity();
      addPolicy(Policies.ownerOnly(userId));
    }
  }

  static final class Tasks extends Table<Tasks> {
    final Column<UUID> teamId = uuid("team_id").notNull();
    final Column<UUID> ownerId = uuid("owner_id");

    Tasks(boolean indexed) {
      super("tasks");
      forceRowLevelSecurity();
      addPolicy(Policies.membership(teamId, Members.MEMBERS, Members.MEMBERS.teamId, Members.MEMBERS.userId));
      if (indexed) index().on(teamId);
    }
  }

  static final class Projects extends Table<Projects> {
    final Column<UUID> teamId = uuid("team_id").notNull();

    Projects() {
      super("projects");
      tenantColumn(teamId);
    }
  }

  @Test
  void policyColumnWithoutALeadingIndexIsReported() {
    var findings = PolicyIndexLint.lint(Members.MEMBERS.toModel());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).code()).isEqualTo("RL101");
    assertThat(findings.get(0).message()).contains("team_members").contains("owner_only").contains("user_id");
  }

  @Test
  void membershipPolicyReportsOnlyTheOuterTableColumn() {
    assertThat(PolicyIndexLint.lint(new Tasks(false).toModel())).extracting(LintFinding::message)
        .singleElement().asString().contains("column team_id");
    assertThat(PolicyIndexLint.lint(new Tasks(true).toModel())).isEmpty();
  }

  @Test
  void tenantColumnTablesAreIndexedByConstruction() {
    assertThat(PolicyIndexLint.lint(new Projects().toModel())).isEmpty();
  }

  @Test
  void referencesSkipLiteralsAndOtherQualifiers() {
    Set<String> cols = Set.of("team_id", "owner_id", "name");
    assertThat(PolicyIndexLint.referencedColumns(
        "name = 'owner_id' AND m.team_id = public.t.team_id AND \"owner_id\" IS NOT NULL", "t", cols))
        .containsExactlyInAnyOrder("name", "team_id", "owner_id");
    assertThat(PolicyIndexLint.referencedColumns("m.team_id = 'it''s team_id'", "t", cols)).isEmpty();
  }
}
