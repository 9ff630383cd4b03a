package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that open a connection and never finish their request (headers or body) must not keep anyone else
 * from the studio: they hold no thread, and the server drops them once they go quiet.
 */
@PgTest
class StudioSlowlorisTest {
  static final int SLOW = 16;
  static Studio studio;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start(PgTestContext pg) {
    SampleSchema.create(pg);
    studio = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)));
  }

  @AfterAll
  static void stop() {
    if (studio != null) studio.close();
  }

  static List<Socket> open(String prefix) throws Exception {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < SLOW; i++) {
      Socket s = new Socket("127.0.0.1", studio.port());
      OutputStream out = s.getOutputStream();
      out.write(prefix.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      sockets.add(s);
    }
    return sockets;
  }

  /** A normal API call; the bound is behavioural: it must be answered while the slow sockets are still open. */
  static int normalRequest() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(studio.baseUrl() + "/api/sql")).timeout(Duration.ofSeconds(5))
        .header("X-Sluice-Token", studio.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"select count(*) from customers\"}")).build();
    return http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  static void closeAll(List<Socket> sockets) throws Exception {
    for (Socket s : sockets) s.close();
  }

  @Test
  void connectionsThatNeverFinishTheirHeadersDoNotBlockOtherRequests() throws Exception {
    List<Socket> slow = open("GET /api/schema HTTP/1.1\r\nHost: 127.0.0.1:" + studio.port() + "\r\nX-Sluice-Token: ");
    try {
      for (int i = 0; i < 3; i++) assertThat(normalRequest()).isEqualTo(200);
    } finally {
      closeAll(slow);
    }
  }

  @Test
  void connectionsThatNeverFinishTheirBodyDoNotBlockOtherRequests() throws Exception {
    List<Socket> slow = open("POST /api/sql HTTP/1.1\r\nHost: 127.0.0.1:" + studio.port() + "\r\nX-Sluice-Token: "
        + studio.token() + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"sql\":");
    try {
      for (int i = 0; i < 3; i++) assertThat(normalRequest()).isEqualTo(200);
    } finally {
      closeAll(slow);
    }
  }

  @Test
  void aHundredSilentConnectionsDoNotBlockOtherRequests() throws Exception {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) silent.add(new Socket("127.0.0.1", studio.port()));
      for (int i = 0; i < 3; i++) assertThat(normalRequest()).isEqualTo(200);
    } finally {
      closeAll(silent);
    }
  }

  @Test
  void aStalledConnectionIsClosedByTheServerOnceItGoesQuiet() throws Exception {
    List<Socket> slow = open("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + studio.port() + "\r\n");
    try {
      for (Socket s : slow) {
        s.setSoTimeout(Studio.IDLE_TIMEOUT_MS * 3);
        InputStream in = s.getInputStream();
        // The server gives up on the request: it answers 408 and/or closes; the read never hits our own timeout.
        byte[] rest = in.readAllBytes();
        assertThat(new String(rest, StandardCharsets.US_ASCII)).satisfiesAnyOf(
            r -> assertThat(r).isEmpty(), r -> assertThat(r).startsWith("HTTP/1.1 4"));
      }
    } finally {
      closeAll(slow);
    }
  }

  @Test
  void aConnectionThatTricklesItsHeadersIsClosedAtTheHeaderDeadline() throws Exception {
    try (Socket s = new Socket("127.0.0.1", studio.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + studio.port() + "\r\nX-Padding: ").getBytes(StandardCharsets.US_ASCII));
      boolean closed = false;
      // one byte a second, well inside the idle timeout; bounded at three deadlines
      for (int i = 0; i < 3 * Studio.HEADER_DEADLINE_MS / 1000 && !closed; i++) {
        try {
          out.write('x');
          out.flush();
          Thread.sleep(1000);
        } catch (java.io.IOException e) {
          closed = true; // the server closed the connection: our writes fail
        }
      }
      if (!closed) { // writes can still succeed into a closed socket's buffer: the server's end says it
        s.setSoTimeout(1000);
        try {
          String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
          closed = answer.isEmpty() || answer.startsWith("HTTP/1.1 4");
        } catch (java.net.SocketTimeoutException e) {
          closed = false; // still open and silent
        }
      }
      assertThat(closed).as("the server closed a connection that trickled its headers past the deadline").isTrue();
      assertThat(normalRequest()).isEqualTo(200);
    }
  }
}
