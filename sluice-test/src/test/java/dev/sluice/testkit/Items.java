package dev.sluice.testkit;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

final class Items extends Table<Items> {
  static final Items ITEMS = new Items();
  final Column<Long> id = bigint("id").primaryKey();
  final Column<String> name = text("name").notNull();

  private Items() {
    super("items");
  }
}
