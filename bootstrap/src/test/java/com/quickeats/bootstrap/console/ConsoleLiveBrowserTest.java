package com.quickeats.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console follows the live feed: two browser windows against the real service, one person in each, and
 * what one does shows on the other's screen by itself — no reload, no Refresh button. A page that reloaded
 * would lose the mark each test leaves on its window, so the mark proves nobody refreshed.
 */
class ConsoleLiveBrowserTest extends ConsoleBrowserTestSupport {
    private String first;
    private String second;

    @AfterEach
    void closeTheSecondWindow() {
        if (second != null) {
            console.browser.switchTo().window(second).close();
            second = null;
        }
        console.browser.switchTo().window(first);
    }

    @Test
    void theOwnersScreenShowsTheOrderTheCustomerPaysInAnotherWindowWithoutARefresh() throws IOException {
        String owner = openFirstWindowAs("owner-1");
        String customer = openSecondWindowAs("customer-1");
        String orderId = console.placeOrder("치킨집", 1);

        inWindow(owner);
        awaitRow(orderId, "pending_payment");
        console.openOrder(orderId);
        console.expectOrder("pending_payment", 1);
        assertThat(console.browser.findElements(By.id("action-acceptance"))).as("nothing to accept before payment").isEmpty();

        inWindow(customer);
        console.act("payment");
        console.expectOrder("pending_acceptance", 2);

        inWindow(owner);
        console.expectOrder("pending_acceptance", 2);
        console.wait.until(ExpectedConditions.elementToBeClickable(By.id("action-acceptance")));
        awaitRow(orderId, "pending_acceptance");
        assertThat(console.browser.findElement(By.id("order-payment")).getText()).contains("card");
        assertThat(console.browser.findElement(By.id("history")).getText()).contains("order_paid by customer-1");
        assertNotReloaded();
        console.screenshot("6-live-owner-sees-payment");
    }

    @Test
    void aRiderSeesAnOrderAppearWhenItIsReadyAndTheOwnerSeesItLeaveWithTheRider() throws IOException {
        String owner = openFirstWindowAs("customer-1");
        String orderId = console.placeOrder("치킨집", 1);
        console.act("payment");
        console.expectOrder("pending_acceptance", 2);
        console.signInAs("owner-1");
        console.act("acceptance");
        console.expectOrder("preparing", 3);

        String rider = openSecondWindowAs("rider-1");
        awaitLive();
        assertThat(console.browser.findElements(By.cssSelector("#order-list tr[data-order='" + orderId + "']")))
                .as("a rider does not see an order still being prepared").isEmpty();

        inWindow(owner);
        console.act("preparation-complete");
        console.expectOrder("ready_for_pickup", 4);

        inWindow(rider);
        awaitRow(orderId, "ready_for_pickup");
        console.screenshot("7-live-rider-sees-ready-order");
        console.openOrder(orderId);
        console.act("pickup");
        console.expectOrder("in_transit", 5);

        inWindow(owner);
        console.expectOrder("in_transit", 5);
        awaitRow(orderId, "in_transit");
        assertThat(console.browser.findElement(By.id("order-rider")).getText()).isEqualTo("rider-1");
        assertNotReloaded();
    }

    private String openFirstWindowAs(String user) {
        first = console.browser.getWindowHandle();
        console.home();
        console.signInAs(user);
        mark();
        return first;
    }

    private String openSecondWindowAs(String user) {
        console.browser.switchTo().newWindow(WindowType.WINDOW);
        second = console.browser.getWindowHandle();
        console.home();
        console.signInAs(user);
        mark();
        return second;
    }

    private static void inWindow(String handle) {
        console.browser.switchTo().window(handle);
        awaitLive();
    }

    private static void awaitLive() {
        console.wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
    }

    private static void awaitRow(String orderId, String status) {
        console.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#order-list tr[data-order='" + orderId + "'][data-status='" + status + "']")));
    }

    /** Left on the window's page; a reload would lose it. */
    private static void mark() {
        console.browser.executeScript("window.liveTestMark = true");
    }

    private static void assertNotReloaded() {
        assertThat(console.browser.executeScript("return window.liveTestMark === true"))
                .as("the page was not reloaded").isEqualTo(true);
    }
}
