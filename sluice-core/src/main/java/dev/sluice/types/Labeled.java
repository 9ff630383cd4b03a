package dev.sluice.types;

/**
 * Implemented by Java enums whose PostgreSQL labels differ from their constant names. Without it a
 * constant's {@link Enum#name()} is its label, exactly.
 */
public interface Labeled {
  /** The PostgreSQL enum label of this constant. */
  String label();
}
