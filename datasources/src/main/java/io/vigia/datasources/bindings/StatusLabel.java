package io.vigia.datasources.bindings;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The label holding a request's outcome and the RE2 regex of its server-error values: {@code 5..}
 * for HTTP codes, gRPC's code names for {@code grpc_code}.
 */
public record StatusLabel(String label, String errors) {
    public StatusLabel {
        Names.requireLabel(label);
        Objects.requireNonNull(errors, "errors");
        try {
            Pattern.compile(errors);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the error values of " + label + " are not a regex: " + e.getDescription(), e);
        }
    }
}
