package com.quickeats.bootstrap.console;

import com.quickeats.bootstrap.Configuration;
import com.quickeats.bootstrap.QuickEatsService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real service in demo mode (embedded PostgreSQL) and Debian's headless Chromium looking at its
 * console, with the gestures the browser tests share. The browser runs in Seoul's time zone, so a
 * timestamp left in UTC would show. Screenshots land in {@code target/console-screenshots}.
 */
final class ConsoleHarness implements AutoCloseable {
    static final ZoneId BROWSER_ZONE = ZoneId.of("Asia/Seoul");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final QuickEatsService service;
    final ChromeDriver browser;
    final WebDriverWait wait;

    private ConsoleHarness(QuickEatsService service, ChromeDriver browser) {
        this.service = service;
        this.browser = browser;
        // The console re-renders what it refreshes: an element read while it was replaced is read again.
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Skips (or fails on CI) when Chromium is missing; never downloads one. */
    static ConsoleHarness start(Path dataDir) throws IOException {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        String message = "Chromium is not installed (" + BINARY + ", " + DRIVER + "): "
                + "apt-get install -y chromium chromium-driver fonts-nanum (.ci/run does this on CI)";
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed, message);
        Files.createDirectories(SCREENSHOTS);
        QuickEatsService service = QuickEatsService.start(Configuration.parse(List.of(),
                Map.of("PORT", "0", "QUICKEATS_DATA_DIR", dataDir.toString())));
        try {
            return new ConsoleHarness(service, chromium());
        } catch (RuntimeException | IOException e) {
            service.stop();
            throw e;
        }
    }

    private static ChromeDriver chromium() throws IOException {
        Path profile = Files.createTempDirectory("quickeats-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=ko-KR", "--user-data-dir=" + profile);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(driverService, options);
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", BROWSER_ZONE.getId()));
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            service.stop();
        }
    }

    void home() {
        browser.get(service.baseUrl() + "/");
    }

    String token(String user) {
        return service.demoTokens().stream().filter(t -> t.userId().equals(user)).findFirst().orElseThrow().token();
    }

    void signInAs(String user) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("as-" + user))).click();
        wait.until(d -> d.findElement(By.id("whoami")).getText().startsWith(user + " ")
                && "false".equals(d.findElement(By.id("main")).getAttribute("aria-busy")));
    }

    /** As the signed-in customer: {@code quantity} of the first dish on sale at {@code restaurant}. */
    String placeOrder(String restaurant, int quantity) {
        WebElement select = wait.until(d -> {
            WebElement s = d.findElement(By.id("restaurant-select"));
            return new Select(s).getOptions().stream().anyMatch(o -> o.getText().equals(restaurant)) ? s : null;
        });
        new Select(select).selectByVisibleText(restaurant);
        String restaurantId = new Select(select).getFirstSelectedOption().getAttribute("value");
        WebElement dish = wait.until(d -> d.findElements(By.cssSelector("#menu[data-restaurant='" + restaurantId
                + "'] input.qty")).stream().filter(WebElement::isEnabled).findFirst().orElse(null));
        dish.clear();
        dish.sendKeys(String.valueOf(quantity));
        String before = browser.findElement(By.id("order-id")).getText();
        browser.findElement(By.id("place-order")).click();
        wait.until(d -> {
            String now = d.findElement(By.id("order-id")).getText();
            return !now.isEmpty() && !now.equals(before) && d.findElement(By.id("order-detail")).isDisplayed();
        });
        expectOrder("pending_payment", 1);
        return openOrderId();
    }

    String openOrderId() {
        return browser.findElement(By.id("order-id")).getText().replace("#", "");
    }

    void openOrder(String orderId) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#order-list tr[data-order='" + orderId + "']")))
                .click();
        wait.until(d -> d.findElement(By.id("order-id")).getText().equals("#" + orderId));
    }

    void act(String action) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("action-" + action))).click();
    }

    void expectOrder(String status, int version) {
        wait.until(d -> status.equals(d.findElement(By.id("order-status")).getText())
                && String.valueOf(version).equals(d.findElement(By.id("order-version")).getText()));
    }

    /**
     * What a person would find cut off: an element reaching past the right edge of its section (or of
     * a page {@code width} pixels wide), and a page that scrolls sideways.
     */
    @SuppressWarnings("unchecked")
    List<String> stickingOut(int width) {
        return (List<String>) browser.executeScript("""
                const width = arguments[0];
                const out = [...document.querySelectorAll('body *')].filter(e => {
                  if (!e.getClientRects().length) return false;
                  const box = e.parentElement.closest('section');
                  const limit = box ? box.getBoundingClientRect().right : width;
                  return e.getBoundingClientRect().right > limit + 0.5;
                }).map(e => e.tagName + '#' + e.id + '.' + e.className);
                if (document.documentElement.scrollWidth > width) out.push('page scrolls sideways');
                return out;""", width);
    }

    /** The order's customer pays it through the API, as from another device: the console does not know. */
    int payFromAnotherSession(String orderId) throws IOException, InterruptedException {
        String token = token("customer-1");
        String base = service.baseUrl();
        HttpClient http = HttpClient.newHttpClient();
        String order = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/orders/" + orderId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher total = Pattern.compile("\"total_amount\"\\s*:\\s*(\\d+)").matcher(order);
        if (!total.find()) {
            throw new AssertionError("no total in " + order);
        }
        HttpRequest pay = HttpRequest.newBuilder(URI.create(base + "/api/v2/orders/" + orderId + "/payment"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"order-" + orderId + "-v1\"")
                .header("Idempotency-Key", "second-session-" + orderId)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"payment_method\": \"card\", \"amount\": " + total.group(1) + "}"))
                .build();
        return http.send(pay, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
