package com.quickeats.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console in a real headless Chromium against the real service: a newcomer walks one order from
 * creation to delivery, switching roles in the page while the order stays open, and a 412 provoked by a
 * second session turns into "changed meanwhile" with a retry.
 */
class ConsoleBrowserTest extends ConsoleBrowserTestSupport {
    @Test
    void aNewcomerWalksAnOrderFromCreationToDeliveryAsEachRoleWithoutReopeningIt() throws IOException {
        console.home();
        console.signInAs("customer-1");
        console.screenshot("1-new-order");
        String orderId = console.placeOrder("치킨집", 2);
        assertThat(console.browser.findElement(By.id("order-etag")).getText()).isEqualTo("\"order-" + orderId + "-v1\"");

        console.act("payment");
        console.expectOrder("pending_acceptance", 2);
        console.screenshot("2-paid");

        console.signInAs("owner-1");
        console.expectOrder("pending_acceptance", 2);
        assertThat(console.openOrderId()).as("the open order stays open").isEqualTo(orderId);
        console.act("acceptance");
        console.expectOrder("preparing", 3);
        assertThat(console.browser.findElements(By.id("action-cancellation"))).as("no cancel once preparing").isEmpty();
        console.act("preparation-complete");
        console.expectOrder("ready_for_pickup", 4);

        console.signInAs("rider-1");
        assertThat(console.openOrderId()).isEqualTo(orderId);
        console.act("pickup");
        console.expectOrder("in_transit", 5);
        console.act("delivery");
        console.expectOrder("delivered", 6);
        console.wait.until(d -> d.findElements(By.cssSelector("#history li")).size() == 6);
        assertThat(console.browser.findElement(By.id("history")).getText()).contains("order_delivered by rider-1");
        console.screenshot("3-delivered");
    }

    /** With its live feed down the screen is stale, as on a flaky network: the ETag still catches the stale action. */
    @Test
    void aChangeFromAnotherSessionShowsAConflictAndARetryOnTheNewState() throws Exception {
        cutLiveFeed();
        try {
            aStaleScreenMeetsAConflict();
        } finally {
            restoreLiveFeed();
        }
    }

    private static void aStaleScreenMeetsAConflict() throws Exception {
        console.home();
        console.signInAs("customer-1");
        console.wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "offline"));
        String orderId = console.placeOrder("치킨집", 1);

        // A second session (the same customer, on another device) pays the order meanwhile.
        assertThat(console.payFromAnotherSession(orderId)).isEqualTo(200);

        console.act("cancellation");
        WebElement conflict = console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(conflict.getText()).contains("This order changed meanwhile");
        console.expectOrder("pending_acceptance", 2);
        console.screenshot("4-conflict");

        WebElement retry = console.browser.findElement(By.id("conflict-retry"));
        assertThat(retry.isDisplayed()).isTrue();
        retry.click();
        console.expectOrder("cancelled", 3);
        assertThat(console.browser.findElement(By.id("order-cancellation")).getText()).contains("refund due");
        console.screenshot("5-cancelled-after-retry");
    }
}
