package dev.sluice.cli;

import dev.sluice.kit.diff.AmbiguousRenameException;
import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.diff.Differ;
import dev.sluice.schema.RenameHint;
import dev.sluice.schema.model.SchemaModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Rename handling shared by generate, push and diff. Renames come from the schema's
 * {@code renamedFrom(...)} hints and {@code --rename} flags; a drop+create pair that could be a rename
 * is never decided silently: in a terminal Sluice asks, elsewhere (CI) it stops and names the hint to add.
 */
final class RenameOptions {
  @Option(names = "--rename", paramLabel = "FROM=TO",
      description = "declare a rename: public.old_table=new_table, public.table.old_col=new_col, enum:public.old=new, view:public.old=new, schema:old=new; a qualified new name moves the table, view or enum: public.invoice=billing.invoice")
  List<String> renames = new ArrayList<>();

  @Option(names = "--allow-drop-and-create", description = "treat every drop+create pair as a drop and a create (no rename)")
  boolean allowDropAndCreate;

  /** The diff options from the schema's hints plus the {@code --rename} flags. */
  DiffOptions options(List<RenameHint> schemaHints) {
    List<RenameHint> hints = new ArrayList<>(schemaHints);
    for (String r : renames) {
      try {
        hints.add(RenameHint.parse(r));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), SluiceCommand.EXIT_USAGE);
      }
    }
    return new DiffOptions(hints, allowDropAndCreate);
  }

  /** Diffs with the hints, resolving ambiguity interactively when stdin is a terminal. */
  Diffed diff(SchemaModel from, SchemaModel to, List<RenameHint> schemaHints, PrintWriter out, boolean interactive) {
    DiffOptions initial = options(schemaHints);
    List<RenameHint> hints = new ArrayList<>(initial.renames());
    boolean dropAndCreate = initial.dropAndCreateAllowed();
    while (true) {
      DiffOptions options = new DiffOptions(hints, dropAndCreate);
      try {
        return new Diffed(Differ.diff(from, to, options), options);
      } catch (AmbiguousRenameException e) {
        if (!interactive || System.console() == null) {
          throw new CliException(e.getMessage(), SluiceCommand.EXIT_CHECK_FAILED);
        }
        boolean any = false;
        for (RenameHint c : e.candidates()) {
          if (ask(out, "Was " + describe(c) + "? [y/N] ")) {
            hints.add(c);
            any = true;
          }
        }
        if (!any) dropAndCreate = true;
      }
    }
  }

  private static String describe(RenameHint h) {
    String where = h.parent() == null ? h.schema() : h.schema() + "." + h.parent();
    return h.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + where + "." + h.from()
        + " renamed to " + h.to() + " (flag: --rename " + h.toFlag() + ")";
  }

  private static boolean ask(PrintWriter out, String question) {
    out.print(question);
    out.flush();
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line != null && line.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    } catch (IOException e) {
      return false;
    }
  }

  /** The changes and the options that produced them (reused, reversed, for down migrations). */
  record Diffed(List<Change> changes, DiffOptions options) {}
}
