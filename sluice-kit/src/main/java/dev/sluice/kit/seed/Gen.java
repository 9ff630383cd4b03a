package dev.sluice.kit.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic fake data for one table: every value comes from one {@link SplittableRandom}, so
 * the same seed and the same sequence of calls give the same values on every run and machine.
 * {@link Seeder#gen(String)} derives one per table from the run's seed and the table name, so adding
 * a table (or generating another table's rows differently) does not shift the data of the others.
 * Dates and timestamps are always drawn from explicit ranges, never from the clock.
 */
public final class Gen {
  private static final String[] FIRST = {"Ada", "Alan", "Amara", "Ana", "Arjun", "Ben", "Chen", "Chloe", "Dmitri",
      "Elena", "Emeka", "Eva", "Farah", "Felix", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jamal", "Jin", "Julia",
      "Kai", "Kofi", "Lara", "Leo", "Lina", "Luca", "Maya", "Mei", "Mateo", "Nadia", "Noah", "Olga", "Omar", "Priya",
      "Rosa", "Sami", "Sofia", "Tariq", "Tomas", "Uma", "Victor", "Yara", "Yusuf", "Zoe"};
  private static final String[] LAST = {"Abe", "Adeyemi", "Almeida", "Bauer", "Berg", "Costa", "Dubois", "Eriksen",
      "Fischer", "Garcia", "Gupta", "Haddad", "Ito", "Jensen", "Kim", "Kowalski", "Larsen", "Lee", "Lopez", "Martin",
      "Meyer", "Moreau", "Nakamura", "Novak", "Okafor", "Olsen", "Park", "Patel", "Petrov", "Quinn", "Rossi", "Sato",
      "Schmidt", "Silva", "Singh", "Smith", "Tanaka", "Torres", "Ueda", "Varga", "Wang", "Weber", "Yilmaz", "Zhang"};
  private static final String[] COMPANY_A = {"Blue", "Bright", "Cedar", "Copper", "Delta", "Everest", "Falcon",
      "Granite", "Harbor", "Iron", "Juniper", "Lumen", "Maple", "Nimbus", "North", "Orbit", "Pine", "Quartz", "River",
      "Silver", "Solar", "Summit", "Tidal", "Vertex"};
  private static final String[] COMPANY_B = {"Analytics", "Labs", "Systems", "Works", "Studio", "Logistics",
      "Health", "Energy", "Foods", "Robotics", "Media", "Capital", "Cloud", "Security", "Bio", "Games"};
  private static final String[] COMPANY_SUFFIX = {"Inc", "Ltd", "GmbH", "LLC", "SAS", "BV", "AB", "Co"};
  private static final String[] WORDS = {"account", "api", "audit", "backlog", "billing", "bug", "cache", "checkout",
      "cleanup", "dashboard", "data", "deploy", "design", "docs", "email", "export", "feature", "feedback", "flow",
      "import", "index", "invoice", "launch", "login", "metrics", "migration", "mobile", "onboarding", "page",
      "payment", "performance", "plan", "pricing", "query", "release", "report", "review", "roadmap", "search",
      "security", "settings", "signup", "sprint", "support", "sync", "team", "test", "timeline", "update", "upload",
      "user", "web", "webhook", "workflow"};
  private static final String[] VERBS = {"add", "check", "clean up", "discuss", "fix", "improve", "measure", "move",
      "plan", "refactor", "remove", "rename", "review", "ship", "speed up", "test", "update", "write"};

  private final SplittableRandom random;

  /** A generator over {@code random}; prefer {@link Seeder#gen(String)}, which derives it from the seed. */
  public Gen(SplittableRandom random) {
    this.random = random;
  }

  /** A generator for {@code seed} alone (for tests and one-off values). */
  public static Gen of(long seed) {
    return new Gen(new SplittableRandom(seed));
  }

  /** The underlying random source, for distributions this class lacks. */
  public SplittableRandom random() {
    return random;
  }

  /** A uniform int in {@code [min, max]} (both inclusive). */
  public int intBetween(int min, int max) {
    if (max < min) throw new IllegalArgumentException("intBetween: max " + max + " < min " + min);
    return min + random.nextInt(max - min + 1);
  }

  /** A uniform long in {@code [min, max)}. */
  public long longBetween(long min, long max) {
    return random.nextLong(min, max);
  }

  /** A uniform double in {@code [0, 1)}. */
  public double unit() {
    return random.nextDouble();
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A random (version 4 layout) UUID, deterministic unlike {@link UUID#randomUUID()}. */
  public UUID uuid() {
    long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  public String firstName() {
    return pick(FIRST);
  }

  public String lastName() {
    return pick(LAST);
  }

  public String fullName() {
    return firstName() + " " + lastName();
  }

  /**
   * An email for a person, unique by construction when {@code n} is unique (names alone collide):
   * {@code ada.lopez.17@example.com}. Uses the reserved example domains, so no real address is hit.
   */
  public String email(String first, String last, int n) {
    String[] domains = {"example.com", "example.org", "example.net"};
    return (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "." + n + "@" + pick(domains);
  }

  /** A company-like name: "Cedar Robotics GmbH". */
  public String companyName() {
    return pick(COMPANY_A) + " " + pick(COMPANY_B) + (chance(0.5) ? " " + pick(COMPANY_SUFFIX) : "");
  }

  /** One vocabulary word (lower case). */
  public String word() {
    return pick(WORDS);
  }

  /** {@code count} distinct words, e.g. for a tags array. */
  public List<String> distinctWords(int count) {
    List<String> out = new ArrayList<>();
    while (out.size() < Math.min(count, WORDS.length)) {
      String w = word();
      if (!out.contains(w)) out.add(w);
    }
    return out;
  }

  /** A short task-like title: "Fix the billing webhook". */
  public String title() {
    String v = pick(VERBS);
    return Character.toUpperCase(v.charAt(0)) + v.substring(1) + " the " + word() + " " + word();
  }

  /** A sentence of {@code minWords..maxWords} words, capitalised, ending with a period. */
  public String sentence(int minWords, int maxWords) {
    int n = intBetween(minWords, maxWords);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = i % 4 == 1 ? pick(VERBS) : word();
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
    }
    return sb.append('.').toString();
  }

  /** {@code sentences} sentences of 5 to 14 words. */
  public String paragraph(int sentences) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) sb.append(i == 0 ? "" : " ").append(sentence(5, 14));
    return sb.toString();
  }

  /** A URL-safe slug of {@code text} with {@code n} appended to keep it unique. */
  public static String slug(String text, int n) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-" + n;
  }

  /** A timestamp (UTC, whole seconds) uniform in {@code [from, to)}. */
  public OffsetDateTime timestamp(OffsetDateTime from, OffsetDateTime to) {
    long a = from.toEpochSecond();
    long b = to.toEpochSecond();
    if (b <= a) throw new IllegalArgumentException("timestamp: empty range " + from + " .. " + to);
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(a, b)), ZoneOffset.UTC);
  }

  /** A timestamp uniform between {@code from} and {@code to}, at or after {@code notBefore}. */
  public OffsetDateTime timestampAfter(OffsetDateTime notBefore, OffsetDateTime to) {
    return notBefore.isBefore(to) ? timestamp(notBefore, to) : notBefore;
  }

  /** A date uniform in {@code [from, to]}. */
  public LocalDate date(LocalDate from, LocalDate to) {
    return from.plusDays(random.nextLong(0, to.toEpochDay() - from.toEpochDay() + 1));
  }

  /** A uniform element of {@code values}. */
  @SafeVarargs
  public final <E> E pick(E... values) {
    return values[random.nextInt(values.length)];
  }

  /** A uniform element of {@code values} (e.g. parent rows' ids). */
  public <E> E pick(List<E> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("pick from an empty list");
    return values.get(random.nextInt(values.size()));
  }

  /** A uniform constant of {@code type}. */
  public <E extends Enum<E>> E pick(Class<E> type) {
    return pick(type.getEnumConstants());
  }

  /**
   * An element of {@code values} skewed towards the front: index {@code floor(n * u^skew)}, so with
   * {@code skew = 2} the first 10% of parents get about 30% of the children, like real data where a
   * few users write most comments. {@code skew = 1} is uniform.
   */
  public <E> E pickSkewed(List<E> values, double skew) {
    if (values.isEmpty()) throw new IllegalArgumentException("pickSkewed from an empty list");
    int i = (int) (values.size() * Math.pow(random.nextDouble(), skew));
    return values.get(Math.min(i, values.size() - 1));
  }

  /** One of {@code choices} with probability proportional to its weight. */
  public <E> E weighted(Weighted<E> choices) {
    return choices.pick(random.nextDouble());
  }
}
