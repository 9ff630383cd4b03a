package dev.sluice.kit.push;

/**
 * What one change would do to existing data, measured before it runs.
 *
 * @param change the change's description (e.g. "drop column public.users.nickname")
 * @param rows how many rows are affected: values lost, or rows that would make the change fail
 * @param effect what happens to those rows, e.g. "non-null values would be lost", "rows are NULL (SET NOT NULL fails)"
 * @param fails true when the change would fail on these rows (rather than silently lose them)
 */
public record DataRisk(String change, long rows, String effect, boolean fails) {
  @Override
  public String toString() {
    return change + ": " + rows + " " + effect;
  }
}
