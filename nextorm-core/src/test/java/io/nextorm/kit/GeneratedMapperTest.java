package io.nextorm.kit;

import io.nextorm.Lazy;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.internal.execution.UnloadedSet;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.MapperComparison;
import io.nextorm.testkit.MapperComparison.Mapped;
import io.nextorm.testkit.model.Gadget;
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

/**
 * The generated row mapper makes of every row what the method-handle mapper makes of it: every
 * supported type, nulls into primitives and boxes, private fields, fields inherited from a class in
 * the same nest and from one in another package, references as stubs, lazies not loaded.
 */
class GeneratedMapperTest extends DatabaseTestKit {

    /** A superclass in the entity's nest: its private fields are reachable from the generated class. */
    static class PartBase {
        private String maker;
        @Nullable
        private Double price;
    }

    @Entity(table = "gm_part")
    static class Part extends PartBase {
        @PrimaryKey
        private Long id;
        private int count;
        private boolean spare;
    }

    private static final List<Class<?>> ENTITIES = List.of(Sample.class, Gadget.class, Part.class, Book.class, Shelf.class);

    @Override
    protected List<Class<?>> entities() {
        return ENTITIES;
    }

    private static Sample full() {
        Sample s = new Sample();
        s.text = "text ✓";
        s.nullableText = "x";
        s.longText = "long ".repeat(100);
        s.flag = true;
        s.boxedFlag = false;
        s.number = -42;
        s.boxedNumber = Integer.MAX_VALUE;
        s.big = Long.MIN_VALUE + 1;
        s.boxedBig = Long.MAX_VALUE;
        s.small = (short) -7;
        s.boxedSmall = Short.MAX_VALUE;
        s.real = 3.5;
        s.boxedReal = -0.5;
        s.single = 1.5f;
        s.boxedSingle = 2.25f;
        s.amount = new BigDecimal("12345678.1234");
        s.day = LocalDate.of(2024, 2, 29);
        s.moment = LocalDateTime.of(2024, 3, 1, 12, 34, 56, 123456000);
        s.clock = LocalTime.of(23, 59, 58);
        s.instant = Instant.parse("2024-06-01T10:15:30.123456Z");
        s.offsetMoment = OffsetDateTime.of(2024, 6, 1, 12, 15, 30, 0, ZoneOffset.ofHours(2));
        s.uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        s.bytes = new byte[]{0, 1, (byte) 255, -128};
        s.status = Status.ACTIVE;
        return s;
    }

    @Test
    void everyTypeMapsAsThroughTheHandles() {
        await(db.asave(full()));
        Sample empty = new Sample();
        empty.text = "only required";
        await(db.asave(empty));
        List<Mapped<Sample>> rows = MapperComparison.mapBoth(db, Sample.class, ENTITIES);
        assertThat(rows).hasSize(2);
        for (Mapped<Sample> row : rows) {
            assertThat(row.generated()).usingRecursiveComparison().isEqualTo(row.handles());
        }
        Sample first = rows.get(0).generated();
        assertThat(first.big).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(first.status).isEqualTo(Status.ACTIVE);
        assertThat(first.moment).isEqualTo(full().moment);
        assertThat(first.bytes).containsExactly(full().bytes);
        Sample second = rows.get(1).generated();
        assertThat(second.number).isZero();
        assertThat(second.flag).isFalse();
        assertThat(second.boxedNumber).isNull();
        assertThat(second.status).isNull();
    }

    @Test
    void privateAndInheritedFieldsMapAsThroughTheHandles() {
        await(db.asave(new Gadget("lamp", 3, 1200L, null)));
        await(db.asave(new Gadget("fan", -1, 7L, 40)));
        List<Mapped<Gadget>> gadgets = MapperComparison.mapBoth(db, Gadget.class, ENTITIES);
        assertThat(gadgets).extracting(g -> g.generated().label()).containsExactly("lamp", "fan");
        assertThat(gadgets).extracting(g -> g.generated().rank()).containsExactly(3, -1);
        assertThat(gadgets).extracting(g -> g.generated().weight()).containsExactly(1200L, 7L);
        assertThat(gadgets).extracting(g -> g.generated().stock()).containsExactly(null, 40);
        gadgets.forEach(g -> assertThat(g.generated()).usingRecursiveComparison().isEqualTo(g.handles()));

        Part part = new Part();
        ((PartBase) part).maker = "acme";
        part.count = 5;
        part.spare = true;
        await(db.asave(part));
        Mapped<Part> mapped = MapperComparison.mapBoth(db, Part.class, ENTITIES).get(0);
        assertThat(((PartBase) mapped.generated()).maker).isEqualTo("acme");
        assertThat(((PartBase) mapped.generated()).price).isNull();
        assertThat(mapped.generated().count).isEqualTo(5);
        assertThat(mapped.generated().spare).isTrue();
        assertThat(mapped.generated()).usingRecursiveComparison().isEqualTo(mapped.handles());
    }

    @Test
    void referencesBecomeStubsAndLaziesStayUnloaded() {
        Shelf shelf = new Shelf("oak");
        shelf.note = Lazy.of("dusty");
        await(db.asave(shelf));
        await(db.asave(new Book("Dune", shelf)));
        Mapped<Book> book = MapperComparison.mapBoth(db, Book.class, ENTITIES).get(0);
        assertThat(book.generated().title).isEqualTo("Dune");
        assertThat(book.generated().shelf.id).isEqualTo(shelf.id);
        assertThat(book.generated().shelf.name).isNull();
        assertThat(book.generated()).usingRecursiveComparison().isEqualTo(book.handles());

        Mapped<Shelf> loaded = MapperComparison.mapBoth(db, Shelf.class, ENTITIES).get(0);
        assertThat(loaded.generated().name).isEqualTo("oak");
        assertThat(loaded.generated().note).isSameAs(Lazy.notLoaded()).isSameAs(loaded.handles().note);
        assertThat(loaded.generated().books).isInstanceOf(UnloadedSet.class);
        assertThat(loaded.handles().books).isInstanceOf(UnloadedSet.class);
    }

    @Test
    void queriesMapThroughTheGeneratedMapper() {
        assertThat(MapperComparison.generatedMapper(db, Sample.class, ENTITIES).isGenerated()).isTrue();
        Sample saved = await(db.asave(full()));
        Sample loaded = await(db.aselect(Sample.class).filter(Sample_.id.eq(saved.id)).getOrRaise());
        assertThat(loaded.uuid).isEqualTo(full().uuid);
        assertThat(loaded.boxedSmall).isEqualTo(Short.MAX_VALUE);
    }
}
