package dev.sluice.kit.pull;

import static dev.sluice.kit.pull.JavaLiterals.string;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.RangeTypeModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes Java source in the Sluice schema DSL for a {@link SchemaModel} (what {@code sluice pull}
 * does): one table class per table, a Java enum per PostgreSQL enum, and a holder class with the
 * enum, domain, sequence, view, role, extension and grant constants plus {@code schema()}. The
 * contract is exactness: compiling the output and calling {@code schema().toModel()} gives a model
 * {@code equals} to the input, so nothing the database holds is dropped or approximated (types the
 * DSL has no factory for use {@code PgTypes.textual(...)}, SQL text is kept verbatim).
 *
 * <p>Output is deterministic (model order, which is sorted) and pure ASCII; every identifier is
 * derived to be a legal, unique Java name and every SQL name and text is a correctly escaped literal.
 */
public final class JavaSchemaGenerator {
  /** Default name of the holder class. */
  public static final String DEFAULT_HOLDER = "DatabaseSchema";

  private static final Set<String> RESERVED_CLASSES = Set.of("Table", "Column", "Namespace", "Index", "ForeignKey",
      "PgTypes", "DataType", "Schema", "PgEnum", "Domain", "CompositeType", "TableOptions", "ReplicaIdentity", "Sequence", "View", "Role", "Labeled", "Action", "Strategy",
      "Command", "IdentityModel", "SequenceOptions", "PartitioningModel", "PartitionModel", "IndexModel",
      "IndexElement", "ExtensionModel", "GrantModel", "ViewModel", "List", "Map", "BigDecimal", "LocalDate",
      "LocalTime", "LocalDateTime", "OffsetDateTime", "OffsetTime", "UUID", "JsonNode", "Interval", "Range", "Point",
      "Kind", "Match", "CheckOption", "String", "Integer", "Long", "Short", "Float", "Double", "Boolean", "Byte",
      "Character", "Object", "Class", "Enum", "Record", "System", "Math", "Void", "Thread", "Override", "Deprecated",
      "Number", "Iterable", "Runtime", "Process", "Module", "Package", "StringBuilder", "Exception", "Error",
      "Throwable", "RuntimeException", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "Comparable",
      "CharSequence", "Cloneable", "AutoCloseable", "Runnable", "ClassLoader", "Compiler", "StrictMath",
      "StackWalker", "ThreadLocal", "Appendable", "Readable", "SecurityManager", "InheritableThreadLocal",
      "ProcessBuilder", "ProcessHandle", "StackTraceElement", "StringBuffer");

  private final SchemaModel model;
  private final String packageName;
  private final String holder;
  private final String header;
  private final JavaNames.Allocator classNames;
  private final JavaNames.Allocator holderFields = new JavaNames.Allocator(false, Set.of());
  private final Map<String, String> namespaces = new TreeMap<>();
  private final Map<String, TypeMapper.Named> namedTypes = new HashMap<>();
  private final Map<String, String> enumClasses = new LinkedHashMap<>();
  private final CompositeTypeSource composites;
  private final Map<String, TableInfo> tables = new LinkedHashMap<>();
  private final Map<String, String> sources = new TreeMap<>();
  private final List<String> notPulled;
  private final Set<String> externalSchemas = new TreeSet<>();

  /** Java names chosen for one table. */
  private record TableInfo(TableModel model, String className, String constant, Map<String, String> fields,
      Map<String, String> javaTypes, List<String> relations) {}

  /**
   * Relation fields from single-column foreign keys whose two columns share a Java type, so that
   * {@code db.query(...)} works on a pulled schema: the referencing table gets a one-relation named
   * after the column ({@code customer_id} -> {@code customer}), the referenced table a many-relation
   * named after the referencing table ({@code orders}, or {@code ordersByShipVia} when several keys
   * point at it). Names never collide with columns.
   */
  private void addRelations(Map<String, JavaNames.Allocator> allocators) {
    Map<String, Integer> fksBetween = new HashMap<>();
    for (TableInfo a : tables.values()) {
      for (ForeignKeyModel fk : a.model().foreignKeys()) {
        fksBetween.merge(key(a.model().schema(), a.model().name()) + "\u0001" + key(fk.refSchema(), fk.refTable()), 1,
            Integer::sum);
      }
    }
    for (TableInfo a : tables.values()) {
      for (ForeignKeyModel fk : a.model().foreignKeys()) {
        if (fk.columns().size() != 1) continue;
        TableInfo b = tables.get(key(fk.refSchema(), fk.refTable()));
        String col = fk.columns().get(0);
        String ref = fk.refColumns().get(0);
        if (b == null || !a.fields().containsKey(col) || !b.fields().containsKey(ref)) continue;
        String type = a.javaTypes().get(col);
        if (type == null || !type.equals(b.javaTypes().get(ref))) continue;
        String base = col.replaceAll("(?i)_?id$", "");
        if (base.isEmpty()) base = fk.refTable();
        String aKey = key(a.model().schema(), a.model().name());
        String bKey = key(b.model().schema(), b.model().name());
        String one = allocators.get(aKey).allocate(JavaNames.camel(base, "parent"), JavaNames.camel(base + "_ref", "parent"));
        // (a column without an _id suffix keeps its own name, so its relation is e.g. reportsToRef)
        a.relations().add("Relation<" + b.className() + "> " + one + " = one(() -> " + b.className() + "." + b.constant()
            + ", " + a.fields().get(col) + ", t -> t." + b.fields().get(ref) + ")");
        boolean several = fksBetween.getOrDefault(aKey + "\u0001" + bKey, 0) > 1;
        String manyBase = several ? a.model().name() + "_by_" + col : a.model().name();
        String many = allocators.get(bKey).allocate(JavaNames.camel(manyBase, "children"),
            JavaNames.camel(a.model().name() + "_by_" + col, "children"));
        b.relations().add("Relation<" + a.className() + "> " + many + " = many(() -> " + a.className() + "." + a.constant()
            + ", " + b.fields().get(ref) + ", t -> t." + a.fields().get(col) + ")");
      }
    }
  }

  private JavaSchemaGenerator(SchemaModel model, String packageName, String holder, String source, List<String> notPulled) {
    this.model = Objects.requireNonNull(model, "model");
    this.notPulled = List.copyOf(notPulled);
    this.packageName = checkPackage(Objects.requireNonNull(packageName, "packageName"));
    if (!JavaNames.isIdentifier(holder) || RESERVED_CLASSES.contains(holder)) {
      throw new IllegalArgumentException("holder class name is not a usable Java class name: " + holder);
    }
    this.holder = holder;
    this.header = "// Generated by sluice pull from " + JavaLiterals.comment(source) + "; edit freely\n";
    this.classNames = new JavaNames.Allocator(true, RESERVED_CLASSES);
    classNames.allocate(holder);
    this.composites = new CompositeTypeSource(model.compositeTypes(), namedTypes);
  }

  /**
   * Java sources for {@code model} in package {@code packageName}, holder class {@value #DEFAULT_HOLDER}.
   *
   * @return relative path ({@code com/acme/db/Customers.java}) to source text, sorted by path
   */
  public static Map<String, String> generate(SchemaModel model, String packageName) {
    return generate(model, packageName, DEFAULT_HOLDER, "the database");
  }

  /**
   * Java sources for {@code model}.
   *
   * @param holderClass simple name of the class with {@code schema()} and the non-table constants
   * @param source what the model was read from, for the header comment (a database name, not a URL with a password)
   */
  public static Map<String, String> generate(SchemaModel model, String packageName, String holderClass,
      String source) {
    return generate(model, packageName, holderClass, source, List.of());
  }

  /**
   * Java sources for {@code model}, with the holder's javadoc listing what the database holds but
   * the model could not (e.g. {@code function public.group_concat(text)}), so the generated code
   * does not claim to be the whole database.
   *
   * @param notPulled objects left out, by kind and qualified name, as
   *     {@code dev.sluice.kit.introspect.UnmodeledObjects} lists them
   */
  public static Map<String, String> generate(SchemaModel model, String packageName, String holderClass,
      String source, List<String> notPulled) {
    return new JavaSchemaGenerator(model, packageName, holderClass, source, notPulled).run();
  }

  private static String checkPackage(String pkg) {
    if (pkg.isEmpty()) return pkg;
    for (String part : pkg.split("\\.", -1)) {
      if (!JavaNames.isIdentifier(part)) {
        throw new IllegalArgumentException("not a valid Java package name: " + pkg + " (part '" + part + "')");
      }
    }
    return pkg;
  }

  // --- naming -------------------------------------------------------------------------------------

  private Map<String, String> run() {
    Set<String> schemaNames = new TreeSet<>(model.schemas());
    model.tables().forEach(t -> schemaNames.add(t.schema()));
    model.enums().forEach(e -> schemaNames.add(e.schema()));
    model.domains().forEach(d -> schemaNames.add(d.schema()));
    model.sequences().forEach(s -> schemaNames.add(s.schema()));
    model.views().forEach(v -> schemaNames.add(v.schema()));
    model.compositeTypes().forEach(c -> schemaNames.add(c.schema()));
    model.collations().forEach(c -> schemaNames.add(c.schema()));
    model.rangeTypes().forEach(r -> schemaNames.add(r.schema()));
    Set<String> ownSchemas = new TreeSet<>(schemaNames);
    // an external table's schema gets a Namespace constant for its class, but is not listed (not created)
    model.externalTables().forEach(t -> {
      if (!ownSchemas.contains(t.schema())) externalSchemas.add(t.schema());
      schemaNames.add(t.schema());
    });
    schemaNames.remove("public");
    for (String s : schemaNames) {
      namespaces.put(s, holderFields.allocate(JavaNames.upperSnake(s, "SCHEMA"), "SCHEMA_" + JavaNames.upperSnake(s, "X")));
    }
    for (EnumModel e : model.enums()) {
      String cls = classNames.allocate(JavaNames.pascal(e.name(), "UnnamedEnum"),
          JavaNames.pascal(e.schema() + "_" + e.name(), "UnnamedEnum"));
      String constant = holderFields.allocate(JavaNames.upperSnake(e.name(), "ENUM"),
          JavaNames.upperSnake(e.schema() + "_" + e.name(), "ENUM"));
      enumClasses.put(key(e.schema(), e.name()), cls);
      namedTypes.put(e.schema() + "." + e.name(), new TypeMapper.Named(constant, cls, null));
    }
    for (DomainModel d : model.domains()) {
      String constant = holderFields.allocate(JavaNames.upperSnake(d.name(), "DOMAIN"),
          JavaNames.upperSnake(d.schema() + "_" + d.name(), "DOMAIN"));
      namedTypes.put(d.schema() + "." + d.name(), new TypeMapper.Named(constant, null, d.baseType()));
    }
    for (RangeTypeModel r : model.rangeTypes()) {
      String constant = holderFields.allocate(JavaNames.upperSnake(r.name(), "X"), JavaNames.upperSnake(r.name(), "X") + "_2");
      rangeConstants.put(r.schema() + "." + r.name(), constant);
      namedTypes.put(r.typeName(), new TypeMapper.Named(constant, null, null));
    }
    composites.allocate(classNames, holderFields);
    // every class name first: a field must never take the simple name of a class of the package
    // (Java resolves a simple name to a variable before a type, so `x.X.id` would read the field x)
    Map<String, String> tableClasses = new LinkedHashMap<>();
    for (TableModel t : allTables()) {
      tableClasses.put(key(t.schema(), t.name()), classNames.allocate(JavaNames.pascal(t.name(), "UnnamedTable"),
          JavaNames.pascal(t.schema() + "_" + t.name(), "UnnamedTable")));
    }
    Set<String> classes = new java.util.HashSet<>(tableClasses.values());
    classes.addAll(enumClasses.values());
    classes.addAll(composites.classNames());
    classes.add(holder);
    Set<String> packageClasses = Set.copyOf(classes); // shared by every table's allocators, never changed
    Map<String, JavaNames.Allocator> allocators = new HashMap<>();
    for (TableModel t : allTables()) {
      String cls = tableClasses.get(key(t.schema(), t.name()));
      JavaNames.Allocator fieldNames = new JavaNames.Allocator(false, packageClasses);
      String constant = new JavaNames.Allocator(false, packageClasses).allocate(JavaNames.upperSnake(t.name(), "TABLE"),
          JavaNames.upperSnake(t.name(), "TABLE") + "_TABLE");
      fieldNames.allocate(constant);
      Map<String, String> fields = new LinkedHashMap<>();
      Map<String, String> javaTypes = new HashMap<>();
      TypeMapper probe = new TypeMapper(new Imports(), namedTypes, "");
      for (ColumnModel c : t.columns()) {
        fields.put(c.name(), fieldNames.allocate(JavaNames.camel(c.name(), "column")));
        javaTypes.put(c.name(), probe.map(c.type()).javaType());
      }
      tables.put(key(t.schema(), t.name()), new TableInfo(t, cls, constant, fields, javaTypes, new ArrayList<>()));
      allocators.put(key(t.schema(), t.name()), fieldNames);
    }
    addRelations(allocators);
    for (EnumModel e : model.enums()) write(enumClasses.get(key(e.schema(), e.name())), enumSource(e));
    composites.records((cls, body) -> write(cls, file(body.imports(), body.source())));
    for (TableInfo t : tables.values()) write(t.className(), new TableWriter(t).source());
    write(holder, holderSource());
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  private static String key(String schema, String name) {
    return schema + "\u0000" + name;
  }

  /** The model's tables, then its external tables (declared with {@code external()}). */
  private List<TableModel> allTables() {
    List<TableModel> all = new ArrayList<>(model.tables());
    all.addAll(model.externalTables());
    return all;
  }

  private boolean isExternal(TableModel t) {
    return model.externalTables().contains(t);
  }

  private void write(String className, String body) {
    String path = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + className + ".java";
    sources.put(path, body);
  }

  private String file(Imports imports, CharSequence body) {
    String b = body.toString();
    return header + (packageName.isEmpty() ? "" : "package " + packageName + ";\n") + "\n" + imports.render(b) + b;
  }

  private String nsRef(String schema, String prefix) {
    return schema.equals("public") ? null : prefix + namespaces.get(schema);
  }

  /** {@code a, b} of string literals. */
  private static String literals(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) out.add(string(v));
    return String.join(", ", out);
  }

  /** One statement or initializer: on one line when short, else one call per line. */
  static String chain(String head, List<String> calls, String indent) {
    String one = head + String.join("", calls);
    if (indent.length() + one.length() <= 110 && one.indexOf('\n') < 0) return one;
    StringBuilder sb = new StringBuilder(head);
    for (String c : calls) sb.append('\n').append(indent).append("    ").append(c);
    return sb.toString();
  }

  // --- enums --------------------------------------------------------------------------------------

  private String enumSource(EnumModel e) {
    String cls = enumClasses.get(key(e.schema(), e.name()));
    Set<String> distinct = new HashSet<>(e.values());
    boolean plain = distinct.size() == e.values().size() && e.values().stream().allMatch(JavaNames::isIdentifier);
    Imports imports = new Imports();
    StringBuilder sb = new StringBuilder();
    if (plain) {
      sb.append("public enum ").append(cls).append(" {\n");
      sb.append(e.values().isEmpty() ? "  ;\n" : "  " + String.join(",\n  ", e.values()) + "\n");
      sb.append("}\n");
    } else {
      sb.append("public enum ").append(cls).append(" implements ").append(imports.use("dev.sluice.types.Labeled"))
          .append(" {\n");
      JavaNames.Allocator constants = new JavaNames.Allocator(false, Set.of());
      List<String> lines = new ArrayList<>();
      for (String label : e.values()) {
        lines.add("  " + constants.allocate(JavaNames.upperSnake(label, "VALUE")) + "(" + string(label) + ")");
      }
      sb.append(lines.isEmpty() ? "" : String.join(",\n", lines) + "").append(";\n\n");
      sb.append("  private final String label;\n\n");
      sb.append("  ").append(cls).append("(String label) {\n    this.label = label;\n  }\n\n");
      sb.append("  @Override\n  public String label() {\n    return label;\n  }\n}\n");
    }
    return file(imports, sb);
  }

  // --- holder -------------------------------------------------------------------------------------

  private String holderSource() {
    Imports im = new Imports();
    TypeMapper types = new TypeMapper(im, namedTypes, "");
    StringBuilder body = new StringBuilder();
    List<String> all = new ArrayList<>();
    String ns = namespaces.isEmpty() ? null : im.use("dev.sluice.schema.Namespace");
    namespaces.forEach((schema, constant) -> {
      body.append("  public static final ").append(ns).append(' ').append(constant).append(" = ").append(ns)
          .append(".of(").append(string(schema)).append(")")
          .append(model.schemaComments().containsKey(schema) ? ".comment(" + string(model.schemaComments().get(schema)) + ")" : "")
          .append(";\n");
      if (!externalSchemas.contains(schema)) all.add(constant);
    });
    if (model.schemaComments().containsKey("public")) {
      // public is never created; only its comment, when not PostgreSQL's own, is part of the model
      String nsType = im.use("dev.sluice.schema.Namespace");
      String constant = holderFields.allocate("PUBLIC_SCHEMA", "PUBLIC_SCHEMA_COMMENTED");
      body.append("  public static final ").append(nsType).append(' ').append(constant).append(" = ").append(nsType)
          .append(".PUBLIC.comment(").append(string(model.schemaComments().get("public"))).append(");\n");
      all.add(constant);
    }
    if (!namespaces.isEmpty() || model.schemaComments().containsKey("public")) body.append('\n');
    for (EnumModel e : model.enums()) {
      TypeMapper.Named n = namedTypes.get(e.schema() + "." + e.name());
      String pgEnum = im.use("dev.sluice.schema.PgEnum");
      String nsArg = nsRef(e.schema(), "");
      List<String> calls = new ArrayList<>();
      if (e.comment() != null) calls.add(".comment(" + string(e.comment()) + ")");
      body.append("  ").append(chain("public static final " + pgEnum + "<" + n.enumClass() + "> " + n.constant() + " = "
          + pgEnum + ".of(" + (nsArg == null ? "" : nsArg + ", ") + string(e.name()) + ", " + n.enumClass() + ".class)",
          calls, "  ")).append(";\n");
      all.add(n.constant());
    }
    for (DomainModel d : orderedDomains()) {
      TypeMapper.Named n = namedTypes.get(d.schema() + "." + d.name());
      TypeMapper.Mapped base = types.map(d.baseType());
      String domain = im.use("dev.sluice.schema.Domain");
      String nsArg = nsRef(d.schema(), "");
      List<String> calls = new ArrayList<>();
      if (d.notNull()) calls.add(".notNull()");
      if (d.defaultExpr() != null) calls.add(".defaultSql(" + string(d.defaultExpr()) + ")");
      for (CheckModel c : d.checks()) {
        calls.add(".check(" + string(c.name()) + ", " + string(c.expression()) + (c.notValid() ? ", true" : "") + ")");
      }
      for (CheckModel c : d.checks()) {
        if (c.comment() != null) calls.add(".constraintComment(" + string(c.name()) + ", " + string(c.comment()) + ")");
      }
      if (d.collation() != null) calls.add(".collate(" + string(d.collation()) + ")");
      if (d.comment() != null) calls.add(".comment(" + string(d.comment()) + ")");
      body.append("  ").append(chain("public static final " + domain + "<" + base.javaType() + "> " + n.constant()
          + " = " + domain + ".of(" + (nsArg == null ? "" : nsArg + ", ") + string(d.name()) + ", "
          + base.dataTypeExpr() + ")", calls, "  ")).append(";\n");
      all.add(n.constant());
    }
    composites.constants(im, types, s -> nsRef(s, ""), (line, constant) -> {
      body.append("  ").append(line).append(";\n");
      all.add(constant);
    });
    for (SequenceModel s : model.sequences()) {
      String seq = im.use("dev.sluice.schema.Sequence");
      String constant = holderFields.allocate(JavaNames.upperSnake(s.name(), "SEQUENCE"),
          JavaNames.upperSnake(s.name(), "SEQUENCE") + "_SEQUENCE");
      String nsArg = nsRef(s.schema(), "");
      List<String> calls = new ArrayList<>();
      if (!s.dataType().equals("bigint")) calls.add(".as(" + string(s.dataType()) + ")");
      SequenceOptions o = s.options();
      if (o.start() != null) calls.add(".startWith(" + JavaLiterals.longLiteral(o.start()) + ")");
      if (o.increment() != null) calls.add(".incrementBy(" + JavaLiterals.longLiteral(o.increment()) + ")");
      if (o.minValue() != null) calls.add(".minValue(" + JavaLiterals.longLiteral(o.minValue()) + ")");
      if (o.maxValue() != null) calls.add(".maxValue(" + JavaLiterals.longLiteral(o.maxValue()) + ")");
      if (o.cache() != null) calls.add(".cache(" + JavaLiterals.longLiteral(o.cache()) + ")");
      if (s.owned()) calls.add(".ownedBy(" + string(s.ownedByTable()) + ", " + string(s.ownedByColumn()) + ")");
      if (o.cycle()) calls.add(".cycle()");
      if (s.comment() != null) calls.add(".comment(" + string(s.comment()) + ")");
      body.append("  ").append(chain("public static final " + seq + " " + constant + " = " + seq + ".of("
          + (nsArg == null ? "" : nsArg + ", ") + string(s.name()) + ")", calls, "  ")).append(";\n");
      all.add(constant);
    }
    for (ViewModel v : model.views()) {
      String view = im.use("dev.sluice.schema.View");
      String constant = holderFields.allocate(JavaNames.upperSnake(v.name(), "VIEW"),
          JavaNames.upperSnake(v.name(), "VIEW") + "_VIEW");
      String nsArg = nsRef(v.schema(), "");
      List<String> calls = new ArrayList<>();
      calls.add(".as(" + JavaLiterals.multiline(v.query(), "          ") + ")");
      if (v.securityInvoker()) calls.add(".securityInvoker()");
      if (v.securityBarrier()) calls.add(".securityBarrier()");
      if (v.checkOption() != null) {
        calls.add(".checkOption(" + im.use("dev.sluice.schema.model.ViewModel") + ".CheckOption." + v.checkOption() + ")");
      }
      if (v.materialized() && !v.withData()) calls.add(".withNoData()");
      for (IndexModel i : v.indexes()) calls.add(".index(" + viewIndex(i, im) + ")");
      if (v.comment() != null) calls.add(".comment(" + string(v.comment()) + ")");
      v.columnComments().forEach((column, text) -> calls.add(".columnComment(" + string(column) + ", " + string(text) + ")"));
      body.append("  ").append(chain("public static final " + view + " " + constant + " = " + view
          + (v.materialized() ? ".materialized(" : ".of(") + (nsArg == null ? "" : nsArg + ", ") + string(v.name())
          + ")", calls, "  ")).append(";\n");
      all.add(constant);
      viewConstants.put(v.schema() + "." + v.name(), constant);
    }
    objectKinds(im, body, all);
    for (RoleModel r : model.roles()) {
      String role = im.use("dev.sluice.schema.Role");
      String constant = holderFields.allocate(JavaNames.upperSnake(r.name(), "ROLE") + "_ROLE");
      List<String> calls = new ArrayList<>();
      if (r.login()) calls.add(".login()");
      if (!r.inherit()) calls.add(".noInherit()");
      if (r.bypassRls()) calls.add(".bypassRls()");
      if (r.createDb()) calls.add(".createDb()");
      if (r.createRole()) calls.add(".createRole()");
      if (!r.memberOf().isEmpty()) calls.add(".memberOf(" + literals(r.memberOf()) + ")");
      body.append("  ").append(chain("public static final " + role + " " + constant + " = " + role + ".of("
          + string(r.name()) + ")", calls, "  ")).append(";\n");
      all.add(constant);
    }
    for (ExtensionModel x : model.extensions()) {
      String ext = im.use("dev.sluice.schema.model.ExtensionModel");
      String constant = holderFields.allocate(JavaNames.upperSnake(x.name(), "X") + "_EXTENSION");
      body.append("  public static final ").append(ext).append(' ').append(constant).append(" = new ").append(ext)
          .append('(').append(string(x.name())).append(", ").append(string(x.schema()))
          .append(x.version() == null ? "" : ", " + string(x.version())).append(");\n");
      all.add(constant);
    }
    for (GrantModel g : model.grants()) {
      String grant = im.use("dev.sluice.schema.model.GrantModel");
      String list = im.use("java.util.List");
      if (g.isPublicSchemaToPublic()) {
        String constant = holderFields.allocate("GRANT_PUBLIC_SCHEMA_TO_PUBLIC");
        body.append("  public static final ").append(grant).append(' ').append(constant).append(" = ").append(grant)
            .append(".publicSchema(").append(list).append(".of(").append(literals(g.privileges())).append("));\n");
        all.add(constant);
        continue;
      }
      String constant = holderFields.allocate("GRANT_" + JavaNames.upperSnake(g.name(), "X")
          + (g.columns().isEmpty() ? "" : "_COLUMNS") + "_TO_" + JavaNames.upperSnake(g.grantee(), "X"));
      if (g.columns().isEmpty()) {
        body.append("  ").append(chain("public static final " + grant + " " + constant + " = new " + grant + "(",
            List.of(string(g.objectType()) + ", " + string(g.schema()) + ", " + string(g.name()) + ", "
                + string(g.grantee()) + ", " + list + ".of(" + literals(g.privileges()) + "))"),
            "  ")).append(";\n");
      } else {
        body.append("  ").append(chain("public static final " + grant + " " + constant + " = " + grant + ".columns(",
            List.of(string(g.schema()) + ", " + string(g.name()) + ", " + string(g.grantee()) + ", "
                + list + ".of(" + literals(g.privileges()) + "), " + list + ".of(" + literals(g.columns()) + "))"),
            "  ")).append(";\n");
      }
      all.add(constant);
    }
    for (TableInfo t : tables.values()) all.add(t.className() + "." + t.constant());
    String schema = im.use("dev.sluice.schema.Schema");
    StringBuilder sb = new StringBuilder();
    if (notPulled.isEmpty()) {
      sb.append("/** The whole schema: {@link #schema()} lists every definition. */\n");
    } else {
      sb.append("/**\n * The schema as far as Sluice models it: {@link #schema()} lists every definition that was pulled.\n *\n");
      sb.append(" * <p>Not pulled: the database also holds ").append(notPulled.size())
          .append(" object(s) the model cannot hold yet, which\n * {@code push}, {@code generate} and {@code export} do not"
              + " create (write a custom migration for them):\n * <ul>\n");
      for (String o : notPulled) sb.append(" *   <li>").append(javadocText(o)).append("</li>\n");
      sb.append(" * </ul>\n */\n");
    }
    sb.append("public final class ").append(holder).append(" {\n");
    sb.append(body);
    if (body.length() > 0) sb.append('\n');
    sb.append("  private ").append(holder).append("() {}\n\n");
    sb.append(notPulled.isEmpty() ? "  /** Every table, type, view, sequence, role, extension and grant of the database. */\n"
        : "  /** Every table, type, view, sequence, role, extension and grant that was pulled (see the class comment). */\n");
    sb.append("  public static ").append(schema).append(" schema() {\n");
    sb.append("    return ").append(schema).append(".of(");
    if (all.isEmpty()) sb.append(");\n");
    else sb.append("\n        ").append(String.join(",\n        ", all)).append(");\n");
    sb.append("  }\n}\n");
    return file(im, sb);
  }

  /** ASCII text safe inside a javadoc comment: no comment end, no HTML, no unicode escapes. */
  static String javadocText(String s) {
    return JavaLiterals.comment(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
        .replace("@", "&#64;");
  }

  private final Map<String, String> viewConstants = new HashMap<>();
  /** Range types' holder constants by {@code schema.name}, allocated before the tables that use them. */
  private final Map<String, String> rangeConstants = new HashMap<>();

  /** External functions, then functions, procedures and triggers, declared by their own units (see {@code ObjectKinds}). */
  private void objectKinds(Imports im, StringBuilder body, List<String> all) {
    Map<String, String> declared = new HashMap<>();
    dev.sluice.kit.diff.ObjectKinds.JavaContext ctx = new dev.sluice.kit.diff.ObjectKinds.JavaContext() {
      @Override
      public String use(String fqcn) {
        return im.use(fqcn);
      }

      @Override
      public String string(String s) {
        return JavaLiterals.string(s);
      }

      @Override
      public String text(String s) {
        return JavaLiterals.multiline(s, "          ");
      }

      @Override
      public String namespace(String schema) {
        String ref = nsRef(schema, "");
        return ref != null ? ref : im.use("dev.sluice.schema.Namespace") + ".PUBLIC";
      }

      @Override
      public String relation(String schema, String name) {
        TableInfo t = tables.get(key(schema, name));
        if (t != null) return t.className() + "." + t.constant();
        return viewConstants.get(schema + "." + name);
      }

      @Override
      public String function(String signature) {
        return declared.get(signature);
      }

      @Override
      public String chain(String head, List<String> calls) {
        return JavaSchemaGenerator.chain(head, calls, "  ");
      }
    };
    // external functions first: declared (for the shadow's stubs), never created
    for (dev.sluice.schema.model.FunctionModel f : model.externalFunctions()) {
      String type = im.use("dev.sluice.schema.Function");
      String constant = holderFields.allocate(JavaNames.upperSnake(f.name() + "_function", "X"),
          JavaNames.upperSnake(f.schema() + "_" + f.name() + "_function", "X"));
      body.append("  public static final ").append(type).append(' ').append(constant).append(" = ")
          .append(dev.sluice.kit.diff.ObjectKinds.externalFunctionJava(f, ctx)).append(";\n");
      all.add(constant);
    }
    dev.sluice.kit.diff.ObjectKinds.java(model, ctx, d -> {
      String type = im.use(d.type());
      String constant = d.kind().equals("range type") ? rangeConstants.get(d.key())
          : holderFields.allocate(JavaNames.upperSnake(d.baseName(), "X"), JavaNames.upperSnake(d.baseName(), "X") + "_2");
      if (d.kind().equals("function")) declared.put(d.key(), constant);
      body.append("  public static final ").append(type).append(' ').append(constant).append(" = ").append(d.expression())
          .append(";\n");
      all.add(constant);
    });
  }

  private String viewIndex(IndexModel i, Imports im) {
    boolean simple = i.method().equals("btree") && i.include().isEmpty() && i.where() == null && i.with().isEmpty()
        && !i.nullsNotDistinct() && !i.concurrently() && i.comment() == null
        && i.elements().stream().allMatch(e -> e.equals(IndexElement.column(e.expression())));
    if (simple) {
      return string(i.name()) + ", " + i.unique() + ", "
          + literals(i.elements().stream().map(IndexElement::expression).toList());
    }
    return indexModelLiteral(i, im);
  }

  static String indexModelLiteral(IndexModel i, Imports im) {
    String list = im.use("java.util.List");
    String idx = im.use("dev.sluice.schema.model.IndexModel");
    List<String> elements = new ArrayList<>();
    for (IndexElement e : i.elements()) {
      elements.add("new " + idx + ".IndexElement(" + string(e.expression()) + ", " + e.isExpression() + ", "
          + string(e.collation()) + ", " + string(e.opclass()) + ", " + e.descending() + ", " + e.nullsFirst() + ")");
    }
    String with = "null";
    if (!i.with().isEmpty()) {
      List<String> kv = new ArrayList<>();
      i.with().forEach((k, v) -> kv.add(string(k) + ", " + string(v)));
      with = im.use("java.util.Map") + ".of(" + String.join(", ", kv) + ")";
    }
    return "new " + idx + "(" + string(i.name()) + ", " + i.unique() + ", " + string(i.method()) + ", " + list + ".of("
        + String.join(", ", elements) + "), " + list + ".of(" + literals(i.include()) + "), " + string(i.where()) + ", "
        + with + ", " + i.nullsNotDistinct() + ", " + i.concurrently() + ", " + string(i.comment()) + ")";
  }

  /** Domains ordered so a domain over another domain comes after it (static initialisation order). */
  private List<DomainModel> orderedDomains() {
    List<DomainModel> pending = new ArrayList<>(model.domains());
    List<DomainModel> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (var it = pending.iterator(); it.hasNext(); ) {
        DomainModel d = it.next();
        String base = d.baseType().replaceAll("(\\[\\])+$", "");
        boolean waits = model.domains().stream().anyMatch(o -> o != d && base.equals(o.schema() + "." + o.name())
            && !done.contains(base));
        if (!waits) {
          out.add(d);
          done.add(d.schema() + "." + d.name());
          it.remove();
          progress = true;
        }
      }
      if (!progress) {
        out.addAll(pending);
        break;
      }
    }
    return out;
  }

  // --- tables -------------------------------------------------------------------------------------

  /** Writes one table class. */
  private final class TableWriter {
    private final TableInfo info;
    private final TableModel t;
    private final Imports im = new Imports();
    private final TypeMapper types;
    private final String pkInline;
    private final Map<String, UniqueModel> inlineUnique = new HashMap<>();
    private final Map<String, ForeignKeyModel> inlineFk = new HashMap<>();

    TableWriter(TableInfo info) {
      this.info = info;
      this.t = info.model();
      this.types = new TypeMapper(im, namedTypes, holder + ".");
      var pk = t.primaryKey();
      pkInline = pk != null && pk.columns().size() == 1 && pk.name().equals(dev.sluice.schema.Names.fit(t.name(), "pkey"))
          && info.fields().containsKey(pk.columns().get(0)) ? pk.columns().get(0) : null;
      for (UniqueModel u : t.uniques()) {
        if (u.columns().size() == 1 && !u.deferrable() && !u.initiallyDeferred()
            && info.fields().containsKey(u.columns().get(0))) {
          inlineUnique.putIfAbsent(u.columns().get(0), u);
        }
      }
      for (ForeignKeyModel fk : t.foreignKeys()) {
        if (fk.columns().size() != 1 || !info.fields().containsKey(fk.columns().get(0))) continue;
        TableInfo target = target(fk);
        String own = info.javaTypes().get(fk.columns().get(0));
        String ref = target.javaTypes().get(fk.refColumns().get(0));
        if (own != null && own.equals(ref)) inlineFk.putIfAbsent(fk.columns().get(0), fk);
      }
    }

    private TableInfo target(ForeignKeyModel fk) {
      TableInfo target = tables.get(key(fk.refSchema(), fk.refTable()));
      if (target == null) {
        throw new IllegalArgumentException("foreign key " + fk.name() + " of table " + t.schema() + "." + t.name()
            + " references table " + fk.refSchema() + "." + fk.refTable() + ", which the model does not hold");
      }
      for (String c : fk.refColumns()) {
        if (!target.fields().containsKey(c)) {
          throw new IllegalArgumentException("foreign key " + fk.name() + " of table " + t.name()
              + " references column " + c + ", which table " + fk.refTable() + " does not have");
        }
      }
      return target;
    }

    private String field(String column, String what) {
      String f = info.fields().get(column);
      if (f == null) f = inheritedField(t, column, new HashSet<>());
      if (f == null) {
        throw new IllegalArgumentException("table " + t.schema() + "." + t.name() + ": " + what + " names column "
            + column + ", which the table does not have");
      }
      return f;
    }

    /** {@code Parent.PARENT.field} of a column the table has through {@code INHERITS}, or null. */
    private String inheritedField(TableModel child, String column, Set<String> seen) {
      if (!seen.add(key(child.schema(), child.name()))) return null;
      for (dev.sluice.schema.model.ParentTable p : child.inherits()) {
        TableInfo parent = tables.get(key(p.schema(), p.name()));
        if (parent == null) continue;
        String f = parent.fields().get(column);
        if (f != null) return parent.className() + "." + parent.constant() + "." + f;
        f = inheritedField(parent.model(), column, seen);
        if (f != null) return f;
      }
      return null;
    }

    private String fields(List<String> columns, String what) {
      List<String> out = new ArrayList<>();
      for (String c : columns) out.add(field(c, what));
      return String.join(", ", out);
    }

    String source() {
      String table = im.use("dev.sluice.schema.Table");
      String column = im.use("dev.sluice.schema.Column");
      String cls = info.className();
      StringBuilder sb = new StringBuilder();
      sb.append("public final class ").append(cls).append(" extends ").append(table).append('<').append(cls)
          .append("> {\n");
      sb.append("  public static final ").append(cls).append(' ').append(info.constant()).append(" = new ").append(cls)
          .append("();\n\n");
      for (ColumnModel c : t.columns()) {
        TypeMapper.Mapped m = types.map(c.type());
        sb.append("  ").append(chain("public final " + column + "<" + m.javaType() + "> " + info.fields().get(c.name())
            + " = " + m.column(string(c.name())), modifiers(c), "  ")).append(";\n");
      }
      if (!t.columns().isEmpty()) sb.append('\n');
      if (!info.relations().isEmpty()) {
        String relation = im.use("dev.sluice.schema.Relation");
        for (String r : info.relations()) {
          sb.append("  ").append("public final ").append(r.replaceFirst("^Relation<", relation + "<")).append(";\n");
        }
        sb.append('\n');
      }
      String ns = nsRef(t.schema(), holder + ".");
      sb.append("  private ").append(cls).append("() {\n");
      sb.append("    super(").append(ns == null ? "" : ns + ", ").append(string(t.name())).append(");\n");
      for (String stmt : constraints()) sb.append("    ").append(stmt).append(";\n");
      sb.append("  }\n}\n");
      return file(im, sb);
    }

    private List<String> modifiers(ColumnModel c) {
      List<String> calls = new ArrayList<>();
      boolean pk = c.name().equals(pkInline);
      if (pk) calls.add(".primaryKey()");
      if (c.notNull() && !pk && c.identity() == null) calls.add(".notNull()");
      if (c.defaultExpr() != null) calls.add(".defaultSql(" + string(c.defaultExpr()) + ")");
      if (c.identity() != null) {
        if (c.identity().options().isDefault()) {
          calls.add(c.identity().kind() == dev.sluice.schema.model.IdentityModel.Kind.ALWAYS
              ? ".generatedAlwaysAsIdentity()" : ".generatedByDefaultAsIdentity()");
        } else {
          calls.add(".identity(" + im.use("dev.sluice.schema.model.IdentityModel") + ".Kind." + c.identity().kind()
              + ", " + sequenceOptions(c.identity().options()) + ")");
        }
      }
      if (c.generatedExpr() != null) calls.add(".generatedAlwaysAs(" + string(c.generatedExpr()) + ")");
      if (c.collation() != null) calls.add(".collate(" + string(c.collation()) + ")");
      UniqueModel u = inlineUnique.get(c.name());
      if (u != null) {
        boolean dflt = u.name().equals(dev.sluice.schema.Names.of(t.name(), u.columns(), "key")) && !u.nullsNotDistinct();
        calls.add(dflt ? ".unique()" : ".unique(" + string(u.name()) + ", " + u.nullsNotDistinct() + ")");
      }
      ForeignKeyModel fk = inlineFk.get(c.name());
      if (fk != null) calls.add(references(fk));
      if (c.comment() != null) calls.add(".comment(" + string(c.comment()) + ")");
      return calls;
    }

    private String sequenceOptions(SequenceOptions o) {
      return "new " + im.use("dev.sluice.schema.model.SequenceOptions") + "(" + JavaLiterals.longLiteral(o.start())
          + ", " + JavaLiterals.longLiteral(o.increment()) + ", " + JavaLiterals.longLiteral(o.minValue()) + ", "
          + JavaLiterals.longLiteral(o.maxValue()) + ", " + JavaLiterals.longLiteral(o.cache()) + ", " + o.cycle() + ")";
    }

    private List<String> fkOptions(ForeignKeyModel fk, boolean withName) {
      List<String> calls = new ArrayList<>();
      if (withName) calls.add(".name(" + string(fk.name()) + ")");
      String action = (fk.onDelete() != ForeignKeyModel.Action.NO_ACTION && fk.onDeleteColumns().isEmpty())
          || fk.onUpdate() != ForeignKeyModel.Action.NO_ACTION
          ? im.use("dev.sluice.schema.model.ForeignKeyModel.Action") : null;
      if (!fk.onDeleteColumns().isEmpty()) {
        calls.add((fk.onDelete() == ForeignKeyModel.Action.SET_NULL ? ".onDeleteSetNull(" : ".onDeleteSetDefault(")
            + fields(fk.onDeleteColumns(), "foreign key " + fk.name()) + ")");
      } else if (fk.onDelete() != ForeignKeyModel.Action.NO_ACTION) {
        calls.add(".onDelete(" + action + "." + fk.onDelete() + ")");
      }
      if (fk.onUpdate() != ForeignKeyModel.Action.NO_ACTION) calls.add(".onUpdate(" + action + "." + fk.onUpdate() + ")");
      if (fk.match() == ForeignKeyModel.Match.FULL) calls.add(".matchFull()");
      if (fk.deferrable()) calls.add(".deferrable(" + fk.initiallyDeferred() + ")");
      if (fk.notValid()) calls.add(".notValid()");
      return calls;
    }

    private String references(ForeignKeyModel fk) {
      TableInfo target = target(fk);
      String ref = "() -> " + target.className() + "." + target.constant() + "." + target.fields().get(fk.refColumns().get(0));
      boolean defaultName = fk.name().equals(dev.sluice.schema.Names.of(t.name(), fk.columns(), "fkey"));
      List<String> opts = fkOptions(fk, !defaultName);
      if (opts.isEmpty()) return ".references(" + ref + ")";
      if (opts.size() == 1 && opts.get(0).startsWith(".onDelete(")) {
        return ".references(" + ref + ", " + opts.get(0).substring(".onDelete(".length(), opts.get(0).length() - 1) + ")";
      }
      return ".references(" + ref + ", fk -> fk" + String.join("", opts) + ")";
    }

    private List<String> constraints() {
      List<String> out = new ArrayList<>();
      var pk = t.primaryKey();
      if (pk != null && pkInline == null) {
        boolean dflt = pk.name().equals(dev.sluice.schema.Names.fit(t.name(), "pkey")) && !pk.columns().isEmpty();
        out.add("primaryKey(" + (dflt ? "" : string(pk.name()) + (pk.columns().isEmpty() ? "" : ", "))
            + fields(pk.columns(), "primary key") + ")");
      }
      for (UniqueModel u : t.uniques()) {
        if (u.columns().size() == 1 && inlineUnique.get(u.columns().get(0)) == u) continue;
        String cols = fields(u.columns(), "unique constraint " + u.name());
        if (u.deferrable()) {
          out.add("deferrableUnique(" + string(u.name()) + ", " + u.nullsNotDistinct() + ", " + u.initiallyDeferred()
              + (cols.isEmpty() ? "" : ", " + cols) + ")");
        } else if (u.name().equals(dev.sluice.schema.Names.of(t.name(), u.columns(), "key")) && !u.nullsNotDistinct()
            && !cols.isEmpty()) {
          out.add("unique(" + cols + ")");
        } else {
          out.add("unique(" + string(u.name()) + ", " + u.nullsNotDistinct() + (cols.isEmpty() ? "" : ", " + cols) + ")");
        }
      }
      for (ForeignKeyModel fk : t.foreignKeys()) {
        if (fk.columns().size() == 1 && inlineFk.get(fk.columns().get(0)) == fk) continue;
        TableInfo target = target(fk);
        List<String> refs = new ArrayList<>();
        for (String rc : fk.refColumns()) refs.add(target.className() + "." + target.constant() + "." + target.fields().get(rc));
        String list = im.use("java.util.List");
        boolean defaultName = fk.name().equals(dev.sluice.schema.Names.of(t.name(), fk.columns(), "fkey"));
        out.add(chain("foreignKey(" + list + ".of(" + fields(fk.columns(), "foreign key " + fk.name()) + "), () -> "
            + list + ".of(" + String.join(", ", refs) + "))", fkOptions(fk, !defaultName), "    "));
      }
      for (CheckModel c : t.checks()) {
        out.add("check(" + string(c.name()) + ", " + string(c.expression()) + (c.notValid() ? ", true" : "") + ")");
      }
      for (ExclusionModel x : t.exclusions()) {
        List<String> calls = new ArrayList<>();
        if (!x.method().equals("gist")) calls.add(".using(" + string(x.method()) + ")");
        for (ExclusionModel.Element e : x.elements()) {
          String f = info.fields().get(e.expression());
          if (f != null && e.opclass() == null) calls.add(".with(" + f + ", " + string(e.operator()) + ")");
          else calls.add(".element(" + string(e.expression()) + ", " + string(e.opclass()) + ", " + string(e.operator()) + ")");
        }
        if (x.where() != null) calls.add(".where(" + string(x.where()) + ")");
        if (x.deferrable()) calls.add(".deferrable(" + x.initiallyDeferred() + ")");
        out.add(chain("exclude(" + string(x.name()) + ")", calls, "    "));
      }
      for (IndexModel i : t.indexes()) out.add(index(i));
      if (t.rlsEnabled() && t.rlsForced()) out.add("forceRowLevelSecurity()");
      else if (t.rlsEnabled()) out.add("enableRowLevelSecurity()");
      else if (t.rlsForced()) out.add("rowLevelSecurity(false, true)");
      for (PolicyModel p : t.policies()) {
        List<String> calls = new ArrayList<>();
        if (p.command() != PolicyModel.Command.ALL) {
          calls.add(".forCommand(" + im.use("dev.sluice.schema.model.PolicyModel.Command") + "." + p.command() + ")");
        }
        if (!p.permissive()) calls.add(".restrictive()");
        if (!p.roles().isEmpty()) calls.add(".to(" + literals(p.roles()) + ")");
        if (p.using() != null) calls.add(".using(" + string(p.using()) + ")");
        if (p.withCheck() != null) calls.add(".withCheck(" + string(p.withCheck()) + ")");
        if (p.comment() != null) calls.add(".comment(" + string(p.comment()) + ")");
        out.add(chain("policy(" + string(p.name()) + ")", calls, "    "));
      }
      PartitioningModel pm = t.partitioning();
      if (pm != null) {
        String strategy = im.use("dev.sluice.schema.model.PartitioningModel.Strategy");
        out.add("partitionBy(" + strategy + "." + pm.strategy() + ", "
            + (pm.keys().isEmpty() ? "new String[0]" : literals(pm.keys())) + ")");
        for (PartitionModel p : pm.partitions()) {
          out.add(chain("partition(" + string(p.name()) + ", " + string(p.bound())
              + (p.subPartitioning() == null ? "" : ", " + partitioningLiteral(p.subPartitioning())) + ")",
              PartitionSource.ownCalls(p, im), "    "));
        }
      }
      for (dev.sluice.schema.model.ParentTable p : t.inherits()) {
        TableInfo parent = tables.get(key(p.schema(), p.name()));
        if (parent == null) {
          throw new IllegalArgumentException("table " + t.schema() + "." + t.name() + " inherits table " + p.key()
              + ", which the model does not hold");
        }
        out.add("inherits(() -> " + parent.className() + "." + parent.constant() + ")");
      }
      for (dev.sluice.schema.model.InheritedColumnModel c : t.inheritedColumns()) {
        out.add("inheritedColumn(" + string(c.name()) + ")" + (c.defaultExpr() != null ? ".defaultSql(" + string(c.defaultExpr()) + ")" : "")
            + (c.dropDefault() ? ".noDefault()" : "") + (c.notNull() ? ".notNull()" : ""));
      }
      out.addAll(TableOptionsSource.calls(t.options(), im));
      if (t.primaryKey() != null && t.primaryKey().comment() != null) {
        out.add("constraintComment(" + string(t.primaryKey().name()) + ", " + string(t.primaryKey().comment()) + ")");
      }
      for (UniqueModel u : t.uniques()) if (u.comment() != null) out.add("constraintComment(" + string(u.name()) + ", " + string(u.comment()) + ")");
      for (CheckModel c : t.checks()) if (c.comment() != null) out.add("constraintComment(" + string(c.name()) + ", " + string(c.comment()) + ")");
      for (ForeignKeyModel f : t.foreignKeys()) {
        if (f.comment() != null) out.add("constraintComment(" + string(f.name()) + ", " + string(f.comment()) + ")");
      }
      for (ExclusionModel x : t.exclusions()) {
        if (x.comment() != null) out.add("constraintComment(" + string(x.name()) + ", " + string(x.comment()) + ")");
      }
      if (t.comment() != null) out.add("comment(" + string(t.comment()) + ")");
      if (isExternal(t)) out.add("external()");
      return out;
    }

    private String partitioningLiteral(PartitioningModel pm) {
      String list = im.use("java.util.List");
      List<String> parts = new ArrayList<>();
      for (PartitionModel p : pm.partitions()) {
        parts.add("new " + im.use("dev.sluice.schema.model.PartitioningModel.PartitionModel") + "(" + string(p.name())
            + ", " + string(p.bound()) + ", "
            + (p.subPartitioning() == null ? "null" : partitioningLiteral(p.subPartitioning()))
            + PartitionSource.ownArguments(p, im) + ")");
      }
      return "new " + im.use("dev.sluice.schema.model.PartitioningModel") + "("
          + im.use("dev.sluice.schema.model.PartitioningModel.Strategy") + "." + pm.strategy() + ", " + list + ".of("
          + literals(pm.keys()) + "), " + list + ".of(" + String.join(", ", parts) + "))";
    }

    private String index(IndexModel i) {
      List<String> keyNames = i.elements().stream().map(e -> e.isExpression() ? "expr" : e.expression()).toList();
      boolean defaultName = i.name().equals(dev.sluice.schema.Names.of(t.name(), keyNames, i.unique() ? "key" : "idx"));
      List<String> calls = new ArrayList<>();
      if (i.unique()) calls.add(".unique()");
      if (!i.method().equals("btree")) calls.add(".using(" + string(i.method()) + ")");
      boolean plain = i.elements().stream().allMatch(e -> e.equals(IndexElement.column(e.expression()))
          && info.fields().containsKey(e.expression()));
      if (plain) {
        calls.add(".on(" + fields(i.elements().stream().map(IndexElement::expression).toList(), "index") + ")");
      } else {
        String index = im.use("dev.sluice.schema.Index");
        List<String> keys = new ArrayList<>();
        for (IndexElement e : i.elements()) {
          String f = e.isExpression() ? null : info.fields().get(e.expression());
          String k;
          if (e.isExpression()) k = index + ".expression(" + string(e.expression()) + ")";
          else if (f != null) k = index + ".key(" + f + ")";
          else {
            keys.add("new " + index + ".Key(" + string(e.expression()) + ", false, " + string(e.collation()) + ", "
                + string(e.opclass()) + ", " + e.descending() + ", " + e.nullsFirst() + ")");
            continue;
          }
          if (e.collation() != null) k += ".collate(" + string(e.collation()) + ")";
          if (e.opclass() != null) k += ".opclass(" + string(e.opclass()) + ")";
          if (e.descending()) k += ".desc()";
          if (e.nullsFirst() != null) k += e.nullsFirst() ? ".nullsFirst()" : ".nullsLast()";
          keys.add(k);
        }
        calls.add(".on(" + String.join(", ", keys) + ")");
      }
      if (!i.include().isEmpty()) calls.add(".include(" + fields(i.include(), "index " + i.name()) + ")");
      if (i.nullsNotDistinct()) calls.add(".nullsNotDistinct()");
      if (i.where() != null) calls.add(".where(" + string(i.where()) + ")");
      i.with().forEach((k, v) -> calls.add(".with(" + string(k) + ", " + string(v) + ")"));
      if (i.concurrently()) calls.add(".concurrently()");
      if (i.comment() != null) calls.add(".comment(" + string(i.comment()) + ")");
      return chain(defaultName ? "index()" : "index(" + string(i.name()) + ")", calls, "    ");
    }
  }
}
