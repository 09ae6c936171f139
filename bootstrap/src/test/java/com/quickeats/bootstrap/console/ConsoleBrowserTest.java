package com.quickeats.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium against the real service in demo mode (embedded
 * PostgreSQL): a newcomer's walk of one order from creation to delivery, switching roles in the page,
 * and a 412 provoked by a second session. Screenshots of the key screens land in
 * {@code target/console-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TempDir
    static Path dataDir;

    private static QuickEatsService service;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startServiceAndBrowser() throws IOException {
        Chromium.requireInstalled();
        service = QuickEatsService.start(Configuration.parse(List.of(),
                Map.of("PORT", "0", "QUICKEATS_DATA_DIR", dataDir.toString())));
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    @Order(1)
    void aNewcomerWalksAnOrderFromCreationToDeliveryAsEachRole() throws IOException {
        browser.get(service.baseUrl() + "/");
        signInAs("customer-1");
        wait.until(d -> !new Select(d.findElement(By.id("restaurant-select"))).getOptions().isEmpty());
        new Select(browser.findElement(By.id("restaurant-select"))).selectByVisibleText("치킨집");
        WebElement quantity = wait.until(d -> d.findElements(By.cssSelector("#menu input.qty")).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null));
        quantity.clear();
        quantity.sendKeys("2");
        screenshot("1-new-order");
        browser.findElement(By.id("place-order")).click();
        expectOrder("pending_payment", 1);
        String orderId = browser.findElement(By.id("order-id")).getText().replace("#", "");
        assertThat(browser.findElement(By.id("order-etag")).getText()).isEqualTo("\"order-" + orderId + "-v1\"");

        act("payment");
        expectOrder("pending_acceptance", 2);
        screenshot("2-paid");

        signInAs("owner-1");
        openOrder(orderId);
        expectOrder("pending_acceptance", 2);
        act("acceptance");
        expectOrder("preparing", 3);
        assertThat(browser.findElements(By.id("action-cancellation"))).as("no cancel once preparing").isEmpty();
        act("preparation-complete");
        expectOrder("ready_for_pickup", 4);

        signInAs("rider-1");
        openOrder(orderId);
        act("pickup");
        expectOrder("in_transit", 5);
        act("delivery");
        expectOrder("delivered", 6);
        wait.until(d -> d.findElements(By.cssSelector("#history li")).size() == 6);
        assertThat(browser.findElement(By.id("history")).getText()).contains("order_delivered by rider-1");
        screenshot("3-delivered");
    }

    @Test
    @Order(2)
    void aChangeFromAnotherSessionShowsAConflictAndARetryOnTheNewState() throws Exception {
        browser.get(service.baseUrl() + "/");
        signInAs("customer-1");
        new Select(wait.until(d -> {
            WebElement s = d.findElement(By.id("restaurant-select"));
            return new Select(s).getOptions().isEmpty() ? null : s;
        })).selectByVisibleText("치킨집");
        WebElement quantity = wait.until(d -> d.findElements(By.cssSelector("#menu input.qty")).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null));
        quantity.clear();
        quantity.sendKeys("1");
        browser.findElement(By.id("place-order")).click();
        expectOrder("pending_payment", 1);
        String orderId = browser.findElement(By.id("order-id")).getText().replace("#", "");

        // A second session (the same customer, on another device) pays the order meanwhile.
        int status = paySecretly(orderId);
        assertThat(status).isEqualTo(200);

        act("cancellation");
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(conflict.getText()).contains("This order changed meanwhile");
        expectOrder("pending_acceptance", 2);
        screenshot("4-conflict");

        WebElement retry = browser.findElement(By.id("conflict-retry"));
        assertThat(retry.isDisplayed()).isTrue();
        retry.click();
        expectOrder("cancelled", 3);
        assertThat(browser.findElement(By.id("order-cancellation")).getText()).contains("refund due");
        screenshot("5-cancelled-after-retry");
    }

    private static int paySecretly(String orderId) throws Exception {
        String token = service.demoTokens().stream().filter(t -> t.userId().equals("customer-1")).findFirst()
                .orElseThrow().token();
        HttpClient http = HttpClient.newHttpClient();
        String order = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v2/orders/" + orderId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher total = Pattern.compile("\"total_amount\"\\s*:\\s*(\\d+)").matcher(order);
        assertThat(total.find()).isTrue();
        HttpRequest pay = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v2/orders/" + orderId + "/payment"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"order-" + orderId + "-v1\"")
                .header("Idempotency-Key", "second-session-" + orderId)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"payment_method\": \"card\", \"amount\": " + total.group(1) + "}"))
                .build();
        return http.send(pay, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void signInAs(String user) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("as-" + user))).click();
        wait.until(d -> d.findElement(By.id("whoami")).getText().startsWith(user + " "));
    }

    private static void openOrder(String orderId) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#order-list tr[data-order='" + orderId + "']")))
                .click();
        wait.until(d -> d.findElement(By.id("order-id")).getText().equals("#" + orderId));
    }

    private static void act(String action) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("action-" + action))).click();
    }

    private static void expectOrder(String status, int version) {
        wait.until(d -> status.equals(d.findElement(By.id("order-status")).getText())
                && String.valueOf(version).equals(d.findElement(By.id("order-version")).getText()));
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** Debian's Chromium and its driver, never a downloaded one. */
    static final class Chromium {
        static final Path BINARY = Path.of("/usr/bin/chromium");
        static final Path DRIVER = Path.of("/usr/bin/chromedriver");

        static void requireInstalled() {
            boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
            String message = "Chromium is not installed (" + BINARY + ", " + DRIVER + "): "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this on CI)";
            if (!installed && "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(installed, message);
        }

        static WebDriver start() throws IOException {
            Path profile = Files.createTempDirectory("quickeats-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
            ChromeDriverService driverService = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            return new ChromeDriver(driverService, options);
        }
    }
}
