package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.RuleModel;
import dev.sluice.schema.model.RuleModel.Event;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TriggerModel.Enabled;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules created with plain SQL, read back with PostgreSQL's printed condition and actions, views' own rules left out. */
@PgTest
class IntrospectorRulesLiveTest {
  static SchemaModel model;

  @BeforeAll
  static void create(PgTestContext pg) throws Exception {
    pg.execute("""
        CREATE SCHEMA rules;
        CREATE TABLE rules.t (id integer, note text);
        CREATE TABLE rules.log (what text);
        CREATE VIEW rules.v AS SELECT id FROM rules.t;
        CREATE RULE nothing AS ON DELETE TO rules.t DO INSTEAD NOTHING;
        CREATE RULE "Tricky Where" AS ON UPDATE TO rules.t WHERE new.note = ' DO (' DO ALSO
          INSERT INTO rules.log VALUES ('x DO y');
        CREATE RULE two AS ON INSERT TO rules.t WHERE new.id < 0 DO INSTEAD (
          INSERT INTO rules.log VALUES ('neg'); INSERT INTO rules.log VALUES ('again'));
        ALTER TABLE rules.t ENABLE REPLICA RULE two;
        COMMENT ON RULE nothing ON rules.t IS 'keep rows';
        CREATE RULE v_ins AS ON INSERT TO rules.v DO INSTEAD INSERT INTO rules.t (id) VALUES (new.id);
        CREATE TABLE rules.hidden (id integer);
        CREATE RULE h AS ON DELETE TO rules.hidden DO INSTEAD NOTHING;
        """);
    try (Connection c = pg.connect()) {
      model = Introspector.introspect(c, new IntrospectOptions(List.of("rules"), List.of("hidden")));
    }
  }

  @Test
  void readsEventInsteadConditionActionsFiringStateAndCommentButNotViewSelectRules() {
    assertThat(model.rules()).containsExactly(
        new RuleModel("rules", "t", "Tricky Where", Event.UPDATE, false, "(new.note = ' DO ('::text)",
            "INSERT INTO rules.log (what)\n  VALUES ('x DO y'::text)", Enabled.ORIGIN, null),
        new RuleModel("rules", "t", "nothing", Event.DELETE, true, null, "NOTHING", Enabled.ORIGIN, "keep rows"),
        new RuleModel("rules", "t", "two", Event.INSERT, true, "(new.id < 0)",
            "( INSERT INTO rules.log (what)\n  VALUES ('neg'::text);\n INSERT INTO rules.log (what)\n  VALUES ('again'::text);\n)",
            Enabled.REPLICA, null),
        new RuleModel("rules", "v", "v_ins", Event.INSERT, true, null, "INSERT INTO rules.t (id)\n  VALUES (new.id)", Enabled.ORIGIN,
            null));
  }
}
