package io.vigia.dashboards.ask;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One call to an OpenAI-compatible {@code POST /chat/completions} with tools, in plain OkHttp and
 * Jackson: a small request and one field of the answer are all Vigia needs, so no client library
 * is added. Field names are those of OpenAI's API reference, "Create chat completion"
 * (openai/openai-openapi: CreateChatCompletionRequest with {@code model}, {@code messages},
 * {@code tools}, {@code tool_choice}, {@code temperature}; CreateChatCompletionResponse with
 * {@code choices[].message.content} and {@code choices[].message.tool_calls[]}, each
 * {@code id}, {@code type} "function", {@code function.name}, {@code function.arguments} as a JSON
 * string), which Ollama, llama.cpp's server and vLLM serve too.
 */
final class ChatClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    /** Enough for a plan or an explanation; a longer answer is cut by the server, not read unbounded. */
    static final long MAX_RESPONSE_BYTES = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient http;
    private final ModelEndpoint endpoint;
    private final String key;

    /** @param key the API key, or null when the endpoint needs none */
    ChatClient(ModelEndpoint endpoint, String key, Duration timeout) {
        this.endpoint = endpoint;
        this.key = key;
        this.http = new OkHttpClient.Builder().callTimeout(timeout).followRedirects(false).build();
    }

    /** One tool call the model made: its id, the tool's name and the raw JSON arguments. */
    record ToolCall(String id, String name, String arguments) {
    }

    /** The model's message: text (may be empty) and tool calls. */
    record Reply(String content, List<ToolCall> toolCalls) {
    }

    static ObjectNode message(String role, String content) {
        return JSON.createObjectNode().put("role", role).put("content", content);
    }

    static ObjectNode toolResult(String toolCallId, String content) {
        return JSON.createObjectNode().put("role", "tool").put("tool_call_id", toolCallId).put("content", content);
    }

    static ObjectNode assistantCalls(List<ToolCall> calls) {
        ObjectNode m = JSON.createObjectNode().put("role", "assistant");
        m.putNull("content");
        ArrayNode arr = m.putArray("tool_calls");
        for (ToolCall c : calls) {
            ObjectNode tc = arr.addObject().put("id", c.id()).put("type", "function");
            tc.putObject("function").put("name", c.name()).put("arguments", c.arguments());
        }
        return m;
    }

    Reply complete(List<ObjectNode> messages, ArrayNode tools) {
        ObjectNode body = JSON.createObjectNode().put("model", endpoint.model()).put("temperature", 0);
        body.putArray("messages").addAll(messages);
        if (tools != null && !tools.isEmpty()) {
            body.set("tools", tools);
            body.put("tool_choice", "auto");
        }
        Request.Builder rb = new Request.Builder().url(endpoint.completionsUrl())
                .post(RequestBody.create(JSON.writeValueAsString(body), JSON_TYPE));
        if (key != null && !key.isBlank()) {
            rb.header("Authorization", "Bearer " + key);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            String text = r.body().source().readUtf8(Math.min(MAX_RESPONSE_BYTES, Math.max(0, r.body().contentLength() < 0
                    ? MAX_RESPONSE_BYTES : r.body().contentLength())));
            if (!r.isSuccessful()) {
                throw new ModelException("the model endpoint answered HTTP " + r.code() + ": " + shorten(text));
            }
            return parse(text);
        } catch (java.io.EOFException e) {
            throw new ModelException("the model endpoint's answer ended early", e);
        } catch (IOException e) {
            throw new ModelException("cannot reach the model endpoint " + endpoint.completionsUrl() + ": " + e.getMessage(), e);
        }
    }

    static Reply parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ModelException("the model endpoint did not answer with JSON: " + shorten(text), e);
        }
        JsonNode msg = root.path("choices").path(0).path("message");
        if (msg.isMissingNode()) {
            throw new ModelException("no choices[0].message in the model's answer: " + shorten(text));
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode c : msg.path("tool_calls")) {
            JsonNode f = c.path("function");
            calls.add(new ToolCall(c.path("id").asString(""), f.path("name").asString(""), f.path("arguments").asString("")));
        }
        JsonNode content = msg.path("content");
        return new Reply(content.isString() ? content.asString() : "", calls);
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
