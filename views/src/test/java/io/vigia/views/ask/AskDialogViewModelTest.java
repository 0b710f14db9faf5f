package io.vigia.views.ask;

import io.vigia.dashboards.ask.MiniLmEmbedder;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ask dialog's view model without a scene: what it says when there is nothing to plan or the workspace cannot be read. */
class AskDialogViewModelTest {
    private final List<String> remembered = new ArrayList<>();

    private AskDialogViewModel vm(AskDialogViewModel.Sessions sessions) {
        return new AskDialogViewModel(sessions, new LazyEmbedder(new MiniLmEmbedder()), new SameThreadTaskExecutor().scope(),
                Runnable::run, new AskDialogViewModel.Handoffs(e -> { }, d -> { }, remembered::add));
    }

    @Test
    void anEmptyQuestionAsksForOneAndReadsNothing() {
        int[] opened = {0};
        AskDialogViewModel vm = vm(() -> {
            opened[0]++;
            throw new AssertionError("not to be read");
        });
        vm.questionProperty().set("   ");
        vm.plan();
        assertThat(opened[0]).isZero();
        assertThat(vm.statusProperty().get()).startsWith("Type a question");
        assertThat(vm.stateProperty().get()).isEqualTo(AskDialogViewModel.State.EMPTY);
    }

    @Test
    void aWorkspaceThatCannotBeReadIsSaidInertlyAndNothingRuns() {
        AskDialogViewModel vm = vm(() -> {
            throw new IllegalStateException("source down \u202Egnp.exe");
        });
        vm.questionProperty().set("p95 of payments");
        vm.plan();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.stateProperty().get()).isEqualTo(AskDialogViewModel.State.EMPTY);
        assertThat(vm.statusProperty().get()).startsWith("Could not plan the question: source down ").doesNotContain("\u202E");
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.run();
        assertThat(remembered).as("nothing ran, nothing was remembered").isEmpty();
    }
}
