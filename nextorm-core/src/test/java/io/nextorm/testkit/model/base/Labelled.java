package io.nextorm.testkit.model.base;

/**
 * A superclass in another package than its entity, with a private field the entity's generated
 * mapper cannot reach in line (it writes it through the property's handle) and a protected one.
 */
public abstract class Labelled {

    private String label;

    protected int rank;

    /**
     * The label.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Sets the label.
     *
     * @param label the label
     */
    public void label(String label) {
        this.label = label;
    }
}
