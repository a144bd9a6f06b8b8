package io.nextorm.testkit.model;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.model.base.Labelled;

/** An entity with private fields of its own and fields inherited from a class in another package. */
@Entity
public class Gadget extends Labelled {

    @PrimaryKey
    private Long id;

    private long weight;

    @Nullable
    private Integer stock;

    /** For the mapper. */
    public Gadget() {
    }

    /**
     * A gadget.
     *
     * @param label its label
     * @param rank its rank
     * @param weight its weight
     * @param stock its stock, or null
     */
    public Gadget(String label, int rank, long weight, Integer stock) {
        label(label);
        this.rank = rank;
        this.weight = weight;
        this.stock = stock;
    }

    /**
     * The key.
     *
     * @return the key
     */
    public Long id() {
        return id;
    }

    /**
     * The rank (inherited, protected).
     *
     * @return the rank
     */
    public int rank() {
        return rank;
    }

    /**
     * The weight.
     *
     * @return the weight
     */
    public long weight() {
        return weight;
    }

    /**
     * The stock.
     *
     * @return the stock, or null
     */
    public Integer stock() {
        return stock;
    }
}
