package dev.sluice.kit;

import dev.sluice.schema.Schema;
import dev.sluice.schema.model.SchemaModel;

/** The README tour's schema model, for tests in other packages (snapshot round trips). */
public final class ReadmeModels {
  private ReadmeModels() {}

  /** The users and posts tables of the README tour. */
  public static SchemaModel tour() {
    return Schema.of(Users.USERS, Posts.POSTS).toModel();
  }
}
