package dev.sluice.validation;

import dev.sluice.schema.Column;
import dev.sluice.schema.PgEnum;
import dev.sluice.schema.Table;
import dev.sluice.types.Labeled;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A table with one column of each rule the validator knows. */
final class Products extends Table<Products> {
  enum Status implements Labeled {
    DRAFT("draft"), LIVE("live");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  static final PgEnum<Status> STATUS = PgEnum.of("product_status", Status.class);
  static final Products PRODUCTS = new Products();

  final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  final Column<Long> seq = bigint("seq").generatedAlwaysAsIdentity();
  final Column<String> name = varchar("name", 10).notNull();
  final Column<String> code = character("code", 3);
  final Column<BigDecimal> price = numeric("price", 6, 2).notNull().check("price >= 0");
  final Column<Integer> rating = integer("rating");
  final Column<Integer> stock = integer("stock").notNull().defaultValue(0);
  final Column<Integer> weird = integer("weird");
  final Column<Status> status = column("status", STATUS).notNull();
  final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
  final Column<java.time.LocalDate> launch = date("launch");
  final Column<com.fasterxml.jackson.databind.JsonNode> meta = jsonb("meta");
  final Column<String[]> tags = text("tags").array();

  private Products() {
    super("products");
    check("products_rating_check", "rating >= 1 AND rating <= 5");
    check("products_stock_check", "(stock BETWEEN 0 AND 1000)");
    check("products_weird_check", "weird % 2 = 0 OR weird > 100");
  }
}
