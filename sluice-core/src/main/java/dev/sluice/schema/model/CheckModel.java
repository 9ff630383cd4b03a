package dev.sluice.schema.model;

/** {@code CONSTRAINT name CHECK (expression) [NOT VALID]}. */
public record CheckModel(String name, String expression, boolean notValid) {}
