package io.vigia.views.tasks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskScopeTest {
    @Test
    void resultsReachTheViewWhileItIsOpenAndNotAfterItClosed() {
        List<String> seen = new ArrayList<>();
        TaskScope scope = new SameThreadTaskExecutor().scope();
        scope.submit(BackgroundTask.of("one", p -> "first").onSuccess(seen::add));
        scope.submit(BackgroundTask.<String>of("two", p -> {
            throw new IllegalStateException("boom");
        }).onFailure(e -> seen.add("failed: " + e.getMessage())));
        scope.submit(BackgroundTask.<String>of("three", p -> {
            throw new CancellationException();
        }).onCancelled(() -> seen.add("cancelled")));
        assertThat(seen).containsExactly("first", "failed: boom", "cancelled");
        scope.close();
        assertThatThrownBy(() -> scope.submit(BackgroundTask.of("late", p -> "x")))
                .hasMessageContaining("closed");
    }
}
