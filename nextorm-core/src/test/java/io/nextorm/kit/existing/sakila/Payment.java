package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.PrimaryKey;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The rental is NOT NULL on PostgreSQL and nullable on MariaDB: a non-null field passes both checks. */
@Entity(table = "payment")
public class Payment {
    @PrimaryKey Integer paymentId;
    @JoinColumn(name = "customer_id") Customer customer;
    @JoinColumn(name = "staff_id") Staff staff;
    @JoinColumn(name = "rental_id") Rental rental;
    BigDecimal amount;
    LocalDateTime paymentDate;

    public BigDecimal getAmount() {
        return amount;
    }

    public Customer getCustomer() {
        return customer;
    }
}
