package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;

import dev.sluice.schema.Function;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.RenameHint;
import dev.sluice.schema.Trigger;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.ViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ChangeFixtures} pairs for objects that change place: a table, a view and an enum moving to another schema. */
final class RelationFixtures {
  private RelationFixtures() {}

  /** A trigger function that stays in the old schema while its trigger moves with the table. */
  private static final Function TOUCH = Function.plpgsql(Namespace.of("fx_move"), "touch").returnsTrigger()
      .body("begin return new; end");

  private static ColumnModel col(String name, String type, boolean notNull) {
    return new ColumnModel(name, type, notNull, null, null, null, null, null);
  }

  private static SchemaModel moveModel(String s, String home, String view) {
    return Tables.schema().schemas(s, s + "_billing")
        .add(new EnumModel(home, "status", List.of("open", "paid"), null))
        .add(table(home, "invoice").column(col("id", "serial", true)).column("state", home + ".status").column("amount", "numeric(10,2)")
            .primaryKey("invoice_pkey", "id").index(Tables.index("invoice_state_idx", "state")))
        .add(table(s, "line").column(col("id", "integer", true)).column("invoice_id", "integer").primaryKey("line_pkey", "id")
            .foreignKey(Tables.fk("line_invoice_id_fkey", "invoice_id", home, "invoice", "id")))
        .add(new ViewModel(home, view, "SELECT id, amount FROM " + home + ".invoice", false, false, false, null, false, null, null))
        .add(new GrantModel("TABLE", home, "invoice", "PUBLIC", List.of("SELECT")))
        .add(Trigger.before(Trigger.UPDATE).on(home, "invoice").forEachRow().named("invoice_touch").execute(TOUCH))
        .build();
  }

  /**
   * {@code public.invoice=billing.invoice}: a table with a serial key, an index, a grant and an
   * incoming foreign key moves with {@code SET SCHEMA} (rows and sequence kept), its enum moves too,
   * and a view over it moves and is renamed; its trigger follows; the target schema is created first.
   */
  static ChangeFixtures.Fixture schemaMoves() {
    String s = "fx_move";
    String billing = s + "_billing";
    SchemaModel from = moveModel(s, s, "open_invoices");
    SchemaModel to = moveModel(s, billing, "invoices_open");
    from = new SchemaModel(List.of(s), from.extensions(), from.roles(), from.enums(), from.domains(), from.sequences(),
        from.tables(), from.views(), from.grants(), from.functions(), from.triggers(), from.compositeTypes());
    DiffOptions hints = DiffOptions.renames(List.of(RenameHint.moveTable(s, "invoice", billing, "invoice"),
        RenameHint.moveEnum(s, "status", billing, "status"), RenameHint.moveView(s, "open_invoices", billing, "invoices_open")));
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select string_agg(id || ':' || state || ':' || amount, ',' order by id) from fx_move_billing.invoice",
        "1:open:1.50,2:paid:2.00");
    expect.put("insert into fx_move_billing.invoice (state, amount) values ('open', 3) returning id::text", "3");
    expect.put("select count(*) from fx_move.line l join fx_move_billing.invoices_open v on v.id = l.invoice_id", "1");
    return new ChangeFixtures.Fixture(s, from, to, hints,
        List.of("insert into fx_move.invoice (state, amount) values ('open', 1.5), ('paid', 2)",
            "insert into fx_move.line values (1, 2)"),
        expect, List.of());
  }
}
