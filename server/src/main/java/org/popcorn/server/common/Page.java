package org.popcorn.server.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list answer. Every list in the API is paginated: {@code page} counts from 0, {@code total} is the
 * number of items in the whole list.
 */
@Schema(name = "Page")
public class Page<T> {
    public List<T> items;
    public int page;
    public int size;
    public long total;

    public Page() {
    }

    public Page(List<T> items, int page, int size, long total) {
        this.items = items;
        this.page = page;
        this.size = size;
        this.total = total;
    }

    /** Checks paging parameters; {@code size} is capped at 100. */
    public static int[] validate(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw ProblemException.badRequest("page must be 0 or more.", "page").withCode("request.bad-parameter");
        }
        if (s < 1 || s > 100) {
            throw ProblemException.badRequest("size must be between 1 and 100.", "size").withCode("request.bad-parameter");
        }
        return new int[] {p, s};
    }
}
