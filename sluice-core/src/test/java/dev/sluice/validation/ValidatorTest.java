package dev.sluice.validation;

import static dev.sluice.validation.Products.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.query.Dsl;
import dev.sluice.schema.Column;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  static final Products P = PRODUCTS;

  private static Map<Column<?>, Object> valid() {
    Map<Column<?>, Object> m = new LinkedHashMap<>();
    m.put(P.name, "Lamp");
    m.put(P.price, new BigDecimal("19.90"));
    m.put(P.status, Products.Status.LIVE);
    return m;
  }

  @Test
  void aValidInsertHasNoErrors() {
    assertThat(Validator.forInsert(P).validate(valid())).isEmpty();
  }

  @Test
  void insertRequiresNotNullColumnsWithoutDefaultButUpdateDoesNot() {
    List<FieldError> errors = Validator.forInsert(P).validate(Map.of(P.name, "x"));
    assertThat(errors).extracting(FieldError::column, FieldError::code)
        .containsExactly(tuple("price", "required"), tuple("status", "required"));
    assertThat(Validator.forUpdate(P).validate(Map.of(P.name, "x"))).isEmpty();
  }

  @Test
  void nullForANotNullColumnIsAnErrorInBothModes() {
    Map<Column<?>, Object> m = new HashMap<>();
    m.put(P.name, null);
    assertThat(Validator.forUpdate(P).validate(m)).extracting(FieldError::code).containsExactly("not_null");
  }

  @Test
  void varcharAndCharLengthsCountCharactersNotBytes() {
    Map<Column<?>, Object> m = valid();
    m.put(P.name, "ééééééééééé"); // 11 characters
    m.put(P.code, "ABCD");
    assertThat(Validator.forInsert(P).validate(m)).extracting(FieldError::column, FieldError::code)
        .containsExactly(tuple("name", "max_length"), tuple("code", "max_length"));
    m.put(P.name, "éééééééééé");
    m.put(P.code, "ABC");
    assertThat(Validator.forInsert(P).validate(m)).isEmpty();
  }

  @Test
  void numericPrecisionAndScaleAreChecked() {
    Map<Column<?>, Object> m = valid();
    m.put(P.price, new BigDecimal("12345.5"));
    assertThat(Validator.forInsert(P).validate(m)).extracting(FieldError::code).containsExactly("precision");
    m.put(P.price, new BigDecimal("1.234"));
    assertThat(Validator.forInsert(P).validate(m)).extracting(FieldError::code).containsExactly("scale");
    m.put(P.price, new BigDecimal("9999.990"));
    assertThat(Validator.forInsert(P).validate(m)).isEmpty();
  }

  @Test
  void boundsFromSimpleChecksAreEnforced() {
    Map<Column<?>, Object> m = valid();
    m.put(P.price, new BigDecimal("-1"));
    m.put(P.rating, 6);
    m.put(P.stock, 1001);
    assertThat(Validator.forInsert(P).validate(m)).extracting(FieldError::column, FieldError::code)
        .containsExactly(tuple("price", "min"), tuple("rating", "max"), tuple("stock", "max"));
    m.put(P.price, BigDecimal.ZERO);
    m.put(P.rating, 1);
    m.put(P.stock, 0);
    assertThat(Validator.forInsert(P).validate(m)).isEmpty();
  }

  @Test
  void unparseableChecksAreSkipped() {
    Map<Column<?>, Object> m = valid();
    m.put(P.weird, 3);
    assertThat(Validator.forInsert(P).validate(m)).isEmpty();
  }

  @Test
  void generatedColumnsAreReadOnly() {
    Map<Column<?>, Object> m = valid();
    m.put(P.seq, 5L);
    assertThat(Validator.forInsert(P).validate(m)).extracting(FieldError::code).containsExactly("read_only");
  }

  @Test
  void untypedInputChecksEnumLabelsTypesAndUnknownNames() {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("name", "Lamp");
    in.put("price", 5);
    in.put("status", "live");
    in.put("launch", "2025-01-31");
    assertThat(Validator.forInsert(P).validateInput(in)).isEmpty();
    in.put("status", "LIVE");
    in.put("launch", "not a date");
    in.put("colour", "red");
    in.put("rating", 0);
    assertThat(Validator.forInsert(P).validateInput(in)).extracting(FieldError::column, FieldError::code)
        .containsExactlyInAnyOrder(tuple("colour", "unknown_column"), tuple("status", "enum"), tuple("launch", "type"),
            tuple("rating", "min"));
  }

  @Test
  void checkThrowsWithEveryFieldError() {
    assertThatThrownBy(() -> Validator.forInsert(P).check(Map.of(P.name, "far too long a name")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name max_length")
        .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSize(3));
  }

  @Test
  void insertValidateFailsBeforeRenderingAndNamesTheRow() {
    var insert = Dsl.query().insertInto(P).set(P.name, "ok").set(P.price, BigDecimal.ONE).set(P.status, Products.Status.DRAFT)
        .newRow().set(P.name, "much too long").set(P.price, BigDecimal.ONE).set(P.status, Products.Status.DRAFT).validate();
    assertThatThrownBy(insert::render).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::message)
            .containsExactly("row 2: name must be at most 10 characters, got 13"));
  }

  @Test
  void updateValidateChecksOnlySetColumnsAndSkipsExpressions() {
    assertThat(Dsl.query().update(P).set(P.rating, 3).set(P.stock, Dsl.field(dev.sluice.types.PgTypes.INTEGER, "stock + 1"))
        .validate().all().render().sql()).startsWith("UPDATE products SET");
    assertThatThrownBy(() -> Dsl.query().update(P).set(P.rating, 9).validate().all().render())
        .isInstanceOf(ValidationException.class).hasMessageContaining("rating max");
  }

  @Test
  void checkParserReadsPostgresPrintedForms() {
    var b = CheckParser.parse("((rating >= 1) AND (rating <= 5))");
    assertThat(b.min().get("rating").value()).isEqualByComparingTo("1");
    assertThat(b.max().get("rating").value()).isEqualByComparingTo("5");
    var c = CheckParser.parse("(price > (0)::numeric)");
    assertThat(c.min().get("price").inclusive()).isFalse();
    assertThat(CheckParser.parse("\"Qty\" BETWEEN 1 AND 9").max().get("Qty").value()).isEqualByComparingTo("9");
    assertThat(CheckParser.parse("10 > level").max().get("level").inclusive()).isFalse();
    assertThat(CheckParser.parse("a > b")).isNull();
    assertThat(CheckParser.parse("a > 1 OR a < 0")).isNull();
    assertThat(CheckParser.parse("length(name) > 0")).isNull();
  }
}
