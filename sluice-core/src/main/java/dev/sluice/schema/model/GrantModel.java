package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code GRANT privileges ON objectType schema.name TO grantee}.
 *
 * @param objectType {@code TABLE}, {@code SCHEMA}, {@code SEQUENCE} or {@code FUNCTION}
 * @param privileges upper-case privilege names, e.g. {@code SELECT}, {@code INSERT}
 */
public record GrantModel(String objectType, String schema, String name, String grantee, List<String> privileges) {
  public GrantModel {
    privileges = Models.sorted(privileges, s -> s);
  }

  String sortKey() {
    return objectType + " " + schema + "." + name + " " + grantee;
  }
}
