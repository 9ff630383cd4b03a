package dev.sluice.spring.boot.web;

import dev.sluice.runtime.Database;
import dev.sluice.runtime.TenantContext;
import dev.sluice.spring.boot.CurrentTenant;
import dev.sluice.spring.boot.TenantContextResolver;
import dev.sluice.sql.Sql;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny web app over the test migrations: notes per tenant (header X-Tenant), and a failing transactional
 * write. A JDBC app: the JPA on the tests' classpath (for the contract's JPA ordering check) is left out,
 * by each Boot line's class name.
 */
@SpringBootApplication(excludeName = {"org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
public class NotesApp {
  @Bean
  TenantContextResolver tenantFromHeader() {
    return request -> {
      String tenant = request.getHeader("X-Tenant");
      return tenant == null ? null : TenantContext.builder().tenantId(tenant).dbRole("sluice_boot_app").build();
    };
  }

  @RestController
  static class Notes {
    private final CurrentTenant tenant;
    private final Writer writer;
    private final JdbcTemplate jdbc;

    Notes(CurrentTenant tenant, Writer writer, JdbcTemplate jdbc) {
      this.tenant = tenant;
      this.writer = writer;
      this.jdbc = jdbc;
    }

    @GetMapping("/api/notes")
    List<String> list() {
      return tenant.db().executor().query(Sql.raw("select body from notes order by id").render(), rs -> rs.getString(1));
    }

    @PostMapping("/api/notes")
    int add(@RequestBody String body) {
      return tenant.db().executor().execute(Sql.raw("insert into notes(body) values (" + dev.sluice.sql.Literals.string(body) + ")").render());
    }

    @PostMapping("/admin/failing/{body}")
    String failing(@PathVariable String body) {
      try {
        writer.insertThenFail(body);
        return "committed?";
      } catch (IllegalStateException e) {
        return "rolled back: " + jdbc.queryForObject("select count(*) from notes where body = ?", Long.class, body);
      }
    }
  }

  @Service
  static class Writer {
    private final Database db;

    Writer(Database db) {
      this.db = db;
    }

    @Transactional
    public void insertThenFail(String body) {
      db.executor().execute(Sql.raw("insert into notes(body) values (" + dev.sluice.sql.Literals.string(body) + ")").render());
      throw new IllegalStateException("fails after the insert");
    }
  }
}
