package dev.sluice.schema;

import dev.sluice.schema.model.StatisticsModel;
import dev.sluice.schema.model.StatisticsModel.Kind;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Extended statistics on a table ({@code CREATE STATISTICS}), listed in {@link Schema#of(Object...)}:
 *
 * <pre>{@code
 * Statistics.on(ADDRESS, "city", "postal_code").kinds(Kind.DEPENDENCIES).named("address_city_zip");
 * Statistics.on(USERS).expression("lower(email)");
 * }</pre>
 *
 * The name defaults to {@code <table>_<columns>_stat} (PostgreSQL's own default) in the table's
 * schema; the kinds default to all of them (ndistinct, dependencies, mcv). Columns are kept in the
 * table's column order, as PostgreSQL stores them. A changed definition drops and creates the
 * statistics; a changed target is {@code ALTER STATISTICS ... SET STATISTICS}.
 */
public final class Statistics {
  private final String tableSchema;
  private final String table;
  private final List<String> columns = new ArrayList<>();
  private final List<String> expressions = new ArrayList<>();
  private final List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
  private String schema;
  private String name;
  private Integer target;
  private String comment;

  private Statistics(String tableSchema, String table, List<String> columns) {
    this.tableSchema = Objects.requireNonNull(tableSchema, "tableSchema");
    Identifiers.check(table);
    this.table = table;
    for (String c : columns) Identifiers.check(c);
    this.columns.addAll(columns);
    this.schema = tableSchema;
  }

  /** Statistics on columns of {@code t} (in the table's column order, whatever the order given here). */
  public static Statistics on(Table<?> t, String... columns) {
    if (t.alias() != null) throw new IllegalArgumentException("statistics on an alias (" + t + "): use the table itself");
    List<String> given = Arrays.asList(columns);
    for (String c : given) {
      if (t.columns().stream().noneMatch(x -> x.name().equals(c))) {
        throw new IllegalArgumentException("statistics on " + t.schema() + "." + t.name() + ": no column " + c);
      }
    }
    List<String> ordered = t.columns().stream().map(Column::name).filter(given::contains).distinct().toList();
    return new Statistics(t.schema(), t.name(), ordered);
  }

  /** Statistics on columns of {@code t}. */
  public static Statistics on(Table<?> t, Column<?>... columns) {
    return on(t, Arrays.stream(columns).map(Column::name).toArray(String[]::new));
  }

  /** Statistics on the table {@code schemaName.table} (one the schema does not model); columns in its column order. */
  public static Statistics on(String schemaName, String table, String... columns) {
    return new Statistics(schemaName, table, List.of(columns));
  }

  /** An expression to gather statistics on ({@code lower(email)}, {@code date_trunc('day', created_at)}). */
  public Statistics expression(String sql) {
    expressions.add(Objects.requireNonNull(sql, "sql"));
    return this;
  }

  /** The statistics kinds to build (instead of all of them). */
  public Statistics kinds(Kind... chosen) {
    if (chosen.length == 0) throw new IllegalArgumentException("statistics kinds: name at least one");
    kinds.clear();
    kinds.addAll(Arrays.asList(chosen));
    return this;
  }

  /** The name (in the table's schema). */
  public Statistics named(String statisticsName) {
    Identifiers.check(statisticsName);
    name = statisticsName;
    return this;
  }

  /** The name, in {@code namespace}'s schema. */
  public Statistics named(Namespace namespace, String statisticsName) {
    schema = namespace.schema();
    return named(statisticsName);
  }

  /** {@code ALTER STATISTICS ... SET STATISTICS n}: how much is sampled (0 disables it). */
  public Statistics target(int n) {
    target = n;
    return this;
  }

  /** {@code COMMENT ON STATISTICS}. */
  public Statistics comment(String text) {
    comment = text;
    return this;
  }

  /** The model of these statistics. */
  public StatisticsModel toModel() {
    if (columns.size() + expressions.size() == 0) {
      throw new SchemaDefinitionException("statistics on " + tableSchema + "." + table + " name no column or expression");
    }
    if (columns.size() + expressions.size() == 1 && !columns.isEmpty()) {
      throw new SchemaDefinitionException("statistics on " + tableSchema + "." + table + " need at least two columns or an expression");
    }
    String n = name;
    if (n == null) {
      List<String> parts = new ArrayList<>(List.of(table));
      parts.addAll(columns);
      if (!expressions.isEmpty()) parts.add("expr");
      n = String.join("_", parts) + "_stat";
      if (n.length() > 63) n = n.substring(0, 63);
    }
    boolean single = columns.isEmpty() && expressions.size() == 1;
    return new StatisticsModel(schema, n, tableSchema, table, single ? List.of() : kinds, columns, expressions, target, comment);
  }

  @Override
  public String toString() {
    return "statistics on " + tableSchema + "." + table;
  }
}
