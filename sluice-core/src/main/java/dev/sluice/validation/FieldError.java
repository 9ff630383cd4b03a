package dev.sluice.validation;

/**
 * One problem with one input field, in a shape API layers can return as-is.
 *
 * @param column the column name
 * @param code a stable machine-readable code: {@code required}, {@code not_null}, {@code max_length},
 *     {@code precision}, {@code scale}, {@code enum}, {@code type}, {@code min}, {@code max},
 *     {@code read_only}, {@code unknown_column}
 * @param message a human-readable explanation naming the limit that was broken
 */
public record FieldError(String column, String code, String message) {}
