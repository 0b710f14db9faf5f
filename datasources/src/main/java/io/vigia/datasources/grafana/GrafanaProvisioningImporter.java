package io.vigia.datasources.grafana;

import io.vigia.datasources.http.Authentication;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.HeaderSetting;
import io.vigia.datasources.http.HttpMethodPreference;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.secrets.ClientCertificate;
import io.vigia.datasources.secrets.PemSource;
import io.vigia.datasources.secrets.SecretRef;
import io.vigia.datasources.secrets.SecretStore;
import io.vigia.datasources.secrets.TlsSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports Prometheus and Loki data sources from a Grafana provisioning file
 * ({@code provisioning/datasources/*.yaml}). Secrets in {@code secureJsonData} go to the
 * {@link SecretStore} and the settings keep only a reference; a secret written as {@code $VAR} or
 * {@code ${VAR}} (Grafana expands environment variables in provisioning files) becomes an
 * environment-variable reference and is not stored at all.
 */
public final class GrafanaProvisioningImporter {
    private static final Pattern ENV_ONLY = Pattern.compile("^\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))$");
    private static final Pattern ENV_ANY = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");
    /** Tenant IDs are identifiers, not secrets: kept visible in the settings. */
    private static final List<String> PLAIN_HEADERS = List.of("x-scope-orgid");

    private final SecretStore store;
    private final Function<String, String> environment;

    public GrafanaProvisioningImporter(SecretStore store, Function<String, String> environment) {
        this.store = Objects.requireNonNull(store, "store");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** One imported data source; {@code notes} list what was not carried over. */
    public record Imported(ConnectionSettings settings, String uid, boolean isDefault, List<String> notes) {
        public Imported {
            notes = List.copyOf(notes);
        }
    }

    /** What was imported and what was skipped (other data source types, unusable entries), with reasons. */
    public record Result(List<Imported> sources, List<String> skipped) {
        public Result {
            sources = List.copyOf(sources);
            skipped = List.copyOf(skipped);
        }
    }

    public Result importYaml(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not a valid YAML file: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("datasources") instanceof List<?> list)) {
            throw new IllegalArgumentException("not a Grafana data source provisioning file: no 'datasources:' list");
        }
        List<Imported> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int index = 0;
        for (Object o : list) {
            index++;
            if (!(o instanceof Map<?, ?> ds)) {
                skipped.add("entry " + index + ": not a mapping");
                continue;
            }
            String name = text(ds.get("name"));
            String label = name.isEmpty() ? "entry " + index : "'" + name + "'";
            String type = text(ds.get("type")).toLowerCase(Locale.ROOT);
            SourceType st = switch (type) {
                case "prometheus" -> SourceType.PROMETHEUS;
                case "loki" -> SourceType.LOKI;
                default -> null;
            };
            if (st == null) {
                skipped.add(label + ": type '" + type + "' is not a Prometheus or Loki data source");
                continue;
            }
            try {
                out.add(importOne(ds, st, name, index));
            } catch (IllegalArgumentException e) {
                skipped.add(label + ": " + e.getMessage());
            }
        }
        return new Result(out, skipped);
    }

    private Imported importOne(Map<?, ?> ds, SourceType type, String name, int index) {
        List<String> notes = new ArrayList<>();
        Map<?, ?> json = ds.get("jsonData") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> secure = ds.get("secureJsonData") instanceof Map<?, ?> m ? m : Map.of();
        String uid = text(ds.get("uid"));
        String keyBase = "grafana/" + (uid.isEmpty() ? (name.isEmpty() ? "datasource-" + index : name) : uid) + "/";
        String url = expandEnv(text(ds.get("url")), notes);
        if (url.isEmpty()) {
            throw new IllegalArgumentException("no url");
        }
        ConnectionSettings s;
        try {
            s = new ConnectionSettings(name, type, URI.create(url), null, null, null, null, null, 0, null, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unusable url '" + url + "': " + e.getMessage());
        }
        if (!"proxy".equals(text(ds.get("access"))) && !text(ds.get("access")).isEmpty()) {
            notes.add("access mode '" + text(ds.get("access")) + "': Vigia always connects directly from this machine");
        }

        if (truthy(ds.get("basicAuth"))) {
            String user = expandEnv(text(ds.get("basicAuthUser")), notes);
            Object pw = secure.get("basicAuthPassword");
            if (pw == null) {
                pw = ds.get("basicAuthPassword"); // pre-secureJsonData provisioning files
            }
            if (pw == null) {
                notes.add("basic auth without a password in secureJsonData.basicAuthPassword: set it in Vigia");
                pw = "";
            }
            s = s.withAuth(new Authentication.Basic(user, secret(keyBase + "basicAuthPassword", text(pw))));
        }

        List<HeaderSetting> headers = new ArrayList<>();
        for (int i = 1; json.containsKey("httpHeaderName" + i); i++) {
            String header = text(json.get("httpHeaderName" + i));
            String value = text(secure.get("httpHeaderValue" + i));
            if (header.isEmpty()) {
                continue;
            }
            if (header.equalsIgnoreCase("Authorization") && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                s = s.withAuth(new Authentication.Bearer(secret(keyBase + "bearerToken", value.substring(7).strip())));
            } else if (PLAIN_HEADERS.contains(header.toLowerCase(Locale.ROOT)) && !ENV_ONLY.matcher(value).matches()) {
                headers.add(HeaderSetting.plain(header, value));
            } else {
                headers.add(HeaderSetting.secret(header, secret(keyBase + "httpHeaderValue" + i, value)));
            }
        }
        s = s.withHeaders(headers);

        TlsSettings tls = TlsSettings.DEFAULT;
        if (truthy(json.get("tlsSkipVerify"))) {
            tls = tls.withInsecureSkipVerify(true);
            notes.add("TLS certificate verification is switched OFF (tlsSkipVerify)");
        }
        if (truthy(json.get("tlsAuthWithCACert"))) {
            Object ca = secure.get("tlsCACert");
            if (ca == null) {
                notes.add("tlsAuthWithCACert without secureJsonData.tlsCACert: set the CA file in Vigia");
            } else {
                tls = tls.withCa(new PemSource.Secret(secret(keyBase + "tlsCACert", text(ca))));
            }
        }
        if (truthy(json.get("tlsAuth"))) {
            Object cert = secure.get("tlsClientCert");
            Object key = secure.get("tlsClientKey");
            if (cert == null || key == null) {
                notes.add("tlsAuth without secureJsonData.tlsClientCert/tlsClientKey: set the client certificate in Vigia");
            } else {
                tls = tls.withClientCertificate(new ClientCertificate.Pem(
                        new PemSource.Secret(secret(keyBase + "tlsClientCert", text(cert))),
                        new PemSource.Secret(secret(keyBase + "tlsClientKey", text(key)))));
            }
        }
        s = s.withTls(tls);

        Duration timeInterval = grafanaDuration(text(json.get("timeInterval")));
        if (timeInterval != null) {
            s = s.withMinInterval(timeInterval);
        }
        Object timeout = json.get("timeout");
        if (timeout != null) {
            try {
                s = s.withTimeout(Duration.ofSeconds(Long.parseLong(text(timeout))));
            } catch (NumberFormatException e) {
                notes.add("timeout '" + text(timeout) + "' is not a number of seconds; kept the default");
            }
        }
        String method = text(json.get("httpMethod")).toUpperCase(Locale.ROOT);
        if (method.equals("GET")) {
            s = s.withHttpMethod(HttpMethodPreference.GET);
        } else if (method.equals("POST")) {
            s = s.withHttpMethod(HttpMethodPreference.POST);
        }
        for (Object k : secure.keySet()) {
            String key = String.valueOf(k);
            if (!key.equals("basicAuthPassword") && !key.startsWith("httpHeaderValue") && !key.startsWith("tls")) {
                notes.add("secureJsonData." + key + " is not used by Vigia and was not imported");
            }
        }
        return new Imported(s, uid, truthy(ds.get("isDefault")), notes);
    }

    /** Stores the secret and returns its reference; "$VAR"/"${VAR}" becomes an environment reference instead. */
    private SecretRef secret(String key, String value) {
        Matcher m = ENV_ONLY.matcher(value.strip());
        if (m.matches()) {
            return SecretRef.env(m.group(1) != null ? m.group(1) : m.group(2));
        }
        store.put(key, value);
        return SecretRef.store(key);
    }

    private String expandEnv(String s, List<String> notes) {
        Matcher m = ENV_ANY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String var = m.group(1) != null ? m.group(1) : m.group(2);
            String v = environment.apply(var);
            if (v == null) {
                notes.add("environment variable " + var + " is not set; replaced by an empty string as Grafana does");
                v = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** "15s", "1m", "500ms", "1h" (Grafana's min interval syntax); null when empty or unreadable. */
    static Duration grafanaDuration(String s) {
        Matcher m = Pattern.compile("^(\\d+)(ms|s|m|h|d)$").matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o != null && Boolean.parseBoolean(o.toString());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
