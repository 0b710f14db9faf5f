package io.vigia.datasources.prometheus;

/** {@code /api/v1/status/buildinfo}; fields a server does not send are empty strings. */
public record BuildInfo(String version, String revision, String branch, String buildUser, String buildDate,
                        String goVersion) {
}
