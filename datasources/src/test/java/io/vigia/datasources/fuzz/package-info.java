/**
 * Jazzer fuzz targets for every parser that reads outside input. Each target feeds the fuzzer's
 * bytes to one parser and accepts only two outcomes: a result, or the exception the parser
 * documents for bad input. Anything else (NullPointerException, IndexOutOfBoundsException,
 * StackOverflowError, OutOfMemoryError, a hang) is a finding. Without {@code JAZZER_FUZZ} the
 * targets run in regression mode over the seeds in {@code src/test/resources/.../<Class>Inputs/<method>/}
 * (part of {@code mvn verify}); long runs are described in docs/reliability.md.
 */
package io.vigia.datasources.fuzz;
