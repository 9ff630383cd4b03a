package dev.sluice.schema.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Citus co-location groups of a model's hash-distributed tables, as Citus forms them: a table with
 * {@code colocateWith} joins that table's group, {@code "none"} starts its own, and a table with
 * neither joins the group of the tables distributed by a column of the same type and the same shard
 * count that also took the default.
 */
public final class Colocation {
  private final Map<String, String> parent = new HashMap<>();

  private Colocation() {}

  /** The groups of {@code m}'s hash-distributed tables. */
  public static Colocation of(SchemaModel m) {
    Colocation c = new Colocation();
    List<DistributionModel> hashed = m.distributions().stream().filter(d -> d.method() == DistributionModel.Method.HASH).toList();
    Map<String, String> defaults = new HashMap<>();
    for (DistributionModel d : hashed) c.parent.put(d.key(), d.key());
    for (DistributionModel d : hashed) {
      if (d.colocateWith() == null) {
        String key = columnType(m, d) + "/" + d.shardCount();
        String first = defaults.putIfAbsent(key, d.key());
        if (first != null) c.union(first, d.key());
      } else if (!DistributionModel.NONE.equals(d.colocateWith()) && c.parent.containsKey(d.colocateWith())) {
        c.union(d.colocateWith(), d.key());
      }
    }
    return c;
  }

  /** Whether hash-distributed tables {@code a} and {@code b} ({@code schema.table}) share shards. */
  public boolean together(String a, String b) {
    return parent.containsKey(a) && parent.containsKey(b) && find(a).equals(find(b));
  }

  /** The type of the distribution column of {@code d}, or null when its table is not in {@code m}. */
  public static String columnType(SchemaModel m, DistributionModel d) {
    return m.table(d.schema(), d.table()).flatMap(t -> t.columns().stream().filter(c -> c.name().equals(d.column())).findFirst())
        .map(ColumnModel::type).map(Colocation::withoutSerial).orElse(null);
  }

  private static String withoutSerial(String type) {
    return switch (type) {
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      case "smallserial" -> "smallint";
      default -> type;
    };
  }

  private String find(String k) {
    String p = parent.get(k);
    if (Objects.equals(p, k)) return k;
    String root = find(p);
    parent.put(k, root);
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) parent.put(rb, ra);
  }
}
