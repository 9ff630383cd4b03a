package dev.sluice.kit.diff;

import dev.sluice.schema.model.ViewModel;
import java.util.ArrayList;
import java.util.List;

/** CREATE VIEW and CREATE MATERIALIZED VIEW. */
final class ViewDdl {
  private ViewDdl() {}

  static String createView(ViewModel v) {
    StringBuilder sb = new StringBuilder("CREATE VIEW ").append(Sql.qualified(v.schema(), v.name()));
    List<String> options = new ArrayList<>();
    if (v.securityInvoker()) options.add("security_invoker = true");
    if (v.securityBarrier()) options.add("security_barrier = true");
    if (!options.isEmpty()) sb.append(" WITH (").append(String.join(", ", options)).append(')');
    sb.append(" AS\n").append(query(v));
    if (v.checkOption() != null) sb.append("\nWITH ").append(v.checkOption().name()).append(" CHECK OPTION");
    return sb.toString();
  }

  static String createMaterializedView(ViewModel v) {
    return "CREATE MATERIALIZED VIEW " + Sql.qualified(v.schema(), v.name()) + " AS\n" + query(v)
        + (v.withData() ? "\nWITH DATA" : "\nWITH NO DATA");
  }

  /** The query without trailing semicolons, which would end the statement before its options. */
  private static String query(ViewModel v) {
    String q = Sql.fragment("query of view " + v.name(), v.query());
    while (q.endsWith(";")) q = q.substring(0, q.length() - 1).stripTrailing();
    return q;
  }
}
