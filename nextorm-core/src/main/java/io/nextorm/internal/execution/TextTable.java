package io.nextorm.internal.execution;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The plain-text table of {@link AsyncQuerySet#ashow(int, Appendable)}: a header of property names,
 * a rule of dashes, one line per object. Lazy fields and sets are left out, a reference is shown as
 * {@code Author[1]}, NULL as {@code null}. When the natural width exceeds the maximum, the widest
 * columns are narrowed first and cut cells end in {@code ...}; no line is longer than the maximum.
 */
public final class TextTable {

    private static final String SEPARATOR = " | ";
    private static final String RULE_SEPARATOR = "-+-";
    private static final String ELLIPSIS = "...";
    private static final int NARROWEST = ELLIPSIS.length() + 1;

    private TextTable() {
    }

    /**
     * Renders objects as a table.
     *
     * @param model the entity
     * @param objects the objects
     * @param width the maximum line length
     * @return the lines, each ending in a line separator
     */
    public static String render(EntityModel<?> model, List<?> objects, int width) {
        List<PropertyModel> columns = model.eagerColumns();
        List<String[]> rows = new ArrayList<>(objects.size() + 1);
        String[] header = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            header[c] = columns.get(c).name();
        }
        rows.add(header);
        for (Object object : objects) {
            String[] cells = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = cell(columns.get(c), columns.get(c).get(object));
            }
            rows.add(cells);
        }
        int[] widths = fit(naturalWidths(rows, columns.size()), width);
        StringBuilder out = new StringBuilder();
        line(out, rows.get(0), widths, width);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                rule.append(RULE_SEPARATOR);
            }
            rule.append("-".repeat(widths[c]));
        }
        out.append(cut(rule.toString(), width)).append(System.lineSeparator());
        for (int r = 1; r < rows.size(); r++) {
            line(out, rows.get(r), widths, width);
        }
        return out.toString();
    }

    private static int[] naturalWidths(List<String[]> rows, int columns) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    private static int[] fit(int[] widths, int width) {
        int total = SEPARATOR.length() * Math.max(0, widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > width) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                if (widths[c] > widths[widest]) {
                    widest = c;
                }
            }
            if (widths.length == 0 || widths[widest] <= NARROWEST) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static void line(StringBuilder out, String[] cells, int[] widths, int width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(SEPARATOR);
            }
            String text = cells[c].length() > widths[c]
                    ? cells[c].substring(0, widths[c] - ELLIPSIS.length()) + ELLIPSIS : cells[c];
            line.append(text);
            if (c < cells.length - 1) {
                line.append(" ".repeat(widths[c] - text.length()));
            }
        }
        out.append(cut(line.toString(), width).stripTrailing()).append(System.lineSeparator());
    }

    private static String cut(String line, int width) {
        return line.length() <= width ? line : line.substring(0, width);
    }

    private static String cell(PropertyModel property, Object value) {
        if (value == null) {
            return "null";
        }
        if (property.kind() == PropertyKind.REFERENCE) {
            return property.target().name() + "[" + property.target().idOf(value) + "]";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        String text = String.valueOf(value);
        StringBuilder single = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            single.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        return single.toString();
    }
}
