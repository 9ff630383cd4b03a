package dev.sluice.kit.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints lint findings for people ({@code 0003_add_index.sql:12 LK101 warning: ...}) and for CI
 * ({@code --json}), and decides whether a lint run fails: errors always fail; with {@code strict} any
 * finding fails.
 *
 * @param fileName the linted file as it should appear in the output
 * @param findings the file's findings
 */
public record LintReport(String fileName, List<LintFinding> findings) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LintReport {
    findings = List.copyOf(findings);
  }

  /** Lints {@code sql} and wraps the findings. */
  public static LintReport of(String fileName, String sql, LintContext ctx) {
    return new LintReport(fileName, Linter.lint(sql, ctx));
  }

  /** One line per finding: {@code file:line CODE severity: message}. */
  public static String format(List<LintFinding> findings, String fileName) {
    StringBuilder sb = new StringBuilder();
    for (LintFinding f : findings) {
      sb.append(fileName).append(':').append(f.line()).append(' ').append(f.code()).append(' ')
          .append(f.severity().label()).append(": ").append(f.message()).append('\n');
    }
    return sb.toString();
  }

  public String format() {
    return format(findings, fileName);
  }

  /** Whether any finding is an {@link Severity#ERROR}. */
  public static boolean hasErrors(List<LintFinding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  public boolean hasErrors() {
    return hasErrors(findings);
  }

  /** Whether the run fails: on errors, or with {@code strict} on any finding (warnings and infos too). */
  public static boolean fails(List<LintFinding> findings, boolean strict) {
    return strict ? !findings.isEmpty() : hasErrors(findings);
  }

  public boolean fails(boolean strict) {
    return fails(findings, strict);
  }

  /** The findings as a JSON array node: file, line, code, severity, title, message, statement. */
  public ArrayNode toJsonNode() {
    ArrayNode arr = JSON.createArrayNode();
    for (LintFinding f : findings) {
      ObjectNode o = arr.addObject();
      o.put("file", fileName);
      o.put("line", f.line());
      o.put("code", f.code());
      o.put("severity", f.severity().label());
      o.put("title", f.rule().title());
      o.put("message", f.message());
      o.put("statement", f.statement());
    }
    return arr;
  }

  /** JSON for {@code --json}: an array of findings (see {@link #toJsonNode()}). */
  public String toJson() {
    return write(toJsonNode());
  }

  /** JSON for {@code --json} of several files: one flat array of findings. */
  public static String toJson(List<LintReport> reports) {
    ArrayNode all = JSON.createArrayNode();
    for (LintReport r : reports) all.addAll(r.toJsonNode());
    return write(all);
  }

  /** Every rule as JSON (code, severity, title, explanation), for documentation and tooling. */
  public static String rulesJson() {
    ArrayNode arr = JSON.createArrayNode();
    for (LintRule r : LintRule.values()) {
      arr.addObject().put("code", r.code()).put("severity", r.severity().label()).put("title", r.title())
          .put("explanation", r.explanation());
    }
    return write(arr);
  }

  private static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write lint findings as JSON", e);
    }
  }
}
