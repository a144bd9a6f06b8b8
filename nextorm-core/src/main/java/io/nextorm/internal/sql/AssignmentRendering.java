package io.nextorm.internal.sql;

import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.Assignment;
import io.nextorm.query.Value;

import java.util.List;

/**
 * Renders the SET list of a bulk UPDATE of a {@link QueryRenderer}'s root table, unqualified:
 * {@code views = ?, title = ?}. A bound value takes its NULL type from the property; a reference to a
 * composite-keyed entity sets each of its columns.
 */
final class AssignmentRendering {

    private AssignmentRendering() {
    }

    static String render(QueryRenderer renderer, List<Assignment> assignments) {
        StringBuilder set = new StringBuilder();
        for (Assignment assignment : assignments) {
            if (set.length() > 0) {
                set.append(", ");
            }
            PropertyModel property = renderer.root().property(assignment.target().leaf());
            if (!(assignment.value() instanceof Value value)) {
                set.append(renderer.dialect().identifier(property.column())).append(" = ")
                        .append(renderer.render(assignment.value()));
            } else if (property.wide()) {
                List<Object> values = property.columnValues(value.value() == null ? null
                        : property.target().idOf(value.value()));
                List<Class<?>> types = property.columnTypes();
                for (int i = 0; i < values.size(); i++) {
                    set.append(i == 0 ? "" : ", ").append(renderer.dialect().identifier(property.columns().get(i)))
                            .append(" = ").append(renderer.marker(values.get(i), types.get(i)));
                }
            } else {
                boolean reference = property.kind() == PropertyKind.REFERENCE;
                Class<?> type = reference ? property.target().id().valueType() : property.bindType();
                set.append(renderer.dialect().identifier(property.column())).append(" = ")
                        .append(renderer.castMarker(renderer.marker(reference ? value.value()
                                : property.toColumn(value.value()), type), property.castType()));
            }
        }
        return set.toString();
    }
}
