package com.quickeats.order.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A table written out in a test the way a reader would draw it from the spec: a header row of column
 * keys, then one row per line whose first cell is the row key. Cells are separated by whitespace.
 */
record TextTable(List<String> columns, List<Row> rows) {

    record Row(String key, List<String> cells) {
    }

    record Cell(String row, String column, String value) {
    }

    static TextTable parse(String text) {
        List<List<String>> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> Arrays.asList(line.split("\\s+"))).toList();
        List<String> columns = lines.get(0).subList(1, lines.get(0).size());
        List<Row> rows = lines.subList(1, lines.size()).stream().map(cells -> {
            if (cells.size() != columns.size() + 1) {
                throw new IllegalArgumentException("row " + cells + " does not have " + columns.size() + " cells");
            }
            return new Row(cells.get(0), cells.subList(1, cells.size()));
        }).toList();
        return new TextTable(columns, rows);
    }

    List<Cell> cells() {
        return rows.stream().flatMap(row -> columns.stream()
                .map(column -> new Cell(row.key(), column, row.cells().get(columns.indexOf(column))))).toList();
    }
}
