package dev.sluice.studio;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The studio's door: a local SQL proxy must not be reachable by web pages the user happens to visit, nor by other
 * local servers the browser talks to.
 *
 * <ul>
 *   <li>Host must name this server (bound host, localhost, 127.0.0.1, [::1] with our port): a DNS-rebinding
 *       page has its own host name in Host, so it gets 403.</li>
 *   <li>Origin, when sent, must be one of those same origins: a cross-site form or fetch gets 403 (CSRF).</li>
 *   <li>Every API call needs the random 128-bit start token in an {@code X-Sluice-Token} header; otherwise 401.
 *       A header cannot be set by a cross-site form, and is never sent anywhere by the browser on its own.</li>
 *   <li>The start URL ({@code /?token=...}) sets a cookie that only unlocks the static UI (HTML, JS, CSS) and
 *       hands the token to the page in the URL fragment, which the page keeps in its tab's sessionStorage. Browsers
 *       send cookies for 127.0.0.1 to every port, so the cookie must be worthless elsewhere: it is not the token but
 *       a random session id of this server start (a new one each start), named after the port, and it authorizes
 *       no API call.</li>
 * </ul>
 */
final class RequestGuard {
  enum Verdict { OK, SET_COOKIE, BAD_HOST, BAD_ORIGIN, NO_TOKEN }

  private final String token;
  private final byte[] tokenBytes;
  private final byte[] sessionBytes;
  private final String session;
  private final Set<String> allowedHosts;
  private final String cookieName;

  RequestGuard(String boundHost, int port) {
    SecureRandom random = new SecureRandom();
    this.token = randomHex(random);
    this.session = randomHex(random);
    this.tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
    this.sessionBytes = session.getBytes(StandardCharsets.US_ASCII);
    this.cookieName = "sluice_studio_" + port;
    Set<String> hosts = new LinkedHashSet<>();
    for (String h : hostNames(boundHost)) hosts.add(hostPort(h, port));
    this.allowedHosts = Collections.unmodifiableSet(hosts);
  }

  private static String randomHex(SecureRandom random) {
    byte[] raw = new byte[16];
    random.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  String token() {
    return token;
  }

  String cookieHeader() {
    return cookieName + "=" + session + "; Path=/; HttpOnly; SameSite=Strict";
  }

  /**
   * The verdict on a request: {@code api} requests need the token header; page requests need the session cookie,
   * the token header, or the token in the query (the start URL, answered with {@link Verdict#SET_COOKIE}).
   */
  Verdict check(String host, String origin, boolean api, String headerToken, List<String> cookieHeaders, String rawQuery) {
    if (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) return Verdict.BAD_HOST;
    if (origin != null && !isOwnOrigin(origin)) return Verdict.BAD_ORIGIN;
    if (matches(tokenBytes, headerToken)) return Verdict.OK;
    if (api) return Verdict.NO_TOKEN;
    if (matches(sessionBytes, cookieValue(cookieHeaders))) return Verdict.OK;
    if (matches(tokenBytes, queryToken(rawQuery))) return Verdict.SET_COOKIE;
    return Verdict.NO_TOKEN;
  }

  private boolean isOwnOrigin(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    return o.startsWith("http://") && allowedHosts.contains(o.substring("http://".length()));
  }

  private static boolean matches(byte[] secret, String candidate) {
    return candidate != null && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.US_ASCII));
  }

  private String cookieValue(List<String> cookies) {
    if (cookies == null) return null;
    for (String header : cookies) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(cookieName + "=")) return p.substring(cookieName.length() + 1);
      }
    }
    return null;
  }

  private static String queryToken(String q) {
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
