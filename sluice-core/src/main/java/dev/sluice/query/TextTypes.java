package dev.sluice.query;

import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;

/** String-valued types sent as untyped text with a {@code ::cast}, for function arguments of special types. */
final class TextTypes {
  private TextTypes() {}

  /** {@code jsonpath}: bound as {@code ?::jsonpath}. */
  static final DataType<String> JSONPATH = PgTypes.TSVECTOR.withSqlName("jsonpath");

  /** {@code regconfig} (text search configuration name): bound as {@code ?::regconfig}. */
  static final DataType<String> REGCONFIG = PgTypes.TSVECTOR.withSqlName("regconfig");

  /** {@code text[]}: bound as {@code ?::text[]}. */
  static final DataType<String[]> TEXT_ARRAY = PgTypes.arrayOf(PgTypes.TEXT);
}
