package io.nextorm.testkit.model;

import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One field of every supported type, primitive and boxed, for round trips. */
@Entity
public class Sample {
    @PrimaryKey
    public Long id;
    public String text;
    @Nullable
    public String nullableText;
    @Column(length = -1)
    @Nullable
    public String longText;
    public boolean flag;
    @Nullable
    public Boolean boxedFlag;
    public int number;
    @Nullable
    public Integer boxedNumber;
    public long big;
    @Nullable
    public Long boxedBig;
    public short small;
    @Nullable
    public Short boxedSmall;
    public double real;
    @Nullable
    public Double boxedReal;
    public float single;
    @Nullable
    public Float boxedSingle;
    @Column(precision = 12, scale = 4)
    @Nullable
    public BigDecimal amount;
    @Nullable
    public LocalDate day;
    @Nullable
    public LocalDateTime moment;
    @Nullable
    public LocalTime clock;
    @Nullable
    public Instant instant;
    @Nullable
    public OffsetDateTime offsetMoment;
    @Nullable
    public UUID uuid;
    @Nullable
    public byte[] bytes;
    @Nullable
    public Status status;
}
