package com.quickeats.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement written with named parameters ({@code :name}, as the rest of this module writes SQL), turned once
 * into the driver's positional form. The hot statements run on plain JDBC through it: the text the driver sees is
 * constant, so the driver parses it once per connection and, past its prepare threshold, reuses the server-side
 * prepared statement; binding a value is an array store, with none of JDBI's per-statement machinery.
 *
 * <p>A name may occur several times; each occurrence gets the value. Text in single quotes and {@code ::} casts
 * are left alone.
 */
final class NamedSql {
    private final String jdbc;
    private final Map<String, int[]> positions;

    private NamedSql(String jdbc, Map<String, int[]> positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    static NamedSql of(String named) {
        StringBuilder jdbc = new StringBuilder(named.length());
        Map<String, List<Integer>> found = new HashMap<>();
        int parameter = 0;
        boolean quoted = false;
        for (int i = 0; i < named.length(); i++) {
            char c = named.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < named.length() && isNameStart(named.charAt(i + 1))
                    && (i == 0 || named.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < named.length() && isNamePart(named.charAt(end))) {
                    end++;
                }
                found.computeIfAbsent(named.substring(i + 1, end), name -> new ArrayList<>()).add(++parameter);
                jdbc.append('?');
                i = end - 1;
                continue;
            }
            jdbc.append(c);
        }
        Map<String, int[]> positions = new HashMap<>();
        found.forEach((name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
        return new NamedSql(jdbc.toString(), Map.copyOf(positions));
    }

    /** The statement in the driver's form, to bind with {@link Bound}; the caller closes it. */
    Bound prepare(Connection connection) throws SQLException {
        return new Bound(connection.prepareStatement(jdbc));
    }

    String jdbc() {
        return jdbc;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A prepared statement of this SQL, bound by name. Values of the same Java type always bind the same SQL type. */
    final class Bound implements AutoCloseable {
        private final PreparedStatement statement;

        private Bound(PreparedStatement statement) {
            this.statement = statement;
        }

        PreparedStatement statement() {
            return statement;
        }

        /**
         * Binds {@code value} by its Java type: {@code null} as {@code nullType}; an {@link Instant} as text of
         * a type the server infers ({@code timestamptz} wherever this module binds one); an array (of {@code long}, {@code int}, {@link String}, …) as a SQL array; anything
         * else as the driver binds it.
         */
        Bound set(String name, Object value, int nullType) throws SQLException {
            for (int position : positionsOf(name)) {
                if (value == null) {
                    statement.setNull(position, nullType);
                } else if (value instanceof Long number) {
                    statement.setLong(position, number);
                } else if (value instanceof Integer number) {
                    statement.setInt(position, number);
                } else if (value instanceof String text) {
                    statement.setString(position, text);
                } else if (value instanceof Instant instant) {
                    statement.setObject(position, Timestamps.text(instant), Types.OTHER);
                } else {
                    statement.setObject(position, value);
                }
            }
            return this;
        }

        Bound set(String name, Object value) throws SQLException {
            return set(name, value, Types.OTHER);
        }

        Bound setText(String name, String value) throws SQLException {
            return set(name, value, Types.VARCHAR);
        }

        Bound setLong(String name, Long value) throws SQLException {
            return set(name, value, Types.BIGINT);
        }

        /** As text the server reads into the column's {@code timestamptz}: see {@link Timestamps#text}. */
        Bound setInstant(String name, Instant value) throws SQLException {
            return set(name, value, Types.OTHER);
        }

        Bound setBoolean(String name, Boolean value) throws SQLException {
            return set(name, value, Types.BOOLEAN);
        }

        private int[] positionsOf(String name) {
            int[] at = positions.get(name);
            if (at == null) {
                throw new IllegalArgumentException("no parameter :" + name + " in " + jdbc);
            }
            return at;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
