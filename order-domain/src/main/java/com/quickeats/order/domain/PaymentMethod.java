package com.quickeats.order.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a customer paid. */
public enum PaymentMethod {
    CARD("card"),
    BANK_TRANSFER("bank_transfer"),
    MOBILE_PAY("mobile_pay"),
    POINT("point");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PaymentMethod> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
