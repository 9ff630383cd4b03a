package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 17 item 12: help text wraps at word boundaries instead of where the source lines happen to end. */
class HelpTextTest {
  @Test
  void helpTextWrapsAtWordBoundariesWithinEightyColumns() {
    CommandLine root = SluiceCommand.commandLine();
    for (CommandLine sub : root.getSubcommands().values()) {
      String help = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String line : help.lines().toList()) {
        assertThat(line.length()).as(sub.getCommandName() + ": " + line).isLessThanOrEqualTo(80);
      }
      assertThat(help).as(sub.getCommandName() + " help breaks inside a word").doesNotContainPattern("[A-Za-z0-9]\\.\\n\\s*[a-z]");
    }
    String migrate = root.getSubcommands().get("migrate").getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertThat(migrate).contains("\nApply pending migrations safely. One advisory lock for the run; each migration\n"
        + "in its own transaction (unless marked -- sluice:no-transaction) with\n"
        + "lock_timeout set; a failure rolls that migration back. Repeatable migrations\n"
        + "(R__name.sql) run after the versioned ones when new or changed; callbacks\n"
        + "beforeMigrate.sql, beforeEachMigrate.sql, afterEachMigrate.sql and\n"
        + "afterMigrate.sql in the folder run around the run and each migration. ${name}\n"
        + "placeholders are substituted (a second $ in front keeps one literal). Ctrl-C\n"
        + "cancels the running statement and rolls its migration back.\n");
  }
}
