package io.nextorm.internal.execution;

import io.r2dbc.spi.RowMetadata;

/**
 * How the rows of a result are read: the class each column is asked for and the generated filler
 * that asks for those classes (null where the mapper writes through its properties' handles). A
 * mapper has a fixed one, and where its dialect {@linkplain io.nextorm.dialect.Dialect#readsColumnTypes
 * reads columns as their own types} a second, chosen per result from its metadata.
 *
 * @param metadata the result whose columns were checked; null for a mapper's own, unchecked reads
 * @param readTypes per row column, the class passed to {@code Readable.get}
 * @param filler the filler that reads with {@code readTypes}, or null
 */
record ColumnReads(RowMetadata metadata, Class<?>[] readTypes, GeneratedColumns filler) {

    /**
     * These reads, as chosen for a result.
     *
     * @param result the result's metadata
     * @return the same reads, remembered as the result's
     */
    ColumnReads forResult(RowMetadata result) {
        return new ColumnReads(result, readTypes, filler);
    }

    /**
     * Whether every column whose read type differs from {@code fallback}'s is, in a result, of
     * exactly that type.
     *
     * @param result the result's metadata
     * @param fallback the reads that accept any column type
     * @return true when these reads fit the result
     */
    boolean fit(RowMetadata result, ColumnReads fallback) {
        try {
            for (int i = 0; i < readTypes.length; i++) {
                if (readTypes[i] != fallback.readTypes[i] && result.getColumnMetadata(i).getJavaType() != readTypes[i]) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            // fewer columns than the entity has, or metadata the driver does not give: the reads that accept all
            return false;
        }
    }
}
