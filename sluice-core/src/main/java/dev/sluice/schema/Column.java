package dev.sluice.schema;

import dev.sluice.query.Field;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.sql.Identifiers;
import dev.sluice.sql.Literals;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A column of a {@link Table}: declared once as a typed field of the table class, it is both the
 * schema definition (type, nullability, default, constraints) and a typed {@link Field} for queries.
 *
 * <p>The modifier methods ({@link #notNull()}, {@link #primaryKey()}, {@link #defaultNow()}...) are
 * meant for the field initializer and return {@code this}; once the table's model has been built the
 * column is frozen and further modification fails.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements Field<T> {
  private final Table<?> table;
  private final String name;
  private final DataType<T> type;

  // definition state (written during table construction only)
  private boolean notNull;
  private boolean primaryKey;
  private String defaultSql;
  private Supplier<? extends T> defaultFn;
  private Supplier<? extends T> onUpdateFn;
  private IdentityModel identity;
  private String generatedSql;
  private String collation;
  private String comment;
  private UniqueSpec unique;
  private ReferenceSpec reference;
  private String checkSql;
  private String checkName;
  private String renamedFrom;

  Column(Table<?> table, String name, DataType<T> type) {
    Identifiers.check(name);
    this.table = table;
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A copy of this column's definition owned by {@code other} (table aliases share definitions). */
  Column<T> copyFor(Table<?> other) {
    Column<T> c = new Column<>(other, name, type);
    copyDefinition(this, c);
    return c;
  }

  private static <A, B> void copyDefinition(Column<A> from, Column<B> to) {
    to.notNull = from.notNull;
    to.primaryKey = from.primaryKey;
    to.defaultSql = from.defaultSql;
    to.identity = from.identity;
    to.generatedSql = from.generatedSql;
    to.collation = from.collation;
    to.comment = from.comment;
    to.unique = from.unique;
    to.reference = from.reference;
    to.checkSql = from.checkSql;
    to.checkName = from.checkName;
    to.renamedFrom = from.renamedFrom;
  }

  /** The column's name in the database. */
  @Override
  public String name() {
    return name;
  }

  /** The table this column belongs to (an alias of a table has its own column objects). */
  public Table<?> table() {
    return table;
  }

  @Override
  public DataType<T> dataType() {
    return type;
  }

  /** Renders {@code table.column} (or {@code alias.column}); bare where the context says so (DDL, ON CONFLICT). */
  @Override
  public void renderTo(RenderContext ctx) {
    if (ctx.qualify()) {
      String q = qualifiedSql;
      if (q == null) qualifiedSql = q = table.referenceSql() + "." + Identifiers.quote(name);
      ctx.sql(q);
    } else {
      String n = quotedName;
      if (n == null) quotedName = n = Identifiers.quote(name);
      ctx.sql(n);
    }
  }

  /** Rendering caches, filled on first use (a column's table, alias and name never change). */
  private String qualifiedSql;
  private String quotedName;

  // --- modifiers ----------------------------------------------------------------------------------

  private void modifying() {
    table.checkModifiable(this);
  }

  /** {@code NOT NULL}. */
  public Column<T> notNull() {
    modifying();
    notNull = true;
    return this;
  }

  /** A single-column primary key (implies NOT NULL). Use {@link Table#primaryKey} for composite keys. */
  public Column<T> primaryKey() {
    modifying();
    primaryKey = true;
    notNull = true;
    return this;
  }

  /** {@code UNIQUE}, named {@code <table>_<column>_key}. */
  public Column<T> unique() {
    modifying();
    unique = new UniqueSpec(null, false);
    return this;
  }

  /** {@code UNIQUE} with a given constraint name, optionally {@code NULLS NOT DISTINCT}. */
  public Column<T> unique(String constraintName, boolean nullsNotDistinct) {
    modifying();
    unique = new UniqueSpec(constraintName, nullsNotDistinct);
    return this;
  }

  /** {@code DEFAULT value}, the value rendered as a typed SQL literal. */
  public Column<T> defaultValue(T value) {
    modifying();
    defaultSql = value == null ? "NULL" : Literals.literal(type, value);
    return this;
  }

  /** {@code DEFAULT expression} from SQL text written by the schema's author (not user input). */
  public Column<T> defaultSql(String expression) {
    modifying();
    defaultSql = Objects.requireNonNull(expression, "expression");
    return this;
  }

  /** {@code DEFAULT expression} from a DSL expression (values inlined as literals). */
  public Column<T> defaultSql(QueryPart expression) {
    return defaultSql(inlineUnqualified(expression));
  }

  /** {@code DEFAULT gen_random_uuid()} (for uuid columns). */
  public Column<T> defaultRandom() {
    return defaultSql("gen_random_uuid()");
  }

  /** {@code DEFAULT now()} (for timestamp columns). */
  public Column<T> defaultNow() {
    return defaultSql("now()");
  }

  /**
   * An application-side default: when an insert does not set this column, Sluice calls {@code fn}
   * and binds its value. Not part of the database schema.
   */
  public Column<T> defaultFn(Supplier<? extends T> fn) {
    modifying();
    defaultFn = Objects.requireNonNull(fn, "fn");
    return this;
  }

  /**
   * An application-side value set on every update that does not set this column itself (for example
   * {@code updated_at}). Not part of the database schema.
   */
  public Column<T> onUpdate(Supplier<? extends T> fn) {
    modifying();
    onUpdateFn = Objects.requireNonNull(fn, "fn");
    return this;
  }

  /** {@code GENERATED ALWAYS AS IDENTITY} (implies NOT NULL). */
  public Column<T> generatedAlwaysAsIdentity() {
    return identity(IdentityModel.Kind.ALWAYS, SequenceOptions.DEFAULTS);
  }

  /** {@code GENERATED BY DEFAULT AS IDENTITY} (implies NOT NULL). */
  public Column<T> generatedByDefaultAsIdentity() {
    return identity(IdentityModel.Kind.BY_DEFAULT, SequenceOptions.DEFAULTS);
  }

  /** An identity column with sequence options (start, increment, min, max, cache, cycle). */
  public Column<T> identity(IdentityModel.Kind kind, SequenceOptions options) {
    modifying();
    identity = new IdentityModel(kind, options);
    notNull = true;
    return this;
  }

  /** {@code GENERATED ALWAYS AS (expression) STORED}, the expression as SQL text. */
  public Column<T> generatedAlwaysAs(String expression) {
    modifying();
    generatedSql = Objects.requireNonNull(expression, "expression");
    return this;
  }

  /** {@code GENERATED ALWAYS AS (expression) STORED} from a DSL expression over this table's columns. */
  public Column<T> generatedAlwaysAs(QueryPart expression) {
    return generatedAlwaysAs(inlineUnqualified(expression));
  }

  /** {@code COLLATE "name"}. */
  public Column<T> collate(String collationName) {
    modifying();
    collation = collationName;
    return this;
  }

  /** {@code COLLATE schema.name} of a declared {@link Collation}. */
  public Column<T> collate(Collation c) {
    return collate(c.reference());
  }

  /** {@code COMMENT ON COLUMN}. */
  public Column<T> comment(String text) {
    modifying();
    comment = text;
    return this;
  }

  /** A column-level {@code CHECK (expression)} named {@code <table>_<column>_check}. */
  public Column<T> check(String expression) {
    modifying();
    checkSql = expression;
    return this;
  }

  /** A column-level {@code CHECK} from a DSL condition. */
  public Column<T> check(QueryPart condition) {
    return check(inlineUnqualified(condition));
  }

  /**
   * {@code REFERENCES other(column)}. The target is a supplier so tables may reference each other
   * (and themselves) regardless of class initialization order.
   */
  public Column<T> references(Supplier<? extends Column<T>> target) {
    return references(target, fk -> {});
  }

  /** {@code REFERENCES other(column) ON DELETE action}. */
  public Column<T> references(Supplier<? extends Column<T>> target, Action onDelete) {
    return references(target, fk -> fk.onDelete(onDelete));
  }

  /** {@code REFERENCES} with full options (actions, deferrable, not valid, name). */
  public Column<T> references(Supplier<? extends Column<T>> target, Consumer<ForeignKey> options) {
    modifying();
    reference = new ReferenceSpec(target, options);
    return this;
  }

  /** This column as an array column ({@code type[]}), keeping the modifiers set so far. */
  public Column<T[]> array() {
    modifying();
    Column<T[]> c = new Column<>(table, name, type.array());
    copyDefinition(this, c);
    table.replaceColumn(this, c);
    return c;
  }

  // --- accessors for the runtime and the model builder -------------------------------------------

  /** The app-side default function, or null. */
  public Supplier<? extends T> defaultFn() {
    return defaultFn;
  }

  /** The app-side on-update function, or null. */
  public Supplier<? extends T> onUpdateFn() {
    return onUpdateFn;
  }

  /** True when NOT NULL. */
  public boolean notNullDeclared() {
    return notNull;
  }

  /** True when the database fills this column on insert (default, identity, serial or generated). */
  public boolean hasDatabaseDefault() {
    return defaultSql != null || identity != null || generatedSql != null || type.sqlName().endsWith("serial");
  }

  /** True for {@code GENERATED ALWAYS} columns (identity or expression), which inserts must not set. */
  public boolean isGeneratedAlways() {
    return generatedSql != null || (identity != null && identity.kind() == IdentityModel.Kind.ALWAYS);
  }

  boolean isPrimaryKey() {
    return primaryKey;
  }

  UniqueSpec uniqueSpec() {
    return unique;
  }

  ReferenceSpec referenceSpec() {
    return reference;
  }

  String checkSql() {
    return checkSql;
  }

  ColumnModel toModel() {
    return new ColumnModel(name, type.sqlName(), notNull, defaultSql, identity,
        generatedSql, collation, comment);
  }

  /**
   * Declares that this column used to be called {@code oldName}, so the differ renames it
   * ({@code ALTER TABLE ... RENAME COLUMN}) instead of dropping it and adding a new, empty one.
   * Keep the hint after the migration is generated: once applied it is skipped.
   */
  public Column<T> renamedFrom(String oldName) {
    modifying();
    Identifiers.check(oldName);
    renamedFrom = oldName;
    return this;
  }

  /** The old name declared by {@link #renamedFrom(String)}, or null. */
  public String renamedFromName() {
    return renamedFrom;
  }

  @Override
  public String toString() {
    return table.name() + "." + name;
  }

  static String inlineUnqualified(QueryPart part) {
    RenderContext ctx = new RenderContext(RenderContext.Mode.INLINE);
    ctx.qualify(false);
    part.renderTo(ctx);
    return ctx.sql();
  }

  record UniqueSpec(String name, boolean nullsNotDistinct) {}

  record ReferenceSpec(Supplier<? extends Column<?>> target, Consumer<ForeignKey> options) {}
}
