package io.vigia.datasources.http;

import io.vigia.datasources.secrets.ClientCertificate;
import io.vigia.datasources.secrets.PemSource;
import io.vigia.datasources.secrets.SecretRef;
import io.vigia.datasources.secrets.TlsSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The persisted form of {@link ConnectionSettings} (e.g. a row in the workspace's settings). It
 * can hold no secret: {@link ConnectionSettings} has only {@link SecretRef}s, written as
 * {@code {"store":"key"}} or {@code {"env":"NAME"}}.
 */
public final class ConnectionSettingsJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int VERSION = 1;

    private ConnectionSettingsJson() {
    }

    public static String write(ConnectionSettings s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("version", VERSION);
        n.put("name", s.name());
        n.put("type", s.type().name());
        n.put("url", s.url().toString());
        ObjectNode auth = n.putObject("auth");
        switch (s.auth()) {
            case Authentication.None x -> auth.put("kind", "none");
            case Authentication.Basic b -> {
                auth.put("kind", "basic");
                auth.put("user", b.user());
                auth.set("password", ref(b.password()));
            }
            case Authentication.Bearer b -> {
                auth.put("kind", "bearer");
                auth.set("token", ref(b.token()));
            }
        }
        ArrayNode headers = n.putArray("headers");
        for (HeaderSetting h : s.headers()) {
            ObjectNode hn = headers.addObject();
            hn.put("name", h.name());
            if (h.isSecret()) {
                hn.set("secret", ref(h.secretValue()));
            } else {
                hn.put("value", h.value());
            }
        }
        ObjectNode tls = n.putObject("tls");
        tls.put("insecureSkipVerify", s.tls().insecureSkipVerify());
        if (s.tls().ca() != null) {
            tls.set("ca", pem(s.tls().ca()));
        }
        switch (s.tls().clientCertificate()) {
            case null -> { }
            case ClientCertificate.Pem p -> {
                ObjectNode c = tls.putObject("clientCertificate");
                c.put("kind", "pem");
                c.set("certificate", pem(p.certificate()));
                c.set("key", pem(p.privateKey()));
            }
            case ClientCertificate.Pkcs12 p -> {
                ObjectNode c = tls.putObject("clientCertificate");
                c.put("kind", "pkcs12");
                c.put("file", p.file().toString());
                if (p.password() != null) {
                    c.set("password", ref(p.password()));
                }
            }
        }
        ObjectNode proxy = n.putObject("proxy");
        proxy.put("mode", s.proxy().mode().name());
        if (s.proxy().host() != null) {
            proxy.put("host", s.proxy().host());
            proxy.put("port", s.proxy().port());
        }
        n.put("timeoutMs", s.timeout().toMillis());
        n.put("maxResponseBytes", s.maxResponseBytes());
        n.put("minIntervalMs", s.minInterval().toMillis());
        n.put("httpMethod", s.httpMethod().name());
        return MAPPER.writeValueAsString(n);
    }

    public static ConnectionSettings read(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("data source settings are not a JSON object");
            }
            int version = n.path("version").asInt(0);
            if (version != VERSION) {
                throw new IllegalArgumentException("data source settings version " + version + " is not supported (expected " + VERSION + ")");
            }
            JsonNode a = n.path("auth");
            Authentication auth = switch (a.path("kind").asString("none")) {
                case "none" -> Authentication.NONE;
                case "basic" -> new Authentication.Basic(a.path("user").asString(""), ref(a.path("password")));
                case "bearer" -> new Authentication.Bearer(ref(a.path("token")));
                default -> throw new IllegalArgumentException("unknown auth kind " + a.path("kind").asString());
            };
            List<HeaderSetting> headers = new ArrayList<>();
            for (JsonNode h : n.path("headers")) {
                headers.add(h.has("secret") ? HeaderSetting.secret(h.path("name").asString(), ref(h.path("secret")))
                        : HeaderSetting.plain(h.path("name").asString(), h.path("value").asString("")));
            }
            JsonNode t = n.path("tls");
            ClientCertificate cc = null;
            JsonNode c = t.path("clientCertificate");
            if (!c.isMissingNode()) {
                cc = switch (c.path("kind").asString("")) {
                    case "pem" -> new ClientCertificate.Pem(pem(c.path("certificate")), pem(c.path("key")));
                    case "pkcs12" -> new ClientCertificate.Pkcs12(Path.of(c.path("file").asString()),
                            c.has("password") ? ref(c.path("password")) : null);
                    default -> throw new IllegalArgumentException("unknown client certificate kind " + c.path("kind").asString());
                };
            }
            TlsSettings tls = new TlsSettings(t.has("ca") ? pem(t.path("ca")) : null, cc, t.path("insecureSkipVerify").asBoolean(false));
            JsonNode p = n.path("proxy");
            ProxySettings.Mode mode = ProxySettings.Mode.valueOf(p.path("mode").asString("SYSTEM").toUpperCase(Locale.ROOT));
            ProxySettings proxy = new ProxySettings(mode, p.has("host") ? p.path("host").asString() : null, p.path("port").asInt(0));
            return new ConnectionSettings(n.path("name").asString(null), SourceType.valueOf(n.path("type").asString()),
                    URI.create(n.path("url").asString()), auth, headers, tls, proxy,
                    n.has("timeoutMs") ? Duration.ofMillis(n.path("timeoutMs").asLong()) : null,
                    n.path("maxResponseBytes").asLong(0),
                    n.has("minIntervalMs") ? Duration.ofMillis(n.path("minIntervalMs").asLong()) : null,
                    HttpMethodPreference.valueOf(n.path("httpMethod").asString("AUTO")));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("data source settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode ref(SecretRef r) {
        ObjectNode o = MAPPER.createObjectNode();
        switch (r) {
            case SecretRef.StoreKey k -> o.put("store", k.key());
            case SecretRef.EnvVar e -> o.put("env", e.name());
        }
        return o;
    }

    private static SecretRef ref(JsonNode n) {
        if (n.has("store")) {
            return SecretRef.store(n.path("store").asString());
        }
        if (n.has("env")) {
            return SecretRef.env(n.path("env").asString());
        }
        throw new IllegalArgumentException("a secret reference needs \"store\" or \"env\": " + n);
    }

    private static ObjectNode pem(PemSource p) {
        ObjectNode o = MAPPER.createObjectNode();
        switch (p) {
            case PemSource.File f -> o.put("file", f.path().toString());
            case PemSource.Secret s -> o.set("secret", ref(s.ref()));
        }
        return o;
    }

    private static PemSource pem(JsonNode n) {
        if (n.has("file")) {
            return PemSource.file(Path.of(n.path("file").asString()));
        }
        return new PemSource.Secret(ref(n.path("secret")));
    }
}
