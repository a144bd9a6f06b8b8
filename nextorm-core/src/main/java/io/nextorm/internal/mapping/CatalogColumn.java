package io.nextorm.internal.mapping;

/**
 * One column as the database's catalog describes it.
 *
 * @param table the table name
 * @param name the column name
 * @param nullable whether it accepts NULL
 * @param dataType the catalog's data type ({@code information_schema.columns.data_type})
 * @param typeName the database's own name of the type (a PostgreSQL enum or domain name, MariaDB's
 *                 column type), or the data type
 */
public record CatalogColumn(String table, String name, boolean nullable, String dataType, String typeName) {
}
