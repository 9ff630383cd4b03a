package dev.sluice.query;

import dev.sluice.types.DataType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps result columns to a record's components by name. The plan (which column feeds which
 * component, and the constructor handle) is computed and validated once per record type and column
 * shape, then cached; per row it reads each column with its codec and invokes the constructor.
 */
final class RecordMapping {
  private RecordMapping() {}

  private record Key(Class<?> type, List<String> labels, List<Class<?>> javaTypes) {}

  private static final Map<Key, RowReader<?>> CACHE = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  static <R> RowReader<R> of(Class<R> type, List<Field<?>> fields) {
    Key key = new Key(type, fields.stream().map(Field::name).toList(),
        fields.stream().<Class<?>>map(f -> f.dataType().javaType()).toList());
    return (RowReader<R>) CACHE.computeIfAbsent(key, k -> plan(type, fields));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static RowReader<?> plan(Class<?> type, List<Field<?>> fields) {
    String[] names;
    Class<?>[] types;
    Constructor<?> ctor;
    try {
      if (type.isRecord()) {
        RecordComponent[] rc = type.getRecordComponents();
        names = new String[rc.length];
        types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
          names[i] = rc[i].getName();
          types[i] = rc[i].getType();
        }
        ctor = type.getDeclaredConstructor(types);
      } else {
        Constructor<?>[] cs = type.getDeclaredConstructors();
        if (cs.length != 1) {
          throw new IllegalArgumentException(type.getName() + " is not a record and has " + cs.length
              + " constructors; fetchInto needs a record or a class with exactly one constructor");
        }
        ctor = cs[0];
        Parameter[] ps = ctor.getParameters();
        names = new String[ps.length];
        types = new Class<?>[ps.length];
        for (int i = 0; i < ps.length; i++) {
          if (!ps[i].isNamePresent()) {
            throw new IllegalArgumentException(type.getName() + ": constructor parameter names are not available; "
                + "use a record or compile with -parameters");
          }
          names[i] = ps[i].getName();
          types[i] = ps[i].getType();
        }
      }
      ctor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    int[] columnOf = new int[names.length];
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      columnOf[i] = find(names[i], fields);
      if (columnOf[i] < 0) {
        problems.add("component '" + names[i] + "' has no matching column");
        continue;
      }
      Class<?> columnType = fields.get(columnOf[i]).dataType().javaType();
      if (!MethodType.methodType(types[i]).wrap().returnType().isAssignableFrom(columnType)) {
        problems.add("component '" + names[i] + "' is " + types[i].getSimpleName() + " but column '"
            + fields.get(columnOf[i]).name() + "' is " + columnType.getSimpleName());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cannot map query result into " + type.getName() + ": "
          + String.join("; ", problems) + " (columns: " + fields.stream().map(Field::name).toList() + ")");
    }
    MethodHandle mh;
    try {
      mh = MethodHandles.lookup().unreflectConstructor(ctor)
          .asType(MethodType.methodType(Object.class, ctor.getParameterTypes()).generic())
          .asSpreader(Object[].class, names.length);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot access constructor of " + type.getName(), e);
    }
    DataType[] dataTypes = fields.stream().map(Field::dataType).toArray(DataType[]::new);
    boolean[] primitive = new boolean[names.length];
    for (int i = 0; i < names.length; i++) primitive[i] = types[i].isPrimitive();
    String typeName = type.getName();
    return rs -> {
      Object[] args = new Object[columnOf.length];
      for (int i = 0; i < columnOf.length; i++) {
        int c = columnOf[i];
        Object v = dataTypes[c].read(rs, c + 1);
        if (v == null && primitive[i]) {
          throw new NullPointerException("column '" + fields.get(c).name() + "' is NULL but component '" + names[i]
              + "' of " + typeName + " is primitive " + types[i]);
        }
        args[i] = v;
      }
      try {
        return (Object) mh.invokeExact(args); // exact: (Object[])Object, no per-call type adaptation
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    };
  }

  private static int find(String component, List<Field<?>> fields) {
    for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(component)) return i;
    String lower = component.toLowerCase(Locale.ROOT);
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().replace("_", "").toLowerCase(Locale.ROOT).equals(lower)) return i;
    }
    return -1;
  }
}
