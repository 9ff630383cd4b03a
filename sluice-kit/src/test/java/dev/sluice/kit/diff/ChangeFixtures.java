package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;

import dev.sluice.schema.RenameHint;
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
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * From/to model pairs, one or more per kind of object, shared by the golden tests
 * ({@link DifferAlterTest}, {@link DifferRenameTest}) and the live convergence test. Each fixture
 * lives in its own schema (its name) so all can share one database; {@code seed} inserts rows into
 * {@code from}, and {@code expect} maps a query to the single value it must return after the
 * migration (rows surviving where the object exists on both sides).
 */
final class ChangeFixtures {
  private ChangeFixtures() {}

  record Fixture(String name, SchemaModel from, SchemaModel to, DiffOptions options, List<String> seed,
      Map<String, String> expect, List<String> extensions) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final class Builder {
    final String name;
    SchemaModel from;
    SchemaModel to;
    DiffOptions options = DiffOptions.NONE;
    final List<String> seed = new ArrayList<>();
    final Map<String, String> expect = new LinkedHashMap<>();
    final List<String> extensions = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    Builder from(Tables.SchemaModelBuilder b) {
      from = b.build();
      return this;
    }

    Builder to(Tables.SchemaModelBuilder b) {
      to = b.build();
      return this;
    }

    Builder options(DiffOptions o) {
      options = o;
      return this;
    }

    Builder seed(String... sql) {
      seed.addAll(List.of(sql));
      return this;
    }

    Builder expect(String query, String value) {
      expect.put(query, value);
      return this;
    }

    Builder needs(String extension) {
      extensions.add(extension);
      return this;
    }

    Fixture build() {
      return new Fixture(name, from, to, options, List.copyOf(seed), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expect)),
          List.copyOf(extensions));
    }
  }

  private static Tables.SchemaModelBuilder in(String schema) {
    return Tables.schema().schemas(schema);
  }

  private static ColumnModel col(String name, String type, boolean notNull, String dflt) {
    return new ColumnModel(name, type, notNull, dflt, null, null, null, null);
  }

  private static ViewModel view(String schema, String name, String query) {
    return new ViewModel(schema, name, query, false, false, false, null, false, null, null);
  }

  /** Every fixture, in a stable order. */
  static List<Fixture> all() {
    List<Fixture> out = new ArrayList<>();
    out.add(schemas());
    out.add(extensions());
    out.add(roles());
    out.add(enumValuesAdded());
    out.add(enumValueRemoved());
    out.add(enumReordered());
    out.add(domains());
    out.add(sequences());
    out.add(tables());
    out.add(columnsAddedAndDropped());
    out.add(columnTypes());
    out.add(nullabilityAndDefaults());
    out.add(identity());
    out.add(generated());
    out.add(collationAndComments());
    out.add(constraints());
    out.add(referencedKeyRebuilt());
    out.add(indexes());
    out.add(views());
    out.add(materializedViews());
    out.add(partitions());
    out.add(rlsAndPolicies());
    out.add(grants());
    out.add(validation());
    out.add(serials());
    out.add(serialToIdentity());
    out.add(policyOverRetypedColumn());
    out.addAll(renames());
    out.add(schemaAndViewRenames());
    out.add(ObjectKindFixtures.compositeTypes());
    out.add(ObjectKindFixtures.tableOptions());
    out.add(ObjectKindFixtures.clusterOn());
    out.add(RelationFixtures.schemaMoves());
    out.add(RelationFixtures.defaultAndSubPartitions());
    out.addAll(InheritanceFixtures.all());
    out.add(PartitionOwnFixtures.ownIndexesAndForeignKeys());
    out.add(PartitionOwnFixtures.ownConstraints());
    return out;
  }

  static Fixture byName(String name) {
    return all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  static Fixture schemas() {
    String s = "fx_schemas";
    return new Builder(s)
        .from(in(s).schemas("fx_schemas_old").add(table(s, "keep").column("id", "integer")))
        .to(in(s).schemas("fx_schemas_new").add(table(s, "keep").column("id", "integer")))
        .seed("insert into fx_schemas.keep values (1), (2)")
        .expect("select count(*) from fx_schemas.keep", "2")
        .expect("select count(*) from pg_namespace where nspname like 'fx_schemas_%'", "1")
        .build();
  }

  static Fixture extensions() {
    String s = "fx_extensions";
    return new Builder(s)
        .from(in(s).add(new ExtensionModel("pg_trgm", null)).add(table(s, "t").column("a", "text")))
        .to(in(s).add(new ExtensionModel("btree_gist", null)).add(table(s, "t").column("a", "text")))
        .seed("insert into fx_extensions.t values ('x')")
        .expect("select count(*) from fx_extensions.t", "1")
        .expect("select string_agg(extname, ',' order by extname) from pg_extension where extname in ('pg_trgm', 'btree_gist')",
            "btree_gist")
        .needs("pg_trgm").needs("btree_gist")
        .build();
  }

  static Fixture roles() {
    String s = "fx_roles";
    return new Builder(s)
        .from(in(s).add(RoleModel.of("fx_roles_group")).add(RoleModel.of("fx_roles_app")).add(RoleModel.of("fx_roles_gone")))
        .to(in(s).add(RoleModel.of("fx_roles_group"))
            .add(new RoleModel("fx_roles_app", true, false, false, false, false, List.of("fx_roles_group")))
            .add(RoleModel.of("fx_roles_new")))
        .expect("select rolcanlogin::text || rolinherit::text from pg_roles where rolname = 'fx_roles_app'", "truefalse")
        .expect("select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member "
            + "where r.rolname = 'fx_roles_app'", "1")
        .expect("select count(*) from pg_roles where rolname in ('fx_roles_gone', 'fx_roles_new')", "2")
        .build();
  }

  private static Tables moodTable(String s, String type, String dflt) {
    return table(s, "people").column("id", "integer").column(col("mood", type, false, dflt)).column("moods", type + "[]")
        .primaryKey("people_pkey", "id");
  }

  static Fixture enumValuesAdded() {
    String s = "fx_enum_add";
    return new Builder(s)
        .from(in(s).add(new EnumModel(s, "mood", List.of("sad", "happy"), null)).add(moodTable(s, s + ".mood", null)))
        .to(in(s).add(new EnumModel(s, "mood", List.of("very_sad", "sad", "ok", "happy", "ecstatic"), "how one feels"))
            .add(moodTable(s, s + ".mood", null)))
        .seed("insert into fx_enum_add.people values (1, 'sad', '{sad,happy}'), (2, 'happy', null)")
        .expect("select string_agg(mood::text, ',' order by id) from fx_enum_add.people", "sad,happy")
        .expect("select string_agg(e::text, ',' order by e) from unnest(enum_range(null::fx_enum_add.mood)) e",
            "very_sad,sad,ok,happy,ecstatic")
        .build();
  }

  static Fixture enumValueRemoved() {
    String s = "fx_enum_remove";
    return new Builder(s)
        .from(in(s).add(new EnumModel(s, "mood", List.of("sad", "meh", "happy"), null))
            .add(moodTable(s, s + ".mood", "'happy'::" + s + ".mood").index(happyIndex()).check("people_mood_check", "mood <> 'meh'"))
            .add(table(s, "history").column("mood", s + ".mood"))
            .add(view(s, "happy_people", "SELECT id FROM fx_enum_remove.people WHERE mood = 'happy'")))
        .to(in(s).add(new EnumModel(s, "mood", List.of("sad", "happy"), null))
            .add(moodTable(s, s + ".mood", "'happy'::" + s + ".mood").index(happyIndex()).check("people_mood_check", "mood <> 'sad'"))
            .add(table(s, "history").column("mood", "text"))
            .add(view(s, "happy_people", "SELECT id FROM fx_enum_remove.people WHERE mood = 'happy'")))
        .seed("insert into fx_enum_remove.people values (1, 'happy', '{sad,happy}'), (2, 'happy', null)",
            "insert into fx_enum_remove.history values ('sad')")
        .expect("select string_agg(mood::text || coalesce(moods::text, ''), ',' order by id) from fx_enum_remove.people",
            "happy{sad,happy},happy")
        .expect("select mood from fx_enum_remove.history", "sad")
        .expect("select count(*) from fx_enum_remove.happy_people", "2")
        .expect("select string_agg(e::text, ',' order by e) from unnest(enum_range(null::fx_enum_remove.mood)) e", "sad,happy")
        .build();
  }

  private static IndexModel happyIndex() {
    return new IndexModel("people_happy_idx", false, null, List.of(IndexModel.IndexElement.column("id")), null,
        "mood = 'happy'::fx_enum_remove.mood", null, false, false, null);
  }

  static Fixture enumReordered() {
    String s = "fx_enum_order";
    return new Builder(s)
        .from(in(s).add(new EnumModel(s, "size", List.of("large", "small", "medium"), null))
            .add(table(s, "shirts").column("id", "integer").column("size", s + ".size")))
        .to(in(s).add(new EnumModel(s, "size", List.of("small", "medium", "large"), null))
            .add(table(s, "shirts").column("id", "integer").column("size", s + ".size")))
        .seed("insert into fx_enum_order.shirts values (1, 'large'), (2, 'small'), (3, 'medium')")
        .expect("select string_agg(id::text, ',' order by size) from fx_enum_order.shirts", "2,3,1")
        .build();
  }

  static Fixture domains() {
    String s = "fx_domains";
    return new Builder(s)
        .from(in(s).add(new DomainModel(s, "qty", "integer", false, null,
                List.of(new CheckModel("qty_positive", "VALUE > 0", false), new CheckModel("qty_small", "VALUE < 1000", false)), null))
            .add(new DomainModel(s, "gone", "text", false, null, null, null))
            .add(table(s, "lines").column("n", s + ".qty")))
        .to(in(s).add(new DomainModel(s, "qty", "integer", true, "1",
                List.of(new CheckModel("qty_positive", "VALUE >= 1", false), new CheckModel("qty_even", "VALUE % 2 = 0", true)),
                "a quantity"))
            .add(table(s, "lines").column("n", s + ".qty")))
        .seed("insert into fx_domains.lines values (3), (4)")
        .expect("select string_agg(n::text, ',' order by n) from fx_domains.lines", "3,4")
        .build();
  }

  static Fixture sequences() {
    String s = "fx_sequences";
    return new Builder(s)
        .from(in(s).add(new SequenceModel(s, "invoice_no", "integer", null, null))
            .add(new SequenceModel(s, "gone", "bigint", null, null)))
        .to(in(s).add(new SequenceModel(s, "invoice_no", "bigint", new SequenceOptions(1000L, 5L, null, null, 10L, false), "numbers"))
            .add(new SequenceModel(s, "fresh", "bigint", null, null)))
        .seed("select nextval('fx_sequences.invoice_no')", "select nextval('fx_sequences.invoice_no')")
        .expect("select last_value from fx_sequences.invoice_no", "2")
        .expect("select nextval('fx_sequences.invoice_no')", "7")
        .build();
  }

  static Fixture tables() {
    String s = "fx_tables";
    return new Builder(s)
        .from(in(s).add(table(s, "gone").column("id", "integer").column("label", "text").primaryKey("gone_pkey", "id"))
            .add(table(s, "child").column("id", "integer").column("gone_id", "integer")
                .foreignKey(Tables.fk("child_gone_id_fkey", "gone_id", s, "gone", "id")))
            .add(table(s, "kept").column("id", "integer")))
        .to(in(s).add(table(s, "kept").column("id", "integer"))
            .add(table(s, "created").column("id", "uuid").column("at", "timestamp with time zone").column("data", "jsonb")))
        .seed("insert into fx_tables.kept values (1)", "insert into fx_tables.gone values (1, 'a')",
            "insert into fx_tables.child values (1, 1)")
        .expect("select count(*) from fx_tables.kept", "1")
        .expect("select count(*) from pg_tables where schemaname = 'fx_tables'", "2")
        .build();
  }

  static Fixture columnsAddedAndDropped() {
    String s = "fx_columns";
    return new Builder(s)
        .from(in(s).add(table(s, "items").column("id", "integer").column("legacy", "text")))
        .to(in(s).add(table(s, "items").column("id", "integer").column(col("qty", "integer", true, "0"))
            .column("note", "character varying(200)")))
        .seed("insert into fx_columns.items values (1, 'x'), (2, 'y')")
        .expect("select string_agg(id || ':' || qty, ',' order by id) from fx_columns.items", "1:0,2:0")
        .build();
  }

  static Fixture columnTypes() {
    String s = "fx_types";
    return new Builder(s)
        .from(in(s).add(table(s, "m").column("a", "integer").column("b", "text").column(col("c", "character varying(10)", false, "'x'"))
            .column("d", "numeric(10,2)").column("e", "text")))
        .to(in(s).add(table(s, "m").column("a", "bigint").column("b", "integer")
            .column(col("c", "character varying(50)", false, "'y'::character varying")).column("d", "numeric(6,1)")
            .column("e", "jsonb")))
        .seed("insert into fx_types.m values (1, '42', 'abc', 12.34, '{\"k\": 1}')")
        .expect("select a || '|' || b || '|' || c || '|' || d || '|' || (e->>'k') from fx_types.m", "1|42|abc|12.3|1")
        .build();
  }

  static Fixture nullabilityAndDefaults() {
    String s = "fx_nulls";
    return new Builder(s)
        .from(in(s).add(table(s, "t").column("a", "integer").column(col("b", "integer", true, "1")).column(col("c", "text", false, "'c'"))))
        .to(in(s).add(table(s, "t").column(col("a", "integer", true, "7")).column("b", "integer").column(col("c", "text", false, "'d'"))))
        .seed("insert into fx_nulls.t values (1, 2, 'x')")
        .expect("select concat(a, b, c) from fx_nulls.t", "12x")
        .expect("select count(*) from fx_nulls.t where (select column_default from information_schema.columns "
            + "where table_schema = 'fx_nulls' and table_name = 't' and column_name = 'a') = '7'", "1")
        .build();
  }

  static Fixture identity() {
    String s = "fx_identity";
    IdentityModel always = new IdentityModel(IdentityModel.Kind.ALWAYS, null);
    IdentityModel byDefault = new IdentityModel(IdentityModel.Kind.BY_DEFAULT, new SequenceOptions(100L, 2L, null, null, null, false));
    return new Builder(s)
        .from(in(s).add(table(s, "t").column(col("a", "integer", true, null))
            .column(new ColumnModel("b", "bigint", true, null, always, null, null, null))
            .column(new ColumnModel("c", "bigint", true, null, always, null, null, null))))
        .to(in(s).add(table(s, "t").column(new ColumnModel("a", "integer", true, null, always, null, null, null))
            .column(new ColumnModel("b", "bigint", true, null, byDefault, null, null, null))
            .column(col("c", "bigint", true, null))))
        .seed("insert into fx_identity.t (a) values (5)")
        .expect("select a || ',' || b || ',' || c from fx_identity.t", "5,1,1")
        .expect("insert into fx_identity.t (c) values (9) returning a", "6")
        .build();
  }

  static Fixture generated() {
    String s = "fx_generated";
    return new Builder(s)
        .from(in(s).add(table(s, "t").column("price", "numeric").column("qty", "integer")
            .column(new ColumnModel("total", "numeric", false, null, null, "price * qty", null, null))
            .column(new ColumnModel("doubled", "integer", false, null, null, "qty * 2", null, null))))
        .to(in(s).add(table(s, "t").column("price", "numeric").column("qty", "integer")
            .column(new ColumnModel("total", "numeric", false, null, null, "price * qty * 1.2", null, null))
            .column("doubled", "integer")))
        .seed("insert into fx_generated.t (price, qty) values (10, 3)")
        .expect("select total || ',' || doubled from fx_generated.t", "36.0,6")
        .build();
  }

  static Fixture collationAndComments() {
    String s = "fx_comments";
    return new Builder(s)
        .from(in(s).add(table(s, "t").column("name", "text").comment("old comment")))
        .to(in(s).add(table(s, "t").column(new ColumnModel("name", "text", false, null, null, null, "C", "the name"))))
        .seed("insert into fx_comments.t values ('b'), ('B')")
        .expect("select string_agg(name, ',' order by name) from fx_comments.t", "B,b")
        .expect("select coalesce(obj_description('fx_comments.t'::regclass, 'pg_class'), 'none')", "none")
        .expect("select col_description('fx_comments.t'::regclass, 1)", "the name")
        .build();
  }

  static Fixture constraints() {
    String s = "fx_constraints";
    return new Builder(s)
        .from(in(s).add(table(s, "parent").column(col("id", "integer", true, null)).column(col("code", "text", true, null))
                .primaryKey("parent_pkey", "id"))
            .add(table(s, "booking").column(col("id", "integer", true, null)).column("parent_id", "integer").column("during", "tsrange")
                .column("qty", "integer").primaryKey("booking_pkey", "id")
                .foreignKey(Tables.fk("booking_parent_fkey", "parent_id", s, "parent", "id"))
                .unique(new UniqueModel("booking_qty_key", List.of("qty"), false, false, false))
                .check("booking_qty_check", "qty > 0")
                .check(new CheckModel("booking_id_check", "id > 0", true))))
        .to(in(s).add(table(s, "parent").column(col("id", "integer", true, null)).column(col("code", "text", true, null))
                .primaryKey("parent_pkey", "id", "code"))
            // qty is in the primary key, so it is NOT NULL (as PostgreSQL makes it, and as the DSL's primaryKey() declares)
            .add(table(s, "booking").column(col("id", "integer", true, null)).column("parent_id", "integer").column("during", "tsrange")
                .column(col("qty", "integer", true, null)).primaryKey("booking_pkey", "id", "qty")
                .foreignKey(Tables.fk("booking_parent_id_fkey", "parent_id", s, "booking", "id"))
                .unique(new UniqueModel("booking_id_key", List.of("id"), false, false, false))
                .check("booking_qty_check", "qty >= 0")
                .check(new CheckModel("booking_id_check", "id > 0", false))
                .exclusion(new ExclusionModel("booking_during_excl", "gist",
                    List.of(new ExclusionModel.Element("during", null, "&&")), null, false, false))))
        .seed("insert into fx_constraints.parent values (1, 'a')",
            "insert into fx_constraints.booking values (1, null, '[2024-01-01,2024-01-02)', 5)")
        .expect("select count(*) from fx_constraints.booking", "1")
        .expect("select count(*) from pg_constraint where conrelid = 'fx_constraints.booking'::regclass", "6")
        .build();
  }

  static Fixture referencedKeyRebuilt() {
    String s = "fx_fk_rebuild";
    return new Builder(s)
        .from(in(s).add(table(s, "a").column(col("code", "text", true, null))
                .unique(new UniqueModel("a_code_key", List.of("code"), false, false, false)))
            .add(table(s, "b").column("code", "text").foreignKey(Tables.fk("b_code_fkey", "code", s, "a", "code"))))
        .to(in(s).add(table(s, "a").column(col("code", "text", true, null))
                .unique(new UniqueModel("a_code_key", List.of("code"), true, false, false)))
            .add(table(s, "b").column("code", "text").foreignKey(Tables.fk("b_code_fkey", "code", s, "a", "code"))))
        .seed("insert into fx_fk_rebuild.a values ('x')", "insert into fx_fk_rebuild.b values ('x')")
        .expect("select count(*) from fx_fk_rebuild.b", "1")
        .build();
  }

  static Fixture indexes() {
    String s = "fx_indexes";
    IndexModel changed = new IndexModel("t_b_idx", false, null, List.of(IndexModel.IndexElement.column("b")), null, "b > 0", null,
        false, false, "positive b");
    IndexModel concurrent = new IndexModel("t_c_idx", false, "hash", List.of(IndexModel.IndexElement.column("c")), null, null, null,
        false, true, null);
    return new Builder(s)
        .from(in(s).add(table(s, "t").column("a", "integer").column("b", "integer").column("c", "text")
            .index(Tables.index("t_a_idx", "a")).index(Tables.index("t_b_idx", "b"))))
        .to(in(s).add(table(s, "t").column("a", "integer").column("b", "integer").column("c", "text")
            .index(changed).index(concurrent)))
        .seed("insert into fx_indexes.t values (1, 2, 'x')")
        .expect("select count(*) from fx_indexes.t", "1")
        .expect("select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = 'fx_indexes'",
            "t_b_idx,t_c_idx")
        .build();
  }

  static Fixture views() {
    String s = "fx_views";
    return new Builder(s)
        .from(in(s).add(table(s, "t").column("a", "integer").column("b", "integer"))
            .add(view(s, "base", "SELECT a FROM fx_views.t"))
            .add(view(s, "top", "SELECT a FROM fx_views.base WHERE a > 0"))
            .add(view(s, "over_b", "SELECT b FROM fx_views.t"))
            .add(view(s, "unrelated", "SELECT 1 AS one"))
            .add(new GrantModel("TABLE", s, "top", "PUBLIC", List.of("SELECT"))))
        .to(in(s).add(table(s, "t").column("a", "integer").column("b", "bigint"))
            .add(view(s, "base", "SELECT a, a * 2 AS twice FROM fx_views.t"))
            .add(view(s, "top", "SELECT a FROM fx_views.base WHERE a > 0"))
            .add(view(s, "over_b", "SELECT b FROM fx_views.t"))
            .add(view(s, "unrelated", "SELECT 1 AS one"))
            .add(new GrantModel("TABLE", s, "top", "PUBLIC", List.of("SELECT"))))
        .seed("insert into fx_views.t values (1, 2)")
        .expect("select count(*) from fx_views.top", "1")
        .expect("select twice from fx_views.base", "2")
        .expect("select has_table_privilege('public', 'fx_views.top', 'SELECT')::text", "true")
        .build();
  }

  static Fixture materializedViews() {
    String s = "fx_matviews";
    ViewModel before = new ViewModel(s, "totals", "SELECT count(*) AS n FROM fx_matviews.t", true, false, false, null, true,
        List.of(Tables.index("totals_n_idx", "n")), null);
    ViewModel after = new ViewModel(s, "totals", "SELECT count(*) AS n, max(a) AS top FROM fx_matviews.t", true, false, false, null,
        true, List.of(Tables.index("totals_n_idx", "n")), "cached totals");
    ViewModel stable = new ViewModel(s, "stable", "SELECT 1 AS one", true, false, false, null, true,
        List.of(Tables.index("stable_one_idx", "one")), null);
    ViewModel stable2 = new ViewModel(s, "stable", "SELECT 1 AS one", true, false, false, null, true,
        List.of(new IndexModel("stable_one_idx", true, null, List.of(IndexModel.IndexElement.column("one")), null, null, null, false,
            false, null)), null);
    return new Builder(s)
        .from(in(s).add(table(s, "t").column("a", "integer")).add(before).add(stable))
        .to(in(s).add(table(s, "t").column("a", "integer")).add(after).add(stable2))
        .seed("insert into fx_matviews.t values (1), (5)")
        .expect("select n || ',' || top from fx_matviews.totals", "2,5")
        .expect("select indexdef like 'CREATE UNIQUE%' from pg_indexes where indexname = 'stable_one_idx'", "t")
        .build();
  }

  static Fixture partitions() {
    String s = "fx_partitions";
    PartitioningModel p1 = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("region"), List.of(
        new PartitionModel("sales_eu", "FOR VALUES IN ('eu')", null),
        new PartitionModel("sales_us", "FOR VALUES IN ('us')", null),
        new PartitionModel("sales_old", "FOR VALUES IN ('old')", null),
        new PartitionModel("sales_apac", "FOR VALUES IN ('apac')", null)));
    PartitioningModel p2 = new PartitioningModel(PartitioningModel.Strategy.LIST, List.of("region"), List.of(
        new PartitionModel("sales_eu", "FOR VALUES IN ('eu', 'uk')", null),
        new PartitionModel("sales_us", "FOR VALUES IN ('us')", null),
        new PartitionModel("sales_latam", "FOR VALUES IN ('latam')", null),
        new PartitionModel("sales_africa", "FOR VALUES IN ('africa')", null)));
    return new Builder(s)
        .from(in(s).add(table(s, "sales").column("region", "text").column("amount", "integer").partitioning(p1))
            .add(table(s, "sales_africa").column("region", "text").column("amount", "integer")))
        .to(in(s).add(table(s, "sales").column("region", "text").column("amount", "integer").partitioning(p2))
            .add(table(s, "sales_apac").column("region", "text").column("amount", "integer")))
        .seed("insert into fx_partitions.sales values ('eu', 1), ('us', 2), ('old', 3), ('apac', 4)",
            "insert into fx_partitions.sales_africa values ('africa', 5)")
        .expect("select sum(amount) from fx_partitions.sales", "8")
        .expect("select count(*) from fx_partitions.sales_apac", "1")
        .build();
  }

  static Fixture rlsAndPolicies() {
    String s = "fx_policies";
    Tables before = table(s, "docs").column("owner", "text").column("body", "text").rls(true, false)
        .policy(new PolicyModel("own_read", PolicyModel.Command.SELECT, true, List.of(), "owner = current_user", null))
        .policy(new PolicyModel("own_write", PolicyModel.Command.UPDATE, true, List.of(), "owner = current_user",
            "owner = current_user"))
        .policy(new PolicyModel("gone", PolicyModel.Command.ALL, true, List.of(), "true", null));
    Tables after = table(s, "docs").column("owner", "text").column("body", "text").rls(true, true)
        .policy(new PolicyModel("own_read", PolicyModel.Command.SELECT, true, List.of(), "owner = session_user", null))
        .policy(new PolicyModel("own_write", PolicyModel.Command.UPDATE, true, List.of(), "owner = current_user", null))
        .policy(new PolicyModel("admin", PolicyModel.Command.DELETE, false, List.of(), "false", null));
    return new Builder(s)
        .from(in(s).add(before))
        .to(in(s).add(after))
        .seed("insert into fx_policies.docs values ('me', 'x')")
        .expect("select count(*) from fx_policies.docs", "1")
        .expect("select string_agg(polname, ',' order by polname) from pg_policy where polrelid = 'fx_policies.docs'::regclass",
            "admin,own_read,own_write")
        .build();
  }

  static Fixture grants() {
    String s = "fx_grants";
    return new Builder(s)
        .from(in(s).add(RoleModel.of("fx_grants_reader")).add(table(s, "t").column("a", "integer"))
            .add(new GrantModel("TABLE", s, "t", "fx_grants_reader", List.of("SELECT", "UPDATE")))
            .add(new GrantModel("SCHEMA", null, s, "fx_grants_reader", List.of("USAGE"))))
        .to(in(s).add(RoleModel.of("fx_grants_reader")).add(table(s, "t").column("a", "integer"))
            .add(new GrantModel("TABLE", s, "t", "fx_grants_reader", List.of("INSERT", "SELECT"))))
        .seed("insert into fx_grants.t values (1)")
        .expect("select has_table_privilege('fx_grants_reader', 'fx_grants.t', 'INSERT')::text"
            + " || has_table_privilege('fx_grants_reader', 'fx_grants.t', 'UPDATE')::text"
            + " || has_schema_privilege('fx_grants_reader', 'fx_grants', 'USAGE')::text", "truefalsefalse")
        .build();
  }

  /** Renames declared by hints; the reverse diff uses the reversed hints. */
  static List<Fixture> renames() {
    String s = "fx_renames";
    var from = in(s).add(new EnumModel(s, "mood", List.of("sad", "glad"), null))
        .add(table(s, "users").column(col("id", "integer", true, null)).column("email", "text").column("mood", s + ".mood")
            .primaryKey("users_pkey", "id").index(Tables.index("users_email_idx", "email")))
        .add(table(s, "orders").column("id", "integer").column("user_id", "integer")
            .foreignKey(Tables.fk("orders_user_id_fkey", "user_id", s, "users", "id")));
    var to = in(s).add(new EnumModel(s, "feeling", List.of("sad", "happy"), null))
        .add(table(s, "members").column(col("id", "integer", true, null)).column("email_address", "text")
            .column("mood", s + ".feeling").primaryKey("members_pkey", "id").index(Tables.index("members_email_idx", "email_address")))
        .add(table(s, "orders").column("id", "integer").column("member_id", "integer")
            .foreignKey(Tables.fk("orders_user_id_fkey", "member_id", s, "members", "id")));
    DiffOptions hints = DiffOptions.renames(List.of(RenameHint.table(s, "users", "members"),
        RenameHint.column(s, "members", "email", "email_address"), RenameHint.enumType(s, "mood", "feeling"),
        RenameHint.enumValue(s, "feeling", "glad", "happy"), RenameHint.column(s, "orders", "user_id", "member_id")));
    return List.of(new Builder(s)
        .from(from).to(to).options(hints)
        .seed("insert into fx_renames.users values (1, 'a@x', 'glad')", "insert into fx_renames.orders values (10, 1)")
        .expect("select email_address || mood from fx_renames.members", "a@xhappy")
        .expect("select member_id from fx_renames.orders", "1")
        .build());
  }

  static Fixture validation() {
    String s = "fx_validate";
    return new Builder(s)
        .from(in(s).add(new DomainModel(s, "pos", "integer", false, null, List.of(new CheckModel("pos_check", "VALUE > 0", true)), null))
            .add(table(s, "p").column(col("id", "integer", true, null)).primaryKey("p_pkey", "id"))
            .add(table(s, "c").column("p_id", "integer").column("n", s + ".pos").rls(true, true)
                .foreignKey(new ForeignKeyModel("c_p_id_fkey", List.of("p_id"), s, "p", List.of("id"), null, null, null, false, false,
                    true))))
        .to(in(s).add(new DomainModel(s, "pos", "integer", false, null, List.of(new CheckModel("pos_check", "VALUE > 0", false)), null))
            .add(table(s, "p").column(col("id", "integer", true, null)).primaryKey("p_pkey", "id"))
            .add(table(s, "c").column("p_id", "integer").column("n", s + ".pos")
                .foreignKey(Tables.fk("c_p_id_fkey", "p_id", s, "p", "id"))))
        .seed("insert into fx_validate.p values (1)", "insert into fx_validate.c values (1, 5)")
        .expect("select count(*) from fx_validate.c", "1")
        .expect("select convalidated::text from pg_constraint where conname = 'c_p_id_fkey'", "true")
        .expect("select relrowsecurity::text || relforcerowsecurity::text from pg_class where oid = 'fx_validate.c'::regclass",
            "falsefalse")
        .build();
  }

  static Fixture serials() {
    String s = "fx_serials";
    return new Builder(s)
        .from(in(s).add(table(s, "t").column(col("id", "serial", true, null)).column("label", "text").primaryKey("t_pkey", "id")))
        .to(in(s).add(table(s, "t").column(col("id", "bigserial", true, null)).column("label", "text").primaryKey("t_pkey", "id")))
        .seed("insert into fx_serials.t (label) values ('a'), ('b')")
        .expect("select string_agg(id || label, ',' order by id) from fx_serials.t", "1a,2b")
        .expect("select data_type from information_schema.sequences where sequence_name = 't_id_seq'"
            + " and sequence_schema = 'fx_serials'", "bigint")
        .build();
  }

  /** serial becomes identity in place: rows kept, and the numbering continues past the old sequence (not just max + 1). */
  static Fixture serialToIdentity() {
    String s = "fx_serial_identity";
    IdentityModel byDefault = new IdentityModel(IdentityModel.Kind.BY_DEFAULT, null);
    IdentityModel always = new IdentityModel(IdentityModel.Kind.ALWAYS, null);
    return new Builder(s)
        .from(in(s).add(table(s, "t").column(col("id", "serial", true, null)).column(col("b", "bigserial", true, null))
            .column("label", "text").primaryKey("t_pkey", "id")))
        .to(in(s).add(table(s, "t").column(new ColumnModel("id", "integer", true, null, byDefault, null, null, null))
            .column(new ColumnModel("b", "bigint", true, null, always, null, null, null))
            .column("label", "text").primaryKey("t_pkey", "id")))
        .seed("insert into fx_serial_identity.t (label) values ('a'), ('b'), ('c')",
            "delete from fx_serial_identity.t where label = 'c'",
            "select setval(pg_get_serial_sequence('fx_serial_identity.t', 'b'), 10)")
        .expect("select string_agg(id || label, ',' order by id) from fx_serial_identity.t", "1a,2b")
        .expect("insert into fx_serial_identity.t (label) values ('d') returning id || ',' || b", "4,11")
        .expect("select count(*) from pg_class where relnamespace = 'fx_serial_identity'::regnamespace and relkind = 'S'", "2")
        .build();
  }

  static Fixture policyOverRetypedColumn() {
    String s = "fx_policy_retype";
    PolicyModel own = new PolicyModel("own", PolicyModel.Command.ALL, true, List.of(), "owner_id = 1", null);
    return new Builder(s)
        .from(in(s).add(table(s, "docs").column("owner_id", "integer").rls(true, false).policy(own)))
        .to(in(s).add(table(s, "docs").column("owner_id", "bigint").rls(true, false).policy(own)))
        .seed("insert into fx_policy_retype.docs values (1)")
        .expect("select owner_id from fx_policy_retype.docs", "1")
        .build();
  }

  /** Schema, view and materialized view renames by hint. */
  static Fixture schemaAndViewRenames() {
    String s = "fx_rename_schema";
    String old = s + "_old";
    String neu = s + "_new";
    var from = Tables.schema().schemas(old).add(table(old, "t").column("a", "integer"))
        .add(view(old, "v_old", "SELECT a FROM " + old + ".t"))
        .add(new ViewModel(old, "m_old", "SELECT 1 AS one", true, false, false, null, true, null, null));
    var to = Tables.schema().schemas(neu).add(table(neu, "t").column("a", "integer"))
        .add(view(neu, "v_new", "SELECT a FROM " + neu + ".t"))
        .add(new ViewModel(neu, "m_new", "SELECT 1 AS one", true, false, false, null, true, null, null));
    return new Builder(s).from(from).to(to)
        .options(DiffOptions.renames(List.of(RenameHint.schema(old, neu), RenameHint.view(neu, "v_old", "v_new"),
            RenameHint.view(neu, "m_old", "m_new"))))
        .seed("insert into " + old + ".t values (7)")
        .expect("select a from " + neu + ".v_new", "7")
        .expect("select one from " + neu + ".m_new", "1")
        .build();
  }
}
