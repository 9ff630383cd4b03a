package dev.sluice.schema.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Table options that are not columns or constraints: {@code CREATE UNLOGGED TABLE},
 * {@code WITH (storage_parameter = value, ...)}, {@code REPLICA IDENTITY} and {@code CLUSTER ON}.
 *
 * @param unlogged {@code UNLOGGED}: not written to the WAL, emptied after a crash, not replicated
 * @param with storage parameters ({@code fillfactor}, {@code autovacuum_enabled}...) as PostgreSQL
 *     stores them in {@code reloptions}, in the order written (equality ignores the order, but
 *     {@code CREATE TABLE ... WITH} keeps it, so a pulled table dumps identically); {@code toast.*}
 *     ones after the others
 * @param replicaIdentity what logical replication logs for updated and deleted rows
 * @param replicaIdentityIndex the unique index used by {@link ReplicaIdentity#INDEX}, else null
 * @param clusterIndex the index {@code CLUSTER} uses when given no index ({@code ALTER TABLE ...
 *     CLUSTER ON index}, {@code pg_index.indisclustered}; the table's own index or primary key), else null
 */
public record TableOptions(boolean unlogged, Map<String, String> with, ReplicaIdentity replicaIdentity,
    String replicaIdentityIndex, String clusterIndex) {
  /** A logged table without storage parameters, with the default replica identity and no cluster index. */
  public static final TableOptions DEFAULT = new TableOptions(false, null, null, null, null);

  /** Options without a cluster index. */
  public TableOptions(boolean unlogged, Map<String, String> with, ReplicaIdentity replicaIdentity,
      String replicaIdentityIndex) {
    this(unlogged, with, replicaIdentity, replicaIdentityIndex, null);
  }

  public TableOptions {
    with = with == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(with));
    if (replicaIdentity == null) replicaIdentity = ReplicaIdentity.DEFAULT;
    if ((replicaIdentity == ReplicaIdentity.INDEX) != (replicaIdentityIndex != null)) {
      throw new IllegalArgumentException("REPLICA IDENTITY USING INDEX needs an index name, and only it takes one");
    }
  }

  /** {@code REPLICA IDENTITY} settings ({@code pg_class.relreplident}). */
  public enum ReplicaIdentity {
    /** The primary key (or nothing without one). */
    DEFAULT,
    /** Every column of the old row. */
    FULL,
    /** Nothing: updates and deletes cannot be published. */
    NOTHING,
    /** The columns of a named unique, non-partial index on NOT NULL columns. */
    INDEX
  }
}
