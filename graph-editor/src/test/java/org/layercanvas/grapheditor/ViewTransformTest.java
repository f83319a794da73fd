package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Zoom and pan math, without a stage. */
class ViewTransformTest {
    private static final double EPS = 1e-9;

    @Test
    void localAndCanvasCoordinatesAreInverse() {
        ViewTransform t = new ViewTransform(30, -40, 2);
        assertThat(t.toLocal(10, 20)).isEqualTo(new Point2D(50, 0));
        Point2D back = t.toCanvas(50, 0);
        assertThat(back.getX()).isCloseTo(10, within(EPS));
        assertThat(back.getY()).isCloseTo(20, within(EPS));
    }

    @Test
    void zoomingAtAPointKeepsThatPointStill() {
        ViewTransform t = new ViewTransform(12, 34, 0.8);
        Point2D under = t.toCanvas(300, 200);
        ViewTransform z = t.zoomedAt(2.5, 300, 200);
        assertThat(z.zoom()).isEqualTo(2.5);
        Point2D after = z.toLocal(under.getX(), under.getY());
        assertThat(after.getX()).isCloseTo(300, within(EPS));
        assertThat(after.getY()).isCloseTo(200, within(EPS));
    }

    @Test
    void zoomIsClampedAndNanMeansOne() {
        assertThat(ViewTransform.clampZoom(100)).isEqualTo(GraphEditor.MAX_ZOOM);
        assertThat(ViewTransform.clampZoom(0)).isEqualTo(GraphEditor.MIN_ZOOM);
        assertThat(ViewTransform.clampZoom(Double.NaN)).isEqualTo(1);
        assertThat(ViewTransform.clampZoom(1.7)).isEqualTo(1.7);
    }

    @Test
    void fitZoomShowsTheWholeBoundsButNeverEnlargesPastTheLimit() {
        Rectangle2D wide = new Rectangle2D(0, 0, 1600, 200);
        // 800 wide view, 40 margin each side: 720 / 1600.
        assertThat(ViewTransform.fitZoom(wide, 800, 600, 40, 1)).isCloseTo(0.45, within(EPS));
        assertThat(ViewTransform.fitZoom(new Rectangle2D(0, 0, 10, 10), 800, 600, 40, 1)).isEqualTo(1);
        assertThat(ViewTransform.fitZoom(new Rectangle2D(0, 0, 1e6, 1e6), 800, 600, 40, 1))
                .isEqualTo(GraphEditor.MIN_ZOOM);
    }

    @Test
    void centeringPutsTheCanvasPointInTheMiddleOfTheView() {
        ViewTransform t = new ViewTransform(0, 0, 2).centeredOn(new Point2D(100, 50), 800, 600);
        assertThat(t.toLocal(100, 50)).isEqualTo(new Point2D(400, 300));
        assertThat(t.zoom()).isEqualTo(2);
    }

    @Test
    void visibleAreaIsTheViewInCanvasUnits() {
        Rectangle2D v = new ViewTransform(-100, 50, 2).visibleArea(800, 600);
        assertThat(v).isEqualTo(new Rectangle2D(50, -25, 400, 300));
    }
}
