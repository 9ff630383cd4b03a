package dev.sluice.kit.diff;

import dev.sluice.schema.model.TableOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DDL of table options: UNLOGGED, storage parameters, replica identity, CLUSTER ON, INHERIT / NO INHERIT. */
final class TableOptionsDdl {
  private TableOptionsDdl() {}

  /** The statement of a table option change, or null when {@code change} is another kind. */
  static String render(Change change) {
    if (change instanceof Change.SetLogged c) {
      return alter(c.schema(), c.table()) + (c.logged() ? "SET LOGGED" : "SET UNLOGGED");
    }
    if (change instanceof Change.SetStorageParameters c) {
      List<String> parts = new ArrayList<>();
      if (!c.set().isEmpty()) parts.add("SET " + with(c.set()));
      if (!c.reset().isEmpty()) parts.add("RESET (" + String.join(", ", c.reset().stream().map(TableOptionsDdl::parameter).toList()) + ")");
      return alter(c.schema(), c.table()) + String.join(", ", parts);
    }
    if (change instanceof Change.SetReplicaIdentity c) {
      return alter(c.schema(), c.table()) + "REPLICA IDENTITY " + (c.identity() == TableOptions.ReplicaIdentity.INDEX
          ? "USING INDEX " + Sql.name(c.index()) : c.identity().name());
    }
    if (change instanceof Change.ClusterOn c) {
      return alter(c.schema(), c.table()) + (c.index() == null ? "SET WITHOUT CLUSTER" : "CLUSTER ON " + Sql.name(c.index()));
    }
    if (change instanceof Change.AlterInherit c) {
      return alter(c.schema(), c.table()) + (c.inherit() ? "INHERIT " : "NO INHERIT ")
          + Sql.qualified(c.parent().schema(), c.parent().name());
    }
    return null;
  }

  /** {@code (name = value, ...)} in the model's order (PostgreSQL keeps it in reloptions). */
  static String with(Map<String, String> parameters) {
    List<String> items = new ArrayList<>();
    parameters.forEach((k, v) -> items.add(parameter(k) + " = " + Sql.optionValue(v)));
    return "(" + String.join(", ", items) + ")";
  }

  /** A parameter name, namespaced ones ({@code toast.autovacuum_enabled}) with each part quoted as needed. */
  private static String parameter(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? Sql.name(name) : Sql.name(name.substring(0, dot)) + "." + Sql.name(name.substring(dot + 1));
  }

  private static String alter(String schema, String table) {
    return "ALTER TABLE " + Sql.qualified(schema, table) + " ";
  }
}
