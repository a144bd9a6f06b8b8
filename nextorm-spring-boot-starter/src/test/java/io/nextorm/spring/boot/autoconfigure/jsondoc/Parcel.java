package io.nextorm.spring.boot.autoconfigure.jsondoc;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Json;
import io.nextorm.annotation.PrimaryKey;

/**
 * A parcel with its address stored as JSON.
 */
@Entity
public class Parcel {
    @PrimaryKey Long id;
    @Json Address address;

    /**
     * An address, a JSON document.
     *
     * @param streetName the street
     * @param houseNumber the number
     */
    public record Address(String streetName, int houseNumber) {
    }

    /**
     * A new parcel.
     *
     * @param address where it goes
     * @return the parcel, unsaved
     */
    public static Parcel to(Address address) {
        Parcel parcel = new Parcel();
        parcel.address = address;
        return parcel;
    }

    /**
     * The address.
     *
     * @return the address
     */
    public Address getAddress() {
        return address;
    }
}
