package com.quickeats.bootstrap;

import java.util.Locale;

/** What the service prints once it is ready: where everything is and, in demo mode, whom to be. */
final class Banner {
    private Banner() {
    }

    static String text(QuickEatsService service, long startupMillis) {
        String base = service.baseUrl();
        Configuration configuration = service.configuration();
        StringBuilder text = new StringBuilder()
                .append(String.format(Locale.ROOT, "%nQuickEats is ready (started in %.1f s)%n", startupMillis / 1000.0))
                .append("  Console    ").append(base).append("/\n")
                .append("  API docs   ").append(base).append("/docs\n")
                .append("  API base   ").append(base).append("/api/v2\n")
                .append("  Health     ").append(base).append("/health/ready\n")
                .append("  Metrics    ").append(base).append("/metrics\n")
                .append("  Database   ").append(service.embeddedDatabase()
                        .map(db -> "embedded PostgreSQL 17 on 127.0.0.1:" + db.port() + ", data in " + db.directory())
                        .orElseGet(() -> configuration.database().map(Configuration.ExternalDatabase::redactedUrl).orElse("?")))
                .append('\n');
        if (!service.demoTokens().isEmpty()) {
            text.append("\nDemo mode: demo restaurants are seeded and a JWT secret was generated for this run.\n")
                    .append("These tokens work until the service stops (set QUICKEATS_JWT_SECRET to use your own secret):\n");
            for (QuickEatsService.DemoToken token : service.demoTokens()) {
                text.append(String.format("  %-11s %-19s Authorization: Bearer %s%n", token.userId(),
                        "(" + token.role() + ")", token.token()));
            }
            text.append("\nTry: curl -H \"Authorization: Bearer <the customer-1 token>\" ").append(base)
                    .append("/api/v2/restaurants\n");
        }
        text.append("Stop with Ctrl-C or SIGTERM.\n");
        return text.toString();
    }
}
