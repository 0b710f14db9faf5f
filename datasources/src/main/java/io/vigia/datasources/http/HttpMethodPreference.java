package io.vigia.datasources.http;

/**
 * GET or POST for query endpoints. {@link #AUTO} uses GET (cache-friendly, works through
 * read-only proxies) and switches to a POST form when the URL would be too long for servers and
 * proxies (long PromQL expressions, many matchers).
 */
public enum HttpMethodPreference { AUTO, GET, POST }
