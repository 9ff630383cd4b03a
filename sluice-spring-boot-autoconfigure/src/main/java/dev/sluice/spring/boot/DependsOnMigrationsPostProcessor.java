package dev.sluice.spring.boot;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/** Adds a dependency on the migration initializer to every bean of a type (by class name, if present). */
final class DependsOnMigrationsPostProcessor implements BeanFactoryPostProcessor {
  static final String INITIALIZER = "sluiceMigrationInitializer";
  private final String typeName;

  DependsOnMigrationsPostProcessor(String typeName) {
    this.typeName = typeName;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    ClassLoader loader = beanFactory.getBeanClassLoader();
    if (!ClassUtils.isPresent(typeName, loader)) return;
    Class<?> type = ClassUtils.resolveClassName(typeName, loader);
    for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
      BeanDefinition def = beanFactory.getBeanDefinition(name);
      Set<String> deps = new LinkedHashSet<>(def.getDependsOn() == null ? Set.of() : Arrays.asList(def.getDependsOn()));
      deps.add(INITIALIZER);
      def.setDependsOn(deps.toArray(String[]::new));
    }
  }
}
