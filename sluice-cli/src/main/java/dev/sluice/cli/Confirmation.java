package dev.sluice.cli;

/**
 * Asking before a command changes what cannot be re-derived (reverting migrations, rewriting history
 * records): in a terminal the user answers y/N; without one (CI, pipes, scripts) the command refuses
 * unless {@code --yes} was given, since nobody could have read what it is about to do.
 */
final class Confirmation {
  private Confirmation() {}

  /**
   * Returns normally when the change may go ahead: {@code yes}, or "y"/"yes" typed in the terminal.
   * Throws {@link CliException} otherwise: exit 2 without a terminal, exit 1 when the user declined.
   */
  static void require(String what, boolean yes) {
    if (yes) return;
    java.io.Console console = System.console();
    if (console == null) {
      throw new CliException(what + "\npass --yes to confirm (there is no terminal to ask)", SluiceCommand.EXIT_USAGE);
    }
    String answer = console.readLine("%s%nproceed? [y/N] ", what);
    if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
      throw new CliException("not confirmed; nothing was changed");
    }
  }
}
