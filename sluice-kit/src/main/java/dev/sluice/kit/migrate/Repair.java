package dev.sluice.kit.migrate;

import java.util.List;

/**
 * What {@link Migrator#repairPreview()} would change, or what {@link Migrator#repairAll()} changed, in
 * the history table.
 *
 * @param failedRemoved the file names of failed no-transaction migrations whose records are deleted
 *     (they run again at the next migrate)
 * @param realigned applied migrations whose recorded checksum is set to the file's current one
 */
public record Repair(List<String> failedRemoved, List<Realigned> realigned) {
  public Repair {
    failedRemoved = List.copyOf(failedRemoved);
    realigned = List.copyOf(realigned);
  }

  /** An applied migration whose file was edited after it ran: {@code recorded} becomes {@code file}. */
  public record Realigned(int version, String fileName, String recordedSha256, String fileSha256) {}

  /** True when there is nothing to repair. */
  public boolean isEmpty() {
    return failedRemoved.isEmpty() && realigned.isEmpty();
  }
}
