/**
 * The Sakila sample schema (15 tables, as in its PostgreSQL edition) mapped by hand onto tables made by
 * the test's own DDL, close to each database's published edition of the schema.
 */
package io.nextorm.kit.existing.sakila;
