package io.nextorm.kit;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/** A narrow row that {@link StreamTest} inserts by the hundred thousand and streams back. */
@Entity(table = "streamed_row")
public class StreamedRow {
    @PrimaryKey
    public Long id;
    public String name;
    public long amount;

    public StreamedRow() {
    }
}
