package io.nextorm.internal.mapping;

/**
 * A {@code boolean} field over an existing integer or text column: true is written as 1 (or
 * {@code 'Y'}), false as 0 (or {@code 'N'}). Reading is the dialect's (any of 1/0, t/f, y/n, ...).
 */
final class BooleanColumn implements ValueConverter {

    private final boolean text;

    BooleanColumn(boolean text) {
        this.text = text;
    }

    @Override
    public Class<?> columnType() {
        return Boolean.class;
    }

    @Override
    public Class<?> bindType() {
        return text ? String.class : Integer.class;
    }

    @Override
    public Object toColumn(Object value) {
        boolean on = (Boolean) value;
        if (text) {
            return on ? "Y" : "N";
        }
        return on ? 1 : 0;
    }

    @Override
    public Object toProperty(Object value) {
        return value;
    }
}
