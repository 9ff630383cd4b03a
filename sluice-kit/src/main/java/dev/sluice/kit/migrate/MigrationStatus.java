package dev.sluice.kit.migrate;

import java.time.OffsetDateTime;

/**
 * One line of {@link Migrator#status()}.
 *
 * @param version the migration's version ({@link Migration#REPEATABLE_VERSION} for a repeatable {@code R__name.sql})
 * @param name file name without {@code .sql} (from the folder, or from history when the file is missing)
 * @param state where it stands
 * @param appliedAt when it was applied, null when it was not
 */
public record MigrationStatus(int version, String name, MigrationState state, OffsetDateTime appliedAt) {}
