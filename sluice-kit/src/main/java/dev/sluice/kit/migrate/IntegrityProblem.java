package dev.sluice.kit.migrate;

/**
 * One inconsistency between a migration folder and its {@code sluice.sum}.
 *
 * @param file the file concerned, relative to the folder ({@code 0003_add_orders.sql},
 *     {@code snapshots/0003_add_orders.json}, or {@code sluice.sum} itself)
 * @param message what is wrong and what to do about it
 */
public record IntegrityProblem(String file, String message) {
  @Override
  public String toString() {
    return file + ": " + message;
  }
}
