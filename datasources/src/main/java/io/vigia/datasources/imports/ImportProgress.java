package io.vigia.datasources.imports;

/** Told how far reading a file got; asked whether to stop. Called on the importing thread. */
public interface ImportProgress {
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void progress(long bytesRead, long totalBytes) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void progress(long bytesRead, long totalBytes);

    /** True once the user cancelled: the import stops before it writes anything. */
    boolean isCancelled();
}
