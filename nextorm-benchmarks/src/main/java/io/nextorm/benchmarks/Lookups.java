package io.nextorm.benchmarks;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The keys a get-by-key case looks up, drawn once per trial (the same for every side), and the
 * loop that looks them up, one after the other or many in flight at once.
 */
final class Lookups {

    private Lookups() {
    }

    /**
     * Random existing keys, the same every run.
     *
     * @param existing the keys in the table
     * @param count how many to draw
     * @return the keys
     */
    static Long[] draw(List<Long> existing, int count) {
        Random random = new Random(42);
        Long[] ids = new Long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = existing.get(random.nextInt(existing.size()));
        }
        return ids;
    }

    /**
     * Looks every key up.
     *
     * @param ids the keys
     * @param concurrency lookups in flight at once; 1 for one after the other
     * @param get the lookup of one key
     * @return the rows found, in key order when sequential
     */
    static List<BenchRow> run(Long[] ids, int concurrency, Function<Long, Mono<BenchRow>> get) {
        Flux<Long> keys = Flux.fromArray(ids);
        return (concurrency == 1 ? keys.concatMap(get) : keys.flatMap(get, concurrency)).collectList().block();
    }
}
