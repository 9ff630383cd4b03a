package dev.sluice.schema.model;

/** {@code CREATE EXTENSION name [SCHEMA schema]}; schema null means the extension's default. */
public record ExtensionModel(String name, String schema) {}
