package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The studio's JSON API over real HTTP, authenticated with the token header. */
final class StudioClient {
  static final ObjectMapper JSON = new ObjectMapper();
  final Studio studio;
  final HttpClient http = HttpClient.newHttpClient();
  int lastStatus;

  StudioClient(Studio studio) {
    this.studio = studio;
  }

  JsonNode post(String route, Object body) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(studio.baseUrl() + "/api/" + route))
        .header("X-Sluice-Token", studio.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    lastStatus = res.statusCode();
    return JSON.readTree(res.body());
  }

  JsonNode get(String route) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(studio.baseUrl() + "/api/" + route))
        .header("X-Sluice-Token", studio.token()).GET().build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    lastStatus = res.statusCode();
    return JSON.readTree(res.body());
  }
}
