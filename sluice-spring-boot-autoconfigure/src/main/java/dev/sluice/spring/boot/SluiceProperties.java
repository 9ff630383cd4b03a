package dev.sluice.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code sluice.*}. */
@ConfigurationProperties(prefix = "sluice")
public class SluiceProperties {
  private final Migrate migrate = new Migrate();
  private final Tenant tenant = new Tenant();

  public Migrate getMigrate() {
    return migrate;
  }

  public Tenant getTenant() {
    return tenant;
  }

  /** Migrating on startup ({@code sluice.migrate.*}). */
  public static class Migrate {
    /** Whether to apply pending migrations on startup, before JPA and the web server start. */
    private boolean enabled = true;
    /** The migration folder: a {@code classpath:} location or a file system path. */
    private String location = "classpath:db/sluice";
    /** The history table's name in schema {@code sluice}. */
    private String historyTable = "migrations";
    /** Whether a pending migration below the highest applied version may be applied. */
    private boolean outOfOrder = false;
    /**
     * Adopt a database that Sluice never migrated: record migrations up to this version as applied
     * (without running them) before migrating. Ignored once the history table has rows.
     */
    private Integer baselineVersion;
    /**
     * JDBC or {@code postgresql://} URL of a separate login for migrations (the schema owner), when
     * the application's DataSource logs in as a role that may not run DDL. Unset: the application's DataSource.
     */
    private String url;
    /** User of the migration login (overrides a user in {@code url}). */
    private String user;
    /** Password of the migration login (overrides a password in {@code url}). */
    private String password;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getLocation() {
      return location;
    }

    public void setLocation(String location) {
      this.location = location;
    }

    public String getHistoryTable() {
      return historyTable;
    }

    public void setHistoryTable(String historyTable) {
      this.historyTable = historyTable;
    }

    public boolean isOutOfOrder() {
      return outOfOrder;
    }

    public void setOutOfOrder(boolean outOfOrder) {
      this.outOfOrder = outOfOrder;
    }

    public Integer getBaselineVersion() {
      return baselineVersion;
    }

    public void setBaselineVersion(Integer baselineVersion) {
      this.baselineVersion = baselineVersion;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getUser() {
      return user;
    }

    public void setUser(String user) {
      this.user = user;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }
  }

  /** The tenant-context filter ({@code sluice.tenant.*}), active when a {@link TenantContextResolver} bean exists. */
  public static class Tenant {
    /** Whether to register the filter that sets {@link CurrentTenant} from each request. */
    private boolean filterEnabled = true;
    /** URL patterns the filter applies to; requests there without a tenant context get 401. */
    private java.util.List<String> urlPatterns = new java.util.ArrayList<>(java.util.List.of("/api/*"));

    public boolean isFilterEnabled() {
      return filterEnabled;
    }

    public void setFilterEnabled(boolean filterEnabled) {
      this.filterEnabled = filterEnabled;
    }

    public java.util.List<String> getUrlPatterns() {
      return urlPatterns;
    }

    public void setUrlPatterns(java.util.List<String> urlPatterns) {
      this.urlPatterns = urlPatterns;
    }
  }
}
