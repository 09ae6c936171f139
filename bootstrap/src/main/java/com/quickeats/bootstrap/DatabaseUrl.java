package com.quickeats.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code QUICKEATS_DATABASE_URL} read into a JDBC URL and credentials. Whatever the driver would reject is
 * refused here, with the part that is wrong named (a port that is no port, a host that is no host name):
 * the driver itself would only say it cannot parse the URL.
 */
final class DatabaseUrl {
    private static final String JDBC = "jdbc:postgresql://";
    private static final String EXAMPLES = "jdbc:postgresql://localhost:5432/quickeats or "
            + "postgresql://user:password@localhost:5432/quickeats";

    private DatabaseUrl() {
    }

    static Configuration.ExternalDatabase parse(String url, Optional<String> user, Optional<String> password) {
        if (url.startsWith(JDBC)) {
            String rest = url.substring(JDBC.length());
            int end = indexOfAny(rest, "/?");
            for (String hostAndPort : rest.substring(0, end < 0 ? rest.length() : end).split(",", -1)) {
                checkHostAndPort(url, hostAndPort);
            }
            return new Configuration.ExternalDatabase(url, user, password);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromUri(url, user, password);
        }
        throw refused(url, "is not a PostgreSQL URL");
    }

    /** A libpq-style {@code postgresql://user:password@host:port/db?params} URL as JDBC; explicit credentials win. */
    private static Configuration.ExternalDatabase fromUri(String url, Optional<String> user, Optional<String> password) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(url, "is not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority();
            if (authority == null || authority.substring(authority.lastIndexOf('@') + 1).isEmpty()) {
                throw refused(url, "names no host");
            }
            String host = checkHostAndPort(url, authority.substring(authority.lastIndexOf('@') + 1));
            if (host.isEmpty()) {
                throw refused(url, "names no host");
            }
            throw refused(url, "has host '" + host + "', which is not a valid host name (letters, digits, '-' and '.')");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw refused(url, "has port " + uri.getPort() + ", but a port is a number from 1 to 65535");
        }
        Optional<String> uriUser = Optional.empty();
        Optional<String> uriPassword = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            uriUser = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                uriPassword = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        String jdbc = JDBC + host + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort())
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Optional<String> fromUriUser = uriUser;
        Optional<String> fromUriPassword = uriPassword;
        return new Configuration.ExternalDatabase(jdbc, user.or(() -> fromUriUser), password.or(() -> fromUriPassword));
    }

    /**
     * {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}, checked: the port, if any, must be
     * one; the host must look like a host name or an address.
     *
     * @return the host
     */
    private static String checkHostAndPort(String url, String hostAndPort) {
        boolean bracketed = hostAndPort.startsWith("[");
        int colon = bracketed ? (hostAndPort.contains("]:") ? hostAndPort.indexOf("]:") + 1 : -1)
                : hostAndPort.lastIndexOf(':');
        String host = colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
        if (colon >= 0) {
            String port = hostAndPort.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                throw refused(url, "has port '" + port + "', but a port is a number from 1 to 65535");
            }
        }
        if (!bracketed && !host.matches("[A-Za-z0-9._%-]*")) {
            throw refused(url, "has host '" + host + "', which is not a host name or IP address");
        }
        return host;
    }

    private static ConfigurationException refused(String url, String problem) {
        return new ConfigurationException(Setting.DATABASE_URL.names() + " " + problem + ": '"
                + Configuration.redact(url) + "'; e.g. " + EXAMPLES);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
