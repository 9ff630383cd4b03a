/**
 * The immutable, plain-data description of a PostgreSQL schema that every Sluice source (the Java
 * DSL, snapshot JSON, live introspection) produces and the differ consumes.
 *
 * <p>Conventions: identifiers are unquoted names as PostgreSQL stores them; SQL fragments
 * (defaults, checks, index expressions, view queries, policy clauses) are SQL text; type names are
 * the canonical {@code format_type()} text (see {@link dev.sluice.types.DataType}). Lists whose order
 * has no meaning in PostgreSQL are sorted by name in the canonical constructors, so two models of the
 * same schema are {@code equals}.
 */
package dev.sluice.schema.model;
