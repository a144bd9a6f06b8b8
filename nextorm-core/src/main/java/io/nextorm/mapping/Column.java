package io.nextorm.mapping;

/**
 * A column of a {@link Table}.
 *
 * @param name the column name, unquoted
 * @param javaType the Java type it holds (for a foreign key, the referenced key's type)
 * @param nullable whether it allows NULL
 * @param generated whether the database generates its value (an identity primary key)
 * @param length the maximum length of a string; 0 or less for an unbounded text type
 * @param precision the precision of a decimal
 * @param scale the scale of a decimal
 * @param unique whether it carries a UNIQUE constraint of its own
 * @param sqlDefault the DEFAULT expression, or null
 */
public record Column(String name, Class<?> javaType, boolean nullable, boolean generated, int length, int precision,
                     int scale, boolean unique, String sqlDefault) {
}
