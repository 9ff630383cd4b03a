package dev.sluice.spring.boot;

import dev.sluice.runtime.Database;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The tenant-context filter, when the application declares a {@link TenantContextResolver}. */
@AutoConfiguration(after = SluiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
@ConditionalOnBean({Database.class, TenantContextResolver.class})
@ConditionalOnProperty(prefix = "sluice.tenant", name = "filter-enabled", havingValue = "true", matchIfMissing = true)
public class SluiceWebAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  public CurrentTenant sluiceCurrentTenant(Database db) {
    return new CurrentTenant(db);
  }

  @Bean
  public FilterRegistrationBean<TenantContextFilter> sluiceTenantFilter(
      TenantContextResolver resolver, CurrentTenant current, SluiceProperties properties) {
    FilterRegistrationBean<TenantContextFilter> reg = new FilterRegistrationBean<>(new TenantContextFilter(resolver, current));
    reg.setUrlPatterns(properties.getTenant().getUrlPatterns());
    reg.setName("sluiceTenantFilter");
    return reg;
  }
}
