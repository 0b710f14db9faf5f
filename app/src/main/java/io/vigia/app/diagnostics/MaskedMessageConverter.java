package io.vigia.app.diagnostics;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMsg}: the formatted message with its secrets masked ({@link SecretMasking}). */
public final class MaskedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasking.mask(super.convert(event));
    }
}
