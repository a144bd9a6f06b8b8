package io.nextorm.benchmarks;

import org.springframework.data.domain.Limit;
import org.springframework.data.r2dbc.repository.R2dbcRepository;
import reactor.core.publisher.Flux;

/**
 * The Spring Data R2DBC repository of {@link BenchRow}, made by {@code R2dbcRepositoryFactory} on the
 * fixture's template (no application context).
 */
public interface BenchRowRepository extends R2dbcRepository<BenchRow, Long> {

    /**
     * The filtered, ordered, limited query of {@link FilteredQueryBenchmark}, as a derived query.
     *
     * @param minAge the lowest age, inclusive
     * @param maxAge the highest age, exclusive
     * @param limit the most rows
     * @return the rows, highest score first
     */
    Flux<BenchRow> findByAgeGreaterThanEqualAndAgeLessThanOrderByScoreDesc(int minAge, int maxAge, Limit limit);
}
