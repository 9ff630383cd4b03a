package dev.sluice.spring.boot.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The test migrations' notes table as a JPA entity, so {@code ddl-auto=validate} fails if JPA starts before the migrations. */
@Entity
@Table(name = "notes")
public class JpaNote {
  @Id
  Long id;

  @Column(columnDefinition = "text")
  String tenant;

  @Column(columnDefinition = "text")
  String body;

  /** The note's text. */
  public String body() {
    return body;
  }
}
