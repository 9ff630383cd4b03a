package dev.sluice.query.relational;

/** A nested level of a relational query, shaped inside {@code with(relation, nested -> ...)}. */
public interface Nested extends Level<Nested> {}
