package io.vigia.datasources.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Status;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OTLP/HTTP payloads to and from the official {@code opentelemetry-proto} messages. Binary
 * protobuf is parsed as it is; JSON follows the OTLP specification's "JSON Protobuf Encoding":
 * the proto3 JSON mapping (lowerCamelCase keys, 64-bit integers as strings or numbers, enums as
 * integers), unknown fields ignored, except that {@code traceId}, {@code spanId} and
 * {@code parentSpanId} are hex, not base64; they are turned into base64 before
 * {@link JsonFormat} reads the message.
 */
final class OtlpCodec {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HEX_ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpCodec() {
    }

    /** A request that cannot be decoded: permanent, so OTLP's 400 Bad Request. */
    static final class BadDataException extends Exception {
        BadDataException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Message decode(OtlpSignal signal, OtlpEncoding encoding, byte[] body) throws BadDataException {
        Message.Builder builder = switch (signal) {
            case METRICS -> ExportMetricsServiceRequest.newBuilder();
            case LOGS -> ExportLogsServiceRequest.newBuilder();
            case TRACES -> ExportTraceServiceRequest.newBuilder();
        };
        try {
            if (encoding == OtlpEncoding.PROTOBUF) {
                return builder.mergeFrom(body).build();
            }
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new BadDataException("the JSON body is not an object", null);
            }
            hexIdsToBase64(tree);
            PARSER.merge(JSON.writeValueAsString(tree), builder);
            return builder.build();
        } catch (InvalidProtocolBufferException e) {
            throw new BadDataException("malformed " + (encoding == OtlpEncoding.PROTOBUF ? "protobuf" : "OTLP JSON")
                    + " for " + signal.path() + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new BadDataException("malformed JSON for " + signal.path() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadDataException("malformed OTLP JSON for " + signal.path() + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites every hex id field, at any depth, as base64 (the proto3 JSON form of bytes). */
    private static void hexIdsToBase64(JsonNode root) {
        List<JsonNode> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            JsonNode node = stack.removeLast();
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                List<Map.Entry<String, String>> ids = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : object.properties()) {
                    if (HEX_ID_FIELDS.contains(e.getKey()) && e.getValue().isString()) {
                        ids.add(Map.entry(e.getKey(), e.getValue().asString()));
                    } else if (e.getValue().isContainer()) {
                        stack.add(e.getValue());
                    }
                }
                for (Map.Entry<String, String> id : ids) {
                    object.put(id.getKey(), Base64.getEncoder().encodeToString(hex(id.getKey(), id.getValue())));
                }
            } else if (node.isArray()) {
                node.forEach(stack::add);
            }
        }
    }

    private static byte[] hex(String field, String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not hex-encoded (\"" + MetricsTranslator.abbreviate(value) + "\")", e);
        }
    }

    /** The Export*ServiceResponse of a signal, with partial success set when something was rejected. */
    static byte[] response(OtlpSignal signal, OtlpEncoding encoding, long rejected, String message) {
        Message m = switch (signal) {
            case METRICS -> {
                ExportMetricsServiceResponse.Builder b = ExportMetricsServiceResponse.newBuilder();
                if (rejected > 0) {
                    b.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(rejected).setErrorMessage(message));
                }
                yield b.build();
            }
            case LOGS -> {
                ExportLogsServiceResponse.Builder b = ExportLogsServiceResponse.newBuilder();
                if (rejected > 0) {
                    b.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(rejected).setErrorMessage(message));
                }
                yield b.build();
            }
            case TRACES -> {
                ExportTraceServiceResponse.Builder b = ExportTraceServiceResponse.newBuilder();
                if (rejected > 0) {
                    b.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejected).setErrorMessage(message));
                }
                yield b.build();
            }
        };
        return encode(m, encoding);
    }

    /** A {@code google.rpc.Status}, the body OTLP asks for with every 4xx and 5xx. */
    static byte[] status(OtlpEncoding encoding, int grpcCode, String message) {
        return encode(Status.newBuilder().setCode(grpcCode).setMessage(message).build(), encoding);
    }

    private static byte[] encode(Message m, OtlpEncoding encoding) {
        if (encoding == OtlpEncoding.PROTOBUF) {
            return m.toByteArray();
        }
        try {
            return PRINTER.print(m).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a response message could not be printed as JSON", e);
        }
    }
}
