package dev.sluice.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL connection URL in either form users have at hand: JDBC ({@code jdbc:postgresql://...})
 * or libpq/URI ({@code postgresql://user:password@host:port/db?sslmode=require}, also {@code postgres://}).
 * A libpq host list ({@code postgresql://h1:5432,h2:5432/db?target_session_attrs=read-write}) becomes
 * pgjdbc's ({@code jdbc:postgresql://h1:5432,h2:5432/db?targetServerType=primary}).
 *
 * <p>As libpq does, the environment fills what the URL leaves out: {@code PGHOST} (a TCP host; a socket
 * directory is ignored), {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, then the
 * password file ({@code PGPASSFILE}, else {@code ~/.pgpass}: {@code host:port:database:user:password}
 * lines, {@code *} matches anything, {@code \:} and {@code \\} escape) and {@code PGSSLMODE}. What the
 * URL says always wins. For a {@code jdbc:} URL only the user, password and sslmode are filled, when it
 * has no such parameter.
 *
 * @param jdbcUrl the JDBC URL without credentials from the userinfo part
 * @param user the user, or null to let the driver decide
 * @param password the password, or null
 */
public record PgUrl(String jdbcUrl, String user, String password) {
  /** Parses either form, filling gaps from the process environment; anything else is rejected naming the expected shapes. */
  public static PgUrl parse(String url) {
    return parse(url, System.getenv());
  }

  /** Parses either form, filling what the URL leaves out from {@code env} (libpq's {@code PG*} variables). */
  public static PgUrl parse(String url, Map<String, String> env) {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("empty database URL");
    if (env == null) env = Map.of();
    if (url.startsWith("jdbc:postgresql:")) return fromJdbc(url, env);
    String u = url.startsWith("postgres://") ? "postgresql://" + url.substring("postgres://".length()) : url;
    if (!u.startsWith("postgresql://")) {
      throw new IllegalArgumentException("not a PostgreSQL URL (expected jdbc:postgresql://... or postgresql://...): "
          + redact(url));
    }
    if (u.equals("postgresql://")) u = "postgresql:///"; // libpq's "everything from the environment"
    URI uri = URI.create(u);
    String envHost = env.get("PGHOST");
    if (envHost != null && (envHost.isBlank() || envHost.startsWith("/"))) envHost = null; // a unix socket directory
    String host = uri.getHost() != null ? uri.getHost() : envHost != null ? envHost : "localhost";
    int port = uri.getPort() >= 0 ? uri.getPort() : envPort(env);
    String hostList = null; // libpq's multi-host form: host1:port1,host2:port2
    String authority = uri.getRawAuthority();
    String hostPart = authority == null ? "" : authority.substring(authority.lastIndexOf('@') + 1);
    if (hostPart.contains(",")) {
      List<String> hosts = new ArrayList<>();
      for (String h : hostPart.split(",")) {
        if (h.isBlank()) throw new IllegalArgumentException("empty host in the host list of " + redact(url));
        int colon = h.lastIndexOf(':');
        boolean hasPort = colon > 0 && !h.endsWith("]");
        String name = hasPort ? h.substring(0, colon) : h;
        int p;
        try {
          p = hasPort ? Integer.parseInt(h.substring(colon + 1)) : envPort(env);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a port number in the host list of " + redact(url) + ": " + h);
        }
        hosts.add(name + ":" + p);
        if (hosts.size() == 1) {
          host = name;
          port = p;
        }
      }
      hostList = String.join(",", hosts);
    }
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? env.getOrDefault("PGDATABASE", "")
        : uri.getPath().substring(1);
    String query = uri.getRawQuery();
    String sslmode = env.get("PGSSLMODE");
    if (sslmode != null && !sslmode.isBlank() && (query == null || !query.matches("(?i)(.*&)?sslmode=.*"))) {
      query = (query == null ? "" : query + "&") + "sslmode=" + sslmode.strip();
    }
    query = targetSessionAttrs(query);
    String jdbc = "jdbc:postgresql://" + (hostList != null ? hostList : host + ":" + port) + "/" + db
        + (query == null ? "" : "?" + query);
    String user = null;
    String password = null;
    // a host list makes the authority registry-based: java.net.URI then parses no user info
    String userInfo = uri.getRawUserInfo() != null ? uri.getRawUserInfo()
        : authority != null && authority.contains("@") ? authority.substring(0, authority.lastIndexOf('@')) : null;
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (parts.length > 1) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
    }
    if (user == null || user.isEmpty()) user = env.get("PGUSER");
    if (password == null) password = env.get("PGPASSWORD");
    if (password == null) password = fromPassFile(env, host, port, db.isEmpty() ? user : db, user);
    return new PgUrl(jdbc, user, password);
  }

  /**
   * libpq's {@code target_session_attrs} as pgjdbc's {@code targetServerType} (pgjdbc ignores the libpq
   * name, which would silently connect to whichever host answers first).
   */
  private static String targetSessionAttrs(String query) {
    if (query == null) return null;
    List<String> out = new ArrayList<>();
    for (String param : query.split("&")) {
      if (param.toLowerCase(java.util.Locale.ROOT).startsWith("target_session_attrs=")) {
        String v = param.substring(param.indexOf('=') + 1).toLowerCase(java.util.Locale.ROOT);
        String t = switch (v) {
          case "any" -> "any";
          case "read-write", "primary" -> "primary";
          case "read-only", "standby" -> "secondary";
          case "prefer-standby" -> "preferSecondary";
          default -> throw new IllegalArgumentException("unknown target_session_attrs: " + v
              + " (expected any, read-write, read-only, primary, standby or prefer-standby)");
        };
        out.add("targetServerType=" + t);
      } else {
        out.add(param);
      }
    }
    return String.join("&", out);
  }

  private static PgUrl fromJdbc(String url, Map<String, String> env) {
    String jdbc = url;
    String sslmode = env.get("PGSSLMODE");
    if (sslmode != null && !sslmode.isBlank() && !url.matches("(?i).*[?&]sslmode=.*")) {
      jdbc = url + (url.contains("?") ? "&" : "?") + "sslmode=" + sslmode.strip();
    }
    String user = url.matches("(?i).*[?&]user=.*") ? null : env.get("PGUSER");
    String password = url.matches("(?i).*[?&]password=.*") ? null : env.get("PGPASSWORD");
    return new PgUrl(jdbc, user, password);
  }

  private static int envPort(Map<String, String> env) {
    String p = env.get("PGPORT");
    if (p == null || p.isBlank()) return 5432;
    try {
      return Integer.parseInt(p.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PGPORT is not a port number: " + p);
    }
  }

  /** The password of the first matching line of the password file, or null (no file, no match, or no user). */
  static String fromPassFile(Map<String, String> env, String host, int port, String db, String user) {
    if (user == null) return null;
    String file = env.get("PGPASSFILE");
    Path path;
    if (file != null && !file.isBlank()) {
      path = Path.of(file);
    } else {
      String home = System.getProperty("user.home");
      if (home == null) return null;
      path = Path.of(home, ".pgpass");
    }
    if (!Files.isRegularFile(path)) return null;
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // libpq ignores an unreadable file too
    }
    String[] want = {host, String.valueOf(port), db == null ? "" : db, user};
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) continue;
      List<String> fields = passFileFields(line);
      if (fields.size() != 5) continue;
      boolean match = true;
      for (int i = 0; i < 4 && match; i++) {
        String f = fields.get(i);
        match = f.equals("*") || f.equals(want[i]);
      }
      if (match) return fields.get(4);
    }
    return null;
  }

  private static List<String> passFileFields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\\' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
      } else if (ch == ':' && out.size() < 4) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** Opens a plain JDBC connection (for tools; applications use {@link Database}). */
  public Connection connect() throws SQLException {
    Properties p = new Properties();
    if (user != null) p.setProperty("user", user);
    if (password != null) p.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl, p);
  }

  /**
   * Why a connection attempt failed, for people: {@code unknown host db.example} when the name does not
   * resolve (the driver only says "The connection attempt failed."), else the driver's message.
   */
  public static String connectFailure(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException u) return "unknown host " + u.getMessage();
    }
    return e.getMessage();
  }

  /** The URL with any password replaced by {@code ***}, safe to print. */
  public static String redact(String url) {
    return url.replaceAll("(//[^:/@]+:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public String toString() {
    return redact(jdbcUrl) + (user == null ? "" : " as " + user);
  }
}
