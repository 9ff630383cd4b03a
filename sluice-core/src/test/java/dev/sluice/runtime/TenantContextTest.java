package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantContextTest {
  @Test
  void claimsJsonCarriesSubAndTenantOfTheContext() {
    UUID u = new UUID(1, 2);
    TenantContext ctx = TenantContext.builder().userId(u).tenantId(42).roles("a", "b\"c").claim("email", "x@y.z").build();
    assertThat(ctx.claimsJson()).isEqualTo("{\"email\":\"x@y.z\",\"sub\":\"" + u + "\",\"tenant_id\":\"42\"}");
    assertThat(ctx.rolesJson()).isEqualTo("[\"a\",\"b\\\"c\"]");
    assertThat(ctx.dbRole()).isEqualTo(TenantContext.DEFAULT_APP_ROLE);
    assertThat(TenantContext.builder().userId(u).claim("sub", u.toString()).build().claimsJson())
        .isEqualTo("{\"sub\":\"" + u + "\"}");
  }

  @Test
  void aClaimCannotOverrideTheUserOrTenantOfTheContext() {
    UUID u = new UUID(1, 2);
    assertThatThrownBy(() -> TenantContext.builder().userId(u).claim("sub", "bob").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sub'").hasMessageContaining("bob");
    assertThatThrownBy(() -> TenantContext.builder().tenantId("a").claims(Map.of("tenant_id", "b")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tenant_id'");
  }

  @Test
  void supabaseClaimsCannotOverrideThePresetsSubOrRole() {
    // auth.uid() would have been bob, and role service_role (BYPASSRLS) would have been claimed
    assertThatThrownBy(() -> TenantContext.supabase("alice", Map.of("sub", "bob")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sub'");
    assertThatThrownBy(() -> TenantContext.supabase("alice", Map.of("role", "service_role")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'role'");
    assertThatThrownBy(() -> TenantContext.supabase(null, Map.of("sub", "bob")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anonymous");
    TenantContext same = TenantContext.supabase("alice", Map.of("sub", "alice", "role", "authenticated"));
    assertThat(same.claimsJson()).contains("\"sub\":\"alice\"").contains("\"role\":\"authenticated\"");
    assertThat(same.dbRole()).isEqualTo("authenticated");
  }

  @Test
  void supabasePresetActsAsAuthenticatedOrAnon() {
    TenantContext user = TenantContext.supabase("u1", Map.of("aal", "aal1"));
    assertThat(user.dbRole()).isEqualTo("authenticated");
    assertThat(user.claimsJson()).contains("\"sub\":\"u1\"").contains("\"role\":\"authenticated\"").contains("\"aal\":\"aal1\"");
    TenantContext anon = TenantContext.supabaseAnon();
    assertThat(anon.dbRole()).isEqualTo("anon");
    assertThat(anon.claimsJson()).isEqualTo("{\"role\":\"anon\"}");
  }

  @Test
  void builderIsImmutableAfterBuild() {
    TenantContext.Builder b = TenantContext.builder().roles("x");
    TenantContext first = b.build();
    b.roles("y");
    assertThat(first.roles()).containsExactly("x");
    assertThatThrownBy(() -> first.roles().add("z")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(first.toBuilder().tenantId("t").build().tenantId()).isEqualTo("t");
  }

  @Test
  void setupQuotesTheRoleAndBindsEveryValue() {
    assertThat(Tenancy.setupSql("app_user")).startsWith("SET LOCAL ROLE app_user; select set_config('request.jwt.claims', ?, true)");
    assertThat(Tenancy.setupSql("evil\"; reset role; --")).startsWith("SET LOCAL ROLE \"evil\"\"; reset role; --\";");
    assertThatThrownBy(() -> TenantContext.builder().dbRole("a\0b").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    assertThat(Tenancy.appRoleSql("o'k", "login")).contains("rolname = 'o''k'").contains("create role \"o'k\"")
        .contains("grant \"o'k\" to login");
    assertThatThrownBy(() -> Tenancy.appRoleSql("a$$b", "login")).hasMessageContaining("'$'");
    assertThat(Tenancy.authenticatorSql("auth", "p'w", "app_user", "anon"))
        .contains("create role auth login noinherit nosuperuser nobypassrls nocreatedb nocreaterole")
        .contains("alter role auth with login noinherit nosuperuser nobypassrls nocreatedb nocreaterole password 'p''w';")
        .contains("grant app_user, anon to auth;");
  }
}
