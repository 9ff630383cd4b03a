package dev.sluice.studio;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The studio in a real browser: Playwright driving the system Chromium. Skips with a notice when
 * /usr/bin/chromium is absent, except under CI=true, where a missing browser is a failure.
 */
@PgTest
class StudioBrowserTest {
  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path SHOTS = Paths.get("target", "screenshots");
  static Studio studio;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start(PgTestContext pg) throws Exception {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but " + CHROMIUM + " is missing: .ci/run must install chromium");
    }
    Assumptions.assumeTrue(present, "SKIPPED studio browser tests: " + CHROMIUM + " not found (apt-get install -y chromium)");
    SampleSchema.create(pg);
    studio = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)));
    Files.createDirectories(SHOTS);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (studio != null) studio.close();
  }

  private static Page open(BrowserContext ctx) {
    Page page = ctx.newPage();
    page.navigate(studio.url());
    assertThat(page.locator("#tableList .tbl").first()).isVisible();
    return page;
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
  }

  @Test
  void browseFilterEditSeeAConstraintErrorFollowARelationAndRunAQuery() throws Exception {
    try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 800))) {
      Page page = open(ctx);
      assertThat(page).hasURL(studio.baseUrl() + "/"); // token removed from the address bar

      // browse
      page.click("#tableList .tbl[data-table=customers]");
      assertThat(page.locator("#grid tbody tr")).hasCount(50);
      assertThat(page.locator("#count")).containsText("120 rows");
      assertThat(page.locator("#grid td[data-col=note] .null").first()).isVisible();
      assertThat(page.locator("#grid td[data-col=note] .empty").first()).isVisible();
      page.click("#next");
      assertThat(page.locator("#pageinfo")).hasText("51–100");
      shot(page, "01-grid-customers");

      // filter
      page.click("#addFilter");
      page.selectOption(".filter .fcol", "name");
      page.selectOption(".filter .fop", "contains");
      page.fill(".filter .fval", "Customer 00");
      page.press(".filter .fval", "Enter");
      assertThat(page.locator("#count")).containsText("9 rows");
      shot(page, "02-filtered");

      // edit a row and save
      page.dblclick("#grid tr[data-key='{\"id\":\"3\"}'] td[data-col=email]");
      page.fill("#grid .cell-input", "changed@example.com");
      page.press("#grid .cell-input", "Enter");
      assertThat(page.locator("#grid td.edited")).hasCount(1);
      page.click("#save");
      assertThat(page.locator("#toast")).containsText("Saved 1 change");
      assertThat(page.locator("#grid tr[data-key='{\"id\":\"3\"}'] td[data-col=email]")).hasText("changed@example.com");

      // constraint error shown next to the row, nothing applied
      page.click("#tableList .tbl[data-table=orders]");
      assertThat(page.locator("#grid tbody tr")).hasCount(12);
      page.dblclick("#grid tr[data-key='{\"id\":\"2\"}'] td[data-col=qty]");
      page.fill("#grid .cell-input", "0");
      page.press("#grid .cell-input", "Enter");
      page.click("#save");
      assertThat(page.locator("#grid tr.error")).containsText("orders_qty_positive");
      assertThat(page.locator("#grid tr[data-key='{\"id\":\"2\"}'] + tr.error")).isVisible();
      shot(page, "03-constraint-error");
      page.click("#discard");

      // relations: from order 1 out to its customer, then in from the customer to its orders
      page.click("#grid tr[data-key='{\"id\":\"1\"}'] button.rel");
      assertThat(page.locator("#relations")).containsText("orders_customer_id_fkey");
      shot(page, "04-relations");
      page.locator("#relations .relrow").first().click();
      assertThat(page.locator(".toolbar h2")).hasText("customers");
      assertThat(page.locator("#grid tbody tr")).hasCount(1);

      // ER diagram: click-through
      page.click("#tabs button[data-tab=diagram]");
      assertThat(page.locator(".er-box")).hasCount(3);
      assertThat(page.locator(".er-edge")).hasCount(2);
      shot(page, "05-diagram");
      page.click(".er-box[data-table=products] text.title");
      assertThat(page.locator(".toolbar h2")).hasText("products");

      // SQL console with the plan tree
      page.click("#tabs button[data-tab=sql]");
      page.fill("#sqlText", "select c.name, count(*) from customers c join orders o on o.customer_id = c.id group by c.name order by 2 desc");
      page.click("#runSql");
      assertThat(page.locator("#sqlResult tbody tr")).hasCount(5);
      page.click("#explainSql");
      assertThat(page.locator("#planTree .nt").first()).isVisible();
      assertThat(page.locator("#planTree")).containsText("Seq Scan");
      assertThat(page.locator("#history button")).hasCount(1);
      shot(page, "06-console-plan");
    }
  }

  @Test
  void aGoodLookingGridForTheReadme() throws Exception {
    try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 640))) {
      Page page = open(ctx);
      page.click("#tableList .tbl[data-table=products]");
      assertThat(page.locator("#grid tbody tr")).hasCount(3);
      page.click("#grid tr[data-key='{\"id\":\"1\"}'] td[data-col=attrs] .expand");
      shot(page, "readme-grid");
      Path docs = findRepoRoot().resolve("docs");
      Files.createDirectories(docs);
      Files.copy(SHOTS.resolve("readme-grid.png"), docs.resolve("studio.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void theBrowserCannotReachTheApiWithoutTheTokenOrFromAForeignOrigin() {
    try (BrowserContext ctx = browser.newContext()) {
      var anonymous = ctx.request().get(studio.baseUrl() + "/api/schema");
      assertThat(anonymous.status()).isEqualTo(401);
      Page page = ctx.newPage();
      page.navigate(studio.baseUrl() + "/");
      assertThat(page.locator("body")).containsText("401");
      Page ok = open(ctx); // now the cookie is set, and the page holds the token
      String token = (String) ok.evaluate("sessionStorage.getItem('sluiceToken')");
      assertThat(token).isEqualTo(studio.token());
      var foreign = ctx.request().post(studio.baseUrl() + "/api/sql", RequestOptions.create().setHeader("X-Sluice-Token", token)
          .setHeader("Origin", "http://evil.example").setHeader("Content-Type", "application/json").setData("{\"sql\":\"select 1\"}"));
      assertThat(foreign.status()).isEqualTo(403);
      var cookieOnly = ctx.request().post(studio.baseUrl() + "/api/sql", RequestOptions.create()
          .setHeader("Origin", studio.baseUrl()).setHeader("Content-Type", "application/json").setData("{\"sql\":\"select 1\"}"));
      assertThat(cookieOnly.status()).as("the cookie alone authorizes no API call").isEqualTo(401);
      var same = ctx.request().post(studio.baseUrl() + "/api/sql", RequestOptions.create().setHeader("X-Sluice-Token", token)
          .setHeader("Origin", studio.baseUrl()).setHeader("Content-Type", "application/json").setData("{\"sql\":\"select 1\"}"));
      assertThat(same.status()).isEqualTo(200);
      ok.reload(); // a reload keeps working: the token stays in the tab's sessionStorage
      assertThat(ok.locator("#tableList .tbl").first()).isVisible();
      ok.close();
    }
  }

  static Path findRepoRoot() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("sluice-studio"))) p = p.getParent();
    return p == null ? Paths.get("..").toAbsolutePath() : p;
  }
}
