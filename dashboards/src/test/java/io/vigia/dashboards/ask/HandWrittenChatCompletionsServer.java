package io.vigia.dashboards.ask;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A local HTTP server answering {@code POST /v1/chat/completions} as an OpenAI-compatible model
 * does, written by hand from the published schema (OpenAI API reference, "Create chat completion":
 * the response object {@code chat.completion} with {@code id}, {@code created}, {@code model},
 * {@code choices[].index}, {@code choices[].message} (role {@code assistant}, {@code content},
 * {@code tool_calls[]} of {@code id}, {@code type: "function"}, {@code function.name},
 * {@code function.arguments} as a JSON string), {@code finish_reason} {@code tool_calls} or
 * {@code stop}, and {@code usage}). What the "model" answers is a script: a function from the
 * request to the tool calls (name, arguments) and text to send back. Every request is kept.
 */
final class HandWrittenChatCompletionsServer implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One scripted tool call. */
    record Call(String name, String arguments) {
    }

    /** What the script answers: text and tool calls. */
    record Reply(String content, List<Call> calls) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    HandWrittenChatCompletionsServer(Function<JsonNode, Reply> script) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().equals("/v1/chat/completions") || !"POST".equals(request.getMethod())) {
                    return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"not found\"}}").build();
                }
                JsonNode body = JSON.readTree(request.getBody().utf8());
                requests.add(body);
                authorizations.add(request.getHeaders().get("Authorization"));
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(completion(body.path("model").asString(), script.apply(body))).build();
            }
        });
        server.start();
    }

    /** The base URL, as a user would configure it ({@code http://127.0.0.1:PORT/v1}). */
    String baseUrl() {
        String u = server.url("/v1").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The Authorization header of each request; null where none was sent. */
    List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    /** Every message content of every request, joined: what the model has seen. */
    String everythingSeen() {
        StringBuilder b = new StringBuilder();
        for (JsonNode r : requests()) {
            for (JsonNode m : r.path("messages")) {
                b.append(m.path("content").asString("")).append('\n');
            }
        }
        return b.toString();
    }

    static String completion(String model, Reply reply) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                .put("created", 1_765_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reply.content() == null) {
            message.putNull("content");
        } else {
            message.put("content", reply.content());
        }
        if (!reply.calls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            int i = 0;
            for (Call c : reply.calls()) {
                ObjectNode tc = calls.addObject().put("id", "call_" + (i++)).put("type", "function");
                tc.putObject("function").put("name", c.name()).put("arguments", c.arguments());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", reply.calls().isEmpty() ? "stop" : "tool_calls");
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return JSON.writeValueAsString(root);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
