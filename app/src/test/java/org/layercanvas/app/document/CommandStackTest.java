package org.layercanvas.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerType;

class CommandStackTest {
    private final NetworkDocument digits = TestDocs.sample("digits-mlp");

    @Test
    void undoAndRedoRestoreTheExactDocuments() {
        CommandStack stack = new CommandStack(digits);
        stack.execute(DocumentCommands.addNode("dense1", LayerType.DENSE, new Position(10, 20)));
        NetworkDocument afterAdd = stack.document();
        stack.execute(DocumentCommands.setParam("dense1", "units", 7));
        NetworkDocument afterSet = stack.document();

        assertThat(stack.undo()).isTrue();
        assertThat(stack.document()).isEqualTo(afterAdd);
        assertThat(stack.undo()).isTrue();
        assertThat(stack.document()).isEqualTo(digits);
        assertThat(stack.undo()).isFalse();
        assertThat(stack.redo()).isTrue();
        assertThat(stack.redo()).isTrue();
        assertThat(stack.document()).isEqualTo(afterSet);
        assertThat(stack.redo()).isFalse();
    }

    @Test
    void aCommandThatChangesNothingLeavesNoUndoStep() {
        CommandStack stack = new CommandStack(digits);
        assertThat(stack.execute(DocumentCommands.setParam("hidden", "units", 128))).isFalse();
        assertThat(stack.execute(DocumentCommands.move(Map.of()))).isFalse();
        assertThat(stack.canUndoProperty().get()).isFalse();
        assertThat(stack.isDirty()).isFalse();
    }

    @Test
    void dirtyFollowsTheSavedRevisionThroughUndoAndRedo() {
        CommandStack stack = new CommandStack(digits);
        stack.markSaved();
        stack.execute(DocumentCommands.setParam("hidden", "units", 64));
        assertThat(stack.isDirty()).isTrue();
        stack.undo();
        assertThat(stack.isDirty()).isFalse();
        stack.redo();
        assertThat(stack.isDirty()).isTrue();
        stack.markSaved();
        assertThat(stack.isDirty()).isFalse();
        stack.undo();
        assertThat(stack.isDirty()).isTrue();
    }

    @Test
    void aNewEditDropsTheRedoHistoryAndDescriptionsFollow() {
        CommandStack stack = new CommandStack(digits);
        stack.execute(DocumentCommands.addNode("dense1", LayerType.DENSE, Position.ORIGIN));
        assertThat(stack.undoDescriptionProperty().get()).isEqualTo("Add Dense");
        stack.undo();
        assertThat(stack.redoDescriptionProperty().get()).isEqualTo("Add Dense");
        stack.execute(DocumentCommands.addNode("flatten1", LayerType.FLATTEN, Position.ORIGIN));
        assertThat(stack.canRedoProperty().get()).isFalse();
        assertThat(stack.document().node("dense1")).isEmpty();
    }

    @Test
    void commandsCannotNest() {
        CommandStack stack = new CommandStack(digits);
        Command nested = new Command() {
            @Override
            public NetworkDocument apply(NetworkDocument doc) {
                stack.execute(DocumentCommands.addNode("x", LayerType.DENSE, Position.ORIGIN));
                return doc;
            }

            @Override
            public String description() {
                return "nested";
            }
        };
        assertThatThrownBy(() -> stack.execute(nested)).isInstanceOf(IllegalStateException.class);
        assertThat(stack.document()).isEqualTo(digits);
    }

    @Test
    void resetForgetsHistory() {
        CommandStack stack = new CommandStack(digits);
        stack.execute(DocumentCommands.delete(List.of("dropout"), List.of()));
        stack.reset(digits, true);
        assertThat(stack.canUndoProperty().get()).isFalse();
        assertThat(stack.isDirty()).isFalse();
    }
}
