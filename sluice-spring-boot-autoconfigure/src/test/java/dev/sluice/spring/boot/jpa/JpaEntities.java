package dev.sluice.spring.boot.jpa;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Makes this package (with {@link JpaNote}) the one Boot's JPA auto-configuration scans for entities. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class JpaEntities {}
