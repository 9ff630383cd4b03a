package com.example.db;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;

public final class Books extends Table<Books> {
  public static final Books BOOKS = new Books();

  public final Column<Long> id = bigint("id").generatedAlwaysAsIdentity().primaryKey();
  public final Column<String> title = text("title").notNull();
  // EVOLVE

  private Books() {
    super("books");
  }
}
