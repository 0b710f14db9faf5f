package io.vigia.datasources.api;

/**
 * A query's statistics as Prometheus's API returns them for {@code stats=true} or {@code stats=all}
 * (util/stats {@code queryTimings} and {@code querySamples}), seconds and sample counts. The embedded
 * engine measures parsing ({@code queryPreparationTime}) and evaluation, and counts the samples it
 * reads from the store; it does not track how many it holds at once, so {@code peakSamples} is the
 * samples read too.
 */
public record QueryStats(double queueSeconds, double preparationSeconds, double innerEvalSeconds,
                         double resultSortSeconds, double evalTotalSeconds, double execTotalSeconds,
                         long samplesRead, long peakSamples) {
}
