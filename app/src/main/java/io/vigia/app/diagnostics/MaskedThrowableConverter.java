package io.vigia.app.diagnostics;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %maskedEx}: the stack trace with its messages masked. An HTTP client's exception may
 * quote the URL with its {@code user:password@}, or a header it sent.
 */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return SecretMasking.mask(super.throwableProxyToString(tp));
    }
}
