package io.vigia.datasources.promql.ast;

import java.util.List;

/**
 * A PromQL function's signature. {@code variadic}: 0 fixed arity, n &gt; 0 up to n optional trailing
 * arguments of the last type, -1 any number of them. {@code experimental}: Prometheus hides it behind
 * the {@code promql-experimental-functions} feature flag.
 */
public record FunctionDef(String name, List<ValueType> argTypes, int variadic, ValueType returnType,
                          boolean experimental) {
    public FunctionDef {
        argTypes = List.copyOf(argTypes);
    }
}
