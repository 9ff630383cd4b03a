package dev.sluice.kit.introspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.schema.model.CompositeTypeModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Introspection of composite types: free-standing {@code CREATE TYPE ... AS (...)} types
 * ({@code typtype = 'c'} whose relation is of kind {@code 'c'}; the row types of tables and views
 * are not listed), not owned by an extension. Attributes in field order, types as
 * {@code format_type()} prints them with an empty search_path, a collation only when it differs
 * from the attribute type's default (as for columns).
 */
final class CompositeTypeCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String QUERY = "SELECT n.nspname, t.typname, pg_catalog.obj_description(t.oid, 'pg_type') AS comment,"
      + " (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname,"
      + "   'type', pg_catalog.format_type(a.atttypid, a.atttypmod),"
      + "   'coll', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN " + CatalogSql.COLLATION_NAME + " END,"
      + "   'comment', pg_catalog.col_description(t.typrelid, a.attnum)) ORDER BY a.attnum)"
      + "   FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid"
      + "   LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
      + "   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes"
      + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
      + " JOIN pg_catalog.pg_class c ON c.oid = t.typrelid"
      + " WHERE t.typtype = 'c' AND c.relkind = 'c' AND n.nspname = ANY (?::text[])"
      + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass"
      + "   AND d.objid = t.oid AND d.deptype = 'e')"
      + " ORDER BY 1, 2";

  private CompositeTypeCatalog() {}

  static List<CompositeTypeModel> read(Connection c, List<String> schemas) {
    return Rows.query(c, "composite types", QUERY, schemas, CompositeTypeCatalog::row);
  }

  private static CompositeTypeModel row(ResultSet rs) throws SQLException {
    List<CompositeTypeModel.Attribute> attributes = new ArrayList<>();
    java.util.Map<String, String> comments = new java.util.HashMap<>();
    String text = rs.getString("attributes");
    try {
      for (JsonNode n : JSON.readTree(text == null ? "[]" : text)) {
        JsonNode coll = n.get("coll");
        attributes.add(new CompositeTypeModel.Attribute(n.get("name").asText(), n.get("type").asText(),
            coll == null || coll.isNull() ? null : coll.asText()));
        JsonNode comment = n.get("comment");
        if (comment != null && !comment.isNull()) comments.put(n.get("name").asText(), comment.asText());
      }
    } catch (java.io.IOException e) {
      throw new IntrospectionException("unreadable catalog JSON: " + text, e);
    }
    return new CompositeTypeModel(rs.getString("nspname"), rs.getString("typname"), attributes, rs.getString("comment"),
        comments);
  }
}
