package io.vigia.datasources.simulator;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** The standard normal CDF, from Commons Statistics. */
final class StandardNormal {
    private static final NormalDistribution N = NormalDistribution.of(0, 1);

    private StandardNormal() {
    }

    static double cdf(double z) {
        return N.cumulativeProbability(z);
    }
}
