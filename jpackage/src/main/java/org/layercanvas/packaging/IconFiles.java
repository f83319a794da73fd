package org.layercanvas.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The icon containers the installers want, built from PNG images: Windows ICO (PNG entries, Windows Vista and
 * later) and macOS ICNS (PNG entries, OS X 10.7 and later). Linux takes the PNG as it is.
 */
public final class IconFiles {
    private IconFiles() {
    }

    /**
     * An ICO file holding the given PNGs.
     *
     * @param pngs size in pixels (1-256) to the PNG of that size
     */
    public static byte[] ico(Map<Integer, byte[]> pngs) {
        int count = pngs.size();
        ByteBuffer header = ByteBuffer.allocate(6 + 16 * count).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) count);
        int offset = 6 + 16 * count;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : pngs.entrySet()) {
            int size = e.getKey();
            if (size < 1 || size > 256) {
                throw new IllegalArgumentException("an ICO entry is 1 to 256 pixels wide, not " + size);
            }
            byte[] png = e.getValue();
            header.put((byte) (size == 256 ? 0 : size)).put((byte) (size == 256 ? 0 : size)); // 0 means 256
            header.put((byte) 0).put((byte) 0);             // no palette, reserved
            header.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
            header.putInt(png.length).putInt(offset);
            body.writeBytes(png);
            offset += png.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** The ICNS element types that hold a PNG of the given size. */
    static final Map<Integer, String> ICNS_TYPES = new LinkedHashMap<>();

    static {
        ICNS_TYPES.put(16, "icp4");
        ICNS_TYPES.put(32, "icp5");
        ICNS_TYPES.put(64, "icp6");
        ICNS_TYPES.put(128, "ic07");
        ICNS_TYPES.put(256, "ic08");
        ICNS_TYPES.put(512, "ic09");
    }

    /**
     * An ICNS file holding the given PNGs.
     *
     * @param pngs size in pixels (one of 16, 32, 64, 128, 256, 512) to the PNG of that size
     */
    public static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : pngs.entrySet()) {
            String type = ICNS_TYPES.get(e.getKey());
            if (type == null) {
                throw new IllegalArgumentException("ICNS has no PNG element of size " + e.getKey());
            }
            elements.write(type.getBytes(StandardCharsets.US_ASCII));
            elements.write(bigEndian(8 + e.getValue().length));
            elements.write(e.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("icns".getBytes(StandardCharsets.US_ASCII));
        out.write(bigEndian(8 + elements.size()));
        elements.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] bigEndian(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(v).array();
    }
}
