package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Reverse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which side of a one-to-one holds the column, and the errors when that is unclear. */
class OneToOneMappingTest {

    @Entity
    static class Citizen {
        @PrimaryKey Long id;
        @Nullable Passport passport;
    }

    @Entity
    static class Passport {
        @PrimaryKey Long id;
        @Column(unique = true) @Nullable Citizen citizen;
    }

    @Entity
    static class Husband {
        @PrimaryKey Long id;
        @Column(unique = true) @Nullable Wife wife;
    }

    @Entity
    static class Wife {
        @PrimaryKey Long id;
        @Column(unique = true) @Nullable Husband husband;
    }

    @Entity
    static class Desk {
        @PrimaryKey Long id;
        @Nullable Worker worker;
    }

    @Entity
    static class Worker {
        @PrimaryKey Long id;
        @Column(unique = true) @Nullable Desk desk;
        @Column(unique = true) @Nullable Desk spareDesk;
    }

    @Entity
    static class NamedDesk {
        @PrimaryKey Long id;
        @Reverse("spareDesk") @Nullable NamedWorker worker;
    }

    @Entity
    static class NamedWorker {
        @PrimaryKey Long id;
        @Column(unique = true) @Nullable NamedDesk desk;
        @Column(unique = true) @Nullable NamedDesk spareDesk;
    }

    @Entity
    static class WrongDesk {
        @PrimaryKey Long id;
        @Reverse("nothing") @Nullable WrongWorker worker;
    }

    @Entity
    static class WrongWorker {
        @PrimaryKey Long id;
        @Column(unique = true) @Nullable WrongDesk desk;
    }

    @Entity
    static class City {
        @PrimaryKey Long id;
        @Nullable Mayor mayor;
    }

    @Entity
    static class Mayor {
        @PrimaryKey Long id;
        @Nullable City city;
    }

    @Test
    void aPlainReferenceBackToAUniqueReferenceIsTheReverseSideWithoutAColumn() {
        Mapping mapping = Mapping.build(List.of(Citizen.class, Passport.class), true);

        PropertyModel reverseSide = mapping.entity(Citizen.class).property("passport");
        PropertyModel owning = mapping.entity(Passport.class).property("citizen");
        assertThat(reverseSide.kind()).isEqualTo(PropertyKind.REVERSE_REFERENCE);
        assertThat(reverseSide.column()).isNull();
        assertThat(reverseSide.relation().reverse()).isSameAs(owning);
        assertThat(owning.kind()).isEqualTo(PropertyKind.REFERENCE);
        assertThat(owning.relation().reverse()).isSameAs(reverseSide);
        assertThat(mapping.tables().get("citizen").columns()).extracting(c -> c.name()).containsExactly("id");
        assertThat(mapping.tables().get("passport").column("citizen_id").orElseThrow().unique()).isTrue();
    }

    @Test
    void twoUniqueReferencesBothWaysNameBothClassesAndTheFix() {
        assertThatThrownBy(() -> Mapping.build(List.of(Husband.class, Wife.class), true))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("OneToOneMappingTest$Husband").hasMessageContaining("OneToOneMappingTest$Wife")
                .hasMessageContaining("remove @Column(unique = true) from the side without the column");
    }

    @Test
    void twoUniqueReferencesBackAskForReverse() {
        assertThatThrownBy(() -> Mapping.build(List.of(Desk.class, Worker.class), true))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Desk.worker").hasMessageContaining("[desk, spareDesk]")
                .hasMessageContaining("@Reverse(\"field\")");
    }

    @Test
    void reverseNamesTheOwningFieldAmongSeveral() {
        Mapping mapping = Mapping.build(List.of(NamedDesk.class, NamedWorker.class), true);

        assertThat(mapping.entity(NamedDesk.class).property("worker").relation().reverse().name()).isEqualTo("spareDesk");
    }

    @Test
    void reverseNamingNoUniqueReferenceBackSaysWhichThereAre() {
        assertThatThrownBy(() -> Mapping.build(List.of(WrongDesk.class, WrongWorker.class), true))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("@Reverse(\"nothing\")").hasMessageContaining("[desk]");
    }

    @Test
    void referencesBothWaysWithoutUniqueStayTwoForeignKeys() {
        Mapping mapping = Mapping.build(List.of(City.class, Mayor.class), true);

        assertThat(mapping.entity(City.class).property("mayor").kind()).isEqualTo(PropertyKind.REFERENCE);
        assertThat(mapping.entity(Mayor.class).property("city").column()).isEqualTo("city_id");
    }
}
