package io.vigia.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.ArrayList;
import java.util.List;

/** Evaluates {@link NeedsProgram} on a test class or method (all the annotations found on it). */
final class ProgramCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var annotation = context.getElement()
                .flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsProgram.class));
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no program needed here");
        }
        List<String> found = new ArrayList<>();
        for (String program : annotation.get().value()) {
            if (Programs.find(program).isEmpty()) {
                return External.missing(Programs.notInstalled(program));
            }
            found.add(program);
        }
        return ConditionEvaluationResult.enabled("installed: " + String.join(", ", found));
    }
}
