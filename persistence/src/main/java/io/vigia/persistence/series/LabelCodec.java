package io.vigia.persistence.series;

/**
 * The canonical text of a label set in the {@code series} table: names and values in order,
 * separated by NUL characters, which no Prometheus label name contains (values that do are
 * escaped), so that two different label sets never share a key.
 */
final class LabelCodec {
    private LabelCodec() {
    }

    static String encode(Labels labels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                sb.append('\0');
            }
            sb.append(labels.name(i)).append('\0').append(escape(labels.value(i)));
        }
        return sb.toString();
    }

    static Labels decode(String text) {
        if (text.isEmpty()) {
            return Labels.EMPTY;
        }
        String[] parts = text.split("\0", -1);
        Labels.Builder b = Labels.builder();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            b.set(parts[i], unescape(parts[i + 1]));
        }
        return b.build();
    }

    private static String escape(String v) {
        return v.indexOf('\0') < 0 && v.indexOf('\\') < 0 ? v : v.replace("\\", "\\\\").replace("\0", "\\0");
    }

    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(n == '0' ? '\0' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
