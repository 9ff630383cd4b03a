package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Browsers send the cookies of 127.0.0.1 to every port of it, so any other local server the user's browser visits
 * receives the studio's cookie. That cookie must be worth nothing to it: it is not the token, it authorizes no API
 * call, and it dies with the server start that issued it.
 */
@PgTest
class StudioCookieTest {
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  static HttpResponse<String> get(String url, String... headers) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The name=value part of the cookie the start URL sets. */
  static String cookieOf(Studio studio) throws Exception {
    HttpResponse<String> start = get(studio.url());
    assertThat(start.statusCode()).isEqualTo(302);
    return start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  @Test
  void theCookieValueIsNotTheStartToken(PgTestContext pg) throws Exception {
    try (Studio studio = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)))) {
      String cookie = cookieOf(studio);
      assertThat(cookie).startsWith("sluice_studio_" + studio.port() + "=");
      assertThat(cookie.substring(cookie.indexOf('=') + 1)).hasSize(32).isNotEqualTo(studio.token());
      assertThat(cookie).doesNotContain(studio.token());
    }
  }

  @Test
  void aCookieLeakedToAnotherLocalPortCannotCallTheApi(PgTestContext pg) throws Exception {
    try (Studio studio = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)))) {
      String leaked = cookieOf(studio); // what a server on another port of 127.0.0.1 receives from the browser
      assertThat(get(studio.baseUrl() + "/", "Cookie", leaked).statusCode()).isEqualTo(200); // the static UI only
      assertThat(get(studio.baseUrl() + "/api/schema", "Cookie", leaked).statusCode()).isEqualTo(401);
      var sql = HttpRequest.newBuilder(URI.create(studio.baseUrl() + "/api/sql")).header("Cookie", leaked)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"select 1\"}")).build();
      assertThat(http.send(sql, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aCookieFromAnotherStartIsRefused(PgTestContext pg) throws Exception {
    String old;
    int port;
    try (Studio first = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)))) {
      old = cookieOf(first);
      port = first.port();
    }
    try (Studio second = Studio.start(new StudioOptions(StudioLogins.readWriteLogin(pg), "127.0.0.1", port, false, false))) {
      assertThat(second.port()).isEqualTo(port);
      assertThat(get(second.baseUrl() + "/", "Cookie", old).statusCode()).isEqualTo(401);
      String fresh = cookieOf(second);
      assertThat(fresh).startsWith(old.substring(0, old.indexOf('=') + 1)).isNotEqualTo(old);
      assertThat(get(second.baseUrl() + "/", "Cookie", fresh).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aCookieOfAStudioOnAnotherPortIsRefused(PgTestContext pg) throws Exception {
    try (Studio a = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg))); Studio b = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)))) {
      String cookieOfA = cookieOf(a);
      String value = cookieOfA.substring(cookieOfA.indexOf('=') + 1);
      assertThat(get(b.baseUrl() + "/", "Cookie", cookieOfA).statusCode()).isEqualTo(401);
      assertThat(get(b.baseUrl() + "/", "Cookie", "sluice_studio_" + b.port() + "=" + value).statusCode()).isEqualTo(401);
    }
  }
}
