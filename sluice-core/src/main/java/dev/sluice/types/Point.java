package dev.sluice.types;

/** A PostgreSQL {@code point}. */
public record Point(double x, double y) {
  @Override
  public String toString() {
    return "(" + x + "," + y + ")";
  }
}
