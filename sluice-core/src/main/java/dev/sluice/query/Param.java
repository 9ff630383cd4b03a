package dev.sluice.query;

import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;

/** A bind value: always sent as a parameter, never as SQL text (INLINE rendering escapes it). */
record Param<T>(T value, DataType<T> dataType) implements Field<T> {
  @Override
  public String name() {
    return "?column?";
  }

  @Override
  public void renderTo(RenderContext ctx) {
    ctx.value(dataType, value);
  }
}
