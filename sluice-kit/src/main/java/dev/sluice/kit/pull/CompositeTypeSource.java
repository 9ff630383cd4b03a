package dev.sluice.kit.pull;

import static dev.sluice.kit.pull.JavaLiterals.string;

import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The pull source of composite types: a Java record per type (components in attribute order, of
 * the attributes' Java types) and a {@code CompositeType} constant of the holder class, declared
 * after the enums and domains and after the composite types its attributes use.
 */
final class CompositeTypeSource {
  /** Names a record component cannot have (they clash with Object's methods). */
  private static final Set<String> RESERVED_COMPONENTS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
      "notifyAll", "toString", "wait");

  private final List<CompositeTypeModel> types;
  private final Map<String, TypeMapper.Named> named;
  private final Map<String, String> classes = new LinkedHashMap<>();
  private final Map<String, String> constants = new LinkedHashMap<>();

  /** One generated file: its imports and body. */
  record Body(Imports imports, String source) {}

  CompositeTypeSource(List<CompositeTypeModel> all, Map<String, TypeMapper.Named> named) {
    this.types = order(all);
    this.named = named;
  }

  void allocate(JavaNames.Allocator classNames, JavaNames.Allocator holderFields) {
    for (CompositeTypeModel t : types) {
      String cls = classNames.allocate(JavaNames.pascal(t.name(), "UnnamedType"),
          JavaNames.pascal(t.schema() + "_" + t.name(), "UnnamedType"));
      String constant = holderFields.allocate(JavaNames.upperSnake(t.name(), "TYPE"),
          JavaNames.upperSnake(t.schema() + "_" + t.name(), "TYPE") + "_TYPE");
      classes.put(key(t), cls);
      constants.put(key(t), constant);
      named.put(Identifiers.qualify(t.schema(), t.name()), new TypeMapper.Named(constant, cls, null));
    }
  }

  Set<String> classNames() {
    return Set.copyOf(classes.values());
  }

  /** The record class of each type. */
  void records(BiConsumer<String, Body> out) {
    for (CompositeTypeModel t : types) {
      Imports im = new Imports();
      TypeMapper mapper = new TypeMapper(im, named, "");
      JavaNames.Allocator components = new JavaNames.Allocator(false, RESERVED_COMPONENTS);
      List<String> parts = new ArrayList<>();
      for (CompositeTypeModel.Attribute a : t.attributes()) {
        parts.add(mapper.map(a.type()).javaType() + " " + components.allocate(JavaNames.camel(a.name(), "value")));
      }
      String cls = classes.get(key(t));
      String source = "/** A value of composite type " + JavaLiterals.comment(t.schema() + "." + t.name())
          + " (attributes in order). */\npublic record " + cls + "(" + String.join(", ", parts) + ") {}\n";
      out.accept(cls, new Body(im, source));
    }
  }

  /** The holder's constant of each type: {@code (declaration, constant name)}. */
  void constants(Imports im, TypeMapper mapper, Function<String, String> nsRef, BiConsumer<String, String> out) {
    for (CompositeTypeModel t : types) {
      String ct = im.use("dev.sluice.schema.CompositeType");
      String cls = classes.get(key(t));
      String constant = constants.get(key(t));
      String ns = nsRef.apply(t.schema());
      List<String> calls = new ArrayList<>();
      for (CompositeTypeModel.Attribute a : t.attributes()) {
        TypeMapper.Mapped m = mapper.map(a.type());
        if (a.collation() == null) {
          calls.add(".attribute(" + string(a.name()) + ", " + m.columnArg() + ")");
        } else {
          calls.add(".attribute(" + string(a.name()) + ", " + m.dataTypeExpr() + ", " + string(a.collation()) + ")");
        }
      }
      if (t.comment() != null) calls.add(".comment(" + string(t.comment()) + ")");
      t.attributeComments().forEach((attr, text) -> calls.add(".attributeComment(" + string(attr) + ", " + string(text) + ")"));
      String head = "public static final " + ct + "<" + cls + "> " + constant + " = " + ct + ".of("
          + (ns == null ? "" : ns + ", ") + string(t.name()) + ", " + cls + ".class)";
      out.accept(JavaSchemaGenerator.chain(head, calls, "  "), constant);
    }
  }

  /** Types after the types their attributes use (so static initialisers never reference a later constant). */
  static List<CompositeTypeModel> order(List<CompositeTypeModel> all) {
    Map<String, CompositeTypeModel> byType = new LinkedHashMap<>();
    for (CompositeTypeModel t : all) byType.put(Identifiers.qualify(t.schema(), t.name()), t);
    List<CompositeTypeModel> out = new ArrayList<>();
    java.util.Set<CompositeTypeModel> visiting = new java.util.HashSet<>();
    for (CompositeTypeModel t : all) visit(t, byType, visiting, out);
    return out;
  }

  private static void visit(CompositeTypeModel t, Map<String, CompositeTypeModel> byType, java.util.Set<CompositeTypeModel> visiting,
      List<CompositeTypeModel> out) {
    if (out.contains(t) || !visiting.add(t)) return;
    for (CompositeTypeModel.Attribute a : t.attributes()) {
      CompositeTypeModel dep = byType.get(a.type().replaceAll("(\\[\\])+$", ""));
      if (dep != null) visit(dep, byType, visiting, out);
    }
    out.add(t);
  }

  private static String key(CompositeTypeModel t) {
    return t.schema() + "\u0000" + t.name();
  }
}
