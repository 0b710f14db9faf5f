package io.vigia.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link NeedsSharedCorpus} on a test class or method. */
final class SharedCorpusCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var annotation = context.getElement()
                .flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsSharedCorpus.class));
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no shared corpus needed here");
        }
        String reason = SharedCorpus.whatIsMissing(annotation.get().value());
        return reason == null ? ConditionEvaluationResult.enabled("shared corpus present at " + SharedCorpus.dir())
                : External.missing(reason);
    }
}
