package io.nextorm.internal.session;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.mapping.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a flush inserts new objects: in waves by foreign-key dependency (an object
 * goes after the new objects it refers to); within a wave, tables in {@code Mapping.creationOrder()};
 * the objects of one table and wave that have (or lack) their keys form one group, written with
 * multi-row INSERTs in the order they were added.
 */
final class InsertPlan {

    private InsertPlan() {
    }

    /**
     * The objects of one entity inserted together.
     *
     * @param model the entity
     * @param withKey whether their keys are written (false: generated)
     * @param entities the objects, in the order they were added
     */
    record Group(EntityModel<?> model, boolean withKey, List<Object> entities) {
    }

    /**
     * Groups and orders new objects.
     *
     * @param mapping the mapping
     * @param news the new objects, in the order they were added
     * @return the groups, in insert order
     * @throws IllegalStateException when new objects refer to each other in a cycle, or to themselves
     */
    static List<Group> of(Mapping mapping, List<Object> news) {
        // objects without references are in wave 0: the maps are made once one has a reference
        Set<Object> inserting = null;
        Map<Object, Integer> waves = null;
        Set<Object> visiting = null;
        for (Object entity : news) {
            EntityModel<?> model = mapping.entity(entity.getClass());
            if (!model.references().isEmpty()) {
                if (waves == null) {
                    inserting = Collections.newSetFromMap(new IdentityHashMap<>(news.size()));
                    inserting.addAll(news);
                    waves = new IdentityHashMap<>(news.size());
                    visiting = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                wave(entity, model, inserting, waves, visiting);
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        List<Table> order = mapping.creationOrder();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i).name(), i);
        }
        Map<Key, List<Object>> groups = new LinkedHashMap<>();
        for (Object entity : news) {
            EntityModel<?> model = mapping.entity(entity.getClass());
            boolean generate = model.generatedKey() && model.hasNoId(entity);
            int wave = waves == null ? 0 : waves.getOrDefault(entity, 0);
            groups.computeIfAbsent(new Key(wave, rank.getOrDefault(model.table(), 0), model, !generate),
                    k -> new ArrayList<>()).add(entity);
        }
        List<Map.Entry<Key, List<Object>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<Key, List<Object>> e) -> e.getKey().wave())
                .thenComparingInt(e -> e.getKey().rank()));
        List<Group> plan = new ArrayList<>(sorted.size());
        for (Map.Entry<Key, List<Object>> group : sorted) {
            plan.add(new Group(group.getKey().model(), group.getKey().withKey(), group.getValue()));
        }
        return plan;
    }

    private static int wave(Object entity, EntityModel<?> model, Set<Object> inserting, Map<Object, Integer> waves,
                            Set<Object> visiting) {
        Integer known = waves.get(entity);
        if (known != null) {
            return known;
        }
        if (!visiting.add(entity)) {
            throw new IllegalStateException("The new objects refer to each other in a cycle through " + model.name()
                    + " (" + entity + "): they cannot be inserted in any order; insert one of them first with the "
                    + "reference left null, then set it");
        }
        int wave = 0;
        for (PropertyModel reference : model.references()) {
            Object target = reference.get(entity);
            if (target != null && inserting.contains(target)) {
                if (target == entity) {
                    throw new IllegalStateException(reference + " of a new " + model.name() + " refers to itself: "
                            + "insert it first, then set the reference");
                }
                wave = Math.max(wave, 1 + wave(target, reference.target(), inserting, waves, visiting));
            }
        }
        visiting.remove(entity);
        waves.put(entity, wave);
        return wave;
    }

    private record Key(int wave, int rank, EntityModel<?> model, boolean withKey) {
    }
}
