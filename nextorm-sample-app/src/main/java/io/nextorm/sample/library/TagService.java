package io.nextorm.sample.library;

import io.nextorm.AsyncDatabase;
import io.nextorm.DbSession;
import io.nextorm.sample.Book;
import io.nextorm.sample.Tag;
import io.nextorm.sample.Tag_;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The library's tags.
 */
@Service
public class TagService {

    private final AsyncDatabase db;

    /**
     * Creates the service.
     *
     * @param db the database, from the nextorm starter
     */
    public TagService(AsyncDatabase db) {
        this.db = db;
    }

    /**
     * Every tag, by name, with the number of its books.
     *
     * @return the tags
     */
    public Flux<TagView> tags() {
        return db.aselect(Tag.class).orderBy(Tag_.name.asc()).prefetch(Tag_.books).stream().map(TagView::of);
    }

    /**
     * The keys of the books with a tag.
     *
     * @param name the tag's name
     * @return the keys; empty when there is no such tag
     */
    Mono<List<Long>> bookIds(String name) {
        return db.aselect(Tag.class).filter(Tag_.name.eq(name)).prefetch(Tag_.books).get()
                .map(tag -> tag.getBooks().stream().map(Book::getId).toList())
                .defaultIfEmpty(List.of());
    }

    /**
     * The tags of those names in the session, the missing ones added to it.
     *
     * @param session the session
     * @param names the names
     * @return the tags, in the order of the names, without repeats
     */
    Mono<List<Tag>> findOrAdd(DbSession session, List<String> names) {
        Set<String> wanted = names.stream().map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.aselect(Tag.class).filter(Tag_.name.in(wanted)).fetchAll()
                .map(found -> {
                    Map<String, Tag> byName = found.stream().collect(Collectors.toMap(Tag::getName, Function.identity()));
                    List<Tag> tags = new ArrayList<>();
                    for (String name : wanted) {
                        tags.add(byName.computeIfAbsent(name, missing -> session.add(new Tag(missing))));
                    }
                    return tags;
                });
    }
}
