package dev.sluice.kit.pull;

import static dev.sluice.kit.pull.JavaLiterals.string;

import dev.sluice.schema.model.TableOptions;
import java.util.ArrayList;
import java.util.List;

/** The pull source of table options: statements of the table class constructor. */
final class TableOptionsSource {
  private TableOptionsSource() {}

  static List<String> calls(TableOptions o, Imports im) {
    List<String> out = new ArrayList<>();
    if (o.unlogged()) out.add("unlogged()");
    o.with().forEach((k, v) -> out.add("with(" + string(k) + ", " + string(v) + ")"));
    switch (o.replicaIdentity()) {
      case DEFAULT -> { }
      case INDEX -> out.add("replicaIdentityUsingIndex(" + string(o.replicaIdentityIndex()) + ")");
      default -> out.add("replicaIdentity(" + im.use("dev.sluice.schema.model.TableOptions") + ".ReplicaIdentity."
          + o.replicaIdentity() + ")");
    }
    if (o.clusterIndex() != null) out.add("clusterOn(" + string(o.clusterIndex()) + ")");
    return out;
  }
}
