package dev.sluice.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any SQL runs when input breaks rules derived from the schema; carries every field error. */
public final class ValidationException extends RuntimeException {
  private final transient List<FieldError> errors;

  public ValidationException(String table, List<FieldError> errors) {
    super("invalid " + table + ": " + errors.stream().map(e -> e.column() + " " + e.code() + " (" + e.message() + ")")
        .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** All field errors, in column order. */
  public List<FieldError> errors() {
    return errors;
  }
}
