package dev.sluice.studio;

/** A request the API refuses, with the HTTP status to answer and a message for the UI. */
final class ApiException extends RuntimeException {
  final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }
}
