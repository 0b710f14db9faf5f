package io.vigia.datasources.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.loki.LokiDecoder;
import io.vigia.datasources.http.HttpResponseData;

class LokiDecoderFuzzTest {

    /**
     * Decoding a Loki HTTP API body (query and query_range streams/matrix/vector, series, labels,
     * index stats, a tail frame, build info) either yields a value or throws {@link QueryException}.
     */
    @FuzzTest(maxDuration = "10m")
    void decode(byte[] body) {
        HttpResponseData r = new HttpResponseData("GET", "http://fuzz/loki/api/v1/query_range", 200, "OK", "application/json", null, body);
        try {
            LokiDecoder.query(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            LokiDecoder.series(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            LokiDecoder.stringList(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            LokiDecoder.indexStats(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            LokiDecoder.tailFrame(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            LokiDecoder.buildInfo(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
    }
}
