package dev.sluice.schema;

import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A relation between two tables, declared as a field of the table class next to its columns, so
 * relational queries ({@code db.query(TEAMS).with(TEAMS.members)}) can nest related rows without
 * the caller spelling out joins:
 *
 * <pre>{@code
 * public final Relation<Members> members = many(() -> Members.MEMBERS, id, m -> m.teamId);
 * public final Relation<Users> author = one(() -> Users.USERS, authorId, u -> u.id);
 * public final Relation<Users> users = manyToMany(id, () -> Members.MEMBERS, m -> m.teamId, m -> m.userId,
 *     () -> Users.USERS, u -> u.id);
 * }</pre>
 *
 * <p>Targets are suppliers and key columns are functions of the target instance because tables
 * reference each other (and themselves) before their classes are initialised; nothing is resolved
 * until a query uses the relation. The functions also let a query apply the same relation to an
 * aliased copy of the target (self-references in {@code EXISTS} filters). The relation's name is
 * the name of the field it is stored in; several relations between the same two tables are simply
 * several fields. Keys are single columns.
 *
 * @param <R> the target table class
 */
public final class Relation<R extends Table<R>> {
  /** How many target rows one source row has. */
  public enum Kind {
    /** At most one (nullable: the key may be null or point nowhere). */
    ONE,
    /** Zero or more. */
    MANY
  }

  private final Table<?> source;
  private final Kind kind;
  private final Supplier<? extends Column<?>> sourceKey;
  private final Supplier<R> target;
  private final Function<? super R, ? extends Column<?>> targetKey;
  private final Supplier<? extends Table<?>> junction;
  private final Function<Table<?>, ? extends Column<?>> junctionSourceKey;
  private final Function<Table<?>, ? extends Column<?>> junctionTargetKey;
  private volatile String name;

  Relation(Table<?> source, Kind kind, Supplier<? extends Column<?>> sourceKey, Supplier<R> target,
      Function<? super R, ? extends Column<?>> targetKey, Supplier<? extends Table<?>> junction,
      Function<Table<?>, ? extends Column<?>> junctionSourceKey, Function<Table<?>, ? extends Column<?>> junctionTargetKey) {
    this.source = source;
    this.kind = kind;
    this.sourceKey = sourceKey;
    this.target = target;
    this.targetKey = targetKey;
    this.junction = junction;
    this.junctionSourceKey = junctionSourceKey;
    this.junctionTargetKey = junctionTargetKey;
  }

  /** ONE or MANY. */
  public Kind kind() {
    return kind;
  }

  /** The table that declares the relation. */
  public Table<?> source() {
    return source;
  }

  /** The key column on the source table (its FK for a one-relation, usually its PK otherwise). */
  public Column<?> sourceKey() {
    return Objects.requireNonNull(sourceKey.get(), () -> "relation " + this + ": source key is null");
  }

  /** The target table, resolved now. */
  public R target() {
    return Objects.requireNonNull(target.get(), () -> "relation " + this + ": target table is null; its class is "
        + "still initialising. Reference the target through its static field inside the supplier");
  }

  /** The column of {@code targetInstance} (the target or an alias of it) the source key (or junction) matches. */
  public Column<?> targetKey(R targetInstance) {
    return Objects.requireNonNull(targetKey.apply(targetInstance), () -> "relation " + this + ": target key is null");
  }

  /** True for many-to-many relations through a junction table. */
  public boolean isThrough() {
    return junction != null;
  }

  /** The junction table of a many-to-many relation, or null. */
  public Table<?> junction() {
    return junction == null ? null : Objects.requireNonNull(junction.get(), () -> "relation " + this + ": junction table is null");
  }

  /** The junction column matching the source key, on {@code junctionInstance} (the junction or an alias). */
  public Column<?> junctionSourceKey(Table<?> junctionInstance) {
    return junctionSourceKey.apply(junctionInstance);
  }

  /** The junction column matching the target key, on {@code junctionInstance}. */
  public Column<?> junctionTargetKey(Table<?> junctionInstance) {
    return junctionTargetKey.apply(junctionInstance);
  }

  /** The name of the field holding this relation in its table class (the key records map it by). */
  public String name() {
    String n = name;
    if (n == null) {
      n = findName();
      name = n;
    }
    return n;
  }

  private String findName() {
    for (Class<?> c = source.getClass(); c != null && c != Table.class; c = c.getSuperclass()) {
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType() != Relation.class) continue;
        try {
          f.setAccessible(true);
          if (f.get(source) == this) return f.getName();
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalStateException("cannot read relation field " + f, e);
        }
      }
    }
    throw new IllegalStateException("a relation of table " + source.name() + " is not stored in a field of "
        + source.getClass().getName() + "; declare relations as instance fields");
  }

  @Override
  public String toString() {
    return source.name() + "." + (name == null ? "<relation>" : name);
  }
}
