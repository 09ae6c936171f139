package com.quickeats.bootstrap;

/** A setting has a value the service cannot use; the message says which, and what would do. */
public final class ConfigurationException extends StartupException {
    public ConfigurationException(String message) {
        super(message);
    }
}
