package dev.sluice.kit.introspect;

/** Reading the catalogs failed; the message names what was being read. */
public final class IntrospectionException extends RuntimeException {
  public IntrospectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
