package dev.sluice.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.postgresql.util.PGobject;

/** json/jsonb through Jackson: the Java value is written as JSON text and read back into its class. */
final class JsonCodec<T> implements Codec<T> {
  private final String pgType;
  private final Class<T> type;
  private final ObjectMapper mapper;

  JsonCodec(String pgType, Class<T> type, ObjectMapper mapper) {
    this.pgType = pgType;
    this.type = type;
    this.mapper = mapper;
  }

  @Override
  public void bind(PreparedStatement ps, int index, T value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
      return;
    }
    PGobject o = new PGobject();
    o.setType(pgType);
    o.setValue(toText(value));
    ps.setObject(index, o);
  }

  @Override
  public T read(ResultSet rs, int index) throws SQLException {
    return fromText(rs.getString(index));
  }

  @Override
  public T fromText(String text) {
    if (text == null) return null;
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + pgType + " as " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toText(T value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + type.getName() + " as " + pgType + ": " + e.getOriginalMessage(), e);
    }
  }
}
