package io.nextorm.testkit.model;

/** An enum stored by name. */
public enum Status {
    NEW, ACTIVE, RETIRED
}
