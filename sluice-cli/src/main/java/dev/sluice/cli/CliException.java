package dev.sluice.cli;

/**
 * A command failed for a reason the user can fix; printed as one clear line (no stack trace) and
 * mapped to an exit code.
 */
public final class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(String message) {
    this(message, SluiceCommand.EXIT_FAILURE);
  }

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
