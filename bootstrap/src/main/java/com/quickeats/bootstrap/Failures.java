package com.quickeats.bootstrap;

import java.util.HashSet;
import java.util.Set;

/** Turns an exception chain into the few words an operator needs in a one-line message. */
final class Failures {
    private Failures() {
    }

    /**
     * The outermost message that says something of its own (not merely its cause's {@code toString()}),
     * else the exception's type; one line, without a final full stop, ready to be followed by a hint.
     */
    static String describe(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            boolean wrapsCause = t.getCause() != null && message != null && message.equals(t.getCause().toString());
            if (message != null && !message.isBlank() && !wrapsCause) {
                return oneLine(message).replaceAll("[.\\s]+$", "");
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** Collapses line breaks so a message stays one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
