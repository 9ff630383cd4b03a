package dev.sluice.kit.introspect;

import dev.sluice.kit.diff.ObjectKinds;
import dev.sluice.schema.model.FunctionModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Functions of schemas that are not read which objects of the read schemas call (Supabase's
 * {@code auth.uid()} in a {@code public} policy). They become
 * {@link dev.sluice.schema.model.SchemaModel#externalFunctions() external functions} holding their
 * arguments, result and volatility, so a pulled schema declares them and its shadow database can
 * stub them; they are never created or dropped.
 *
 * <p>The callers are found in {@code pg_depend} (what PostgreSQL records for an expression's
 * function calls): policies, column defaults and generated columns, table and domain constraints,
 * views' and rules' queries, index expressions and predicates, and the SQL-standard bodies of read
 * functions. Functions of {@code pg_catalog}, {@code information_schema} and of extensions are not
 * external (they come with the server or with their extension), nor are aggregates and procedures.
 */
final class ExternalFunctions {
  private ExternalFunctions() {}

  /** The namespace of the dependent object of a {@code pg_depend} row {@code d}. */
  private static final String DEPENDENT_NAMESPACE = "CASE d.classid"
      + " WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN (SELECT c.relnamespace FROM pg_catalog.pg_policy x"
      + "   JOIN pg_catalog.pg_class c ON c.oid = x.polrelid WHERE x.oid = d.objid)"
      + " WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN (SELECT c.relnamespace FROM pg_catalog.pg_attrdef x"
      + "   JOIN pg_catalog.pg_class c ON c.oid = x.adrelid WHERE x.oid = d.objid)"
      + " WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN (SELECT x.connamespace FROM pg_catalog.pg_constraint x"
      + "   WHERE x.oid = d.objid)"
      + " WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN (SELECT c.relnamespace FROM pg_catalog.pg_rewrite x"
      + "   JOIN pg_catalog.pg_class c ON c.oid = x.ev_class WHERE x.oid = d.objid)"
      + " WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN (SELECT c.relnamespace FROM pg_catalog.pg_class c WHERE c.oid = d.objid)"
      + " WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN (SELECT x.pronamespace FROM pg_catalog.pg_proc x WHERE x.oid = d.objid)"
      + " WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN (SELECT x.typnamespace FROM pg_catalog.pg_type x WHERE x.oid = d.objid)"
      + " END";

  /** Called functions outside the read schemas: schema and {@code schema.name(input types)} as {@link FunctionModel#signature()} spells it. */
  private static final String CALLED = "SELECT DISTINCT n.nspname, n.nspname || '.' || p.proname || '('"
      + " || pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.format_type(u.t, NULL)"
      + "   FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY AS u(t, i) ORDER BY u.i), ', ') || ')'"
      + " FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_proc p ON p.oid = d.refobjid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
      + " WHERE d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.deptype = 'n' AND p.prokind = 'f'"
      + " AND NOT (n.nspname = ANY (?::text[])) AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
      + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
      + "   AND e.objid = p.oid AND e.deptype = 'e')"
      + " AND (" + DEPENDENT_NAMESPACE + ") IN (SELECT s.oid FROM pg_catalog.pg_namespace s WHERE s.nspname = ANY (?::text[]))"
      + " ORDER BY 1, 2";

  /** The external functions that objects of the read {@code schemas} call. */
  static List<FunctionModel> of(Connection c, List<String> schemas, int serverVersion) {
    Map<String, Set<String>> signaturesBySchema = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(CALLED)) {
      java.sql.Array read = c.createArrayOf("text", schemas.toArray());
      ps.setArray(1, read);
      ps.setArray(2, read);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) signaturesBySchema.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IntrospectionException("could not read the functions of other schemas that the read objects call: "
          + e.getMessage(), e);
    }
    if (signaturesBySchema.isEmpty()) return List.of();
    List<FunctionModel> out = new ArrayList<>();
    try {
      for (FunctionModel f : ObjectKinds.functions(c, List.copyOf(signaturesBySchema.keySet()), serverVersion)) {
        if (!signaturesBySchema.getOrDefault(f.schema(), Set.of()).contains(f.signature())) continue;
        out.add(FunctionModel.external(f.schema(), f.name(), f.arguments(), f.returns(), f.volatility()));
      }
    } catch (SQLException e) {
      throw new IntrospectionException("could not read the external functions " + signaturesBySchema.values() + ": "
          + e.getMessage(), e);
    }
    return out;
  }
}
