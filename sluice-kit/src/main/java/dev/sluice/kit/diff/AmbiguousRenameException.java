package dev.sluice.kit.diff;

import dev.sluice.schema.RenameHint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link Differ} when something was dropped and something of compatible shape created in
 * the same diff, and no hint says whether it is a rename. Guessing either way is wrong half the time
 * (a drop loses the rows; a wrong rename corrupts meaning), so the diff stops and names the hint
 * that makes the answer explicit and repeatable in CI.
 */
public final class AmbiguousRenameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<RenameHint> candidates;

  AmbiguousRenameException(List<RenameHint> candidates) {
    super(message(candidates));
    this.candidates = List.copyOf(candidates);
  }

  /** The renames that would explain the difference; at most one per dropped object is right. */
  public List<RenameHint> candidates() {
    return candidates;
  }

  private static String message(List<RenameHint> candidates) {
    String lines = candidates.stream().<String>map(c -> "  - " + describe(c) + "\n      if renamed: " + dsl(c)
        + ", or --rename " + c.toFlag()).collect(Collectors.joining("\n"));
    return "possible rename" + (candidates.size() == 1 ? "" : "s") + " (a drop plus a create of the same shape):\n" + lines
        + "\nIf these really are drops and creates, say so with DiffOptions.allowDropAndCreate()"
        + " (CLI: --allow-drop-and-create); dropping loses the data.";
  }

  private static String describe(RenameHint c) {
    return switch (c.kind()) {
      case TABLE -> "table " + c.schema() + "." + c.from() + " dropped, " + c.targetSchema() + "." + c.to() + " created";
      case COLUMN -> "column " + c.schema() + "." + c.parent() + "." + c.from() + " dropped, " + c.to() + " added";
      case ENUM -> "enum " + c.schema() + "." + c.from() + " dropped, " + c.targetSchema() + "." + c.to() + " created";
      case ENUM_VALUE -> "enum " + c.schema() + "." + c.parent() + " value '" + c.from() + "' removed, '" + c.to() + "' added";
      case VIEW -> "view " + c.schema() + "." + c.from() + " dropped, " + c.targetSchema() + "." + c.to() + " created";
      case SCHEMA -> "schema " + c.from() + " dropped, " + c.to() + " created";
    };
  }

  private static String dsl(RenameHint c) {
    return switch (c.kind()) {
      case TABLE -> c.toSchema() != null
          ? "call movedFrom(\"" + c.schema() + "\", \"" + c.from() + "\") in the constructor of the table class of " + c.to()
          : "call renamedFrom(\"" + c.from() + "\") in the constructor of the table class of " + c.to();
      case COLUMN -> "add .renamedFrom(\"" + c.from() + "\") to column " + c.to() + " of " + c.parent();
      case ENUM -> "add .renamedFrom(\"" + c.from() + "\") to PgEnum " + c.to();
      case ENUM_VALUE -> "add .valueRenamedFrom(<constant>, \"" + c.from() + "\") to PgEnum " + c.parent();
      case VIEW, SCHEMA -> "pass the rename hint";
    };
  }
}
