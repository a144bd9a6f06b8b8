package io.nextorm.benchmarks;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDateTime;

/**
 * The row every benchmark reads and writes, one class for every library: nextorm maps it
 * through {@code @Entity} (table {@code bench_row}, metamodel {@code BenchRow_}), Spring Data R2DBC
 * through {@code @Table} and {@code @Id}, Hibernate Reactive through the Jakarta Persistence
 * annotations (field access, identity key), and the raw driver, jOOQ and Vert.x code build it with
 * the all-columns constructor. The table itself is created by nextorm, so every side reads and
 * writes the same schema.
 */
@Entity
@Table("bench_row")
@jakarta.persistence.Entity(name = "BenchRow")
@jakarta.persistence.Table(name = "bench_row")
public class BenchRow {

    /** The columns in table order, for hand-written SQL. */
    public static final String COLUMNS = "id, name, email, age, score, created";

    /** The columns without the generated key, for hand-written INSERTs. */
    public static final String INSERT_COLUMNS = "name, email, age, score, created";

    @PrimaryKey
    @Id
    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String email;
    private int age;
    private double score;
    private LocalDateTime created;

    /**
     * An empty row, for the mappers.
     */
    public BenchRow() {
    }

    /**
     * A row with every column.
     *
     * @param id the key; null for a row not inserted yet
     * @param name the name
     * @param email the e-mail address
     * @param age the age
     * @param score the score
     * @param created when it was created
     */
    public BenchRow(Long id, String name, String email, int age, double score, LocalDateTime created) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.age = age;
        this.score = score;
        this.created = created;
    }

    /**
     * The n-th row of a data set: the same values every run.
     *
     * @param n the row number
     * @return a new row without a key
     */
    public static BenchRow numbered(int n) {
        return new BenchRow(null, "name " + n, "user" + n + "@example.com", 18 + n % 60, n * 0.5,
                LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(n));
    }

    /**
     * The key.
     *
     * @return the key, null before the first insert
     */
    public Long getId() {
        return id;
    }

    /**
     * Sets the key.
     *
     * @param id the key
     */
    public void setId(Long id) {
        this.id = id;
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * The e-mail address.
     *
     * @return the address
     */
    public String getEmail() {
        return email;
    }

    /**
     * The age.
     *
     * @return the age
     */
    public int getAge() {
        return age;
    }

    /**
     * The score.
     *
     * @return the score
     */
    public double getScore() {
        return score;
    }

    /**
     * Sets the score: the field the load-change-write case changes.
     *
     * @param score the score
     */
    public void setScore(double score) {
        this.score = score;
    }

    /**
     * When the row was created.
     *
     * @return the time
     */
    public LocalDateTime getCreated() {
        return created;
    }
}
