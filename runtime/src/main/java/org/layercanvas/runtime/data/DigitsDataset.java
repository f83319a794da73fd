package org.layercanvas.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled 8x8 handwritten digits (UCI optdigits test subset, 1797 examples, CC BY 4.0; see the README next
 * to the CSV in the samples module). Pixel values 0..16 are scaled to [0, 1] by dividing by 16, as in the
 * classic scikit-learn and Keras examples.
 */
public final class DigitsDataset {
    static final String RESOURCE = "/org/layercanvas/samples/datasets/digits/digits.csv";
    private static final int PIXELS = 64;

    private DigitsDataset() {
    }

    public static Examples load() throws DatasetException {
        try (InputStream in = DigitsDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw DataMessages.error("digits.missing", RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw DataMessages.error(e, "digits.unreadable", e.getMessage());
        }
    }

    static Examples parse(BufferedReader reader) throws IOException, DatasetException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String header = reader.readLine();
        if (header == null) {
            throw DataMessages.error("digits.empty");
        }
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != PIXELS + 1) {
                throw DataMessages.error("digits.valueCount", lineNo, PIXELS + 1, cells.length);
            }
            float[] x = new float[PIXELS];
            try {
                for (int i = 0; i < PIXELS; i++) {
                    x[i] = Integer.parseInt(cells[i].trim()) / 16f;
                }
                labels.add(Integer.parseInt(cells[PIXELS].trim()));
            } catch (NumberFormatException e) {
                throw DataMessages.error("digits.notWhole", lineNo, e.getMessage());
            }
            rows.add(x);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        List<String> names = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            names.add(Integer.toString(d));
        }
        return new Examples(rows.toArray(new float[0][]), y, names);
    }
}
