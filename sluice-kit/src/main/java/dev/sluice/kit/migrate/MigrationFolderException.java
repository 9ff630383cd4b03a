package dev.sluice.kit.migrate;

/** A migration folder that cannot be used as it is: bad file names, duplicate versions, a broken {@code sluice.sum}. */
public class MigrationFolderException extends RuntimeException {
  public MigrationFolderException(String message) {
    super(message);
  }

  public MigrationFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
