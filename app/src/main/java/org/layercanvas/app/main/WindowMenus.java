package org.layercanvas.app.main;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;
import org.layercanvas.app.Messages;

/** A window's menu bar and tool bar, built from its {@link Actions}. */
final class WindowMenus {
    private final Actions actions;
    private final AppContext app;
    private final Consumer<Path> openFile;

    /** @param openFile opens a recent file */
    WindowMenus(Actions actions, AppContext app, Consumer<Path> openFile) {
        this.actions = actions;
        this.app = app;
        this.openFile = openFile;
    }

    MenuBar menuBar() {
        Menu file = new Menu(Messages.get("menu.file"));
        Menu recent = new Menu(Messages.get("menu.file.recent"));
        recent.setId("menu-recent");
        file.setOnShowing(e -> fillRecent(recent));
        file.getItems().addAll(item(actions.newDocument), item(actions.newFromSample), item(actions.open), recent,
                item(actions.importNetwork), exportMenu(), new SeparatorMenuItem(),
                item(actions.save), item(actions.saveAs), new SeparatorMenuItem(), item(actions.close));
        recent.getItems().add(new MenuItem(Messages.get("menu.file.recent.empty")));

        Menu edit = new Menu(Messages.get("menu.edit"));
        edit.getItems().addAll(item(actions.undo), item(actions.redo), new SeparatorMenuItem(), item(actions.cut),
                item(actions.copy), item(actions.paste), item(actions.duplicate), item(actions.delete),
                new SeparatorMenuItem(), item(actions.selectAll), new SeparatorMenuItem(),
                item(actions.focusPalette), item(actions.focusCanvas));

        Menu view = new Menu(Messages.get("menu.view"));
        view.getItems().addAll(item(actions.zoomIn), item(actions.zoomOut), item(actions.zoomToFit),
                new SeparatorMenuItem(), item(actions.autoLayout), new SeparatorMenuItem(),
                ActionUtils.createCheckMenuItem(actions.darkTheme));
        Menu data = new Menu(Messages.get("menu.data"));
        data.getItems().addAll(item(actions.showData), new SeparatorMenuItem(), item(actions.importCsv),
                item(actions.importImages), new SeparatorMenuItem(), item(actions.downloadDataset));
        Menu train = new Menu(Messages.get("menu.train"));
        train.getItems().addAll(item(actions.run), item(actions.stop), new SeparatorMenuItem(),
                org.layercanvas.app.training.DeviceMenu.create(app.deviceProperty(), app::setDevice, app.background()));
        MenuBar bar = new MenuBar(file, edit, view, data, train);
        bar.setId("menu-bar");
        return bar;
    }

    private Menu exportMenu() {
        Menu export = new Menu(Messages.get("menu.file.export"));
        export.setId("menu-export");
        for (Action a : actions.exports) {
            export.getItems().add(item(a));
        }
        return export;
    }

    private MenuItem item(Action action) {
        MenuItem item = ActionUtils.createMenuItem(action);
        item.graphicProperty().unbind();
        item.setGraphic(actions.icon(action));
        return item;
    }

    ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        for (Action a : new Action[] {actions.newDocument, actions.open, actions.save, null, actions.undo,
            actions.redo, null, actions.zoomIn, actions.zoomOut, actions.zoomToFit, actions.autoLayout, null,
            actions.run, actions.stop}) {
            if (a == null) {
                bar.getItems().add(new javafx.scene.control.Separator(Orientation.VERTICAL));
                continue;
            }
            javafx.scene.control.Button b = ActionUtils.createButton(a, ActionUtils.ActionTextBehavior.HIDE);
            b.graphicProperty().unbind();
            b.setGraphic(actions.icon(a));
            b.getStyleClass().add("flat");
            bar.getItems().add(b);
        }
        bar.setId("tool-bar");
        return bar;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        List<Path> paths = app.recentFiles().list();
        if (paths.isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("menu.file.recent.empty"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
        for (Path p : paths) {
            MenuItem item = new MenuItem(Messages.get("menu.recent.item", p.getFileName(), p.getParent()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openFile.accept(p));
            recent.getItems().add(item);
        }
    }
}
