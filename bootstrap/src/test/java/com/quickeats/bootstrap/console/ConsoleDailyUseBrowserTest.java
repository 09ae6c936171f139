package com.quickeats.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console for people who use it all day, in a real headless Chromium against the real service:
 * signing out, filtering the list by status, reading times on their own clock, running the catalogue,
 * and doing all of it on a phone.
 */
class ConsoleDailyUseBrowserTest extends ConsoleBrowserTestSupport {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ConsoleHarness.BROWSER_ZONE);

    @BeforeEach
    void freshPage() {
        console.home();
    }

    @Test
    void switchingToARoleThatMayNotSeeTheOpenOrderClosesItWithANote() {
        console.signInAs("customer-1");
        String orderId = console.placeOrder("분식집", 1);

        console.signInAs("rider-1");
        console.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("order-detail")));
        assertThat(text("notice")).contains("Order #" + orderId + " is not visible to rider-1");
        assertThat(shown("problem")).as("no error for a role switch").isFalse();
    }

    /** Without its live feed (cut here, so that only the refresh can be what brings the change). */
    @Test
    void oneRefreshBringsTheListAndTheOpenOrderUpToDate() throws Exception {
        cutLiveFeed();
        try {
            console.home();
            console.signInAs("customer-1");
            String orderId = console.placeOrder("분식집", 2);
            assertThat(console.payFromAnotherSession(orderId)).isEqualTo(200);

            console.browser.executeScript("return window.quickeatsConsole.refresh()");
            console.expectOrder("pending_acceptance", 2);
            assertThat(listedStatuses().get(listedOrders().indexOf(orderId))).isEqualTo("pending_acceptance");
            assertThat(shown("problem")).isFalse();
        } finally {
            restoreLiveFeed();
        }
    }

    @Test
    void signingOutForgetsTheUserAndEverythingTheySaw() {
        console.signInAs("customer-1");
        console.placeOrder("치킨집", 1);

        console.browser.findElement(By.id("sign-out")).click();
        console.wait.until(d -> d.findElement(By.id("whoami")).getText().equals("not signed in"));
        for (String section : List.of("orders", "new-order", "order-detail", "manage", "sign-out")) {
            assertThat(shown(section)).as(section + " after sign-out").isFalse();
        }
        assertThat(console.browser.findElements(By.cssSelector("#order-list tbody tr"))).isEmpty();
        assertThat(console.browser.executeScript("return document.getElementById('history').textContent"))
                .as("nothing of the order kept in the page").isEqualTo("");

        console.signInAs("owner-1");
        assertThat(shown("order-detail")).as("the next user does not inherit an open order").isFalse();
    }

    @Test
    void theStatusFilterListsOnlyOrdersInThatStatus() {
        console.signInAs("customer-1");
        String unpaid = console.placeOrder("피자집", 1);
        String paid = console.placeOrder("피자집", 2);
        console.act("payment");
        console.expectOrder("pending_acceptance", 2);

        filter("pending_acceptance");
        assertThat(listedOrders()).contains(paid).doesNotContain(unpaid);
        assertThat(listedStatuses()).containsOnly("pending_acceptance");

        filter("pending_payment");
        assertThat(listedOrders()).contains(unpaid).doesNotContain(paid);
        assertThat(listedStatuses()).containsOnly("pending_payment");

        filter("in_transit");
        console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orders-empty")));
        assertThat(listedOrders()).isEmpty();

        filter("");
        assertThat(listedOrders()).contains(paid, unpaid);
    }

    @Test
    void timesAreShownOnTheBrowsersClockNotInUtc() {
        console.signInAs("customer-1");
        String orderId = console.placeOrder("치킨집", 1);
        console.act("payment");
        console.expectOrder("pending_acceptance", 2);

        assertThat(text("timezone")).isEqualTo(ConsoleHarness.BROWSER_ZONE.getId());
        List<WebElement> times = console.browser.findElements(By.cssSelector(
                "#order-list tr[data-order='" + orderId + "'] time, #order-placed time, #order-payment time, #history time"));
        assertThat(times).hasSize(5);
        for (WebElement time : times) {
            Instant instant = Instant.parse(time.getAttribute("datetime"));
            assertThat(time.getText()).isEqualTo(LOCAL.format(instant));
        }
    }

    @Test
    void anAdminRegistersARestaurantWhoseOwnerAddsDishesAndWithdrawsOne() throws IOException {
        console.signInAs("admin-1");
        type("restaurant-name", "국수집");
        type("restaurant-owner", "owner-1");
        console.browser.findElement(By.id("register")).click();
        console.wait.until(d -> d.findElement(By.id("restaurant-table")).getText().contains("국수집"));
        assertThat(text("notice")).contains("Registered 국수집").contains("for owner-1");
        assertThat(shown("menu-admin")).as("an admin edits no menu").isFalse();

        console.signInAs("owner-1");
        WebElement mine = console.wait.until(d -> {
            WebElement s = d.findElement(By.id("manage-restaurant"));
            return new Select(s).getOptions().stream().anyMatch(o -> o.getText().equals("국수집")) ? s : null;
        });
        new Select(mine).selectByVisibleText("국수집");
        addDish("잔치국수", "7000");
        addDish("비빔국수", "8000");
        WebElement withdraw = console.browser.findElement(By.xpath(
                "//table[@id='menu-items']//tr[td[1]='잔치국수']//button[starts-with(@id,'withdraw-')]"));
        withdraw.click();
        console.wait.until(d -> d.findElement(By.xpath("//table[@id='menu-items']//tr[td[1]='잔치국수']/td[3]"))
                .getText().equals("withdrawn"));
        assertThat(shown("register-restaurant")).as("an owner registers no restaurant").isFalse();
        assertThat(console.stickingOut(1280)).as("elements reaching past their box").isEmpty();
        console.screenshot("6-menu-admin");

        console.signInAs("customer-1");
        WebElement select = console.wait.until(d -> {
            WebElement s = d.findElement(By.id("restaurant-select"));
            return new Select(s).getOptions().stream().anyMatch(o -> o.getText().equals("국수집")) ? s : null;
        });
        new Select(select).selectByVisibleText("국수집");
        console.wait.until(d -> d.findElements(By.cssSelector("#menu tbody tr")).size() == 2);
        WebElement withdrawn = console.browser.findElement(By.xpath("//table[@id='menu']//tr[td[1]='잔치국수 (sold out)']"));
        assertThat(withdrawn.findElement(By.cssSelector("input.qty")).isEnabled()).isFalse();
        WebElement onSale = console.browser.findElement(By.xpath("//table[@id='menu']//tr[td[1]='비빔국수']"));
        assertThat(onSale.findElement(By.cssSelector("input.qty")).isEnabled()).isTrue();
    }

    @Test
    void onAPhoneEverythingFitsTheScreen() throws IOException {
        console.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            console.home();
            console.signInAs("customer-1");
            console.placeOrder("치킨집", 3);
            console.act("payment");
            console.expectOrder("pending_acceptance", 2);
            console.browser.executeScript("document.getElementById('orders').scrollIntoView()");
            console.screenshot("7-phone-390x844");
            assertThat(console.stickingOut(390)).as("elements reaching past the phone's edge or their box").isEmpty();
            assertThat(console.browser.executeScript("return window.innerWidth"))
                    .as("a page wider than the phone makes it zoom out").isEqualTo(390L);

            for (String user : List.of("owner-1", "admin-1")) {
                console.signInAs(user);
                assertThat(console.stickingOut(390)).as(user + "'s screens on a phone").isEmpty();
            }
        } finally {
            console.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void addDish(String name, String price) {
        type("item-name", name);
        type("item-price", price);
        console.browser.findElement(By.id("add-item-button")).click();
        console.wait.until(d -> d.findElement(By.id("menu-items")).getText().contains(name));
    }

    private static void filter(String status) {
        new Select(console.browser.findElement(By.id("status-filter"))).selectByValue(status);
        console.wait.until(d -> {
            List<String> statuses = listedStatuses();
            return status.isEmpty() ? !statuses.isEmpty() : statuses.stream().allMatch(status::equals);
        });
    }

    private static List<String> listedOrders() {
        return listed("order");
    }

    private static List<String> listedStatuses() {
        return listed("status");
    }

    /** Read in one script: the list re-renders under a WebDriver that walks it row by row. */
    @SuppressWarnings("unchecked")
    private static List<String> listed(String attribute) {
        return (List<String>) console.browser.executeScript(
                "return [...document.querySelectorAll('#order-list tbody tr')].map(r => r.dataset[arguments[0]])",
                attribute);
    }

    private static void type(String id, String value) {
        WebElement input = console.browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static String text(String id) {
        return console.browser.findElement(By.id(id)).getText();
    }

    private static boolean shown(String id) {
        return console.browser.findElement(By.id(id)).isDisplayed();
    }
}
