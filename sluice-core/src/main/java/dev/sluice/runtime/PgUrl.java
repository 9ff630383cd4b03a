package dev.sluice.runtime;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL connection URL in either form users have at hand: JDBC ({@code jdbc:postgresql://...})
 * or libpq/URI ({@code postgresql://user:password@host:port/db?sslmode=require}, also {@code postgres://}).
 *
 * @param jdbcUrl the JDBC URL without credentials from the userinfo part
 * @param user the user, or null to let the driver decide
 * @param password the password, or null
 */
public record PgUrl(String jdbcUrl, String user, String password) {
  /** Parses either form; anything else is rejected naming the expected shapes. */
  public static PgUrl parse(String url) {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("empty database URL");
    if (url.startsWith("jdbc:postgresql:")) return new PgUrl(url, null, null);
    String u = url.startsWith("postgres://") ? "postgresql://" + url.substring("postgres://".length()) : url;
    if (!u.startsWith("postgresql://")) {
      throw new IllegalArgumentException("not a PostgreSQL URL (expected jdbc:postgresql://... or postgresql://...): "
          + redact(url));
    }
    URI uri = URI.create(u);
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
    String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + db + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (parts.length > 1) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
    }
    return new PgUrl(jdbc, user, password);
  }

  /** Opens a plain JDBC connection (for tools; applications use {@link Database}). */
  public Connection connect() throws SQLException {
    Properties p = new Properties();
    if (user != null) p.setProperty("user", user);
    if (password != null) p.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl, p);
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
