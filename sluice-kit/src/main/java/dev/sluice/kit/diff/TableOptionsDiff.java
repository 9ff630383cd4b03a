package dev.sluice.kit.diff;

import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.TableOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table option unit of the differ: UNLOGGED and storage parameters of a new table are part of
 * its CREATE TABLE; later changes are {@code SET LOGGED/UNLOGGED} and {@code SET (...)/RESET (...)}
 * (alter phase); replica identity and {@code CLUSTER ON} come after the indexes, since they name one.
 */
final class TableOptionsDiff {
  private TableOptionsDiff() {}

  /** Replica identity of a new table (the rest is in its CREATE TABLE). */
  static void created(TableModel t, List<Change> afterIndexes) {
    TableOptions o = t.options();
    if (o.replicaIdentity() != TableOptions.ReplicaIdentity.DEFAULT) {
      afterIndexes.add(new Change.SetReplicaIdentity(t.schema(), t.name(), o.replicaIdentity(), o.replicaIdentityIndex()));
    }
    if (o.clusterIndex() != null) afterIndexes.add(new Change.ClusterOn(t.schema(), t.name(), o.clusterIndex()));
  }

  static void altered(TableModel x, TableModel y, List<Change> alter, List<Change> afterIndexes) {
    TableOptions o = x.options();
    TableOptions n = y.options();
    if (n.clusterIndex() != null && Objects.equals(o.clusterIndex(), n.clusterIndex())
        && !Objects.equals(indexNamed(x, n.clusterIndex()), indexNamed(y, n.clusterIndex()))) {
      // the index is dropped and created again, and a new index is not the one CLUSTER uses
      afterIndexes.add(new Change.ClusterOn(y.schema(), y.name(), n.clusterIndex()));
    }
    if (o.equals(n)) return;
    if (o.unlogged() != n.unlogged()) alter.add(new Change.SetLogged(y.schema(), y.name(), !n.unlogged()));
    Map<String, String> set = new LinkedHashMap<>();
    n.with().forEach((k, v) -> {
      if (!v.equals(o.with().get(k))) set.put(k, v);
    });
    List<String> reset = new ArrayList<>();
    for (String k : o.with().keySet()) if (!n.with().containsKey(k)) reset.add(k);
    if (!set.isEmpty() || !reset.isEmpty()) alter.add(new Change.SetStorageParameters(y.schema(), y.name(), set, reset));
    if (o.replicaIdentity() != n.replicaIdentity() || !Objects.equals(o.replicaIdentityIndex(), n.replicaIdentityIndex())) {
      afterIndexes.add(new Change.SetReplicaIdentity(y.schema(), y.name(), n.replicaIdentity(), n.replicaIdentityIndex()));
    }
    if (!Objects.equals(o.clusterIndex(), n.clusterIndex())) {
      afterIndexes.add(new Change.ClusterOn(y.schema(), y.name(), n.clusterIndex()));
    }
  }

  /** The index, primary key, unique or exclusion constraint of {@code t} named {@code name}, or null. */
  private static Object indexNamed(TableModel t, String name) {
    if (t.primaryKey() != null && t.primaryKey().name().equals(name)) return t.primaryKey();
    for (var i : t.indexes()) if (i.name().equals(name)) return i;
    for (var u : t.uniques()) if (u.name().equals(name)) return u;
    for (var e : t.exclusions()) if (e.name().equals(name)) return e;
    return null;
  }
}
