package org.layercanvas.charts;

/** The files a chart can be exported to. */
public enum ExportFormat {
    PNG("png"), SVG("svg"), CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** A short description for a file chooser's filter, such as "PNG image". */
    public String description() {
        return Messages.get("export.format." + extension);
    }
}
