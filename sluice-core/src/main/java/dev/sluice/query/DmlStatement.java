package dev.sluice.query;

/**
 * An INSERT, UPDATE or DELETE that is ready to run: {@link #execute()} for the row count, or one of
 * the {@code returning(...)} overloads to read back columns of the affected rows (typed like a select;
 * {@code returning()} with no argument returns every column of the target table). A returning
 * statement is also a {@link ResultQuery}, so it can be the body of a data-modifying {@link Cte}.
 */
public interface DmlStatement extends Executable, Returning {}
