package dev.sluice.spring.boot.web;

/**
 * {@link NotesAppHttpTest}'s web app (the same {@link NotesApp}, compiled against Boot 3.5) started by
 * Spring Boot 4.0 with its modular starters: the auto-configuration found through
 * {@code AutoConfiguration.imports}, migrations on startup, the tenant filter over HTTP, a rolled-back
 * {@code @Transactional}, and the health indicator and {@code /actuator/sluice} endpoint.
 */
class NotesAppBoot4HttpTest extends NotesAppHttpTest {}
