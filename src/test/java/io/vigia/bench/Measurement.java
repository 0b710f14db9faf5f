package io.vigia.bench;

/** A benchmark that measures something other than time (a size), reported as its own table. */
interface Measurement {
    String area();

    /** Runs the measurement; returns the Markdown of its table (without the heading). */
    String run() throws Exception;
}
