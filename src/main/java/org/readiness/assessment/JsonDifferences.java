package org.readiness.assessment;

import org.readiness.problem.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Where two JSON documents differ, as RFC 6901 pointers with both values; at most {@code limit} places. */
final class JsonDifferences {

    record Difference(String pointer, JsonNode stored, JsonNode replayed) {
    }

    private JsonDifferences() {
    }

    static List<Difference> between(JsonNode stored, JsonNode replayed, int limit) {
        List<Difference> found = new ArrayList<>();
        walk("", stored, replayed, found, limit);
        return found;
    }

    private static void walk(String at, JsonNode a, JsonNode b, List<Difference> found, int limit) {
        if (found.size() >= limit || (a != null && a.equals(b))) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = names.iterator(); it.hasNext() && found.size() < limit; ) {
                String name = it.next();
                walk(at + "/" + RequestBody.pointerSegment(name), a.get(name), b.get(name), found, limit);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()) && found.size() < limit; i++) {
                walk(at + "/" + i, a.get(i), b.get(i), found, limit);
            }
        } else {
            found.add(new Difference(at, a, b));
        }
    }
}
