package io.vigia.dashboards.chart.data;

import java.util.Arrays;
import java.util.List;

/** Bar chart input: category names along one axis, one value array per series (NaN = no bar). */
public record CategoryData(List<String> categories, List<Series> series) {

    public CategoryData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().length
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    public record Series(String name, double[] values) {
        public Series {
            if (name == null || values == null) {
                throw new IllegalArgumentException("name and values are required");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series other && name.equals(other.name) && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + Arrays.toString(values) + "]";
        }
    }
}
