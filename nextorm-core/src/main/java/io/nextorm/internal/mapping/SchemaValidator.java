package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.mapping.Column;
import io.nextorm.mapping.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a {@link Mapping} with the database's catalog and reports every missing table, missing
 * column, nullability and type mismatch at once, each naming the entity field and the fix. Types are
 * compared by family (text, integer, decimal, ...), and only where the database's type cannot hold the
 * field's values: a type this check does not know is accepted.
 */
public final class SchemaValidator {

    /** A type family of catalog data types. */
    enum Family { TEXT, INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, BINARY, UUID, JSON, ARRAY,
        USER_DEFINED, OTHER }

    /** Marks the description of a primitive field. */
    private static final String PRIMITIVE = " (primitive)";

    private SchemaValidator() {
    }

    /**
     * Throws when the catalog does not fit the mapping.
     *
     * @param mapping the mapping
     * @param catalog the columns of the database's current schema
     * @throws MappingException listing every problem
     */
    public static void validate(Mapping mapping, List<CatalogColumn> catalog) {
        validate(mapping, catalog, true);
    }

    /**
     * Throws when the catalog does not fit the mapping.
     *
     * @param mapping the mapping
     * @param catalog the columns of the database's current schema
     * @param arrays whether the database has arrays; without them, array fields fit text columns
     * @throws MappingException listing every problem
     */
    public static void validate(Mapping mapping, List<CatalogColumn> catalog, boolean arrays) {
        List<String> problems = problems(mapping, catalog, arrays);
        if (!problems.isEmpty()) {
            throw new MappingException("The database schema does not match the mapping (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems)
                    + "\nFix the entities or the schema, create the missing tables with SchemaCheck.CREATE, "
                    + "or skip this check with SchemaCheck.NONE");
        }
    }

    /**
     * Every mismatch between the mapping and the catalog, one sentence each.
     *
     * @param mapping the mapping
     * @param catalog the columns of the database's current schema
     * @return the problems, empty when the schema fits
     */
    public static List<String> problems(Mapping mapping, List<CatalogColumn> catalog) {
        return problems(mapping, catalog, true);
    }

    private static List<String> problems(Mapping mapping, List<CatalogColumn> catalog, boolean arrays) {
        Map<String, Map<String, CatalogColumn>> tables = new LinkedHashMap<>();
        for (CatalogColumn column : catalog) {
            tables.computeIfAbsent(lower(column.table()), t -> new LinkedHashMap<>()).put(lower(column.name()), column);
        }
        Map<String, String> owners = owners(mapping);
        List<String> problems = new ArrayList<>();
        for (Table table : mapping.creationOrder()) {
            Map<String, CatalogColumn> existing = tables.get(lower(table.name()));
            String tableOwner = owners.get(lower(table.name()));
            if (existing == null) {
                problems.add("missing table '" + table.name() + "' (" + tableOwner + "): create it, or name the existing "
                        + "table" + (tableOwner.startsWith("entity") ? " with @Entity(table = \"...\")" : " with @JoinTable(name = \"...\")"));
                continue;
            }
            for (Column column : table.columns()) {
                String where = owners.getOrDefault(lower(table.name()) + "." + lower(column.name()), tableOwner);
                CatalogColumn found = existing.get(lower(column.name()));
                if (found == null) {
                    problems.add("missing column '" + table.name() + "." + column.name() + "' for " + where
                            + ": add the column, or name the existing one with " + nameFix(where));
                    continue;
                }
                checkColumn(table, column, found, where, problems, arrays);
            }
        }
        problems.replaceAll(problem -> problem.replace(PRIMITIVE, ""));
        return problems;
    }

    private static void checkColumn(Table table, Column column, CatalogColumn found, String where, List<String> problems,
                                    boolean arrays) {
        String qualified = table.name() + "." + column.name();
        if (found.nullable() && where.endsWith(PRIMITIVE)) {
            problems.add("nullability: column '" + qualified + "' accepts NULL but " + where + " is a primitive that "
                    + "cannot hold it: use the boxed type, or add NOT NULL to the column");
        } else if (column.nullable() && !found.nullable() && !column.generated()) {
            problems.add("nullability: column '" + qualified + "' is NOT NULL but " + where + " is @Nullable: remove "
                    + "@Nullable, or allow NULL in the column");
        } else if (found.nullable() && isKey(table, column)) {
            problems.add("nullability: key column '" + qualified + "' accepts NULL: add NOT NULL to it");
        }
        Family family = family(found.dataType());
        boolean arrayAsText = !arrays && family == Family.TEXT
                && (column.javaType() == String[].class || column.javaType() == java.util.List.class);
        if (!arrayAsText && !accepts(column.javaType(), family)) {
            problems.add("type: column '" + qualified + "' is " + found.typeName() + " but " + where + " is "
                    + (column.javaType() == io.nextorm.mapping.JsonDocument.class ? "a @Json document (text or JSON)"
                    : "a " + column.javaType().getSimpleName()) + ": change the field's type to one that column holds");
        }
    }

    private static boolean isKey(Table table, Column column) {
        return table.primaryKey().contains(column.name());
    }

    private static String nameFix(String where) {
        if (where.startsWith("the link table")) {
            return "@JoinTable(joinColumns = ..., inverseJoinColumns = ...)";
        }
        return where.contains("(reference)") ? "@JoinColumn(name = \"...\") (one name per key column of a composite key)"
                : "@Column(name = \"...\")";
    }

    /** Who each table and column is for: "entity Film", "Film.title", "the link table of Film.actors". */
    private static Map<String, String> owners(Mapping mapping) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (EntityModel<?> model : mapping.entities()) {
            owners.put(lower(model.table()), "entity " + model.type().getSimpleName());
            for (PropertyModel property : model.properties()) {
                if (property.kind() == PropertyKind.SET) {
                    Relation relation = property.relation();
                    if (relation != null && relation.isManyToMany()) {
                        owners.putIfAbsent(lower(relation.joinTable()), "the link table of " + property);
                    }
                } else if (property.kind().hasColumn()) {
                    for (String column : property.columns()) {
                        owners.put(lower(model.table()) + "." + lower(column), "the field " + property
                                + (property.kind() == PropertyKind.REFERENCE ? " (reference)" : "")
                                + (property.fieldType().isPrimitive() ? PRIMITIVE : ""));
                    }
                }
            }
        }
        return owners;
    }

    /**
     * Records the database type name of every column of a user-defined type (a PostgreSQL enum or
     * domain, reported as {@code USER-DEFINED} or with a domain name) on its property, so that values
     * bound to it are cast ({@code $1::mpaa_rating}).
     *
     * @param mapping the mapping
     * @param catalog the columns of the database's current schema
     */
    public static void useCasts(Mapping mapping, List<CatalogColumn> catalog) {
        Map<String, CatalogColumn> byColumn = new LinkedHashMap<>();
        for (CatalogColumn column : catalog) {
            byColumn.put(lower(column.table()) + "." + lower(column.name()), column);
        }
        for (EntityModel<?> model : mapping.entities()) {
            for (PropertyModel property : model.properties()) {
                if (!property.kind().hasColumn() || property.kind() == PropertyKind.REFERENCE) {
                    continue;
                }
                CatalogColumn found = byColumn.get(lower(model.table()) + "." + lower(property.column()));
                if (found != null && property.converter() instanceof JsonConverter) {
                    // json or jsonb as the column says; a text column takes the text as it is
                    property.castTo(family(found.dataType()) == Family.JSON ? found.typeName() : null);
                } else if (found != null && found.typeName() != null && (family(found.dataType()) == Family.USER_DEFINED
                        || lower(found.dataType()).equals("enum")
                        || !lower(found.typeName()).equals(lower(found.dataType())) && isDomain(found))) {
                    property.castTo(found.typeName());
                }
            }
        }
    }

    /**
     * Whether {@code generateMapping} must read the catalog to bind this mapping's values right: a
     * {@code boolean} field may be over an integer or text column.
     *
     * @param mapping the mapping
     * @return true when a property holds booleans without a converter
     */
    public static boolean needsCatalog(Mapping mapping) {
        for (EntityModel<?> model : mapping.entities()) {
            for (PropertyModel property : model.properties()) {
                if (property.valueType() == Boolean.class && property.converter() == null) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Gives every {@code boolean} field over an integer column a converter that writes 1/0, and over a
     * text column one that writes 'Y'/'N' (a {@code @Convert} field keeps its own converter).
     *
     * @param mapping the mapping
     * @param catalog the columns of the database's current schema
     */
    public static void useBooleanColumns(Mapping mapping, List<CatalogColumn> catalog) {
        Map<String, CatalogColumn> byColumn = new LinkedHashMap<>();
        for (CatalogColumn column : catalog) {
            byColumn.put(lower(column.table()) + "." + lower(column.name()), column);
        }
        for (EntityModel<?> model : mapping.entities()) {
            for (PropertyModel property : model.properties()) {
                if (property.valueType() != Boolean.class || property.converter() != null || property.column() == null) {
                    continue;
                }
                CatalogColumn found = byColumn.get(lower(model.table()) + "." + lower(property.column()));
                Family family = found == null ? Family.OTHER : family(found.dataType());
                if (family == Family.INTEGER || family == Family.TEXT) {
                    property.convertWith(new BooleanColumn(family == Family.TEXT));
                }
            }
        }
    }

    /** A PostgreSQL domain: its type name is neither the data type nor the data type's short (udt) name. */
    private static boolean isDomain(CatalogColumn column) {
        return family(column.dataType()) != Family.ARRAY && !UDT_NAMES.contains(lower(column.typeName()));
    }

    /** PostgreSQL's short names of its built-in types, as {@code udt_name} reports them. */
    private static final java.util.Set<String> UDT_NAMES = java.util.Set.of("int2", "int4", "int8", "float4", "float8",
            "numeric", "bool", "varchar", "bpchar", "text", "date", "time", "timetz", "timestamp", "timestamptz", "bytea",
            "uuid", "json", "jsonb", "interval", "money", "inet", "cidr", "xml", "bit", "varbit", "tsvector", "oid", "name");

    static Family family(String dataType) {
        String type = lower(dataType);
        if (type.contains("array") || type.endsWith("[]")) {
            return Family.ARRAY;
        }
        if (type.contains("timestamp") || type.contains("datetime")) {
            return type.contains("with time zone") ? Family.TIMESTAMPTZ : Family.TIMESTAMP;
        }
        if (type.equals("date")) {
            return Family.DATE;
        }
        if (type.startsWith("time")) {
            return Family.TIME;
        }
        if (type.contains("bool") || type.equals("bit")) {
            return Family.BOOLEAN;
        }
        if (type.contains("binary") || type.contains("blob") || type.equals("bytea")) {
            return Family.BINARY;
        }
        if (type.contains("int")) {
            return Family.INTEGER;
        }
        if (type.contains("numeric") || type.contains("decimal") || type.contains("decfloat")) {
            return Family.DECIMAL;
        }
        if (type.contains("double") || type.contains("float") || type.equals("real")) {
            return Family.FLOAT;
        }
        if (type.contains("json")) {
            return Family.JSON;
        }
        if (type.contains("char") || type.contains("text") || type.contains("clob") || type.equals("enum")) {
            return Family.TEXT;
        }
        if (type.equals("uuid")) {
            return Family.UUID;
        }
        if (type.equals("user-defined")) {
            return Family.USER_DEFINED;
        }
        return Family.OTHER;
    }

    static boolean accepts(Class<?> javaType, Family family) {
        if (family == Family.OTHER) {
            return true;
        }
        Class<?> type = Mapping.box(javaType);
        if (type == String.class) {
            return family == Family.TEXT || family == Family.JSON || family == Family.USER_DEFINED || family == Family.UUID;
        }
        if (type.isEnum()) {
            return family == Family.TEXT || family == Family.USER_DEFINED;
        }
        if (type == Boolean.class) {
            return family == Family.BOOLEAN || family == Family.INTEGER || family == Family.TEXT;
        }
        if (type == Short.class || type == Integer.class || type == Long.class || type == Byte.class) {
            return family == Family.INTEGER || family == Family.DECIMAL;
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == Float.class) {
            return family == Family.DECIMAL || family == Family.FLOAT || family == Family.INTEGER;
        }
        if (type == java.time.LocalDate.class || type == java.time.LocalDateTime.class) {
            return family == Family.DATE || family == Family.TIMESTAMP || family == Family.TIMESTAMPTZ;
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return family == Family.TIMESTAMP || family == Family.TIMESTAMPTZ;
        }
        if (type == java.time.LocalTime.class) {
            return family == Family.TIME;
        }
        if (type == java.util.UUID.class) {
            return family == Family.UUID || family == Family.TEXT || family == Family.BINARY;
        }
        if (type == byte[].class) {
            return family == Family.BINARY;
        }
        if (type == String[].class || type == java.util.List.class) {
            return family == Family.ARRAY;
        }
        if (type == io.nextorm.mapping.JsonDocument.class) {
            return family == Family.JSON || family == Family.TEXT;
        }
        return true;
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
