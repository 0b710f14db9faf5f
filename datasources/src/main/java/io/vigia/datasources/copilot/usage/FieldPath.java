package io.vigia.datasources.copilot.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths of names joined by dots ({@code token_usage.prompt_tokens_sum}); a dot or backslash inside
 * a name is escaped with a backslash, so any JSON key survives the round trip.
 */
final class FieldPath {
    private FieldPath() {
    }

    static String escape(String name) {
        return name.replace("\\", "\\\\").replace(".", "\\.");
    }

    static String join(String parent, String escapedName) {
        return parent.isEmpty() ? escapedName : parent + "." + escapedName;
    }

    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length()) {
                cur.append(path.charAt(++i));
            } else if (c == '.') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The path without its last name ('' for a single name). */
    static String parent(String path) {
        List<String> names = split(path);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size() - 1; i++) {
            out.append(i > 0 ? "." : "").append(escape(names.get(i)));
        }
        return out.toString();
    }
}
