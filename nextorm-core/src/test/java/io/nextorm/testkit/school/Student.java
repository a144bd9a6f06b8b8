package io.nextorm.testkit.school;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDate;
import java.util.Set;

/** A student: a group, courses, a grade point average and a birth date. */
@Entity
public class Student {
    @PrimaryKey
    private Long id;
    private String name;
    private double gpa;
    private LocalDate born;
    @Nullable
    private Group group;
    private Set<Course> courses;

    public Student() {
    }

    public Student(String name, double gpa, LocalDate born, Group group) {
        this.name = name;
        this.gpa = gpa;
        this.born = born;
        this.group = group;
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

    public double getGpa() {
        return gpa;
    }

    public void setGpa(double gpa) {
        this.gpa = gpa;
    }

    public LocalDate getBorn() {
        return born;
    }

    public void setBorn(LocalDate born) {
        this.born = born;
    }

    public Group getGroup() {
        return group;
    }

    public void setGroup(Group group) {
        this.group = group;
    }

    public Set<Course> getCourses() {
        return courses;
    }

    public void setCourses(Set<Course> courses) {
        this.courses = courses;
    }

    @Override
    public String toString() {
        return "Student[" + name + "]";
    }
}
