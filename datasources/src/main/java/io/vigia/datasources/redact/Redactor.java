package io.vigia.datasources.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets and personal data in prompt text with typed placeholders
 * ({@code [REDACTED:email]}) before it is stored, shown or exported.
 *
 * <p>Secrets are found by the token formats their issuers publish (AWS access key ids, GitHub,
 * Slack, OpenAI-style and Google API keys, JWTs, {@code Bearer} and HTTP basic credentials, PEM
 * private keys), by place ({@code user:password@} in a URL, the value of {@code password=},
 * {@code "token":}, {@code api_key=} and the like);
 * personal data by shape plus a checksum where one exists: card numbers must pass Luhn (and start
 * like a payment card), IBANs the
 * ISO 13616 mod-97 check, so a 16-digit order number or a random code stays. Phone numbers are
 * international ({@code +} and 8 to 15 digits) or national with separators, never a bare run of
 * digits, a date or a dotted version/IP. IPv4 addresses (octets up to 255, not inside a dotted
 * version) are personal data in prompt text; {@link #keepingAddresses()} leaves them.
 *
 * <p>Hand-written rather than a library: the Java secret scanners available are whole
 * applications (gitleaks rules, Presidio) rather than a small in-process function with
 * checksums; the patterns follow those tools' published formats. Matches that overlap are
 * resolved by rule order (a JWT inside a {@code Bearer} header counts as the JWT), then by length.
 * Every pattern is linear in the text: no nested quantifiers over the same characters.
 */
public final class Redactor {

    /**
     * A rule, with a cheap necessary condition ({@code mayMatch}, over the text and its count of
     * digits) that skips the regex scan for texts it cannot match: most prompts hold no digits,
     * {@code @} or token prefixes, and the scans are most of a log import's time.
     */
    private record Rule(String type, Pattern pattern, int group, Predicate<String> check, MayMatch mayMatch) {
    }

    @FunctionalInterface
    private interface MayMatch {
        boolean test(String text, int digits);
    }

    private static final String[] AWS_PREFIXES = {"AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"};

    /** A rule's group value: the first of its groups that took part in the match. */
    private static final int ANY_GROUP = -1;

    private static final String[] CREDENTIAL_NAMES = {"passw", "pwd", "passphrase", "secret", "token", "key"};

    private static final List<Rule> RULES = List.of(
            rule("private_key", (t, d) -> t.contains("-----BEGIN "), "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
                    + "(?:[^-]|-(?!----END))*+(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?"),
            rule("jwt", (t, d) -> t.contains("eyJ"), "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}+\\.eyJ[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]*+"),
            rule("github_token", (t, d) -> t.contains("_") && (t.contains("gh") || t.contains("github_pat_")), "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}+|github_pat_[A-Za-z0-9_]{22,255}+)"),
            rule("slack_token", (t, d) -> t.contains("xox") || t.contains("xapp-"), "(?<![A-Za-z0-9])(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,}+"),
            rule("aws_access_key", (t, d) -> containsAny(t, AWS_PREFIXES), "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])"),
            group("aws_secret_key", (t, d) -> containsIgnoreCase(t, "secret"), "(?i)aws_?secret_?(?:access_?)?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])", 1),
            rule("openai_key", (t, d) -> t.contains("sk-"), "(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}+"),
            rule("google_api_key", (t, d) -> t.contains("AIza"), "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
            group("bearer_token", (t, d) -> containsIgnoreCase(t, "bearer"), "(?i)\\bBearer\\s++([A-Za-z0-9._~+/-]{8,}+=*+)", 1),
            // HTTP basic credentials only when the base64 decodes to user:password, so "Basic understanding" stays
            checkedGroup("basic_auth", (t, d) -> containsIgnoreCase(t, "basic"), "(?i)\\bBasic\\s++([A-Za-z0-9+/]{8,}+={0,2})(?![A-Za-z0-9+/=])", 1,
                    Redactor::basicCredentials),
            // the user:password of https://user:password@host (the scheme and host stay for diagnosis)
            rule("url_credentials", (t, d) -> t.contains("://") && t.indexOf('@') >= 0, "(?<=://)[^/\\s:@?#]{0,256}+:[^/\\s@?#]{1,256}+(?=@)"),
            // password=..., "token": "...", api_key: ... (the value only; Bearer/Basic values are the rules above)
            group("credential", (t, d) -> containsAnyIgnoreCase(t, CREDENTIAL_NAMES),
                    "(?i)(?<![A-Za-z0-9])(?:password|passwd|pwd|passphrase|secret|client_secret|token|access_token|refresh_token|api[_-]?key|apikey)"
                    + "[\"']?\\s*[:=]\\s*(?!Bearer\\b|Basic\\b|[\"']?\\[REDACTED)(?:\"([^\"\\n]{1,256}+)\"|'([^'\\n]{1,256}+)'|([^\\s\"'&,;]{4,256}+))",
                    ANY_GROUP),
            checked("iban", (t, d) -> d >= 2, "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}+(?![A-Za-z0-9])", Redactor::ibanValid),
            checked("card", (t, d) -> d >= 13, "(?<![\\d.,-])(?<![A-Z]{2}\\d{2} )\\d(?:[ -]?\\d){12,18}+(?![\\d.,]\\d|\\d)", Redactor::luhnValid),
            rule("email", (t, d) -> t.indexOf('@') >= 0, "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.)+[A-Za-z]{2,24}+(?![A-Za-z0-9-])"),
            // an IPv4 address: every octet 0..255, not part of a dotted version (v1.2.3.4, 10.0.19041.1) or longer dotted run
            checked("ipv4", (t, d) -> d >= 4, "(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
                    + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\w]|\\.\\d)", s -> true),
            checked("phone", (t, d) -> d >= 8, "(?<![\\w+.])(?<!\\d[ -])(?:\\+\\d{1,3}(?:[ -]?\\(?\\d{1,5}\\)?){2,6}+"
                    + "|\\(\\d{2,5}\\)[ -]?\\d{3,4}[ -]?\\d{3,4}"
                    + "|\\d{2,5}[ -]\\d{3,4}[ -]\\d{3,4})(?![\\w.]|[ -]\\d)", Redactor::phoneDigits));

    /** Types kept by {@link #keepingAddresses()}: a host's address in a series label or a log line is no personal data. */
    private static final Set<String> ADDRESS_TYPES = Set.of("ipv4");

    private final List<Rule> rules;

    /** Every rule: secrets and personal data, IPv4 addresses included (prompt text). */
    public Redactor() {
        this(RULES);
    }

    private Redactor(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Every rule but IP addresses: for report series names (an {@code instance} label is a host,
     * not a person) and log lines (the address of the server that failed is what a reader needs).
     */
    public static Redactor keepingAddresses() {
        return new Redactor(RULES.stream().filter(r -> !ADDRESS_TYPES.contains(r.type())).toList());
    }

    private static Rule checkedGroup(String type, MayMatch mayMatch, String regex, int group, Predicate<String> check) {
        return new Rule(type, Pattern.compile(regex), group, check, mayMatch);
    }

    private static boolean containsAnyIgnoreCase(String text, String[] needles) {
        for (String n : needles) {
            if (containsIgnoreCase(text, n)) {
                return true;
            }
        }
        return false;
    }

    /** Base64 that decodes to {@code user:password}, as HTTP basic authentication sends it. */
    static boolean basicCredentials(String candidate) {
        if (candidate.length() % 4 != 0) {
            return false;
        }
        try {
            byte[] raw = java.util.Base64.getDecoder().decode(candidate);
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8).indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Rule rule(String type, MayMatch mayMatch, String regex) {
        return new Rule(type, Pattern.compile(regex), 0, s -> true, mayMatch);
    }

    private static Rule group(String type, MayMatch mayMatch, String regex, int group) {
        return new Rule(type, Pattern.compile(regex), group, s -> true, mayMatch);
    }

    private static Rule checked(String type, MayMatch mayMatch, String regex, Predicate<String> check) {
        return new Rule(type, Pattern.compile(regex), 0, check, mayMatch);
    }

    private static boolean containsAny(String text, String[] needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String needle) {
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // \d in these patterns is ASCII only (no UNICODE_CHARACTER_CLASS)
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private record Hit(int start, int end, int priority, String type) {
    }

    /** The text with every secret and piece of personal data replaced; null stays null. */
    public Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text, Map.of());
        }
        List<Hit> hits = new ArrayList<>();
        int digits = digits(text);
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!r.mayMatch().test(text, digits)) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                int group = r.group();
                for (int g = 1; group == ANY_GROUP; g++) {
                    group = m.start(g) >= 0 ? g : ANY_GROUP;
                }
                int start = m.start(group);
                int end = m.end(group);
                // a space-grouped IBAN may have swallowed the next word: drop trailing groups until it checks
                while (end > start && !r.check().test(text.substring(start, end)) && r.type().equals("iban")) {
                    int space = text.lastIndexOf(' ', end - 1);
                    end = space > start ? space : start;
                }
                if (start < end && r.check().test(text.substring(start, end))) {
                    hits.add(new Hit(start, end, i, r.type()));
                }
            }
        }
        if (hits.isEmpty()) {
            return new Redaction(text, Map.of());
        }
        // earlier rules win overlaps, then longer matches; kept hits never overlap
        hits.sort(Comparator.comparingInt(Hit::priority).thenComparingInt(h -> h.start() - h.end()));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            if (kept.stream().noneMatch(k -> k.start() < h.end() && h.start() < k.end())) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        StringBuilder out = new StringBuilder(text.length());
        Map<String, Integer> counts = new TreeMap<>();
        int at = 0;
        for (Hit h : kept) {
            out.append(text, at, h.start()).append("[REDACTED:").append(h.type()).append(']');
            counts.merge(h.type(), 1, Integer::sum);
            at = h.end();
        }
        out.append(text, at, text.length());
        return new Redaction(out.toString(), counts);
    }

    /** Luhn (ISO/IEC 7812-1) over the digits of a 13 to 19 digit candidate. */
    static boolean luhnValid(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
            return false; // 0000 0000 0000 0000 passes Luhn but is no card
        }
        // issuer prefixes (ISO/IEC 7812 major industry identifiers 2 to 6 are the payment cards);
        // American Express (34, 37) has 15 digits, Diners Club (30, 36, 38) 14 to 16
        char first = digits.charAt(0);
        if (first < '2' || first > '6') {
            return false;
        }
        String two = digits.substring(0, 2);
        if ((two.equals("34") || two.equals("37")) && digits.length() != 15) {
            return false;
        }
        if ((two.equals("30") || two.equals("36") || two.equals("38")) && (digits.length() < 14 || digits.length() > 16)) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
    static boolean ibanValid(String candidate) {
        String s = candidate.replace(" ", "");
        if (s.length() < 15 || s.length() > 34) {
            return false;
        }
        String moved = s.substring(4) + s.substring(0, 4);
        int rem = 0;
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            rem = v > 9 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
        }
        return rem == 1;
    }

    /** A phone number has 8 to 15 digits (E.164 allows at most 15). */
    static boolean phoneDigits(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return digits >= 8 && digits <= 15;
    }
}
