package io.vigia.datasources.promql.ast;

/** Byte offsets {@code [start, end)} of a node in the query text. */
public record PosRange(int start, int end) {
}
