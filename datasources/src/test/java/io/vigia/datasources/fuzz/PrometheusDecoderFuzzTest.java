package io.vigia.datasources.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.prometheus.PrometheusDecoder;
import io.vigia.datasources.http.HttpResponseData;

class PrometheusDecoderFuzzTest {

    /**
     * Decoding a Prometheus HTTP API body (query, series, label values, metadata, build info) either
     * yields a value or throws {@link QueryException} (a RemoteException for a malformed body, an
     * ApiErrorException for an error envelope).
     */
    @FuzzTest(maxDuration = "10m")
    void decode(byte[] body) {
        HttpResponseData r = new HttpResponseData("GET", "http://fuzz/api/v1/query", 200, "OK", "application/json", null, body);
        try {
            PrometheusDecoder.query(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            PrometheusDecoder.series(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            PrometheusDecoder.stringList(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            PrometheusDecoder.metadata(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
        try {
            PrometheusDecoder.buildInfo(r);
        } catch (QueryException expected) {
            // malformed or error response
        }
    }
}
