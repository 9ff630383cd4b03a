package dev.sluice.kit.diff;

import dev.sluice.schema.RenameHint;
import java.util.List;

/**
 * How {@link Differ} resolves what a model comparison alone cannot decide.
 *
 * @param renames declared renames (from {@code Schema.renames()} and the CLI's {@code --rename}),
 *     applied as {@code ALTER ... RENAME} before anything else
 * @param dropAndCreateAllowed when true, a dropped object and a created one of compatible shape are
 *     taken for what they look like (a drop and a create) instead of raising
 *     {@link AmbiguousRenameException}: the explicit answer "these are not renames"
 */
public record DiffOptions(List<RenameHint> renames, boolean dropAndCreateAllowed) {
  /** No rename hints; a plausible rename stops the diff. */
  public static final DiffOptions NONE = new DiffOptions(List.of(), false);

  public DiffOptions {
    renames = renames == null ? List.of() : List.copyOf(renames);
  }

  /** Options with these rename hints. */
  public static DiffOptions renames(List<RenameHint> renames) {
    return new DiffOptions(renames, false);
  }

  /** These options, also answering "drop and create" to every remaining rename candidate. */
  public DiffOptions allowDropAndCreate() {
    return new DiffOptions(renames, true);
  }

  /**
   * The options for the reverse diff ({@code diff(to, from)}, a down migration): every hint
   * reversed, so a rename is undone by the opposite rename instead of a drop and a create.
   */
  public DiffOptions reversed() {
    return new DiffOptions(renames.stream().map(RenameHint::reversed).toList(), dropAndCreateAllowed);
  }
}
