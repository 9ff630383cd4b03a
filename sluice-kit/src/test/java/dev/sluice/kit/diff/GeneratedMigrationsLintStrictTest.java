package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.lint.LintContext;
import dev.sluice.kit.lint.LintFinding;
import dev.sluice.kit.lint.LintRule;
import dev.sluice.kit.lint.Linter;
import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 3: the kit must not flag its own output. For every {@link ChangeFixtures} fixture, the
 * migrations generate writes (up parts after {@link SafeConstraints#validateLater}, written through
 * {@link MigrationFolder#write} so the no-transaction marker is added as on disk, and the down file)
 * are linted as {@code lint} lints a file in a Sluice folder; the only findings allowed are of rules
 * {@link LintRule#inherentToChange() inherent to the change} (and, in down files only, LK103/LK104:
 * a down is one transaction).
 */
class GeneratedMigrationsLintStrictTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> generatedMigrationsOfEveryFixtureHaveNoFindingsOfTheirOwnMaking() {
    return ChangeFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
      MigrationFolder folder = MigrationFolder.of(dir.resolve(f.name()));
      List<List<Change>> parts = SafeConstraints.validateLater(Differ.diff(f.from(), f.to(), f.options()), f.from());
      String down = DdlRenderer.script(Differ.diff(f.to(), f.from(), f.options().reversed()));
      List<String> own = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        boolean last = i == parts.size() - 1;
        Migration m = folder.write("part" + i, DdlRenderer.script(parts.get(i)), i == 0 ? down : "-- nothing\n", null);
        for (LintFinding x : Linter.lint(m.upSql(), LintContext.forGenerated(f.from()))) {
          if (!x.rule().inherentToChange()) own.add("up " + x.code() + ": " + x.statement());
        }
        if (i == 0) {
          for (LintFinding x : Linter.lint(m.downSql(), LintContext.forGenerated(f.to()))) {
            boolean downOnly = x.rule() == LintRule.LK103 || x.rule() == LintRule.LK104;
            if (!x.rule().inherentToChange() && !downOnly) own.add("down " + x.code() + ": " + x.statement());
          }
        }
        if (last && parts.size() > 1) {
          assertThat(m.upSql()).as(f.name() + ": the second part only validates").contains("VALIDATE CONSTRAINT")
              .doesNotContain("ADD CONSTRAINT");
        }
      }
      assertThat(own).as(f.name()).isEmpty();
    }));
  }
}
