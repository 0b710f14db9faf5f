package io.vigia.datasources.api;

import io.vigia.datasources.http.HttpResponseData;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.http.ResponseProblems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reader of the Prometheus-style response envelope
 * {@code {"status", "data", "errorType", "error", "warnings", "infos"}} that Prometheus and Loki
 * (its query endpoints, plus {@code encodingFlags}) both send. {@link #fields} reads the fields
 * of one object in a stream; {@link #decode} applies Prometheus's rules to a whole response.
 */
public final class ApiEnvelope {

    /** Reads the {@code data} value the parser stands on; may add warnings (e.g. for skipped samples). */
    public interface DataReader<T> {
        T read(JsonParser p, List<String> extraWarnings);
    }

    /** The envelope's fields as sent; {@code data} is read only when the status is not "error". */
    public record Fields<T>(String status, String errorType, String error, List<String> warnings, List<String> infos,
                            Set<String> encodingFlags, T data, boolean hasData) {
        public boolean isError() {
            return "error".equals(status);
        }

        public boolean isSuccess() {
            return "success".equals(status);
        }
    }

    private ApiEnvelope() {
    }

    /** Reads the fields of the object whose START_OBJECT the parser stands on, to its END_OBJECT. */
    public static <T> Fields<T> fields(JsonParser p, DataReader<T> reader) {
        Reading<T> r = new Reading<>();
        r.read(p, reader);
        return r.fields();
    }

    /** The fields read so far: a failure half-way still knows the status and error it saw. */
    private static final class Reading<T> {
        String status;
        String errorType;
        String error;
        final List<String> warnings = new ArrayList<>();
        List<String> infos = List.of();
        final Set<String> flags = new LinkedHashSet<>();
        T data;
        boolean hasData;

        void read(JsonParser p, DataReader<T> reader) {
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                switch (name) {
                    case "status" -> status = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "errorType" -> errorType = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "error" -> error = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "warnings" -> warnings.addAll(ApiJson.stringList(p));
                    case "infos" -> infos = ApiJson.stringList(p);
                    case "encodingFlags" -> flags.addAll(ApiJson.stringList(p));
                    case "data" -> {
                        if ("error".equals(status)) {
                            p.skipChildren();
                        } else {
                            data = reader.read(p, warnings);
                            hasData = true;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }

        Fields<T> fields() {
            return new Fields<>(status, errorType, error, warnings, infos, flags, data, hasData);
        }
    }

    /**
     * A whole response as Prometheus answers: one JSON object, status "success" with data, or
     * "error" with its type and message ({@link ApiErrorException}); anything else (HTML, an
     * empty body, another API, trailing content) is a {@link RemoteException} that says what came.
     *
     * @param api the server's kind, for messages ("Prometheus", "Loki")
     */
    public static <T> Fields<T> decode(HttpResponseData r, String api, DataReader<T> reader) {
        byte[] body = r.body();
        int first = ApiJson.firstSignificantByte(body);
        if (first != '{') {
            if (!r.isSuccessful()) {
                throw ResponseProblems.httpStatus(r, api);
            }
            throw ResponseProblems.notApiResponse(r, api, first < 0 ? "the body is empty" : "expected a JSON object");
        }
        Reading<T> f = new Reading<>();
        try (JsonParser p = ApiJson.parser(body)) {
            p.nextToken();
            f.read(p, reader);
            if (p.nextToken() != null) {
                throw new ApiJson.ShapeException("more content after the response object (" + ApiJson.describe(p)
                        + "); streamed/NDJSON endpoints are not supported");
            }
        } catch (JacksonException e) {
            if (!r.isSuccessful()) {
                throw ResponseProblems.httpStatus(r, api);
            }
            throw new RemoteException(RemoteException.Kind.BAD_RESPONSE, r.status(),
                    r.target() + ": HTTP " + r.status() + " with " + ApiJson.describe(e), e);
        } catch (ApiJson.ShapeException e) {
            if ("error".equals(f.status) || !r.isSuccessful()) {
                throw error(r, api, f.errorType, f.error != null ? f.error : e.getMessage());
            }
            throw new RemoteException(RemoteException.Kind.BAD_RESPONSE, r.status(),
                    r.target() + ": unexpected " + api + " response: " + e.getMessage());
        }
        Fields<T> done = f.fields();
        if (done.isError()) {
            throw error(r, api, done.errorType(), done.error());
        }
        if (!done.isSuccess()) {
            if (!r.isSuccessful()) {
                throw ResponseProblems.httpStatus(r, api);
            }
            throw ResponseProblems.notApiResponse(r, api, done.status() == null
                    ? "the JSON object has no \"status\" field" : "unknown status \"" + done.status() + "\"");
        }
        if (!done.hasData()) {
            throw ResponseProblems.notApiResponse(r, api, "\"status\" is success but there is no \"data\"");
        }
        return done;
    }

    /** The server's own error: its type ("unknown" when it gave none) and message. */
    public static ApiErrorException error(HttpResponseData r, String api, String errorType, String error) {
        String type = errorType == null || errorType.isBlank() ? "unknown" : errorType;
        String msg = error == null ? "(no message)" : error;
        return new ApiErrorException(type, r.status(), msg, api + " error (HTTP " + r.status() + ", " + type + "): " + msg);
    }
}
