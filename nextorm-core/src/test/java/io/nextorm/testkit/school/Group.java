package io.nextorm.testkit.school;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.util.Set;

/** A group of students, like PonyORM's test model ({@code group} is a reserved word). */
@Entity
public class Group {
    @PrimaryKey
    private Long id;
    private String name;
    private int number;
    private Set<Student> students;

    public Group() {
    }

    public Group(String name, int number) {
        this.name = name;
        this.number = number;
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

    public int getNumber() {
        return number;
    }

    public void setNumber(int number) {
        this.number = number;
    }

    public Set<Student> getStudents() {
        return students;
    }

    public void setStudents(Set<Student> students) {
        this.students = students;
    }

    @Override
    public String toString() {
        return "Group[" + name + "]";
    }
}
