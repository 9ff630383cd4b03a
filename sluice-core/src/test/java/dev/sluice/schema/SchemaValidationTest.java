package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.PartitioningModel.Strategy;
import dev.sluice.schema.model.SequenceOptions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A schema that contradicts itself fails when it is loaded, with a message naming the table and column. */
class SchemaValidationTest {

  static final class Users extends Table<Users> {
    static final Users T = new Users();
    final Column<UUID> id = uuid("id").primaryKey();
    final Column<String> email = text("email").notNull();
    final Column<String> handle = varchar("handle", 30).unique();
    final Column<Integer> age = integer("age");

    private Users() {
      super("users");
    }
  }

  static final class Posts extends Table<Posts> {
    static final Posts T = new Posts();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<UUID> authorId = uuid("author_id").references(() -> Users.T.id);

    private Posts() {
      super("posts");
    }
  }

  @Test
  void foreignKeyToATableOutsideTheSchemaNamesBothTables() {
    assertThatThrownBy(() -> Schema.of(Posts.T).toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessage("invalid schema: table posts: foreign key on [author_id] references table public.users,"
            + " which is not part of this schema");
    assertThat(Schema.of(Users.T, Posts.T).toModel().tables()).hasSize(2);
  }

  static final class ByEmail extends Table<ByEmail> {
    final Column<String> email = text("email").references(() -> Users.T.email);

    ByEmail() {
      super("by_email");
    }
  }

  @Test
  void foreignKeyToANonUniqueColumnIsRejected() {
    assertThatThrownBy(() -> Schema.of(Users.T, new ByEmail()).toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("table by_email: foreign key on [email] references users[email], which is not a primary key"
            + " or unique constraint");
  }

  static final class WrongType extends Table<WrongType> {
    final Column<Integer> userRef = integer("user_ref");

    WrongType() {
      super("wrong_type");
      foreignKey(List.of(userRef), () -> List.of(Users.T.id));
    }
  }

  @Test
  void foreignKeyTypeMismatchNamesBothColumnsAndTypes() {
    assertThatThrownBy(() -> Schema.of(Users.T, new WrongType()).toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("table wrong_type: foreign key on [user_ref]: column user_ref (integer) does not match"
            + " referenced users.id (uuid)");
  }

  static final class TextToVarchar extends Table<TextToVarchar> {
    final Column<String> handle = text("handle").references(() -> Users.T.handle);

    TextToVarchar() {
      super("text_to_varchar");
    }
  }

  @Test
  void foreignKeyBetweenCompatibleStringTypesIsAccepted() {
    // PostgreSQL accepts text -> varchar(n) references (they share the equality operator)
    assertThat(Schema.of(Users.T, new TextToVarchar()).toModel().tables()).hasSize(2);
  }

  static final class SmallintToInteger extends Table<SmallintToInteger> {
    final Column<Short> userNo = smallint("user_no");

    SmallintToInteger() {
      super("smallint_to_integer");
      foreignKey(List.of(userNo), () -> List.of(Numbered.T.no));
    }
  }

  static final class Numbered extends Table<Numbered> {
    static final Numbered T = new Numbered();
    final Column<Integer> no = integer("no").primaryKey();

    Numbered() {
      super("numbered");
    }
  }

  @Test
  void foreignKeyFromSmallintToAnIntegerKeyIsAccepted() {
    // PostgreSQL accepts it (integer_ops has cross-type equality); real schemas (a film-rental sample) do this
    assertThat(Schema.of(Numbered.T, new SmallintToInteger()).toModel().tables()).hasSize(2);
  }

  static final class TwoColumnPks extends Table<TwoColumnPks> {
    final Column<Integer> a = integer("a").primaryKey();
    final Column<Integer> b = integer("b").primaryKey();

    TwoColumnPks() {
      super("two_pks");
    }
  }

  static final class ColumnAndTablePk extends Table<ColumnAndTablePk> {
    final Column<Integer> a = integer("a").primaryKey();
    final Column<Integer> b = integer("b");

    ColumnAndTablePk() {
      super("mixed_pks");
      primaryKey(a, b);
    }
  }

  static final class TwoTablePks extends Table<TwoTablePks> {
    final Column<Integer> a = integer("a");

    TwoTablePks() {
      super("twice");
      primaryKey(a);
      primaryKey(a);
    }
  }

  @Test
  void twoPrimaryKeysAreRejectedNamingTableAndColumns() {
    assertThatThrownBy(() -> new TwoColumnPks().toModel())
        .hasMessage("invalid schema: table two_pks declares two primary keys (on columns [a, b]);"
            + " use primaryKey(a, b) in the constructor for a composite key");
    assertThatThrownBy(() -> new ColumnAndTablePk().toModel())
        .hasMessage("invalid schema: table mixed_pks declares two primary keys: primaryKey() on column(s) [a]"
            + " and primaryKey([a, b])");
    assertThatThrownBy(TwoTablePks::new)
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("table twice declares two primary keys");
  }

  static final class BadNumeric extends Table<BadNumeric> {
    final Column<java.math.BigDecimal> price;

    BadNumeric(int precision, int scale) {
      super("prices");
      price = numeric("price", precision, scale);
    }
  }

  static final class BadVarchar extends Table<BadVarchar> {
    final Column<String> code = varchar("code", 0);

    BadVarchar() {
      super("codes");
    }
  }

  static final class BadTime extends Table<BadTime> {
    final Column<java.time.OffsetDateTime> at = timestamptz("at", 7);

    BadTime() {
      super("times");
    }
  }

  @Test
  void badPrecisionScaleAndLengthNameTableAndColumn() {
    assertThatThrownBy(() -> new BadNumeric(0, 0))
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessage("invalid schema: table prices, column price: numeric precision must be between 1 and 1000, got 0");
    assertThatThrownBy(() -> new BadNumeric(5, 6))
        .hasMessage("invalid schema: table prices, column price: numeric scale must be between 0 and the precision 5,"
            + " got 6");
    assertThatThrownBy(BadVarchar::new)
        .hasMessage("invalid schema: table codes, column code: varchar length must be between 1 and 10485760, got 0");
    assertThatThrownBy(BadTime::new)
        .hasMessage("invalid schema: table times, column at: time precision must be between 0 and 6, got 7");
  }

  static final class DuplicateColumn extends Table<DuplicateColumn> {
    final Column<Integer> a = integer("a");
    final Column<String> b = text("a");

    DuplicateColumn() {
      super("dupes");
    }
  }

  @Test
  void duplicateColumnNamesTheTableAndColumn() {
    assertThatThrownBy(DuplicateColumn::new)
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessage("invalid schema: table dupes: column a is declared twice");
  }

  static final class DuplicateConstraints extends Table<DuplicateConstraints> {
    final Column<Integer> a = integer("a").unique();
    final Column<Integer> b = integer("b");

    DuplicateConstraints() {
      super("dc");
      check("dc_a_key", "a > 0");
      index().on(b);
      index("dc_b_idx").on(a);
    }
  }

  @Test
  void duplicateConstraintAndIndexNamesAreAllReported() {
    assertThatThrownBy(() -> new DuplicateConstraints().toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .satisfies(e -> assertThat(((SchemaDefinitionException) e).problems()).containsExactly(
            "table dc: two constraints or indexes are named dc_a_key",
            "table dc: two constraints or indexes are named dc_b_idx"));
  }

  static final class PartitionWithoutStrategy extends Table<PartitionWithoutStrategy> {
    final Column<Integer> a = integer("a");

    PartitionWithoutStrategy() {
      super("loose");
      partition("loose_1", "FOR VALUES IN (1)");
    }
  }

  static final class PartitionedTwiceNamed extends Table<PartitionedTwiceNamed> {
    final Column<Integer> a = integer("a");

    PartitionedTwiceNamed() {
      super("parted");
      partitionBy(Strategy.LIST, a);
      partition("parted_1", "FOR VALUES IN (1)");
      partition("parted_1", "FOR VALUES IN (2)");
    }
  }

  @Test
  void partitionsWithoutPartitionByOrWithClashingNamesAreRejected() {
    assertThatThrownBy(() -> new PartitionWithoutStrategy().toModel())
        .hasMessage("invalid schema: table loose declares partitions but no partitionBy(...)");
    assertThatThrownBy(() -> Schema.of(new PartitionedTwiceNamed()).toModel())
        .hasMessageContaining("partition name parted_1 is already used");
  }

  static final class IdentityWithDefault extends Table<IdentityWithDefault> {
    final Column<Long> id = bigint("id").defaultValue(1L).identity(IdentityModel.Kind.ALWAYS, SequenceOptions.DEFAULTS);

    IdentityWithDefault() {
      super("idd");
    }
  }

  @Test
  void identityWithADefaultNamesTheTable() {
    assertThatThrownBy(() -> new IdentityWithDefault().toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessage("invalid schema: table idd: column id cannot have both a default and an identity");
  }

  static final class ForeignColumns extends Table<ForeignColumns> {
    final Column<Integer> a = integer("a");

    ForeignColumns() {
      super("foreign_cols");
      index().on(Users.T.age);
      unique(Users.T.email);
    }
  }

  @Test
  void indexesAndUniquesOnAnotherTablesColumnsAreRejected() {
    assertThatThrownBy(() -> new ForeignColumns().toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .satisfies(e -> assertThat(((SchemaDefinitionException) e).problems()).containsExactly(
            "table foreign_cols: unique constraint uses column users.email of another table",
            "table foreign_cols: index uses column users.age of another table"));
  }

  @Test
  void everyProblemOfASchemaIsReportedAtOnce() {
    assertThatThrownBy(() -> Schema.of(new TwoColumnPks(), new PartitionWithoutStrategy(), Posts.T).toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessageStartingWith("invalid schema (3 problems):")
        .hasMessageContaining("table two_pks declares two primary keys")
        .hasMessageContaining("table loose declares partitions")
        .hasMessageContaining("table posts: foreign key on [author_id] references table public.users");
  }
}
