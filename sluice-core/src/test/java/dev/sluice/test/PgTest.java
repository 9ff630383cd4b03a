package dev.sluice.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that talks to PostgreSQL. The class gets a fresh database of its own (see
 * {@link TestDatabase}); test methods and constructors may take a {@link PgTestContext} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PgExtension.class)
public @interface PgTest {}
