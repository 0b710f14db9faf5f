package io.vigia.datasources.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One API call relative to the data source's base URL: a path such as {@code api/v1/query_range}
 * and its parameters. {@code postAllowed} says whether the endpoint accepts the same parameters as
 * a POST form, used when the URL would be too long.
 */
public record ApiRequest(String path, List<Param> params, boolean postAllowed) {

    public record Param(String name, String value) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public ApiRequest {
        Objects.requireNonNull(path, "path");
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        params = List.copyOf(params);
    }

    public static Builder get(String path) {
        return new Builder(path, false);
    }

    /** An endpoint that takes its parameters as a GET query string or a POST form. */
    public static Builder getOrPost(String path) {
        return new Builder(path, true);
    }

    public static final class Builder {
        private final String path;
        private final boolean postAllowed;
        private final List<Param> params = new ArrayList<>();

        private Builder(String path, boolean postAllowed) {
            this.path = path;
            this.postAllowed = postAllowed;
        }

        /** Adds a parameter; a null value is skipped so optional parameters read naturally. */
        public Builder param(String name, Object value) {
            if (value != null) {
                params.add(new Param(name, value.toString()));
            }
            return this;
        }

        public Builder params(String name, List<String> values) {
            values.forEach(v -> param(name, v));
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(path, params, postAllowed);
        }
    }
}
