package io.nextorm.sample.library;

/**
 * What the API accepts as an ISBN.
 */
final class Isbn {

    /** Ten or thirteen digits (the last may be X), with dashes between groups. */
    static final String PATTERN = "[0-9](-?[0-9]){8}(-?[0-9X])((-?[0-9]){3})?";

    /** The validation message. */
    static final String MESSAGE = "must be an ISBN: 10 or 13 digits, with dashes between groups";

    private Isbn() {
    }
}
