package dev.sluice.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a statement runs as, for row-level security: the end user, their tenant (team), their
 * application roles, arbitrary JWT-style claims, and the database role to switch to. Immutable;
 * build with {@link #builder()} or {@link #supabase}. {@link Database#as(TenantContext)} applies it
 * transaction-locally ({@code SET LOCAL ROLE} + {@code set_config(..., true)}) so policies can read it
 * through {@code sluice.current_user_id()}, {@code sluice.current_tenant_id()}, {@code sluice.has_role(text)}
 * or Supabase's {@code auth.uid()} / {@code auth.jwt()}, and nothing stays on a pooled connection.
 *
 * <p>The database role matters: superusers and table owners bypass RLS (unless FORCEd), so the
 * context always switches to a non-superuser role ({@link #DEFAULT_APP_ROLE} unless set).
 */
public final class TenantContext {
  /** The database role statements switch to when none is set: create it NOLOGIN and grant it to the login user. */
  public static final String DEFAULT_APP_ROLE = "app_user";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String userId;
  private final String tenantId;
  private final List<String> roles;
  private final Map<String, Object> claims;
  private final String dbRole;

  private TenantContext(Builder b) {
    this.userId = b.userId;
    this.tenantId = b.tenantId;
    this.roles = List.copyOf(b.roles);
    this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(b.claims));
    this.dbRole = b.dbRole;
    dev.sluice.sql.Identifiers.check(dbRole);
    // the context's own fields are what policies trust: a claim may repeat them, never contradict them
    refuseConflict("sub", userId);
    refuseConflict("tenant_id", tenantId);
  }

  private void refuseConflict(String claim, String own) {
    if (own == null || !claims.containsKey(claim)) return;
    Object value = claims.get(claim);
    if (value == null || !own.equals(value.toString())) {
      throw new IllegalArgumentException("tenant context: claim '" + claim + "' (" + value + ") contradicts the context's "
          + (claim.equals("sub") ? "user id" : "tenant id") + " (" + own + "); the context's own fields are what"
          + " policies read, so a claim may not override them");
    }
  }

  /** A builder; every field is optional (an empty context still switches to the app role). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The Supabase preset: database role {@code authenticated} (or {@code anon} when {@code userId} is
   * null), {@code request.jwt.claims} = {@code claims} plus {@code sub} = the user id and {@code role},
   * so policies written for Supabase ({@code auth.uid() = user_id}) run unchanged. Install the roles
   * and the {@code auth} schema with {@link Tenancy#supabaseSql()}.
   *
   * <p>The preset's own fields win: {@code sub} is always the user id and {@code role} always the
   * database role. Claims carrying a different {@code sub} or {@code role} (or any {@code sub} for an
   * anonymous request) are refused with {@link IllegalArgumentException}, so data taken from a request
   * cannot widen the context (become another user, or claim {@code service_role}).
   */
  public static TenantContext supabase(Object userId, Map<String, ?> claims) {
    String role = userId == null ? "anon" : "authenticated";
    Map<String, ?> given = claims == null ? Map.of() : claims;
    if (given.containsKey("role") && !role.equals(String.valueOf(given.get("role")))) {
      throw new IllegalArgumentException("supabase context: claim 'role' (" + given.get("role") + ") contradicts the preset's"
          + " role " + role + "; the database role is chosen by the preset, not by the claims");
    }
    if (userId == null && given.containsKey("sub")) {
      throw new IllegalArgumentException("supabase context: an anonymous request cannot carry claim 'sub' ("
          + given.get("sub") + "); pass the user id as the first argument");
    }
    Builder b = builder().dbRole(role).claims(given);
    if (userId != null) b.userId(userId);
    b.claim("role", role);
    return b.build();   // refuses a claim 'sub' other than the user id
  }

  /** The Supabase preset for an anonymous request (role {@code anon}). */
  public static TenantContext supabaseAnon() {
    return supabase(null, Map.of());
  }

  /** The end user's id as text, or null. */
  public String userId() {
    return userId;
  }

  /** The tenant (team) id as text, or null. */
  public String tenantId() {
    return tenantId;
  }

  /** Application roles (read by {@code sluice.has_role(text)}). */
  public List<String> roles() {
    return roles;
  }

  /** Extra claims, as given. */
  public Map<String, Object> claims() {
    return claims;
  }

  /** The database role statements run as ({@code SET LOCAL ROLE}). */
  public String dbRole() {
    return dbRole;
  }

  /**
   * The JSON set as {@code request.jwt.claims}: the claims plus {@code sub} (the user id) and
   * {@code tenant_id} (claims cannot contradict them: see {@link Builder#build()}).
   */
  public String claimsJson() {
    Map<String, Object> all = new LinkedHashMap<>(claims);
    if (userId != null) all.put("sub", userId);
    if (tenantId != null) all.put("tenant_id", tenantId);
    try {
      return JSON.writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("tenant context claims cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** The roles as a JSON array (the value of {@code app.roles}). */
  String rolesJson() {
    try {
      return JSON.writeValueAsString(roles);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A builder starting from this context. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.userId = userId;
    b.tenantId = tenantId;
    b.roles.addAll(roles);
    b.claims.putAll(claims);
    b.dbRole = dbRole;
    return b;
  }

  @Override
  public String toString() {
    return "TenantContext[user=" + userId + ", tenant=" + tenantId + ", roles=" + roles + ", dbRole=" + dbRole + "]";
  }

  /** Builds a {@link TenantContext}. */
  public static final class Builder {
    private String userId;
    private String tenantId;
    private final List<String> roles = new ArrayList<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String dbRole = DEFAULT_APP_ROLE;

    private Builder() {}

    /** The end user (a UUID, number or string; stored as text). */
    public Builder userId(Object id) {
      userId = id == null ? null : id.toString();
      return this;
    }

    /** The tenant or team (a UUID, number or string; stored as text). */
    public Builder tenantId(Object id) {
      tenantId = id == null ? null : id.toString();
      return this;
    }

    /** Adds application roles (e.g. {@code owner}, {@code member}). */
    public Builder roles(String... names) {
      for (String n : names) roles.add(Objects.requireNonNull(n, "role"));
      return this;
    }

    /** Adds application roles. */
    public Builder roles(List<String> names) {
      return roles(names.toArray(String[]::new));
    }

    /** One claim (any JSON-serialisable value). */
    public Builder claim(String name, Object value) {
      claims.put(Objects.requireNonNull(name, "claim name"), value);
      return this;
    }

    /** Several claims. */
    public Builder claims(Map<String, ?> values) {
      values.forEach(this::claim);
      return this;
    }

    /** The database role to {@code SET LOCAL ROLE} to (default {@link #DEFAULT_APP_ROLE}); must not be a superuser. */
    public Builder dbRole(String role) {
      dbRole = Objects.requireNonNull(role, "dbRole");
      return this;
    }

    /**
     * The immutable context.
     *
     * @throws IllegalArgumentException when a claim {@code sub} or {@code tenant_id} contradicts the
     *     user id or tenant id set on this builder (the context's own fields are what policies trust)
     */
    public TenantContext build() {
      return new TenantContext(this);
    }
  }
}
