package dev.sluice.examples.boot;

import static dev.sluice.examples.saas.Projects.PROJECTS;

import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.TenantContext;
import dev.sluice.spring.boot.CurrentTenant;
import dev.sluice.spring.boot.TenantContextResolver;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SaaS reference app as a REST service: a gateway in front authenticates the user and passes
 * {@code X-User-Id} and {@code X-Team-Id}; every statement runs as {@code db.as(that user, that team)},
 * so row-level security decides what the request sees.
 */
@SpringBootApplication
public class SaasApplication {
  public static void main(String[] args) {
    SpringApplication.run(SaasApplication.class, args);
  }

  /** The principal from the gateway's headers (null: 401). */
  @Bean
  TenantContextResolver principalFromHeaders() {
    return request -> {
      String user = request.getHeader("X-User-Id");
      String team = request.getHeader("X-Team-Id");
      if (user == null || team == null) return null;
      try {
        return TenantContext.builder().userId(UUID.fromString(user)).tenantId(UUID.fromString(team)).build();
      } catch (IllegalArgumentException notAUuid) {
        return null;
      }
    };
  }

  /** Row-level security refusing a write (SQLSTATE 42501) is the client's fault: 403, not 500. */
  @RestControllerAdvice
  static class Errors {
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<String> refused(DataAccessException e) {
      if ("42501".equals(e.sqlState())) return ResponseEntity.status(HttpStatus.FORBIDDEN).body("not allowed for this team");
      throw e;
    }
  }

  /** A project as the API shows it. */
  public record ProjectView(UUID id, String name, String slug) {}

  /** A new project. */
  public record NewProject(String name, String slug) {}

  @RestController
  static class ProjectsController {
    private final CurrentTenant tenant;

    ProjectsController(CurrentTenant tenant) {
      this.tenant = tenant;
    }

    @GetMapping("/api/projects")
    List<ProjectView> list() {
      return tenant.db().select(PROJECTS.id, PROJECTS.name, PROJECTS.slug)
          .from(PROJECTS)
          .orderBy(PROJECTS.name)
          .fetch(ProjectView::new);
    }

    @PostMapping("/api/projects")
    ProjectView create(@RequestBody NewProject p) {
      UUID team = UUID.fromString(tenant.db().context().tenantId());
      UUID id = tenant.db().insertInto(PROJECTS)
          .set(PROJECTS.teamId, team).set(PROJECTS.name, p.name()).set(PROJECTS.slug, p.slug())
          .returning(PROJECTS.id)
          .fetchOne();
      return new ProjectView(id, p.name(), p.slug());
    }
  }
}
