package io.vigia.views.dashboards;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** "No data in Last 7 days. This source has data from … to …  [Zoom to data]", above the panels. */
final class NoDataBanner extends HBox {
    NoDataBanner(WhereTheDataIs vm) {
        super(12);
        setId("no-data-banner");
        getStyleClass().add("no-data-banner");
        setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("no-data-message");
        message.setWrapText(true);
        Button zoom = new Button("Zoom to data");
        zoom.setId("zoom-to-data");
        zoom.getStyleClass().add("accent");
        zoom.setOnAction(e -> vm.zoomToData());
        getChildren().addAll(message, zoom);
        vm.bannerProperty().addListener((o, a, b) -> show(b, message, zoom));
        show(vm.bannerProperty().get(), message, zoom);
    }

    private void show(WhereTheDataIs.Banner b, Label message, Button zoom) {
        setVisible(b != null);
        setManaged(b != null);
        message.setText(b == null ? "" : b.message());
        zoom.setVisible(b != null && b.zoomTo() != null);
        zoom.setManaged(zoom.isVisible());
    }
}
