package dev.sluice.kit.diff;

import dev.sluice.schema.model.CompositeTypeModel;
import java.util.stream.Collectors;

/** DDL of composite types: CREATE, DROP and the attribute ALTERs. */
final class CompositeTypeDdl {
  private CompositeTypeDdl() {}

  /** The statement of a composite type change, or null when {@code change} is another kind. */
  static String render(Change change) {
    if (change instanceof Change.CreateCompositeType c) return create(c.type());
    if (change instanceof Change.DropCompositeType c) return "DROP TYPE " + Sql.qualified(c.schema(), c.name());
    if (change instanceof Change.AddAttribute c) {
      return alter(c.schema(), c.typeName()) + "ADD ATTRIBUTE " + attribute(c.typeName(), c.attribute());
    }
    if (change instanceof Change.DropAttribute c) {
      return alter(c.schema(), c.typeName()) + "DROP ATTRIBUTE " + Sql.name(c.attribute());
    }
    if (change instanceof Change.AlterAttributeType c) {
      CompositeTypeModel.Attribute a = c.attribute();
      return alter(c.schema(), c.typeName()) + "ALTER ATTRIBUTE " + Sql.name(a.name()) + " TYPE "
          + Sql.fragment("type of attribute " + a.name(), a.type())
          + (a.collation() == null ? "" : " COLLATE " + Sql.collation(a.collation()));
    }
    return null;
  }

  static String create(CompositeTypeModel t) {
    return "CREATE TYPE " + Sql.qualified(t.schema(), t.name()) + " AS ("
        + t.attributes().stream().map(a -> attribute(t.name(), a)).collect(Collectors.joining(", ")) + ")";
  }

  private static String attribute(String type, CompositeTypeModel.Attribute a) {
    return Sql.name(a.name()) + " " + Sql.fragment("type of attribute " + type + "." + a.name(), a.type())
        + (a.collation() == null ? "" : " COLLATE " + Sql.collation(a.collation()));
  }

  private static String alter(String schema, String name) {
    return "ALTER TYPE " + Sql.qualified(schema, name) + " ";
  }
}
