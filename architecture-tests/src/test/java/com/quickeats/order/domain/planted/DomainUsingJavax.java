package com.quickeats.order.domain.planted;

import javax.crypto.Cipher;

/** {@code javax} ships with the JDK but is not {@code java..}: still outside the domain's world. */
public final class DomainUsingJavax {
    public Cipher cipher;
}
