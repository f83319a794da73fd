package org.layercanvas.runtime.interop.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;

/**
 * Mermaid flowchart text ({@code flowchart TD} or {@code graph TD}) to a document: each node's label names its
 * layer ({@link LayerLabels}), each arrow is a wire. Understood: node shapes ({@code A[..]}, {@code A(..)},
 * {@code A([..])}, {@code A{..}}, quoted labels), chains {@code A --> B --> C}, {@code A & B --> C}, arrows
 * {@code -->}, {@code ==>}, {@code -.->}, {@code ---} with or without {@code |text|}, several statements per line
 * separated by {@code ;}, {@code %%} comments. Styling, classes, clicks and subgraph brackets are skipped.
 * Problems name the line.
 */
final class MermaidImporter {
    private static final Pattern HEADER = Pattern.compile("^(flowchart|graph)(\\s+(TD|TB|BT|LR|RL))?\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SKIPPED = Pattern.compile("^(classDef|class|style|linkStyle|click|subgraph|end|"
            + "direction)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARROW = Pattern.compile("^\\s*(<?(-->|==>|-\\.->|---|-\\.-|--[ox]|===)"
            + "(\\|[^|]*\\|)?|--\\s[^>]*?-->|==\\s[^>]*?==>)\\s*");
    private static final Pattern ID = Pattern.compile("^\\s*([A-Za-z0-9_]+)");

    private final String where;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, Integer> firstLine = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();
    private final List<ImportProblem> errors = new ArrayList<>();

    MermaidImporter(String where) {
        this.where = where;
    }

    /** Whether the first line that is not blank or a comment is a flowchart header. */
    static boolean looksLikeMermaid(String text) {
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("%%")) {
                return HEADER.matcher(t).matches() || t.toLowerCase(java.util.Locale.ROOT).startsWith("flowchart ")
                        || t.toLowerCase(java.util.Locale.ROOT).startsWith("graph ");
            }
        }
        return false;
    }

    ImportResult read(String text, String title) throws ImportException {
        String[] lines = text.split("\\R", -1);
        boolean header = false;
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k].strip();
            int comment = line.indexOf("%%");
            line = comment >= 0 ? line.substring(0, comment).strip() : line;
            if (line.isEmpty()) {
                continue;
            }
            if (!header) {
                if (!HEADER.matcher(line).matches()) {
                    throw ImportException.unreadable(at(k + 1), ImportMessages.format("mermaid.header", line));
                }
                header = true;
                continue;
            }
            for (String statement : line.split(";")) {
                if (!statement.isBlank() && !SKIPPED.matcher(statement.strip()).matches()) {
                    statement(statement, k + 1);
                }
            }
        }
        if (!header) {
            throw ImportException.unreadable(where, ImportMessages.format("mermaid.empty"));
        }
        List<Node> nodes = nodes();
        if (nodes.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportProblem(where, ImportMessages.format("mermaid.noNodes")));
        }
        if (!errors.isEmpty()) {
            throw new ImportException(false, errors);
        }
        NetworkDocument doc = Assembly.document(title, ImportMessages.format("mermaid.description", where), nodes,
                List.copyOf(edges), id -> at(firstLine.get(id)), errors);
        if (!errors.isEmpty()) {
            throw new ImportException(false, errors);
        }
        return new ImportResult(doc, List.of(), null);
    }

    /** One statement: groups of nodes joined by arrows; each group is {@code A} or {@code A & B}. */
    private void statement(String s, int line) {
        String rest = s;
        List<String> previous = null;
        while (true) {
            List<String> group = new ArrayList<>();
            do {
                rest = rest.stripLeading();
                if (rest.startsWith("&")) {
                    rest = rest.substring(1);
                }
                Matcher id = ID.matcher(rest);
                if (!id.find()) {
                    errors.add(new ImportProblem(at(line), ImportMessages.format("mermaid.syntax", s.strip())));
                    return;
                }
                String name = id.group(1);
                rest = rest.substring(id.end());
                rest = shape(name, rest, line);
                if (rest == null) {
                    errors.add(new ImportProblem(at(line), ImportMessages.format("mermaid.unclosed", s.strip())));
                    return;
                }
                firstLine.putIfAbsent(name, line);
                group.add(name);
            } while (rest.stripLeading().startsWith("&"));
            if (previous != null) {
                for (String from : previous) {
                    group.forEach(to -> edges.add(Edge.of(from, to)));
                }
            }
            previous = group;
            Matcher arrow = ARROW.matcher(rest);
            if (rest.isBlank()) {
                return;
            }
            if (!arrow.find()) {
                errors.add(new ImportProblem(at(line), ImportMessages.format("mermaid.syntax", s.strip())));
                return;
            }
            rest = rest.substring(arrow.end());
        }
    }

    /** Reads the shape and label after a node id, if any; returns the rest, or null when a bracket is not closed. */
    private String shape(String id, String rest, int line) {
        if (rest.isEmpty() || "[({>".indexOf(rest.charAt(0)) < 0) {
            return rest;
        }
        char open = rest.charAt(0);
        char close = switch (open) {
            case '[' -> ']';
            case '(' -> ')';
            case '{' -> '}';
            default -> ']';
        };
        int depth = 0;
        boolean quoted = false;
        for (int k = 0; k < rest.length(); k++) {
            char c = rest.charAt(k);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == open && open != '>') {
                depth++;
            } else if (!quoted && c == close && (--depth == 0 || open == '>')) {
                String label = rest.substring(1, k).replaceAll("^[\\[(/\\\\{]+|[\\])/\\\\}]+$", "").strip();
                if (label.startsWith("\"") && label.endsWith("\"") && label.length() >= 2) {
                    label = label.substring(1, label.length() - 1);
                }
                if (!labels.containsKey(id)) {
                    labels.put(id, label);
                    firstLine.put(id, line);
                }
                return rest.substring(k + 1);
            }
        }
        return null;
    }

    private List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (String id : firstLine.keySet()) {
            String label = labels.getOrDefault(id, id);
            LayerLabels.Parsed parsed = LayerLabels.parse(label);
            if (parsed.error() != null) {
                errors.add(new ImportProblem(at(firstLine.get(id)),
                        ImportMessages.format("mermaid.badLabel", id, label, parsed.error())));
            } else {
                nodes.add(new Node(id, parsed.type(), parsed.params(), null));
            }
        }
        return nodes;
    }

    private String at(int line) {
        return ImportMessages.format("where.line", where, line);
    }
}
