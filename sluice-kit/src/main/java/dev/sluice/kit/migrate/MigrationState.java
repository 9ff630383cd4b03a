package dev.sluice.kit.migrate;

/** Where one migration stands, as reported by {@link Migrator#status()}. */
public enum MigrationState {
  /** Recorded as applied and the file is unchanged. */
  APPLIED,
  /** Not applied yet; {@code migrate} will apply it. */
  PENDING,
  /** Not applied, but a higher version is (merged from another branch); needs {@code allowOutOfOrder}. */
  OUT_OF_ORDER,
  /** Applied, but the file changed since (checksum differs); {@code migrate} refuses to run. */
  CHANGED,
  /** Applied, but its file is gone from the folder; {@code migrate} refuses to run. */
  MISSING_FILE,
  /** A repeatable migration ({@code R__name.sql}) whose file changed since it last ran; {@code migrate} re-applies it. */
  OUTDATED,
  /** A no-transaction migration that failed or was interrupted; fix by hand, then {@code repair}. */
  FAILED
}
