package com.teaminbox.ui.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A lazy grid asks for rows by offset; the API pages by cursor. This walks the pages in order
 * and remembers each page's cursor, so scrolling on costs one request per page.
 */
public final class CursorPages<T> {

    /** One page as the API returns it: its rows and the cursor of the next page (null: no more). */
    public record Page<T>(List<T> items, String next) {
    }

    private final int pageSize;
    /** (cursor or null, page size) → that page */
    private final BiFunction<String, Integer, Page<T>> source;
    /** cursors.get(n) fetches page n; page 0 needs none (""). */
    private final List<String> cursors = new ArrayList<>(List.of(""));

    public CursorPages(int pageSize, BiFunction<String, Integer, Page<T>> source) {
        this.pageSize = pageSize;
        this.source = source;
    }

    /** Forget the cursors, e.g. when a filter changed. */
    public void reset() {
        cursors.clear();
        cursors.add("");
    }

    public List<T> rows(int offset, int limit) {
        List<T> rows = new ArrayList<>();
        int page = offset / pageSize;
        int skip = offset % pageSize;
        while (rows.size() < skip + limit && page < cursors.size()) {
            String cursor = cursors.get(page);
            Page<T> result = source.apply(cursor.isEmpty() ? null : cursor, pageSize);
            rows.addAll(result.items());
            if (result.next() == null) {
                break;
            }
            if (cursors.size() == page + 1) {
                cursors.add(result.next());
            }
            page++;
        }
        return rows.stream().skip(skip).limit(limit).toList();
    }
}
