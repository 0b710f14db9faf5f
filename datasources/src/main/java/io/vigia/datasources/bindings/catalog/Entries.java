package io.vigia.datasources.bindings.catalog;

/** Checks shared by catalog entries: each has an id, a title and the source its names were taken from. */
final class Entries {
    private Entries() {
    }

    static void require(String id, String title, String source) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a catalog entry without an id");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException(id + ": no title");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(id + ": no source (every name in the catalog says where it was taken from)");
        }
    }
}
