package io.nextorm.testkit.school;

import io.nextorm.AsyncDatabase;

import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of the school model that the query-language tests share: three groups (C has no student),
 * six students (fay has no group), three courses.
 */
public final class School {

    /** The entities, in dependency order. */
    public static final List<Class<?>> ENTITIES = List.of(Group.class, Student.class, Course.class);

    private School() {
    }

    /**
     * Saves the rows.
     *
     * @param db the database
     * @param timeout how long to wait
     */
    public static void fill(AsyncDatabase db, java.time.Duration timeout) {
        Group a = new Group("A", 1);
        Group b = new Group("B", 2);
        Group c = new Group("C", 3);
        Course math = new Course("math", 5);
        Course art = new Course("art", 3);
        Course history = new Course("history", 4);
        List<Object> rows = new ArrayList<>(List.of(a, b, c, math, art, history));
        rows.add(student("ann", 3.9, LocalDate.of(2001, 3, 4), a, math, art));
        rows.add(student("bob", 2.5, LocalDate.of(2000, 11, 20), a, art));
        rows.add(student("cid", 3.2, LocalDate.of(2002, 5, 6), a));
        rows.add(student("dan", 3.6, LocalDate.of(2001, 7, 8), b, math));
        rows.add(student(" eve ", 2.9, LocalDate.of(1999, 1, 2), b));
        rows.add(student("fay", 3.0, LocalDate.of(2000, 2, 3), null));
        db.session(s -> Mono.fromRunnable(() -> rows.forEach(s::add))).block(timeout);
    }

    private static Student student(String name, double gpa, LocalDate born, Group group, Course... courses) {
        Student student = new Student(name, gpa, born, group);
        student.setCourses(new HashSet<>(Set.of(courses)));
        return student;
    }
}
