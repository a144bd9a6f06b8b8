package io.nextorm.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at {@code /} in headless Chromium, as a person uses it: the first page of books, the next
 * page, a search, a book's details, the statements table. It drives Debian's {@code chromium} through
 * {@code chromium-driver} ({@code /usr/bin/chromedriver}), so nothing is downloaded; without them the
 * test is skipped (failed with {@code -Dnextorm.test.databases=required}, as in CI). Its own H2
 * database holds only the seed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.r2dbc.url=r2dbc:h2:mem:///browser-test?options=DB_CLOSE_DELAY=-1")
class BrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("nextorm.test.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

    private static final String MISSING = "Chromium is not installed (" + CHROMIUM + ", " + DRIVER + "): apt-get "
            + "update && apt-get install -y chromium chromium-driver";

    private static WebDriver browser;
    private static Path profile;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!installed()) {
            if (SampleDatabase.required()) {
                throw new IllegalStateException(MISSING);
            }
            return;                                          // each test is skipped with the reason
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());   // no Selenium Manager, no download
        profile = Files.createTempDirectory("nextorm-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, MISSING);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void personBrowsesTheBooksOpensOneAndSeesTheStatements() {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#books tbody tr"), 10));
        assertThat(text("page-info")).isEqualTo("Page 1 of 2 (12 books)");
        assertThat(column(1)).startsWith("A Wizard of Earthsea", "Dawn", "Going Postal");
        assertThat(browser.findElement(By.id("previous")).isEnabled()).isFalse();

        browser.findElement(By.id("next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "Page 2 of 2 (12 books)"));
        assertThat(column(1)).containsExactly("The Left Hand of Darkness", "Wild Seed");

        browser.findElement(By.id("q")).sendKeys("EARTH");
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "Page 1 of 1 (1 books)"));
        assertThat(column(2)).containsExactly("Ursula K. Le Guin");

        browser.findElement(By.cssSelector("#books tbody button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "A Wizard of Earthsea"));
        assertThat(text("detail-description")).startsWith("A boy with a gift for magic");
        assertThat(browser.findElements(By.cssSelector("#detail-reviews li"))).extracting(WebElement::getText)
                .containsExactly("★★★★★ Ged's fan: Still the best school of wizardry.",
                        "★★★★ Vetch: Short, and never a wasted word.");
        assertThat(browser.findElement(By.id("detail")).getText()).contains("Mean rating 4.5 of 5");

        // the table is redrawn every 3 s: read it in one script, never through elements that may go stale
        List<List<String>> statements = wait.until(driver -> {
            List<List<String>> rows = statementRows();
            return rows.stream().anyMatch(row -> row.get(1).toLowerCase().contains("from book")) ? rows : null;
        });
        List<String> slowest = statements.get(0);
        assertThat(slowest.get(0)).matches("[0-9a-f]{10}");
        assertThat(Long.parseLong(slowest.get(2))).isPositive();
        assertThat(statements).allSatisfy(row -> assertThat(Double.parseDouble(row.get(3)))
                .isLessThanOrEqualTo(Double.parseDouble(slowest.get(3))));
    }

    @Test
    void tagFilterAndOrderNarrowTheList() {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#books tbody tr"), 10));
        wait.until(driver -> driver.findElements(By.cssSelector("#tag option")).size() > 1);

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("tag"))).selectByValue("time-travel");
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "Page 1 of 1 (1 books)"));
        assertThat(column(1)).containsExactly("Kindred");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("tag"))).selectByValue("satire");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByValue("-year");
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "Page 1 of 1 (4 books)"));
        assertThat(column(1)).containsExactly("Going Postal", "Small Gods", "Guards! Guards!", "The Colour of Magic");
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> statementRows() {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#statements tbody tr')]"
                        + ".map(row => [...row.cells].map(cell => cell.textContent))");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> column(int n) {
        return browser.findElements(By.cssSelector("#books tbody tr td:nth-child(" + n + ")")).stream()
                .map(WebElement::getText).toList();
    }
}
