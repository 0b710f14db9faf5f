package io.vigia.views.settings;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The Settings row of the OTLP receiver: a toggle and what it is doing. */
final class OtlpReceiverView {
    private OtlpReceiverView() {
    }

    static Node create(OtlpReceiverViewModel vm) {
        CheckBox toggle = new CheckBox("Receive OpenTelemetry from AI assistants (OTLP/HTTP on 127.0.0.1:4318)");
        toggle.setId("otlp-receiver-toggle");
        toggle.selectedProperty().bindBidirectional(vm.enabledProperty());
        toggle.disableProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("otlp-receiver-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Label hint = new Label("Set OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 for Claude Code, Copilot Chat or the "
                + "Copilot CLI (README). Prompt and response content is not kept.");
        hint.setWrapText(true);
        return new VBox(4, toggle, status, hint);
    }
}
