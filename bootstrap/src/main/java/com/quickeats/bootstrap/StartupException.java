package com.quickeats.bootstrap;

/**
 * Start-up cannot go on, for a reason the operator can fix. The message is the one line printed before the
 * service exits with status 2: what is wrong, then how to fix it.
 */
public class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message, null, false, false);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
