package dev.sluice.studio;

import java.nio.file.Path;

/**
 * How to start the studio.
 *
 * @param url the database URL (JDBC or libpq form)
 * @param host the address to bind; loopback unless {@code allowRemote}, because the studio is a SQL proxy
 * @param port the TCP port; 0 picks a free one (tests)
 * @param readOnly run every statement in a READ ONLY transaction as {@code readRole} (see {@link StudioRoles}):
 *     enforced by PostgreSQL's privileges, not by the UI; refused at start when the login could leave that role
 * @param allowRemote explicit consent to bind a non-loopback address
 * @param migrationsDir a migrations folder whose pending migrations the migrations panel lists, or null
 * @param readRole the NOLOGIN role read-only work switches to with {@code SET LOCAL ROLE}; null means
 *     {@link StudioRoles#DEFAULT_READ_ROLE}
 * @param writeRole the NOLOGIN role read-write work switches to with {@code SET LOCAL ROLE}; null means
 *     {@link StudioRoles#DEFAULT_WRITE_ROLE}
 * @param allowSuperuser read-write as a superuser login itself, without a write role (a warning is printed): the
 *     console can then do anything the superuser can, COPY TO PROGRAM included. Without it a superuser login is
 *     refused in read-write mode as in read-only mode
 */
public record StudioOptions(String url, String host, int port, boolean readOnly, boolean allowRemote, Path migrationsDir,
    String readRole, String writeRole, boolean allowSuperuser) {
  /** The default port, the same as Drizzle Studio's, so muscle memory carries over. */
  public static final int DEFAULT_PORT = 4983;

  public StudioOptions {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("studio needs a database URL");
    if (host == null || host.isBlank()) host = "127.0.0.1";
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    if (readRole == null || readRole.isBlank()) readRole = StudioRoles.DEFAULT_READ_ROLE;
    if (writeRole == null || writeRole.isBlank()) writeRole = StudioRoles.DEFAULT_WRITE_ROLE;
  }

  /** Options with the default write role, superuser logins refused. */
  public StudioOptions(String url, String host, int port, boolean readOnly, boolean allowRemote, Path migrationsDir,
      String readRole) {
    this(url, host, port, readOnly, allowRemote, migrationsDir, readRole, null, false);
  }

  /** Options with the default read role. */
  public StudioOptions(String url, String host, int port, boolean readOnly, boolean allowRemote, Path migrationsDir) {
    this(url, host, port, readOnly, allowRemote, migrationsDir, null);
  }

  /** Options without a migrations folder. */
  public StudioOptions(String url, String host, int port, boolean readOnly, boolean allowRemote) {
    this(url, host, port, readOnly, allowRemote, null, null);
  }

  /** Loopback on a free port, read-write as the write role: what tests and embedding code usually want. */
  public static StudioOptions local(String url) {
    return new StudioOptions(url, "127.0.0.1", 0, false, false, null, null, null, false);
  }

  public StudioOptions withReadOnly(boolean ro) {
    return new StudioOptions(url, host, port, ro, allowRemote, migrationsDir, readRole, writeRole, allowSuperuser);
  }

  public StudioOptions withMigrations(Path dir) {
    return new StudioOptions(url, host, port, readOnly, allowRemote, dir, readRole, writeRole, allowSuperuser);
  }

  public StudioOptions withReadRole(String role) {
    return new StudioOptions(url, host, port, readOnly, allowRemote, migrationsDir, role, writeRole, allowSuperuser);
  }

  public StudioOptions withWriteRole(String role) {
    return new StudioOptions(url, host, port, readOnly, allowRemote, migrationsDir, readRole, role, allowSuperuser);
  }

  /** Read-write as a superuser login itself (see {@code allowSuperuser}). */
  public StudioOptions withAllowSuperuser(boolean allow) {
    return new StudioOptions(url, host, port, readOnly, allowRemote, migrationsDir, readRole, writeRole, allow);
  }
}
