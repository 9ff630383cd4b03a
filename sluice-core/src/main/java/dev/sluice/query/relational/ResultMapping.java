package dev.sluice.query.relational;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.query.QueryExecutor;
import dev.sluice.sql.Rendered;
import dev.sluice.schema.Relation;
import dev.sluice.types.Codec;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps relational results into nested records. A plan per (record class, shape) says which slot
 * feeds each component and how to decode it; plans are built and validated once, then cached, so
 * per row there is no reflection: root values are read with their codecs, nested json is streamed
 * once (no tree) and each value decoded from its token, with {@code Codec.fromText} for anything
 * but the built-in integer, floating point and text types.
 */
final class ResultMapping {
  private ResultMapping() {}

  /** Reads json/jsonb values back to text with their numbers exact. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final JsonFactory FACTORY = JSON.getFactory();
  private static final byte[] NULL_JSON = {'n', 'u', 'l', 'l'};

  private record Key(Class<?> type, Shape shape, boolean nested) {}

  private static final Map<Key, Plan> CACHE = new ConcurrentHashMap<>();

  /** Decodes one component's value from the parser, positioned on the value's first token. */
  private interface Decoder {
    Object read(JsonParser p) throws IOException;
  }

  /** Reads a flat relation's record from its columns (the first is its key, null when nothing matched). */
  private interface FlatReader {
    Object read(ResultSet rs, int keyColumn) throws SQLException;
  }

  /** A validated mapping of one record class onto one shape. */
  private record Plan(Class<?> type, MethodHandle ctor, int[] slotOf, Decoder[] decoders, boolean[] rootJson,
      DataType<?>[] rootTypes, boolean[] primitive, String[] names, Decoder[] slotDecoders, Object[] nullValues,
      int[] columnOfSlot, FlatReader[] flat, int manyJoin, Plan manyPlan) {

    /** Reads one json array row (the parser is on its START_ARRAY) and constructs the record. */
    Object fromArray(JsonParser p) throws IOException {
      Object[] slots = new Object[slotDecoders.length];
      int s = 0;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) throw new IOException("truncated json array");
        if (s < slotDecoders.length && slotDecoders[s] != null) {
          slots[s] = slotDecoders[s].read(p);
        } else {
          p.skipChildren();
        }
        s++;
      }
      if (s != slotDecoders.length) {
        throw new IOException("a nested row of " + type.getSimpleName() + " has " + s + " values, expected "
            + slotDecoders.length);
      }
      Object[] args = new Object[slotOf.length];
      for (int i = 0; i < slotOf.length; i++) {
        args[i] = check(i, slots[slotOf[i]]);
      }
      return construct(args);
    }

    /** Reads the record from result columns; {@code base} is added to every column position. */
    Object fromRow(ResultSet rs, int base) throws SQLException {
      return construct(args(rs, base));
    }

    /** The constructor arguments from result columns (a join-fetched list is left null). */
    Object[] args(ResultSet rs, int base) throws SQLException {
      Object[] args = new Object[slotOf.length];
      for (int i = 0; i < slotOf.length; i++) {
        int column = base + columnOfSlot[slotOf[i]];
        Object v;
        if (i == manyJoin) {
          v = null; // filled with the elements of every row of this record
        } else if (flat[i] != null) {
          v = flat[i].read(rs, column);
        } else if (rootJson[i]) {
          // pgjdbc hands a text-format column's bytes over undecoded: json parses straight from UTF-8
          byte[] json = rs.getBytes(column);
          v = json == null ? nullValues[i] : parse(json, decoders[i]);
        } else {
          v = rootTypes[i].read(rs, column);
        }
        args[i] = check(i, v);
      }
      return args;
    }

    private Object check(int i, Object v) {
      if (v == null && primitive[i]) {
        throw new NullPointerException("relational result: value for component '" + names[i] + "' of "
            + type.getName() + " is NULL but the component is primitive");
      }
      return v;
    }

    private Object construct(Object[] args) {
      try {
        return (Object) ctor.invokeExact(args); // exact: (Object[])Object, no per-call type adaptation
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
  }

  /** Decodes a root column's json (UTF-8) with {@code decoder}. */
  private static Object parse(byte[] json, Decoder decoder) {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      return decoder.read(p);
    } catch (IOException e) {
      throw new IllegalStateException("relational result: invalid json from the database: " + e.getMessage(), e);
    }
  }

  /** Runs a rendered relational statement and maps its rows. */
  interface Mapping<R> {
    List<R> run(QueryExecutor executor, Rendered sql);
  }

  /**
   * The mapping of {@code type} onto a root shape, validated now. With a join-fetched many-relation
   * (non-empty {@code identity}: the root key's types, in the columns after the shape's) consecutive
   * rows with the same key are one root record, and each row with a many-level key adds an element.
   */
  @SuppressWarnings("unchecked")
  static <R> Mapping<R> mapping(Class<R> type, Shape shape, List<DataType<?>> identity) {
    Plan plan = plan(type, shape, false);
    if (plan.manyJoin() < 0) return (executor, sql) -> executor.query(sql, rs -> (R) plan.fromRow(rs, 0));
    int width = 0;
    for (Shape.Slot s : shape.slots()) width += s.width();
    int firstKey = width + 1;
    int manyKey = plan.columnOfSlot()[plan.slotOf()[plan.manyJoin()]];
    return (executor, sql) -> {
      List<Object[]> groups = new ArrayList<>();
      List<List<Object>> elements = new ArrayList<>();
      Object[] last = {null};
      executor.query(sql, rs -> {
        Object[] key = new Object[identity.size()];
        for (int k = 0; k < key.length; k++) key[k] = identity.get(k).read(rs, firstKey + k);
        if (!java.util.Arrays.equals(key, (Object[]) last[0])) {
          last[0] = key;
          groups.add(plan.args(rs, 0));
          elements.add(new ArrayList<>());
        }
        if (rs.getObject(manyKey) != null) elements.get(elements.size() - 1).add(plan.manyPlan().fromRow(rs, manyKey));
        return null;
      });
      List<R> out = new ArrayList<>(groups.size());
      for (int g = 0; g < groups.size(); g++) {
        Object[] args = groups.get(g);
        args[plan.manyJoin()] = java.util.Collections.unmodifiableList(elements.get(g));
        out.add((R) plan.construct(args));
      }
      return out;
    };
  }

  static Plan plan(Class<?> type, Shape shape, boolean nested) {
    Key key = new Key(type, shape, nested);
    Plan p = CACHE.get(key);
    if (p != null) return p;
    p = build(type, shape, nested);
    Plan raced = CACHE.putIfAbsent(key, p);
    return raced != null ? raced : p;
  }

  private static Plan build(Class<?> type, Shape shape, boolean nested) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException("cannot map relational result into " + type.getName()
          + ": relational queries map into records");
    }
    RecordComponent[] rc = type.getRecordComponents();
    int n = rc.length;
    int[] slotOf = new int[n];
    Decoder[] decoders = new Decoder[n];
    boolean[] rootJson = new boolean[n];
    DataType<?>[] rootTypes = new DataType<?>[n];
    boolean[] primitive = new boolean[n];
    String[] names = new String[n];
    Class<?>[] ctorTypes = new Class<?>[n];
    List<String> problems = new ArrayList<>();
    Decoder[] slotDecoders = new Decoder[shape.slots().size()];
    String[] slotOwner = new String[slotDecoders.length];
    FlatReader[] flat = new FlatReader[n];
    int manyJoin = -1;
    Plan manyPlan = null;
    int[] columnOfSlot = new int[slotDecoders.length];
    for (int s = 0, column = 1; s < columnOfSlot.length; s++) {
      columnOfSlot[s] = column;
      column += shape.slots().get(s).width();
    }
    for (int i = 0; i < n; i++) {
      names[i] = rc[i].getName();
      ctorTypes[i] = rc[i].getType();
      primitive[i] = rc[i].getType().isPrimitive();
      int s = shape.indexOf(names[i]);
      slotOf[i] = s;
      if (s < 0) {
        problems.add("component '" + names[i] + "' has no matching column, extra or relation");
        continue;
      }
      Shape.Slot slot = shape.slots().get(s);
      if (slotOwner[s] != null) {
        problems.add("components '" + slotOwner[s] + "' and '" + names[i] + "' both map to " + slot.name());
        continue;
      }
      slotOwner[s] = names[i];
      try {
        if (slot.flat() && slot.kind() == Relation.Kind.MANY) {
          manyJoin = i;
          manyPlan = manyJoinPlan(type, rc[i], slot);
        } else if (slot.flat()) {
          flat[i] = flatReader(type, rc[i], slot);
        } else if (slot.isRelation()) {
          rootJson[i] = true;
          decoders[i] = relationDecoder(type, rc[i], slot);
        } else {
          rootTypes[i] = slot.type();
          decoders[i] = valueDecoder(type, rc[i], slot);
          if (nested && !decodesText(slot.type())) {
            problems.add("component '" + names[i] + "': the codec of " + slot.name() + " (" + slot.type().sqlName()
                + ") cannot decode text (Codec.fromText), which nested values need");
          }
        }
        slotDecoders[s] = decoders[i];
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cannot map relational result into " + type.getName() + ": "
          + String.join("; ", problems) + " (level values: " + shape.slots().stream().map(Shape.Slot::describe).toList() + ")");
    }
    MethodHandle mh;
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(ctorTypes);
      ctor.setAccessible(true);
      mh = MethodHandles.lookup().unreflectConstructor(ctor)
          .asType(MethodType.methodType(Object.class, ctorTypes).generic())
          .asSpreader(Object[].class, n);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot access the canonical constructor of " + type.getName(), e);
    }
    Object[] nullValues = new Object[n];
    for (int i = 0; i < n; i++) if (rootJson[i]) nullValues[i] = parse(NULL_JSON, decoders[i]);
    return new Plan(type, mh, slotOf, decoders, rootJson, rootTypes, primitive, names, slotDecoders, nullValues,
        columnOfSlot, flat, manyJoin, manyPlan);
  }

  private static String where(Class<?> owner, RecordComponent c) {
    return "component '" + c.getName() + "' (" + c.getGenericType().getTypeName().replaceAll("[\\w.]+\\.", "") + ")";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Decoder valueDecoder(Class<?> owner, RecordComponent c, Shape.Slot slot) {
    Class<?> valueType = slot.type().javaType();
    if (!java.lang.invoke.MethodType.methodType(c.getType()).wrap().returnType().isAssignableFrom(valueType)) {
      throw new IllegalArgumentException(where(owner, c) + " cannot hold " + slot.name() + " of type "
          + valueType.getSimpleName());
    }
    Codec codec = slot.type().codec();
    String sqlName = slot.type().sqlName();
    boolean rawJson = sqlName.equals("json") || sqlName.equals("jsonb");
    if (rawJson) {
      // the value is json itself: hand the codec its text
      return p -> p.currentToken() == JsonToken.VALUE_NULL ? null : codec.fromText(JSON.readTree(p).toString());
    }
    if (valueType == java.time.OffsetDateTime.class) {
      // pgjdbc reads timestamptz in UTC; the text form carries the session time zone: normalise
      return p -> p.currentToken() == JsonToken.VALUE_NULL ? null
          : utc((java.time.OffsetDateTime) decodeText(owner, slot, codec, p.getText()));
    }
    // the built-in codecs' own parsers, straight from the token (the same values fromText gives)
    if (codec == PgTypes.INTEGER.codec()) {
      return p -> switch (p.currentToken()) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_INT -> p.getIntValue();
        default -> decodeText(owner, slot, codec, p.getText());
      };
    }
    if (codec == PgTypes.BIGINT.codec()) {
      return p -> switch (p.currentToken()) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_INT -> p.getLongValue();
        default -> decodeText(owner, slot, codec, p.getText());
      };
    }
    if (codec == PgTypes.DOUBLE.codec()) {
      return p -> switch (p.currentToken()) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> {
          double d = DecimalParsing.parseShortDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          yield Double.isNaN(d) ? Double.valueOf(p.getText()) : d;
        }
        default -> decodeText(owner, slot, codec, p.getText()); // "NaN", "Infinity", "-Infinity"
      };
    }
    if (codec == PgTypes.TEXT.codec()) {
      return p -> p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }
    return p -> p.currentToken() == JsonToken.VALUE_NULL ? null : decodeText(owner, slot, codec, p.getText());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object decodeText(Class<?> owner, Shape.Slot slot, Codec codec, String text) {
    try {
      return codec.fromText(text);
    } catch (RuntimeException e) {
      throw new IllegalStateException("relational result: cannot decode " + slot.name() + " (" + slot.type().sqlName()
          + ") of " + owner.getSimpleName() + " from its text form '" + text + "': " + e.getMessage(), e);
    }
  }

  private static Decoder relationDecoder(Class<?> owner, RecordComponent c, Shape.Slot slot) {
    Type generic = c.getGenericType();
    if (slot.kind() == Relation.Kind.MANY) {
      if (!(generic instanceof ParameterizedType p) || !(p.getRawType() instanceof Class<?> raw)
          || !raw.isAssignableFrom(List.class) || !Collection.class.isAssignableFrom(raw)) {
        throw new IllegalArgumentException(where(owner, c) + " must be a List<record> for many-relation " + slot.name());
      }
      Plan nested = nestedPlan(owner, c, recordArgument(owner, c, p, slot), slot);
      return parser -> {
        if (parser.currentToken() == JsonToken.VALUE_NULL) return List.of();
        expect(parser, JsonToken.START_ARRAY, slot);
        List<Object> out = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          expect(parser, JsonToken.START_ARRAY, slot);
          out.add(nested.fromArray(parser));
        }
        return java.util.Collections.unmodifiableList(out);
      };
    }
    if (generic instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      Plan nested = nestedPlan(owner, c, recordArgument(owner, c, p, slot), slot);
      return parser -> parser.currentToken() == JsonToken.VALUE_NULL ? Optional.empty()
          : Optional.of(nested.fromArray(expect(parser, JsonToken.START_ARRAY, slot)));
    }
    if (!c.getType().isRecord()) {
      throw new IllegalArgumentException(where(owner, c) + " must be a record or Optional<record> for one-relation "
          + slot.name());
    }
    Plan nested = nestedPlan(owner, c, c.getType(), slot);
    return parser -> parser.currentToken() == JsonToken.VALUE_NULL ? null
        : nested.fromArray(expect(parser, JsonToken.START_ARRAY, slot));
  }

  /** A flat one-relation: a record or Optional of one, read from the columns after its key. */
  private static FlatReader flatReader(Class<?> owner, RecordComponent c, Shape.Slot slot) {
    Type generic = c.getGenericType();
    if (generic instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      Plan nested = flatPlan(owner, c, recordArgument(owner, c, p, slot), slot);
      return (rs, key) -> rs.getObject(key) == null ? Optional.empty() : Optional.of(nested.fromRow(rs, key));
    }
    if (!c.getType().isRecord()) {
      throw new IllegalArgumentException(where(owner, c) + " must be a record or Optional<record> for one-relation "
          + slot.name());
    }
    Plan nested = flatPlan(owner, c, c.getType(), slot);
    return (rs, key) -> rs.getObject(key) == null ? null : nested.fromRow(rs, key);
  }

  /** A join-fetched many-relation: a List of records, each read from the columns after its key. */
  private static Plan manyJoinPlan(Class<?> owner, RecordComponent c, Shape.Slot slot) {
    Type generic = c.getGenericType();
    if (!(generic instanceof ParameterizedType p) || !(p.getRawType() instanceof Class<?> raw)
        || !raw.isAssignableFrom(List.class) || !Collection.class.isAssignableFrom(raw)) {
      throw new IllegalArgumentException(where(owner, c) + " must be a List<record> for many-relation " + slot.name());
    }
    return flatPlan(owner, c, recordArgument(owner, c, p, slot), slot);
  }

  private static Plan flatPlan(Class<?> owner, RecordComponent c, Class<?> element, Shape.Slot slot) {
    try {
      return plan(element, slot.nested(), false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where(owner, c) + " -> " + e.getMessage(), e);
    }
  }

  private static JsonParser expect(JsonParser p, JsonToken token, Shape.Slot slot) throws IOException {
    if (p.currentToken() != token) {
      throw new IOException("relation " + slot.name() + ": expected " + token + " but found " + p.currentToken());
    }
    return p;
  }

  private static Plan nestedPlan(Class<?> owner, RecordComponent c, Class<?> element, Shape.Slot slot) {
    try {
      return plan(element, slot.nested(), true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where(owner, c) + " -> " + e.getMessage(), e);
    }
  }

  private static boolean decodesText(DataType<?> type) {
    try {
      return type.codec().getClass().getMethod("fromText", String.class).getDeclaringClass() != Codec.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Class<?> recordArgument(Class<?> owner, RecordComponent c, ParameterizedType p, Shape.Slot slot) {
    Type arg = p.getActualTypeArguments()[0];
    if (arg instanceof Class<?> k && k.isRecord()) return k;
    throw new IllegalArgumentException(where(owner, c) + ": the element type for relation " + slot.name()
        + " must be a record");
  }

  private static java.time.OffsetDateTime utc(java.time.OffsetDateTime t) {
    if (t.equals(java.time.OffsetDateTime.MAX) || t.equals(java.time.OffsetDateTime.MIN)) return t;
    return t.withOffsetSameInstant(java.time.ZoneOffset.UTC);
  }
}
