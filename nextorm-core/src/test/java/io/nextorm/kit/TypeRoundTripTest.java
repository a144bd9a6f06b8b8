package io.nextorm.kit;

import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Sample;
import io.nextorm.testkit.model.Sample_;
import io.nextorm.testkit.model.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TypeRoundTripTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Sample.class);
    }

    private static Sample full() {
        Sample s = new Sample();
        s.text = "it's 50% _off_ C:\\path \"quoted\" ünïcødé ✓ 日本";
        s.nullableText = "x";
        s.longText = "long ".repeat(2000);
        s.flag = true;
        s.boxedFlag = false;
        s.number = -42;
        s.boxedNumber = Integer.MAX_VALUE;
        s.big = Long.MIN_VALUE + 1;
        s.boxedBig = Long.MAX_VALUE;
        s.small = (short) -7;
        s.boxedSmall = Short.MAX_VALUE;
        s.real = 3.141592653589793;
        s.boxedReal = -0.5;
        s.single = 1.5f;
        s.boxedSingle = 2.25f;
        s.amount = new BigDecimal("12345678.1234");
        s.day = LocalDate.of(2024, 2, 29);
        s.moment = LocalDateTime.of(2024, 3, 1, 12, 34, 56, 123456000);
        s.clock = LocalTime.of(23, 59, 58, 999999000);
        s.instant = Instant.parse("2024-06-01T10:15:30.123456Z");
        s.offsetMoment = OffsetDateTime.of(2024, 6, 1, 12, 15, 30, 0, ZoneOffset.ofHours(2));
        s.uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        s.bytes = new byte[]{0, 1, 2, (byte) 255, 127, -128};
        s.status = Status.ACTIVE;
        return s;
    }

    @Test
    void everyTypeRoundTripsUnchanged() {
        Sample saved = await(db.asave(full()));
        Sample loaded = await(db.aselect(Sample.class).filter(Sample_.id.eq(saved.id)).getOrRaise());
        Sample expected = full();
        assertThat(loaded).usingRecursiveComparison()
                .ignoringFields("id", "offsetMoment")
                .isEqualTo(expected);
        assertThat(loaded.offsetMoment.toInstant()).isEqualTo(expected.offsetMoment.toInstant());
    }

    @Test
    void nullsRoundTripAsNulls() {
        Sample s = new Sample();
        s.text = "only required";
        Sample saved = await(db.asave(s));
        Sample loaded = await(db.aselect(Sample.class).filter(Sample_.id.eq(saved.id)).getOrRaise());
        assertThat(loaded.nullableText).isNull();
        assertThat(loaded.boxedFlag).isNull();
        assertThat(loaded.boxedNumber).isNull();
        assertThat(loaded.amount).isNull();
        assertThat(loaded.instant).isNull();
        assertThat(loaded.uuid).isNull();
        assertThat(loaded.bytes).isNull();
        assertThat(loaded.status).isNull();
        assertThat(loaded.flag).isFalse();
        assertThat(loaded.number).isZero();
    }

    @Test
    void everyTypeCanBeFilteredOn() {
        await(db.asave(full()));
        Sample other = new Sample();
        other.text = "other";
        await(db.asave(other));
        Sample expected = full();
        assertThat(await(db.aselect(Sample.class).filter(
                Sample_.text.eq(expected.text), Sample_.flag.isTrue(), Sample_.number.eq(-42),
                Sample_.big.eq(expected.big), Sample_.small.eq(expected.small), Sample_.amount.eq(expected.amount),
                Sample_.day.eq(expected.day), Sample_.moment.eq(expected.moment), Sample_.clock.eq(expected.clock),
                Sample_.instant.eq(expected.instant), Sample_.uuid.eq(expected.uuid),
                Sample_.status.eq(Status.ACTIVE)).count())).isEqualTo(1L);
    }

    /** Every field of a full sample changed, differently per {@code i}; the nullable ones to NULL for i == 2. */
    private static void change(Sample s, int i) {
        boolean nulls = i == 2;
        s.text = "changed " + i + " 'quoted' ✓";
        s.nullableText = nulls ? null : "y" + i;
        s.longText = nulls ? null : "longer ".repeat(1000 + i);
        s.flag = false;
        s.boxedFlag = nulls ? null : Boolean.TRUE;
        s.number = 1000 + i;
        s.boxedNumber = nulls ? null : -i;
        s.big = Long.MAX_VALUE - i;
        s.boxedBig = nulls ? null : (long) i;
        s.small = (short) (100 + i);
        s.boxedSmall = nulls ? null : (short) -i;
        s.real = 2.718281828459045 + i;
        s.boxedReal = nulls ? null : 0.25 * i;
        s.single = 0.75f + i;
        s.boxedSingle = nulls ? null : 4.5f;
        s.amount = nulls ? null : new BigDecimal("-98765.4321").add(BigDecimal.valueOf(i));
        s.day = nulls ? null : LocalDate.of(2025, 1, 1 + i);
        s.moment = nulls ? null : LocalDateTime.of(2025, 7, 4, 1, 2, 3, 456789000 + i * 1000);
        s.clock = nulls ? null : LocalTime.of(1, 2, 3 + i);
        s.instant = nulls ? null : Instant.parse("2025-01-01T00:00:00.000001Z").plusSeconds(i);
        s.offsetMoment = nulls ? null : OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5 + i));
        s.uuid = nulls ? null : UUID.fromString("00000000-0000-0000-0000-00000000000" + i);
        s.bytes = nulls ? null : new byte[]{(byte) i, -1, 0};
        s.status = nulls ? null : i == 0 ? Status.NEW : Status.RETIRED;
    }

    @Test
    void everyTypeIsWrittenBackWhenManyObjectsChangeAlikeInOneFlush() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(await(db.asave(full())).id);
        }
        db.clearLocalStats();

        await(db.session(s -> db.aselect(Sample.class).orderBy(Sample_.id.asc()).fetchAll()
                .doOnNext(all -> all.forEach(sample -> change(sample, ids.indexOf(sample.id))))));

        List<Sample> stored = await(db.aselect(Sample.class).orderBy(Sample_.id.asc()).fetchAll());
        for (int i = 0; i < 3; i++) {
            Sample expected = full();
            change(expected, i);
            assertThat(stored.get(i)).as("sample %d", i).usingRecursiveComparison()
                    .ignoringFields("id", "offsetMoment").isEqualTo(expected);
            assertThat(stored.get(i).offsetMoment == null ? null : stored.get(i).offsetMoment.toInstant())
                    .isEqualTo(expected.offsetMoment == null ? null : expected.offsetMoment.toInstant());
        }
        assertThat(db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("UPDATE"))
                .mapToLong(e -> e.getValue().count()).sum())
                .as("one UPDATE of every row on PostgreSQL and MariaDB, else one per row in one batch")
                .isEqualTo(target == io.nextorm.testkit.TestDatabase.POSTGRES
                        || target == io.nextorm.testkit.TestDatabase.MARIADB ? 1L : 3L);
    }
}
