package dev.sluice.schema;

import java.util.List;

/**
 * The schema written in Java contradicts itself (a foreign key to a missing column, two primary
 * keys, a bad precision...). Thrown when the schema is loaded, listing every problem found.
 */
public final class SchemaDefinitionException extends RuntimeException {
  private final List<String> problems;

  public SchemaDefinitionException(List<String> problems) {
    super(problems.size() == 1 ? "invalid schema: " + problems.get(0)
        : "invalid schema (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public SchemaDefinitionException(String problem) {
    this(List.of(problem));
  }

  /** Each problem, naming the table/column/constraint concerned. */
  public List<String> problems() {
    return problems;
  }
}
