package io.nextorm.testkit.school;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.util.Set;

/** A course, taken by many students (many-to-many). */
@Entity
public class Course {
    @PrimaryKey
    private Long id;
    private String name;
    private int credits;
    private Set<Student> students;

    public Course() {
    }

    public Course(String name, int credits) {
        this.name = name;
        this.credits = credits;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getCredits() {
        return credits;
    }

    public void setCredits(int credits) {
        this.credits = credits;
    }

    public Set<Student> getStudents() {
        return students;
    }

    public void setStudents(Set<Student> students) {
        this.students = students;
    }

    @Override
    public String toString() {
        return "Course[" + name + "]";
    }
}
