package io.nextorm.sample.library;

/**
 * A request that conflicts with what the library holds (a duplicate name or ISBN): answered 409.
 */
public class ConflictException extends RuntimeException {

    /**
     * A conflict.
     *
     * @param message what conflicts with what, and what to do
     */
    public ConflictException(String message) {
        super(message);
    }
}
