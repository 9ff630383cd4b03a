package dev.sluice.types;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.function.Function;
import org.postgresql.util.PGInterval;

/** The codecs that need more than pgjdbc's native mapping. */
final class Codecs {
  private Codecs() {}

  private static final DateTimeFormatter TS = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();
  /** Parses PostgreSQL's offsets: {@code +05}, {@code +05:30}, {@code +05:30:15}. */
  private static final DateTimeFormatter TSTZ = new DateTimeFormatterBuilder()
      .append(TS).appendPattern("[XXXXX][XXX][X]").toFormatter();
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();
  private static final DateTimeFormatter TIMETZ_FMT = new DateTimeFormatterBuilder()
      .append(TIME).appendPattern("[XXXXX][XXX][X]").toFormatter();
  // Formatting must not use the optional offset sections above: when formatting, every optional
  // section whose fields are available is printed, which wrote the offset three times ("+05:30+05:30+05").
  private static final DateTimeFormatter TSTZ_OUT = new DateTimeFormatterBuilder()
      .append(TS).appendOffset("+HH:MM:ss", "+00:00").toFormatter();
  private static final DateTimeFormatter TIMETZ_OUT = new DateTimeFormatterBuilder()
      .append(TIME).appendOffset("+HH:MM:ss", "+00:00").toFormatter();

  // 'infinity' and '-infinity' map to MAX and MIN, as pgjdbc does for values read and bound directly

  static LocalDateTime parseTimestamp(String s) {
    if (s.equals("infinity")) return LocalDateTime.MAX;
    if (s.equals("-infinity")) return LocalDateTime.MIN;
    return LocalDateTime.parse(s.replace('T', ' '), TS);
  }

  static String formatTimestamp(LocalDateTime t) {
    if (t.equals(LocalDateTime.MAX)) return "infinity";
    if (t.equals(LocalDateTime.MIN)) return "-infinity";
    return t.format(TS);
  }

  static OffsetDateTime parseTimestamptz(String s) {
    if (s.equals("infinity")) return OffsetDateTime.MAX;
    if (s.equals("-infinity")) return OffsetDateTime.MIN;
    return OffsetDateTime.parse(s.replace('T', ' '), TSTZ);
  }

  static String formatTimestamptz(OffsetDateTime t) {
    if (t.equals(OffsetDateTime.MAX)) return "infinity";
    if (t.equals(OffsetDateTime.MIN)) return "-infinity";
    return t.format(TSTZ_OUT);
  }

  static LocalDate parseDate(String s) {
    if (s.equals("infinity")) return LocalDate.MAX;
    if (s.equals("-infinity")) return LocalDate.MIN;
    return LocalDate.parse(s);
  }

  static String formatDate(LocalDate d) {
    if (d.equals(LocalDate.MAX)) return "infinity";
    if (d.equals(LocalDate.MIN)) return "-infinity";
    return d.toString();
  }

  /** Text bound as varchar but cast to {@code bpchar} (see {@link PgTypes#character}). */
  static final Codec<String> BPCHAR = new Codec<>() {
    private final Codec<String> text = new JdbcCodec<>(String.class, Types.VARCHAR, s -> s);

    @Override
    public void bind(PreparedStatement ps, int index, String value) throws SQLException {
      text.bind(ps, index, value);
    }

    @Override
    public String read(ResultSet rs, int index) throws SQLException {
      return rs.getString(index);
    }

    @Override
    public String fromText(String s) {
      return s;
    }

    @Override
    public String toText(String value) {
      return value;
    }

    @Override
    public boolean needsCast() {
      return true;
    }
  };

  static Boolean parseBoolean(String s) {
    switch (s) {
      case "t": case "true": return Boolean.TRUE;
      case "f": case "false": return Boolean.FALSE;
      default: throw new IllegalArgumentException("not a boolean: " + s);
    }
  }

  static final Codec<BigDecimal> MONEY = new TextCodec<>(Codecs::parseMoney, BigDecimal::toPlainString);

  /** Money output depends on lc_monetary ("$1,234.50", "-$3.00"); keep digits, sign and the point. */
  static BigDecimal parseMoney(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean negative = s.startsWith("-") || s.startsWith("(");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '.') b.append(c);
    }
    BigDecimal v = new BigDecimal(b.toString());
    return negative ? v.negate() : v;
  }

  static final Codec<byte[]> BYTEA = new Codec<>() {
    @Override
    public void bind(PreparedStatement ps, int index, byte[] value) throws SQLException {
      if (value == null) ps.setNull(index, Types.BINARY); else ps.setBytes(index, value);
    }

    @Override
    public byte[] read(ResultSet rs, int index) throws SQLException {
      return rs.getBytes(index);
    }

    @Override
    public byte[] fromText(String text) {
      if (text == null) return null;
      if (!text.startsWith("\\x")) throw new IllegalArgumentException("bytea text must be hex (\\x...): " + text);
      return HexFormat.of().parseHex(text.substring(2));
    }

    @Override
    public String toText(byte[] value) {
      return "\\x" + HexFormat.of().formatHex(value);
    }
  };

  static final Codec<OffsetTime> TIMETZ = new TextCodec<>(s -> OffsetTime.parse(s, TIMETZ_FMT), t -> t.format(TIMETZ_OUT));

  static final Codec<Interval> INTERVAL = new TextCodec<>(Codecs::parseInterval, Interval::toString);

  static Interval parseInterval(String s) {
    try {
      PGInterval pg = new PGInterval(s);
      int months = pg.getYears() * 12 + pg.getMonths();
      long micros = ((long) pg.getHours() * 3600L + pg.getMinutes() * 60L) * 1_000_000L
          + Math.round(pg.getSeconds() * 1_000_000d);
      return new Interval(months, pg.getDays(), micros);
    } catch (SQLException e) {
      throw new IllegalArgumentException("not an interval: " + s, e);
    }
  }

  static final Codec<Point> POINT = new TextCodec<>(Codecs::parsePoint, Point::toString);

  static Point parsePoint(String s) {
    String body = s.trim();
    if (body.startsWith("(")) body = body.substring(1, body.length() - 1);
    int comma = body.indexOf(',');
    return new Point(Double.parseDouble(body.substring(0, comma).trim()), Double.parseDouble(body.substring(comma + 1).trim()));
  }

  static final Codec<float[]> VECTOR = new TextCodec<>(Codecs::parseVector, Codecs::formatVector);

  static float[] parseVector(String s) {
    String body = s.trim();
    body = body.substring(1, body.length() - 1).trim();
    if (body.isEmpty()) return new float[0];
    String[] parts = body.split(",");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) out[i] = Float.parseFloat(parts[i].trim());
    return out;
  }

  static String formatVector(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 8).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) b.append(',');
      b.append(v[i]);
    }
    return b.append(']').toString();
  }

  static <T> DataType<Range<T>> range(String name, Function<String, T> parse, Function<T, String> format) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Range<T>> cls = (Class) Range.class;
    return new DataType<>(name, cls, new TextCodec<>(s -> parseRange(s, parse), r -> formatRange(r, format)));
  }

  static <T> Range<T> parseRange(String s, Function<String, T> parse) {
    String t = s.trim();
    if (t.equals("empty")) return Range.emptyRange();
    boolean li = t.charAt(0) == '[';
    boolean ui = t.charAt(t.length() - 1) == ']';
    String body = t.substring(1, t.length() - 1);
    int comma = splitComma(body);
    String lo = unquote(body.substring(0, comma));
    String hi = unquote(body.substring(comma + 1));
    return new Range<>(lo == null ? null : parse.apply(lo), hi == null ? null : parse.apply(hi), li, ui, false);
  }

  private static int splitComma(String body) {
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) return i;
    }
    throw new IllegalArgumentException("not a range: " + body);
  }

  private static String unquote(String s) {
    if (s.isEmpty()) return null;
    if (s.startsWith("\"")) {
      StringBuilder b = new StringBuilder();
      for (int i = 1; i < s.length() - 1; i++) {
        char c = s.charAt(i);
        if (c == '\\' || (c == '"' && i + 1 < s.length() - 1 && s.charAt(i + 1) == '"')) {
          c = s.charAt(++i);
        }
        b.append(c);
      }
      return b.toString();
    }
    return s;
  }

  static <T> String formatRange(Range<T> r, Function<T, String> format) {
    if (r.empty()) return "empty";
    return (r.lowerInclusive() ? "[" : "(") + (r.lower() == null ? "" : quote(format.apply(r.lower()))) + ","
        + (r.upper() == null ? "" : quote(format.apply(r.upper()))) + (r.upperInclusive() ? "]" : ")");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static final Codec<java.time.Instant> INSTANT = new Codec<>() {
    @Override
    public void bind(PreparedStatement ps, int index, java.time.Instant value) throws SQLException {
      if (value == null) ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
      else ps.setObject(index, value.atOffset(java.time.ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    public java.time.Instant read(ResultSet rs, int index) throws SQLException {
      OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    }

    @Override
    public java.time.Instant fromText(String text) {
      return text == null ? null : parseTimestamptz(text).toInstant();
    }
  };
}
