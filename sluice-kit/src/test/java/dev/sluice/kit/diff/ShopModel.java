package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import java.util.List;
import java.util.Map;

/** One model using every construct the DDL renderer supports, for the live tests. */
final class ShopModel {
  static final String APP_USER = "sluice_ddl_app_user";
  static final String ADMIN = "sluice_ddl_admin";
  static final String AUDITOR = "sluice_ddl_auditor";
  static final String TENANT = "tenant_id = current_setting('app.tenant')::integer";

  private ShopModel() {}

  static SchemaModel build() {
    return Tables.schema()
        .schemas("app")
        .add(new ExtensionModel("citext", null))
        .add(new ExtensionModel("btree_gist", null))
        .add(RoleModel.of(APP_USER))
        .add(new RoleModel(ADMIN, true, true, false, true, false, List.of(APP_USER)))
        .add(new RoleModel(AUDITOR, false, false, true, false, false, List.of()))
        .add(new EnumModel("app", "order_status", List.of("new", "paid", "shipped", "it's complicated"), "where an order is"))
        .add(new DomainModel("app", "email", "public.citext", true, null, List.of(
            new CheckModel("email_at", "VALUE ~ '@'", false), new CheckModel("email_short", "length(VALUE) < 200", true)),
            "an e-mail address"))
        .add(new DomainModel("app", "positive_int", "integer", false, "1", List.of(new CheckModel("positive", "VALUE > 0", false)),
            null))
        .add(new SequenceModel("app", "invoice_no", "integer", new SequenceOptions(1000L, 5L, 1000L, 999999L, 10L, true),
            "invoice numbers"))
        .add(users())
        .add(orders())
        .add(table("app", "departments").notNull("id", "integer").column("manager_id", "integer")
            .primaryKey("departments_pkey", "id")
            .foreignKey(new ForeignKeyModel("departments_manager_fkey", List.of("manager_id"), "app", "employees", List.of("id"),
                ForeignKeyModel.Action.SET_NULL, ForeignKeyModel.Action.CASCADE, ForeignKeyModel.Match.FULL, false, false, true)))
        .add(table("app", "employees").notNull("id", "integer").notNull("department_id", "integer")
            .primaryKey("employees_pkey", "id")
            .foreignKey(new ForeignKeyModel("employees_department_fkey", List.of("department_id"), "app", "departments",
                List.of("id"), ForeignKeyModel.Action.RESTRICT, null, null, true, false, false)))
        .add(table("app", "bookings").notNull("room_id", "integer").notNull("during", "tstzrange")
            .column(new ColumnModel("cancelled", "boolean", true, "false", null, null, null, null))
            .exclusion(new ExclusionModel("bookings_no_overlap", "gist", List.of(
                new ExclusionModel.Element("room_id", null, "="), new ExclusionModel.Element("during", null, "&&")),
                "NOT cancelled", false, false)))
        .add(events())
        .add(table("app", "sessions").notNull("id", "integer").column("data", "jsonb")
            .partitioning(new PartitioningModel(PartitioningModel.Strategy.HASH, List.of("id"), List.of(
                new PartitionModel("sessions_0", "FOR VALUES WITH (modulus 2, remainder 0)", null),
                new PartitionModel("sessions_1", "FOR VALUES WITH (modulus 2, remainder 1)", null)))))
        .add(new ViewModel("app", "active_users", "SELECT id, tenant_id, email FROM app.users WHERE tenant_id > 0", false, true,
            true, ViewModel.CheckOption.LOCAL, false, null, "users of live tenants"))
        .add(new ViewModel("app", "a_user_emails", "SELECT email FROM app.active_users", false, false, false, null, false, null,
            null))
        .add(new ViewModel("app", "order_totals", "SELECT user_id, sum(total) AS total FROM app.orders GROUP BY user_id", true,
            false, false, null, true, List.of(new IndexModel("order_totals_user_idx", true, null,
                List.of(IndexElement.column("user_id")), null, null, null, false, false, "one row per user")), "totals"))
        .add(new ViewModel("app", "a_big_spenders", "SELECT user_id FROM app.order_totals WHERE total > 100", true, false, false,
            null, false, null, null))
        .add(new GrantModel("SCHEMA", null, "app", APP_USER, List.of("USAGE")))
        .add(new GrantModel("TABLE", "app", "users", APP_USER, List.of("SELECT", "INSERT", "UPDATE")))
        .add(new GrantModel("SEQUENCE", "app", "invoice_no", APP_USER, List.of("USAGE", "SELECT")))
        .add(new GrantModel("TABLE", "app", "active_users", "PUBLIC", List.of("SELECT")))
        .build();
  }

  private static Tables users() {
    return table("app", "users")
        .column(new ColumnModel("id", "bigint", true, null,
            new IdentityModel(IdentityModel.Kind.ALWAYS, new SequenceOptions(100L, null, null, null, null, false)), null, null,
            null))
        .column(new ColumnModel("tenant_id", "integer", true, "1", null, null, null, null))
        .column(new ColumnModel("email", "app.email", true, null, null, null, null, "login e-mail, it's unique"))
        .column(new ColumnModel("name", "text", false, null, null, null, "C", null))
        .column(new ColumnModel("created_at", "timestamp with time zone", true, "now()", null, null, null, null))
        .primaryKey("users_pkey", "id")
        .unique(new UniqueModel("users_email_key", List.of("email"), false, false, false))
        .unique(new UniqueModel("users_tenant_name_key", List.of("tenant_id", "name"), true, false, false))
        .index(new IndexModel("users_lower_name_idx", false, null,
            List.of(new IndexElement("lower(name)", true, "POSIX", "text_pattern_ops", true, false)), null, null, null, false,
            false, null))
        .index(new IndexModel("users_created_at_idx", false, "btree",
            List.of(new IndexElement("created_at", false, null, null, true, false)), List.of("email"), "tenant_id > 0",
            Map.of("fillfactor", "70"), false, true, "recent users first"))
        .rls(true, true)
        .policy(new PolicyModel("tenant_isolation", PolicyModel.Command.ALL, true, List.of(APP_USER), TENANT, TENANT))
        .policy(new PolicyModel("hide_hidden", PolicyModel.Command.SELECT, false, List.of(APP_USER),
            "name IS DISTINCT FROM 'hidden'", null))
        .comment("people who sign in");
  }

  private static Tables orders() {
    return table("app", "orders")
        .column(new ColumnModel("id", "serial", true, null, null, null, null, null))
        .notNull("user_id", "bigint")
        .column(new ColumnModel("status", "app.order_status", true, "'new'::app.order_status", null, null, null, null))
        .column(new ColumnModel("quantity", "app.positive_int", false, null, null, null, null, null))
        .notNull("total", "numeric(12,2)")
        .column(new ColumnModel("total_with_tax", "numeric(12,2)", false, null, null, "total * 1.2", null, null))
        .column(new ColumnModel("invoice_no", "integer", false, "nextval('app.invoice_no'::regclass)", null, null, null, null))
        .column("note", "text")
        .primaryKey("orders_pkey", "id")
        .check("orders_total_check", "total >= 0")
        .check(new CheckModel("orders_note_check", "length(note) < 1000", true))
        .foreignKey(new ForeignKeyModel("orders_user_id_fkey", List.of("user_id"), "app", "users", List.of("id"),
            ForeignKeyModel.Action.CASCADE, null, null, true, true, false))
        .index(new IndexModel("orders_user_note_idx", true, null,
            List.of(IndexElement.column("user_id"), IndexElement.column("note")), null, null, null, true, false, null));
  }

  private static Tables events() {
    var sub = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("kind"), List.of(
        new PartitionModel("events_2024_click", "FOR VALUES IN ('click')", null),
        new PartitionModel("events_2024_other", "DEFAULT", null)));
    return table("app", "events").notNull("occurred_at", "timestamp with time zone").notNull("kind", "text")
        .column("payload", "jsonb")
        .index(Tables.index("events_kind_idx", "kind"))
        .partitioning(new PartitioningModel(PartitioningModel.Strategy.RANGE, List.of("occurred_at"), List.of(
            new PartitionModel("events_2024", "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')", sub),
            new PartitionModel("events_default", "DEFAULT", null))));
  }
}
