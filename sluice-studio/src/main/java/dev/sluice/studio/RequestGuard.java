package dev.sluice.studio;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The studio's door: a local SQL proxy must not be reachable by web pages the user happens to visit.
 *
 * <ul>
 *   <li>Host must name this server (bound host, localhost, 127.0.0.1, [::1] with our port): a DNS-rebinding
 *       page has its own host name in Host, so it gets 403.</li>
 *   <li>Origin, when sent, must be one of those same origins: a cross-site form or fetch gets 403 (CSRF).</li>
 *   <li>A random 128-bit token is required on every request: in the start URL's {@code token} query parameter
 *       (which sets an HttpOnly SameSite=Strict cookie), the cookie, or an {@code X-Sluice-Token} header;
 *       otherwise 401. Other local users and processes cannot guess it.</li>
 * </ul>
 */
final class RequestGuard {
  enum Verdict { OK, SET_COOKIE, BAD_HOST, BAD_ORIGIN, NO_TOKEN }

  private final String token;
  private final byte[] tokenBytes;
  private final Set<String> allowedHosts;
  private final String cookieName;

  RequestGuard(String boundHost, int port) {
    byte[] raw = new byte[16];
    new SecureRandom().nextBytes(raw);
    this.token = HexFormat.of().formatHex(raw);
    this.tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
    this.cookieName = "sluice_studio_" + port;
    Set<String> hosts = new LinkedHashSet<>();
    for (String h : hostNames(boundHost)) hosts.add(hostPort(h, port));
    this.allowedHosts = Collections.unmodifiableSet(hosts);
  }

  String token() {
    return token;
  }

  String cookieHeader() {
    return cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  }

  Verdict check(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) return Verdict.BAD_HOST;
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin != null && !isOwnOrigin(origin)) return Verdict.BAD_ORIGIN;
    if (matches(headerToken(ex)) || matches(cookieToken(ex))) return Verdict.OK;
    if (matches(queryToken(ex))) return Verdict.SET_COOKIE;
    return Verdict.NO_TOKEN;
  }

  private boolean isOwnOrigin(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    return o.startsWith("http://") && allowedHosts.contains(o.substring("http://".length()));
  }

  private boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(tokenBytes, candidate.getBytes(StandardCharsets.US_ASCII));
  }

  private static String headerToken(HttpExchange ex) {
    return ex.getRequestHeaders().getFirst("X-Sluice-Token");
  }

  private String cookieToken(HttpExchange ex) {
    var cookies = ex.getRequestHeaders().get("Cookie");
    if (cookies == null) return null;
    for (String header : cookies) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(cookieName + "=")) return p.substring(cookieName.length() + 1);
      }
    }
    return null;
  }

  private static String queryToken(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) return null;
    for (String kv : q.split("&")) {
      if (kv.startsWith("token=")) return URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
    }
    return null;
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("unknown host to bind: " + host);
    }
  }

  private static String hostPort(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
    return h + ":" + port;
  }

  private static Set<String> hostNames(String bound) {
    Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    names.add(bound);
    try {
      InetAddress addr = InetAddress.getByName(bound);
      if (addr.isAnyLocalAddress()) {
        // Bound to every interface (only with --allow-remote): the addresses the machine is reachable by.
        names.add(InetAddress.getLocalHost().getHostName());
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress a : Collections.list(ni.getInetAddresses())) {
            String s = a.getHostAddress();
            int pct = s.indexOf('%');
            names.add(pct >= 0 ? s.substring(0, pct) : s);
          }
        }
      }
    } catch (java.io.IOException e) {
      // keep the loopback names only
    }
    return names;
  }
}
