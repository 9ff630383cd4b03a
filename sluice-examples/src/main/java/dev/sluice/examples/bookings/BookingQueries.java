package dev.sluice.examples.bookings;

import static dev.sluice.examples.bookings.Messages.MESSAGES;
import static dev.sluice.examples.bookings.Professionals.PROFESSIONALS;

import dev.sluice.query.Cte;
import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.query.FullText;
import dev.sluice.query.QueryFactory;
import dev.sluice.types.PgTypes;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Typical reads of the bookings app, written with the Sluice DSL (also used by the demo tour). */
public final class BookingQueries {
  private BookingQueries() {}

  /** One message of a thread with its depth (0 = the root). */
  public record ThreadMessage(UUID id, UUID parentId, String body, int depth) {}

  /**
   * The whole thread under {@code rootId}, depth first and chronological within each level, in one
   * {@code WITH RECURSIVE} statement: each row carries the array of its ancestors' send times, and
   * ordering by that path puts every reply right after the message it answers.
   */
  public static List<ThreadMessage> thread(QueryFactory db, UUID rootId) {
    Cte tree = Cte.name("thread");
    Field<Integer> depth = Dsl.val(0).as("depth");
    Field<OffsetDateTime[]> path = Dsl.rawField(PgTypes.arrayOf(PgTypes.TIMESTAMPTZ), "ARRAY[{}]", MESSAGES.sentAt)
        .as("path");
    tree.as(Dsl.query().select(MESSAGES.id, MESSAGES.parentId, MESSAGES.body, depth, path).from(MESSAGES)
        .where(MESSAGES.id.eq(rootId))
        .unionAll(Dsl.query().select(MESSAGES.id, MESSAGES.parentId, MESSAGES.body, tree.field(depth).plus(1),
                Dsl.rawField(PgTypes.arrayOf(PgTypes.TIMESTAMPTZ), "{} || {}", tree.field(path), MESSAGES.sentAt))
            .from(MESSAGES).join(tree, MESSAGES.parentId.eq(tree.field(MESSAGES.id)))));
    return db.withRecursive(tree)
        .select(tree.field(MESSAGES.id), tree.field(MESSAGES.parentId), tree.field(MESSAGES.body), tree.field(depth))
        .from(tree).orderBy(tree.field(path))
        .fetch(ThreadMessage::new);
  }

  /**
   * Names of active professionals whose name or bio matches {@code words} (web-search syntax:
   * {@code yoga -hot}, {@code "deep tissue"}), best match first; served by the GIN index on
   * {@code professionals.search}.
   */
  public static List<String> searchProfessionals(QueryFactory db, String words, int limit) {
    var query = FullText.websearchToTsquery("english", words);
    return db.select(PROFESSIONALS.name).from(PROFESSIONALS)
        .where(FullText.match(PROFESSIONALS.search, query).and(PROFESSIONALS.active.eq(true)))
        .orderBy(FullText.rank(PROFESSIONALS.search, query).desc(), PROFESSIONALS.name.asc())
        .limit(limit).fetch();
  }
}
