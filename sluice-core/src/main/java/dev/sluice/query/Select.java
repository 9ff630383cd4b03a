package dev.sluice.query;

/** A SELECT of any number of fields or whole tables, with untyped rows ({@link Row}, {@code fetchInto}). */
public interface Select extends SelectStep<Select> {}
