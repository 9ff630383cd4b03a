package dev.sluice.studio;

import dev.sluice.test.PgTestContext;

/** The roles of the README's studio setup on the test server, and URLs that log in as them. */
final class StudioLogins {
  private StudioLogins() {}

  /** Runs the printed setup SQL (idempotent: the test server is shared by test classes) and returns the login's URL. */
  static String readOnlyLogin(PgTestContext pg) {
    pg.execute(StudioRoles.setupSql(StudioRoles.DEFAULT_READ_ROLE, StudioRoles.DEFAULT_LOGIN));
    return as(pg, StudioRoles.DEFAULT_LOGIN);
  }

  /** The same login (it can switch to the read role and to the write role) for read-write studios. */
  static String readWriteLogin(PgTestContext pg) {
    return readOnlyLogin(pg);
  }

  /** This class's database URL with another user (the test servers trust loopback logins). */
  static String as(PgTestContext pg, String user) {
    String url = pg.jdbcUrl().replaceAll("([?&])password=[^&]*&?", "$1");
    return url.replaceAll("([?&])user=[^&]*", "$1user=" + user);
  }
}
